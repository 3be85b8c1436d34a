"""A query worker: how big a store it copies into memory (``web.sizing``), and that it answers from
disk at once and from its in-memory copy once made (``web.worker.Current``)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from conflictkg.store.oxigraph import OxigraphStore
from conflictkg.web import worker
from conflictkg.web.execute import Answer
from conflictkg.web.sizing import BYTES_PER_QUAD, FALLBACK_AVAILABLE, Placement, available_bytes, placement

QUAD = ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("o"), ox.NamedNode("urn:g"))


def test_available_memory_is_read_from_meminfo(tmp_path: Path) -> None:
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       24000000 kB\nMemAvailable:   12345678 kB\n", encoding="ascii")
    assert available_bytes(meminfo) == 12345678 * 1024
    meminfo.write_text("MemTotal: 1 kB\n", encoding="ascii")
    assert available_bytes(meminfo) == FALLBACK_AVAILABLE
    assert available_bytes(tmp_path / "missing") == FALLBACK_AVAILABLE


@pytest.mark.parametrize(("quads", "workers", "limit_mb", "available", "workers_copy", "pages_copy"), [
    (100_000, 2, 1024, 8 * 2**30, True, True),       # 54 MB a copy: small beside both
    (1_000_000, 2, 1024, 8 * 2**30, False, True),    # 540 MB: over a quarter of a worker's 1 GB, the pages copy
    (1_000_000, 2, 0, 8 * 2**30, True, True),        # no worker limit: 1.6 GB of 4 GB allowed
    (1_000_000, 7, 0, 8 * 2**30, False, True),       # eight copies: 4.3 GB, over half of 8 GB; one fits
    (1_000_000, 2, 1024, 2**30, False, False),       # 540 MB alone is over half of 1 GB available
    (400_000, 2, 1024, 2**30, False, True),          # 648 MB of copies, over half of 1 GB; 216 MB fits
    (400_000, 2, 1024, 3 * 2 * 400_000 * BYTES_PER_QUAD, True, True),       # three copies: exactly half
    (400_000, 2, 1024, 3 * 2 * 400_000 * BYTES_PER_QUAD - 2, False, True),  # a byte short of it
    (10_000_000, 2, 0, 8 * 2**30, False, False),     # 5.4 GB: over half of 8 GB for one copy
])
def test_workers_and_pages_are_sized_apart(quads: int, workers: int, limit_mb: int, available: int,
                                           workers_copy: bool, pages_copy: bool) -> None:
    assert placement(quads, workers=workers, worker_memory_mb=limit_mb, available=available) == \
        Placement(workers=workers_copy, pages=pages_copy)


def test_the_pages_copy_counts_the_workers_copies_when_they_are_made() -> None:
    copy = 100_000 * BYTES_PER_QUAD
    # the workers' copies fit (3 of 4 allowed) and leave room for the pages' copy: the fourth
    assert placement(100_000, workers=3, worker_memory_mb=0, available=8 * copy) == Placement(True, True)
    # one byte less: the workers answer from disk, so the pages' copy is alone and fits
    assert placement(100_000, workers=3, worker_memory_mb=0, available=8 * copy - 2) == Placement(False, True)


def test_serve_says_where_each_part_answers_from() -> None:
    assert Placement(True, True).where() == "memory" and Placement(False, False).where() == "disk"
    assert Placement(False, True).where() == "memory for the pages, disk for /sparql"


def _generation(tmp_path: Path) -> Path:
    path = tmp_path / "gen"
    OxigraphStore.create(path, [QUAD]).close()
    return path


def test_the_worker_answers_from_disk_then_from_its_copy(tmp_path: Path) -> None:
    current = worker.Current(_generation(tmp_path))
    assert current.disk is not None and current.store is current.disk.native  # ready before any copy
    thread = current.copy_in_background()
    assert thread is not None
    thread.join(timeout=60)
    assert current.copied.is_set() and current.store is not current.disk.native
    assert list(current.store.quads_for_pattern(None, None, None, None)) == [QUAD]


def test_a_worker_that_cannot_open_the_store_answers_why(tmp_path: Path) -> None:
    current = worker.Current(tmp_path / "nowhere")
    assert isinstance(current.store, Answer) and current.store.status == 500
    assert "cannot open the store" in current.store.body.decode() and current.copy_in_background() is None


def test_a_small_store_is_copied_before_the_worker_is_ready(tmp_path: Path) -> None:
    generation = _generation(tmp_path)
    small = worker.prepare(generation, True, copy_before_ready_up_to=1)
    assert small.copied.is_set() and small.disk is not None and small.store is not small.disk.native
    large = worker.prepare(generation, True, copy_before_ready_up_to=0)  # "large": copied in the background
    assert large.copied.wait(60) and large.disk is not None and large.store is not large.disk.native
    on_disk = worker.prepare(generation, False)
    assert not on_disk.copied.is_set() and on_disk.disk is not None and on_disk.store is on_disk.disk.native
