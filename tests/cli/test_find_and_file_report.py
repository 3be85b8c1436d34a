"""`conflictkg find NAME` and `conflictkg validate FILE` (the file's problems first, the shipped
data's known warnings in one line)."""

from __future__ import annotations

from pathlib import Path

from conflictkg.file_report import file_report_text
from conflictkg.validate import Report, Violation
from tests.conftest import run_cli

BAD_DRAFT = """@prefix ck: <https://w3id.org/conflictkg/ontology#> .
@prefix ckr: <https://w3id.org/conflictkg/resource/> .
@prefix ckg: <https://w3id.org/conflictkg/graph/> .
ckg:claims { ckr:claim-test-draft-no-claimant a ck:Claim . }
"""


def test_file_report_puts_the_files_problems_first(tmp_path: Path) -> None:
    mine = tmp_path / "new.trig"
    report = Report([Violation("cksh:AttestedNameEvidenceShape", "x", "no source", "warning", file="data/a.trig"),
                     Violation("cksh:ClaimShape", "y", "no claimant", "error", file=str(mine)),
                     Violation("cksh:AttestedNameEvidenceShape", "z", "no source", "warning", file="data/b.trig")])
    lines = file_report_text(report, [mine]).splitlines()
    assert "no claimant" in lines[0] and lines[1] == f"{mine}: 1 error(s), 0 warning(s)."
    assert lines[2].startswith("Shipped data: 2 known warning(s) (2 from cksh:AttestedNameEvidenceShape)")
    assert lines[3] == "Does not conform: 1 error(s), 2 warning(s)." and len(lines) == 4


def test_validate_file_shows_its_errors_and_one_summary_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.trig"
    bad.write_text(BAD_DRAFT, encoding="utf-8")
    out = run_cli("validate", str(bad))
    assert out.returncode == 3, out.stderr
    lines = out.stderr.splitlines()
    assert all(str(bad) in line for line in lines[:-4]) and "claim-test-draft-no-claimant" in lines[0]
    assert lines[-3].startswith("Shipped data:") and "AttestedNameEvidenceShape" in lines[-3]
    assert lines[-2].startswith("Does not conform:") and lines[-1].startswith("Error: ")
    assert "name-hin-tagher-hein-taglar" not in out.stderr  # the shipped warnings are summarised, not listed


def test_find_by_any_name(built_store: Path) -> None:
    out = run_cli("find", "Fərrux", store=built_store)
    assert out.returncode == 0, out.stderr
    assert "ckr:place-parukh-farrukh  Parukh / Farrukh  [place]  (matched: Fərrux)" == out.stdout.splitlines()[0]
    nothing = run_cli("find", "no such name anywhere", store=built_store)
    assert nothing.returncode == 0 and nothing.stdout == "" and "No resource has that name." in nothing.stderr


def test_warnings_summary_counts_by_shape_most_frequent_first() -> None:
    from conflictkg.file_report import warnings_summary

    warnings = [Violation("cksh:B", "x", "m", "warning"), Violation("cksh:A", "y", "m", "warning"),
                Violation("cksh:B", "z", "m", "warning")]
    assert warnings_summary(warnings) == ("3 warning(s) (2 from cksh:B, 1 from cksh:A); "
                                          "`conflictkg build --warnings` lists them.")
    assert warnings_summary([]) == "No warnings."


def test_build_summarises_its_warnings_in_one_line_and_lists_them_on_request(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    quiet = run_cli("--store", store, "build", "--no-reason")
    assert quiet.returncode == 0, quiet.stderr
    lines = quiet.stderr.splitlines()
    stages = [line.split(":")[1].strip() for line in lines if line.startswith("build: ")]
    assert stages == ["parse", "validate", "infer", "write"], lines  # piped: one plain line per stage, as it begins
    assert lines[len(stages)].startswith("Built ") and lines[-1].endswith("`conflictkg build --warnings` lists them.")
    assert "from cksh:AttestedNameEvidenceShape" in lines[-1] and "name-hin-tagher-hein-taglar" not in quiet.stderr
    count = int(lines[-1].split(" warning(s)")[0])
    loud = run_cli("--store", store, "build", "--no-reason", "--warnings")
    assert loud.returncode == 0, loud.stderr
    listed = [line for line in loud.stderr.splitlines() if ": warning: " in line]
    assert len(listed) == count and any("name-hin-tagher-hein-taglar" in line for line in listed)
    assert loud.stderr.splitlines()[-1] == lines[-1]


def test_build_progress_is_a_status_line_on_a_terminal_and_plain_lines_when_piped(capsys) -> None:
    import io

    from rich.console import Console

    from conflictkg.cli_render import BuildProgress

    piped = BuildProgress(Console(file=io.StringIO(), force_terminal=False))
    piped("parse", "reading 3 files")
    piped("validate", "SHACL")
    piped.close()
    assert capsys.readouterr().err == "build: parse: reading 3 files…\nbuild: validate: SHACL…\n"
    screen = io.StringIO()
    terminal = BuildProgress(Console(file=screen, force_terminal=True, width=80))
    terminal("parse", "reading 3 files")
    terminal("validate", "SHACL")
    terminal.close()
    assert capsys.readouterr().err == "" and "validate: SHACL…" in screen.getvalue()
    assert terminal._status is None  # stopped: the summary lines follow on a clean line
