"""Logic of the engines benchmark (bench/engines.py): answers compared as multisets, the table.
No server is started and no timings are asserted."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from conflictkg.store import Result
from tests.bench.bench_module import load_bench


@pytest.fixture(scope="module")
def engines():
    return load_bench("engines")


def test_answers_ignore_row_order_and_blank_node_labels(engines):
    a = Result("select", ["x"], [(ox.BlankNode("one"),), (ox.Literal("b"),), (None,)])
    b = Result("select", ["x"], [(None,), (ox.Literal("b"),), (ox.BlankNode("two"),)])
    assert engines.answers(a) == engines.answers(b)
    assert engines.answers(Result("select", ["x"], [(ox.Literal("c"),)])) != engines.answers(b)
    assert engines.answers(Result("ask", boolean=True)) is True


def test_table_marks_a_differing_answer_and_sums_each_engine(engines):
    out = engines.table({"embedded": {"q1": (0.010, [1]), "q2": (0.020, [2])},
                         "server": {"q1": (0.030, [1]), "q2": (0.001, "error: refused")}})
    assert "| q1 | 10 | 30 |" in out
    assert "| q2 | 20 | 1 ≠ |" in out
    assert "| **all** | **30** | **31** |" in out
    assert "server: 1 of 2 differ" in out
