"""Search by any name: labels and every attested place name, folded like the gazetteer's keys.

Hits are ranked (exact name, then a name that starts with the text, then a word of a name that
does, then any other); within a rank the named things a reader looks for come first (places,
points, agreements, norms and actors, then incidents, then events, then claims, sources and the
rest: :data:`TIERS`), then by name; hits are grouped by what they are (place, incident, claim, actor, source, ...):
one section per type, the types in the order of their best hit. A hit's ``matched`` cell is the
name that matched when it is not the label shown (an attested name in another script, say). Names in other scripts and
transliterations meet because each is an attested name of the same place (``names``).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from conflictkg.errors import QueryError
from conflictkg.names import name_key
from conflictkg.pages.context import PageContext, Site
from conflictkg.pages.model import Page, Section
from conflictkg.pages.summary import KINDS
from conflictkg.paging import page_number
from conflictkg.rdf.closure import reachable
from conflictkg.rdf.namespaces import CK
from conflictkg.rdf.terms import term_to_str

LIMIT = 100
#: How well a name matches the folded search text, best first (the JSON twin's ``rank``).
RANKS = ("exact", "prefix", "word", "contains")
#: The reader's word for each page-layout class, in the order types are listed on a tie.
TYPES = {"Place": "place", "Incident": "incident", "Claim": "claim", "Agent": "actor",
         "SourceDocument": "source", "Clause": "clause", "Norm": "norm", "Agreement": "agreement",
         "Event": "event", "StatusAssessment": "status assessment", "AdministrativeAttribution": "attribution",
         "AttestedName": "name", "Resource": "other"}
#: Classes a resource may fall under, most specific first: the page layouts', then the rest.
CLASSES = (*KINDS, "AdministrativeAttribution", "AttestedName")
#: Within a rank, hits of a resource under these layout classes come first, in these tiers (a resource under
#: none of them, e.g. a claim or a source, in the last): search "Lachin" shows point 6 before the claims that
#: name the corridor. Only these classes are read (``pages/typed-as``), never the claims and sources.
TIERS = {"Place": 0, "Clause": 0, "Agreement": 0, "Norm": 0, "Agent": 0, "Incident": 1, "Event": 2}
LAST_TIER = 3
COLUMNS = ["resource", "type", "matched", "rank"]


def match_rank(key: str, folded: str) -> int | None:
    """Index in :data:`RANKS` of how ``folded`` matches ``key``; None when it does not contain it.

    >>> [match_rank("lachin", f) for f in ("lachin", "lachin corridor", "the lachin road", "malachin", "goris")]
    [0, 1, 2, 3, None]
    """
    if key not in folded:
        return None
    if folded == key:
        return 0
    if folded.startswith(key):
        return 1
    return 2 if f" {key}" in f" {folded}" else 3


def best_matches(ctx: PageContext, key: str) -> dict[str, tuple[int, str]]:
    """``{iri: (rank, matched name)}``: each resource's best name; on a tie the label (listed first)."""
    best: dict[str, tuple[int, str]] = {}
    for folded, iri, name in ctx.site.search_keys():
        rank = match_rank(key, folded)
        if rank is not None and (iri not in best or rank < best[iri][0]):
            best[iri] = (rank, name)
    return best


def kind_classes(ctx: PageContext) -> dict[str, set[str]]:
    """The layout classes (local names, :data:`CLASSES`) each class of the ontology falls under (itself
    included), walked up the ontology's ``rdfs:subClassOf`` edges: asked once per site."""
    parents: dict[str, set[str]] = {}
    for row in ctx.run("class-parents", once=True).dicts():
        parents.setdefault(term_to_str(row["type"]), set()).add(term_to_str(row["parent"]))
    kinds = {CK + kind for kind in CLASSES}
    return {cls: {a.removeprefix(CK) for a in reachable(cls, parents) if a in kinds}
            for cls in set(parents) | kinds}


def resource_types(ctx: PageContext, iris: list[str]) -> dict[str, str]:
    """The reader's type word of each of ``iris`` (most specific layout class, as its page): one question
    over the page's hits (a VALUES row each), so a page costs the same however large the store is and a
    server is asked once."""
    under = kind_classes(ctx)
    found: dict[str, set[str]] = {iri: set() for iri in iris}
    if iris:
        for row in ctx.run_over("resource-types", "resource", iris).dicts():
            found[term_to_str(row["resource"])].update(under.get(term_to_str(row["type"]), ()))
    return {iri: TYPES[next((k for k in CLASSES if k in kinds), "Resource")] for iri, kinds in found.items()}


@dataclass(frozen=True)
class SearchIndex:
    """The site's search keys (:meth:`~conflictkg.pages.context.Site.search_keys`) with the place of each in the
    order hits are numbered in within a rank (its resource's tier, :data:`TIERS`, then its name case folded, then
    its IRI): made once per site, so that a search ranks its hits by whole numbers instead of folding and comparing
    names (#14: at 100x the shipped data, 195,000 names; the sort of every hit by name was half of a search's 1.5 s)."""

    keys: tuple[tuple[str, str, str], ...]
    #: Each key's place in that order, and the key at each place.
    place: tuple[int, ...]
    at: tuple[int, ...]


def tiers(ctx: PageContext) -> dict[str, int]:
    """The tier (:data:`TIERS`) of each resource typed with a class under one of its layout classes: one question,
    the classes bound (``pages/typed-as``); a resource not in the answer is in :data:`LAST_TIER`."""
    under = kind_classes(ctx)
    wanted = sorted(cls for cls, kinds in under.items() if kinds & TIERS.keys())
    best: dict[str, int] = {}
    for row in ctx.run_over("typed-as", "type", wanted).dicts() if wanted else ():
        iri = term_to_str(row["resource"])
        tier = min(TIERS[k] for k in under[term_to_str(row["type"])] & TIERS.keys())
        best[iri] = min(tier, best.get(iri, LAST_TIER))
    return best


def search_index(ctx: PageContext) -> SearchIndex:
    """The site's :class:`SearchIndex`, made on the first search (or by the warm-up) and kept."""
    site = ctx.site

    def make() -> SearchIndex:
        keys, tier = site.search_keys(), tiers(ctx)
        at = sorted(range(len(keys)),
                    key=lambda i: (tier.get(keys[i][1], LAST_TIER), keys[i][2].casefold(), keys[i][1]))
        place = [0] * len(keys)
        for number, i in enumerate(at):
            place[i] = number
        return SearchIndex(keys, tuple(place), tuple(at))
    return site.derive_once(("search-index",), make)


def ranked(index: SearchIndex, key: str, offset: int, limit: int) -> tuple[list[tuple[str, int, str]], int]:
    """``(iri, rank, matched name)`` of the ``limit`` best hits for the folded text ``key`` from the ``offset``-th,
    and how many resources match: :func:`best_matches` sorted by rank, tier, matched name (case folded) and IRI. Each
    resource's best name (on a tie the first key, its label) is scored ``rank * len(keys) + place``
    (:func:`match_rank`'s rule written out: a call per name was a third of the time)."""
    best: dict[str, tuple[int, int]] = {}
    word = f" {key}"
    for i, (folded, iri, _name) in enumerate(index.keys):
        if key in folded:
            rank = 0 if folded == key else 1 if folded.startswith(key) else 2 if word in folded else 3
            found = best.get(iri)
            if found is None or rank < found[0]:
                best[iri] = (rank, i)
    size, place = len(index.keys), index.place
    scores = heapq.nsmallest(offset + limit, [rank * size + place[i] for rank, i in best.values()])[offset:]
    shown = [(index.keys[index.at[score % size]], score // size) for score in scores]
    return [(k[1], rank, k[2]) for k, rank in shown], len(best)


@dataclass(frozen=True)
class SearchHit:
    """One resource found: its IRI, the reader's word for its type, the name that matched, how well."""

    iri: str
    type: str
    matched: str
    rank: str


def find_hits(ctx: PageContext, text: str, offset: int = 0, limit: int = LIMIT) -> tuple[list[SearchHit], int]:
    """``limit`` hits for ``text`` from the ``offset``-th in rank order (by default the first :data:`LIMIT`),
    in page order (types in the order of their best hit, ranked within each), and how many there are in all."""
    key = name_key(text) if text.strip() else ""
    found, total = ranked(search_index(ctx), key, offset, limit) if key else ([], 0)
    types = resource_types(ctx, [iri for iri, _rank, _matched in found])  # of the hits shown only
    hits = [SearchHit(iri, types[iri], matched, RANKS[rank]) for iri, rank, matched in found]
    order = list(TYPES.values())
    first = {hit.type: i for i, hit in reversed(list(enumerate(hits)))}  # where each type's best hit is
    return sorted(hits, key=lambda h: (first[h.type], order.index(h.type))), total


def search_page(ctx: PageContext, text: str, page_param: str = "") -> Page:
    """Resources whose label or attested name contains ``text`` (case and diacritics ignored),
    ranked and grouped by type, :data:`LIMIT` a page (``page_param``: the ``page`` parameter, 1 by default).

    ``extra`` holds the paging: ``total``, ``page``, ``pages``, ``first``/``last`` (rank of the first
    and last hit shown) and ``previous``/``next`` (query strings, None at either end)."""
    number = page_number(page_param)
    page = Page("search", f"Search: {text}" if text else "Search")
    if not name_key(text):
        page.sections.append(Section("results", "Results", COLUMNS, [], empty="Type a name to search."))
        return page
    hits, total = find_hits(ctx, text, (number - 1) * LIMIT)
    pages = max(1, -(-total // LIMIT))
    if number > pages:
        raise QueryError(f"parameter page: there is no page {number}, the search has {pages}",
                         hint=f"page=1 to page={pages} for this text")
    page.extra.update(paging(text, number, pages, total, len(hits)))
    groups: dict[str, list[dict]] = {}
    for hit in hits:
        cell = ctx.labeller.iri_cell(hit.iri)
        shown = "" if hit.matched == cell.get("text") else hit.matched  # a name only when it is not the label
        groups.setdefault(hit.type, []).append({"resource": cell, "type": {"text": hit.type},
                                                "matched": {"text": shown}, "rank": {"text": hit.rank}})
    page.subtitle = _summary(total, len(hits), page.extra["first"])
    page.sections += [Section(f"results-{kind.replace(' ', '-')}", _plural(kind).capitalize(), COLUMNS, rows)
                      for kind, rows in groups.items()]
    if not groups:
        page.sections.append(Section("results", "Results", COLUMNS, [], empty="No resource has that name."))
    return page


def _plural(kind: str) -> str:
    return f"{kind}es" if kind.endswith("s") else f"{kind}s"


def paging(text: str, number: int, pages: int, total: int, shown: int) -> dict[str, Any]:
    """The paging of one page of hits (see :func:`search_page`); the query strings keep the text."""
    def query(n: int) -> str:
        return "?" + urlencode({"q": text, **({"page": n} if n > 1 else {})})
    first = (number - 1) * LIMIT + 1 if shown else 0
    return {"total": total, "page": number, "pages": pages, "first": first, "last": first + shown - 1 if shown else 0,
            "previous": query(number - 1) if number > 1 else None, "next": query(number + 1) if number < pages else None}


def _summary(total: int, shown: int, first: int = 1) -> str:
    """One line: how many hits, which are shown, and how they are ordered."""
    head = (f"{total} hit{'' if total == 1 else 's'}" if total == shown
            else f"Hits {first}–{first + shown - 1} of {total}")
    return (f"{head}, grouped by type; in each, exact names first, then names that start with the text, "
            "then names with a word that does, then the rest; pages list places, points, norms and actors "
            "before incidents, events and claims of the same rank. "
            "\"Matched\" shows the name found when it is not the label.") if total else ""
