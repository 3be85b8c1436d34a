"""Hostile input: store-directory faults. Each case lays out a directory, runs one command there
and checks the exit code, a fragment of the message, and that nothing was lost or changed:

* a command that fails changes nothing at all (every file, link and directory is as it was);
* a command that succeeds keeps every file conflictkg did not create, keeps the published store's
  fingerprint (unless it is a build), and leaves the expected number of abandoned generations;
* never a traceback; a failure says ``Error:`` and ``Hint:``.

Read-only and full disks are real: the command runs in a private mount namespace (``unshare -m``)
on a small tmpfs holding a copy of the directory, remounted read-only or too small for a second
generation; the directory is copied out afterwards for the checks. Where mount namespaces are not
available, those cases are skipped, and ``tests/units/test_storedir.py`` covers the same faults by
injecting the OS errors at the write boundary.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest

from conflictkg.store import directory as storedir

from . import store_layouts as lay
from .harness import Case, fingerprint, ids
from ..conftest import REPO


@dataclass(frozen=True)
class Given:
    """A directory layout, the command run there (``{area}`` is replaced by the directory), and
    what must hold after a successful run."""

    layout: lay.Layout
    args: tuple[str, ...]
    #: ``ro``: the area is read-only; ``full``: it has room for the store but not for another copy
    mount: str | None = None
    #: the command publishes a new generation (the fingerprint changes, foreign files stay)
    rebuilds: bool = False
    #: abandoned generations left after a successful run (a build may hold one)
    leftovers: int = 0
    #: entries a failed run may add (a failed first build leaves its empty, marked store directory)
    may_add: tuple[str, ...] = ()


NOT_OURS = storedir.NOT_OURS
BUILD = ("build", "--no-reason")
QUERY = ("query", "clause-norms", "--format", "csv")
FRESH_STORE_DIR = ("fresh", "fresh/.conflictkg-store", "fresh/.lock")

CASES = [
    # someone else's directory: refused, nothing deleted (D3)
    Case("foreign-db-backup-build", Given(lay.foreign_with_backup, BUILD), 1, NOT_OURS),
    Case("foreign-db-backup-query-autobuild", Given(lay.foreign_with_backup, QUERY), 1, NOT_OURS),
    Case("foreign-lookalike-generation-build", Given(lay.foreign_lookalike, BUILD), 1, NOT_OURS),
    Case("foreign-files-only-build", Given(lay.foreign_file_only, BUILD), 1, NOT_OURS),
    Case("foreign-current-link-query", Given(lay.foreign_current, QUERY), 1, NOT_OURS),
    Case("foreign-current-link-build", Given(lay.foreign_current, BUILD), 1, NOT_OURS),
    # --store is not a directory
    Case("store-is-a-file-query", Given(lay.regular_file, QUERY), 1, "store.txt is not a directory"),
    Case("store-is-a-file-build", Given(lay.regular_file, BUILD), 1, "store.txt is not a directory"),
    Case("store-under-a-file-build", Given(lay.under_a_file, BUILD), 1, "store.txt/sub: Not a directory"),
    Case("store-is-a-fifo-stats", Given(lay.fifo, ("stats",)), 1, "pipe is not a directory"),
    # a damaged store: said so, with the rebuild hint; nothing repaired behind the user's back
    Case("dangling-current-query", Given(lay.dangling_current, QUERY), 1, "which is not a directory"),
    Case("current-to-a-file-export", Given(lay.current_to_file, ("export",)), 1, "is damaged"),
    Case("current-link-loop-query", Given(lay.current_loop, QUERY), 1, "is damaged"),
    Case("truncated-sst-query", Given(lay.truncated_sst, QUERY), 1, "Corruption: Sst file size mismatch"),
    Case("garbage-sst-query", Given(lay.garbage_sst, QUERY), 1, "Corruption"),
    Case("garbage-data-blocks-query", Given(lay.garbage_in_data_blocks, QUERY), 1, "is damaged: Corruption"),
    Case("garbage-data-blocks-export", Given(lay.garbage_in_data_blocks, ("export", "--format", "nquads")),
         1, "is damaged: Corruption"),
    Case("emptied-generation-query", Given(lay.emptied_generation, QUERY), 1, "cannot open the store"),
    Case("newer-format-build", Given(lay.newer_format, BUILD), 1, "a store of another conflictkg version"),
    # export targets
    Case("export-into-missing-dir", Given(lay.store, ("export", "-o", "{area}/nodir/x/out.trig")), 1,
         "out.trig: cannot write the output file: No such file or directory"),
    Case("export-to-dev-full", Given(lay.store, ("export", "-o", "/dev/full")), 1,
         "/dev/full: cannot write the output file: No space left on device"),
    Case("export-to-a-directory", Given(lay.store, ("export", "-o", "{area}/store")), 2, "is a directory"),
    # a build is running
    Case("concurrent-build", Given(lay.store_being_built, BUILD), 1, "another build is running on"),
    Case("query-during-build-deletes-nothing", Given(lay.store_being_built, QUERY, leftovers=1), 0, ""),
    # leftovers of killed builds, and files beside a store
    Case("leftovers-removed-by-query", Given(lay.store_with_leftovers, QUERY), 0, ""),
    Case("empty-leftover-removed-by-query", Given(lay.store_with_empty_leftover, QUERY), 0, ""),
    Case("leftovers-removed-by-build", Given(lay.store_with_leftovers, BUILD, rebuilds=True), 0, "Built"),
    Case("foreign-files-in-store-kept-by-build", Given(lay.store_with_foreign, BUILD, rebuilds=True), 0, "Built"),
    Case("legacy-store-adopted-by-build", Given(lay.legacy_store, BUILD, rebuilds=True), 0, "Built"),
    Case("legacy-store-query", Given(lay.legacy_store, QUERY), 0, ""),
    # read-only location and full disk (real mounts)
    Case("read-only-build", Given(lay.store, BUILD, mount="ro"), 1, "Read-only file system"),
    Case("read-only-query-answers", Given(lay.store_with_leftovers, QUERY, mount="ro", leftovers=2), 0, ""),
    Case("read-only-new-store-query", Given(lay.new_dir, QUERY, mount="ro"), 1, "fresh: Read-only file system"),
    Case("read-only-export-target", Given(lay.store, ("export", "-o", "{area}/out.trig"), mount="ro"), 1,
         "cannot write the output file: Read-only file system"),
    Case("disk-full-build", Given(lay.store, BUILD, mount="full"), 1, "No space left on device"),
    Case("disk-full-first-build", Given(lay.new_dir_beside_store, BUILD, mount="full", may_add=FRESH_STORE_DIR),
         1, "No space left on device"),
]

#: tmpfs size for ``full``, as a multiple of what the area holds (one store): the store fits once,
#: its next generation (as large again) does not. Sized from the area, not fixed: the store grows
#: with the record (5.6 MB once, 19 MB with the inferred facts).
FULL_FACTOR = 1.4
#: tmpfs room for ``ro`` beyond what the area holds (RocksDB's files opened read-only).
RO_SPARE = 8 * 2**20


def _bytes(root: Path) -> int:
    return sum(path.stat().st_size for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def tmpfs_size(area: Path, mount: str) -> int:
    """Bytes of the tmpfs for ``mount`` ("full" or "ro") holding a copy of ``area``."""
    held = _bytes(area)
    return int(held * FULL_FACTOR) if mount == "full" else held + RO_SPARE


@pytest.fixture(scope="module")
def can_mount(tmp_path_factory: pytest.TempPathFactory) -> bool:
    """True when this process may mount a tmpfs in a private mount namespace."""
    point = tmp_path_factory.mktemp("probe")
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o size=1m tmpfs {point}"],
                           capture_output=True, timeout=30, check=False)
    return probe.returncode == 0


def _command(store: Path, args: tuple[str, ...], area: Path) -> list[str]:
    return [sys.executable, "-m", "conflictkg", "--root", str(REPO), "--store", str(store),
            *(a.replace("{area}", str(area)) for a in args)]


def _run_mounted(given: Given, area: Path, rel: str, tmp: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Copy ``area`` onto a tmpfs in a private mount namespace, run the command there, copy it out."""
    mnt, out = tmp / "mnt", tmp / "after"
    mnt.mkdir()
    size = tmpfs_size(area, given.mount)
    remount = f"mount -o remount,ro {mnt}" if given.mount == "ro" else "true"
    command = shlex.join(_command(mnt / rel, given.args, mnt))
    script = (f"set -e; mount -t tmpfs -o size={size} tmpfs {mnt}; cp -a {area}/. {mnt}/; {remount}; "
              f"set +e; {command}; rc=$?; cp -a {mnt}/. {out}/; exit $rc")
    out.mkdir()
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True,
                          cwd=REPO, timeout=600, check=False)
    return proc, out


def _published_fingerprint(store: Path) -> str | None:
    """The store's fingerprint, or None where it has none (no store, or a damaged one)."""
    try:
        return fingerprint(store)
    except (OSError, RuntimeError):
        return None


#: Known defect, kept visible: since the record grew (issue #12), damage inside the data blocks a
#: query reads makes Oxigraph hang or allocate until it is killed instead of reporting Corruption,
#: and damage elsewhere (bytes 1000-5000 of each file) is no longer read by this query at all.
KNOWN_DEFECTS = {"garbage-data-blocks-query": "damaged data blocks: no clean 'is damaged' error (see the comment above)"}


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=KNOWN_DEFECTS[c.id]))
                                  if c.id in KNOWN_DEFECTS else c for c in CASES], ids=ids(CASES))
def test_store_dir_fault(case: Case, built_store: Path, tmp_path: Path, can_mount: bool) -> None:
    given: Given = case.given  # type: ignore[assignment]
    if given.mount and not can_mount:
        pytest.skip("needs a private mount namespace (unshare -m, root); "
                    "tests/units/test_storedir.py injects the same OS errors")
    area = tmp_path / "area"
    with ExitStack() as stack:
        rel = given.layout(area, built_store, stack)
        before = lay.tree(area)
        print_before = _published_fingerprint(area / rel)
        if given.mount:
            proc, after_area = _run_mounted(given, area, rel, tmp_path)
        else:
            proc = subprocess.run(_command(area / rel, given.args, area), capture_output=True, text=True,
                                  cwd=REPO, timeout=600, check=False)
            after_area = area
    assert proc.returncode == case.expect, proc.stderr
    assert case.says in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    after = lay.tree(after_area)
    if proc.returncode != 0:
        if case.expect == 1:
            assert "Error: " in proc.stderr and "Hint: " in proc.stderr, proc.stderr
        added = {rel: kind for rel, kind in after.items() if rel in given.may_add}
        assert after == before | added, "a command that fails changes nothing"
        return
    assert lay.foreign(after) == lay.foreign(before), "every file conflictkg did not create is kept"
    if not given.rebuilds:
        assert print_before is not None and _published_fingerprint(after_area / rel) == print_before
    else:
        assert _published_fingerprint(after_area / rel) is not None
        assert (after_area / rel / ".conflictkg-store").is_file()
    assert len(lay.unpublished(after_area / rel)) == given.leftovers
