"""Logic of the endpoint load test (bench/load.py): statistics and the query text sent to both
servers. No timings are asserted."""

from __future__ import annotations

import math

import pyoxigraph as ox
import pytest

from tests.bench.bench_module import load_bench


@pytest.fixture(scope="module")
def load():
    return load_bench("load")


def test_percentile_interpolates_between_closest_ranks(load):
    xs = [5.0, 1.0, 4.0, 2.0, 3.0]
    assert load.percentile(xs, 0) == 1.0
    assert load.percentile(xs, 50) == 3.0
    assert load.percentile(xs, 100) == 5.0
    assert load.percentile(xs, 95) == pytest.approx(4.8)
    assert load.percentile([1.0, 2.0], 50) == 1.5
    assert load.percentile([7.0], 95) == 7.0
    assert math.isnan(load.percentile([], 50))


def test_summary_counts_failures_apart(load):
    samples = [load.Sample("a", 0.010, 200, end=1.0), load.Sample("b", 0.030, 200, end=2.5),
               load.Sample("a", 5.0, 503, end=1.5), load.Sample("b", 0.020, 0, end=1.8)]
    s = load.summarize(samples, duration=2.0)
    assert (s["requests"], s["ok"], s["errors"]) == (4, 2, 2)
    assert s["qps"] == 1.0
    assert load.summarize(samples, duration=2.0, cutoff=2.0)["qps"] == 0.5  # b ended after the window
    assert s["p50_s"] == pytest.approx(0.020)
    assert s["max_s"] == 0.030
    assert load.per_query(samples) == {"a": 0.010, "b": 0.030}


def test_representative_run_is_the_median_throughput_repeat(load):
    runs = [{"server": s, "clients": c, "qps": q, "repeat": k}
            for k, (s, c, q) in enumerate([("oxigraph", 1, 10.0), ("oxigraph", 1, 30.0), ("oxigraph", 1, 20.0),
                                           ("conflictkg", 1, 5.0), ("conflictkg", 1, 7.0), ("conflictkg", 4, 9.0)])]
    rep = load.representative(runs)
    assert [(r["clients"], r["server"], r["qps"], r["repeats"]) for r in rep] == [
        (1, "conflictkg", 5.0, 2), (1, "oxigraph", 20.0, 3), (4, "conflictkg", 9.0, 1)]
    assert (rep[1]["qps_min"], rep[1]["qps_max"]) == (10.0, 30.0)


def test_prologue_declares_only_missing_prefixes(load):
    text = "PREFIX ck: <https://w3id.org/conflictkg/ontology#>\nprefix rdfs: <x:y>\nSELECT * { ?s ?p ?o }"
    added = load.prologue(text)
    assert "PREFIX ck:" not in added and "PREFIX rdfs:" not in added
    assert "PREFIX ckr: <https://w3id.org/conflictkg/resource/>\n" in added


def test_every_library_query_is_sent_as_self_contained_bound_text(load):
    from conflictkg.resources import default_resources
    from conflictkg.sparql.queries import load_library

    library = load_library(default_resources().queries_dir)
    prepared = load.prepared_library()
    assert [q.id for q in prepared] == sorted(library)
    assert load.prepared_library() == prepared  # deterministic
    empty = ox.Store()
    for q in prepared:
        list(empty.query(q.text, use_default_graph_as_union=True))  # parses without predeclared prefixes
        if library[q.id].params:
            assert "VALUES (" in q.text, q.id
