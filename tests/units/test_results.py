"""The command line's SPARQL results formats are Oxigraph's, the same writers as the endpoint's."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from conflictkg.sparql.results import OXIGRAPH_RESULTS, render, serialize, to_oxigraph
from conflictkg.store import Result
from conflictkg.store.oxigraph import OxigraphStore

EX = "http://example.org/"
HARD = "tab\there, line\nbreak, \"quotes\", back\\slash, Фарух, Fərrux"
QUADS = [
    ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "label"), ox.Literal(HARD, language="az"), ox.NamedNode(EX + "g")),
    ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "count"), ox.Literal("3", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer")), ox.NamedNode(EX + "g")),
    ox.Quad(ox.BlankNode("b0"), ox.NamedNode(EX + "label"), ox.Literal("plain"), ox.NamedNode(EX + "g")),
]
SELECT = "SELECT ?s ?p ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?s <http://example.org/nothing> ?none } } ORDER BY ?s ?p"


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    return OxigraphStore.create(None, QUADS)


@pytest.mark.parametrize("fmt", sorted(OXIGRAPH_RESULTS))
def test_the_cli_writes_what_oxigraph_writes_for_the_endpoint(store: OxigraphStore, fmt: str) -> None:
    """The same query, serialized from the library's Result and straight from Oxigraph's answer."""
    native = store.native.query(SELECT, use_default_graph_as_union=True).serialize(format=OXIGRAPH_RESULTS[fmt])
    assert serialize(store.query(SELECT), fmt) == native


def test_every_term_survives_the_round_trip(store: OxigraphStore) -> None:
    result = store.query(SELECT)
    assert [tuple(s) for s in to_oxigraph(result)] == result.rows
    assert any(isinstance(t, ox.Literal) and t.value == HARD for row in result.rows for t in row)


def test_json_and_csv_parse_as_their_standards_say(store: OxigraphStore) -> None:
    result = store.query(SELECT)
    doc = json.loads(render(result, "json"))
    assert doc["head"]["vars"] == ["s", "p", "o", "none"]
    assert {"type": "literal", "value": HARD, "xml:lang": "az"} in [b["o"] for b in doc["results"]["bindings"]]
    rows = list(csv.reader(io.StringIO(render(result, "csv"), newline="")))
    assert rows[0] == ["s", "p", "o", "none"] and [HARD, ""] in [r[2:] for r in rows]


def test_ask_and_empty_answers() -> None:
    assert json.loads(render(Result("ask", boolean=False), "json")) == {"head": {}, "boolean": False}
    assert render(Result("ask", boolean=True), "csv") == "true\n"  # no CSV for ASK: the table form
    assert render(Result("select", ["x"]), "tsv") == "?x\n"
    assert render(Result("select", ["x"]), "table").startswith("x\n-\n(0 rows)")
