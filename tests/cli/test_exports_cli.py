"""``conflictkg export`` to the flat formats, run as a user would: files parsed back, misfit options refused."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest

from conflictkg.build import build_store
from conflictkg.resources import Resources

from tests.conftest import REPO, run_cli


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export-store")
    build_store(path, Resources(REPO), reason=False)
    return path


def test_export_csv_to_a_file_parses_back(store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    proc = run_cli("export", "--format", "csv", "-o", str(out), store=store_dir)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert rows and rows[0].keys() >= {"claim", "claimant_side", "points_named", "source_urls"}


@pytest.mark.parametrize(("table", "columns"), [
    ("norms", {"norm", "assessment", "status_label", "as_of"}), ("places", {"place", "name", "perspective", "longitude"}),
    ("casualty-figures", {"report", "count_min", "count_max"}), ("events", {"event", "graph", "claim"}),
    ("sources", {"source", "primary_claims", "secondary_claims"})])
def test_export_each_table_to_stdout(store_dir: Path, table: str, columns: set[str]) -> None:
    proc = run_cli("export", "--format", "csv", "--table", table, store=store_dir)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout, newline="")))
    assert len(rows) > 5 and rows[0].keys() >= columns


def test_export_graphml_of_a_view_to_stdout(store_dir: Path) -> None:
    proc = run_cli("export", "--format", "graphml", "--view", "whole", store=store_dir)
    assert proc.returncode == 0, proc.stderr
    graph = nx.read_graphml(io.BytesIO(proc.stdout.encode("utf-8")))
    assert graph.number_of_nodes() > 100


@pytest.mark.parametrize(("args", "code", "message"), [
    (("--format", "xlsx"), 2, "Invalid value for '--format'"),
    (("--format", "csv", "--table", "people"), 1, "Error: no table called 'people'"),
    (("--format", "gexf", "--view", "incident"), 1, "Error: no graph file of the 'incident' view"),
    (("--format", "trig", "--view", "whole"), 1, "Error: --table and --view apply to the flat formats"),
])
def test_export_refuses_misfit_options_with_a_clear_message(store_dir: Path, args, code, message) -> None:
    proc = run_cli("export", *args, store=store_dir)
    assert proc.returncode == code, proc.stderr
    assert message in proc.stderr and "Traceback" not in proc.stderr
