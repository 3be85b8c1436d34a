"""Save a reviewed incident file into the incidents folder, then validate it as the build would.

The file name is the curator's, so it is checked before anything is written: a plain name
(letters, digits, ``-``, ``_``, ``.``) ending in ``.trig``, inside the incidents folder once
resolved (no ``/``, no ``..``, no symlink out). An existing file is replaced only when the
curator says so. Validation is :func:`conflictkg.build.check` with the saved file, and the
report is cut to that file's problems (:func:`conflictkg.file_report.split_by_file`), each in the
validator's own words, which include its "did you mean" suggestions for unknown IRIs.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from conflictkg.build import check
from conflictkg.errors import DataNotConformant, InputError
from conflictkg.file_report import split_by_file
from conflictkg.rdf.namespaces import compact_iri
from conflictkg.resources import Resources
from conflictkg.validate import Report, Violation

_BRACKETED = re.compile(r"<(https?://[^<>\s]+)>")
FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,119}\.trig$")


@dataclass(frozen=True)
class Problem:
    """One problem of the saved file, in plain words."""

    severity: str  # error | warning | info
    node: str  # the compact IRI the problem is about
    message: str  # the validator's words (with "did you mean ...?" for an unknown IRI)
    field: str = ""  # the property, when the problem is about one
    value: str = ""


@dataclass(frozen=True)
class FileCheck:
    """The outcome of validating one saved file."""

    path: Path
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def conforms(self) -> bool:
        return self.errors == 0


def incident_path(folder: Path, name: str) -> Path:
    """The path of ``name`` inside ``folder``.

    Raises:
        InputError: the name is not a plain ``*.trig`` file name, or it leads out of ``folder``.
    """
    if not FILE_NAME.match(name) or ".." in name:
        raise InputError(f"{name!r} is not a file name the incidents folder takes",
                         hint="use letters, digits, '-', '_' and '.', ending in .trig, e.g. 2022-03-26-parukh.trig")
    base = folder.resolve()
    path = (base / name).resolve()
    if path.parent != base:
        raise InputError(f"{name!r} leads out of the incidents folder {base}", hint="give a plain file name")
    return path


def save_incident(folder: Path, name: str, text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` as ``folder/name`` (whole or not at all) and return the path.

    Raises:
        InputError: a bad name, an existing file without ``overwrite``, or the OS refused.
    """
    path = incident_path(folder, name)
    if path.exists() and not overwrite:
        raise InputError(f"{path.name} already exists in {path.parent}",
                         hint="choose another file name, or tick 'replace the existing file'")
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write {path}: {exc.strerror or exc}",
                         hint="check that the incidents folder exists and is writable") from exc
    return path


def plain(message: str) -> str:
    """A validator's message with each ``<IRI>`` written compactly (``ckr:…``, ``dcterms:spatial``)."""
    return _BRACKETED.sub(lambda m: compact_iri(m[1]), message)


def _problem(v: Violation) -> Problem:
    return Problem(v.severity, compact_iri(v.focus) if v.focus else "", plain(v.message), v.path, v.value)


def problems_of(report: Report, path: Path) -> tuple[Problem, ...]:
    """``path``'s problems in ``report``: errors first, then by node and message."""
    mine, _others = split_by_file(report, [path])
    order = {"error": 0, "warning": 1}
    return tuple(_problem(v) for v in sorted(mine, key=lambda v: (order.get(v.severity, 2), v.focus, v.message)))


def check_file(res: Resources, path: Path) -> FileCheck:
    """Validate the shipped data with ``path`` (SHACL and the check queries, no OWL reasoning:
    that is the build's) and keep ``path``'s problems. A file inside the data folder is part of
    the data already and is not loaded twice.

    Raises:
        InputError: the file does not parse (the message names the line).
    """
    inside = path.resolve().is_relative_to(res.data_dir.resolve())
    try:
        staged, result = check(res, [] if inside else [path], reason=False)
    except DataNotConformant as exc:
        report = exc.report if isinstance(exc.report, Report) else Report()
        return FileCheck(path, problems_of(report, path))
    staged.store.close()
    return FileCheck(path, problems_of(result.report, path))
