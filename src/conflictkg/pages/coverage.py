"""The coverage page: the record's shape before anyone counts with it.

How big the record is (``record-counts``), month by month (``coverage-by-month``, every month of
the period shown, empty ones too), by the claimant's side (``coverage-by-side``), by point and
side (``coverage-by-point``), and by what each claim rests on (``claim-source-basis``). The page
draws the months as bars (plain HTML and CSS); its JSON twin holds the same rows.
"""

from __future__ import annotations

from conflictkg.pages.context import PageContext
from conflictkg.pages.model import Page, Section
from conflictkg.record.coverage import months
from conflictkg.rdf.terms import term_to_str

COUNT_NAMES = (("incidents", "incidents"), ("incident_claims", "claims about incidents"),
               ("status_assessments", "status assessments"), ("sources", "sources"), ("places", "places"),
               ("places_with_coordinates", "places with coordinates"), ("agents", "agents"))
MONTH_COLUMNS = ("incidents", "claims", "allegations", "denials", "ru_mod_claims")


def coverage_page(ctx: PageContext) -> Page:
    page = Page("coverage", "Coverage: the record's shape, and its gaps",
                subtitle="What the record holds, when, from whom and on what sources: look here before counting. "
                         "A month with no incident is a month where nothing was found or nothing was searched; "
                         "the coverage log (data/coverage/) says which.")
    counts = ctx.run("record-counts").dicts()
    for name, title in COUNT_NAMES:
        value = term_to_str(counts[0][name]) if counts else "0"
        page.facts.append((title, {"text": value}))
    page.sections.append(month_section(ctx))
    page.extra["months_max"] = max((int(r["claims"]["text"]) for r in page.sections[0].rows), default=0)
    page.sections.append(ctx.section("sides", "Claims about incidents by the claimant's side", "coverage-by-side",
                                     note="Side: the state or authority the claimant speaks for. A side with fewer "
                                          "claims may be a side the sources relay less."))
    page.sections.append(ctx.section("points", "Breach links per point and side", "coverage-by-point",
                                     {"agreement": "ckr:agreement-tri2020"},
                                     note="named = the claimant cited the point; implied = a curator's reading. "
                                          "Never add the two."))
    page.sections.append(ctx.section("sourcing", "What each claim rests on", "claim-source-basis",
                                     note="own statement = a stored copy of the claimant's own outlet is recorded; "
                                          "relays only = news outlets relaying it."))
    return page


def month_section(ctx: PageContext) -> Section:
    """Every month of the period, with zeros where the store has nothing."""
    section = ctx.section("months", "Incidents and claims per month", "coverage-by-month",
                          note="Incidents by the month they began; claims about incidents by their claim date "
                               "(claims without a known date are not counted). ru mod claims: the Russian MoD "
                               "and the peacekeepers, the series to set beside each side's.")
    by_month = {r["month"]["text"]: r for r in section.rows}
    zero = {c: {"text": "0"} for c in MONTH_COLUMNS}
    section.rows = [by_month.get(m, {"month": {"text": m}, **zero}) for m in sorted(set(months()) | set(by_month))]
    return section
