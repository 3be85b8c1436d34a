"""Logic of bench/rowcost.py (the padding and the per-row table) on a tiny in-memory store; no timings asserted."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from conflictkg.store.oxigraph import OxigraphStore
from tests.bench.bench_module import load_bench

CK = "https://w3id.org/conflictkg/ontology#"
CLAIMS = ox.NamedNode("https://w3id.org/conflictkg/graph/claims")


@pytest.fixture(scope="module")
def rowcost():
    return load_bench("rowcost")


def test_padding_fills_the_store_with_quads_no_question_reads(rowcost):
    store = OxigraphStore(ox.Store())
    store._inner.add(ox.Quad(ox.NamedNode("urn:claim:1"), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                             ox.NamedNode(CK + "Claim"), CLAIMS))
    rowcost.padded(store, 101)
    assert len(store) == 101
    assert [str(g) for g in store.graph_names()] == ["https://w3id.org/conflictkg/graph/claims", "urn:x-padding:graph"]
    assert len(store.query(rowcost.CLAIMS % 10).rows) == 1


def test_rows_touched_gives_one_line_per_limit(rowcost):
    store = OxigraphStore(ox.Store())
    lines = rowcost.rows_touched(store, runs=1)
    assert lines[0].startswith("| rows (LIMIT) |")
    assert len(lines) == 2 + len(rowcost.LIMITS)
