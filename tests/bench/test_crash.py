"""Crash test: ``conflictkg build`` killed with SIGKILL at seeded random moments (a few times here;
``bench/crash.py`` does it many times). After every kill the last good store answers as before,
at most one unpublished generation exists, the next command removes it, and no HermiT survives.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.bench.bench_module import load_bench
from tests.conftest import REPO

KILLS = 4
SEED = 2026
#: kills land anywhere from process start to a little past a build on a quiet machine
MAX_DELAY_S = 9.0


@pytest.fixture(scope="module")
def crash():
    return load_bench("crash")


@pytest.fixture
def store(built_store: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(built_store, tmp_path / "store", symlinks=True))


def test_killed_builds_leave_the_last_good_store_answering(crash, store: Path) -> None:
    series = crash.crash_series(REPO, store, KILLS, SEED, MAX_DELAY_S, reason=True)
    for row in series["rows"]:
        assert row["survived"], row
        assert row["unpublished"] <= 1, row
        assert row["java_orphans"] == 0, row
        assert row["unpublished_after_query"] == 0, row
    assert series["final_build_exit"] == 0
    assert series["final_generations"] == 1 and series["final_is_published"] and series["final_answer_same"]


def test_a_build_killed_while_hermit_runs_takes_hermit_with_it(crash, store: Path) -> None:
    """HermiT is stopped (SIGSTOP) just before its build is killed, so it cannot end on its own:
    only the death signal set for it at start kills it."""
    good = crash.baseline(REPO, store)
    row = crash.kill_build(REPO, store, at_stage="reason", limit_s=300)
    assert row["stage"] == "reason" and row["java_at_kill"] >= 1, row
    assert row["java_orphans"] == 0, row
    assert row["unpublished"] == 1, "the killed build's generation is left until the next command"
    after = crash.check_after(REPO, store, good)
    assert after["survived"] and after["unpublished_after_query"] == 0, after
