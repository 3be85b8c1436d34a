"""``conflictkg release DIR``: a thin command over :mod:`conflictkg.release`; registered on the main
group by :mod:`conflictkg.cli` (errors reach its one error boundary)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--date", default=None, metavar="YYYY-MM-DD", help="The release date [default: today, UTC].")
@click.option("--previous", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="OLD_DIR",
              help="The previous release's directory: CHANGES.md and changes.csv list the claims added, changed "
                   "and removed since [default: none, a first release].")
@click.pass_obj
def release(obj, directory: Path, date: str | None, previous: Path | None) -> None:  # noqa: ANN001 - the CLI's Context
    """Write a dated, citable release into DIRECTORY (new or empty): canonical N-Quads, TriG and JSON-LD, the
    flat downloads (CSV tables with CSVW metadata, GeoJSON, GEXF, GraphML, node-link JSON), a VoID
    description, a DCAT catalog, CITATION.cff, the changes since --previous and SHA256SUMS.
    The same store, date and previous release give byte-identical files."""
    from conflictkg.release import checked_date, write_release
    from conflictkg.release.changes import read_previous

    date = checked_date(date)  # a bad date or previous release is refused before the store is opened (or built)
    if previous is not None:
        read_previous(previous)
    written = write_release(obj.store(), obj.resources, directory, date, previous)
    click.echo(f"Wrote release {written.directory} ({len(written.files)} files, {written.quads} quads); "
               f"check it with: cd {written.directory} && sha256sum -c SHA256SUMS", err=True)


@click.command()
@click.option("--to", "graph_store", required=True, metavar="URL",
              help="The server's SPARQL 1.1 Graph Store Protocol URL (Oxigraph: http://HOST:PORT/store).")
@click.option("--release", "release_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              metavar="DIR", help="Publish this release (its conflictkg.nq) [default: the embedded store].")
@click.option("--endpoint", default=None, metavar="URL",
              help="The server's query endpoint: conflictkg graphs there that the release lacks are then removed.")
@click.pass_obj
def publish(obj, graph_store: str, release_dir: Path | None, endpoint: str | None) -> None:  # noqa: ANN001
    """Load every named graph of a release (or of the embedded store) into a SPARQL server, one Graph Store
    Protocol PUT per graph (each graph replaced whole; docs/servers.md says what a failure leaves)."""
    from conflictkg.store.publish import publish as put_graphs

    quads, source = _source(obj, release_dir)
    done = put_graphs(quads, graph_store, endpoint=endpoint)
    for iri, count in done.graphs.items():
        click.echo(f"{count}\t{iri}")
    removed = f"; removed {len(done.removed)} graph(s) the release does not have" if done.removed else ""
    click.echo(f"Published {done.quads} quads in {len(done.graphs)} named graphs from {source} to {graph_store} "
               f"({done.seconds:.1f}s){removed}.", err=True)


def _source(obj, release_dir: Path | None):  # noqa: ANN001, ANN202 - the CLI's Context; (quads, name)
    import pyoxigraph as ox

    from conflictkg.errors import InputError, StoreError
    from conflictkg.release import NQUADS

    if release_dir is not None:
        path = release_dir / NQUADS
        try:
            return list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)), str(release_dir)
        except (OSError, SyntaxError) as exc:
            raise InputError(f"cannot read the release's {NQUADS}: {exc}", path=str(path),
                             hint="give a directory written by `conflictkg release`") from exc
    if obj.settings.store_url:
        raise StoreError("publish copies a release or the embedded store, and --store names a server",
                         hint="give --release DIR, or --store DIR of an embedded store")
    store = obj.embedded()
    return list(store.quads()), str(obj.settings.store_dir)
