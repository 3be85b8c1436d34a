"""``conflictkg coverage`` and ``conflictkg counts`` as a user runs them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from conflictkg.record.counts import END, START, block_of

from tests.conftest import REPO, run_cli


def test_coverage_prints_every_month_the_audit_the_other_side_and_the_gaps(built_store: Path) -> None:
    proc = run_cli("coverage", store=built_store)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split()[:3] == ["month", "incidents", "claims"]
    months = [line.split()[0] for line in lines[1:] if line[:4].isdigit()]
    assert months[0] == "2020-11" and "2024-01" in months and months == sorted(months)
    assert any(line.startswith("Audit: ") and " claims have an audit entry" in line for line in lines)
    assert lines[-1].startswith("Gaps: ")
    [reaudit] = [line for line in lines if line.startswith("Re-audit samples")]
    reread, claims, changed = (int(n) for n in re.findall(r"(\d+) (?:of|claims|of them)", reaudit)[:3])
    sessions = [line.split() for line in lines if re.fullmatch(r"\s+\d+( +\d+){4}", line)]
    assert sessions and claims >= reread >= max(int(s[1]) for s in sessions) and 0 < changed <= reread
    assert all(int(s[1]) == sum(int(n) for n in s[2:]) for s in sessions)  # re-read = ok + changed + issue
    [sides] = [line for line in lines if line.startswith("One-sided incidents: ")]
    one_sided, searched = (int(n) for n in re.findall(r"\d+", sides))
    unsearched = [line for line in lines if line.startswith("  no logged search for the other side: ckr:incident-")]
    assert one_sided > 0 and len(unsearched) == one_sided - searched
    checked = run_cli("coverage", "--check", store=built_store)
    complete = (lines[-1] == "Gaps: none." and not unsearched
                and not any("no audit entry" in line or "unknown" in line for line in lines))
    assert checked.returncode == (0 if complete else 3), checked.stderr
    if not complete:
        assert "one-sided incident(s) without a logged search for the other side" in checked.stderr


def test_counts_rewrites_only_the_marked_block(built_store: Path, tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\n{START}\nold\n{END}\n\nkept\n", encoding="utf-8")
    proc = run_cli("counts", "--readme", str(readme), store=built_store)
    assert proc.returncode == 0, proc.stderr
    text = readme.read_text(encoding="utf-8")
    assert block_of(text) == block_of((REPO / "README.md").read_text(encoding="utf-8"))
    assert text.startswith("# x\n") and text.endswith("kept\n")
    assert "incidents " in proc.stdout and "claims " in proc.stdout


def test_counts_refuses_a_file_without_the_markers(built_store: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.md"
    other.write_text("no block\n", encoding="utf-8")
    proc = run_cli("counts", "--readme", str(other), store=built_store)
    assert proc.returncode == 1
    assert "other.md: no counts block to replace" in proc.stderr and "Traceback" not in proc.stderr
    assert other.read_text(encoding="utf-8") == "no block\n"


def _root_with_data(tmp_path: Path) -> Path:
    """A checkout whose data/ is a copy the test may change (ontology/ and queries/ are the real ones)."""
    root = tmp_path / "root"
    root.mkdir()
    for name in ("ontology", "queries"):
        (root / name).symlink_to(REPO / name)
    shutil.copytree(REPO / "data", root / "data")
    return root


def _coverage(root: Path, store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "conflictkg", "--root", str(root), "--store", str(store), "coverage", *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=root, timeout=600, check=False)


def test_coverage_check_fails_on_a_one_sided_incident_with_no_logged_search(built_store: Path, tmp_path: Path) -> None:
    root = _root_with_data(tmp_path)
    log = root / "data" / "coverage" / "2022-04.yaml"
    text = log.read_text(encoding="utf-8")
    # session 22 (os1): a second other-side search for the incident was logged, so every entry of it goes
    while "- incident: incident-2022-04-30-zeylik-border" in text:
        start = text.index("- incident: incident-2022-04-30-zeylik-border")
        end = text.find("\n- ", start) + 1 or len(text)  # the next entry of the list, or the end of the file
        text = text[:start] + text[end:]
    log.write_text(text, encoding="utf-8")
    proc = _coverage(root, built_store, "--check")
    assert proc.returncode == 3, proc.stderr
    assert "  no logged search for the other side: ckr:incident-2022-04-30-zeylik-border" in proc.stdout.splitlines()
    assert "1 one-sided incident(s) without a logged search for the other side" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_coverage_refuses_a_malformed_other_side_search_with_file_and_line(built_store: Path, tmp_path: Path) -> None:
    root = _root_with_data(tmp_path)
    log = root / "data" / "coverage" / "2024-01.yaml"
    text = log.read_text(encoding="utf-8")
    line = text[:text.index("- incident: incident-2024-01-18-lavrov-route")].count("\n") + 1
    log.write_text(text.replace("- incident: incident-2024-01-18-lavrov-route", "- incident: lavrov-route"), encoding="utf-8")
    proc = _coverage(root, built_store)
    assert proc.returncode == 1, proc.stderr
    assert f"2024-01.yaml:{line}: an other-side search: incident 'lavrov-route' must be an incident's local name" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_coverage_prints_a_sessions_re_audit_order_without_a_store(tmp_path: Path) -> None:
    proc = run_cli("coverage", "--reaudit-order", "16", store=tmp_path / "no-store")
    assert proc.returncode == 0, proc.stderr
    header, *rows = [line.split("\t") for line in proc.stdout.splitlines()]
    assert header == ["stratum", "no", "of", "claim", "audit_log"]
    # session 16's order: the claims no session before it had re-read (its own and later re-reads change nothing)
    assert {r[0] for r in rows} == {"a", "b", "c", "d"} and len(rows) > 300
    for stratum in {r[0] for r in rows}:
        mine = [r for r in rows if r[0] == stratum]
        assert [int(r[1]) for r in mine] == list(range(1, int(mine[0][2]) + 1))
    assert all(r[3].startswith("claim-") and r[4].endswith(".yaml") for r in rows)
    again = run_cli("coverage", "--reaudit-order", "16", store=tmp_path / "no-store")
    assert again.stdout == proc.stdout
    assert not (tmp_path / "no-store").exists()
