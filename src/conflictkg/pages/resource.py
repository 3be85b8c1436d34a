"""The page of any ``ckr:`` resource: a summary card and a table of contents, then a layout chosen
by its class, then every statement about it."""

from __future__ import annotations

from typing import Any

from conflictkg.pages import layouts
from conflictkg.pages.context import PageContext
from conflictkg.pages.model import Page
from conflictkg.pages.summary import summarize
from conflictkg.rdf.namespaces import expand_curie

#: The structured parts a layout may put in ``Page.extra``, in page order: (key, anchor, heading).
PARTS = (("texts", "texts", "Text in every version"),
         ("allegations", "allegations", "Alleged breaches and the answers"),
         ("thread", "claim-thread", "The thread of claims"),
         ("casualties", "casualties-side-by-side", "Casualty figures side by side"))


def resource_page(ctx: PageContext, iri_or_curie: str) -> Page:
    """The whole page of one resource, in the naming perspective of ``ctx``."""
    iri = expand_curie(iri_or_curie)
    summary = summarize(ctx, iri)
    title = ctx.labeller.iri_cell(iri, summary.label or None)["text"]
    page = Page(summary.kind.lower(), title, iri, subtitle=", ".join(summary.types))
    if summary.description:
        page.facts.append(("description", {"text": summary.description}))
    if title != summary.label and summary.label:
        page.facts.append(("neutral label", {"text": summary.label}))
    builder = layouts.BUILDERS.get(summary.kind)
    if builder is not None:
        builder(ctx, page, summary)
    page.sections.append(ctx.section("statements", "Every statement about it", "resource-statements",
                                     {"resource": iri}, note="Statements in a claim's content graph are what "
                                     "that claim asserts, not facts the project vouches for."))
    page.sections.append(ctx.section("mentions", "What points here", "resource-mentions", {"resource": iri}))
    page.extra["contents"] = contents(page)
    return page


def contents(page: Page) -> list[dict[str, Any]]:
    """The table of contents: every part and section of the page, in page order, with its size."""
    entries = []
    for key, anchor, title in PARTS:
        part = page.extra.get(key)
        size = len(part["rows"]) if isinstance(part, dict) else len(part) if part is not None else 0
        if part is not None and (size or key != "casualties"):
            entries.append({"id": anchor, "title": title, "count": size})
    entries += [{"id": s.id, "title": s.title, "count": len(s.rows)} for s in page.sections]
    return entries
