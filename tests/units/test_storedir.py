"""The store directory: whose it is, which generations may go, and OS refusals as clear errors.

The hostile table (``tests/hostile/test_store_dir.py``) runs the CLI against real faults; here the
rules are checked one by one, and read-only and full disks are also simulated by injecting the OS
error at the write boundary (the table needs a private mount namespace for the real ones).
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import types
from pathlib import Path

import pyoxigraph as ox
import pytest

from conflictkg import cli
from conflictkg.errors import StoreError
from conflictkg.store import directory as storedir
from conflictkg.store import oxigraph as store_module

from tests.conftest import REPO
from tests.hostile.harness import fingerprint

GEN = "db-20250101T000000-11-1"


def _copy(built_store: Path, to: Path) -> Path:
    return Path(shutil.copytree(built_store, to, symlinks=True))


def _published(store_dir: Path) -> Path:
    return Path(os.path.realpath(storedir.current_path(store_dir)))


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """The CLI in this process (so a fault can be injected), through its one error boundary."""
    with pytest.raises(SystemExit) as done:
        cli.main(["--root", str(REPO), *args])
    return int(done.value.code or 0), capsys.readouterr().err


# ------------------------------------------------------------------------------------------------
# whose directory is it
# ------------------------------------------------------------------------------------------------

def test_claim_marks_a_new_or_empty_directory(tmp_path: Path) -> None:
    storedir.claim(tmp_path / "new" / "store")
    assert (tmp_path / "new" / "store" / storedir.MARKER).read_text() == storedir.MARKER_TEXT
    (tmp_path / "empty").mkdir()
    storedir.claim(tmp_path / "empty")
    assert sorted(p.name for p in (tmp_path / "empty").iterdir()) == [storedir.MARKER]


def test_claim_refuses_a_foreign_directory_and_touches_nothing(tmp_path: Path) -> None:
    (tmp_path / "db-backup-2019").mkdir()
    (tmp_path / "db-backup-2019" / "data.txt").write_text("precious")
    with pytest.raises(StoreError, match="is not a conflictkg store"):
        storedir.claim(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db-backup-2019"]


def test_claim_adopts_a_store_made_before_the_marker(built_store: Path, tmp_path: Path) -> None:
    """A ``current`` link into a generation, ``.lock``, and the user's notes: adopted, not refused."""
    store_dir = _copy(built_store, tmp_path / "store")
    (store_dir / storedir.MARKER).unlink()
    (_published(store_dir) / storedir.GENERATION_MARKER).unlink()
    (store_dir / "notes.txt").write_text("mine")
    before = fingerprint(store_dir)
    storedir.claim(store_dir)
    assert (store_dir / storedir.MARKER).is_file()
    assert (_published(store_dir) / storedir.GENERATION_MARKER).is_file()
    assert fingerprint(store_dir) == before and (store_dir / "notes.txt").read_text() == "mine"


def test_claim_refuses_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(StoreError, match="is not a directory"):
        storedir.claim(tmp_path / "f")


# ------------------------------------------------------------------------------------------------
# which generations may go
# ------------------------------------------------------------------------------------------------

def test_only_marked_unpublished_generations_are_abandoned(built_store: Path, tmp_path: Path) -> None:
    store_dir = _copy(built_store, tmp_path / "store")
    shutil.copytree(_published(store_dir), store_dir / GEN)                # a killed build's
    (store_dir / "db-20250101T000000-12-2").mkdir()                         # killed before marking
    (store_dir / "db-20190101T000000-1-1").mkdir()                          # generation-shaped, foreign
    (store_dir / "db-20190101T000000-1-1" / "data.txt").write_text("x")
    (store_dir / "db-backup").mkdir()                                        # foreign
    (store_dir / "db-backup" / storedir.GENERATION_MARKER).write_text("x")  # marker, wrong name
    assert [p.name for p in storedir.abandoned(store_dir)] == [GEN, "db-20250101T000000-12-2"]


def test_a_build_leaves_at_most_one_unpublished_generation(built_store: Path, tmp_path: Path) -> None:
    """Under the lock, before its own generation exists, a build removes abandoned ones."""
    store_dir = _copy(built_store, tmp_path / "store")
    for n in range(3):
        shutil.copytree(_published(store_dir), store_dir / f"db-20250101T000000-1{n}-1")
    with storedir.build_lock(store_dir), storedir.new_generation(store_dir) as gen:
        assert storedir.abandoned(store_dir) == [gen]


def test_readers_leave_generations_alone_while_a_build_holds_the_lock(built_store: Path, tmp_path: Path) -> None:
    store_dir = _copy(built_store, tmp_path / "store")
    shutil.copytree(_published(store_dir), store_dir / GEN)
    with open(store_dir / storedir.LOCK, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        storedir.open_store(store_dir).close()
        assert (store_dir / GEN).is_dir()
    storedir.open_store(store_dir).close()
    assert not (store_dir / GEN).exists()
    assert not [p for p in store_dir.iterdir() if p.name.startswith(".trash-")]


def test_a_second_build_is_refused(built_store: Path, tmp_path: Path) -> None:
    store_dir = _copy(built_store, tmp_path / "store")
    with storedir.build_lock(store_dir):
        with pytest.raises(StoreError, match="another build is running"), storedir.build_lock(store_dir):
            pass


# ------------------------------------------------------------------------------------------------
# OS refusals injected at the write boundary (the hostile table has the real mounts)
# ------------------------------------------------------------------------------------------------

def _full_disk_pyoxigraph() -> types.ModuleType:
    """pyoxigraph as ``conflictkg.store.oxigraph`` sees it, but writes fail as RocksDB's do on a full disk."""
    real = ox.Store

    class FullDisk:
        def __init__(self, path: str | None = None) -> None:
            self._path = path
            self._real = real(path) if path else real()

        def bulk_extend(self, _quads: object) -> None:
            raise OSError(f"IO error: No space left on device: While appending to file: {self._path}/000010.sst: "
                          "No space left on device")

        def __getattr__(self, name: str) -> object:
            return getattr(self._real, name)

    fake = types.ModuleType("pyoxigraph_full_disk")
    fake.__dict__.update(vars(ox))
    fake.Store = FullDisk  # type: ignore[attr-defined]
    return fake


def test_disk_full_during_build_is_an_error_and_changes_nothing(
        built_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    store_dir = _copy(built_store, tmp_path / "store")
    before = fingerprint(store_dir)
    monkeypatch.setattr(store_module, "ox", _full_disk_pyoxigraph())
    code, err = _run(capsys, "--store", str(store_dir), "build", "--no-reason")
    monkeypatch.undo()
    assert code == 1 and "No space left on device" in err and "Hint: the disk is full" in err, err
    assert str(store_dir) in err and "Traceback" not in err
    assert fingerprint(store_dir) == before
    assert storedir.abandoned(store_dir) == []


def _read_only(path: object, *_args: object, **_kwargs: object) -> None:
    raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))


def test_read_only_store_location_is_an_error_and_changes_nothing(
        built_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """``build`` first writes the lock file (existing store) or the directory (new one)."""
    store_dir = _copy(built_store, tmp_path / "store")
    before = fingerprint(store_dir)
    monkeypatch.setattr(storedir, "open", _read_only, raising=False)
    code, err = _run(capsys, "--store", str(store_dir), "build", "--no-reason")
    assert code == 1 and f"cannot write {store_dir / '.lock'}: Read-only file system" in err, err
    assert "Hint: the location is not writable" in err
    monkeypatch.setattr(Path, "mkdir", _read_only)
    code, err = _run(capsys, "--store", str(tmp_path / "new"), "query", "clause-norms")
    assert code == 1 and f"cannot write {tmp_path / 'new'}: Read-only file system" in err, err
    monkeypatch.undo()
    assert fingerprint(store_dir) == before and not (tmp_path / "new").exists()


# ------------------------------------------------------------------------------------------------
# output files
# ------------------------------------------------------------------------------------------------

def test_an_output_file_is_written_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.trig"
    out.write_bytes(b"old")
    out.chmod(0o640)
    cli.write_output(out, b"new")
    assert out.read_bytes() == b"new" and [p.name for p in tmp_path.iterdir()] == ["out.trig"]
    assert out.stat().st_mode & 0o777 == 0o640
    (tmp_path / "link.trig").symlink_to("out.trig")
    cli.write_output(tmp_path / "link.trig", b"new")
    assert (tmp_path / "link.trig").is_symlink()
    (tmp_path / "link.trig").unlink()

    def refused(_src: object, _dst: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(cli.InputError, match="out.trig: cannot write the output file: No space left"):
        cli.write_output(out, b"newer")
    monkeypatch.undo()
    assert out.read_bytes() == b"new" and [p.name for p in tmp_path.iterdir()] == ["out.trig"]
