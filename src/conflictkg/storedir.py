"""The on-disk layout of the embedded store, and its atomic replacement.

``STORE_DIR/current`` is a symlink to one generation ``STORE_DIR/db-<stamp>``. A build writes a
complete new generation beside the old one (it stages its data there and validates it in place),
then swaps the symlink with one atomic rename, and only then deletes older generations. A build
that fails before the swap removes its generation and leaves ``current`` untouched; readers never
see a half-written store. A lock file serialises concurrent builds.

Pins: ``serve`` holds a shared ``flock`` on ``STORE_DIR/.pin-<generation>`` for as long as it runs
(:func:`pinned_generation`), and :func:`publish` removes an old generation only while holding an
exclusive lock on that file (:func:`remove_unless_pinned`), so a build never deletes the generation
a running ``serve`` answers from (its replaced workers must open it again). The kernel drops the
lock when ``serve`` ends, even by ``kill -9``, so no pin outlives its server; a later build removes
the generation then.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from conflictkg.errors import StoreError
from conflictkg.store import OxigraphStore

CURRENT = "current"
PIN_PREFIX = ".pin-"
#: Times :func:`pinned_generation` re-reads ``current`` when a build removed what it had resolved.
PIN_TRIES = 5


def current_path(store_dir: Path) -> Path:
    return store_dir / CURRENT


def store_exists(store_dir: Path) -> bool:
    """True when ``store_dir`` holds a published generation."""
    return current_path(store_dir).is_dir()


def open_store(store_dir: Path) -> OxigraphStore:
    """Open the published generation read-only.

    Raises:
        StoreError: nothing has been built there yet.
    """
    if not store_exists(store_dir):
        raise StoreError(f"no store at {store_dir}", hint="run `conflictkg build` first")
    return OxigraphStore.open_read_only(current_path(store_dir).resolve())


@contextmanager
def build_lock(store_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``store_dir`` for the duration of a build."""
    store_dir.mkdir(parents=True, exist_ok=True)
    with open(store_dir / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise StoreError(f"another build is running on {store_dir}") from exc
        yield


@contextmanager
def new_generation(store_dir: Path) -> Iterator[Path]:
    """The path of a new, unpublished generation; removed again if the block raises.

    Whatever writes there must have closed its store before the exception leaves the block.
    """
    gen = store_dir / f"db-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    try:
        yield gen
    except BaseException:
        discard(gen)
        raise


def seal(store: OxigraphStore) -> None:
    """Finish a generation before it is published: compact it (reads are ~30% faster) and close it."""
    try:
        store.native.optimize()
    finally:
        store.close()


def write_generation(store_dir: Path, quads: Iterable[ox.Quad]) -> Path:
    """Write ``quads`` to a new, unpublished generation directory and return it."""
    with new_generation(store_dir) as gen:
        seal(OxigraphStore.create(gen, quads))
    return gen


def publish(store_dir: Path, gen: Path) -> None:
    """Point ``current`` at ``gen`` atomically, then remove older generations."""
    tmp_link = store_dir / f".current-{os.getpid()}"
    if tmp_link.is_symlink():
        tmp_link.unlink()
    tmp_link.symlink_to(gen.name)
    os.replace(tmp_link, current_path(store_dir))
    for old in store_dir.glob("db-*"):
        if old != gen:
            remove_unless_pinned(old)


def discard(gen: Path) -> None:
    """Remove an unpublished generation."""
    shutil.rmtree(gen, ignore_errors=True)


def pin_file(gen: Path) -> Path:
    """The file whose shared lock pins generation ``gen`` (see the module doc)."""
    return gen.parent / f"{PIN_PREFIX}{gen.name}"


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
