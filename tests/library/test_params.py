"""Query parameters: every declared parameter has a type, and values are checked against it.

``queries.to_term`` is the one place a parameter value becomes a term, for the CLI, the query
page and the pages; a value that does not fit its type is refused with the parameter's name
instead of being bound as a literal that silently matches nothing.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from conflictkg.errors import QueryError
from conflictkg.rdf.terms import XSD, iri_problem
from conflictkg.sparql.queries import PARAM_TYPES, Param, parse_header, to_term

from tests.conftest import REPO

QUERY_FILES = sorted(p for d in ("", "pages", "views", "checks", "exports") for p in (REPO / "queries" / d).glob("*.rq"))


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: str(p.relative_to(REPO / "queries")))
def test_every_parameter_declares_its_type(path: Path) -> None:
    header = parse_header(path.read_text(encoding="utf-8"), path)
    for name, spec in (header.get("params") or {}).items():  # type: ignore[union-attr]
        assert isinstance(spec, dict) and spec.get("type") in PARAM_TYPES, f"{path.name}: {name} has no type"


def test_the_query_files_have_parameters_at_all() -> None:
    declared = [yaml.safe_dump(parse_header(p.read_text(encoding="utf-8"), p).get("params")) for p in QUERY_FILES]
    assert len(QUERY_FILES) > 40 and sum("type:" in d for d in declared) > 20


@pytest.mark.parametrize(("ptype", "raw", "says"), [
    ("integer", "six", "parameter p needs an integer, got 'six'"),
    ("integer", "6 } UNION { ?a ?b ?c", "needs an integer"),
    ("integer", "", "needs an integer"),
    ("integer", "6.0", "needs an integer"),
    ("integer", "\u0666", "needs an integer"),
    ("decimal", "1,5", "needs a decimal number"),
    ("date", "2022-13-45", "needs a date (YYYY-MM-DD)"),
    ("date", "2022-02-29", "needs a date (YYYY-MM-DD)"),
    ("date", "yesterday", "needs a date (YYYY-MM-DD)"),
    ("date", "24/03/2022", "needs a date (YYYY-MM-DD)"),
    ("dateTime", "2022-03-24T25:00:00", "needs a date and time"),
    ("boolean", "yes", "needs a boolean"),
    ("iri", "https://w3id.org/conflictkg/resource/agent ru mod", "' ' (space) at position 43"),
    ("iri", "ckr:x> } ; DROP ALL #", "'>' at position 6"),
    ("iri", 'ckr:"quoted"', "'\"' at position 5"),
    ("iri", "ckr:a{b}", "'{' at position 6"),
    ("iri", "ckr:a|b", "'|' at position 6"),
    ("iri", "ckr:a^b", "'^' at position 6"),
    ("iri", "ckr:a`b", "'`' at position 6"),
    ("iri", "ckr:a\\b", "at position 6"),
    ("iri", "ckr:a<b", "'<' at position 6"),
    ("iri", "ckr:x>", "'>' at position 6"),
    ("iri", "ckr:a\x00b", "(U+0000) at position 6"),
    ("iri", "ckr:a\tb", "(U+0009) at position 6"),
    ("iri", "http://a/%zz", "percent encoding"),
    ("iri", "agent-armenia", "needs an IRI or a prefixed name"),
])
def test_values_that_do_not_fit_the_type_are_refused(ptype: str, raw: str, says: str) -> None:
    with pytest.raises(QueryError) as caught:
        to_term(Param("p", ptype, example="x"), raw)
    assert says in caught.value.message
    if ptype == "iri" and ":" in raw:
        assert caught.value.message.startswith("parameter p is not a valid IRI: ")


@pytest.mark.parametrize(("ptype", "raw", "term"), [
    ("integer", "6", ox.Literal("6", datatype=ox.NamedNode(XSD + "integer"))),
    ("integer", " -12 ", ox.Literal("-12", datatype=ox.NamedNode(XSD + "integer"))),
    ("decimal", "2.5", ox.Literal("2.5", datatype=ox.NamedNode(XSD + "decimal"))),
    ("date", "2024-02-29", ox.Literal("2024-02-29", datatype=ox.NamedNode(XSD + "date"))),
    ("dateTime", "2022-03-24T12:00:00Z", ox.Literal("2022-03-24T12:00:00Z", datatype=ox.NamedNode(XSD + "dateTime"))),
    ("boolean", "false", ox.Literal("false", datatype=ox.NamedNode(XSD + "boolean"))),
    ("string", "6 } UNION { ?a ?b ?c", ox.Literal("6 } UNION { ?a ?b ?c")),
    ("iri", "ckr:agent-armenia", ox.NamedNode("https://w3id.org/conflictkg/resource/agent-armenia")),
    ("iri", "<https://example.org/é>", ox.NamedNode("https://example.org/é")),
])
def test_values_of_the_type_are_bound(ptype: str, raw: str, term: object) -> None:
    assert to_term(Param("p", ptype), raw) == term


def test_iri_problem_accepts_iris_and_names_the_first_bad_character() -> None:
    assert iri_problem("https://w3id.org/conflictkg/resource/place-parukh-farrukh") is None
    assert iri_problem("urn:x:ü") is None
    assert iri_problem("x:a b>c") == "' ' (space) at position 4"
    assert iri_problem("no-scheme") is not None
