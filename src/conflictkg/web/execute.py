"""Run one SPARQL query on a pyoxigraph store and serialize the answer with Oxigraph's writers.

This is what a query worker process does (see :mod:`conflictkg.web.pool`); it imports neither
Starlette nor the pool, so a worker starts quickly. Every outcome, errors included, is an
:class:`Answer`: plain data that crosses the process boundary by pickling.

Row cap: SELECT results are written by Oxigraph's TSV writer into a :class:`_CappedSink` that
counts lines (one solution per line; TSV escapes newlines in literals) and aborts the evaluation
as soon as one solution past the cap exists. The kept TSV is parsed back by Oxigraph and written
in the negotiated format, so every format is produced by Oxigraph and the query never runs to
completion just to be cut. CONSTRUCT and DESCRIBE triples are capped the same way (iteration).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from conflictkg.errors import NotAcceptable, QueryRefused
from conflictkg.rdf.namespaces import PREFIXES
from conflictkg.settings import MAX_QUERY_DEPTH
from conflictkg.sparql.guard import check_query
from conflictkg.sparql.results import solutions_bytes
from conflictkg.store.oxigraph import looks_like_update, query_syntax_error
from conflictkg.web.formats import GRAPH_FORMATS, GRAPH_OX, RESULT_FORMATS, RESULTS_OX, choose

TEXT = "text/plain; charset=utf-8"
READ_ONLY = "This endpoint is read-only: SPARQL Update is refused."


@dataclass(frozen=True)
class QueryRequest:
    """A query as the protocol delivered it, with the dataset and the wanted formats."""

    query: str
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    accept: tuple[str, ...] = ()
    overrides: tuple[str, ...] = ()
    max_rows: int = 10_000
    max_depth: int = MAX_QUERY_DEPTH
    #: what relative IRIs in the query resolve against (the endpoint's own URL); None: not resolved
    base_iri: str | None = None


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, content type, body and extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def text_answer(status: int, message: str) -> Answer:
    """A plain-text answer (errors)."""
    return Answer(status, TEXT, (message.rstrip("\n") + "\n").encode("utf-8"))


_SKIP = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                   r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*', re.S)
_FROM = re.compile(r"(?<![?$:\w-])FROM\s+(?:NAMED\s+)?(?:<>|[\w-]*:)", re.I)


def _code_only(query: str) -> str:
    """``query`` without comments, strings and IRIs (so keywords can be searched for)."""
    def blank(match: re.Match[str]) -> str:
        token = match.group(0)
        return " " if token[0] == "#" else "<>" if token[0] == "<" else '""'

    return _SKIP.sub(blank, query)


def has_dataset_clause(query: str) -> bool:
    """True when the query names its own dataset with ``FROM`` / ``FROM NAMED``."""
    return bool(_FROM.search(_code_only(query)))


def _dataset(request: QueryRequest) -> dict[str, object]:
    """pyoxigraph keyword arguments for the protocol's dataset (union default graph otherwise)."""
    if request.default_graphs is None and request.named_graphs is None:
        return {} if has_dataset_clause(request.query) else {"use_default_graph_as_union": True}
    return {"default_graph": [ox.NamedNode(g) for g in request.default_graphs or ()],
            "named_graphs": [ox.NamedNode(g) for g in request.named_graphs or ()]}


def execute(store: ox.Store, request: QueryRequest) -> Answer:
    """Evaluate ``request`` on ``store``; errors become 400 (syntax, refused), 403 (update), 406 (no format
    the client accepts) or 500 answers.

    The text is checked before Oxigraph parses it (:func:`~conflictkg.sparql.guard.check_query`):
    a ``SERVICE`` would make this worker fetch any URL, deep nesting would crash it.
    """
    try:
        check_query(request.query, request.max_depth)
    except QueryRefused as exc:
        return text_answer(400, exc.message)
    try:
        result = store.query(request.query, prefixes=PREFIXES, base_iri=request.base_iri,
                             **_dataset(request))  # type: ignore[arg-type]
        return answer_of(result, request)
    except SyntaxError as exc:
        if looks_like_update(request.query):
            return text_answer(403, READ_ONLY)
        return text_answer(400, str(query_syntax_error(exc, request.query, PREFIXES)))
    except NotAcceptable as exc:
        return text_answer(406, str(exc))
    except ValueError as exc:
        return text_answer(400, f"query failed: {exc}")
    except OSError as exc:
        return text_answer(500, f"query failed: {exc}")


def answer_of(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | list[ox.Triple],
              request: QueryRequest) -> Answer:
    """An evaluated query's answer in the negotiated format, cut to ``request.max_rows``; also used for a
    SPARQL server's answers (:mod:`conflictkg.web.remote`), parsed back into Oxigraph's values.

    Raises:
        NotAcceptable: the client accepts none of the formats of this kind of answer.
    """
    if isinstance(result, ox.QuerySolutions):
        return _solutions(result, request)
    if isinstance(result, ox.QueryBoolean):
        fmt = choose(RESULT_FORMATS, request.accept, request.overrides)
        return Answer(200, fmt.content_type, result.serialize(format=RESULTS_OX[fmt.key]) or b"")
    return _triples(result, request)


class _CapReached(Exception):
    """Raised inside the TSV writer to stop evaluation once the row cap is exceeded."""


class _CappedSink:
    """A binary sink for Oxigraph's TSV writer keeping the header and at most ``max_rows`` rows."""

    def __init__(self, max_rows: int) -> None:
        self.limit = max_rows + 2  # header + max_rows rows + one row proving there are more
        self.data = bytearray()
        self.lines = 0

    def write(self, chunk: bytes) -> int:
        self.data += chunk
        self.lines += chunk.count(b"\n")
        if self.lines >= self.limit:
            raise _CapReached
        return len(chunk)

    def flush(self) -> None:
        """Nothing to flush (required by the writer)."""

    def kept(self) -> tuple[bytes, bool]:
        """The TSV of header plus at most the cap, and whether rows were dropped."""
        lines = bytes(self.data).split(b"\n")[:-1]
        cut = len(lines) > self.limit - 1
        return b"\n".join(lines[: self.limit - 1]) + b"\n", cut


def _solutions(result: ox.QuerySolutions, request: QueryRequest) -> Answer:
    fmt = choose(RESULT_FORMATS, request.accept, request.overrides)
    sink = _CappedSink(request.max_rows)
    try:
        result.serialize(sink, format=ox.QueryResultsFormat.TSV)
    except _CapReached:
        pass
    tsv, cut = sink.kept()
    body = tsv if fmt.key == "tsv" else solutions_bytes(ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV),
                                                        fmt.key)
    return Answer(200, fmt.content_type, body, _truncation(cut, request.max_rows))


def _triples(result: ox.QueryTriples | list[ox.Triple], request: QueryRequest) -> Answer:
    fmt = choose(GRAPH_FORMATS, request.accept, request.overrides)
    triples = list(itertools.islice(result, request.max_rows + 1))
    cut = len(triples) > request.max_rows
    body = ox.serialize(triples[: request.max_rows], format=GRAPH_OX[fmt.key], prefixes=PREFIXES) or b""
    return Answer(200, fmt.content_type, body, _truncation(cut, request.max_rows))


def _truncation(cut: bool, max_rows: int) -> dict[str, str]:
    return {"X-Conflictkg-Truncated": "true", "X-Conflictkg-Max-Rows": str(max_rows)} if cut else {}
