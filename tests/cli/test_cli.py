"""The command line as a user runs it: outputs, formats, exit codes (0, 1, 2, 3)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import UNSOURCED_CLAIM, run_cli


def test_first_use_without_java_fails_clearly(tmp_path: Path) -> None:
    store = tmp_path / "fresh"
    proc = run_cli("query", "graph-sizes", "--format", "csv", store=store, env={"PATH": "/nonexistent"})
    # The implicit build needs HermiT; without Java it stops with a message naming the fix.
    assert proc.returncode == 1
    assert not (store / "current").exists()
    assert "building it first" in proc.stderr and "Java" in proc.stderr


@pytest.mark.java
def test_query_builds_store_on_first_use(tmp_path: Path) -> None:
    store = tmp_path / "fresh"
    proc = run_cli("query", "graph-sizes", "--format", "csv", store=store)
    assert proc.returncode == 0, proc.stderr
    assert "building it first" in proc.stderr and "HermiT" in proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert {"graph", "triples"} <= set(rows[0])
    assert any(r["graph"].endswith("/graph/reference") for r in rows)
    assert "Inferred facts: " in proc.stderr and "class-membership " in proc.stderr  # counts per rule
    assert any(r["graph"].endswith("/graph/inferred") and int(r["triples"]) > 5000 for r in rows)


def test_queries_lists_the_library(built_store: Path) -> None:
    proc = run_cli("queries", store=built_store)
    assert proc.returncode == 0
    ids = [line.split("\t")[0] for line in proc.stdout.splitlines()]
    assert "graph-sizes" in ids and len(ids) >= 17


def test_query_json_is_sparql_results_json(built_store: Path) -> None:
    proc = run_cli("query", "class-counts", "--format", "json", store=built_store)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["head"]["vars"] == ["class", "graph_kind", "instances"]
    assert any(b["class"]["value"].endswith("#Claim") for b in doc["results"]["bindings"])


def test_sparql_ad_hoc_with_predeclared_prefixes(built_store: Path) -> None:
    proc = run_cli("sparql", "SELECT ?n WHERE { GRAPH ckg:reference { ?c ck:clauseNumber ?n } } ORDER BY ?n",
                   "--format", "tsv", store=built_store)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "?n" and len(lines) >= 10


def test_invalid_sparql_names_the_position(built_store: Path) -> None:
    proc = run_cli("sparql", "SELECT * WHERE {\n ?s ?p }", store=built_store)
    assert proc.returncode == 1
    assert "line 2, column" in proc.stderr


def test_unknown_query_and_parameter_list_what_exists(built_store: Path) -> None:
    proc = run_cli("query", "no-such-question", store=built_store)
    assert proc.returncode == 1 and "graph-sizes" in proc.stderr
    proc = run_cli("query", "graph-sizes", "-p", "nope=1", store=built_store)
    assert proc.returncode == 1 and "no parameter nope" in proc.stderr


def test_usage_error_exits_2(built_store: Path) -> None:
    proc = run_cli("query", store=built_store)
    assert proc.returncode == 2


@pytest.mark.parametrize("fmt,marker", [("trig", b"ckg:reference {"), ("nquads", b"> <https://w3id.org/conflictkg/graph/"),
                                        ("turtle", b"@prefix"), ("jsonld", b"@id")])
def test_export_formats(built_store: Path, tmp_path: Path, fmt: str, marker: bytes) -> None:
    out = tmp_path / f"dump.{fmt}"
    proc = run_cli("export", "--format", fmt, "-o", str(out), store=built_store)
    assert proc.returncode == 0, proc.stderr
    assert marker in out.read_bytes()


def test_stats_counts_classes_and_graphs(built_store: Path) -> None:
    proc = run_cli("stats", store=built_store)
    assert proc.returncode == 0, proc.stderr
    assert "ck:Claim" in proc.stdout and "ckg:reference" in proc.stdout


def test_validate_bad_turtle_exits_1_with_file_and_line(tmp_path: Path, built_store: Path) -> None:
    bad = tmp_path / "incident.trig"
    bad.write_text("@prefix ckg: <https://w3id.org/conflictkg/graph/> .\nckg:claims {\n <a> <b> .\n}\n",
                   encoding="utf-8")
    proc = run_cli("validate", str(bad), store=built_store)
    assert proc.returncode == 1
    assert f"{bad}:3" in proc.stderr


def test_validate_nonconforming_file_exits_3(tmp_path: Path, built_store: Path) -> None:
    bad = tmp_path / "incident.trig"
    bad.write_text(
        UNSOURCED_CLAIM,
        encoding="utf-8",
    )
    proc = run_cli("validate", str(bad), store=built_store)
    assert proc.returncode == 3, proc.stderr
    assert "ckr:claim-test-unsourced" in proc.stderr and str(bad) in proc.stderr


def test_validate_shipped_data_conforms(built_store: Path) -> None:
    proc = run_cli("validate", store=built_store)
    assert proc.returncode == 0, proc.stderr
    assert "Conforms" in proc.stdout
