"""What every page builder needs: the store, the query libraries and the labeller."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
import threading
from dataclasses import dataclass, field

from conflictkg.claim_names import StatusClaim, status_claims
from conflictkg.names import name_keys
from conflictkg.naming import Gazetteer, Perspective
from conflictkg.pages.model import Cell, Labeller, Section, section_from_result
from conflictkg.pages.paging import Window
from conflictkg.pages.shelf import KeyShelf
from conflictkg.pages.titles import title_variants
from conflictkg.rdf.namespaces import CKR
from conflictkg.rdf.terms import term_to_str
from conflictkg.resources import Resources
from conflictkg.sparql.keys import Keys, run_keys, sorted_keys
from conflictkg.sparql.queries import Query, load_library, run, run_over
from conflictkg.sparql.windows import Slice, count, run_slice, unordered
from conflictkg.store import Result, Store

T = TypeVar("T")


@dataclass(frozen=True)
class Site:
    """The read-only inputs of every page, loaded once per server (or per test)."""

    store: Store
    resources: Resources
    library: dict[str, Query]
    internal: dict[str, Query]
    gazetteer: Gazetteer
    labels: dict[str, str]
    #: The curated places (``dcterms:spatial``) of every incident and event: their titles name them.
    titled_places: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The status assessments, which the pages name from what they say (:mod:`conflictkg.claim_names`).
    status_claims: dict[str, StatusClaim] = field(default_factory=dict)
    #: Answers of whole-store aggregates (``PageContext.run(..., once=True)``), by query and parameters:
    #: the store is one published generation for the Site's life, so they are computed once.
    answers: dict[tuple[str, tuple[tuple[str, str], ...]], Result] = field(default_factory=dict, compare=False,
                                                                          repr=False)
    #: Rows in all of the paged questions (``window: true``) asked so far, by query and parameters.
    counts: dict[tuple[str, tuple[tuple[str, str], ...]], int] = field(default_factory=dict, compare=False, repr=False)
    #: Values the pages derive from whole-store answers alone, in no naming perspective (e.g. the incidents'
    #: facets), by key (:meth:`derive_once`).
    derived: dict[tuple[Any, ...], Any] = field(default_factory=dict, compare=False, repr=False)
    #: The sorted keys of the paged ``window: keys`` lists asked for most recently (:meth:`keys_once`).
    shelf: KeyShelf = field(default_factory=KeyShelf, compare=False, repr=False)
    _answering: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)
    _making: dict[Any, threading.Lock] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, store: Store, resources: Resources) -> Site:
        internal = load_library(resources.pages_queries_dir)
        labels = dict(_sorted_rows(store, internal["labels"], "resource", "label"))
        gazetteer = Gazetteer.load(store, resources)
        titled: dict[str, list[str]] = {}
        for resource, place in _sorted_rows(store, internal["titled-places"], "resource", "place"):
            titled.setdefault(resource, []).append(place)
        return cls(store, resources, load_library(resources.queries_dir), internal, gazetteer, labels,
                   {iri: tuple(places) for iri, places in titled.items()}, status_claims(store, resources))

    def search_keys(self) -> tuple[tuple[str, str, str], ...]:
        """(folded key, resource IRI, name) for every ``ckr:`` label and attested name, and every incident's and
        event's title with its places in their other spellings: what search scans.
        Folded on the first search (or by the background warm-up), not while the site loads: at 100x the
        shipped data the folding was a sixth of ``Site.load``, which the home page waits for (#14)."""
        return self.derive_once(("search-keys",), lambda: _search_keys(self.labels, self.gazetteer, self.titled_places))

    def answer_once(self, query_id: str, query: Query, params: dict[str, str]) -> Result:
        """``query``'s answer, computed on the first call and kept (once: no double work)."""
        key = (query_id, tuple(sorted(params.items())))
        return self._once(self.answers, key, lambda: run(self.store, query, params))

    def count_once(self, query_id: str, query: Query, params: dict[str, str]) -> int:
        """How many rows ``query`` has with ``params`` (:func:`~conflictkg.sparql.windows.count`), counted once."""
        key = (query_id, tuple(sorted(params.items())))
        return self._once(self.counts, key, lambda: count(self.store, query, params))

    def first_once(self, query_id: str, query: Query, params: dict[str, str], rows: int) -> Result:
        """The first ``rows`` rows of ``query``'s ordered answer (``window: true``), asked once."""
        key = (query_id, tuple(sorted(params.items())), rows)
        return self._once(self.answers, key, lambda: run_slice(self.store, query, params, Slice(rows)))

    def keys_once(self, query_id: str, query: Query, params: dict[str, str]) -> Keys | None:
        """Every key of a ``window: keys`` question in its order (:func:`~conflictkg.sparql.keys.sorted_keys`;
        None if that order is not made here), sorted once and kept on the :attr:`shelf` while there is room."""
        key = (query_id, tuple(sorted(params.items())))
        return self.shelf.get(key, lambda: sorted_keys(self.store, query, params))

    def derive_once(self, key: tuple[Any, ...], make: Callable[[], T]) -> T:
        """``make()``, made on the first call and kept: a value derived from whole-store answers only, the same
        in every naming perspective and, once made, never changed (the store is one generation)."""
        return self._once(self.derived, key, make)

    def _once(self, kept: dict[Any, T], key: Any, make: Callable[[], T]) -> T:
        """``kept[key]``, made by ``make`` the first time: one maker per key, so a kept answer is read
        without waiting while another is being made (e.g. by the background warm-up, :mod:`conflictkg.pages.warm`)."""
        if key in kept:
            return kept[key]
        with self._answering:
            lock = self._making.setdefault((id(kept), key), threading.Lock())
        with lock:
            if key not in kept:
                kept[key] = make()
            return kept[key]

    def view(self, perspective: Perspective) -> PageContext:
        return PageContext(self, Labeller(self.gazetteer, perspective, self.labels, self.titled_places,
                                          self.status_claims))


def _sorted_rows(store: Store, query: Query, *columns: str) -> list[tuple[str, ...]]:
    """``query``'s rows as text, in the order of its ORDER BY on those ``columns`` (IRIs and strings:
    code point order), sorted here: on an on-disk store the engine's sort looks up both terms at every
    comparison, 4 of the labels' 5 s at 10x the shipped data (#14)."""
    rows = store.query(unordered(query.text)).dicts()
    return sorted(tuple(term_to_str(row[column]) for column in columns) for row in rows)


def _search_keys(labels: dict[str, str], gazetteer: Gazetteer,
                 titled_places: dict[str, tuple[str, ...]]) -> tuple[tuple[str, str, str], ...]:
    """Labels first, then attested names, then each incident's and event's title with the places it names in
    their other attested spellings (``titles.title_variants``: "Фарух" finds the Parukh incident), each
    folded once under each of its keys (``names.name_keys``: "Fərrux" also as "farrux")."""
    named = [(iri, label) for iri, label in labels.items() if iri.startswith(CKR)]
    named += [(iri, name) for iri, names in gazetteer.names.items() for name in names]
    named += [(iri, variant) for iri, places in titled_places.items() if iri in labels
              for variant in sorted(title_variants(labels[iri], places, gazetteer.neutral, gazetteer.names))]
    return tuple((key, iri, text) for iri, text in named for key in sorted(name_keys(text)))


@dataclass(frozen=True)
class PageContext:
    """A site seen in one naming perspective: runs queries and turns answers into sections."""

    site: Site
    labeller: Labeller
    #: The rows a page shows of each long list (``section(..., paged=True)``); None: every row.
    window: Window | None = None

    def run(self, query_id: str, params: dict[str, str] | None = None, *, once: bool = False) -> Result:
        """Run a library question, or a page query (``queries/pages``) when no question has the id.

        ``once``: an aggregate over the whole store, answered once per site (:meth:`Site.answer_once`).
        """
        query = self._query(query_id)
        if once:
            return self.site.answer_once(query_id, query, params or {})
        return run(self.site.store, query, params or {})

    def run_over(self, query_id: str, name: str, values: list[str]) -> Result:
        """Run a question once over every value of its parameter ``name`` (:func:`~conflictkg.sparql.queries.run_over`)."""
        return run_over(self.site.store, self._query(query_id), name, values)

    def section(self, section_id: str, title: str, query_id: str, params: dict[str, str] | None = None, *,
                keep: Callable[[dict], bool] | None = None, hide: tuple[str, ...] = (),
                note: str = "", empty: str = "Nothing recorded.", once: bool = False, paged: bool = False,
                answer: Result | None = None) -> Section:
        """A section from one query; ``keep`` filters solutions (as ``{var: term}`` dicts); ``once``: see :meth:`run`.

        ``paged``: a long list, of which the section holds the rows of :attr:`window` (labelled alone)
        and ``total`` says how many there are in all. ``answer``: the query's answer, already run for
        another part of the page (not run again)."""
        window = self.window if paged else None
        if window is not None and answer is None and keep is None and not once and self._query(query_id).window:
            return self._window_section(section_id, title, query_id, params or {}, window, hide=hide, note=note,
                                        empty=empty)
        result = answer if answer is not None else self.run(query_id, params, once=once)
        if keep is not None:
            result = Result(result.kind, result.variables,
                            [row for row, d in zip(result.rows, result.dicts(), strict=True) if keep(d)])
        if window is not None:
            total = len(result.rows)
            result = Result(result.kind, result.variables, window.cut(result.rows))
        section = section_from_result(section_id, title, result, self.labeller, query=query_id,
                                      params=params, hide=hide, note=note, empty=empty)
        if window is not None:
            section.total, section.offset = total, window.start
        return section

    def preview(self, section_id: str, title: str, query_id: str, params: dict[str, str], *, rows: int,
                more: Cell, **shown: str | tuple[str, ...]) -> Section:
        """The first ``rows`` rows of a long list (a ``window: true`` question) whose every row is on another
        page, linked by ``more`` (its text and href): the same on every page of this one, its total counted,
        and both asked once per site. Its size stays put however the store grows (#14)."""
        query = self._query(query_id)
        section = self._counted_section(section_id, title, query_id, query, params,
                                        lambda: self.site.first_once(query_id, query, params, rows), shown)
        section.more = more
        return section

    def _query(self, query_id: str) -> Query:
        return self.site.library.get(query_id) or self.site.internal[query_id]

    def _window_section(self, section_id: str, title: str, query_id: str, params: dict[str, str], window: Window,
                        **shown: str | tuple[str, ...]) -> Section:
        """A paged section of a ``window: true`` question: the engine answers this page's rows only, and the
        total is counted once per site (the store is one generation for the site's life). A ``window: keys``
        question's keys are sorted once (:meth:`Site.keys_once`) and the page's slice of them bound in its
        place, so no request sorts all of them; where that order cannot be made here the engine sorts."""
        query = self._query(query_id)
        part = Slice(window.size, window.start)
        keys = self.site.keys_once(query_id, query, params) if query.keyed else None
        if keys is not None:
            section = section_from_result(section_id, title, run_keys(self.site.store, query, params, keys, part),
                                          self.labeller, query=query_id, params=params, **shown)
            section.total = len(keys.rows)
        else:
            section = self._counted_section(section_id, title, query_id, query, params,
                                            lambda: run_slice(self.site.store, query, params, part), shown)
        section.offset = window.start
        if query.keyed:  # a window of keys (e.g. claims), each with all its rows
            section.unit, section.shown = query.unit, window.shown(section.total)
        return section

    def _counted_section(self, section_id: str, title: str, query_id: str, query: Query, params: dict[str, str],
                         fetch: Callable[[], Result], shown: dict[str, Any]) -> Section:
        """A section of the rows ``fetch`` asks of a ``window: true`` question, its ``total`` counted once
        per site (the store is one generation for the site's life)."""
        total = self.site.count_once(query_id, query, params)
        section = section_from_result(section_id, title, fetch(), self.labeller, query=query_id, params=params,
                                      **shown)
        section.total = total
        return section
