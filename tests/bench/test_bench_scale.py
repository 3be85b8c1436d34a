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
