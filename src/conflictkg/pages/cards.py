"""Summary cards: the facts a reader of an entity page came for, at the top of the page.

A card extends the page's facts (``Page.facts``, the ``dl`` every page already opens with): each
card builder runs the kind's ``queries/pages/*-card.rq`` question (one row per field and value)
and appends facts. A fact with several values lists them in ``entries`` (cells, each with an
optional ``note``, e.g. a count or a source's role) and joins their texts in ``text``, so the JSON
twin and a plain reader of ``text`` both see every value.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from conflictkg.pages.context import PageContext
from conflictkg.pages.incidents import in_window, matching_incidents
from conflictkg.pages.model import Cell, Section
from conflictkg.pages.summary import Summary
from conflictkg.rdf.links import web_href
from conflictkg.rdf.namespaces import compact_iri
from conflictkg.rdf.terms import term_to_str

#: A fact's value: a cell, or ``{"text": joined, "entries": [cells]}`` for several values.
Fact = dict[str, Any]
Facts = list[tuple[str, Fact]]
#: The casualty rows a card repeats in brief; the full table follows on the page.
CASUALTY_ROWS = 4


def fact(entries: list[Fact]) -> Fact:
    """One value as its cell (with its note); several as ``entries`` with their texts (and notes) joined."""
    if len(entries) == 1:
        return entries[0]
    text = "; ".join(f"{e['text']} ({e['note']})" if e.get("note") else e["text"] for e in entries)
    return {"text": text, "entries": entries}


def with_note(cell: Cell, note: str) -> Fact:
    return {**cell, "note": note} if note else dict(cell)


def _claims(count: str) -> str:
    return f"{count} claim{'' if count == '1' else 's'}"


def _by_field(ctx: PageContext, query_id: str, params: dict[str, str], note: str, *,
              once: bool = False) -> dict[str, list[Fact]]:
    """The card query's rows as cells grouped by ``field`` (in the query's order); ``note`` names the
    column (``detail`` or ``claims``) that annotates each value. ``once``: an aggregate over the claims,
    answered once per site (``PageContext.run``)."""
    return _fields(ctx, ctx.run(query_id, params, once=once).dicts(), note)


def _fields(ctx: PageContext, rows: Iterable[dict[str, Any]], note: str) -> dict[str, list[Fact]]:
    fields: dict[str, list[Fact]] = {}
    for row in rows:
        cell = ctx.labeller.cell(row["value"], row.get("value_label"))
        fields.setdefault(term_to_str(row["field"]), []).append(with_note(cell, _note(row.get(note), note)))
    return fields


def _note(value: Any, column: str) -> str:
    """A count as "N claims" (none for 0), any other annotation as it is."""
    text = term_to_str(value)
    if column == "claims":
        return _claims(text) if text not in ("", "0") else ""
    return text


def _append(facts: Facts, fields: dict[str, list[Fact]], names: Iterable[tuple[str, str]]) -> None:
    for field, name in names:
        if fields.get(field):
            facts.append((name, fact(fields[field])))


def claim_card(ctx: PageContext, facts: Facts, s: Summary) -> None:
    """Claimant, date, stance, accused, incident, points named and implied, quote, sources, answers."""
    fields = _by_field(ctx, "claim-card", {"claim": compact_iri(s.iri)}, "detail")
    _append(facts, fields, [("claimant", "claimant"), ("date", "date"), ("stance", "stance"), ("accused", "accuses"),
                            ("incident", "incident"), ("point-named", "breach named by the claimant"),
                            ("point-implied", "breach implied (curator's reading)"), ("quote", "quote"),
                            ("source", "where it can be read"), ("responds-to", "answers"),
                            ("response", "answered by")])


def incident_card(ctx: PageContext, facts: Facts, s: Summary, casualties: dict[str, Any]) -> None:
    """Dates, places, accused parties, claims by side and stance, casualty figures in brief."""
    curie = compact_iri(s.iri)
    fields = _by_field(ctx, "incident-card", {"incident": curie}, "claims")
    when = [c["text"] for field in ("begins", "ends") for c in fields.get(field, [])]
    if when:
        facts.append(("when", {"text": " to ".join(dict.fromkeys(when))}))
    _append(facts, fields, [("place", "places"), ("accused", "accused")])
    sides: dict[str, tuple[Cell, list[str]]] = {}
    for row in ctx.run("incident-claims-by-side", {"incident": curie}).dicts():
        side = term_to_str(row["side"])
        cell = ctx.labeller.cell(row["side"], row["side_label"]) if side != "none" else {"text": term_to_str(row["side_label"])}
        sides.setdefault(side, (cell, []))[1].append(f"{term_to_str(row['stance_label'])} {term_to_str(row['claims'])}")
    if sides:
        facts.append(("claims by side and stance", fact([with_note(c, " · ".join(n)) for c, n in sides.values()])))
    rows = casualties.get("rows", [])
    if rows:
        names = [c["text"] for c in casualties["claimants"]]
        brief = [{"text": " ".join(p for p in (r["kind"], f"({r['group']})" if r["group"] else "") if p),
                  "note": "; ".join(f"{n}: {f}" for n, f in zip(names, r["figures"], strict=True) if f)}
                 for r in rows[:CASUALTY_ROWS]]
        if len(rows) > CASUALTY_ROWS:
            brief.append({"text": f"{len(rows) - CASUALTY_ROWS} more", "href": "#casualties-side-by-side"})
        facts.append(("casualty figures (each claimant's)", fact(brief)))


def agent_card(ctx: PageContext, facts: Facts, s: Summary) -> None:
    """Side, parent body, claims by stance and by point, whom it accuses and who accuses it."""
    # counted over every claim of the agent: once per site (#14), a few rows per agent
    fields = _by_field(ctx, "agent-card", {"agent": compact_iri(s.iri)}, "claims", once=True)
    _append(facts, fields, [("side", "side")])
    parent = parent_body(fields, s.iri)
    if parent:
        facts.append(("parent body", parent))
    _append(facts, fields, [("stance", "its claims by stance")])
    points: dict[str, Fact] = {}
    for field, kind in (("point-named", "named"), ("point-implied", "implied")):
        for cell in fields.get(field, []):
            entry = points.setdefault(cell["text"], {k: v for k, v in cell.items() if k != "note"})
            entry["note"] = "; ".join(p for p in (entry.get("note", ""), f"{kind}: {cell['note']}") if p)
    if points:
        facts.append(("its claims by point", fact([points[k] for k in sorted(points, key=_point_key)])))
    _append(facts, fields, [("accuses", "accuses"), ("accused-by", "accused by")])


def parent_body(fields: dict[str, list[Fact]], agent: str) -> Fact | None:
    """The body an agent belongs to, one step up (affiliation, sub-organisation, force of, a post held in):
    the bodies that are not its side, else its side (a ministry of a state: "also its side"); "none
    recorded" for an agent with neither; None for a state or authority, which is its own side."""
    sides = {c.get("iri") for c in fields.get("side", [])}
    if agent in sides:
        return None
    parents = fields.get("parent", [])
    below = [c for c in parents if c.get("iri") not in sides]
    if below:
        return fact(below)
    if parents:
        return fact([with_note(c, "also its side") for c in parents])
    return {"text": "none recorded"}


def _point_key(label: str) -> tuple[int, str]:
    """'Point 10 — …' after 'Point 9 — …'."""
    head = label.split()[1] if label.startswith("Point ") and len(label.split()) > 1 else ""
    return (int(head), label) if head.isdigit() else (10**6, label)


def place_card(ctx: PageContext, facts: Facts, s: Summary) -> None:
    """Names grouped by the side (perspective) they belong to; administrative parents with who says so."""
    fields = _by_field(ctx, "place-card", {"place": compact_iri(s.iri)}, "detail")
    unknown = "no perspective recorded"
    groups: dict[str, list[Fact]] = {}
    for cell in fields.get("name", []):
        groups.setdefault(cell.get("note") or unknown, []).append({"text": cell["text"]})
    for side in sorted(groups, key=lambda g: (g == unknown, g)):
        facts.append((f"names ({side})", fact(groups[side])))
    parents: dict[str, tuple[Fact, list[str]]] = {}
    for cell in fields.get("parent", []):
        entry = parents.setdefault(cell.get("iri", cell["text"]), ({k: v for k, v in cell.items() if k != "note"}, []))
        if cell.get("note"):
            entry[1].append(cell["note"])
    if parents:
        facts.append(("administrative parent, by whom", fact(
            [with_note(c, "according to " + ", ".join(who) if who else "") for c, who in parents.values()])))


def clause_card(ctx: PageContext, facts: Facts, s: Summary, norms: Section) -> None:
    """Paraphrase, obligations with bearers and deadlines, status now by side, allegations count."""
    rows = ctx.run("clause-card", {"clause": compact_iri(s.iri)}, once=True).dicts()  # counts: once per generation
    counts = {term_to_str(r["field"]): term_to_str(r["claims"]) for r in rows}
    paraphrase = next((term_to_str(r["value"]) for r in rows if term_to_str(r["field"]) == "paraphrase"), "")
    if paraphrase:
        facts.insert(0, ("in plain words", {"text": paraphrase, "note": "the curators' paraphrase, not the official wording"}))
    obligations = _obligations(norms, f"Point {s.clause_number}: ")
    if obligations:
        facts.append(("who must do what, by when", fact(obligations)))
    status = _status_now(ctx, s, f"Point {s.clause_number}: ")
    if status:
        facts.append(("status now, as each side asserts it", fact(status)))
    named, implied = counts.get("named", "0"), counts.get("implied", "0")
    facts.append(("alleged breaches", {
        "text": f"named by the claimant in {_claims(named)}, implied (the curators' reading) in {implied}; "
                f"about {counts.get('incidents', '0')} incidents; {counts.get('responses', '0')} answers",
        "href": "#allegations"}))
    by_year, rule = _incidents_by_year(ctx, s.clause_number)
    if by_year:
        facts.append(("incidents by year", {"text": " · ".join(e["text"] for e in by_year), "entries": by_year,
                                            "note": rule}))


def _incidents_by_year(ctx: PageContext, number: str) -> tuple[list[Fact], str]:
    """Per year, the incidents linked to point ``number`` (named or implied) that overlap it, linked to
    that filtered list (``/incidents?point=N&from=YYYY-01-01&to=YYYY-12-31``: the same count), and the
    counting rule in words: an incident lasting into several years counts in each, said with how many
    do, so that the years' sum is never read as the number of incidents (#13). Counted once per site (#14)."""
    by_year, rule = ctx.site.derive_once(("incidents-by-year", number), lambda: _count_by_year(ctx, number))
    return [dict(entry) for entry in by_year], rule


def _count_by_year(ctx: PageContext, number: str) -> tuple[list[Fact], str]:
    rows = matching_incidents(ctx, {"point": number}).rows
    spans = {r.iri: range(int(r.begin[:4]), int((r.end or r.begin)[:4]) + 1) for r in rows if r.begin}
    years = sorted({y for span in spans.values() for y in span})
    out = []
    for year in years:
        start, end = f"{year}-01-01", f"{year}-12-31"
        count = sum(1 for r in rows if in_window(r, start, end))
        out.append({"text": f"{year} ({count})", "href": f"/incidents?point={number}&from={start}&to={end}"})
    return out, _year_rule(len(spans), sum(1 for span in spans.values() if len(span) > 1), len(rows) - len(spans))


def _year_rule(dated: int, spanning: int, undated: int) -> str:
    """How the incidents by year are counted, in words.

    >>> _year_rule(40, 3, 1)
    'each incident in every year it lasts into: 3 of the 40 dated incidents span two years or more and count in each; 1 undated incident is in no year'
    >>> _year_rule(1, 0, 2)
    'each incident once, in the year it happened (1 dated incident); 2 undated incidents are in no year'
    >>> _year_rule(9, 1, 0)
    'each incident in every year it lasts into: 1 of the 9 dated incidents spans two years or more and counts in each'
    """
    rest = f"; {_incidents(undated, 'undated')} {'is' if undated == 1 else 'are'} in no year" if undated else ""
    if not spanning:
        return f"each incident once, in the year it happened ({_incidents(dated, 'dated')}){rest}"
    verbs = ("spans", "counts") if spanning == 1 else ("span", "count")
    return (f"each incident in every year it lasts into: {spanning} of the {dated} dated incidents {verbs[0]} two years "
            f"or more and {verbs[1]} in each{rest}")


def _incidents(n: int, kind: str) -> str:
    return f"{n} {kind} incident{'' if n == 1 else 's'}"


def _short(cell: Cell, prefix: str) -> Cell:
    """A norm's cell without the "Point N: " its label starts with (the card is on point N's page)."""
    return {**cell, "text": cell["text"].removeprefix(prefix)}


def _obligations(norms: Section, prefix: str) -> list[Fact]:
    """One entry per norm: its bearers and its deadline (and the amended one) from the norms section."""
    by_norm: dict[str, tuple[Cell, list[str], list[str]]] = {}
    for row in norms.rows:
        cell, bearers, deadlines = by_norm.setdefault(row["norm"].get("iri", row["norm"]["text"]), (_short(row["norm"], prefix), [], []))
        bearer = row["bearer"]["text"]
        if bearer and bearer not in bearers:
            bearers.append(bearer)
        deadline = row["deadline"]["text"]
        amended = row["amended_deadline"]["text"]
        text = f"by {deadline}" + (f" (moved to {amended})" if amended else "") if deadline else ""
        if text and text not in deadlines:
            deadlines.append(text)
    return [with_note(cell, " · ".join(p for p in (", ".join(bearers), "; ".join(deadlines)) if p))
            for cell, bearers, deadlines in by_norm.values()]


def _status_now(ctx: PageContext, s: Summary, prefix: str) -> list[Fact]:
    """Per norm, the latest status each side asserts (the last row per norm and side)."""
    latest: dict[str, dict[str, str]] = {}
    cells: dict[str, Cell] = {}
    for row in ctx.run("clause-status-by-side", {"clause": compact_iri(s.iri)}, once=True).dicts():
        norm = term_to_str(row["norm"])
        cells.setdefault(norm, _short(ctx.labeller.cell(row["norm"], row["norm_label"]), prefix))
        side = term_to_str(row["side_label"])
        as_of = term_to_str(row["as_of"])
        latest.setdefault(norm, {})[side] = f"{side}: {term_to_str(row['status_label'])}" + (f" (as of {as_of})" if as_of else "")
    return [with_note(cells[n], "; ".join(latest[n][side] for side in sorted(latest[n]))) for n in cells]


def norm_card(ctx: PageContext, facts: Facts, s: Summary) -> None:
    """Its point, bearer, beneficiary, action and object, deadline (and the amended one), status now by side."""
    rows = ctx.run("norm-card", {"norm": compact_iri(s.iri)}).dicts()
    fields = _fields(ctx, (r for r in rows if term_to_str(r["field"]) != "status"), "detail")
    _append(facts, fields, [("clause", "point"), ("bearer", "who must act"), ("beneficiary", "for the benefit of"),
                            ("action", "what"), ("object", "about")])
    deadline = [c["text"] for c in fields.get("deadline", [])]
    moved = [" ".join(p for p in (f"moved to {c['text']}", c.get("note", "")) if p) for c in fields.get("amended-deadline", [])]
    if deadline or moved:
        facts.append(("deadline", {"text": ", ".join(deadline) or "none written", "note": "; ".join(moved)}))
    latest: dict[str, Fact] = {}
    for row in (r for r in rows if term_to_str(r["field"]) == "status"):  # date order: the last per side is now
        as_of = term_to_str(row["as_of"])
        status = ctx.labeller.cell(row["value"], row["value_label"])["text"]
        latest[term_to_str(row["detail"])] = {"text": status + (f" (as of {as_of})" if as_of else "")}
    if latest:
        facts.append(("status now, as each side asserts it", fact(
            [{**latest[side], "text": f"{side}: {latest[side]['text']}"} for side in sorted(latest)])))
    else:
        facts.append(("status now, as each side asserts it", {"text": "no status recorded in the curated sources"}))


def source_card(ctx: PageContext, facts: Facts, s: Summary) -> None:
    """Publisher, date, where it can be read (its domain), the claims it states and relays, by claimant."""
    fields = _by_field(ctx, "source-card", {"source": compact_iri(s.iri)}, "claims")
    _append(facts, fields, [("publisher", "publisher"), ("issued", "date"), ("date-note", "date")])
    urls = [c.get("iri") or c["text"] for c in fields.get("url", [])]
    if urls:
        facts.append(("read it at", fact([{"text": url, "href": web_href(url)} for url in urls])))
    counts = {f: next((c["note"] for c in fields.get(f, [])), "") or "0 claims" for f in ("stated", "relayed")}
    facts.append(("claims it carries", {"text": f"states {counts['stated']} (its claimant's own outlet), "
                                                f"relays {counts['relayed']}", "href": "#claims"}))
    _append(facts, fields, [("claimant", "by claimant")])


def agreement_card(ctx: PageContext, facts: Facts, s: Summary) -> None:
    """Date, parties, number of points and versions, alleged breaches of it, its points or their norms."""
    rows = ctx.run("agreement-card", {"agreement": compact_iri(s.iri)}).dicts()
    counted = ("clauses", "versions", "named", "implied", "incidents")
    counts = {term_to_str(r["field"]): term_to_str(r["claims"]) for r in rows if term_to_str(r["field"]) in counted}
    fields = _fields(ctx, (r for r in rows if term_to_str(r["field"]) not in counted), "detail")
    _append(facts, fields, [("date", "date"), ("in-force", "in force from"), ("party", "parties")])
    versions = counts.get("versions", "0")
    facts.append(("points", {"text": f"{counts.get('clauses', '0')} points"
                                     + (f", {versions} language versions" if versions != "0" else ""), "href": "#clauses"}))
    named, implied = counts.get("named", "0"), counts.get("implied", "0")
    facts.append(("alleged breaches", {
        "text": f"named by the claimant in {_claims(named)}, implied (the curators' reading) in {implied}; "
                f"about {counts.get('incidents', '0')} incidents", "href": "#clauses"}))
