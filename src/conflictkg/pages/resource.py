"""The page of any ``ckr:`` resource: a summary card and a table of contents, then a layout chosen
by its class, then every statement about it.

Long lists are paged (:mod:`conflictkg.pages.paging`): one ``page`` parameter picks the same page of
every paged list; the card and the contents count every row, not the page's."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from conflictkg.naming import Perspective
from conflictkg.pages import layouts
from conflictkg.pages.context import PageContext
from conflictkg.pages.model import Page
from conflictkg.pages.paging import window_of
from conflictkg.pages.summary import summarize
from conflictkg.paging import page_links
from conflictkg.rdf.namespaces import expand_curie

#: The structured parts a layout may put in ``Page.extra``, in page order: (key, anchor, heading).
PARTS = (("texts", "texts", "Text in every version"),
         ("allegations", "allegations", "Alleged breaches and the answers"),
         ("thread", "claim-thread", "The thread of claims"),
         ("casualties", "casualties-side-by-side", "Casualty figures side by side"))


def resource_page(ctx: PageContext, iri_or_curie: str, page_param: str = "", per_page_param: str = "") -> Page:
    """The page of one resource, in the naming perspective of ``ctx``; of each long list, the rows of page
    ``page_param`` (the ``page`` parameter, 1 by default; a QueryError past the last page) of
    ``per_page_param`` rows (``per_page``, :data:`~conflictkg.pages.paging.PER_PAGE` by default).

    ``extra`` holds the paging: ``totals`` (rows in all, by list id), ``page``, ``pages``, ``per_page``
    and ``previous``/``next`` (query strings, None at either end)."""
    window = window_of(page_param, per_page_param)
    iri = expand_curie(iri_or_curie)
    ctx = replace(ctx, window=window)
    summary = summarize(ctx, iri)
    title = ctx.labeller.iri_cell(iri, summary.label or None)["text"]
    page = Page(summary.kind.lower(), title, iri, subtitle=", ".join(summary.types), extra={"totals": {}})
    if summary.description:
        page.facts.append(("description", {"text": summary.description}))
    if title != summary.label and summary.label and iri not in ctx.labeller.status_claims:  # not a curator's raw label
        page.facts.append(("neutral label", {"text": summary.label}))
    builder = layouts.BUILDERS.get(summary.kind)
    if builder is not None:
        builder(ctx, page, summary)
    if note := names_note(ctx, iri):
        page.facts.append(("place names", {"text": note}))
    page.sections.append(ctx.section("statements", "Every statement about it", "resource-statements",
                                     {"resource": iri}, paged=True, note="Statements in a claim's content graph are "
                                     "what that claim asserts, not facts the project vouches for."))
    page.sections.append(ctx.section("mentions", "What points here", "resource-mentions", {"resource": iri},
                                     paged=True))
    paged = {s.id: s.total for s in page.sections if s.total is not None and s.more is None}  # previews: not paged
    page.extra["totals"].update(paged)
    pages = max(window.pages(total) for total in page.extra["totals"].values())
    page.extra.update(page_links(window.page, pages, lambda n: _query(n, per_page_param.strip())))
    page.extra["per_page"] = window.size
    page.extra["contents"] = contents(page)
    return page


def names_note(ctx: PageContext, iri: str) -> str:
    """What the place-name switch changes on the page of a place, or of an incident or event with curated
    places (its title names them): each place's name in every usage that has one, and which places have
    a single name, so the switch never changes nothing silently (#13). "" for any other page."""
    places = (iri,) if ctx.site.gazetteer.has_names(iri) else ctx.site.titled_places.get(iri, ())
    if not places:
        return ""
    gazetteer, current = ctx.site.gazetteer, ctx.labeller.perspective
    switched, single = [], []
    for place in places:
        neutral = gazetteer.neutral.get(place) or ctx.labeller.name(place)
        usages = [f"{name} ({p.label.removesuffix(' usage')})" for p in Perspective if p is not Perspective.NEUTRAL
                  if (name := gazetteer.by_perspective.get(p.concept, {}).get(place)) and name != neutral]
        (switched.append(f"{neutral}: {', '.join(usages)}") if usages else single.append(neutral))
    shown = "neutral names" if current is Perspective.NEUTRAL else current.label
    parts = [f"Shown in {shown}; the switch at the top writes " + "; ".join(switched)] if switched else \
        [f"Shown in {shown}; no place here has a name in another usage, so the switch changes none of them"]
    if single and switched:
        parts.append(f"{', '.join(single)}: one name in the record, the same in every usage")
    return ". ".join(parts) + "."


def contents(page: Page) -> list[dict[str, Any]]:
    """The table of contents: every part and section of the page, in page order, with its size (all its
    rows, on every page, for a paged list)."""
    entries = []
    totals = page.extra.get("totals", {})
    for key, anchor, title in PARTS:
        part = page.extra.get(key)
        size = len(part["rows"]) if isinstance(part, dict) else len(part) if part is not None else 0
        size = totals.get(anchor, size)
        if part is not None and (size or key != "casualties"):
            entries.append({"id": anchor, "title": title, "count": size})
    entries += [{"id": s.id, "title": s.title, "count": len(s.rows) if s.total is None else s.total}
                for s in page.sections]
    return entries


def _query(number: int, per_page: str) -> str:
    """The query string of page ``number`` (the ``per_page`` asked for kept); "" for page 1 by default."""
    params = {**({"page": str(number)} if number > 1 else {}), **({"per_page": per_page} if per_page else {})}
    return "?" + urlencode(params) if params else ""
