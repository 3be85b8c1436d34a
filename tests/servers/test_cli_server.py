"""The command line with ``--store URL``: query, stats, export against a server; publish into one."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO, run_cli
from tests.sparql_servers import Server, free_port, oxigraph_server


def test_query_stats_and_export_against_a_server(oxigraph_union: Server, shipped_dir: Path) -> None:
    here = run_cli("stats", "--format", "csv", store=shipped_dir)
    there = run_cli("stats", "--format", "csv", env={"CONFLICTKG_STORE": oxigraph_union.query})
    assert there.returncode == 0, there.stderr
    assert there.stdout == here.stdout
    asked = run_cli("--store", oxigraph_union.query, "query", "clause-texts", "-p", "clause_number=6",
                    "--format", "json")
    assert asked.returncode == 0 and '"bindings"' in asked.stdout
    exported = run_cli("--store", oxigraph_union.query, "export", "--format", "nquads")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.count("\n") == run_cli("export", "--format", "nquads", store=shipped_dir).stdout.count("\n")


def test_publish_a_release_lists_graphs_and_counts(tmp_path: Path, shipped_dir: Path) -> None:
    made = run_cli("release", str(tmp_path / "rel"), "--date", "2026-01-01", store=shipped_dir)
    assert made.returncode == 0, made.stderr
    with oxigraph_server(tmp_path / "db", union=True) as server:
        done = run_cli("publish", "--to", server.graph_store, "--release", str(tmp_path / "rel"))
        assert done.returncode == 0, done.stderr
        lines = dict(line.split("\t")[::-1] for line in done.stdout.splitlines())
        assert int(lines["https://w3id.org/conflictkg/graph/claims"]) > 1000
        assert f"named graphs from {tmp_path / 'rel'} to {server.graph_store}" in done.stderr
        total = sum(map(int, lines.values()))
        counted = run_cli("--store", server.query, "sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                          "--format", "csv")
        assert counted.stdout.split()[-1] == str(total)


def test_a_server_that_is_down_is_exit_1_with_a_hint() -> None:
    down = f"http://127.0.0.1:{free_port()}/query"
    done = run_cli("--store", down, "query", "clause-texts", "-p", "clause_number=6")
    assert done.returncode == 1
    assert f"Error: cannot reach the server at {down}" in done.stderr
    assert "Hint: check the URL and that the server is running" in done.stderr
    assert "Traceback" not in done.stderr


def test_build_and_publish_refuse_a_server_as_their_source() -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    built = run_cli("--store", url, "build", "--no-reason")
    assert built.returncode == 1 and "build writes the embedded store" in built.stderr
    published = run_cli("--store", url, "publish", "--to", url.replace("/query", "/store"))
    assert published.returncode == 1 and "--store names a server" in published.stderr


def test_serve_over_a_server_says_so_and_answers(oxigraph_union: Server) -> None:
    import subprocess
    import sys
    import time

    import httpx

    port = free_port()
    argv = [sys.executable, "-m", "conflictkg", "--root", str(REPO), "--store", oxigraph_union.query,
            "serve", "--port", str(port)]
    process = subprocess.Popen(argv, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        deadline, home = time.monotonic() + 120, None
        while time.monotonic() < deadline and home is None:
            try:
                home = httpx.get(f"http://127.0.0.1:{port}/", timeout=120)
            except httpx.TransportError:
                time.sleep(0.3)
        assert home is not None and home.status_code == 200
        asked = httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK { ?s a ck:Claim }"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=60)
        assert asked.json()["boolean"] is True
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=30)
    assert f"from the SPARQL server at {oxigraph_union.query} (default graph: server)" in err


def test_the_python_api_reads_a_server_as_it_reads_the_embedded_store(oxigraph_union: Server,
                                                                      shipped_dir: Path) -> None:
    import conflictkg

    with conflictkg.open(shipped_dir, root=REPO) as here, conflictkg.open(oxigraph_union.query, root=REPO) as there:
        assert there.server == oxigraph_union.query and there.generation is None
        assert repr(there) == f"<conflictkg.KnowledgeGraph {oxigraph_union.query}>"
        ours = here.query("clause-texts", as_rows=True, clause_number=6)
        assert there.query("clause-texts", as_rows=True, clause_number=6) == ours and ours
        assert there.sparql("ASK { ?s a ck:Claim }") is True
        assert [h.iri for h in there.find("Parukh")] == [h.iri for h in here.find("Parukh")]
