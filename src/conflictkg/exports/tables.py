"""Flat tables for pandas, R and spreadsheets: claims and incidents as CSV, places as GeoJSON.

Each table is the answer of one question (``queries/exports/claims-table.rq``, and the library's
``incidents-overview.rq`` and ``place-coordinates.rq``), ordered by its ``ORDER BY``; the columns are
documented in ``docs/downloads.md``. Multi-valued cells (a claim's accused parties, its source
URLs…) are lists joined by :data:`SEPARATOR`, sorted here (SPARQL leaves ``GROUP_CONCAT`` order
undefined), so the same store always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from conflictkg.rdf.terms import term_to_str
from conflictkg.resources import Resources
from conflictkg.sparql.queries import load_library, run
from conflictkg.store import Result, Store

#: Between the values of a multi-valued cell.
SEPARATOR = " | "
#: Columns of ``claims-table`` holding lists, and how their values sort (point numbers as numbers).
LIST_COLUMNS = {"claimant_side": str, "claimant_side_label": str, "points_named": int, "points_implied": int,
                "provisions_named": str, "provisions_implied": str, "accused": str, "accused_label": str,
                "source_urls": str}


def answer(store: Store, resources: Resources, query_id: str) -> Result:
    """The answer of the question ``query_id`` of ``queries/exports/`` (else of the library), no parameters."""
    own = load_library(resources.exports_queries_dir)
    return run(store, own[query_id] if query_id in own else load_library(resources.queries_dir)[query_id])


def sorted_cell(cell: str, kind: type) -> str:
    """A ``GROUP_CONCAT`` list with its values sorted (numbers by value) and duplicates dropped.

    >>> sorted_cell("9 | 10 | 4", int)
    '4 | 9 | 10'
    >>> sorted_cell("", str)
    ''
    """
    values = {v for v in cell.split(SEPARATOR) if v}
    return SEPARATOR.join(sorted(values, key=lambda v: (int(v), v) if kind is int and v.isdigit() else (0, v)))


def table(result: Result, lists: dict[str, type] | None = None) -> tuple[list[str], list[list[str]]]:
    """Header and rows of plain strings (IRIs in full, literals' lexical forms, unbound empty)."""
    lists = lists or {}
    rows = []
    for row in result.rows:
        cells = [term_to_str(t) for t in row]
        rows.append([sorted_cell(c, lists[v]) if v in lists else c for v, c in zip(result.variables, cells)])
    return list(result.variables), rows


def to_csv(header: list[str], rows: list[list[str]]) -> bytes:
    """RFC 4180 CSV in UTF-8 (CRLF line ends, quoted where needed), header first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def claims_csv(store: Store, resources: Resources) -> bytes:
    """One row per claim (``claims-table``)."""
    return to_csv(*table(answer(store, resources, "claims-table"), LIST_COLUMNS))


def incidents_csv(store: Store, resources: Resources) -> bytes:
    """One row per incident with its claim counts by stance (``incidents-overview``)."""
    return to_csv(*table(answer(store, resources, "incidents-overview")))


def places_geojson(store: Store, resources: Resources) -> bytes:
    """Every place with a point as a GeoJSON (RFC 7946) Feature, its precision and source as properties."""
    header, rows = table(answer(store, resources, "place-coordinates"))
    features: dict[tuple[str, str], dict[str, Any]] = {}
    for cells in rows:
        row = dict(zip(header, cells))
        key = (row["place"], row["wkt"])
        feature = features.setdefault(key, _feature(row))
        for name in ("place_class", "source", "source_url"):
            values = set(filter(None, feature["properties"][name].split(SEPARATOR))) | ({row[name]} - {""})
            feature["properties"][name] = SEPARATOR.join(sorted(values))
    collection = {"type": "FeatureCollection", "features": [features[k] for k in sorted(features)]}
    return (json.dumps(collection, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _feature(row: dict[str, str]) -> dict[str, Any]:
    props = {name: row[name] for name in ("place", "place_label", "place_class", "precision", "precision_label",
                                          "where_prec", "source", "source_url")}
    props["place_class"] = props["source"] = props["source_url"] = ""  # filled from every row of the place
    point = [float(row["longitude"]), float(row["latitude"])]
    return {"type": "Feature", "id": row["place"], "geometry": {"type": "Point", "coordinates": point},
            "properties": props}
