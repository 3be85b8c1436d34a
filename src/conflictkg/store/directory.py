"""The on-disk layout of the embedded store, and its atomic replacement.

``STORE_DIR/current`` is a symlink to one generation ``STORE_DIR/db-<stamp>``. A build writes a
complete new generation beside the old one (it stages its data there and validates it in place),
then swaps the symlink with one atomic rename, and only then deletes older generations. A build
that fails before the swap removes its generation and leaves ``current`` untouched; readers never
see a half-written store. A lock file serialises concurrent builds.

The directory may be shared with other files (``--store`` is the user's choice), so conflictkg
deletes only what it can prove it made:

* ``STORE_DIR/.conflictkg-store`` marks the directory as a store. It is written when conflictkg
  creates the directory, finds it empty, or finds a store made before the marker existed (a
  ``current`` link into a generation); any other non-empty directory is refused.
* each generation is named ``db-<YYYYmmddTHHMMSS>-<pid>-<n>`` and holds ``.conflictkg-generation``,
  written when it is created. Only directories with both are ever removed: an unpublished one is
  abandoned (its build failed or was killed) unless a build holding the lock is writing it or a
  running ``serve`` pins it (see Pins below).

Builds remove abandoned generations under the lock before they write their own, so at most one
unpublished generation exists at any time. Read-only commands remove them too, but only when they
can take the lock at once (no build is running), and then they only rename them under the lock.

Pins: ``serve`` holds a shared ``flock`` on ``STORE_DIR/.pin-<generation>`` for as long as it runs
(:func:`pinned_generation`), and :func:`publish` removes an old generation only while holding an
exclusive lock on that file (:func:`remove_unless_pinned`), so a build never deletes the generation
a running ``serve`` answers from (its replaced workers must open it again). The kernel drops the
lock when ``serve`` ends, even by ``kill -9``, so no pin outlives its server; a later build removes
the generation then.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from conflictkg.errors import StoreError
from conflictkg.store.oxigraph import OxigraphStore, damaged_store, is_corruption, write_failure

CURRENT = "current"
LOCK = ".lock"
MARKER = ".conflictkg-store"
MARKER_TEXT = "conflictkg store, format 1\n"
GENERATION_MARKER = ".conflictkg-generation"
GENERATION = re.compile(r"db-\d{8}T\d{6}-\d+-\d+")
#: abandoned generations a reader renamed under the lock, to delete after releasing it
TRASH = re.compile(r"\.trash-\d+-(db-\d{8}T\d{6}-\d+-\d+)")
#: a reader holds the lock for a few renames: a build waits this long for it before refusing
LOCK_WAIT_S = 2.0
NOT_OURS = "is not a conflictkg store (it holds files conflictkg did not create)"
NOT_OURS_HINT = ("give --store (or CONFLICTKG_STORE) a new or empty directory; conflictkg marks its stores "
                 f"with a {MARKER} file and never deletes files it did not create")
PIN_PREFIX = ".pin-"
#: Times :func:`pinned_generation` re-reads ``current`` when a build removed what it had resolved.
PIN_TRIES = 5


def generation_date(gen: Path) -> str | None:
    """The day a generation was built (``YYYY-MM-DD``, read from its ``db-<stamp>-…`` name), or ``None``
    for a directory not named like one: the site's "cite this" line states it and never invents one."""
    if not GENERATION.fullmatch(gen.name):
        return None
    stamp = gen.name[3:11]
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"


def current_path(store_dir: Path) -> Path:
    return store_dir / CURRENT


def store_exists(store_dir: Path) -> bool:
    """True when ``store_dir`` has a published generation, even a broken one (then opening it
    says what is wrong instead of a query silently building over it)."""
    return current_path(store_dir).is_symlink() or current_path(store_dir).is_dir()


def open_store(store_dir: Path) -> OxigraphStore:
    """Open the published generation read-only (removing abandoned generations if no build runs).

    Raises:
        StoreError: nothing has been built there yet, or the store is damaged.
    """
    current = current_path(store_dir)
    if not current.is_symlink():
        if current.is_dir():  # conflictkg only ever makes a link here
            raise StoreError(f"{store_dir} {NOT_OURS}", hint=NOT_OURS_HINT)
        raise StoreError(f"no store at {store_dir}", hint="run `conflictkg build` first")
    if not (store_dir / MARKER).is_file() and not GENERATION.fullmatch(Path(os.readlink(current)).name):
        raise StoreError(f"{store_dir} {NOT_OURS}", hint=NOT_OURS_HINT)
    target = Path(os.path.realpath(current))  # never raises, even on a link loop
    if not target.is_dir():
        problem = f"{current} points to {os.readlink(current)}, which is not a directory"
        raise damaged_store(store_dir, problem)
    tidy(store_dir)
    return OxigraphStore.open_read_only(target)


# ------------------------------------------------------------------------------------------------
# whose directory is it
# ------------------------------------------------------------------------------------------------

@contextmanager
def _writing(path: Path) -> Iterator[None]:
    """An OS refusal to write ``path`` (read-only, full, not a directory) as a StoreError naming it."""
    try:
        yield
    except OSError as exc:
        raise write_failure(path, exc) from exc


def claim(store_dir: Path) -> None:
    """Make sure ``store_dir`` is a conflictkg store directory before anything is written there:
    create it, mark a new or empty one or a store made before the marker, refuse anything else.

    Raises:
        StoreError: ``store_dir`` is a file, a foreign non-empty directory, or not writable.
    """
    if store_dir.exists() and not store_dir.is_dir():
        raise StoreError(f"{store_dir} is not a directory (--store names the directory of the store)",
                         hint="give --store (or CONFLICTKG_STORE) a directory: a new or empty one, or a conflictkg store")
    with _writing(store_dir):
        store_dir.mkdir(parents=True, exist_ok=True)
    marker = store_dir / MARKER
    if marker.is_file():
        _check_format(store_dir, marker)
        return
    entries = sorted(store_dir.iterdir())
    if entries and not _made_by_conflictkg(store_dir, entries):
        raise StoreError(f"{store_dir} {NOT_OURS}", hint=NOT_OURS_HINT)
    with _writing(store_dir):
        for gen in entries:
            if _legacy_generation(gen):
                _mark(gen, GENERATION_MARKER, "made by conflictkg before generations were marked\n")
        _mark(store_dir, MARKER, MARKER_TEXT)


def _check_format(store_dir: Path, marker: Path) -> None:
    said = marker.read_text(encoding="utf-8", errors="replace")
    if said != MARKER_TEXT:
        raise StoreError(f"{store_dir} is a store of another conflictkg version ({said.strip()[:60]!r} in {marker})",
                         hint="use the conflictkg version that made it, or another --store")


def _made_by_conflictkg(store_dir: Path, entries: list[Path]) -> bool:
    """A store from before the marker: ``current`` links into a generation (other files may sit
    beside it; they are kept), or everything there is what such a build leaves."""
    current = current_path(store_dir)
    if current.is_symlink() and GENERATION.fullmatch(Path(os.readlink(current)).name):
        return True
    leftovers = re.compile(rf"\.current-\d+|{re.escape(MARKER)}\.tmp-\d+|{TRASH.pattern}")
    return all(p.name in (LOCK, MARKER) or _legacy_generation(p) or leftovers.fullmatch(p.name) for p in entries)


def _legacy_generation(path: Path) -> bool:
    """A generation directory by name, with RocksDB's own files in it (or nothing at all)."""
    if not (GENERATION.fullmatch(path.name) and path.is_dir() and not path.is_symlink()):
        return False
    names = {p.name for p in path.iterdir()}
    return not names or {"CURRENT", "IDENTITY"} <= names or GENERATION_MARKER in names


def _mark(directory: Path, name: str, text: str) -> None:
    """Write a marker file atomically (a concurrent reader never sees half of it)."""
    tmp = directory / f"{name}.tmp-{os.getpid()}"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, directory / name)


# ------------------------------------------------------------------------------------------------
# the lock and the generations
# ------------------------------------------------------------------------------------------------

@contextmanager
def build_lock(store_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``store_dir`` for the duration of a build, after claiming the
    directory and removing abandoned generations (so this build's is the only unpublished one)."""
    claim(store_dir)
    with _writing(store_dir / LOCK):
        handle = open(store_dir / LOCK, "a")  # noqa: SIM115 (closed below)
    with handle:
        _lock(handle, store_dir)
        for gen in abandoned(store_dir):
            remove_unless_pinned(gen)
        yield


def _lock(handle: IO[str], store_dir: Path) -> None:
    deadline = time.monotonic() + LOCK_WAIT_S
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError as exc:
            if time.monotonic() > deadline:
                raise StoreError(f"another build is running on {store_dir}",
                                 hint="wait for it to finish; the store it publishes is then current") from exc
            time.sleep(0.05)


def ours(path: Path) -> bool:
    """A generation conflictkg created: the exact name, and its marker (or nothing written yet)."""
    if not (GENERATION.fullmatch(path.name) or TRASH.fullmatch(path.name)):
        return False
    if path.is_symlink() or not path.is_dir():
        return False
    return (path / GENERATION_MARKER).is_file() or not any(path.iterdir())


def abandoned(store_dir: Path) -> list[Path]:
    """Generations conflictkg created that are not published (call only while holding the lock)."""
    current = current_path(store_dir)
    published = Path(os.path.realpath(current)) if current.is_symlink() else None
    return sorted(p for p in store_dir.iterdir()
                  if ours(p) and Path(os.path.realpath(p)) != published and not is_pinned(p))


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


def tidy(store_dir: Path) -> None:
    """Remove abandoned generations if no build is running; never waits and never fails.

    Under the lock (taken only if free at once) it merely renames them, so a build starting
    meanwhile waits milliseconds; the deleting happens after the lock is released. No lock file,
    or a read-only location: nothing to do here (that is not this command's business).
    """
    try:
        handle = open(store_dir / LOCK, "rb")  # noqa: SIM115 (closed below)
    except OSError:
        return
    trash = []
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return
        for gen in abandoned(store_dir):
            name = TRASH.fullmatch(gen.name)
            target = store_dir / f".trash-{os.getpid()}-{name.group(1) if name else gen.name}"
            try:
                gen.rename(target)
            except OSError:
                continue
            pin_file(gen).unlink(missing_ok=True)
            trash.append(target)
    _remove(trash)


@contextmanager
def new_generation(store_dir: Path) -> Iterator[Path]:
    """The path of a new, unpublished generation (created, with its marker); removed again if
    the block raises.

    Whatever writes there must have closed its store before the exception leaves the block.
    """
    gen = store_dir / f"db-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    try:
        with _writing(gen):
            gen.mkdir()
            (gen / GENERATION_MARKER).write_text(f"made by conflictkg build, pid {os.getpid()}\n", encoding="utf-8")
        yield gen
    except BaseException:
        discard(gen)
        raise


def seal(store: OxigraphStore) -> None:
    """Finish a generation before it is published: compact it (reads are ~30% faster) and close it."""
    try:
        store.native.optimize()
    except OSError as exc:
        raise write_failure(store.path or Path(), exc) from exc
    except RuntimeError as exc:
        if not is_corruption(exc):
            raise
        raise damaged_store(store.path or "(memory)", exc) from exc
    finally:
        store.close()


def write_generation(store_dir: Path, quads: Iterable[ox.Quad]) -> Path:
    """Write ``quads`` to a new, unpublished generation directory and return it."""
    with new_generation(store_dir) as gen:
        seal(OxigraphStore.create(gen, quads))
    return gen


def publish(store_dir: Path, gen: Path) -> None:
    """Point ``current`` at ``gen`` atomically, then remove the generations it replaces.

    If the swap itself is refused (disk full, read-only), ``gen`` is removed and nothing changed.
    """
    tmp_link = store_dir / f".current-{os.getpid()}"
    try:
        with _writing(store_dir):
            if tmp_link.is_symlink():
                tmp_link.unlink()
            tmp_link.symlink_to(gen.name)
            os.replace(tmp_link, current_path(store_dir))
    except BaseException:
        if tmp_link.is_symlink():
            tmp_link.unlink()
        if not (current_path(store_dir).is_symlink() and os.readlink(current_path(store_dir)) == gen.name):
            discard(gen)  # not published (an interrupt could arrive just after the swap)
        raise
    for old in abandoned(store_dir):
        remove_unless_pinned(old)


def discard(gen: Path) -> None:
    """Remove an unpublished generation."""
    shutil.rmtree(gen, ignore_errors=True)


def pin_file(gen: Path) -> Path:
    """The file whose shared lock pins generation ``gen`` (see the module doc)."""
    return gen.parent / f"{PIN_PREFIX}{gen.name}"


def is_pinned(gen: Path) -> bool:
    """True while a running ``serve`` holds the pin of generation ``gen``."""
    try:
        handle = open(pin_file(gen), "rb")  # noqa: SIM115 (closed below)
    except OSError:
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
    return False


def remove_unless_pinned(gen: Path) -> bool:
    """Remove generation ``gen`` unless a running ``serve`` pins it; True when it was removed."""
    pin = pin_file(gen)
    with open(pin, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        shutil.rmtree(gen, ignore_errors=True)
        pin.unlink(missing_ok=True)
    return True


@contextmanager
def pinned_generation(store_dir: Path) -> Iterator[Path]:
    """The published generation's directory, pinned (no build removes it) until the block ends.

    A store directory where the pin file cannot be written (read-only) is served unpinned: no
    build can replace generations there either.

    Raises:
        StoreError: nothing has been built there yet, or builds kept replacing it meanwhile.
    """
    for _ in range(PIN_TRIES):
        if not store_exists(store_dir):
            raise StoreError(f"no store at {store_dir}", hint="run `conflictkg build` first")
        gen = current_path(store_dir).resolve()
        handle = _open_pin(gen)
        if handle is None:
            yield gen
            return
        with handle:
            fcntl.flock(handle, fcntl.LOCK_SH)  # waits while a build is removing this generation
            if gen.is_dir():
                yield gen
                return
    raise StoreError(f"builds kept replacing the store at {store_dir}", hint="start serve again when they finish")


def _open_pin(gen: Path) -> IO[str] | None:
    try:
        return open(pin_file(gen), "a")
    except OSError:  # a read-only store directory
        return None


def newer_published(gen: Path) -> bool:
    """True when ``current`` beside generation ``gen`` now points at another generation."""
    try:
        return os.readlink(current_path(gen.parent)) != gen.name
    except OSError:
        return False


def fingerprint(store_dir: Path) -> str:
    """SHA-256 over the published generation's name and its sorted N-Quads ("no store" when none).

    Equal fingerprints mean the same generation is published with the same content: what the
    hostile-input suite and the crash bench compare before and after a command that must change
    nothing. Blank-node labels are stable within one generation, so a store that was not rebuilt
    keeps its fingerprint.
    """
    current = current_path(store_dir)
    if not current.is_symlink():
        return "no store"
    store = ox.Store.read_only(str(current.resolve()))
    try:
        lines = sorted(str(quad) for quad in store)
    finally:
        del store
    digest = hashlib.sha256(os.readlink(current).encode())
    for line in lines:
        digest.update(line.encode() + b"\n")
    return digest.hexdigest()
