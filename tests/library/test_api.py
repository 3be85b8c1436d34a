"""The Python API (``conflictkg.open()``) on the shipped data: DataFrames with typed columns, rows
without pandas, the whole dataset in rdflib, the search of ``conflictkg find``, typed errors."""

from __future__ import annotations

import csv
import datetime
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import conflictkg
from conflictkg.api import Hit, KnowledgeGraph
from conflictkg.errors import QueryError, QueryRefused, StoreError
from conflictkg.rdf.namespaces import expand_curie
from conflictkg.store.directory import is_pinned
from tests.conftest import REPO, run_cli

PARUKH = "ckr:incident-2022-03-24-parukh-farrukh"


@pytest.fixture
def kg(built_store: Path) -> Iterator[KnowledgeGraph]:
    with conflictkg.open(store=built_store, root=REPO) as graph:
        yield graph


def cli_csv(store: Path, *args: str) -> list[dict[str, str]]:
    proc = run_cli(*args, "--format", "csv", store=store)
    assert proc.returncode == 0, proc.stderr
    return list(csv.DictReader(io.StringIO(proc.stdout)))


def test_all_claims_in_two_lines(kg: KnowledgeGraph, built_store: Path) -> None:
    """The README's example: a DataFrame of every claim, the same rows as the command line's CSV."""
    df = kg.query("all-claims")
    assert isinstance(df, pd.DataFrame)
    expected = cli_csv(built_store, "query", "all-claims")
    assert len(df) == len(expected) > 400
    assert list(df.columns) == list(expected[0])
    assert df["claim"].tolist() == [row["claim"] for row in expected]  # full IRIs, in the query's order
    assert pd.api.types.is_datetime64_any_dtype(df["claim_date"])
    undated = [i for i, row in enumerate(expected) if row["claim_date"] == ""]
    assert undated and df["claim_date"].iloc[undated].isna().all()  # no date: NaT, never a guess
    dated = next(i for i, row in enumerate(expected) if row["claim_date"])
    assert df["claim_date"].iloc[dated] == pd.Timestamp(expected[dated]["claim_date"])


def test_numbers_are_numbers_and_parameters_are_bound(kg: KnowledgeGraph, built_store: Path) -> None:
    df = kg.query("incident-casualty-figures", incident=PARUKH)
    expected = cli_csv(built_store, "query", "incident-casualty-figures", "-p", f"incident={PARUKH}")
    assert len(df) == len(expected) > 0
    assert pd.api.types.is_numeric_dtype(df["count_min"])
    assert df["count_min"].tolist() == [int(row["count_min"]) for row in expected]
    norms = kg.query("clause-norms")
    assert str(norms["clause_number"].dtype) == "int64" and sorted(set(norms["clause_number"])) == list(range(1, 10))


def test_python_values_as_parameters(kg: KnowledgeGraph) -> None:
    """An int, a date or a CURIE is checked against the declared type like a command-line value."""
    as_int = kg.query("clause-version-differences", clause_number=6, as_rows=True)
    as_text = kg.query("clause-version-differences", clause_number="6", as_rows=True)
    assert as_int == as_text and len(as_int) > 0
    with pytest.raises(QueryError, match="clause_number needs an integer"):
        kg.query("clause-version-differences", clause_number="six")
    with pytest.raises(QueryError, match="must be a string, number, date or boolean"):
        kg.query("clause-version-differences", clause_number=[6])
    window = {"from": datetime.date(2022, 3, 20), "to": datetime.date(2022, 3, 31)}  # `from` is a keyword
    assert kg.query("events-in-window", **window, as_rows=True) == kg.query(
        "events-in-window", **{"from": "2022-03-20", "to": "2022-03-31"}, as_rows=True) != []


def test_rows_on_request(kg: KnowledgeGraph) -> None:
    rows = kg.query("incident-thread", incident=PARUKH, as_rows=True)
    assert isinstance(rows, list) and rows and isinstance(rows[0], dict)
    assert all(isinstance(r["claim"], str) and r["claim"].startswith("https://") for r in rows)


def test_sparql_with_the_project_prefixes(kg: KnowledgeGraph) -> None:
    df = kg.sparql("SELECT ?n ?label WHERE { GRAPH ckg:reference { ckr:agreement-tri2020 ck:hasClause ?c . "
                   "?c ck:clauseNumber ?n ; rdfs:label ?label } } ORDER BY ?n")
    assert df["n"].tolist() == list(range(1, 10)) and df["label"][0] == "Point 1 — ceasefire"
    assert kg.sparql("ASK { ckr:agreement-tri2020 ck:hasClause ?c }") is True
    triples = kg.sparql("CONSTRUCT { ckr:agreement-tri2020 ck:hasClause ?c } WHERE { ckr:agreement-tri2020 ck:hasClause ?c }")
    assert list(triples.columns) == ["subject", "predicate", "object"] and len(triples) == 9


def test_errors_are_the_librarys_typed_errors(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="unknown query 'no-such-question'") as unknown:
        kg.query("no-such-question")
    assert "all-claims" in (unknown.value.hint or "")
    with pytest.raises(QueryError, match="line 1"):
        kg.sparql("SELECT ?x WHERE { ?x ?y }")
    with pytest.raises(QueryRefused, match="SERVICE is not allowed"):
        kg.sparql("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="read-only"):
        kg.sparql("INSERT DATA { ckr:a ckr:b ckr:c }")


def test_the_dataset_is_the_whole_store(kg: KnowledgeGraph) -> None:
    ds = kg.dataset()
    graphs = {str(g.identifier) for g in ds.graphs() if str(g.identifier) != "urn:x-rdflib:default"}
    assert graphs == set(kg.sparql("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")["g"]) and len(graphs) > 50
    quads = len(list(ds.quads((None, None, None, None))))
    assert quads == int(kg.sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")["n"][0])


def test_find_gives_the_hits_of_conflictkg_find(kg: KnowledgeGraph, built_store: Path) -> None:
    hits = kg.find("Fərrux")
    assert Hit(expand_curie("ckr:place-parukh-farrukh"), "Parukh / Farrukh", "Fərrux", "place", "exact") == hits[0]
    proc = run_cli("find", "Fərrux", store=built_store)
    assert [expand_curie(line.split()[0]) for line in proc.stdout.splitlines()] == [h.iri for h in hits]
    assert kg.find("no such name anywhere") == []


def test_the_store_setting_is_the_command_lines(built_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFLICTKG_STORE", str(built_store))
    with conflictkg.open(root=REPO) as graph:
        assert graph.store_dir == built_store and graph.generation == (built_store / "current").resolve()


def test_the_generation_is_pinned_while_open(built_store: Path) -> None:
    """A build meanwhile must not remove what a notebook is reading; closing lets it."""
    graph = conflictkg.open(store=built_store, root=REPO)
    assert is_pinned(graph.generation)
    graph.close()
    assert not is_pinned(graph.generation)


def test_a_foreign_directory_is_refused_before_anything_is_built(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="is not a conflictkg store"):
        conflictkg.open(store=tmp_path, root=REPO)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def run_python(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=300,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_without_pandas_the_answers_are_rows(built_store: Path) -> None:
    out = run_python(
        "import sys; sys.modules['pandas'] = None  # as if it were not installed\n"
        "import conflictkg\n"
        f"kg = conflictkg.open(store={str(built_store)!r})\n"
        "rows = kg.query('clause-norms')\n"
        "print(type(rows).__name__, type(rows[0]).__name__, type(rows[0]['clause_number']).__name__)\n"
        "from conflictkg.sparql.frames import frame\n"
        "from conflictkg.store import Result\n"
        "try:\n    frame(Result('select', ['x'], []))\n"
        "except conflictkg.api.QueryError as exc:\n    print(exc.hint)\n")
    assert out.splitlines() == ["list dict int", "pip install 'conflictkg[pandas]', or ask for rows (as_rows=True)"]


def test_import_conflictkg_imports_nothing_else() -> None:
    """``import conflictkg`` stays instant: the API, the store and pandas load when ``open`` is read."""
    out = run_python("import sys, conflictkg\n"
                     "print(sorted(m for m in sys.modules if m.startswith(('conflictkg.', 'pandas', 'pyoxigraph', "
                     "'rdflib'))))\n"
                     "import conflictkg.api\n"
                     "print(conflictkg.open is conflictkg.api.open)")
    assert out.splitlines() == ["[]", "True"]
