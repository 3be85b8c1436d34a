"""The ``conflictkg`` command: a thin skin over the library (one error boundary, in :func:`main`).

Exit codes: 0 success; 1 error (:class:`~conflictkg.errors.ConflictKGError`); 2 usage error;
3 the data does not conform.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import click

from conflictkg import __version__
from conflictkg.cli_files import write_output
from conflictkg.errors import ConflictKGError, DataNotConformant, InputError, StoreError
from conflictkg.resources import Resources, default_resources
from conflictkg.sparql.results import RESULT_FORMATS, render
from conflictkg.settings import SHACL_ENGINES, STORE_ENV, Settings, split_store
from conflictkg.store import Result, Store
from conflictkg.store.oxigraph import OxigraphStore


class Context:
    """What every command needs: settings and the shipped resources (no global state)."""

    def __init__(self, settings: Settings, resources: Resources) -> None:
        self.settings = settings
        self.resources = resources

    def store(self) -> Store:
        """Open the store: the server given as ``--store URL``, else the embedded store, building it
        first when it does not exist yet (said on stderr)."""
        if self.settings.store_url:
            from conflictkg.store.remote import RemoteStore

            return RemoteStore(self.settings.store_url, timeout_s=self.settings.query_timeout_s,
                               max_depth=self.settings.max_query_depth)
        return self.embedded()

    def embedded(self) -> OxigraphStore:
        """Open the embedded store, building it first when it does not exist yet (said on stderr)."""
        from conflictkg.store import directory as storedir

        if not storedir.store_exists(self.settings.store_dir):
            storedir.claim(self.settings.store_dir)  # refuse a file or a foreign directory before saying anything
            click.echo(f"No store at {self.settings.store_dir}; building it first (conflictkg build)…", err=True)
            self.build()
        store = storedir.open_store(self.settings.store_dir)
        store.max_depth = self.settings.max_query_depth
        return store

    def build(self, *, list_warnings: bool = False) -> None:
        from conflictkg.build import build_store
        from conflictkg.file_report import warnings_summary

        if self.settings.store_url:
            raise StoreError(f"build writes the embedded store, not the server at {self.settings.store_url}",
                             hint="build into a directory (--store DIR), then load it into the server with "
                                  "`conflictkg publish --to GRAPH-STORE-URL`")
        from conflictkg.cli_render import BuildProgress

        progress = BuildProgress()
        try:
            result = build_store(self.settings.store_dir, self.resources, reason=self.settings.reason,
                                 shacl=self.settings.shacl_engine, progress=progress)
        finally:
            progress.close()
        parts = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
        click.echo(f"Built {result.quads} quads in {result.graphs} named graphs at {result.store_dir} ({parts}).",
                   err=True)
        if result.reasoner:
            r = result.reasoner
            merged = f"; {r.merged_nodes:,} claim nodes merged into {r.representatives:,}" if r.merged_nodes else ""
            click.echo(f"OWL consistency: HermiT found the ontology and reference data consistent "
                       f"({r.triples:,} triples{merged}, {r.seconds:.1f}s).", err=True)
        if result.inference:
            click.echo(f"Inferred facts: {result.inference.summary()} in ckg:inferred.", err=True)
        if list_warnings:
            for w in result.report.warnings:
                click.echo(w.text(), err=True)
        click.echo(warnings_summary(result.report.warnings), err=True)


pass_ctx = click.make_pass_decorator(Context)
format_option = click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table",
                             show_default=True, help="Output format (json = SPARQL 1.1 Query Results JSON).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="conflictkg")
@click.option("--store", "store_dir", type=str, envvar=STORE_ENV, default=None, metavar="DIR|URL",
              help=f"Directory of the embedded store, or a SPARQL 1.1 server's query endpoint (http(s)://…; "
                   f"docs/servers.md) [env {STORE_ENV}; default ~/.local/share/conflictkg/store].")
@click.option("--root", type=click.Path(exists=True, file_okay=False, path_type=Path), envvar="CONFLICTKG_ROOT",
              default=None, help="Use ontology/, queries/ and data/ from this directory (a checkout) "
              "instead of the shipped copies [env CONFLICTKG_ROOT].")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, store_dir: str | None, root: Path | None, debug: bool) -> None:
    """A knowledge graph of claims about the 9/10 November 2020 Nagorno-Karabakh statement."""
    resources = Resources(root.resolve()) if root else default_resources()
    directory, url = split_store(store_dir)
    ctx.obj = Context(Settings(store_dir=directory, store_url=url), resources)


SHACL_ENGINE_OPTION = click.option(
    "--shacl-engine", type=click.Choice(SHACL_ENGINES), default="sparql", show_default=True,
    help="Run the SHACL shapes compiled to SPARQL on the store, or with pyshacl (the reference; slower).")


@cli.command()
@click.option("--no-reason", is_flag=True, help="Skip the OWL consistency check (HermiT, needs Java).")
@click.option("--warnings", "list_warnings", is_flag=True,
              help="List every warning (by default one line counts them by shape or check).")
@SHACL_ENGINE_OPTION
@pass_ctx
def build(obj: Context, no_reason: bool, list_warnings: bool, shacl_engine: str) -> None:
    """Load ontology and data, validate, check OWL consistency, then replace the store atomically."""
    obj.settings = dataclasses.replace(obj.settings, reason=not no_reason, shacl_engine=shacl_engine)
    obj.build(list_warnings=list_warnings)


@cli.command("queries")
@pass_ctx
def list_queries(obj: Context) -> None:
    """List the query library: id, title, parameters (optional ones with their defaults)."""
    from conflictkg.sparql.queries import load_library, param_signature

    for q in load_library(obj.resources.queries_dir).values():
        params = ", ".join(param_signature(p) for p in q.params.values())
        click.echo(f"{q.id}\t{q.title}\t{params}")


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"expected NAME=VALUE, got {item!r}", param_hint="--param")
        out[name.strip()] = value
    return out


def _emit(result: Result, fmt: str) -> None:
    if fmt == "table" and sys.stdout.isatty() and result.kind == "select":
        from conflictkg.cli_render import print_rich_table

        print_rich_table(result)
        return
    click.echo(render(result, fmt), nl=False)


@cli.command()
@click.argument("id_or_file")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter.")
@format_option
@pass_ctx
def query(obj: Context, id_or_file: str, params: tuple[str, ...], fmt: str) -> None:
    """Run a library query (by id) or a .rq file, with bound parameters."""
    from conflictkg.sparql.queries import load_library, resolve, run

    q = resolve(load_library(obj.resources.queries_dir), id_or_file)
    bound = _params(params)
    _emit(run(obj.store(), q, bound), fmt)


@cli.command()
@click.argument("text", required=False)
@click.option("-f", "--file", "path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the query from a file.")
@format_option
@pass_ctx
def sparql(obj: Context, text: str | None, path: Path | None, fmt: str) -> None:
    """Run an ad hoc SPARQL query (all project prefixes are predeclared)."""
    from conflictkg.rdf.namespaces import PREFIXES

    if (text is None) == (path is None):
        raise click.UsageError("give the query as an argument or with -f FILE, not both")
    body = path.read_text(encoding="utf-8") if path else str(text)
    _emit(obj.store().query(body, prefixes=PREFIXES), fmt)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--reason", is_flag=True, help="Also check OWL consistency (HermiT).")
@SHACL_ENGINE_OPTION
@pass_ctx
def validate(obj: Context, files: tuple[Path, ...], reason: bool, shacl_engine: str) -> None:
    """Validate the shipped data plus FILES (e.g. a new incident) without touching the store.

    Exit 3 when the data does not conform; the report names shape, focus node and file.
    """
    from conflictkg.build import check
    from conflictkg.file_report import file_report_text

    try:
        _staged, result = check(obj.resources, files, reason=reason, shacl=shacl_engine)
    except DataNotConformant as exc:
        if not files or exc.report is None:
            raise
        click.echo(file_report_text(exc.report, files), err=True, nl=False)  # type: ignore[arg-type]
        raise DataNotConformant(str(exc)) from None
    click.echo(file_report_text(result.report, files) if files else result.report.text(), nl=False)


@cli.command()
@click.option("--notes", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The research notes folder [default: shared/ beside the root].")
@pass_ctx
def audit(obj: Context, notes: Path | None) -> None:
    """Check the curated data against the research notes it was curated from (not shipped).

    Exit 3 when a source address, clause text or quote is not borne out by the notes.
    """
    from conflictkg.audit import audit_data, default_notes_dir

    findings = audit_data(obj.resources, notes or default_notes_dir(obj.resources))
    for finding in findings:
        click.echo(finding.text())
    if findings:
        raise DataNotConformant(f"{len(findings)} value(s) of the data not borne out by the notes")
    click.echo("The notes bear out every source address, clause text and quote.", err=True)


RDF_EXPORTS = ("trig", "nquads", "turtle", "ntriples", "jsonld")
FLAT_EXPORTS = ("csv", "geojson", "gexf", "graphml", "node-link")


@cli.command()
@click.option("--format", "fmt", type=click.Choice([*RDF_EXPORTS, *FLAT_EXPORTS]), default="trig", show_default=True,
              help="Serialization; turtle/ntriples merge all graphs. Flat files: csv (--table), geojson (places), "
                   "gexf/graphml/node-link (--view).")
@click.option("--table", default=None, help="With --format csv: claims (default), incidents, events, casualty-figures, "
              "sources, places or norms.")
@click.option("--view", default=None, help="With a graph format: allegations (default), clause or whole.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default stdout).")
@pass_ctx
def export(obj: Context, fmt: str, table: str | None, view: str | None, output: Path | None) -> None:
    """Export the whole dataset with its named graphs, or one flat file (columns: docs/downloads.md)."""
    if fmt in RDF_EXPORTS:
        if table or view:
            from conflictkg.exports import ExportError

            raise ExportError("--table and --view apply to the flat formats, not to RDF",
                             hint=f"flat formats: {', '.join(FLAT_EXPORTS)}")
        from conflictkg.rdf.io import serialize
        from conflictkg.rdf.namespaces import PREFIXES

        data = serialize(obj.store().quads(), fmt, PREFIXES)
    else:
        from conflictkg import exports

        name = exports.file_name(fmt, table, view)  # a misfit option is refused before the store is opened
        data = exports.build(obj.store(), obj.resources, name)
    if output:
        write_output(output, data)
        click.echo(f"Wrote {len(data)} bytes to {output}", err=True)
    else:
        sys.stdout.buffer.write(data)


@cli.command()
@format_option
@pass_ctx
def stats(obj: Context, fmt: str) -> None:
    """Counts per class and per named graph."""
    from conflictkg.sparql.queries import load_library, run

    library = load_library(obj.resources.queries_dir)
    store = obj.store()
    for qid in ("graph-sizes", "class-counts"):
        if fmt == "table":
            click.echo(f"# {library[qid].title}")
        _emit(run(store, library[qid]), fmt)


@cli.command()
@click.argument("view")
@click.option("--clause", "clauses", type=int, multiple=True, metavar="N",
              help="Clause view: a point of the 9/10 November 2020 statement (repeatable).")
@click.option("--incident", metavar="IRI",
              help="Incident view: the incident, e.g. ckr:incident-2022-03-24-parukh-farrukh.")
@click.option("--names", type=click.Choice(["neutral", "armenian", "azerbaijani", "russian"]), default="neutral",
              show_default=True, help="Whose usage the place names follow.")
@click.option("--base-url", default="http://127.0.0.1:8000", show_default=True,
              help="Where clicked nodes open their pages: BASE/resource/NAME (the `conflictkg serve` default).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="HTML file to write.")
@pass_ctx
def viz(obj: Context, view: str, clauses: tuple[int, ...], incident: str | None, names: str, base_url: str,
        output: Path) -> None:
    """Write a network VIEW (allegations, clause, incident, whole) as one self-contained offline HTML file."""
    from conflictkg.naming import Perspective
    from conflictkg.network import ViewRequest, network_view, view_info
    from conflictkg.network.render import to_html

    view_info(view)
    network = network_view(obj.store(), obj.resources, ViewRequest(view, clauses, incident, Perspective(names)))
    output.write_text(to_html(network, base_url=base_url), encoding="utf-8")
    click.echo(f"Wrote the {view} view ({len(network.nodes)} nodes, {len(network.edges)} edges) to {output}", err=True)

@cli.command()
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--url", default="", help="The article's URL (reuses a recorded source with that URL).")
@click.option("--publisher", default="", help="The outlet: a name or IRI of a ck:MediaOutlet in the data.")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Publication date YYYY-MM-DD: resolves 'on Saturday', 'March 24' and the like.")
@click.option("--title", default="", help="The headline (for the new source node and the incident label).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="TriG file to write (default stdout).")
@pass_ctx
def draft(obj: Context, article: Path, url: str, publisher: str, published, title: str, output: Path | None) -> None:
    """Draft an incident file (TriG) from a news ARTICLE (text, Markdown or HTML), every value marked for review."""
    from conflictkg.build import shipped_lexicon
    from conflictkg.drafting import ArticleMeta, draft_file

    meta = ArticleMeta(url, publisher, published.date() if published else None, title)
    result, text = draft_file(article, meta, shipped_lexicon(obj.resources))
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
    click.echo(f"Drafted {len(result.claims)} claim(s) from {article}; review every ck:draftNote, then "
               f"run: conflictkg validate {output or 'FILE.trig'}", err=True)


@cli.command()
@click.argument("name")
@pass_ctx
def find(obj: Context, name: str) -> None:
    """Find agents, places, incidents, clauses and sources by any NAME (case and diacritics ignored),
    to reuse their IRIs in a new file: the site's search."""
    from conflictkg.naming import Perspective
    from conflictkg.pages.context import Site
    from conflictkg.pages.search import find_hits
    from conflictkg.rdf.namespaces import compact_iri

    ctx = Site.load(obj.store(), obj.resources).view(Perspective("neutral"))
    hits, total = find_hits(ctx, name)
    for hit in hits:
        label = ctx.labeller.iri_cell(hit.iri)["text"]
        extra = "" if hit.matched == label else f"  (matched: {hit.matched})"
        click.echo(f"{compact_iri(hit.iri)}  {label}  [{hit.type}]{extra}")
    click.echo(f"{len(hits)} of {total} resource(s)." if total > len(hits)
               else f"{total} resource(s)." if hits else "No resource has that name.", err=True)


def _register() -> None:
    from conflictkg.cli_record import counts, coverage
    from conflictkg.cli_release import publish, release
    from conflictkg.cli_serve import serve

    cli.add_command(coverage)
    cli.add_command(counts)
    cli.add_command(release)
    cli.add_command(publish)
    cli.add_command(serve)


_register()


def main(argv: list[str] | None = None) -> None:
    """Entry point: the one error boundary of the command line."""
    try:
        cli.main(args=argv, standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except ConflictKGError as exc:
        if isinstance(exc, DataNotConformant) and exc.report is not None:
            click.echo(exc.report.text(), err=True, nl=False)  # type: ignore[attr-defined]
        click.echo(f"Error: {exc}", err=True)
        if _debug(argv):
            raise
        sys.exit(exc.exit_code)
    except Exception as exc:  # a bug, not bad input: still no traceback unless asked for
        if _debug(argv):
            raise
        click.echo(f"Error: unexpected {type(exc).__name__}: {exc}\nHint: this is a bug in conflictkg; run the "
                   "command again with --debug and report the traceback", err=True)
        sys.exit(1)
    sys.exit(0)


def _debug(argv: list[str] | None) -> bool:
    return "--debug" in (argv if argv is not None else sys.argv)
