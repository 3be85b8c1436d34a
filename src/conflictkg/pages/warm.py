"""The busiest pages' whole-store answers, made in the background after start-up (#14).

The home page, the incidents list and the statement's points' pages read whole-store aggregates that
are answered once per site (:meth:`~conflictkg.pages.context.Site.answer_once`) and count their paged
lists once (:meth:`~conflictkg.pages.context.Site.count_once`): whoever asks first waits for them (0.6 to
1 s at 10x the shipped data). :func:`warm` builds those pages once, in the neutral perspective (the
answers are the same in every one), so the first visitor finds them made; then the map's located places and
the pages of the resources most statements point to (``pages/most-mentioned``: the parties, their forces,
the agreement), whose long lists' keys are sorted once and kept on the site's shelf
(:class:`~conflictkg.pages.shelf.KeyShelf`) while it has room. Nothing is rendered or kept but the site's
own answers. The home page's come first (:func:`warm_home`: the web skin makes them before
the pages' in-memory copy of the store), the rest after.
"""

from __future__ import annotations

from conflictkg.naming import Perspective
from conflictkg.pages.context import PageContext, Site
from conflictkg.pages.home import AGREEMENT, home_page
from conflictkg.pages.incidents import incidents_page
from conflictkg.pages.placemap import located_places
from conflictkg.pages.resource import resource_page
from conflictkg.pages.search import search_index
from conflictkg.rdf.terms import term_to_str

#: The statement's points are ``<agreement>-p1`` to ``-p9``; warmed in this order after the lists.
POINTS = range(1, 10)


def points_of(site: Site, agreement: str = AGREEMENT) -> list[str]:
    """The IRIs of the agreement's numbered points that the site knows (has a label for)."""
    return [iri for n in POINTS if (iri := f"{agreement}-p{n}") in site.labels]


def warm_home(site: Site) -> int:
    """Build the home page once (the first page a visitor asks for, made first after start-up), so that its
    once-per-generation answers and its recent incidents are made; how many values the site then holds."""
    home_page(site.view(Perspective.NEUTRAL))
    return len(site.answers) + len(site.counts) + len(site.derived)


def warm(site: Site) -> int:
    """Build the home page, search's folded names and their order (:func:`~conflictkg.pages.search.search_index`),
    the incidents list and every point's page (page 1) once,
    so that their once-per-generation answers, totals and derived values
    (:meth:`~conflictkg.pages.context.Site.derive_once`) are made; how many of them the site then holds."""
    ctx = site.view(Perspective.NEUTRAL)
    home_page(ctx)
    search_index(ctx)
    incidents_page(ctx, {})
    points = points_of(site)
    for iri in points:
        resource_page(ctx, iri)
    located_places(ctx)
    for iri in most_mentioned(ctx):
        if site.shelf.held > site.shelf.budget // 2:
            break  # room left for the lists visitors ask for
        if iri not in points:
            resource_page(ctx, iri)
    return len(site.answers) + len(site.counts) + len(site.derived)


def most_mentioned(ctx: PageContext) -> list[str]:
    """The resources most statements point to, most first (``pages/most-mentioned``: at most twenty)."""
    return [term_to_str(row["resource"]) for row in ctx.run("most-mentioned", once=True).dicts()]
