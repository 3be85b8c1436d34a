"""Logic of the library-query benchmark (bench/run.py): paired, interleaved timing. No timings are
asserted."""

from __future__ import annotations

import pytest

from tests.bench.bench_module import load_bench


@pytest.fixture(scope="module")
def bench_run():
    return load_bench("run")


def test_timed_pair_interleaves_and_alternates_who_goes_first(bench_run):
    calls: list[str] = []

    def a() -> str:
        calls.append("a")
        return f"a{len(calls)}"

    def b() -> str:
        calls.append("b")
        return f"b{len(calls)}"

    ta, tb, ra, rb = bench_run.timed_pair(a, b, runs=3, warmup=1)
    assert calls == ["a", "b", "a", "b", "b", "a", "a", "b"]
    assert len(ta) == len(tb) == 3 and all(t >= 0 for t in ta + tb)
    assert (ra, rb) == ("a7", "b8"), "the last result of each"
