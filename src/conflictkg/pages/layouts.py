"""Per-class page layouts: which library questions make up the page of a clause, incident, agent...

The long lists (claims, a thread, events, sources) are paged: a layout asks ``ctx.section`` for
them with ``paged=True`` and records the size of a paged structured part in ``page.extra["totals"]``."""

from __future__ import annotations

from collections.abc import Callable

from conflictkg.pages import cards, threads, versions
from conflictkg.pages.context import PageContext
from conflictkg.pages.model import Page
from conflictkg.pages.placemap import place_point
from conflictkg.pages.summary import Summary
from conflictkg.pages.timeline import claim_marks
from conflictkg.rdf.namespaces import compact_iri
from conflictkg.rdf.terms import term_to_str

NO_STATUS = "No status recorded in the curated sources."
#: Rows of each norm's status a clause page shows (the first, in date order); the norm's page pages them all.
STATUS_PREVIEW = 5

Builder = Callable[[PageContext, Page, Summary], None]


def clause(ctx: PageContext, page: Page, s: Summary) -> None:
    params = {"clause_number": s.clause_number, "agreement": compact_iri(s.agreement)}
    page.facts.append(("agreement", ctx.labeller.iri_cell(s.agreement)))
    page.extra["texts"] = threads.clause_texts(ctx, params)
    page.extra["versions"] = versions.clause_versions(ctx, s.iri)
    page.sections.append(ctx.section("differences", "Where the versions differ", "clause-version-differences", params))
    norms = ctx.section("norms", "Norms: who must do what, by when", "clause-norms", {"agreement": params["agreement"]},
                        keep=lambda d: term_to_str(d["clause_number"]) == s.clause_number, hide=("clause_number", "clause"))
    page.sections.append(norms)
    cards.clause_card(ctx, page.facts, s, norms)
    # one status section per norm, however many bearers or objects its rows list: its first rows, the
    # norm's page has them all (#14)
    for norm in {row["norm"]["iri"]: row["norm"] for row in norms.rows}.values():
        page.sections.append(ctx.preview(f"status-{compact_iri(norm['iri']).split(':')[-1]}",
                                         f"Status over time: {norm['text']}", "norm-status-timeline",
                                         {"norm": compact_iri(norm["iri"])}, rows=STATUS_PREVIEW, empty=NO_STATUS,
                                         more={"text": "every row on the norm's page",
                                               "href": f"{norm.get('href', '')}#status"}))
    # the point's whole answers, once per generation (#14): the allegations and their table share them
    claims = ctx.run("claims-alleging-breach-of-clause", params, once=True)
    page.extra["allegations"], page.extra["totals"]["allegations"] = threads.allegations_with_responses(ctx, params,
                                                                                                       claims)
    page.sections.append(ctx.section("claims", "Claims alleging its breach, with their sources",
                                     "claims-alleging-breach-of-clause", params, paged=True, answer=claims))
    page.sections.append(ctx.section("accusations", "Who accused whom of breaching it", "accusations-by-clause", params,
                                     once=True))


def norm(ctx: PageContext, page: Page, s: Summary) -> None:
    curie = compact_iri(s.iri)
    cards.norm_card(ctx, page.facts, s)
    page.sections.append(ctx.section("status", "Status over time, and who says so", "norm-status-timeline",
                                     {"norm": curie}, empty=NO_STATUS, paged=True))
    page.sections.append(ctx.section("claims", "Claims linking a breach to this norm", "provision-claims",
                                     {"provision": curie}, paged=True))


def agreement(ctx: PageContext, page: Page, s: Summary) -> None:
    curie = compact_iri(s.iri)
    cards.agreement_card(ctx, page.facts, s)
    page.sections.append(ctx.section("clauses", "Points and alleged breaches", "clause-breach-counts",
                                     {"agreement": curie}))
    page.sections.append(ctx.section("norms", "Norms", "clause-norms", {"agreement": curie}))
    page.sections.append(ctx.section("related", "Related agreements", "related-agreements", {"agreement": curie}))
    page.sections.append(ctx.section("claims", "Claims naming the agreement as a whole", "provision-claims",
                                     {"provision": curie}, paged=True))


def incident(ctx: PageContext, page: Page, s: Summary) -> None:
    curie = compact_iri(s.iri)
    page.sections.append(ctx.section("events", "Events, as each claim describes them", "incident-events",
                                     {"incident": curie}, paged=True))
    thread = threads.incident_thread(ctx, curie)
    page.extra["claim_marks"] = claim_marks(thread)  # every claim's mark, whichever page of the thread is shown
    page.extra["thread"] = thread if ctx.window is None else ctx.window.cut(thread)
    page.extra["totals"]["claim-thread"] = len(thread)
    page.sections.append(ctx.section("thread", "The thread of claims (table)", "incident-thread", {"incident": curie},
                                     paged=True))
    page.extra["casualties"] = threads.casualties_side_by_side(ctx, curie)
    cards.incident_card(ctx, page.facts, s, page.extra["casualties"])
    page.sections.append(ctx.section("casualties", "Casualty figures (table)", "incident-casualty-figures",
                                     {"incident": curie}, note="Figures are each claimant's; they are never reconciled."))
    page.sections.append(ctx.section("sources", "Sources", "incident-sources", {"incident": curie}, paged=True))


def claim(ctx: PageContext, page: Page, s: Summary) -> None:
    cards.claim_card(ctx, page.facts, s)
    page.sections.append(ctx.section("sources", "Where it can be read", "claim-sources", {"claim": compact_iri(s.iri)}))


def place(ctx: PageContext, page: Page, s: Summary) -> None:
    curie = compact_iri(s.iri)
    cards.place_card(ctx, page.facts, s)
    page.extra["point"] = place_point(ctx, s.iri)  # None: the place has no coordinates (no map)
    page.sections.append(ctx.section("names", "Every name, by whom it is used and where attested", "place-names",
                                     {"place": curie}))
    page.sections.append(ctx.section("parents", "Administrative parent, per side", "place-administrative-parents",
                                     {"place": curie}, note="Each side's scheme is an attributed statement; none is settled here."))
    page.sections.append(ctx.section("claims", "What has been said about it", "claims-about-place", {"place": curie},
                                     paged=True))


def agent(ctx: PageContext, page: Page, s: Summary) -> None:
    curie = compact_iri(s.iri)
    cards.agent_card(ctx, page.facts, s)
    page.sections.append(ctx.section("claims", "Its claims, with sources", "claims-by-claimant", {"claimant": curie},
                                     paged=True))
    page.sections.append(ctx.section("accused", "Claims accusing it", "claims-accusing", {"accused": curie}, paged=True))
    page.sections.append(ctx.section("obligations", "What it must do under the 2020 statement", "party-obligations",
                                     {"bearer": curie}))


def source(ctx: PageContext, page: Page, s: Summary) -> None:
    cards.source_card(ctx, page.facts, s)
    page.sections.append(ctx.section("claims", "Claims it states or relays", "source-claims",
                                     {"source": compact_iri(s.iri)}, paged=True))


BUILDERS: dict[str, Builder] = {"Clause": clause, "Norm": norm, "Agreement": agreement, "Incident": incident,
                                "Claim": claim, "Place": place, "Agent": agent, "SourceDocument": source}
