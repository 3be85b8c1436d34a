"""The home page: the agreement, its points with their alleged breaches, recent incidents.

Its three aggregates (``clause-breach-counts``, ``incidents-overview``, ``record-counts``) read the
whole store; they are answered once per site, i.e. per served generation (``once=True``).
"""

from __future__ import annotations

from conflictkg.pages.context import PageContext
from conflictkg.pages.model import Page, Section
from conflictkg.rdf.namespaces import CKR, compact_iri
from conflictkg.rdf.terms import term_to_str
from conflictkg.store import Result

AGREEMENT = CKR + "agreement-tri2020"
RECENT = 10


def home_page(ctx: PageContext, agreement: str = AGREEMENT) -> Page:
    """The agreement, a row per point with its breach counts, and the latest incidents."""
    summary = ctx.run("resource-summary", {"resource": compact_iri(agreement)}).dicts()
    label = term_to_str(summary[0]["label"]) if summary else compact_iri(agreement)
    page = Page("home", "conflictkg: claims about the 9/10 November 2020 statement", agreement,
                subtitle="A knowledge graph of who alleged, denied or confirmed a breach of which point, "
                         "in which source, on which date.")
    page.facts.append(("agreement", ctx.labeller.iri_cell(agreement, label)))
    if summary and summary[0]["description"] is not None:
        page.facts.append(("about", {"text": term_to_str(summary[0]["description"])}))
    page.facts.append(("the record", record_fact(ctx)))
    page.sections.append(ctx.section("clauses", "The nine points, and how often each is said to be breached",
                                     "clause-breach-counts", {"agreement": compact_iri(agreement)}, once=True,
                                     note="named = the claimant cited the point; implied = a curator's reading; "
                                          "responses = claims answering those allegations."))
    page.sections.append(recent_incidents(ctx))
    page.extra["incidents_href"] = "/incidents?order=desc"  # every incident, filtered and paged
    return page


def record_fact(ctx: PageContext) -> dict[str, str]:
    """The record's size from the data (``record-counts``), linking to its shape on /coverage."""
    rows = ctx.run("record-counts", once=True).dicts()
    n = {k: term_to_str(v) for k, v in rows[0].items()} if rows else {}
    text = (f"{n.get('incidents', '0')} incidents, {n.get('incident_claims', '0')} claims about them, "
            f"{n.get('status_assessments', '0')} status assessments, {n.get('sources', '0')} sources: "
            "see its coverage before counting")
    return {"text": text, "href": "/coverage"}


def recent_incidents(ctx: PageContext) -> Section:
    """The ``RECENT`` incidents that began last (library question ``incidents-overview``): chosen once per
    site from the whole answer, and only they are labelled (#14: labelling every incident to show ten
    was most of the home page's time at 10x the shipped data)."""
    recent = ctx.site.derive_once(("recent-incidents", RECENT),
                                  lambda: latest(ctx.run("incidents-overview", once=True)))
    section = ctx.section("incidents", "Recent incidents", "incidents-overview",
                          hide=("interpretations", "reports", "calls"), answer=recent)
    section.note = f"The {RECENT} that began last; the query gives all of them."
    return section


def latest(overview: Result, count: int = RECENT) -> Result:
    """The ``count`` rows of ``overview`` that began last (by ``earliest_begin``; undated last; ties in the
    answer's order)."""
    begins = [term_to_str(d["earliest_begin"]) if d["earliest_begin"] is not None else "" for d in overview.dicts()]
    order = sorted(range(len(begins)), key=lambda i: begins[i], reverse=True)[:count]
    return Result(overview.kind, overview.variables, [overview.rows[i] for i in order])
