"""Logic of the engines benchmark (bench/engines.py): answers compared as multisets, agreement with
the embedded store (a timeout and an error told apart), the tables. No server is started and no
timings are asserted."""

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


def test_agreement_tells_a_timeout_an_error_and_a_different_answer_apart(engines):
    assert engines.agreement([1], [1]) == "yes"
    assert engines.agreement([2], [1]) == "no"
    assert engines.agreement("error: refused", "error: refused") == "no"
    assert engines.agreement(engines.TIMEOUT, [1]) == "timeout"
    assert engines.agreement([1], engines.TIMEOUT) == "—"


def test_table_marks_a_differing_answer_an_error_and_a_timeout_and_sums_each_engine(engines):
    out = engines.table({"embedded": {"q1": (0.010, [1]), "q2": (0.020, [2]), "q3": (0.5, [3])},
                         "server": {"q1": (0.030, [0]), "q2": (0.001, "error: refused"), "q3": (30.0, "timeout")}})
    assert "| q1 | 10 | 30 ≠ |" in out
    assert "| q2 | 20 | 1 E |" in out
    assert "| q3 | 500 | > 30 s T |" in out
    assert "| **all** | **530** | **30031** |" in out
    assert "server: 2 of 3 differ" in out


def test_summary_counts_over_the_answered_questions_and_compares_with_the_embedded_store(engines):
    embedded = engines.EngineRun("embedded", {"q1": (0.1, [1]), "q2": (0.2, [2]), "q3": (2.0, [3])})
    server = engines.EngineRun("server", {"q1": (0.2, [1]), "q2": (1.5, [0]), "q3": (30.0, engines.TIMEOUT)},
                               load_s=12.0, loadavg=(1.0, 2.0))
    row = engines.summary_row(server, embedded.outcomes)
    assert (row["questions"], row["agree"], row["differ"], row["timeouts"], row["over_1s"]) == (3, 1, 1, 1, 1)
    assert row["max_s"] == 1.5 and row["median_s"] == pytest.approx(0.85)
    assert row["sum_ratio"] == pytest.approx(1.7 / 0.3) and row["median_ratio"] == pytest.approx(0.85 / 0.15)
    out = engines.summary([embedded, server])
    assert "| embedded | — |" in out and "| server | 12 |" in out and "1 of 3" in out and "1.0 → 2.0" in out


def test_p90_is_linear_between_closest_ranks(engines):
    assert engines.p90([1.0]) == 1.0
    assert engines.p90([float(v) for v in range(11)]) == pytest.approx(9.0)
