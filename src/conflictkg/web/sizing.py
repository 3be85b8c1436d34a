"""Whether ``serve`` keeps its store in memory: sized to this machine's memory, not a fixed count.

A published generation never changes, so each query worker and the pages' process may answer
from an in-memory copy of it, where the library's queries run 4-6x faster than on disk. A copy
costs about :data:`BYTES_PER_QUAD` per quad per process (measured: 539 bytes per quad for the
shipped store's 24,848 quads, RSS before and after ``in_memory_copy``). The two are sized apart
(:func:`placement`), because only the workers run under a memory limit (``--worker-memory``):

* **the workers** copy the store when one copy per worker plus the pages' copy take at most half
  of the memory the machine has available now (``MemAvailable`` in ``/proc/meminfo``), and one
  copy takes at most a quarter of a worker's memory limit, so a query keeps three quarters of it
  to sort and group (no limit: only the first rule applies);
* **the pages' process** (no memory limit) copies the store when its copy, plus the workers'
  copies if they make them, take at most half of the memory available. So a store too big for a
  worker's limit (e.g. 1,000,000 quads, 540 MB, beside the default 1,024 MB limit) is still
  served to the pages from memory, while ``/sparql`` answers from disk.

Where the available memory cannot be read, :data:`FALLBACK_AVAILABLE` is assumed. Neither waits for its
copy: the workers and the pages answer from the store on disk until it is made
(:class:`conflictkg.web.worker.Current`, :class:`conflictkg.web.pagestore.PagesStore`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BYTES_PER_QUAD = 540
FALLBACK_AVAILABLE = 2 * 2**30
MEMINFO = Path("/proc/meminfo")


def available_bytes(meminfo: Path = MEMINFO) -> int:
    """Memory available to new processes (``MemAvailable``), or :data:`FALLBACK_AVAILABLE`."""
    try:
        for line in meminfo.read_text(encoding="ascii").splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return FALLBACK_AVAILABLE


@dataclass(frozen=True)
class Placement:
    """Who answers from an in-memory copy of the store: the query workers, the pages' process."""

    workers: bool
    pages: bool

    def where(self) -> str:
        """In words, for ``serve``'s first line: "memory", "disk", or each part's place."""
        if self.workers == self.pages:
            return "memory" if self.workers else "disk"
        return "memory for the pages, disk for /sparql" if self.pages else "memory for /sparql, disk for the pages"


def placement(quads: int, *, workers: int, worker_memory_mb: int, available: int) -> Placement:
    """Where copies of a store of ``quads`` quads go, with ``workers`` workers each limited to
    ``worker_memory_mb`` MB (0: no limit) and ``available`` bytes free (see the module doc)."""
    copy, half = quads * BYTES_PER_QUAD, available // 2
    in_workers = copy * (workers + 1) <= half and (worker_memory_mb == 0 or copy <= worker_memory_mb * 2**20 // 4)
    return Placement(workers=in_workers, pages=copy * (1 + (workers if in_workers else 0)) <= half)
