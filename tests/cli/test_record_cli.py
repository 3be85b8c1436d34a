"""``conflictkg coverage`` and ``conflictkg counts`` as a user runs them."""

from __future__ import annotations

from pathlib import Path

from conflictkg.record.counts import END, START, block_of

from tests.conftest import REPO, run_cli


def test_coverage_prints_every_month_the_audit_and_the_gaps(built_store: Path) -> None:
    proc = run_cli("coverage", store=built_store)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split()[:3] == ["month", "incidents", "claims"]
    months = [line.split()[0] for line in lines[1:] if line[:4].isdigit()]
    assert months[0] == "2020-11" and "2024-01" in months and months == sorted(months)
    assert any(line.startswith("Audit: ") and " claims have an audit entry" in line for line in lines)
    assert lines[-1].startswith("Gaps: ")
    checked = run_cli("coverage", "--check", store=built_store)
    complete = lines[-1] == "Gaps: none." and not any("no audit entry" in line for line in lines)
    assert checked.returncode == (0 if complete else 3), checked.stderr
    if not complete:
        assert "month(s) without an incident or a logged search" in checked.stderr


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
