"""Page data: sections of rows whose cells know their IRI, label and link.

A page is plain data (:class:`Page`, :class:`Section`, cells as dicts) so that the HTML page and
its JSON twin are two renderings of one value. Every section that comes from a library query
names it with its parameters, so a reader can reproduce the section on the query page or at the
SPARQL endpoint.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import pyoxigraph as ox

from conflictkg.claim_names import StatusClaim, status_name
from conflictkg.naming import Gazetteer, Perspective
from conflictkg.pages.titles import place_spans, replace_spans, spellings
from conflictkg.rdf.links import page_href, term_href, web_href
from conflictkg.rdf.namespaces import compact_iri
from conflictkg.rdf.terms import Term, term_to_str
from conflictkg.store import Result

#: A cell: ``text`` always; ``iri`` for a resource; ``href`` for a link (site page or web URL).
Cell = dict[str, str]


@dataclass
class Labeller:
    """Turns terms into display cells, choosing place names by the naming perspective."""

    gazetteer: Gazetteer
    perspective: Perspective = Perspective.NEUTRAL
    labels: dict[str, str] = field(default_factory=dict)
    #: The curated places of incidents and events, whose titles name them (``Site.titled_places``).
    titled_places: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The status assessments (``Site.status_claims``), named from what they say, never by their curator's
    #: label (:mod:`conflictkg.claim_names`).
    status_claims: dict[str, StatusClaim] = field(default_factory=dict)

    def title(self, iri: str, text: str) -> str:
        """``text`` (the title of ``iri``) with each of its curated places, wherever it names one (its neutral
        label or an attested name, :mod:`conflictkg.pages.titles`), put in the perspective's name for it:
        composed for display, the data keeps its one label. A place with no name in the perspective is kept."""
        if self.perspective is Perspective.NEUTRAL or not self.titled_places.get(iri):
            return text
        chosen = self.title_names(iri)
        by_spelling = {spelling: place for place in reversed(self.titled_places[iri])
                       for spelling in spellings(self.gazetteer.neutral.get(place), self.gazetteer.names.get(place, ()))}
        return replace_spans(text, place_spans(text, by_spelling), chosen.get)

    def title_names(self, iri: str) -> dict[str, str]:
        """``{place: name}``: the name in the perspective of each curated place of ``iri`` that has one."""
        by_place = self.gazetteer.by_perspective.get(self.perspective.concept, {})
        return {place: by_place[place] for place in self.titled_places.get(iri, ()) if place in by_place}

    def cell(self, term: Term | None, label: Term | None = None) -> Cell:
        if term is None:
            return {"text": term_to_str(label)} if label is not None else {"text": ""}
        if isinstance(term, ox.NamedNode):
            return self.iri_cell(term.value, term_to_str(label) if label is not None else None)
        text = term_to_str(term)
        href = web_href(text)
        return {"text": text, "href": href} if href else {"text": text}

    def name(self, iri: str, label: str | None = None) -> str:
        """The display name of ``iri`` (``label``: the one its query gave, if any) in the perspective."""
        if iri in self.status_claims:
            return status_name(self.status_claims[iri], self.name)
        if self.gazetteer.has_names(iri):
            return self.gazetteer.name(iri, self.perspective, label) or iri
        return self.title(iri, label or self.labels.get(iri) or compact_iri(iri))

    def iri_cell(self, iri: str, label: str | None = None) -> Cell:
        cell = {"text": self.name(iri, label), "iri": iri}
        href = page_href(iri) or term_href(iri) or web_href(iri)
        if href:
            cell["href"] = href
        return cell


@dataclass
class Section:
    """One titled table of a page."""

    id: str
    title: str
    columns: list[str]
    rows: list[dict[str, Cell]]
    query: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    note: str = ""
    empty: str = "Nothing recorded."
    #: A paged section (a long list shown a page at a time): rows in all, and the rows before this page's.
    total: int | None = None
    offset: int = 0
    #: What ``total`` and ``offset`` count: "rows", or the keys of a ``window: keys`` question (e.g. "claims",
    #: whose rows stay on one page); ``shown``: how many of them this page holds (None: its rows).
    unit: str = "rows"
    shown: int | None = None
    #: A preview (``PageContext.preview``): the first rows of a list whose every row is on the linked page
    #: (``text`` and ``href``); ``total`` counts them all, and this page's pager does not page it.
    more: Cell | None = None


@dataclass
class Page:
    """A whole page: what it is about, a heading, facts and sections."""

    kind: str
    title: str
    iri: str | None = None
    subtitle: str = ""
    facts: list[tuple[str, Cell]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["facts"] = [{"name": name, **cell} for name, cell in self.facts]
        return data


def display_columns(variables: list[str]) -> list[tuple[str, str, str | None]]:
    """(column name, value variable, label variable) per shown column.

    ``x`` and ``x_label`` become one column ``x`` (the label shown, linked to ``x``); a lone
    ``x_label`` becomes column ``x``.
    """
    names = set(variables)
    columns = []
    for var in variables:
        if var.endswith("_label") and var[: -len("_label")] in names:
            continue
        if var.endswith("_label"):
            columns.append((var[: -len("_label")], var, None))
        else:
            columns.append((var, var, f"{var}_label" if f"{var}_label" in names else None))
    return columns


def section_from_result(section_id: str, title: str, result: Result, labeller: Labeller, *,
                        query: str | None = None, params: dict[str, str] | None = None,
                        hide: tuple[str, ...] = (), note: str = "", empty: str = "Nothing recorded.") -> Section:
    """A section with one row per solution of ``result`` (labels merged into their IRIs)."""
    columns = [c for c in display_columns(result.variables) if c[0] not in hide]
    rows = []
    for solution in result.dicts():
        rows.append({name: labeller.cell(solution[var], solution[label] if label else None)
                     if label or not var.endswith("_label") else {"text": term_to_str(solution[var])}
                     for name, var, label in columns})
    return Section(section_id, title, [c[0] for c in columns], rows, query, dict(params or {}), note, empty)
