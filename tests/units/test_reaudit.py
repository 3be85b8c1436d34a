"""Sampled re-audits counted from the audit entries' markers (conflictkg.record.reaudit)."""

from __future__ import annotations

from datetime import date

from conflictkg.record.logs import AuditEntry
from conflictkg.record.reaudit import ReauditRow, reaudit_order, reaudit_rows, sample_session


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


def logged(claim: str, log: str, note: str | None = None) -> AuditEntry:
    return AuditEntry(claim, f"data/audit/{log}.yaml", 1, date(2026, 12, 4), (), "ok",
                      issues=(note,) if note else ())


def test_the_order_leaves_out_claims_a_sample_reached_and_splits_by_stratum() -> None:
    entries = [logged("claim-a1", "2020-11-10-x"), logged("claim-a2", "2021-08-30-y"),
               logged("claim-b1", "2021-09-01-z"), logged("claim-c1", "2022-09-13-w"),
               logged("claim-d1", "2023-07-01-v"), logged("claim-d2", "status-norm-status-2020"),
               logged("claim-done", "2020-11-10-x"), logged("claim-done", "2020-11-10-x", marker(15))]
    rows = reaudit_order(entries, 16)
    assert {(r.stratum, r.claim) for r in rows} == {
        ("a", "claim-a1"), ("a", "claim-a2"), ("b", "claim-b1"), ("c", "claim-c1"),
        ("d", "claim-d1"), ("d", "claim-d2")}
    assert [(r.number, r.of) for r in rows if r.stratum == "a"] == [(1, 2), (2, 2)]


def test_the_order_is_the_seeded_shuffle_of_the_sorted_claims() -> None:
    import random

    claims = [f"claim-{i:02}" for i in range(20)]
    entries = [logged(c, "2020-11-10-x") for c in reversed(claims)]
    expected = sorted(claims)
    random.Random(16).shuffle(expected)
    assert [r.claim for r in reaudit_order(entries, 16)] == expected
    assert [r.claim for r in reaudit_order(entries, 17)] != expected


def test_a_sessions_order_stays_the_same_once_its_sample_is_logged() -> None:
    entries = [logged("claim-a1", "2020-11-10-x"), logged("claim-a2", "2021-08-30-y"),
               logged("claim-old", "2020-11-10-x"), logged("claim-old", "2020-11-10-x", marker(15))]
    before = reaudit_order(entries, 16)
    logged_after = entries + [logged("claim-a1", "2020-11-10-x", marker(16)), logged("claim-a2", "2021-08-30-y", marker(17))]
    assert reaudit_order(logged_after, 16) == before
    assert {r.claim for r in before} == {"claim-a1", "claim-a2"}
    assert {r.claim for r in reaudit_order(logged_after, 17)} == {"claim-a2"}
    assert reaudit_order(logged_after, 18) == []
