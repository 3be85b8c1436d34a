"""store.remote without a server: which store a --store value names, the Accept of each query form,
and answers that are not SPARQL results."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from conflictkg.errors import StoreError
from conflictkg.settings import split_store
from conflictkg.store.remote import GRAPH_TYPES, RESULTS_JSON, accept_for, is_ask, is_url, parse_answer


def test_a_store_value_is_a_server_only_when_it_is_an_http_url(monkeypatch: pytest.MonkeyPatch) -> None:
    assert split_store("HTTPS://example.org/sparql")[1] == "HTTPS://example.org/sparql"
    assert split_store("store/http:") == (Path("store/http:"), None)
    monkeypatch.setenv("CONFLICTKG_STORE", "http://127.0.0.1:7878/query")
    assert split_store(None)[1] == "http://127.0.0.1:7878/query"
    assert not is_url("/tmp/store") and is_url("http://h/q")


def test_each_query_form_asks_for_its_own_formats() -> None:
    assert accept_for("PREFIX a: <http://a/>\n# CONSTRUCT in a comment\nASK { ?s ?p ?o }") == RESULTS_JSON
    assert accept_for("BASE <http://b/> construct { ?s ?p ?o } WHERE { ?s ?p ?o }") == GRAPH_TYPES
    assert accept_for("DESCRIBE <http://a/x>") == GRAPH_TYPES
    assert accept_for("SELECT ?describe WHERE { ?describe ?p ?o }") == RESULTS_JSON


def test_answers_become_neutral_terms() -> None:
    json = (b'{"head":{"vars":["n","l"]},"results":{"bindings":[{"n":{"type":"literal","value":"3",'
            b'"datatype":"http://www.w3.org/2001/XMLSchema#integer"},"l":{"type":"literal","value":"Shusha",'
            b'"xml:lang":"en"}}]}}')
    result = parse_answer("application/sparql-results+json; charset=utf-8", json, "http://h/q")
    assert result.rows == [(ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                            ox.Literal("Shusha", language="en"))]
    graph = parse_answer("application/n-triples", b"<http://a/s> <http://a/p> <http://a/o> .\n", "http://h/q")
    assert graph.kind == "graph" and len(graph.triples) == 1


def test_a_page_instead_of_results_is_a_store_error_with_a_hint() -> None:
    with pytest.raises(StoreError, match="answered text/html, not SPARQL results") as caught:
        parse_answer("text/html", b"<html>login</html>", "http://h/q")
    assert "query endpoint" in str(caught.value)
    with pytest.raises(StoreError, match="not valid application/sparql-results"):
        parse_answer(RESULTS_JSON, b"{not json", "http://h/q")


def test_an_answer_with_too_many_headers_is_a_store_error_not_a_traceback() -> None:
    """Virtuoso echoes each default-graph-uri as a header; past 100 Python's HTTP client gives up."""
    import http.server
    import threading

    from conflictkg.store.remote import RemoteStore

    class Echoing(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
            self.send_response(200)
            for n in range(150):
                self.send_header("X-SPARQL-default-graph", f"https://w3id.org/conflictkg/graph/g{n}")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            """Quiet."""

    server = http.server.HTTPServer(("127.0.0.1", 0), Echoing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        with pytest.raises(StoreError, match="not valid HTTP"):
            RemoteStore(url, union="server", timeout_s=10).query("ASK {}")
    finally:
        server.shutdown()
        server.server_close()


def test_virtuosos_answer_to_an_ask_is_read_as_the_boolean() -> None:
    """Virtuoso answers an ASK as a one-row SELECT of ``__ASK_RETVAL`` (no row when false)."""
    def retval(rows: str) -> bytes:
        return b'{"head":{"link":[],"vars":["__ASK_RETVAL"]},"results":{"bindings":[' + rows.encode() + b"]}}"

    one = ('{"__ASK_RETVAL":{"type":"typed-literal","datatype":"http://www.w3.org/2001/XMLSchema#integer",'
           '"value":"1"}}')
    assert parse_answer(RESULTS_JSON, retval(one), "http://h/q", ask=True).boolean is True
    assert parse_answer(RESULTS_JSON, retval(""), "http://h/q", ask=True).boolean is False
    assert parse_answer(RESULTS_JSON, retval(one), "http://h/q").kind == "select"  # a SELECT of that name stays one
    assert is_ask("PREFIX a: <http://a/>\n#+ title: ASK?\nask { ?s ?p ?o }")
    assert not is_ask("SELECT ?ask WHERE { ?ask ?p ?o }")


def test_virtuosos_blank_nodes_in_sparql_json_are_read() -> None:
    json = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"bnode","value":"nodeID://b10000"}}]}}'
    (row,) = parse_answer(RESULTS_JSON, json, "http://h/q").rows
    assert row == (ox.BlankNode("b10000"),)


def test_virtuosos_booleans_written_1_or_0_are_read_as_true_or_false() -> None:
    """Virtuoso writes an xsd:boolean as "1" or "0" in SPARQL JSON; the store gives the canonical forms
    (the embedded store's), and leaves every other literal, 1 and 0 as integers too, as it was sent."""
    def binding(datatype: str, value: str) -> str:
        return f'{{"type":"typed-literal","datatype":"http://www.w3.org/2001/XMLSchema#{datatype}","value":"{value}"}}'

    row = ",".join(f'"{name}":{binding(dt, v)}' for name, dt, v in
                   (("a", "boolean", "1"), ("b", "boolean", "0"), ("c", "boolean", "true"), ("d", "integer", "1")))
    json = ('{"head":{"vars":["a","b","c","d"]},"results":{"bindings":[{' + row + '}]}}').encode()
    (answer,) = parse_answer(RESULTS_JSON, json, "http://h/q").rows
    boolean = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
    assert answer == (ox.Literal("true", datatype=boolean), ox.Literal("false", datatype=boolean),
                      ox.Literal("true", datatype=boolean), ox.Literal("1", datatype=ox.NamedNode(
                          "http://www.w3.org/2001/XMLSchema#integer")))
