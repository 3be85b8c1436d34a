"""SPARQL servers as the store: every question answers as on the embedded store when the server
unites the named graphs itself (Oxigraph's server and Virtuoso, each in ``uniting``; on Virtuoso
but for the differences of ``virtuoso_known``, each asserted), and when the protocol names the
graphs (Oxigraph)."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from conflictkg.errors import QueryError, StoreError
from conflictkg.exports import tables
from conflictkg.sparql.queries import Query, example_params, load_library, run, run_over
from conflictkg.store import Result
from conflictkg.store.oxigraph import OxigraphStore
from conflictkg.store.publish import publish
from conflictkg.store.remote import RemoteStore
from tests.conftest import REPO
from tests.servers import virtuoso_known
from tests.sparql_servers import Server, free_port

#: every question the package asks: the library and the pages', views', exports', checks' and drafter's
FOLDERS = ("", "pages", "views", "exports", "checks", "drafting")
QUESTIONS = [q for folder in FOLDERS for q in load_library(REPO / "queries" / folder).values()]
ORDERED = re.compile(r"\bORDER\s+BY\b", re.I)
#: the GROUP_CONCAT columns of each export table's question, as ``exports.tables`` sorts them
LISTS = {table.query: table.lists for table in tables.TABLES.values() if table.lists}


def answers(result: Result, lists: dict[str, str] | None = None) -> object:
    """A result as comparable values (blank nodes anonymous: their labels are each store's own), the
    ``lists`` columns' GROUP_CONCAT items sorted as the export tables sort them (``exports.tables``)."""
    if result.kind == "ask":
        return result.boolean
    rows = result.rows if result.kind == "select" else [tuple(t) for t in result.triples]
    names = result.variables if result.kind == "select" else []
    return [tuple(_value(t, (lists or {}).get(name)) for name, t in zip(names or [None] * len(row), row))
            for row in rows]


def _value(term: object, listed: str | None) -> str | None:
    if listed and isinstance(term, ox.Literal):
        term = ox.Literal(tables.sorted_cell(term.value, int if listed == "integer" else str))
    return "_:" if isinstance(term, ox.BlankNode) else None if term is None else str(term)


def both_answers(query: Query, embedded: OxigraphStore, remote: RemoteStore) -> tuple[object, object]:
    """The embedded store's and the server's answers, sorted when the query has no ORDER BY; an export
    table's GROUP_CONCAT lists sorted (SPARQL leaves their order to the engine; the tables sort them)."""
    lists = LISTS.get(query.id) if query.path.parent.name == "exports" else None
    here, there = (answers(run(store, query, example_params(query)), lists) for store in (embedded, remote))
    if isinstance(here, list) and isinstance(there, list) and not ORDERED.search(query.text):
        here, there = sorted(here, key=repr), sorted(there, key=repr)
    return here, there


def same_answers(query: Query, embedded: OxigraphStore, remote: RemoteStore) -> None:
    here, there = both_answers(query, embedded, remote)
    assert there == here, f"{query.id} answers differently on the server"


def known_difference(name: str, query: Query, embedded: OxigraphStore, remote: RemoteStore) -> None:
    """Virtuoso still differs on ``name`` as ``virtuoso_known`` says (a fixed one must leave the table); a
    ``ROUNDED`` one differs only by its coordinates' single precision."""
    if name in virtuoso_known.FAILS:
        message, reason = virtuoso_known.FAILS[name]
        with pytest.raises((QueryError, StoreError), match=re.escape(message)):
            run(remote, query, example_params(query))
        return
    here, there = both_answers(query, embedded, remote)
    assert there != here, f"{name} now answers the same on Virtuoso: remove it from virtuoso_known"
    if name in virtuoso_known.ROUNDED:
        assert virtuoso_known.single_precision(there) == virtuoso_known.single_precision(here), \
            f"{name} differs on Virtuoso by more than its coordinates' single precision"


@pytest.mark.parametrize("query", QUESTIONS, ids=[f"{q.path.parent.name}/{q.id}" for q in QUESTIONS])
def test_every_question_answers_the_same_on_a_uniting_server(query: Query, embedded: OxigraphStore,
                                                             uniting: tuple[str, Server]) -> None:
    engine, server = uniting
    remote = RemoteStore(server.query, timeout_s=300)
    assert remote.union_mode == "server"
    name = f"{query.path.parent.name}/{query.id}"
    if engine == "virtuoso" and name in {**virtuoso_known.FAILS, **virtuoso_known.DIFFERS, **virtuoso_known.ROUNDED}:
        known_difference(name, query, embedded, remote)
    else:
        same_answers(query, embedded, remote)


def test_a_list_bound_in_one_question_answers_the_same_on_a_uniting_server(embedded: OxigraphStore,
                                                                          uniting: tuple[str, Server]) -> None:
    """Search asks ``pages/resource-types`` once for a page's hits (``run_over``: a VALUES row each)."""
    query = load_library(REPO / "queries" / "pages")["resource-types"]
    ckr = "https://w3id.org/conflictkg/resource/"
    hits = [ckr + name for name in ("place-parukh-farrukh", "agent-armenia", "agreement-tri2020", "agreement-tri2020-p6",
                                    "incident-2022-03-24-parukh-farrukh", "nothing-of-that-name")]
    here = answers(run_over(embedded, query, "resource", hits))
    assert len({row[0] for row in here}) == len(hits) - 1
    assert answers(run_over(RemoteStore(uniting[1].query, timeout_s=300), query, "resource", hits)) == here


def test_the_known_differences_are_questions_of_the_package() -> None:
    names = {f"{q.path.parent.name}/{q.id}" for q in QUESTIONS}
    tables = (set(virtuoso_known.FAILS), set(virtuoso_known.DIFFERS), set(virtuoso_known.ROUNDED))
    assert set().union(*tables) <= names and sum(map(len, tables)) == len(set().union(*tables))


@pytest.mark.parametrize("query", QUESTIONS, ids=[f"{q.path.parent.name}/{q.id}" for q in QUESTIONS])
def test_every_question_answers_the_same_when_the_protocol_names_the_graphs(
        query: Query, embedded: OxigraphStore, oxigraph_plain: Server) -> None:
    remote = RemoteStore(oxigraph_plain.query, timeout_s=300)
    assert remote.union_mode == "dataset"
    same_answers(query, embedded, remote)


def test_quads_and_graph_names_are_the_published_ones(embedded: OxigraphStore, uniting: tuple[str, Server]) -> None:
    remote = RemoteStore(uniting[1].query)
    assert remote.graph_names() == embedded.graph_names()
    assert len(remote) == len(embedded)
    def anonymous(quads: object) -> list[str]:  # blank node labels are each store's own
        return sorted(re.sub(r"_:\w+", "_:", str(q)) for q in quads)  # type: ignore[attr-defined]

    here, there = anonymous(embedded.quads()), anonymous(remote.quads())
    if uniting[0] == "virtuoso":  # literals it rewrites, each asserted to be the only difference
        assert [q for q in here if not virtuoso_known.REWRITTEN.search(q)] == \
            [q for q in there if not virtuoso_known.REWRITTEN.search(q)]
        here = [q for q in here if virtuoso_known.REWRITTEN.search(q)]
        there = [q for q in there if virtuoso_known.REWRITTEN.search(q)]
        assert len(there) == len(here) and there != here
        return
    assert there == here


def test_bindings_and_prefixes_are_sent(uniting: tuple[str, Server]) -> None:
    remote = RemoteStore(uniting[1].query)
    result = remote.query("SELECT ?label WHERE { ?agent rdfs:label ?label }",
                          {"agent": ox.NamedNode("https://w3id.org/conflictkg/resource/agent-armenia")},
                          prefixes={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"})
    assert result.kind == "select" and result.rows
    assert all(isinstance(row[0], ox.Literal) for row in result.rows)
    graph = remote.query("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 3")
    assert graph.kind == "graph" and len(graph.triples) == 3


def test_updates_are_refused_before_anything_is_sent(uniting: tuple[str, Server]) -> None:
    remote = RemoteStore(uniting[1].query)
    with pytest.raises(QueryError, match="read-only"):
        remote.query("DELETE WHERE { ?s ?p ?o }")
    assert remote.query("ASK { ?s ?p ?o }").boolean
    assert remote.query("ASK { ?s <https://w3id.org/conflictkg/nowhere> ?o }").boolean is False


def test_a_refused_query_quotes_the_server(uniting: tuple[str, Server]) -> None:
    with pytest.raises(QueryError, match=r"refused the query \(HTTP 400\)") as caught:
        RemoteStore(uniting[1].query).query("SELECT ?x WHERE { ?x ?y }")
    assert uniting[1].query in str(caught.value)


def test_no_server_and_a_wrong_path_are_store_errors(oxigraph_union: Server) -> None:
    down = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(StoreError, match=f"cannot reach the server at {re.escape(down)}"):
        RemoteStore(down, timeout_s=5).query("ASK {}")
    wrong = oxigraph_union.query.replace("/query", "/nowhere")
    with pytest.raises(StoreError, match="HTTP 404"):
        RemoteStore(wrong).query("ASK {}")
    with pytest.raises(StoreError, match="not an http"):
        RemoteStore("ftp://example.org/sparql")


def test_a_failed_publish_says_what_it_left(embedded: OxigraphStore) -> None:
    down = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(StoreError, match=r"stopped at graph .* \(0 of \d+ graphs loaded\)") as caught:
        publish(embedded.quads(), down, timeout_s=5)
    assert "publish again" in str(caught.value)


def test_publish_removes_the_graphs_a_release_no_longer_has(tmp_path: Path, embedded: OxigraphStore) -> None:
    from tests.sparql_servers import oxigraph_server

    quads = list(embedded.quads())
    claims = "https://w3id.org/conflictkg/graph/claims"
    with oxigraph_server(tmp_path / "db", union=True) as server:
        first = publish(quads, server.graph_store, endpoint=server.query)
        assert first.quads == len(quads) and not first.removed
        kept = [q for q in quads if q.graph_name.value != claims]
        again = publish(kept, server.graph_store, endpoint=server.query)
        assert again.removed == [claims]
        assert claims not in RemoteStore(server.query).graph_names()


def test_the_site_forwards_an_ask_as_a_boolean(uniting: tuple[str, Server]) -> None:
    """``serve --store URL`` forwards /sparql: an ASK answers SPARQL JSON's boolean on every engine
    (Virtuoso's own answer is a SELECT of ``__ASK_RETVAL``)."""
    import json

    from conflictkg.web.execute import QueryRequest
    from conflictkg.web.remote import forward

    store = RemoteStore(uniting[1].query)
    for query, expected in (("ASK { ?s a ck:Claim }", True), ("ASK { ?s ck:nowhere ?o }", False)):
        answer = forward(store, QueryRequest(query, accept=("application/sparql-results+json",)))
        assert answer.status == 200 and json.loads(answer.body)["boolean"] is expected
