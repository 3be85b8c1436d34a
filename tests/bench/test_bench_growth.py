"""Logic of the library questions' growth benchmark (bench/growth.py): the growth figure and the table.
No store is built and no timings are asserted."""

from __future__ import annotations

import pytest

from tests.bench.bench_module import load_bench


@pytest.fixture(scope="module")
def growth():
    return load_bench("growth")


def test_growth_is_time_over_the_larger_of_input_and_output_growth(growth):
    small = {"rows": 10, "s": 0.01}
    # 10x the quads, 10x the rows, 10x the time: grows as its input and output, 1.0
    assert growth.growth(small, {"rows": 100, "s": 0.1}, 1000, 10_000) == pytest.approx(1.0)
    # the same rows (an aggregate): judged by the input alone; 20x the time for 10x the quads is 2.0
    assert growth.growth(small, {"rows": 10, "s": 0.2}, 1000, 10_000) == pytest.approx(2.0)
    # 50x the rows for 10x the quads: the output bounds it
    assert growth.growth(small, {"rows": 500, "s": 0.5}, 1000, 10_000) == pytest.approx(1.0)
    assert growth.growth({"rows": 0, "s": 0.01}, {"rows": 0, "s": 0.1}, 1000, 10_000) == pytest.approx(1.0)


def test_table_flags_only_questions_timed_above_the_fixed_cost(growth):
    floor = ({"rows": 100, "s": 0.01}, {"rows": 1000, "s": 0.2})  # 20x the time for 10x the rows: 2.0
    found = [{"quads": 1000, "floor": floor[0],
              "questions": {"fast": {"rows": 1, "s": 0.001}, "slow": {"rows": 1, "s": 0.01},
                            "engine-like": {"rows": 1, "s": 0.01}}},
             {"quads": 10_000, "floor": floor[1],
              "questions": {"fast": {"rows": 1, "s": 0.05}, "slow": {"rows": 1, "s": 0.5},
                            "engine-like": {"rows": 1, "s": 0.15}}}]
    lines = growth.table([1, 10], found).splitlines()
    assert lines[0] == "| question | 1x rows / ms | 10x rows / ms | growth 1x→10x | ÷ engine floor |"
    assert lines[2] == "| (quads) | 1,000 | 10,000 | | |"
    assert lines[3] == "| (engine floor: every claims-graph triple) | 100 / 10.0 | 1,000 / 200.0 | 2.00 | 1.00 |"
    assert lines[4] == "| `fast` | 1 / 1.0 | 1 / 50.0 | 5.00 | 2.50 |"  # 1 ms at 1x: mostly fixed cost, not judged
    assert lines[5] == "| `slow` | 1 / 10.0 | 1 / 500.0 | 5.00 **over** | 2.50 **over** |"
    # over its input, but slower-growing than the engine's own read of its input
    assert lines[6] == "| `engine-like` | 1 / 10.0 | 1 / 150.0 | 1.50 **over** | 0.75 |"


def test_the_child_process_code_compiles(growth):
    # the code each store's process runs is a string: a quoting slip shows only when the bench runs
    compile(growth.CHILD, "growth-child", "exec")
