"""Structured parts of pages: clause texts with their differences marked, allegations with the
claims that answer them, an incident's thread as a tree, casualty figures side by side."""

from __future__ import annotations

import re
from typing import Any

from conflictkg.pages.context import PageContext
from conflictkg.pages.model import Cell
from conflictkg.rdf.terms import term_to_str
from conflictkg.store import Result


def _s(row: dict, key: str) -> str:
    return term_to_str(row.get(key))


def mark_segments(text: str, marks: dict[str, str]) -> list[dict[str, str]]:
    """``text`` cut into segments; a segment equal to a key of ``marks`` carries its note.

    >>> mark_segments("Shusha city", {"Shusha": "D7"})
    [{'text': 'Shusha', 'mark': 'D7'}, {'text': ' city', 'mark': ''}]
    """
    forms = sorted((f for f in marks if f), key=len, reverse=True)
    if not forms:
        return [{"text": text, "mark": ""}]
    pattern = re.compile("|".join(re.escape(f) for f in forms), re.IGNORECASE)
    lowered = {f.lower(): note for f, note in marks.items()}
    segments, pos = [], 0
    for match in pattern.finditer(text):
        if match.start() > pos:
            segments.append({"text": text[pos:match.start()], "mark": ""})
        segments.append({"text": match.group(0), "mark": lowered[match.group(0).lower()]})
        pos = match.end()
    if pos < len(text):
        segments.append({"text": text[pos:], "mark": ""})
    return segments


def clause_texts(ctx: PageContext, params: dict[str, str]) -> list[dict[str, Any]]:
    """The point's text in every version, each variant form of a recorded difference marked."""
    marks: dict[str, dict[str, str]] = {}
    for row in ctx.run("clause-version-differences", params).dicts():
        marks.setdefault(_s(row, "expression"), {})[_s(row, "variant_form")] = _s(row, "difference_label")
    texts, seen = [], set()
    for row in ctx.run("clause-texts", params).dicts():
        expression = _s(row, "expression")
        if (expression, _s(row, "text")) in seen:
            continue
        seen.add((expression, _s(row, "text")))
        texts.append({
            "expression": ctx.labeller.iri_cell(expression, _s(row, "expression_label")),
            "language": _s(row, "language"), "authoritative": _s(row, "authoritative"),
            "coverage": _s(row, "coverage_label"), "note": _s(row, "coverage_note"),
            "source": ctx.labeller.cell(row["text_source_url"]),
            "segments": mark_segments(_s(row, "text"), marks.get(expression, {})),
        })
    return texts


def allegations_with_responses(ctx: PageContext, params: dict[str, str],
                               claims: Result | None = None) -> tuple[list[dict[str, Any]], int]:
    """One entry per claim alleging a breach of the point, with the claims answering it, and how many
    such claims there are: with ``ctx.window``, only that page's claims are labelled and listed.
    ``claims``: the answer of ``claims-alleging-breach-of-clause`` when the page has it already."""
    rows_of: dict[str, list[dict]] = {}
    for row in (claims or ctx.run("claims-alleging-breach-of-clause", params)).dicts():
        rows_of.setdefault(_s(row, "claim"), []).append(row)
    shown = list(rows_of) if ctx.window is None else ctx.window.cut(list(rows_of))
    claims = {iri: _allegation(ctx, rows_of[iri]) for iri in shown}
    label = ctx.labeller
    for row in ctx.run("clause-allegation-responses", params, once=True).dicts() if claims else ():
        entry = claims.get(_s(row, "claim"))
        if entry is not None:
            entry["responses"].append({
                "claim": label.cell(row["response"], row["response_label"]), "date": _s(row, "response_date"),
                "claimant": label.cell(row["responder"], row["responder_label"]),
                "stance": _s(row, "stance_label"), "source": label.cell(row["source_url"])})
    return list(claims.values()), len(rows_of)


def _allegation(ctx: PageContext, rows: list[dict]) -> dict[str, Any]:
    """One alleging claim from its rows (one per basis, accused and source)."""
    label, first = ctx.labeller, rows[0]
    entry: dict[str, Any] = {
        "claim": label.cell(first["claim"]), "date": _s(first, "claim_date"),
        "claimant": label.cell(first["claimant"], first["claimant_label"]), "stance": _s(first, "stance_label"),
        "basis": sorted({_s(r, "basis") for r in rows}),
        "accused": sorted({_s(r, "accused_label") for r in rows if r["accused_label"] is not None}),
        "sources": list({_s(r, "source"): _source_cell(r, label) for r in rows if r["source"] is not None}.values()),
        "responses": []}
    return entry


def _source_cell(row: dict, label: Any) -> Cell:
    url = _s(row, "source_url")
    text = " · ".join(p for p in (_s(row, "publisher_label"), _s(row, "published"), _s(row, "source_role")) if p)
    cell = label.cell(row["source"])
    cell["text"] = text or cell["text"]
    if url.startswith(("http://", "https://")):
        cell["url"] = url
    return cell


def incident_thread(ctx: PageContext, incident: str) -> list[dict[str, Any]]:
    """The incident's claims as a tree: each answer indented under the claim it responds to."""
    label = ctx.labeller
    nodes: dict[str, dict[str, Any]] = {}
    for row in ctx.run("incident-thread", {"incident": incident}).dicts():
        node = nodes.setdefault(_s(row, "claim"), {
            "claim": label.cell(row["claim"]), "date": _s(row, "claim_date"),
            "claimant": label.cell(row["claimant"], row["claimant_label"]), "stance": _s(row, "stance_label"),
            "summary": _s(row, "summary"), "accused": [], "responds_to": []})
        if row["accused_label"] is not None and _s(row, "accused_label") not in node["accused"]:
            node["accused"].append(_s(row, "accused_label"))
        if row["responds_to"] is not None and _s(row, "responds_to") not in node["responds_to"]:
            node["responds_to"].append(_s(row, "responds_to"))
    children: dict[str, list[str]] = {}
    roots = []
    for iri, node in nodes.items():
        parent = next((p for p in node["responds_to"] if p in nodes), None)
        (children.setdefault(parent, []) if parent else roots).append(iri)
    ordered: list[dict[str, Any]] = []

    def walk(iri: str, depth: int) -> None:
        ordered.append({**nodes[iri], "depth": depth})
        for child in children.get(iri, []):
            walk(child, depth + 1)

    for root in roots:
        walk(root, 0)
    return ordered


def _figure(row: dict) -> str:
    low, high, best = _s(row, "count_min"), _s(row, "count_max"), _s(row, "count_best")
    text = low if low == high or not high else f"{low}–{high}" if low else f"up to {high}"
    if best and best not in (low, high):
        text += f" (best {best})"
    qualifier = _s(row, "qualifier")
    return f"{qualifier} {text}".strip()


def casualties_side_by_side(ctx: PageContext, incident: str) -> dict[str, Any]:
    """Rows = (kind, group); one column per reporting claimant; figures as each claim reports them."""
    claimants: dict[str, Cell] = {}
    table: dict[tuple[str, str], dict[str, list[str]]] = {}
    for row in ctx.run("incident-casualty-figures", {"incident": incident}).dicts():
        who = _s(row, "claimant")
        claimants.setdefault(who, ctx.labeller.cell(row["claimant"], row["claimant_label"]))
        group = _s(row, "casualty_group") or _s(row, "affiliation_label")
        figures = table.setdefault((_s(row, "kind_label"), group), {}).setdefault(who, [])
        figure = f"{_figure(row)} ({_s(row, 'claim_date') or 'claim undated'})"  # never "()"
        if figure not in figures:
            figures.append(figure)
    order = list(claimants)
    rows = [{"kind": kind, "group": group, "figures": ["; ".join(cells.get(c, [])) for c in order]}
            for (kind, group), cells in table.items()]
    return {"claimants": [claimants[c] for c in order], "rows": rows}
