"""``conflictkg serve``: a thin command over :mod:`conflictkg.web`; registered on the main group by
:mod:`conflictkg.cli` (errors reach its one error boundary)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from conflictkg.settings import DEFAULT_WORKER_MEMORY_MB, DEFAULT_WORKERS
from conflictkg.store.oxigraph import OxigraphStore


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="TCP port.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds a query may run [default 30].")
@click.option("--max-rows", type=click.IntRange(min=1), default=None,
              help="Most rows (or triples) in one answer [default 10000].")
@click.option("--workers", type=click.IntRange(min=1), default=DEFAULT_WORKERS, show_default=True,
              help="Query worker processes: queries that run at the same time (each holds the store open).")
@click.option("--in-memory/--on-disk", "in_memory", default=None,
              help="Query copies of the store held in memory (faster, costs RAM per worker) or the store on "
                   "disk [default: the workers in memory when one copy per worker and one for the pages take at "
                   "most half the memory available, and a copy a quarter of --worker-memory; the pages when their "
                   "copy (and the workers') take at most half; see docs/architecture.md].")
@click.option("--worker-memory", type=click.IntRange(min=0), default=None, metavar="MB",
              help=f"Megabytes of memory each query worker may use; a query needing more gets 503 "
                   f"(0: no limit) [default {DEFAULT_WORKER_MEMORY_MB}].")
@click.option("--curate", is_flag=True, help="Also serve the curator's pages at /curate: draft an article, review "
              "its claims, save and validate an incident file (127.0.0.1 only).")
@click.option("--incidents-dir", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="DIR",
              help="Where --curate saves incident files [default: data/incidents of the data in use].")
@click.pass_obj
def serve(obj,  # noqa: ANN001 - the CLI's Context
          host: str, port: int, timeout: float | None, max_rows: int | None, workers: int,
          in_memory: bool | None, worker_memory: int | None, curate: bool, incidents_dir: Path | None) -> None:
    """Serve the read-only SPARQL 1.1 endpoint at http://HOST:PORT/sparql (builds the store if needed).

    Serves the store generation published when it starts, until it stops (a later build does not
    remove it); restart it to serve a newer build. With --curate, the pages under /curate write
    files, so the server listens on 127.0.0.1 only.
    """

    workbench = _workbench(obj, host, incidents_dir) if curate else None
    from conflictkg.store.directory import pinned_generation
    from conflictkg.web import create_app
    from conflictkg.web.app import serve_in_memory
    from conflictkg.web.server import run

    settings = dataclasses.replace(
        obj.settings, query_timeout_s=timeout or obj.settings.query_timeout_s,
        max_rows=max_rows or obj.settings.max_rows,
        worker_memory_mb=obj.settings.worker_memory_mb if worker_memory is None else worker_memory)
    if settings.store_url:
        obj.settings = settings
        _serve_server(obj, host, port, workbench)
        return
    obj.store().close()  # builds the store first when there is none
    with pinned_generation(settings.store_dir) as generation:
        store = OxigraphStore.open_read_only(generation)
        memory = serve_in_memory(store, in_memory, workers=workers, worker_memory_mb=settings.worker_memory_mb)
        app = create_app(store, settings, workers=workers, resources=obj.resources, in_memory=memory.workers,
                         pages_in_memory=memory.pages,
                         generation=generation, curate=workbench)
        limit = f"at most {settings.worker_memory_mb:,} MB each" if settings.worker_memory_mb else "no memory limit"
        click.echo(f"Serving {len(store):,} quads of {generation.name} from {memory.where()} "
                   f"({workers} query workers, {limit}).", err=True)
        click.echo(f"Site: http://{host}:{port}/  SPARQL endpoint: http://{host}:{port}/sparql (Ctrl-C stops)",
                   err=True)
        if workbench is not None:
            click.echo(f"Curate: http://{host}:{port}/curate (saves into {workbench.incidents_dir})", err=True)
        run(app, host=host, port=port)


def _serve_server(obj, host: str, port: int, workbench: object) -> None:
    """``serve --store URL``: the site and ``/sparql`` answered by a SPARQL server (docs/servers.md)."""
    from conflictkg.web import create_app
    from conflictkg.web.server import run

    store = obj.store()
    click.echo(f"Serving {len(store):,} quads from the SPARQL server at {obj.settings.store_url} "  # type: ignore[arg-type]
               f"(default graph: {store.union_mode}).", err=True)  # type: ignore[attr-defined]
    app = create_app(store, obj.settings, resources=obj.resources, curate=workbench)  # type: ignore[arg-type]
    click.echo(f"Site: http://{host}:{port}/  SPARQL endpoint: http://{host}:{port}/sparql (Ctrl-C stops)", err=True)
    run(app, host=host, port=port)


def _workbench(obj, host: str, incidents_dir: Path | None):  # -> curating.Workbench
    """The curator's workbench for ``serve --curate``; any host but 127.0.0.1 is a usage error (exit 2)."""
    if host != "127.0.0.1":
        raise click.UsageError(f"--curate serves pages that write files, so it listens on 127.0.0.1 only, "
                               f"not on {host!r}; leave --host out (or give --host 127.0.0.1)")
    from conflictkg.curating import Workbench

    return Workbench(obj.resources, incidents_dir or obj.resources.data_dir / "incidents")
