"""Search by any name: labels and every attested place name, folded like the gazetteer's keys."""

from __future__ import annotations

from conflictkg.names import name_key
from conflictkg.pages.context import PageContext
from conflictkg.pages.model import Page, Section

LIMIT = 100


def search_page(ctx: PageContext, text: str) -> Page:
    """Resources whose label or attested name contains ``text`` (case and diacritics ignored)."""
    page = Page("search", f"Search: {text}" if text else "Search")
    key = name_key(text) if text.strip() else ""
    if not key:
        page.sections.append(Section("results", "Results", ["resource", "matched"], [], empty="Type a name to search."))
        return page
    matches: dict[str, str] = {}
    for folded, iri, name in ctx.site.search_keys:  # labels first: a label match wins over a name
        if key in folded:
            matches.setdefault(iri, name)
    rows = [{"resource": ctx.labeller.iri_cell(iri), "matched": {"text": matched}}
            for iri, matched in sorted(matches.items(), key=lambda kv: (kv[1].casefold(), kv[0]))][:LIMIT]
    note = f"First {LIMIT} of {len(matches)}." if len(matches) > LIMIT else ""
    page.sections.append(Section("results", "Results", ["resource", "matched"], rows, note=note,
                                 empty="No resource has that name."))
    return page
