"""Contract tests: every backend answers the same queries with the same terms."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from conflictkg.errors import QueryError
from conflictkg.rdf.io import SourceFile, read_quads
from conflictkg.rdf.namespaces import CK, CKR
from conflictkg.store import Store
from conflictkg.store.memory import MemoryStore
from conflictkg.store.oxigraph import OxigraphStore

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini.trig"
PREFIX = f"PREFIX ck: <{CK}>\n"


@pytest.fixture(params=["oxigraph", "rdflib", "oxigraph-copied-to-memory"])
def store(request: pytest.FixtureRequest) -> Store:
    quads = read_quads(SourceFile(MINI))
    if request.param == "oxigraph-copied-to-memory":  # what `serve --in-memory` queries
        path = request.getfixturevalue("tmp_path") / "db"
        OxigraphStore.create(path, quads).close()
        on_disk = OxigraphStore.open_read_only(path)
        copy = on_disk.in_memory_copy()
        on_disk.close()
        assert len(copy) == len(quads)
        return copy
    return OxigraphStore.create(None, quads) if request.param == "oxigraph" else MemoryStore(quads)


def test_select_with_bound_parameter(store: Store) -> None:
    result = store.query(PREFIX + "SELECT ?claim ?date WHERE { ?claim ck:claimant ?who ; ck:claimDate ?date }",
                         {"who": ox.NamedNode(CKR + "example-agent-b")})
    assert result.variables == ["claim", "date"]
    assert result.rows == [(ox.NamedNode(CKR + "example-claim-2"),
                            ox.Literal("2022-03-27", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")))]


def test_default_graph_is_the_union_of_named_graphs(store: Store) -> None:
    result = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(result.rows[0][0].value) == 18  # type: ignore[union-attr]


def test_graph_names_and_quads(store: Store) -> None:
    assert store.graph_names() == [
        "https://w3id.org/conflictkg/graph/claims",
        "https://w3id.org/conflictkg/graph/example-claim-1",
        "https://w3id.org/conflictkg/graph/reference",
    ]
    assert len(list(store.quads())) == 18


def test_ask_and_construct(store: Store) -> None:
    assert store.query(PREFIX + "ASK { ?c ck:respondsTo ?d }").boolean is True
    graph = store.query(PREFIX + "CONSTRUCT { ?d ck:answeredBy ?c } WHERE { ?c ck:respondsTo ?d }")
    assert graph.kind == "graph" and len(graph.triples) == 1


def test_syntax_error_names_the_position(store: Store) -> None:
    with pytest.raises(QueryError, match=r"line 2, column \d+"):
        store.query("SELECT * WHERE {\n ?s ?p }")


def test_filter_sees_a_bound_parameter(store: Store) -> None:
    """Parameters are pre-bound: a FILTER in the WHERE group sees them on every backend."""
    q = PREFIX + "SELECT ?claim WHERE { ?claim ck:claimDate ?d FILTER(?d >= ?since) } ORDER BY ?claim"
    since = ox.Literal("2022-03-27", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    assert store.query(q, {"since": since}).rows == [(ox.NamedNode(CKR + "example-claim-2"),)]


def test_hostile_literal_cannot_change_the_query(store: Store) -> None:
    hostile = ox.Literal('x" } } ; DROP ALL ; #')
    result = store.query("SELECT ?name WHERE { }", {"name": hostile})
    assert result.rows == [(hostile,)]


def test_rows_follow_the_projection_order_with_none_for_unbound(store: Store) -> None:
    """Cells come in the order of the SELECT clause (not alphabetical), unbound ones as None."""
    q = PREFIX + ("SELECT ?who ?claim ?nothing WHERE { ?claim ck:claimant ?who ; ck:claimDate ?d "
                  "OPTIONAL { ?claim ck:noSuchProperty ?nothing } } ORDER BY ?claim")
    result = store.query(q)
    assert result.variables == ["who", "claim", "nothing"]
    assert result.rows[-1] == (ox.NamedNode(CKR + "example-agent-b"), ox.NamedNode(CKR + "example-claim-2"), None)
    assert all(len(row) == 3 and row[2] is None for row in result.rows)


def test_the_in_memory_copy_keeps_the_stores_depth_limit(tmp_path: Path) -> None:
    from conflictkg.errors import QueryTooDeep

    OxigraphStore.create(tmp_path / "db", read_quads(SourceFile(MINI))).close()
    on_disk = OxigraphStore.open_read_only(tmp_path / "db")
    on_disk.max_depth = 3
    copy = on_disk.in_memory_copy()
    on_disk.close()
    assert copy.max_depth == 3
    with pytest.raises(QueryTooDeep):
        copy.query("SELECT * WHERE { { { { ?s ?p ?o } } } }")
