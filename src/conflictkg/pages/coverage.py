"""The coverage page: the record's shape before anyone counts with it.

How big the record is (``record-counts``), month by month (``coverage-by-month``, every month of
the period shown, empty ones too), by the claimant's side (``coverage-by-side``), by point and
side (``coverage-by-point``), by what each claim rests on (``claim-source-basis``), and the
one-sided incidents (``one-sided-incidents``) with the searches for the other side's word that the
coverage logs record (``data/coverage/YYYY-MM.yaml``, ``other_side``). The page draws the months as
bars (plain HTML and CSS); its JSON twin holds the same rows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conflictkg.pages.context import PageContext
from conflictkg.pages.model import Cell, Page, Section
from conflictkg.record.coverage import months
from conflictkg.record.logs import OtherSideSearch, read_month_logs
from conflictkg.rdf.namespaces import CKR
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
    page.sections.append(other_side_section(ctx))
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


OTHER_SIDE_COLUMNS = ("incident", "side", "claims", "searched_on", "found", "queries", "note", "log")


def other_side_section(ctx: PageContext) -> Section:
    """Each one-sided incident with the searches for the other side's word its month's log records:
    one row per logged search, or one row saying none is logged."""
    incidents = ctx.section("other-side", "One-sided incidents and the searches for the other side",
                            "one-sided-incidents", once=True,
                            note="An incident whose claims all come from one side. The coverage log of the month it "
                                 "begins in (data/coverage/YYYY-MM.yaml, other_side) says what was searched for the "
                                 "other side's answer and third parties' word, when, and what the pages found hold: "
                                 "\"found 0\" means the search found none, not that nobody looked.",
                            empty="No incident holds the claims of one side only.")
    data_dir = ctx.site.resources.data_dir
    searches = [search for log in read_month_logs(data_dir) for search in log.other_side]
    incidents.columns, incidents.rows = list(OTHER_SIDE_COLUMNS), other_side_rows(incidents.rows, searches, data_dir)
    return incidents


def other_side_rows(incidents: list[dict[str, Cell]], searches: list[OtherSideSearch],
                    data_dir: Path) -> list[dict[str, dict[str, Any]]]:
    """Per one-sided incident (rows of ``one-sided-incidents``, in order): a row per logged search
    for it (by day, then log line), or one row saying none is logged."""
    logged: dict[str, list[OtherSideSearch]] = {}
    for search in searches:
        logged.setdefault(CKR + search.incident, []).append(search)
    rows: list[dict[str, dict[str, Any]]] = []
    for row in incidents:
        side = row["side"] if "iri" in row["side"] else {"text": "claimants of no state or authority"}  # "none"
        base = {"incident": row["incident"], "side": side, "claims": row["claims"]}
        found = sorted(logged.get(row["incident"].get("iri", ""), []), key=lambda s: (s.on, s.path, s.line))
        rows += [{**base, **_search_cells(s, data_dir)} for s in found] or [{**base, **_NOT_LOGGED}]
    return rows


_NOT_LOGGED: dict[str, Cell] = {"searched_on": {"text": "no logged search"}, "found": {"text": ""},
                                "queries": {"text": ""}, "note": {"text": ""}, "log": {"text": ""}}


def _search_cells(search: OtherSideSearch, data_dir: Path) -> dict[str, dict[str, Any]]:
    """A logged search as cells; ``queries`` also as its list of ``items``."""
    path = Path(search.path)
    shown = f"data/{path.relative_to(data_dir).as_posix()}" if path.is_relative_to(data_dir) else path.name
    return {"searched_on": {"text": search.on.isoformat()}, "found": {"text": str(search.found)},
            "queries": {"text": " | ".join(search.queries), "items": list(search.queries)},
            "note": {"text": search.note}, "log": {"text": f"{shown}:{search.line}"}}
