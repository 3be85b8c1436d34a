"""The site's ``/sparql`` and query pages over a SPARQL server (``serve --store URL``) instead of workers.

:class:`RemoteQueries` stands in for :class:`~conflictkg.web.pool.WorkerPool`: each query is checked
as in a worker (``SERVICE``, nesting, updates), forwarded to the server in a thread with the
predeclared prefixes, the endpoint's base IRI and the dataset (the request's ``default-graph-uri`` /
``named-graph-uri``, else the union of the named graphs as :mod:`conflictkg.store.remote` makes it),
and the server's answer is parsed back into Oxigraph's values and written by the same code as a
worker's (:func:`~conflictkg.web.execute.answer_of`): the same formats, the same row cap and
truncation headers. The time limit is the request's timeout towards the server.
"""

from __future__ import annotations

import anyio.to_thread

from conflictkg.errors import NotAcceptable, QueryError, QueryRefused, StoreError
from conflictkg.rdf.namespaces import PREFIXES
from conflictkg.sparql.guard import check_query
from conflictkg.store.oxigraph import looks_like_update
from conflictkg.store.remote import RemoteStore, is_ask, parse_native
from conflictkg.web.execute import READ_ONLY, Answer, QueryRequest, answer_of, has_dataset_clause, text_answer


class RemoteQueries:
    """What the endpoint needs from its query workers, answered by a SPARQL server."""

    def __init__(self, store: RemoteStore) -> None:
        self.store = store

    async def run(self, request: QueryRequest) -> Answer:
        """Answer ``request`` from the server (in a thread: the HTTP request blocks)."""
        return await anyio.to_thread.run_sync(forward, self.store, request)

    def pids(self) -> list[int]:
        """No worker processes: the server answers."""
        return []

    def close(self) -> None:
        """Nothing to stop."""


def forward(store: RemoteStore, request: QueryRequest) -> Answer:
    """``request`` answered by the server at ``store.endpoint``; errors as the workers' answers."""
    try:
        check_query(request.query, request.max_depth)
    except QueryRefused as exc:
        return text_answer(400, exc.message)
    if looks_like_update(request.query):
        return text_answer(403, READ_ONLY)
    prologue = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in sorted(PREFIXES.items()))
    base = f"BASE <{request.base_iri}>\n" if request.base_iri else ""
    try:
        content_type, payload = store.send_query(base + prologue + request.query, _dataset(store, request))
        native = parse_native(content_type, payload, store.endpoint, ask=is_ask(request.query))
        return answer_of(native, request)
    except QueryError as exc:
        return text_answer(400, exc.message)
    except StoreError as exc:
        return text_answer(502, str(exc))
    except NotAcceptable as exc:
        return text_answer(406, str(exc))


def _dataset(store: RemoteStore, request: QueryRequest) -> list[tuple[str, str]]:
    if request.default_graphs is None and request.named_graphs is None:
        return [] if has_dataset_clause(request.query) else store.union_dataset()
    return ([("default-graph-uri", g) for g in request.default_graphs or ()]
            + [("named-graph-uri", g) for g in request.named_graphs or ()])
