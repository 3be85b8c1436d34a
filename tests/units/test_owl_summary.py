"""The claim nodes merged by shape for HermiT (`conflictkg.owl.summary`, #14): the summary is a homomorphic
image of the data (every triple maps into it, nothing else is merged), copies of one shape become one
node, and when the summary is inconsistent the whole projection decides."""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from conflictkg import build
from conflictkg.owl import summary
from conflictkg.resources import default_resources

CK = "https://w3id.org/conflictkg/ontology#"
CKR = "https://w3id.org/conflictkg/resource/"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = summary.RDF_TYPE


def n(local: str, base: str = CKR) -> ox.NamedNode:
    return ox.NamedNode(base + local)


def day(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))


FIXED = [
    ox.Triple(n("claimDate", CK), TYPE, summary.FUNCTIONAL),
    ox.Triple(n("agent-a"), TYPE, n("Agent", CK)),
    ox.Triple(n("claim-kept"), n("note", CK), ox.Literal("described in the reference data")),
]


def claim(slug: str, date: str, kind: str = "Allegation") -> list[ox.Triple]:
    return [ox.Triple(n(slug), TYPE, n(kind, CK)), ox.Triple(n(slug), n("claimant", CK), n("agent-a")),
            ox.Triple(n(slug), n("claimDate", CK), day(date)), ox.Triple(n(slug), n("hasContent", CK), n("g-" + slug)),
            ox.Triple(n(slug), n("quote", CK), ox.Literal(f"words of {slug}"))]


def test_every_triple_maps_into_the_summary_and_the_fixed_graphs_stay_as_they_are() -> None:
    claims = claim("claim-1", "2022-01-01") + claim("claim-2", "2022-01-01") + claim("claim-kept", "2022-01-01")
    merged = summary.summarise(FIXED, claims)
    assert merged.triples[:len(FIXED)] == FIXED
    image = set(merged.triples)
    assert all(summary.h(t, merged.representative) in image for t in claims)
    # only nodes the claims alone mention are merged: not the claim the reference data mentions, not the agent
    assert set(merged.representative) == {n(x) for x in ("claim-1", "claim-2", "g-claim-1", "g-claim-2", "g-claim-kept")}
    assert merged.representative[n("claim-1")] == merged.representative[n("claim-2")]
    # the representative states the two claims' shared four triples once, and both quotes
    assert len(merged.triples) == len(FIXED) + len(claim("claim-kept", "2022-01-01")) + 4 + 2


def test_copies_collapse_and_a_functional_value_keeps_nodes_apart() -> None:
    copies = [t for i in range(10) for t in claim(f"claim-copy-{i}", "2022-01-01")]
    merged = summary.summarise(FIXED, copies)
    assert (merged.merged_nodes, merged.representatives) == (20, 2)  # ten claims, ten content graph names
    other_day = summary.summarise(FIXED, copies + claim("claim-later", "2022-01-02"))
    assert other_day.representatives == 3  # a claim of another day is not merged with the others
    denial = summary.summarise(FIXED, copies + claim("claim-denial", "2022-01-01", kind="Denial"))
    assert denial.representatives == 3  # nor a node of another type


def test_nodes_in_owl_assertions_are_never_merged() -> None:
    same = ox.Triple(n("claim-1"), ox.NamedNode(summary.OWL + "sameAs"), n("claim-2"))
    merged = summary.summarise(FIXED, claim("claim-1", "2022-01-01") + claim("claim-2", "2022-01-01") + [same])
    assert same in merged.triples and n("claim-1") in {t.subject for t in merged.triples}


@pytest.mark.skipif(shutil.which("java") is None, reason="the OWL check needs Java (HermiT); .ci/run installs it")
def test_an_inconsistent_summary_is_decided_by_the_whole_projection(monkeypatch: pytest.MonkeyPatch) -> None:
    """A clash only the merge makes (here added to the summary) does not fail a build of consistent data."""
    made = summary.summarise

    def clashing(fixed: list[ox.Triple], claims: list[ox.Triple]) -> summary.Summary:
        found = made(fixed, claims)
        clash = ox.Triple(n("place-parukh-farrukh"), TYPE, n("Person", CK))  # a place is no person
        return summary.Summary(found.triples + [clash], found.representative)

    monkeypatch.setattr(summary, "summarise", clashing)
    staged, result = build.check(default_resources(), reason=True)
    staged.store.close()
    assert result.reasoner is not None and result.reasoner.merged_nodes == 0  # the whole projection's answer
