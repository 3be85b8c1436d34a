"""Logic of the network settle benchmark (bench/settle.py): medians, failures, the offline check.
No browser is started and no timings are asserted."""

from __future__ import annotations

import pytest

from tests.bench.bench_module import load_bench


@pytest.fixture(scope="module")
def settle():
    return load_bench("settle")


def run(wall: float, ready_ms: float) -> dict:
    return {"error": None, "wall_s": wall, "ready_ms": ready_ms, "nodes": 10, "edges": 9}


def test_medians_skip_failed_runs_and_count_them(settle):
    runs = [run(1.0, 800), run(3.0, 2500), {"error": "HTTP 404"}, run(1.2, 900)]
    s = settle.summarize_runs(runs)
    assert (s["runs"], s["ready"], s["errors"]) == (4, 3, ["HTTP 404"])
    assert s["wall_median_s"] == 1.2 and s["ready_ms_median_s"] == 0.9
    assert (s["wall_min_s"], s["wall_max_s"]) == (1.0, 3.0)
    assert s["first_wall_s"] == 1.0
    assert settle.summarize_runs([{"error": "x"}, run(1.0, 900)])["first_wall_s"] is None
    assert s["meets_target"] is True


def test_target_is_judged_on_the_slower_clock(settle):
    assert settle.summarize_runs([run(2.1, 1500)])["meets_target"] is False
    assert settle.summarize_runs([run(1.5, 2100)])["meets_target"] is False


def test_no_ready_run_reports_errors_only(settle):
    s = settle.summarize_runs([{"error": "not ready"}, {"error": "not ready"}])
    assert s == {"runs": 2, "ready": 0, "errors": ["not ready"]}


def test_only_requests_leaving_the_machine_are_flagged(settle):
    assert not settle.outside("file:///tmp/x.html")
    assert not settle.outside("http://127.0.0.1:8000/network/whole")
    assert not settle.outside("data:text/html,x")
    assert settle.outside("https://unpkg.com/vis-network/standalone/umd/vis-network.min.js")


def test_fixture_keeps_the_readiness_contract(settle):
    html = settle.FIXTURE.read_text()
    assert "window.ckgNetwork" in html and "ready: true" in html and "readyMs: performance.now()" in html
