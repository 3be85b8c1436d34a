"""The timeline: allegations per month, per point of the statement and per claimant's side.

One library question, ``dated-allegations`` (one row per dated allegation, side and linked
point), gives every number: the bars count distinct claims per (series, month), and the claims
behind a bar (``?month=2022-03&point=4`` or ``&side=ckr:agent-russia``) are the same rows
filtered, so a bar and its list always agree. The HTML page draws the bars as SVG on the server
(links work without JavaScript); its JSON twin holds exactly the series the bars are drawn from,
and the CSV twin one line per non-empty bar. :func:`claim_marks` places an incident's claims on
a compact dated row for its page.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from conflictkg.errors import QueryError
from conflictkg.pages.context import PageContext
from conflictkg.pages.model import Page, Section
from conflictkg.rdf.namespaces import compact_iri, expand_curie
from conflictkg.rdf.terms import term_to_str

QUERY = "dated-allegations"
PARAMS = {"agreement": "ckr:agreement-tri2020"}
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
NO_POINT = "none"
CSV_HEADER = ["chart", "series", "series_label", "month", "claims", "named", "implied", "claims_href"]
CLAIM_COLUMNS = ["claim_date", "claim", "claimant", "side", "points_named", "points_implied", "incident"]


@dataclass
class Allegation:
    """One dated allegation: the sides its claimant speaks for and the points it links, by basis."""

    iri: str
    month: str
    date: str
    claimant: dict[str, str]
    incident: str
    sides: dict[str, str] = field(default_factory=dict)  # side IRI or "none" -> label
    named: set[str] = field(default_factory=set)  # point numbers
    implied: set[str] = field(default_factory=set)

    @property
    def points(self) -> set[str]:
        return (self.named | self.implied) or {NO_POINT}


def allegations(ctx: PageContext) -> list[Allegation]:
    """The rows of ``dated-allegations`` folded into one :class:`Allegation` per claim, in date order."""
    found: dict[str, Allegation] = {}
    for row in ctx.run(QUERY, PARAMS, once=True).dicts():
        iri = term_to_str(row["claim"])
        a = found.setdefault(iri, Allegation(iri, term_to_str(row["month"]), term_to_str(row["claim_date"]),
                                             ctx.labeller.cell(row["claimant"], row["claimant_label"]),
                                             term_to_str(row["incident"])))
        a.sides[term_to_str(row["side"])] = term_to_str(row["side_label"])
        if row["clause_number"] is not None:
            (a.named if term_to_str(row["basis"]) == "named" else a.implied).add(term_to_str(row["clause_number"]))
    return sorted(found.values(), key=lambda a: (a.date, a.iri))


def all_months(items: list[Allegation]) -> list[str]:
    """Every month from the first allegation's to the last's (empty months too: the axis is time)."""
    if not items:
        return []
    first, last = min(a.month for a in items), max(a.month for a in items)
    year, month, out = int(first[:4]), int(first[5:]), []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def ticks(months: list[str]) -> list[dict[str, Any]]:
    """Axis labels: each January (its year) at its position in per cent, and the first month when
    no January follows within four months (so labels do not collide on a narrow screen). A label in the
    last ``END_SHARE`` per cent is marked ``end``: on a phone drawn ending at the right edge, not past it.

    >>> [t for t in ticks([f"2020-{m:02d}" for m in range(1, 13)] + ["2021-01"]) if t["end"]]
    [{'pos': 92.31, 'text': '2021', 'end': True}]
    """
    n = len(months)
    out = [{"pos": round(100 * i / n, 2), "text": m[:4]} for i, m in enumerate(months) if m.endswith("-01")]
    if months and not months[0].endswith("-01") and not any(m.endswith("-01") for m in months[1:5]):
        out.insert(0, {"pos": 0.0, "text": months[0]})
    for tick in out:
        tick["end"] = tick["pos"] > 100 - END_SHARE
    return out


#: The share of the axis (per cent) at its right end where a label is drawn ending at the edge.
END_SHARE = 8.0


def _point_key(point: str) -> tuple[int, str]:
    return (10**6, point) if point == NO_POINT else (int(point), point)


def point_series(items: list[Allegation], months: list[str]) -> list[dict[str, Any]]:
    """Per point (and "no point"), per month: claims linking it, split into named and implied only."""
    points = sorted({p for a in items for p in a.points}, key=_point_key)
    series = []
    for point in points:
        bars = []
        for month in months:
            hits = [a for a in items if a.month == month and point in a.points]
            named = sum(1 for a in hits if point in a.named)
            bars.append({"month": month, "claims": len(hits), "named": named, "implied": len(hits) - named,
                         "href": "/timeline?" + urlencode({"month": month, "point": point}) + "#claims"})
        label = "no point linked" if point == NO_POINT else f"point {point}"
        series.append({"key": point, "label": label, "bars": bars, "total": sum(b["claims"] for b in bars)})
    return series


def side_series(items: list[Allegation], months: list[str]) -> list[dict[str, Any]]:
    """Per claimant's side, per month: allegations its claimants made (most allegations first)."""
    labels = {side: label for a in items for side, label in a.sides.items()}
    series = []
    for side, label in labels.items():
        key = side if side == NO_POINT else compact_iri(side)
        bars = []
        for month in months:
            n = sum(1 for a in items if a.month == month and side in a.sides)
            bars.append({"month": month, "claims": n, "named": 0, "implied": 0,
                         "href": "/timeline?" + urlencode({"month": month, "side": key}) + "#claims"})
        series.append({"key": key, "label": label, "bars": bars, "total": sum(b["claims"] for b in bars)})
    return sorted(series, key=lambda s: (-s["total"], s["label"].casefold(), s["key"]))


@dataclass(frozen=True)
class Selection:
    """The bar whose claims are listed: a month and a point or a side (all empty: no list)."""

    month: str = ""
    point: str = ""
    side: str = ""


def parse_selection(params: Mapping[str, str], points: list[str], sides: list[str]) -> Selection:
    """Check ``month``, ``point`` and ``side``; other parameters are ignored.

    Raises:
        QueryError: a malformed month, a point or side no bar has, or a point or side without a
            month (HTTP 400, naming the parameter).
    """
    got = {k: params[k].strip() for k in ("month", "point", "side") if params.get(k, "").strip()}
    month, point, side = got.get("month", ""), got.get("point", ""), got.get("side", "")
    if month and not MONTH.match(month):
        raise QueryError(f"parameter month needs a month (YYYY-MM), got {month!r}", hint="e.g. month=2022-03")
    if point and point not in points:
        raise QueryError(f"parameter point: no allegation links point {point!r}",
                         hint=f"one of {', '.join(points)}, e.g. point={points[0] if points else NO_POINT}")
    if side and side not in sides:
        raise QueryError(f"parameter side: {side!r} is not the side of any claimant of an allegation",
                         hint=f"one of {', '.join(sides)}")
    if (point or side) and not month:
        raise QueryError("parameter month is missing: a point or side is listed for one month",
                         hint="add month=YYYY-MM, e.g. month=2022-03")
    return Selection(month, point, side)


def selected(items: list[Allegation], sel: Selection) -> list[Allegation]:
    """The allegations behind the chosen bar (every allegation of the month when no series is named)."""
    side = "" if not sel.side else sel.side if sel.side == NO_POINT else expand_curie(sel.side)
    return [a for a in items if a.month == sel.month and (not sel.point or sel.point in a.points)
            and (not side or side in a.sides)]


def timeline_page(ctx: PageContext, params: Mapping[str, str]) -> Page:
    """The timeline page; with ``month`` (and ``point`` or ``side``), the claims behind that bar."""
    items = allegations(ctx)
    months = all_months(items)
    points, sides = point_series(items, months), side_series(items, months)
    sel = parse_selection(params, [s["key"] for s in points], [s["key"] for s in sides])
    page = Page("timeline", "Timeline: allegations per month",
                subtitle="Dated allegations (and counter-allegations) about incidents, by month: per point of the "
                         "2020 statement they link a breach to, and per side of the claimant who made them. "
                         "Each bar links to the claims behind it.")
    peaks = {name: max((b["claims"] for s in series for b in s["bars"]), default=0)
             for name, series in (("points", points), ("sides", sides))}
    page.extra.update({"query": QUERY, "params": PARAMS, "months": months, "ticks": ticks(months), "peaks": peaks, "allegations": len(items),
                       "points": points, "sides": sides,
                       "selection": {"month": sel.month, "point": sel.point, "side": sel.side},
                       "incidents_href": incidents_href(sel)})
    if sel.month:
        page.sections.append(_claims_section(ctx, selected(items, sel), sel, points, sides))
    return page


def _claims_section(ctx: PageContext, items: list[Allegation], sel: Selection,
                    points: list[dict[str, Any]], sides: list[dict[str, Any]]) -> Section:
    what = next((s["label"] for s in points if s["key"] == sel.point), "") if sel.point else \
        next((s["label"] for s in sides if s["key"] == sel.side), "") if sel.side else "any point or side"
    rows = [{"claim_date": {"text": a.date}, "claim": ctx.labeller.iri_cell(a.iri), "claimant": a.claimant,
             "side": {"text": "; ".join(sorted(a.sides.values()))},
             "points_named": {"text": " ".join(sorted(a.named, key=int))},
             "points_implied": {"text": " ".join(sorted(a.implied - a.named, key=int))},
             "incident": ctx.labeller.iri_cell(a.incident)} for a in items]
    return Section("claims", f"Allegations in {sel.month}: {what}", list(CLAIM_COLUMNS), rows, query=QUERY,
                   params=dict(PARAMS), note=f"{len(rows)} allegation{'s' if len(rows) != 1 else ''}. points implied: only those the claimant "
                   "did not name.", empty="No allegation in this month for this series.")


def incidents_href(sel: Selection) -> str:
    """The /incidents list for the selected month (and point): the incidents the claims are about begin
    or run then (an incident's window, not the claim date, is what /incidents filters by)."""
    if not sel.month:
        return "/incidents"
    year, month = int(sel.month[:4]), int(sel.month[5:])
    last = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).isoformat()
    pairs = [("from", f"{sel.month}-01"), ("to", last)]
    if sel.point and sel.point != NO_POINT:
        pairs.append(("point", sel.point))
    return "/incidents?" + urlencode(pairs)


def csv_table(page: Page) -> tuple[list[str], list[list[str]]]:
    """The CSV twin: one line per non-empty bar of either chart, in chart, series and month order."""
    out = []
    for chart in ("points", "sides"):
        for s in page.extra[chart]:
            out += [[chart, s["key"], s["label"], b["month"], str(b["claims"]),
                     str(b["named"]) if chart == "points" else "", str(b["implied"]) if chart == "points" else "",
                     b["href"]] for b in s["bars"] if b["claims"]]
    return CSV_HEADER, out


def claim_marks(thread: list[dict[str, Any]]) -> dict[str, Any]:
    """An incident's dated claims as marks on one row: ``pos`` from 0 to 100 (per cent of the span
    from the first claim date to the last), ``stack`` the mark's place among the claims of its day
    (``rows`` the most on one day); undated claims are counted, not placed."""
    dated = sorted((c for c in thread if c.get("date")), key=lambda c: (c["date"], c["claim"].get("iri", "")))
    if not dated:
        return {"first": "", "last": "", "days": 0, "marks": [], "rows": 0, "undated": len(thread)}
    first, last = (datetime.date.fromisoformat(dated[i]["date"][:10]) for i in (0, -1))
    span = (last - first).days
    marks, same_day = [], Counter[str]()
    for c in dated:
        day = datetime.date.fromisoformat(c["date"][:10])
        marks.append({"date": c["date"], "stance": c["stance"], "claimant": c["claimant"]["text"],
                      "href": c["claim"].get("href", ""), "stack": same_day[day.isoformat()],
                      "pos": round(100 * (day - first).days / span, 2) if span else 50.0})
        same_day[day.isoformat()] += 1
    return {"first": first.isoformat(), "last": last.isoformat(), "days": span, "marks": marks,
            "rows": max(same_day.values()), "undated": len(thread) - len(dated)}
