"""The page of any ``ckr:`` resource: a layout chosen by its class, then every statement about it."""

from __future__ import annotations

from conflictkg.pages import layouts
from conflictkg.pages.context import PageContext
from conflictkg.pages.model import Page
from conflictkg.pages.summary import summarize
from conflictkg.rdf.namespaces import expand_curie


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
    return page
