"""Sampled re-audits: how often a claim re-read against its stored page needed a change.

Every claim has an audit entry (:func:`conflictkg.record.coverage.audit_status`), but a first pass
can miss things. Issue #12's re-audit draws seeded random samples of the claims not yet re-read and
re-reads each one against its stored page; the entry it appends says so in its ``changes`` or
``issues`` with the marker ``re-audit sample (issue #12, session N...`` (docs/curating/reviewing.md,
*Re-audit samples*). This module counts those entries per session, so the error rate a researcher
should expect of the claims not yet re-read comes from the logs, not from a figure typed by hand.

A claim's result in a session is its entry's ``result``: ``changed`` (something on the claim did not
match the page and was corrected), ``issue`` (something stays open, e.g. a page that has no stored
copy), ``ok``. A claim with several entries in one session counts once, by its worst result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from conflictkg.record.logs import AuditEntry

#: The marker a re-audit sample's entry carries; group 1 is the session.
MARKER = re.compile(r"re-audit sample \(issue #12, session (\d+)")

#: Worse results win when one claim has several entries in one session.
_RANK = {"ok": 0, "issue": 1, "changed": 2}


@dataclass(frozen=True)
class ReauditRow:
    """One session's sample (or, with ``session`` None, every sample together)."""

    session: int | None
    reread: int
    ok: int
    changed: int
    issue: int

    @property
    def changed_share(self) -> float:
        """The share of re-read claims that needed a change (0 when none was re-read)."""
        return self.changed / self.reread if self.reread else 0.0


def sample_session(entry: AuditEntry) -> int | None:
    """The session whose re-audit sample this entry belongs to, or None.

    >>> from datetime import date
    >>> e = AuditEntry("claim-x", "a.yaml", 1, date(2026, 12, 4), (), "ok",
    ...                issues=("re-audit sample (issue #12, session 15): stratum a; this claim is no. 3",))
    >>> sample_session(e)
    15
    """
    for text in entry.changes + entry.issues:
        found = MARKER.search(text)
        if found:
            return int(found.group(1))
    return None


def _row(session: int | None, results: dict[str, str]) -> ReauditRow:
    values = list(results.values())
    return ReauditRow(session, len(values), values.count("ok"), values.count("changed"), values.count("issue"))


def reaudit_rows(entries: list[AuditEntry]) -> list[ReauditRow]:
    """One row per session with a re-audit sample, in session order, then the total over all of them
    (a claim re-read in two sessions counts once in the total, by its first re-read: the total estimates
    how often a claim that had only its first audit needed a change)."""
    by_session: dict[int, dict[str, str]] = {}
    for entry in entries:
        session = sample_session(entry)
        if session is None:
            continue
        results = by_session.setdefault(session, {})
        old = results.get(entry.claim)
        if old is None or _RANK[entry.result] > _RANK[old]:
            results[entry.claim] = entry.result
    first: dict[str, str] = {}
    for session in sorted(by_session):
        for claim, result in by_session[session].items():
            first.setdefault(claim, result)
    rows = [_row(session, by_session[session]) for session in sorted(by_session)]
    return rows + [_row(None, first)] if rows else []
