"""Downloads: the dataset as flat files (CSV tables with their CSVW metadata, GeoJSON) and its network
views as graph files (GEXF, GraphML, node-link JSON), built from the store on demand, in memory.

The command line (``conflictkg export``), the site (``/downloads``) and releases
(:mod:`conflictkg.release`) are skins over :data:`DOWNLOADS` and :func:`build`. Every download is
deterministic: the same store gives the same bytes. Columns and attributes: ``docs/downloads.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from conflictkg.errors import ConflictKGError
from conflictkg.exports import csvw, tables
from conflictkg.network.files import GRAPH_FORMATS, GRAPH_MEDIA_TYPES, file_graph, write_graph
from conflictkg.network.model import Network
from conflictkg.network.views import VIEWS, ViewRequest, build_network, view_choices
from conflictkg.resources import Resources
from conflictkg.store import Store

__all__ = ["CSV_MEDIA_TYPE", "CSV_TABLES", "DOWNLOADS", "FLAT_FORMATS", "NETWORK_VIEWS", "Download", "ExportError",
           "build", "build_all", "download", "file_name", "graph_file"]


class ExportError(ConflictKGError):
    """An unknown download, or a format that does not fit what is asked (exit code 1)."""


@dataclass(frozen=True)
class Download:
    """One file: its name, media type and what it holds."""

    name: str
    media_type: str
    description: str


#: The views written as graph files (the incident view, one per incident, is not: see docs/downloads.md).
NETWORK_VIEWS = ("allegations", "clause", "whole")
_MEDIA = GRAPH_MEDIA_TYPES
_FORMAT_NAMES = {"gexf": "GEXF 1.2 (Gephi)", "graphml": "GraphML (Cytoscape, yEd, igraph)",
                 "node-link": "node-link JSON (networkx.node_link_graph, D3)"}

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
#: The CSV tables by file name.
_CSV: dict[str, Download] = {t.file: Download(t.file, CSV_MEDIA_TYPE, t.description) for t in tables.TABLES.values()}
_OTHERS: dict[str, tuple[Download, Callable[[Store, Resources], bytes]]] = {
    csvw.FILE: (Download(csvw.FILE, csvw.MEDIA_TYPE,
                         "CSVW metadata (W3C Metadata Vocabulary for Tabular Data) of every CSV table: columns, "
                         "datatypes, list separators, the property each column stands for."),
                lambda store, resources: csvw.metadata(_typed_tables(store, resources))),
    "places.geojson": (Download("places.geojson", "application/geo+json",
                                "Every place with coordinates as a GeoJSON point, with its location precision and "
                                "the page the coordinates were read from."), tables.places_geojson),
}


def _graph_downloads() -> dict[str, Download]:
    out = {}
    for view in NETWORK_VIEWS:
        for fmt, suffix in GRAPH_FORMATS.items():
            name = f"network-{view}{suffix}"
            scope = " (every point of the statement)" if view == "clause" else ""
            out[name] = Download(name, _MEDIA[fmt], f"{VIEWS[view].title}{scope} as {_FORMAT_NAMES[fmt]}: "
                                 f"{VIEWS[view].description}")
    return out


#: Every download by file name, in the order the site lists them.
DOWNLOADS: dict[str, Download] = {**_CSV, **{n: d for n, (d, _b) in _OTHERS.items()}, **_graph_downloads()}


def download(name: str) -> Download:
    """The download called ``name``; :class:`ExportError` listing them otherwise."""
    if name not in DOWNLOADS:
        raise ExportError(f"no download called {name!r}", hint=f"downloads: {', '.join(DOWNLOADS)}")
    return DOWNLOADS[name]


def _view(store: Store, resources: Resources, view: str) -> Network:
    if view not in NETWORK_VIEWS:
        raise ExportError(f"no graph file of the {view!r} view", hint=f"views: {', '.join(NETWORK_VIEWS)}")
    clauses = tuple(int(n) for n, _label in view_choices(store, resources)["clause"]) if view == "clause" else ()
    return build_network(store, resources, ViewRequest(view, clauses=clauses))


def graph_file(store: Store, resources: Resources, view: str, fmt: str, date: str | None = None) -> bytes:
    """One network view (``allegations``, ``clause`` with every point, ``whole``) in ``fmt``."""
    if fmt not in GRAPH_FORMATS:
        raise ExportError(f"{fmt!r} is not a graph format", hint=f"graph formats: {', '.join(GRAPH_FORMATS)}")
    return write_graph(file_graph(_view(store, resources, view)), fmt, date)


def build(store: Store, resources: Resources, name: str, date: str | None = None) -> bytes:
    """The bytes of the download ``name`` (GEXF files carry ``date`` as their last-modified date).

    Raises:
        ExportError: no download has that name.
    """
    download(name)
    if name in _CSV:
        return tables.csv_file(store, resources, name.removesuffix(".csv"))
    if name in _OTHERS:
        return _OTHERS[name][1](store, resources)
    stem, _, suffix = name.removeprefix("network-").rpartition(".")
    fmt = next(f for f, s in GRAPH_FORMATS.items() if s == "." + suffix)
    return graph_file(store, resources, stem, fmt, date)


def build_all(store: Store, resources: Resources, date: str | None = None) -> dict[str, bytes]:
    """Every download by name, in :data:`DOWNLOADS` order, each network view built once."""
    typed = _typed_tables(store, resources)
    files = {t.file: tables.to_csv(typed[n].header, typed[n].rows) for n, t in tables.TABLES.items()}
    files[csvw.FILE] = csvw.metadata(typed)
    files["places.geojson"] = tables.places_geojson(store, resources)
    for view in NETWORK_VIEWS:
        graph = file_graph(_view(store, resources, view))
        files.update({f"network-{view}{suffix}": write_graph(graph, fmt, date) for fmt, suffix in GRAPH_FORMATS.items()})
    return {name: files[name] for name in DOWNLOADS}


def _typed_tables(store: Store, resources: Resources) -> dict[str, tables.TypedTable]:
    return {name: tables.typed(store, resources, name) for name in tables.TABLES}


#: The flat formats of ``conflictkg export --format``, besides the RDF serializations.
FLAT_FORMATS = ("csv", "geojson", *GRAPH_FORMATS)
#: The tables ``--format csv`` writes.
CSV_TABLES = tuple(tables.TABLES)


def file_name(fmt: str, table: str | None = None, view: str | None = None) -> str:
    """The download that ``conflictkg export --format fmt [--table T] [--view V]`` writes.

    >>> file_name("csv"), file_name("csv", table="incidents"), file_name("graphml", view="whole")
    ('claims.csv', 'incidents.csv', 'network-whole.graphml')

    Raises:
        ExportError: an unknown format, table or view, or an option the format does not take.
    """
    if fmt not in FLAT_FORMATS:
        raise ExportError(f"{fmt!r} is not a flat format", hint=f"formats: {', '.join(FLAT_FORMATS)}")
    if fmt in GRAPH_FORMATS:
        if table:
            raise ExportError(f"--table applies to --format csv, not to {fmt}", hint="use --view for graph formats")
        view = view or "allegations"
        if view not in NETWORK_VIEWS:
            raise ExportError(f"no graph file of the {view!r} view", hint=f"views: {', '.join(NETWORK_VIEWS)}")
        return f"network-{view}{GRAPH_FORMATS[fmt]}"
    if view:
        raise ExportError(f"--view applies to graph formats, not to {fmt}", hint=f"graph formats: {', '.join(GRAPH_FORMATS)}")
    if fmt == "geojson":
        if table not in (None, "places"):
            raise ExportError("--format geojson writes the places; it takes no other --table")
        return "places.geojson"
    table = table or "claims"
    if table not in CSV_TABLES:
        raise ExportError(f"no table called {table!r}", hint=f"tables: {', '.join(CSV_TABLES)}")
    return f"{table}.csv"
