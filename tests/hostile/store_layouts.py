"""Store-directory layouts for the hostile-input table (``test_store_dir.py``), and how to compare
a directory before and after a command.

Each layout prepares ``area`` (a fresh directory) from a copy of a built store and returns the
path to give ``--store``, relative to ``area``. Foreign files are the user's: they must survive.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from conflictkg.store import directory as storedir

#: a generation-shaped name conflictkg did not create (no marker inside)
LOOKALIKE = "db-20190101T000000-1-1"
ABANDONED = ("db-20250101T000000-11-1", "db-20250101T000000-12-2")

Layout = Callable[[Path, Path, ExitStack], str]


def tree(root: Path) -> dict[str, tuple[str, str]]:
    """Every entry under ``root``: files with their SHA-256, links with their target, directories."""
    out: dict[str, tuple[str, str]] = {}
    for base, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(base) / name
            rel = str(path.relative_to(root))
            if path.is_symlink():
                out[rel] = ("link", os.readlink(path))
            elif path.is_dir():
                out[rel] = ("dir", "")
            elif not path.is_file():
                out[rel] = ("other", str(path.stat().st_mode))  # a FIFO: reading it would block
            else:
                out[rel] = ("file", hashlib.sha256(path.read_bytes()).hexdigest())
    return out


def foreign(entries: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """The entries conflictkg did not make: anything but generations (marked, published, or empty)
    with what is inside them, and the store's own bookkeeping."""
    ours = {rel for rel, kind in entries.items()
            if kind[0] == "dir" and f"{rel}/{storedir.GENERATION_MARKER}" in entries}
    ours |= {str(Path(rel).parent / kind[1]).removeprefix("./") for rel, kind in entries.items()
             if Path(rel).name == storedir.CURRENT and kind[0] == "link"}
    ours |= {rel for rel, kind in entries.items()  # empty and named like a generation: nothing to lose
             if kind[0] == "dir" and storedir.GENERATION.fullmatch(Path(rel).name)
             and not any(other.startswith(rel + "/") for other in entries)}
    bookkeeping = {storedir.CURRENT, storedir.LOCK, storedir.MARKER}
    return {rel: kind for rel, kind in entries.items()
            if not any(rel == g or rel.startswith(g + "/") for g in ours) and Path(rel).name not in bookkeeping}


def unpublished(store: Path) -> list[str]:
    """Marked generations in ``store`` that ``current`` does not point to."""
    if not store.is_dir():
        return []
    current = storedir.current_path(store)
    published = os.readlink(current) if current.is_symlink() else None
    return sorted(p.name for p in store.iterdir()
                  if storedir.ours(p) and p.name != published)


# ------------------------------------------------------------------------------------------------
# layouts
# ------------------------------------------------------------------------------------------------

def copy_store(built: Path, to: Path) -> Path:
    shutil.copytree(built, to, symlinks=True)
    return to


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def foreign_with_backup(area: Path, _built: Path, _stack: ExitStack) -> str:
    """The reviewer's D3: someone else's directory with a ``db-*`` backup and a note."""
    write(area / "other" / "db-backup-2019" / "data.txt", "precious\n")
    write(area / "other" / "important.txt", "hello\n")
    return "other"


def foreign_lookalike(area: Path, _built: Path, _stack: ExitStack) -> str:
    """A directory named exactly like a generation, made by someone else."""
    write(area / "other" / LOOKALIKE / "data.txt", "precious\n")
    return "other"


def foreign_file_only(area: Path, _built: Path, _stack: ExitStack) -> str:
    write(area / "other" / "notes.txt", "mine\n")
    return "other"


def foreign_current(area: Path, _built: Path, _stack: ExitStack) -> str:
    """A ``current`` link that is not conflictkg's (it points to no generation)."""
    write(area / "other" / "v2" / "data.txt", "precious\n")
    (area / "other" / "current").symlink_to("v2")
    return "other"


def regular_file(area: Path, _built: Path, _stack: ExitStack) -> str:
    write(area / "store.txt", "not a directory\n")
    return "store.txt"


def under_a_file(area: Path, _built: Path, _stack: ExitStack) -> str:
    write(area / "store.txt", "not a directory\n")
    return "store.txt/sub"


def fifo(area: Path, _built: Path, _stack: ExitStack) -> str:
    area.mkdir(parents=True, exist_ok=True)
    os.mkfifo(area / "pipe")
    return "pipe"


def store(area: Path, built: Path, _stack: ExitStack) -> str:
    copy_store(built, area / "store")
    return "store"


def store_with_foreign(area: Path, built: Path, _stack: ExitStack) -> str:
    """A store the user also keeps files in, including generation-shaped ones."""
    copy_store(built, area / "store")
    write(area / "store" / "db-backup" / "data.txt", "precious\n")
    write(area / "store" / LOOKALIKE / "data.txt", "precious\n")
    write(area / "store" / "notes.txt", "mine\n")
    return "store"


def _published(store_dir: Path) -> Path:
    return Path(os.path.realpath(storedir.current_path(store_dir)))


def store_with_leftovers(area: Path, built: Path, stack: ExitStack) -> str:
    """Two abandoned generations, as two builds killed with kill -9 left them (full copies)."""
    rel = store_with_foreign(area, built, stack)
    for name in ABANDONED:
        shutil.copytree(_published(area / rel), area / rel / name)
    return rel


def store_with_empty_leftover(area: Path, built: Path, stack: ExitStack) -> str:
    """A build killed between creating its generation and marking it leaves an empty directory."""
    rel = store(area, built, stack)
    (area / rel / ABANDONED[0]).mkdir()
    return rel


def hold_lock(store_dir: Path, stack: ExitStack) -> None:
    """Hold the build lock from this process, as a running build would."""
    handle = stack.enter_context(open(store_dir / storedir.LOCK, "a"))
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


def store_being_built(area: Path, built: Path, stack: ExitStack) -> str:
    """A build holds the lock and is writing a generation (here: a marked full copy)."""
    rel = store(area, built, stack)
    shutil.copytree(_published(area / rel), area / rel / ABANDONED[0])
    hold_lock(area / rel, stack)
    return rel


def legacy_store(area: Path, built: Path, stack: ExitStack) -> str:
    """A store made before the markers: no ``.conflictkg-store``, no generation markers."""
    rel = store_with_foreign(area, built, stack)
    (area / rel / storedir.MARKER).unlink()
    (_published(area / rel) / storedir.GENERATION_MARKER).unlink()
    return rel


def newer_format(area: Path, built: Path, stack: ExitStack) -> str:
    rel = store(area, built, stack)
    (area / rel / storedir.MARKER).write_text("conflictkg store, format 99\n", encoding="utf-8")
    return rel


def dangling_current(area: Path, built: Path, stack: ExitStack) -> str:
    rel = store(area, built, stack)
    shutil.rmtree(_published(area / rel))
    return rel


def current_to_file(area: Path, built: Path, stack: ExitStack) -> str:
    rel = store(area, built, stack)
    current = storedir.current_path(area / rel)
    write(area / rel / "elsewhere.txt", "not a store\n")
    current.unlink()
    current.symlink_to("elsewhere.txt")
    return rel


def current_loop(area: Path, built: Path, stack: ExitStack) -> str:
    rel = store(area, built, stack)
    current = storedir.current_path(area / rel)
    current.unlink()
    current.symlink_to("current")
    return rel


def _sst_files(store_dir: Path) -> list[Path]:
    return sorted(_published(store_dir).glob("*.sst"), key=lambda p: (p.stat().st_size, p.name))


def truncated_sst(area: Path, built: Path, stack: ExitStack) -> str:
    rel = store(area, built, stack)
    os.truncate(_sst_files(area / rel)[-1], 1000)
    return rel


def _flip(path: Path, start: int, stop: int, step: int = 1) -> None:
    data = bytearray(path.read_bytes())
    for i in range(start, min(stop, len(data)), step):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def garbage_sst(area: Path, built: Path, stack: ExitStack) -> str:
    """Every ``.sst`` file overwritten here and there: the store does not even open."""
    rel = store(area, built, stack)
    for sst in _sst_files(area / rel):
        _flip(sst, 0, 10**9, 97)
    return rel


def garbage_in_data_blocks(area: Path, built: Path, stack: ExitStack) -> str:
    """Damage inside data blocks only: the store opens, and fails on the first read."""
    rel = store(area, built, stack)
    for sst in _sst_files(area / rel):
        if sst.stat().st_size > 10_000:
            _flip(sst, 1000, 5000)
    return rel


def emptied_generation(area: Path, built: Path, stack: ExitStack) -> str:
    """The published generation's files deleted (RocksDB's CURRENT is gone)."""
    rel = store(area, built, stack)
    for path in _published(area / rel).iterdir():
        if path.name != storedir.GENERATION_MARKER:
            path.unlink()
    return rel


def new_dir(area: Path, _built: Path, _stack: ExitStack) -> str:
    area.mkdir(parents=True, exist_ok=True)
    return "fresh"


def new_dir_beside_store(area: Path, built: Path, stack: ExitStack) -> str:
    """A first build on a disk that a store already fills most of."""
    store(area, built, stack)
    return "fresh"
