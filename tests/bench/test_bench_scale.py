"""Logic of the serve-at-scale benchmark (bench/scale.py): the renamed copies and the table.
No server is started and no timings are asserted."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from tests.bench.bench_module import load_bench

R = "https://w3id.org/conflictkg/resource/"
G = "https://w3id.org/conflictkg/graph/"
P = ox.NamedNode("https://w3id.org/conflictkg/ontology#p")


@pytest.fixture(scope="module")
def scale():
    return load_bench("scale")


def test_copies_rename_incident_records_and_share_the_rest(scale):
    claim, agent = ox.NamedNode(R + "claim-a"), ox.NamedNode(R + "agent-armenia")
    quads = [ox.Quad(claim, P, agent, ox.NamedNode(G + "claim-a")),
             ox.Quad(agent, P, ox.Literal("Armenia"), ox.NamedNode(G + "reference"))]
    out = list(scale.scaled(quads, 3))
    assert out[:2] == quads and len(out) == 4  # the agent's own quad is not copied
    assert {q.subject.value for q in out[2:]} == {R + "claim-x1-a", R + "claim-x2-a"}
    assert {q.graph_name.value for q in out[2:]} == {G + "claim-x1-a", G + "claim-x2-a"}
    assert all(q.object == agent for q in out[2:])
    assert list(scale.scaled(quads, 1)) == quads


def test_table_has_a_row_per_scale_and_every_column(scale):
    text = scale.table([{"scale": 1, "quads": 22315, "sparql_s": 1.234}, {"scale": 10, "quads": 200000}])
    lines = text.splitlines()
    # only the columns some row measured, in the order of COLUMNS (--startup measures no pages)
    assert len(lines) == 4 and lines[0].count("|") == 3 + 1
    assert lines[0].split("|")[1:-1] == [f" {c} " for c in ("scale", "quads", "sparql_s")]
    assert "| 1 | 22,315 | 1.23 |" in lines[2] and "| 10 | 200,000 |" in lines[3]
    every = scale.table([{c: 1 for c in scale.COLUMNS}])
    assert every.splitlines()[0].count("|") == len(scale.COLUMNS) + 1


def test_pages_table_has_a_line_per_measured_page_and_columns_per_scale(scale):
    rows = [{"scale": 1, "home_first_s": 0.0123, "home_repeat_s": 0.01, "home_bytes": 8172},
            {"scale": 10, "home_first_s": 0.5, "home_repeat_s": 0.25, "home_bytes": 344_000, "clause_bytes": 9_500}]
    lines = scale.pages_table(rows).splitlines()
    assert lines[0] == ("| page | path | 1x first s | 1x repeat s | 1x kB | 10x first s | 10x repeat s | 10x kB |")
    assert lines[2] == "| home | `/` | 0.01 | 0.01 | 8 | 0.50 | 0.25 | 344 |"
    assert lines[3] == "| clause | `/resource/agreement-tri2020-p6` |  |  |  |  |  | 10 |"  # blank: not measured
    assert len(lines) == 4  # pages no scale measured are left out
    over = scale.pages_table([{"scale": 100, "page_limit_s": 120.0, "clauseview_first_s": float("inf"),
                               "clauseview_bytes": 0}]).splitlines()
    assert over[2] == "| clauseview | `/network/clause?clause=6` | >120 |  |  |"  # past --page-limit
    assert set(scale.PAGE_COLUMNS) <= set(scale.COLUMNS)


def test_settled_waits_until_the_process_is_idle(scale):
    import subprocess
    import sys
    import time

    busy = subprocess.Popen([sys.executable, "-c", "import time\nwhile time.process_time() < 1.0: pass"])
    try:
        start = time.monotonic()
        waited = scale.settled(busy.pid, start, share=0.05, window=0.5)
        assert waited >= 1.0  # busy for 1 CPU second, idle once it has left the loop (a zombie uses no CPU)
        assert scale.cpu_s(busy.pid) >= 0.9  # in clock ticks (10 ms)
    finally:
        busy.kill()
        busy.wait()


def test_chromium_table_has_a_line_per_view_and_marks_the_limit(scale):
    rows = [{"scale": 37, "page_limit_s": 60.0, "network_chromium_first_s": 0.5612, "network_chromium_repeat_s": 0.19,
             "clauseview_chromium_first_s": float("inf")}]
    lines = scale.chromium_table(rows).splitlines()
    assert lines[0] == "| view | path | 37x ready first s | 37x ready repeat s |"
    assert len(lines) == 2 + len(scale.VIEWS) and set(scale.VIEWS) <= set(scale.PAGES)
    assert lines[2] == "| network | `/network/whole` | 0.56 | 0.19 |"
    assert lines[-1] == "| clauseview | `/network/clause?clause=6` | >60 |  |"  # not ready within the limit
