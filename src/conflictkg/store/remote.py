"""Any SPARQL 1.1 server as the store: queries over the SPARQL 1.1 Protocol, behind the Store protocol.

``--store http(s)://HOST/PATH`` (or ``CONFLICTKG_STORE``) names the server's query endpoint. Queries
are sent with ``POST`` (``application/x-www-form-urlencoded``) and answered as SPARQL 1.1 Query
Results JSON (SELECT, ASK) or N-Triples (CONSTRUCT, DESCRIBE); Oxigraph's parsers turn the answer
into the neutral terms of :mod:`conflictkg.rdf.terms`, typed literals and language tags included.
Parameters are bound as for the embedded store (:func:`~conflictkg.sparql.binding.bind_values`,
a ``VALUES`` block); predeclared prefixes are sent as ``PREFIX`` lines before the query.

The default graph is the union of the named graphs (the contract of :mod:`conflictkg.store`).
Servers differ here, so the store finds out once, on first use (:data:`UNION_MODES`):

* ``server``: the server's own default graph already answers what the named graphs hold (Oxigraph
  started with ``--union-default-graph``); the query is sent as it is.
* ``dataset``: it does not (Oxigraph without that option: an empty default graph); every query
  names its dataset through the protocol, ``default-graph-uri`` and ``named-graph-uri`` once for
  each of conflictkg's graphs (those under ``https://w3id.org/conflictkg/graph/``, so a server's
  own system graphs never join). The list is read once; the request grows with the number of graphs.

Virtuoso has no switch for this: its default graph is every graph it holds, its system graphs
(``virtrdf#``, ``ldp#``, …) too, so the store finds ``server``. Naming conflictkg's graphs in the
protocol would make it echo each as a response header (past Python's limit of 100), and its
``input:default-graph-exclude`` pragma makes it answer ``GRAPH <iri>`` wrongly (7.2), so questions
that count every graph or class see its system graphs (docs/servers.md lists them). It answers an
ASK as a one-row SELECT of ``__ASK_RETVAL`` (none when false) whatever the ``Accept``:
:func:`parse_native` reads that back as the boolean. Its blank nodes in SPARQL JSON are
``nodeID://b10000``, not a blank node label: the ``nodeID://`` is dropped before parsing. It writes
an ``xsd:boolean`` in SPARQL JSON as ``"1"`` or ``"0"``, lexical forms XML Schema allows for the
same values: :func:`parse_answer` gives the canonical ``true`` and ``false`` the embedded store gives.

The store is read-only: an update is refused before anything is sent (``conflictkg publish`` is
the one writer, :mod:`conflictkg.store.publish`). Every request has a timeout; a refused
connection, a timeout or an HTTP error becomes a :class:`~conflictkg.errors.StoreError` (the server
cannot be reached or failed) or :class:`~conflictkg.errors.QueryError` (it refused the query, 400)
naming the endpoint and quoting the server's own message.
"""

from __future__ import annotations

import http.client
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from typing import Literal

import pyoxigraph as ox

from conflictkg.errors import QueryError, StoreError
from conflictkg.rdf.namespaces import CKG
from conflictkg.rdf.terms import Term
from conflictkg.settings import MAX_QUERY_DEPTH
from conflictkg.sparql.binding import bind_values
from conflictkg.sparql.guard import check_query
from conflictkg.store import Result
from conflictkg.store.oxigraph import READ_ONLY_HINT, looks_like_update

UnionMode = Literal["auto", "server", "dataset"]
UNION_MODES = ("auto", "server", "dataset")
RESULTS_JSON = "application/sparql-results+json"
GRAPH_TYPES = "application/n-triples, text/turtle;q=0.9"
#: The one variable of Virtuoso's answer to an ASK (a one-row SELECT when true, none when false).
ASK_RETVAL = "__ASK_RETVAL"
#: The most characters of a server's error body quoted in a message.
QUOTE_CHARS = 600
_TURTLE = ("text/turtle", "application/x-turtle")
_PROLOGUE = re.compile(r"\s*(?:(?:PREFIX\s+[^\s:]*:\s*|BASE\s*)<[^>]*>\s*)*", re.I)
#: Virtuoso labels blank nodes ``nodeID://b10000`` in SPARQL JSON, which is no blank node label.
_VIRTUOSO_BNODE = re.compile(rb'("type"\s*:\s*"bnode"\s*,\s*"value"\s*:\s*")nodeID://')
#: XML Schema's boolean, whose lexical forms ``1`` and ``0`` are read as the canonical ``true`` and ``false``.
XSD_BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
_CANONICAL_BOOLEAN = {"1": "true", "0": "false"}
_GRAPH_FORM = re.compile(r"(CONSTRUCT|DESCRIBE)\b", re.I)
_ASK_FORM = re.compile(r"ASK\b", re.I)


def is_url(location: str | None) -> bool:
    """True when a ``--store`` value names a server rather than a directory."""
    return bool(location) and str(location).lower().startswith(("http://", "https://"))


class RemoteStore:
    """A SPARQL 1.1 query endpoint (``endpoint``) as a read-only store."""

    def __init__(self, endpoint: str, *, timeout_s: float = 30.0, union: UnionMode = "auto",
                 max_depth: int = MAX_QUERY_DEPTH) -> None:
        if not is_url(endpoint):
            raise StoreError(f"{endpoint!r} is not an http(s) URL", hint="give the server's SPARQL query endpoint, "
                             "e.g. --store http://127.0.0.1:7878/query")
        self.endpoint = endpoint
        self.timeout_s = timeout_s
        self.max_depth = max_depth
        self._union: UnionMode = union
        self._graphs: list[str] | None = None

    # -- the Store protocol -------------------------------------------------------------------

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None,
              prefixes: Mapping[str, str] | None = None) -> Result:
        """Run ``sparql`` on the server with the union of the named graphs as its default graph."""
        check_query(sparql, self.max_depth)
        if looks_like_update(sparql):
            raise QueryError(READ_ONLY_HINT.replace("conflictkg's store", f"the store at {self.endpoint}"),
                             hint="load data into the server with `conflictkg publish --to GRAPH-STORE-URL`")
        text = _prologue(prefixes) + bind_values(sparql, bindings)
        return self._run(text, self.union_dataset(), ask=is_ask(text))

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of conflictkg's named graphs (one SELECT, in the server's order)."""
        names = self.graph_names()
        if not names:
            return
        values = " ".join(f"<{g}>" for g in names)
        result = self._run(f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}", [])
        for s, p, o, g in result.rows:
            yield ox.Quad(s, p, o, g)  # type: ignore[arg-type]

    def graph_names(self) -> list[str]:
        """conflictkg's named graphs on the server (IRIs under its graph namespace), sorted; read once."""
        if self._graphs is None:
            found = self._run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                              f'FILTER(STRSTARTS(STR(?g), "{CKG}")) }}', [])
            self._graphs = sorted(row[0].value for row in found.rows if isinstance(row[0], ox.NamedNode))
        return self._graphs

    def __len__(self) -> int:
        found = self._run("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                          f'FILTER(STRSTARTS(STR(?g), "{CKG}")) }}', [])
        return int(found.rows[0][0].value) if found.rows and found.rows[0][0] is not None else 0

    def close(self) -> None:
        """Nothing to close: every request has its own connection."""

    # -- union of the named graphs ------------------------------------------------------------

    @property
    def union_mode(self) -> UnionMode:
        """``server`` or ``dataset`` (found out on first use when created with ``auto``)."""
        if self._union == "auto":
            self._union = "server" if self._server_unites() else "dataset"
        return self._union

    def _server_unites(self) -> bool:
        """Does the server's default graph hold a triple of a named graph? (one quad, one ASK)"""
        one = self._run("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(!isBlank(?s) && !isBlank(?o) "
                        f'&& STRSTARTS(STR(?g), "{CKG}")) }} LIMIT 1', [])
        if not one.rows:
            return True  # nothing to unite: either way answers the same
        return bool(self._run(f"ASK {{ {' '.join(str(t) for t in one.rows[0])} }}", [], ask=True).boolean)

    def union_dataset(self) -> list[tuple[str, str]]:
        """The protocol parameters that make the default graph the union of the named graphs (none
        when the server unites them itself)."""
        if self.union_mode == "server":
            return []
        names = self.graph_names()
        return [("default-graph-uri", g) for g in names] + [("named-graph-uri", g) for g in names]

    # -- the protocol -------------------------------------------------------------------------

    def send_query(self, text: str, dataset: list[tuple[str, str]]) -> tuple[str, bytes]:
        """POST ``text`` with the protocol's ``dataset`` parameters; the answer's content type and body."""
        body = urllib.parse.urlencode([("query", text), *dataset]).encode("utf-8")
        request = urllib.request.Request(self.endpoint, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept_for(text)})
        return send(request, self.endpoint, self.timeout_s)

    def _run(self, text: str, dataset: list[tuple[str, str]], *, ask: bool = False) -> Result:
        return parse_answer(*self.send_query(text, dataset), self.endpoint, ask=ask)


def accept_for(text: str) -> str:
    """The Accept header for the query's form: graph formats for CONSTRUCT and DESCRIBE, SPARQL JSON
    otherwise (Virtuoso answers an ASK asked with both as a one-row SELECT of ``__ASK_RETVAL``)."""
    body = re.sub(r"#[^\n]*", " ", text)
    start = _PROLOGUE.match(body).end()  # type: ignore[union-attr]
    return GRAPH_TYPES if _GRAPH_FORM.match(body, start) else RESULTS_JSON


def is_ask(text: str) -> bool:
    """Is ``text`` (after its prologue and comments) an ASK query?"""
    body = re.sub(r"#[^\n]*", " ", text)
    start = _PROLOGUE.match(body).end()  # type: ignore[union-attr]
    return bool(_ASK_FORM.match(body, start))


def _prologue(prefixes: Mapping[str, str] | None) -> str:
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in sorted((prefixes or {}).items()))


def parse_answer(content_type: str, payload: bytes, endpoint: str, *, ask: bool = False) -> Result:
    """The server's answer as a neutral :class:`Result` (SPARQL JSON, N-Triples or Turtle); ``ask``
    when the query was an ASK (see :func:`parse_native`)."""
    answer = parse_native(content_type, payload, endpoint, ask=ask)
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        return Result("select", [v.value for v in answer.variables],
                      [tuple(canonical(term) for term in row) for row in answer])
    return Result("graph", triples=answer)


def canonical(term: Term | None) -> Term | None:
    """``term`` in its canonical form where a server may send another lexical form of the same value:
    an ``xsd:boolean`` written ``1`` or ``0`` (Virtuoso) is ``true`` or ``false``; any other term as it is.

    >>> canonical(ox.Literal("1", datatype=XSD_BOOLEAN)).value
    'true'
    """
    if isinstance(term, ox.Literal) and term.datatype == XSD_BOOLEAN and term.value in _CANONICAL_BOOLEAN:
        return ox.Literal(_CANONICAL_BOOLEAN[term.value], datatype=XSD_BOOLEAN)
    return term


def parse_native(content_type: str, payload: bytes, endpoint: str, *,
                 ask: bool = False) -> ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]:
    """The server's answer as Oxigraph's values (parsed by Oxigraph: typed literals, language tags).
    With ``ask``, Virtuoso's one-row SELECT of ``__ASK_RETVAL`` (no row when false) is the boolean."""
    kind = content_type.split(";")[0].strip().lower()
    try:
        if kind in (RESULTS_JSON, "application/json"):
            payload = _VIRTUOSO_BNODE.sub(rb"\1", payload)
            answer = ox.parse_query_results(payload, format=ox.QueryResultsFormat.JSON)
            return _ask_retval(answer) if ask else answer
        if kind in (*_TURTLE, "application/n-triples", "text/plain"):
            fmt = ox.RdfFormat.TURTLE if kind in _TURTLE else ox.RdfFormat.N_TRIPLES
            return [q.triple for q in ox.parse(payload, format=fmt)]
    except (SyntaxError, ValueError) as exc:
        raise StoreError(f"the server at {endpoint} sent an answer that is not valid {kind}: {exc}",
                         hint="check that the URL is the server's SPARQL query endpoint") from exc
    raise StoreError(f"the server at {endpoint} answered {kind or 'without a content type'}, "
                     "not SPARQL results", hint="check that the URL is the server's SPARQL query endpoint "
                     "(for Oxigraph: http://HOST:PORT/query)")


def send(request: urllib.request.Request, endpoint: str, timeout_s: float,
         what: str = "the query") -> tuple[str, bytes]:
    """Send ``request``; the answer's content type and body, or a typed error naming ``endpoint``
    (a 400 is a :class:`QueryError`: the server refused ``what``)."""
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:  # noqa: S310 (http(s) checked)
            return response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as exc:
        said = _quote(exc.read())
        if exc.code == 400:
            raise QueryError(f"the server at {endpoint} refused {what} (HTTP 400): {said}") from exc
        raise StoreError(f"the server at {endpoint} answered HTTP {exc.code} {exc.reason}: {said}",
                         hint=_hint(exc.code)) from exc
    except (TimeoutError, socket.timeout) as exc:
        raise StoreError(f"the server at {endpoint} did not answer within {timeout_s:g} s",
                         hint="the query may be too costly for it, or the server is overloaded") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise StoreError(f"the server at {endpoint} did not answer within {timeout_s:g} s",
                             hint="the query may be too costly for it, or the server is overloaded") from exc
        raise StoreError(f"cannot reach the server at {endpoint}: {getattr(reason, 'strerror', None) or reason}",
                         hint="check the URL and that the server is running") from exc
    except http.client.HTTPException as exc:
        raise StoreError(f"the server at {endpoint} sent an answer that is not valid HTTP: {exc}",
                         hint="check that the URL is the server's SPARQL endpoint") from exc
    except OSError as exc:
        raise StoreError(f"cannot reach the server at {endpoint}: {exc}",
                         hint="check the URL and that the server is running") from exc


def _ask_retval(answer: ox.QuerySolutions | ox.QueryBoolean) -> ox.QuerySolutions | ox.QueryBoolean:
    """Virtuoso's answer to an ASK (a SELECT of ``__ASK_RETVAL``) as the boolean; any other as it is."""
    if not isinstance(answer, ox.QuerySolutions) or [v.value for v in answer.variables] != [ASK_RETVAL]:
        return answer
    true = any(row[0] is not None and row[0].value not in ("0", "false") for row in answer)
    return ox.parse_query_results(b'{"head":{},"boolean":%s}' % (b"true" if true else b"false"),
                                  format=ox.QueryResultsFormat.JSON)


def _quote(body: bytes) -> str:
    text = body.decode("utf-8", errors="replace").strip()
    return (text[:QUOTE_CHARS] + "…") if len(text) > QUOTE_CHARS else text or "(no message)"


def _hint(status: int) -> str:
    if status == 404:
        return "check the URL: it must be the server's SPARQL endpoint (for Oxigraph: http://HOST:PORT/query)"
    if status in (401, 403):
        return "the server refuses this client; check its access settings"
    return "the server failed; its log may say why"
