"""Whether ``serve`` keeps its store in memory: sized to this machine's memory, not a fixed count.

A published generation never changes, so each query worker (and the pages' process) may answer
from an in-memory copy of it, where the library's queries run 4-6x faster than on disk. A copy
costs about :data:`BYTES_PER_QUAD` per quad per process (measured: 539 bytes per quad for the
shipped store's 24,848 quads, RSS before and after ``in_memory_copy``). The store is copied when

* all the copies (one per worker and one for the pages) take at most half of the memory the
  machine has available now (``MemAvailable`` in ``/proc/meminfo``), and
* one copy takes at most a quarter of a worker's memory limit (``--worker-memory``), so a query
  keeps three quarters of it to sort and group (no limit: only the first rule applies).

Where the available memory cannot be read, the first rule assumes :data:`FALLBACK_AVAILABLE`.
"""

from __future__ import annotations

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


def fits_in_memory(quads: int, *, workers: int, worker_memory_mb: int, available: int) -> bool:
    """Whether ``workers`` copies plus the pages' copy of ``quads`` quads fit (see the module doc)."""
    copy = quads * BYTES_PER_QUAD
    if copy * (workers + 1) > available // 2:
        return False
    return worker_memory_mb == 0 or copy <= worker_memory_mb * 2**20 // 4
