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
