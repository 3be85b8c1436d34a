"""conflictkg from Python (notebooks): the library's questions answered as pandas DataFrames.

The third skin beside the command line and the site, with the same settings as the command line
(``CONFLICTKG_STORE``, ``CONFLICTKG_ROOT``, the same default store directory) and the same
behaviour: a store that does not exist yet is built first. Errors are the library's typed errors
(:mod:`conflictkg.errors`), whose messages carry a hint, as on the command line.

>>> import tempfile, conflictkg
>>> with tempfile.TemporaryDirectory() as tmp, conflictkg.open(store=f"{tmp}/store", reason=False) as kg:
...     claims = kg.query("all-claims", as_rows=True)        # a DataFrame without as_rows=True
...     point_6 = kg.query("clause-version-differences", clause_number=6, as_rows=True)
...     places = [hit.iri for hit in kg.find("Fərrux")]
>>> sorted(claims[0])
['claim', 'claim_date', 'claim_label', 'claimant', 'claimant_label', 'incident', 'incident_label', 'kind', 'stance', 'stance_label']
>>> sorted({row["variant_form"] for row in point_6 if row["topic_label"] == "verb"})
['shall cede', 'shall return', 'will return']
>>> "https://w3id.org/conflictkg/resource/place-parukh-farrukh" in places
True
"""

from __future__ import annotations

import contextlib
import datetime
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conflictkg.errors import QueryError
from conflictkg.rdf.namespaces import PREFIXES
from conflictkg.resources import Resources, default_resources
from conflictkg.settings import ROOT_ENV, split_store
from conflictkg.sparql import frames
from conflictkg.sparql.queries import Query, load_library, resolve, run
from conflictkg.store import Result, Store
from conflictkg.store import directory as storedir
from conflictkg.store.oxigraph import OxigraphStore

__all__ = ["Hit", "KnowledgeGraph", "open"]


@dataclass(frozen=True)
class Hit:
    """One resource found by name: its IRI, its label, the name that matched, its type (place,
    incident, claim, actor, source, ...) and how well the name matched (exact, prefix, word, contains)."""

    iri: str
    label: str
    matched: str
    type: str = ""
    rank: str = ""


def open(store: str | os.PathLike[str] | None = None, *, root: str | os.PathLike[str] | None = None,  # noqa: A001
         reason: bool = True) -> KnowledgeGraph:
    """Open the store (``store``, else ``$CONFLICTKG_STORE``, else the default store directory),
    building it first when there is none, as ``conflictkg query`` does (said on stderr). A store
    given as ``http://…`` or ``https://…`` is a SPARQL server's query endpoint, read as the
    command line reads it (:mod:`conflictkg.store.remote`).

    ``root`` (else ``$CONFLICTKG_ROOT``) is a checkout whose ``ontology/``, ``queries/`` and ``data/``
    are used instead of the shipped copies; ``reason=False`` skips HermiT in that first build (no Java).

    Raises:
        StoreError: the directory is not a conflictkg store, is damaged or cannot be written.
    """
    store_dir, server = split_store(os.fspath(store) if store is not None else None)
    root = root if root is not None else os.environ.get(ROOT_ENV) or None
    resources = Resources(Path(root).resolve()) if root else default_resources()
    if server is not None:
        return KnowledgeGraph(store_dir, resources, server=server)
    if not storedir.store_exists(store_dir):
        storedir.claim(store_dir)  # refuse a file or a foreign directory before building anything
        _build(store_dir, resources, reason)
    storedir.open_store(store_dir).close()  # what is wrong with it, said before pinning
    return KnowledgeGraph(store_dir, resources)


def _build(store_dir: Path, resources: Resources, reason: bool) -> None:
    from conflictkg.build import build_store

    print(f"No store at {store_dir}; building it first (conflictkg build)…", file=sys.stderr)
    result = build_store(store_dir, resources, reason=reason)
    print(f"Built {result.quads} quads in {result.graphs} named graphs at {result.store_dir}.", file=sys.stderr)


class KnowledgeGraph:
    """The published store generation, pinned while open: a build meanwhile publishes a new one
    but leaves this one in place (as for ``serve``); open again to see it. Close it, or use it in
    a ``with`` block, to let builds remove it."""

    def __init__(self, store_dir: Path, resources: Resources, *, server: str | None = None) -> None:
        self.store_dir = store_dir
        self.resources = resources
        self.server = server
        self._pin = contextlib.ExitStack()
        self.generation: Path | None = None
        self._store: Store
        if server is not None:  # a SPARQL server: nothing to pin (docs/servers.md)
            from conflictkg.store.remote import RemoteStore

            self._store = RemoteStore(server)
        else:
            self.generation = self._pin.enter_context(storedir.pinned_generation(store_dir))
            try:
                self._store = OxigraphStore.open_read_only(self.generation)
            except BaseException:
                self._pin.close()
                raise
        self.library: dict[str, Query] = load_library(resources.queries_dir)
        self._site: Any = None

    def __repr__(self) -> str:
        return f"<conflictkg.KnowledgeGraph {self.server or self.generation}>"

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store and unpin its generation."""
        if self._pin is not None:
            self._store.close()
            self._pin.close()
            self._pin = None  # type: ignore[assignment]

    def query(self, query_id: str, /, *, as_rows: bool = False, **params: Any) -> Any:
        """Answer a library question (by id, or a ``.rq`` file) with its parameters bound, e.g.
        ``kg.query("incident-thread", incident="ckr:incident-2022-03-24-parukh-farrukh")``.

        Parameter values may be strings or Python values (``6``, ``datetime.date(2022, 3, 24)``,
        ``True``); each is checked against the type the question declares. A parameter whose name
        is a Python keyword goes in a dict: ``kg.query("events-in-window", **{"from": "2022-03-20",
        "to": "2022-03-31"})``.

        Returns:
            a DataFrame with typed columns when pandas is installed and ``as_rows`` is false, else
            a list of dicts; ``True``/``False`` for an ASK question.

        Raises:
            QueryError: unknown question or parameter, a missing one, or a value not of its type.
        """
        question = resolve(self.library, query_id)
        return _answer(run(self._store, question, {k: _raw(v) for k, v in params.items()}), as_rows)

    def sparql(self, text: str, *, as_rows: bool = False) -> Any:
        """Answer any SPARQL query (every project prefix predeclared; the default graph is the union
        of the named graphs). CONSTRUCT and DESCRIBE give one subject/predicate/object row per triple.

        Raises:
            QueryError: a syntax error (line and column), ``SERVICE``, nesting too deep, an update.
        """
        return _answer(self._store.query(text, prefixes=PREFIXES), as_rows)

    def dataset(self) -> Any:
        """The whole store as an rdflib ``Dataset`` in memory (its named graphs kept; the default
        graph is their union), for rdflib's own tools."""
        from conflictkg.store.memory import MemoryStore

        return MemoryStore(self._store.quads()).dataset

    def find(self, name: str) -> list[Hit]:
        """Agents, places, incidents, clauses and sources whose label or attested name contains
        ``name`` (case, diacritics and script folded): the hits of ``conflictkg find`` and the
        site's search, in the same order."""
        from conflictkg.naming import Perspective
        from conflictkg.pages.context import Site
        from conflictkg.pages.search import find_hits

        if self._site is None:  # labels and names, read once: the pinned generation never changes
            self._site = Site.load(self._store, self.resources)
        ctx = self._site.view(Perspective("neutral"))
        return [Hit(hit.iri, ctx.labeller.iri_cell(hit.iri)["text"], hit.matched, hit.type, hit.rank)
                for hit in find_hits(ctx, name)[0]]


def _answer(result: Result, as_rows: bool) -> Any:
    if result.kind == "ask":
        return bool(result.boolean)
    if as_rows or not frames.have_pandas():
        return frames.rows(result)
    return frames.frame(result)


def _raw(value: Any) -> str:
    """A parameter value as the text the question's declared type is checked against."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float)):
        return str(value)
    raise QueryError(f"a parameter value must be a string, number, date or boolean, got {type(value).__name__}",
                     hint="e.g. kg.query('clause-version-differences', clause_number=6)")
