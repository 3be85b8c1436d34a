"""The downloads page: every downloadable file with its size, checksum and what it holds (the files
and their descriptions are given by the web skin, from :mod:`conflictkg.exports`)."""

from __future__ import annotations

import hashlib

from conflictkg.pages.model import Page, Section

FORMATS = {".csv": "CSV", ".geojson": "GeoJSON", ".gexf": "GEXF", ".graphml": "GraphML", ".json": "node-link JSON"}
#: Files whose format their suffix does not tell.
NAMED_FORMATS = {"csv-metadata.json": "CSVW metadata"}


def size_text(size: int) -> str:
    """A byte count for people.

    >>> size_text(512), size_text(20_480), size_text(3_500_000)
    ('512 B', '20.5 kB', '3.5 MB')
    """
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def _row(name: str, description: str, data: bytes, base: str) -> dict[str, dict[str, str]]:
    fmt = NAMED_FORMATS.get(name) or FORMATS[name[name.rindex("."):]]
    return {"file": {"text": name, "href": base + name}, "format": {"text": fmt},
            "size": {"text": size_text(len(data))}, "description": {"text": description},
            "sha256": {"text": hashlib.sha256(data).hexdigest()}}


def downloads_page(files: list[tuple[str, str, bytes]], base: str = "/downloads/") -> Page:
    """One row per ``(name, description, bytes)`` in the given order: file (linked), format, size,
    description, SHA-256; the tables (with their CSVW metadata and the places' GeoJSON) in one section,
    the network files in another (each short enough to be shown unfolded)."""
    page = Page("downloads", "Downloads",
                subtitle="The whole record as flat files for spreadsheets, pandas, R, QGIS and Gephi, built from "
                         "the same data as these pages. Columns and attributes are described in the project's "
                         "docs/downloads.md; the full RDF dataset comes with a release (conflictkg release).")
    columns = ["file", "format", "size", "description", "sha256"]
    tables = [_row(n, d, b, base) for n, d, b in files if not n.startswith("network-")]
    graphs = [_row(n, d, b, base) for n, d, b in files if n.startswith("network-")]
    page.sections.append(Section("files", "Tables", columns, tables,
                                 note="Data licence CC BY 4.0: reuse freely, naming conflictkg as the source. "
                                      "Place names are neutral (the site's naming switch does not apply). "
                                      "csv-metadata.json describes every CSV table (CSVW: columns, datatypes, "
                                      "list separators)."))
    page.sections.append(Section("network-files", "Network views", columns, graphs,
                                 note="The network views of /network as graph files for Gephi, Cytoscape, yEd, "
                                      "igraph and networkx."))
    page.extra["bytes"] = {name: len(data) for name, _description, data in files}
    return page
