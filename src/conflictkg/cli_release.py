"""``conflictkg release DIR``: a thin command over :mod:`conflictkg.release`; registered on the main
group by :mod:`conflictkg.cli` (errors reach its one error boundary)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--date", default=None, metavar="YYYY-MM-DD", help="The release date [default: today, UTC].")
@click.pass_obj
def release(obj, directory: Path, date: str | None) -> None:  # noqa: ANN001 - the CLI's Context
    """Write a dated, citable release into DIRECTORY (new or empty): canonical N-Quads and TriG, the flat
    downloads (CSV, GeoJSON, GEXF, GraphML, node-link JSON), a VoID description and SHA256SUMS.
    The same store and date give byte-identical files."""
    from conflictkg.release import checked_date, write_release

    date = checked_date(date)  # a bad date is refused before the store is opened (or built)
    written = write_release(obj.store(), obj.resources, directory, date)
    click.echo(f"Wrote release {written.directory} ({len(written.files)} files, {written.quads} quads); "
               f"check it with: cd {written.directory} && sha256sum -c SHA256SUMS", err=True)
