"""The curators' logs (data/coverage/*.yaml, data/audit/*.yaml): read into records, and every
malformed entry refused with the file and line named; the counts block of a Markdown file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conflictkg.errors import InputError
from conflictkg.record.counts import END, START, block_of, replace_block
from conflictkg.record.coverage import MonthRow, gaps, months
from conflictkg.record.logs import read_audit_log, read_logs, read_month_log

MONTH_LOG = """month: 2021-01
searches:
  - on: 2026-12-02
    query: "ceasefire violation January 2021"
    kinds: [line-of-contact, peacekeepers]
    found: 0
recorded: []
left_out:
  - url: https://example.org/a
    why: "no party invoked the statement"
"""

OTHER_SIDE = """other_side:
  - incident: incident-2021-01-05-somewhere
    on: 2026-12-02
    queries: ["Armenia denies fire Somewhere January 2021", "Somewhere 5 January 2021 peacekeepers"]
    found: 0
    note: "no answer of the accused side in the pages found"
"""

AUDIT_LOG = """- claim: claim-x-2021-01-01-one
  checked: 2026-12-02
  pages: [https://example.org/a]
  result: ok
- claim: claim-x-2021-01-02-two
  checked: 2026-12-01
  pages: []
  result: changed
  changes: ["quote removed: the outlet's narration"]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_month_log_is_read(tmp_path: Path) -> None:
    log = read_month_log(write(tmp_path, "2021-01.yaml", MONTH_LOG))
    assert log.month == "2021-01" and log.recorded == ()
    assert [(s.on, s.kinds, s.found) for s in log.searches] == [(date(2026, 12, 2), ("line-of-contact", "peacekeepers"), 0)]
    assert log.left_out == (("https://example.org/a", "no party invoked the statement"),)


@pytest.mark.parametrize(("name", "text", "says", "line"), [
    ("2021-02.yaml", MONTH_LOG, "must be YYYY-MM and match the file name", 1),
    ("2021-01.yaml", MONTH_LOG.replace("found: 0", "found: many"), "'found' must be a int", 3),
    ("2021-01.yaml", MONTH_LOG.replace("found: 0", "found: -1"), "'found' must be 0 or more", 3),
    ("2021-01.yaml", MONTH_LOG.replace("peacekeepers]", "rumours]"), "unknown kind(s) rumours", 3),
    ("2021-01.yaml", MONTH_LOG.replace("    why:", "    because:"), "'why' must be a str", 9),
    ("2021-01.yaml", "month: [2021-01\n", "not valid YAML", 2),
])
def test_a_malformed_month_log_names_file_and_line(tmp_path: Path, name: str, text: str, says: str, line: int) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(InputError) as err:
        read_month_log(path)
    assert says in str(err.value) and f"{path}:{line}" in str(err.value)


def test_other_side_searches_are_read_with_their_lines(tmp_path: Path) -> None:
    log = read_month_log(write(tmp_path, "2021-01.yaml", MONTH_LOG + OTHER_SIDE))
    [search] = log.other_side
    assert (search.incident, search.line, search.on, search.found) == ("incident-2021-01-05-somewhere", 12,
                                                                       date(2026, 12, 2), 0)
    assert search.queries == ("Armenia denies fire Somewhere January 2021", "Somewhere 5 January 2021 peacekeepers")
    assert search.note == "no answer of the accused side in the pages found"
    assert read_month_log(write(tmp_path, "2021-01.yaml", MONTH_LOG)).other_side == ()


@pytest.mark.parametrize(("text", "says", "line"), [
    (OTHER_SIDE.replace("incident: incident-2021-01-05-somewhere", "incident: ckr:incident-2021-01-05-somewhere"),
     "must be an incident's local name", 12),
    (OTHER_SIDE.replace("incident-2021-01-05", "incident-2021-02-05"), "begins in 2021-02, not 2021-01", 12),
    (OTHER_SIDE.replace("  - incident: incident-2021-01-05-somewhere\n    on:", "  - on:"), "'incident' must be a str", 12),
    (OTHER_SIDE.replace('queries: ["Armenia denies fire Somewhere January 2021", "Somewhere 5 January 2021 peacekeepers"]',
                        "queries: []"), "'queries' must list at least one query", 12),
    (OTHER_SIDE.replace('queries: ["Armenia denies fire Somewhere January 2021", "Somewhere 5 January 2021 peacekeepers"]',
                        "queries: one query"), "'queries' must be a list of strings", 12),
    (OTHER_SIDE.replace("found: 0", "found: -2"), "'found' must be 0 or more", 12),
    (OTHER_SIDE.replace("found: 0", "found: none"), "'found' must be a int", 12),
    (OTHER_SIDE.replace('note: "no answer of the accused side in the pages found"', 'note: " "'), "'note' must say", 12),
    (OTHER_SIDE.replace("    note:", "    comment:"), "'note' must be a str", 12),
    (OTHER_SIDE.replace("on: 2026-12-02", "on: last week"), "'on' must be a date", 12),
    ("other_side:\n  incident: incident-2021-01-05-somewhere\n", "'other_side' must be a list", 1),
])
def test_a_malformed_other_side_search_names_file_and_line(tmp_path: Path, text: str, says: str, line: int) -> None:
    path = write(tmp_path, "2021-01.yaml", MONTH_LOG + text)
    with pytest.raises(InputError) as err:
        read_month_log(path)
    assert says in str(err.value) and f"{path}:{line}" in str(err.value)


def test_a_quoted_iso_date_is_a_date(tmp_path: Path) -> None:
    log = read_month_log(write(tmp_path, "2021-01.yaml", MONTH_LOG.replace("on: 2026-12-02", "'on': '2026-12-02'")))
    assert log.searches[0].on == date(2026, 12, 2)


def test_an_audit_log_is_read_with_lines(tmp_path: Path) -> None:
    entries = read_audit_log(write(tmp_path, "a.yaml", AUDIT_LOG))
    assert [(e.claim, e.line, e.result, e.changes) for e in entries] == [
        ("claim-x-2021-01-01-one", 1, "ok", ()),
        ("claim-x-2021-01-02-two", 5, "changed", ("quote removed: the outlet's narration",))]


@pytest.mark.parametrize(("text", "says"), [
    (AUDIT_LOG.replace("result: ok", "result: fine"), "result 'fine' is not one of changed, issue, ok"),
    (AUDIT_LOG.replace("checked: 2026-12-02", "checked: yesterday"), "'checked' must be a date"),
    (AUDIT_LOG.replace("pages: []", "pages: https://example.org"), "'pages' must be a list of strings"),
    ("claim: x\n", "must be a list of entries"),
])
def test_a_malformed_audit_log_is_refused(tmp_path: Path, text: str, says: str) -> None:
    with pytest.raises(InputError, match=None) as err:
        read_audit_log(write(tmp_path, "a.yaml", text))
    assert says in str(err.value) and "a.yaml" in str(err.value)


def test_read_logs_reads_both_folders_in_order(tmp_path: Path) -> None:
    write(tmp_path, "coverage/2021-01.yaml", MONTH_LOG)
    write(tmp_path, "audit/b.yaml", AUDIT_LOG)
    write(tmp_path, "audit/a.yaml", AUDIT_LOG.replace("claim-x", "claim-y"))
    month_logs, entries = read_logs(tmp_path)
    assert [m.month for m in month_logs] == ["2021-01"]
    assert [e.claim[:7] for e in entries] == ["claim-y", "claim-y", "claim-x", "claim-x"]


def test_months_and_gaps() -> None:
    assert months()[0] == "2020-11" and months()[-1] == "2024-01" and len(months()) == 39
    rows = [MonthRow("2020-11", 1, 2, 0, 0, 0), MonthRow("2020-12", 0, 0, 1, 0, 0), MonthRow("2021-01", 0, 3, 0, 0, 0),
            MonthRow("2019-01", 0, 0, 0, 0, 0)]
    assert [r.status for r in rows[:3]] == ["incidents", "searched, none recorded", "gap"]
    assert gaps(rows) == ["2021-01"]  # 2019-01 lies outside the period


def test_counts_block_is_replaced_between_the_markers() -> None:
    text = f"intro\n{START}\nold figures\n{END}\nafter\n"
    new = replace_block(text, "new figures")
    assert block_of(new) == "new figures" and new.startswith("intro\n") and new.endswith("after\n")
    with pytest.raises(InputError, match="no counts block"):
        replace_block("no markers here", "x", path="README.md")
