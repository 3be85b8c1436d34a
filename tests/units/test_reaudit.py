"""Sampled re-audits counted from the audit entries' markers (conflictkg.record.reaudit)."""

from __future__ import annotations

from datetime import date

from conflictkg.record.logs import AuditEntry
from conflictkg.record.reaudit import ReauditRow, reaudit_rows, sample_session


def entry(claim: str, result: str, note: str | None, *, where: str = "issues") -> AuditEntry:
    texts = (note,) if note else ()
    return AuditEntry(claim, "data/audit/x.yaml", 1, date(2026, 12, 4), (), result,
                      **{where: texts, **({"changes": ("quote removed",)} if where == "issues" and result == "changed" else {})})


def marker(session: int) -> str:
    return f"re-audit sample (issue #12, session {session}): random.Random({session}); this claim is no. 1"


def test_an_entry_without_the_marker_is_no_sample() -> None:
    assert sample_session(entry("claim-a", "ok", "first audit: quote checked")) is None
    assert sample_session(entry("claim-a", "ok", None)) is None
    assert sample_session(entry("claim-a", "changed", marker(13), where="changes")) == 13


def test_rows_per_session_then_the_total_by_first_re_read() -> None:
    entries = [
        entry("claim-a", "changed", marker(13)), entry("claim-b", "ok", marker(13)),
        entry("claim-c", "issue", marker(13)), entry("claim-d", "ok", "a first audit, not a sample"),
        entry("claim-a", "ok", marker(14)), entry("claim-e", "changed", marker(14), where="changes"),
    ]
    assert reaudit_rows(entries) == [
        ReauditRow(13, 3, 1, 1, 1),
        ReauditRow(14, 2, 1, 1, 0),
        ReauditRow(None, 4, 1, 2, 1),  # claim-a counts once, by its first re-read (changed in 13)
    ]
    assert reaudit_rows(entries)[-1].changed_share == 0.5


def test_two_entries_of_one_claim_in_one_session_count_once_by_the_worse_result() -> None:
    rows = reaudit_rows([entry("claim-a", "ok", marker(15)), entry("claim-a", "changed", marker(15)),
                         entry("claim-b", "issue", marker(15)), entry("claim-b", "ok", marker(15))])
    assert rows[0] == ReauditRow(15, 2, 0, 1, 1)


def test_no_sample_no_rows() -> None:
    assert reaudit_rows([entry("claim-a", "ok", None)]) == []
    assert ReauditRow(None, 0, 0, 0, 0).changed_share == 0.0
