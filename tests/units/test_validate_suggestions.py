""""Did you mean" hints on dangling references (validate.with_suggestions): given to the first
SUGGEST_AT_MOST of them only, so thousands of dangling references do not make validation quadratic."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

from conflictkg.rdf.namespaces import CKR
from conflictkg.validate import SUGGEST_AT_MOST, Report, Violation, with_suggestions

LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def test_hints_go_to_the_first_dangling_references_only() -> None:
    quads = [ox.Quad(ox.NamedNode(CKR + "place-parukh-farrukh"), LABEL, ox.Literal("Parukh"), ox.DefaultGraph())]
    missing = CKR + "place-parukh-farukh"
    report = Report([Violation("dangling-reference", missing, "unknown resource") for _ in range(SUGGEST_AT_MOST + 5)]
                    + [Violation("some-shape", missing, "not a dangling reference")])
    out = with_suggestions(report, quads).violations
    hinted = [v for v in out if "did you mean ckr:place-parukh-farrukh?" in v.message]
    assert len(out) == SUGGEST_AT_MOST + 6 and out[:SUGGEST_AT_MOST] == hinted
    assert [v.message for v in out[SUGGEST_AT_MOST:]] == ["unknown resource"] * 5 + ["not a dangling reference"]


def test_the_quads_are_not_read_without_a_dangling_reference() -> None:
    """The build passes the staged store's quads, read back from disk: a report without dangling
    references (the usual case) must not pay for reading them."""
    def unread() -> Iterator[ox.Quad]:
        raise AssertionError("the quads were read")
        yield  # a generator: the error comes only when it is read

    report = Report([Violation("some-shape", CKR + "place-x", "not a dangling reference")])
    assert with_suggestions(report, unread()).violations == report.violations
