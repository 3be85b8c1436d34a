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


#: Session 15's strata of the claims not yet re-read, by the date that begins their audit log's file
#: name (an incident file's date); a file whose name holds no date (status assessments, Russian MoD
#: bulletins, additions to the reference files) falls in the last stratum.
STRATA: tuple[tuple[str, str], ...] = (("a", "2021-09"), ("b", "2022-09-13"), ("c", "2023-07"), ("d", "9999"))

_DATED = re.compile(r"(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class SampleRow:
    """One claim in a session's re-audit order: re-read stratum by stratum, in ``number`` order."""

    stratum: str
    number: int
    of: int
    claim: str
    path: str


def stratum_of(path: str) -> str:
    """The stratum of a claim whose first audit entry is in the log at ``path``.

    >>> stratum_of("data/audit/2021-08-30-x.yaml"), stratum_of("data/audit/2022-09-13-y.yaml")
    ('a', 'c')
    >>> stratum_of("data/audit/status-norm-status-2020.yaml")
    'd'
    """
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    dated = _DATED.match(name)
    if dated is None:
        return STRATA[-1][0]
    return next(name for name, before in STRATA if dated.group(1) < before)


def reaudit_order(entries: list[AuditEntry], session: int) -> list[SampleRow]:
    """The order in which a session re-reads the claims no earlier session's re-audit had reached: per
    stratum (:data:`STRATA`), the claims sorted by IRI and shuffled by ``random.Random(session)``. The
    session's own re-reads and later ones do not change it, so a session's sample can be redrawn and
    checked after it was logged (claims added or renamed since do change it)."""
    import random

    reached = {entry.claim for entry in entries if (sample_session(entry) or session) < session}
    first_log: dict[str, str] = {}
    for entry in entries:
        first_log.setdefault(entry.claim, entry.path)
    strata: dict[str, list[str]] = {name: [] for name, _ in STRATA}
    for claim, path in first_log.items():
        if claim not in reached:
            strata[stratum_of(path)].append(claim)
    rows: list[SampleRow] = []
    for name, claims in strata.items():
        order = sorted(claims)
        random.Random(session).shuffle(order)
        rows += [SampleRow(name, i, len(order), claim, first_log[claim]) for i, claim in enumerate(order, 1)]
    return rows
