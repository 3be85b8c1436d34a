"""Month-by-month coverage of the record, the completeness of its audit, and the searches for the
other side of one-sided incidents.

A month of the period is *covered* when an incident begins in it, or when the coverage log holds
a search for it that found nothing to record; otherwise it is a *gap*. A claim is *audited* when
some audit entry names it. A *one-sided* incident (its claims all come from one side, library
question ``one-sided-incidents``) is *searched* when a coverage log's ``other_side`` list names it:
the log then tells "the other side did not speak (in the pages searched)" from "nobody looked".
The answers come from the store (library questions ``coverage-by-month``, ``all-claims``,
``one-sided-incidents`` and ``incidents-overview``) and the curators' logs
(:mod:`conflictkg.record.logs`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from conflictkg.record.logs import AuditEntry, MonthLog, OtherSideSearch
from conflictkg.rdf.namespaces import compact_iri
from conflictkg.sparql.queries import Query, run
from conflictkg.store import Store

#: The period the record covers: from the statement to the end of the Nagorno-Karabakh authorities.
FIRST_MONTH, LAST_MONTH = "2020-11", "2024-01"


def months(first: str = FIRST_MONTH, last: str = LAST_MONTH) -> list[str]:
    """Every month from ``first`` to ``last`` as YYYY-MM.

    >>> months("2020-11", "2021-02")
    ['2020-11', '2020-12', '2021-01', '2021-02']
    """
    year, month = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


@dataclass(frozen=True)
class MonthRow:
    """One month: what the store holds and what the log says was searched."""

    month: str
    incidents: int
    claims: int
    searches: int
    found: int
    left_out: int

    @property
    def status(self) -> str:
        if self.incidents:
            return "incidents"
        return "searched, none recorded" if self.searches else "gap"


def coverage_rows(store: Store, library: dict[str, Query], logs: list[MonthLog]) -> list[MonthRow]:
    """One row per month of the period (and per month outside it that has data or a log)."""
    counts = {str(r["month"].value): r for r in run(store, library["coverage-by-month"]).dicts()}
    by_month = {log.month: log for log in logs}
    rows = []
    for month in sorted(set(months()) | set(counts) | set(by_month)):
        row, log = counts.get(month), by_month.get(month)
        rows.append(MonthRow(month,
                             int(row["incidents"].value) if row else 0, int(row["claims"].value) if row else 0,
                             len(log.searches) if log else 0, sum(s.found for s in log.searches) if log else 0,
                             len(log.left_out) if log else 0))
    return rows


def gaps(rows: list[MonthRow]) -> list[str]:
    """The months of the period with no incident and no logged search."""
    period = set(months())
    return [r.month for r in rows if r.month in period and r.status == "gap"]


@dataclass(frozen=True)
class AuditStatus:
    """Which claims have no audit entry, and which entries name no claim of the store."""

    claims: int
    audited: int
    unaudited: tuple[str, ...]
    unknown: tuple[AuditEntry, ...]
    last_checked: date | None


def audit_status(store: Store, library: dict[str, Query], entries: list[AuditEntry]) -> AuditStatus:
    """Claims (as ``claim-...`` local names) against the audit entries that name them."""
    claims = {compact_iri(r["claim"].value).removeprefix("ckr:") for r in run(store, library["all-claims"]).dicts()}
    named = {e.claim for e in entries}
    unknown = tuple(sorted((e for e in entries if e.claim not in claims), key=lambda e: (e.path, e.line)))
    return AuditStatus(len(claims), len(claims & named), tuple(sorted(claims - named)), unknown,
                       max((e.checked for e in entries), default=None))


@dataclass(frozen=True)
class OtherSideStatus:
    """Which one-sided incidents have a logged search for the other side, and which logged searches
    name no incident of the store."""

    one_sided: tuple[str, ...]
    searched: tuple[str, ...]
    unsearched: tuple[str, ...]
    unknown: tuple[OtherSideSearch, ...]


def _incidents(store: Store, query: Query) -> list[str]:
    return [compact_iri(r["incident"].value).removeprefix("ckr:") for r in run(store, query).dicts()]


def other_side_status(store: Store, library: dict[str, Query], logs: list[MonthLog]) -> OtherSideStatus:
    """One-sided incidents (as ``incident-...`` local names) against the logs' ``other_side`` entries."""
    one_sided = sorted(set(_incidents(store, library["one-sided-incidents"])))
    known = set(_incidents(store, library["incidents-overview"]))
    entries = [e for log in logs for e in log.other_side]
    logged = {e.incident for e in entries}
    unknown = tuple(sorted((e for e in entries if e.incident not in known), key=lambda e: (e.path, e.line)))
    return OtherSideStatus(tuple(one_sided), tuple(i for i in one_sided if i in logged),
                           tuple(i for i in one_sided if i not in logged), unknown)
