"""A validation report seen from one new file: its problems first, in full, and the shipped data's
known warnings summarised in one line (a curator checking a draft needs the former, not the 39
lines of the latter)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from conflictkg.validate import Report, Violation


def _resolved(path: str | Path) -> str:
    return str(Path(path).resolve())


def split_by_file(report: Report, files: Sequence[Path]) -> tuple[list[Violation], list[Violation]]:
    """(violations whose focus node comes from one of ``files``, all the others)."""
    wanted = {_resolved(f) for f in files}
    mine = [v for v in report.violations if v.file and _resolved(v.file) in wanted]
    return mine, [v for v in report.violations if v not in mine]


def _by_source(violations: Sequence[Violation]) -> str:
    """"N from SHAPE, …", the most frequent shape or check first."""
    counts = Counter(v.source for v in violations)
    return ", ".join(f"{n} from {source}" for source, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _summary(others: list[Violation]) -> str:
    if not others:
        return "Shipped data: no known problems."
    errors = sum(1 for v in others if v.severity == "error")
    kind = f"{errors} error(s) and {len(others) - errors} warning(s)" if errors else f"{len(others)} known warning(s)"
    return f"Shipped data: {kind} ({_by_source(others)}); `conflictkg validate` without a file lists them."


def warnings_summary(warnings: Sequence[Violation]) -> str:
    """One line for a build's warnings: how many, from which shapes and checks, how to list them."""
    if not warnings:
        return "No warnings."
    return f"{len(warnings)} warning(s) ({_by_source(warnings)}); `conflictkg build --warnings` lists them."


def file_report_text(report: Report, files: Sequence[Path]) -> str:
    """FILES' problems (sorted, in full), a verdict on them, one line on everything else, and the
    overall verdict (the last line, as in the full report)."""
    mine, others = split_by_file(report, files)
    names = ", ".join(str(f) for f in files)
    lines = [v.text() for v in sorted(mine, key=lambda v: (v.file, v.focus, v.source, v.path))]
    errors = sum(1 for v in mine if v.severity == "error")
    if mine:
        lines.append(f"{names}: {errors} error(s), {len(mine) - errors} warning(s).")
    else:
        lines.append(f"{names}: no problems found.")
    lines.append(_summary(others))
    warnings = len(report.violations) - len(report.errors)
    lines.append(f"{'Conforms' if report.conforms else 'Does not conform'}: {len(report.errors)} error(s), {warnings} warning(s).")
    return "\n".join(lines) + "\n"
