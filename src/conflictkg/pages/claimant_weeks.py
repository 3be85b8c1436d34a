"""The per-claimant series: allegations per claimant per week, one year at a time, side by side.

The library question ``claimant-allegations-in-window`` (its window bound to the year's weeks) gives
every number: a bar counts the distinct allegations a claimant (or every claimant of one side) made
in one week, and its link lists the claims behind it (``?year=2022&week=2022-03-21&claimant=...``),
the same rows filtered, so a bar and its list always agree. A week runs Monday to Sunday and belongs
to the year its Monday is in. The Russian MoD's series (:data:`REFERENCE`, the one claimant that
reported violations for the peacekeepers, often daily) comes first, and the weeks it has a count are
set beside each side's count for the same weeks. The years offered are those of the timeline's
dated allegations; by default the year in which the Russian MoD alleged most (2020 in a record
without dated allegations).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from conflictkg.errors import QueryError
from conflictkg.pages.context import PageContext
from conflictkg.pages.model import Page, Section
from conflictkg.pages.timeline import allegations
from conflictkg.rdf.namespaces import CKR, compact_iri, expand_curie
from conflictkg.rdf.terms import term_to_str

QUERY = "claimant-allegations-in-window"
#: The claimant whose weekly count is set beside each side's: the Russian MoD.
REFERENCE = CKR + "agent-ru-mod"
PATH = "/timeline/claimants"
#: The year shown when no allegation is dated (an empty record): the statement's.
STATEMENT_YEAR = 2020
NO_SIDE = "none"
CLAIM_COLUMNS = ["claim_date", "claim", "claimant", "side", "incident"]
CSV_HEADER = ["chart", "series", "series_label", "side", "week", "claims", "claims_href"]


@dataclass
class Claim:
    """One allegation of the year: its week (a Monday), claimant and the sides the claimant speaks for."""

    iri: str
    date: str
    week: str
    claimant: dict[str, str]
    incident: str
    sides: dict[str, str] = field(default_factory=dict)  # side key (CURIE or "none") -> label


def monday(day: datetime.date) -> datetime.date:
    """The Monday on or before ``day``.

    >>> monday(datetime.date(2022, 3, 27)).isoformat(), monday(datetime.date(2022, 3, 21)).isoformat()
    ('2022-03-21', '2022-03-21')
    """
    return day - datetime.timedelta(days=day.weekday())


def weeks_of(year: int) -> list[str]:
    """The Mondays in ``year``: its weeks (the last may end in the next year).

    >>> w = weeks_of(2022); len(w), w[0], w[-1]
    (52, '2022-01-03', '2022-12-26')
    """
    day = monday(datetime.date(year, 1, 7))
    out = []
    while day.year == year:
        out.append(day.isoformat())
        day += datetime.timedelta(days=7)
    return out


def default_year(ctx: PageContext) -> tuple[list[int], int]:
    """The years with dated allegations, and the one shown by default: the Russian MoD's busiest (the
    earliest on a tie), else the busiest of all. Derived once per site from the timeline's rows."""
    def make() -> tuple[list[int], int]:
        items = allegations(ctx)
        every = Counter(int(a.date[:4]) for a in items)
        reference = Counter(int(a.date[:4]) for a in items if a.claimant.get("iri") == REFERENCE)
        counts = reference or every
        best = min(counts, key=lambda y: (-counts[y], y)) if counts else STATEMENT_YEAR
        return sorted(every), best
    return ctx.site.derive_once(("claimant-weeks-years",), make)


def year_claims(ctx: PageContext, weeks: list[str]) -> list[Claim]:
    """The allegations made in ``weeks`` (the library question over their window), one per claim."""
    last = (datetime.date.fromisoformat(weeks[-1]) + datetime.timedelta(days=6)).isoformat()
    found: dict[str, Claim] = {}
    for row in ctx.run(QUERY, {"from": weeks[0], "to": last}, once=True).dicts():
        iri, date = term_to_str(row["claim"]), term_to_str(row["claim_date"])[:10]
        claim = found.setdefault(iri, Claim(iri, date, monday(datetime.date.fromisoformat(date)).isoformat(),
                                            ctx.labeller.cell(row["claimant"], row["claimant_label"]),
                                            term_to_str(row["incident"])))
        side = term_to_str(row["side"])
        claim.sides[side if side == NO_SIDE else compact_iri(side)] = term_to_str(row["side_label"])
    return sorted(found.values(), key=lambda c: (c.date, c.iri))


def _bars(year: int, weeks: list[str], hits: Counter[str], param: str, key: str) -> list[dict[str, Any]]:
    return [{"week": w, "claims": hits[w],
             "href": f"{PATH}?" + urlencode({"year": year, "week": w, param: key}) + "#claims"} for w in weeks]


def claimant_series(claims: list[Claim], year: int, weeks: list[str]) -> list[dict[str, Any]]:
    """Per claimant, per week: the Russian MoD first, then the claimants side by side (sides with the
    most allegations first), most allegations first within a side."""
    by: dict[str, tuple[dict[str, str], str, Counter[str]]] = {}
    for c in claims:
        key = compact_iri(c.claimant.get("iri", "")) or c.claimant["text"]
        by.setdefault(key, (c.claimant, "; ".join(sorted(c.sides.values())), Counter()))[2][c.week] += 1
    side_total = Counter[str]()
    for _, side, hits in by.values():
        side_total[side] += sum(hits.values())
    series = [{"key": key, "label": cell["text"], "href": cell.get("href", ""), "side": side,
               "reference": cell.get("iri") == REFERENCE, "bars": _bars(year, weeks, hits, "claimant", key),
               "total": sum(hits.values())} for key, (cell, side, hits) in by.items()]
    return sorted(series, key=lambda s: (not s["reference"], -side_total[s["side"]], s["side"], -s["total"],
                                         s["label"].casefold(), s["key"]))


def side_series(claims: list[Claim], year: int, weeks: list[str]) -> list[dict[str, Any]]:
    """Per claimant's side, per week: every claimant of that side together (most allegations first)."""
    labels = {k: v for c in claims for k, v in c.sides.items()}
    series = []
    for key, label in labels.items():
        hits = Counter(c.week for c in claims if key in c.sides)
        series.append({"key": key, "label": label, "short": label.split(" (")[0],
                       "bars": _bars(year, weeks, hits, "side", key),
                       "total": sum(hits.values())})
    return sorted(series, key=lambda s: (-s["total"], s["label"].casefold(), s["key"]))


def beside(claimants: list[dict[str, Any]], sides: list[dict[str, Any]]) -> dict[str, Any]:
    """The weeks the Russian MoD alleged something, each with its count and the count of each side that
    alleged anything in one of those weeks (``sides``: their keys and labels; the others are left out)."""
    reference = next((s for s in claimants if s["reference"]), None)
    at = [i for i, bar in enumerate(reference["bars"]) if bar["claims"]] if reference else []
    shown = [s for s in sides if any(s["bars"][i]["claims"] for i in at)]
    return {"sides": [{"key": s["key"], "label": s["label"], "short": s["short"]} for s in shown],
            "weeks": [{"week": reference["bars"][i]["week"], "reference": reference["bars"][i],
                       "sides": [s["bars"][i] for s in shown]} for i in at] if reference else []}


@dataclass(frozen=True)
class Selection:
    """The bar whose claims are listed: a week and a claimant or a side (all empty: no list)."""

    week: str = ""
    claimant: str = ""
    side: str = ""


def parse_year(params: Mapping[str, str], years: list[int], best: int) -> int:
    """``year``, one of the years with dated allegations (default ``best``); QueryError (400) otherwise."""
    text = params.get("year", "").strip()
    if not text:
        return best
    if not (text.isascii() and text.isdigit() and len(text) == 4) or int(text) not in years:
        raise QueryError(f"parameter year: no dated allegation in {text!r}",
                         hint=f"one of {', '.join(map(str, years))}, e.g. year={best}")
    return int(text)


def parse_selection(params: Mapping[str, str], weeks: list[str], claimants: list[str], sides: list[str]) -> Selection:
    """Check ``week`` (a Monday of the year's weeks), ``claimant`` and ``side``; QueryError (400) naming the
    parameter when one is not a bar of the chart, or a claimant or side comes without a week."""
    got = {k: params[k].strip() for k in ("week", "claimant", "side") if params.get(k, "").strip()}
    week, claimant, side = got.get("week", ""), got.get("claimant", ""), got.get("side", "")
    if week and week not in weeks:
        raise QueryError(f"parameter week: {week!r} is not the Monday of a week of this year",
                         hint=f"a date YYYY-MM-DD from {weeks[0]} to {weeks[-1]}, a Monday, e.g. week={weeks[0]}")
    if claimant and claimant not in claimants:
        raise QueryError(f"parameter claimant: {claimant!r} made no dated allegation this year",
                         hint=f"one of {', '.join(claimants)}" if claimants else "choose another year")
    if side and side not in sides:
        raise QueryError(f"parameter side: {side!r} is not the side of a claimant of this year's allegations",
                         hint=f"one of {', '.join(sides)}" if sides else "choose another year")
    if (claimant or side) and not week:
        raise QueryError("parameter week is missing: a claimant or side is listed for one week",
                         hint=f"add week=YYYY-MM-DD, a Monday, e.g. week={weeks[0]}")
    return Selection(week, claimant, side)


def claimant_weeks_page(ctx: PageContext, params: Mapping[str, str]) -> Page:
    """The per-claimant weekly series of one year; with ``week`` (and ``claimant`` or ``side``), the claims
    behind that bar."""
    years, best = default_year(ctx)
    year = parse_year(params, years, best)
    weeks = weeks_of(year)
    claims = year_claims(ctx, weeks)
    claimants, sides = claimant_series(claims, year, weeks), side_series(claims, year, weeks)
    sel = parse_selection(params, weeks, [s["key"] for s in claimants], [s["key"] for s in sides])
    page = Page("timeline-claimants", f"Timeline: allegations per claimant, per week, {year}",
                subtitle="Who alleged what, week by week (Monday to Sunday): the Russian Ministry of Defence, which "
                         "reported ceasefire violations for the peacekeepers, then every claimant of each side, on one "
                         "week axis and one scale. Each bar links to the claims behind it.")
    peaks = {name: max((b["claims"] for s in series for b in s["bars"]), default=0)
             for name, series in (("claimants", claimants), ("sides", sides))}
    window = {"from": weeks[0], "to": (datetime.date.fromisoformat(weeks[-1]) + datetime.timedelta(days=6)).isoformat()}
    page.extra.update({"query": QUERY, "params": window, "year": year, "years": years, "weeks": weeks,
                       "ticks": month_ticks(weeks), "peaks": peaks, "allegations": len(claims),
                       "reference": compact_iri(REFERENCE), "claimants": claimants, "sides": sides,
                       "beside": beside(claimants, sides),
                       "selection": {"week": sel.week, "claimant": sel.claimant, "side": sel.side}})
    if sel.week:
        page.sections.append(_claims_section(ctx, claims, sel, claimants + sides, window))
    return page


def month_ticks(weeks: list[str]) -> list[dict[str, Any]]:
    """The axis: each month's short name at its first week, in per cent of the axis."""
    out, seen = [], set()
    for i, week in enumerate(weeks):
        month = week[:7]
        if month not in seen:
            seen.add(month)
            out.append({"pos": round(100 * i / len(weeks), 2),
                        "text": datetime.date.fromisoformat(week).strftime("%b")})
    return out


def _claims_section(ctx: PageContext, claims: list[Claim], sel: Selection, series: list[dict[str, Any]],
                    window: dict[str, str]) -> Section:
    wanted = sel.claimant or sel.side
    label = next((s["label"] for s in series if s["key"] == wanted), "") or "every claimant"
    claimant = expand_curie(sel.claimant) if sel.claimant else ""
    rows = [{"claim_date": {"text": c.date}, "claim": ctx.labeller.iri_cell(c.iri), "claimant": c.claimant,
             "side": {"text": "; ".join(sorted(c.sides.values()))}, "incident": ctx.labeller.iri_cell(c.incident)}
            for c in claims if c.week == sel.week and (not claimant or c.claimant.get("iri") == claimant)
            and (not sel.side or sel.side in c.sides)]
    end = (datetime.date.fromisoformat(sel.week) + datetime.timedelta(days=6)).isoformat()
    return Section("claims", f"Allegations in the week {sel.week} to {end}: {label}", list(CLAIM_COLUMNS), rows,
                   query=QUERY, params=dict(window), note=f"{len(rows)} allegation{'s' if len(rows) != 1 else ''}.",
                   empty="No allegation in this week for this series.")


def csv_table(page: Page) -> tuple[list[str], list[list[str]]]:
    """The CSV twin: one line per non-empty bar, claimants then sides, in series and week order."""
    out = []
    for chart in ("claimants", "sides"):
        for s in page.extra[chart]:
            out += [[chart, s["key"], s["label"], s.get("side", ""), b["week"], str(b["claims"]), b["href"]]
                    for b in s["bars"] if b["claims"]]
    return CSV_HEADER, out
