"""A point's versions side by side: one column per version (language version or translation), one
row per recorded difference and a last row for the rest of the stored wording.

In each row a version's wording is compared word by word (:mod:`difflib`) with the wording of the
first version in the same language that has one (the row's base for that language): words that
differ are marked, and a gap marks words of the base the version lacks. Versions in different
languages are only set side by side, never diffed. The data is ``queries/pages/clause-versions.rq``.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from typing import Any

from conflictkg.pages.context import PageContext
from conflictkg.rdf.namespaces import compact_iri
from conflictkg.rdf.terms import term_to_str

#: Below this similarity (:meth:`difflib.SequenceMatcher.ratio` over words) two wordings are not
#: compared: they are different passages, not variants of one.
MIN_SIMILARITY = 0.3
#: The row of stored wording that belongs to no recorded difference.
OTHER = "other"


def words(text: str) -> list[str]:
    """``text`` as words and the spaces between them (joined they give ``text`` back)."""
    return re.findall(r"\S+|\s+", text)


def word_diff(base: str, text: str) -> list[dict[str, str]]:
    """``text`` in segments against ``base``: ``diff`` is "" (same words), "changed" (words the base has
    otherwise or not at all) or "gap" (``text`` empty: here the base has ``base_text``). ``base_text``
    is what the base has in place of a changed or missing run.

    >>> [(s["text"], s["diff"], s["base_text"]) for s in word_diff("Kelbajar region", "Kalbajar region")]
    [('Kalbajar', 'changed', 'Kelbajar'), (' region', '', '')]
    """
    a, b = words(base), words(text)
    segments = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        mine, theirs = "".join(b[j1:j2]), "".join(a[i1:i2])
        if op == "equal" or not (mine.strip() or theirs.strip()):  # spacing alone is no difference
            segments.append({"text": mine, "diff": "", "base_text": ""})
        elif mine.strip():
            segments.append({"text": mine, "diff": "changed", "base_text": theirs.strip()})
        elif theirs.strip():
            segments.append({"text": mine, "diff": "gap", "base_text": theirs.strip()})
    return segments


def similarity(a: str, b: str) -> float:
    """How alike two wordings are: :meth:`difflib.SequenceMatcher.ratio` over their words, case ignored."""
    return difflib.SequenceMatcher(a=a.casefold().split(), b=b.casefold().split(), autojunk=False).ratio()


def compared(text: str, bases: list[str], base_label: str, least: float = 0.0) -> dict[str, Any]:
    """One wording, diffed against the most similar of ``bases`` (the base version's wordings in the
    row), or unmarked when there is none, or none at least ``least`` similar (wordings of the
    "other" row are only compared when they look like one passage)."""
    best = max(bases, key=lambda b: similarity(text, b), default="")
    if not best or similarity(text, best) < least:
        return {"segments": [{"text": text, "diff": "", "base_text": ""}], "compared_with": ""}
    return {"segments": word_diff(best, text), "compared_with": base_label}


def clause_versions(ctx: PageContext, clause: str) -> dict[str, Any]:
    """``{"columns": [...], "rows": [...]}``: each column a version (``expression`` cell, ``language``,
    ``coverage``), each row a recorded difference (``difference`` cell, ``topic``) or the other
    wording (``difference`` None) with one cell per column: its wordings, each with its ``segments``
    (see :func:`word_diff`) and the version it was ``compared_with`` ("" for a base or an unmatched one)."""
    columns: dict[str, dict[str, Any]] = {}
    rows: dict[str, dict[str, Any]] = {}
    for row in ctx.run("clause-versions", {"clause": compact_iri(clause)}).dicts():
        expression = term_to_str(row["expression"])
        columns.setdefault(expression, {"expression": ctx.labeller.iri_cell(expression, term_to_str(row["expression_label"]) or None),
                                        "language": term_to_str(row["language"]), "coverage": term_to_str(row["coverage_label"])})
        key = term_to_str(row["difference"]) or OTHER
        line = rows.setdefault(key, {"difference": ctx.labeller.cell(row["difference"], row["difference_label"])
                                     if key != OTHER else None, "topic": term_to_str(row["topic_label"]), "texts": {}})
        texts = line["texts"].setdefault(expression, [])
        if term_to_str(row["text"]) not in texts:
            texts.append(term_to_str(row["text"]))
    versions_in = Counter(c["language"] for c in columns.values())  # the most common language first
    order = sorted(columns, key=lambda e: (not columns[e]["language"], -versions_in[columns[e]["language"]],
                                           columns[e]["language"], columns[e]["expression"]["text"].casefold(), e))
    ordered = sorted(rows, key=lambda k: (k == OTHER, k))
    return {"columns": [columns[e] for e in order],
            "rows": [_line(rows[k], order, columns) for k in ordered]}


def _line(line: dict[str, Any], order: list[str], columns: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One row's cells in column order, each version diffed against its language's base in the row."""
    base_of: dict[str, str] = {}
    for expression in order:
        if line["texts"].get(expression):
            base_of.setdefault(columns[expression]["language"], expression)
    cells = []
    for expression in order:
        language = columns[expression]["language"]
        base = base_of.get(language) if language else None  # no language recorded: nothing to compare with
        texts = line["texts"].get(expression, [])
        if base is None or base == expression:
            cells.append({"texts": [compared(t, [], "") for t in texts], "base": bool(texts) and base == expression})
        else:
            label = columns[base]["expression"]["text"]
            least = MIN_SIMILARITY if line["difference"] is None else 0.0  # a difference's forms are one passage
            cells.append({"texts": [compared(t, line["texts"][base], label, least) for t in texts], "base": False})
    return {"difference": line["difference"], "topic": line["topic"], "cells": cells}
