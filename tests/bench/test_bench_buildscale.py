"""Logic of the build-at-scale benchmark (bench/buildscale.py): the copied inputs, the stage times and the
table. No build is run and no timings are asserted."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.bench.bench_module import load_bench

R = "https://w3id.org/conflictkg/resource/"


@pytest.fixture(scope="module")
def buildscale():
    return load_bench("buildscale")


def test_a_root_holds_the_inputs_and_renamed_copies_of_the_incident_records(buildscale, tmp_path: Path):
    root = buildscale.make_root(3, out=tmp_path)
    assert {p.name for p in root.iterdir()} == {"ontology", "queries", "data"}
    copies = sorted((root / "data" / "incidents").glob("zz-copy-x*.trig"))
    assert [p.name for p in copies] == ["zz-copy-x1.trig", "zz-copy-x2.trig"]
    first = list(ox.parse(path=str(copies[0]), format=ox.RdfFormat.TRIG))
    assert len(first) == len(buildscale.incident_quads()) > 0
    subjects = {q.subject.value for q in first if isinstance(q.subject, ox.NamedNode)}
    assert any(s.startswith(R + "claim-x1-") for s in subjects)
    assert not any(s.startswith(R + "claim-x2-") for s in subjects)
    assert any(isinstance(q.object, ox.NamedNode) and q.object.value.startswith(R + "agent-") for q in first)
    assert not list((buildscale.make_root(1, out=tmp_path) / "data" / "incidents").glob("zz-copy-*"))


def test_stage_seconds_run_from_one_line_to_the_next(buildscale):
    marks = [("parse", 1.5), ("validate", 3.0), ("reason", 10.0), ("validate", 12.0)]
    assert buildscale.stage_seconds(marks, 20.0) == {"start_s": 1.5, "parse_s": 1.5, "validate_s": 15.0,
                                                     "reason_s": 2.0}
    assert buildscale.stage_seconds([], 4.25) == {"start_s": 4.25}


def test_table_has_every_column_any_row_has(buildscale):
    lines = buildscale.table([{"scale": 1, "quads": 37414, "wall_s": 23.85},
                              {"scale": 27, "quads": 1000000, "wall_s": 300.0, "peak_mb": 2000}]).splitlines()
    assert lines[0] == "| scale | quads | wall_s | peak_mb |"
    assert lines[2] == "| 1 | 37,414 | 23.85 |  |" and lines[3] == "| 27 | 1,000,000 | 300.0 | 2,000 |"


def test_peaks_keep_the_tree_s_highest_sum_and_each_stage_s_own_and_children_s_highest(buildscale):
    peaks = buildscale.Peaks()
    peaks.sample(100 * 1024, 0)
    peaks.stage = "reason"
    peaks.sample(300 * 1024, 900 * 1024)
    peaks.sample(500 * 1024, 200 * 1024)
    peaks.stage = "infer"
    peaks.sample(700 * 1024, 0)
    assert peaks.columns() == {"peak_mb": 1200, "start_mb": 100, "reason_mb": 500, "reason_jvm_mb": 900,
                               "infer_mb": 700}


def test_tree_rss_splits_the_process_from_its_children(buildscale):
    import os
    import subprocess
    import time

    child = subprocess.Popen(["sleep", "5"])
    try:
        time.sleep(0.2)
        own, children = buildscale.tree_rss_kb(os.getpid())
        assert own > 1000 and 0 < children < own
    finally:
        child.kill()
        child.wait()
