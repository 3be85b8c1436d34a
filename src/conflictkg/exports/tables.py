"""Flat tables for pandas, R and spreadsheets: one CSV per main kind, places also as GeoJSON.

Each table is the answer of one question (``queries/exports/<name>-table.rq``; incidents: the library's
``incidents-overview.rq``; the GeoJSON: ``place-coordinates.rq``), ordered by its ``ORDER BY``; the
columns are documented in ``docs/downloads.md`` and described by the CSVW metadata
(:mod:`conflictkg.exports.csvw`). Multi-valued cells (a claim's accused parties, its source URLs…) are
lists joined by :data:`SEPARATOR`, sorted here (SPARQL leaves ``GROUP_CONCAT`` order undefined), so
the same store always gives the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from conflictkg.rdf.terms import term_to_str
from conflictkg.resources import Resources
from conflictkg.sparql.queries import load_library, run
from conflictkg.sparql.results import to_csv
from conflictkg.store import Result, Store

#: Between the values of a multi-valued cell.
SEPARATOR = " | "
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
CK = "https://w3id.org/conflictkg/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DCT = "http://purl.org/dc/terms/"


@dataclass(frozen=True)
class CsvTable:
    """One CSV download: its question, the row's subject column, the list columns with the CSVW
    datatype of their items, and the columns that are a property of the subject (CSVW ``propertyUrl``)."""

    name: str
    query: str
    subject: str
    description: str
    lists: dict[str, str] = field(default_factory=dict)
    properties: dict[str, str] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"


def _ck(**columns: str) -> dict[str, str]:
    return {column: CK + local for column, local in columns.items()}


#: Every CSV table by name (``conflictkg export --format csv --table NAME``), in the order the site lists them.
TABLES: dict[str, CsvTable] = {t.name: t for t in (
    CsvTable("claims", "claims-table", "claim",
             "Every claim, one row each: claimant and side, date, stance, incident, points named and implied, "
             "accused parties, source URLs.",
             {"claimant_side": "anyURI", "claimant_side_label": "string", "points_named": "integer",
              "points_implied": "integer", "provisions_named": "anyURI", "provisions_implied": "anyURI",
              "accused": "anyURI", "accused_label": "string", "source_urls": "anyURI"},
             {"claim_label": RDFS_LABEL, **_ck(claimant="claimant", claim_date="claimDate", stance="stance",
                                               incident="aboutIncident", provisions_named="allegesBreachOf",
                                               provisions_implied="impliedBreachOf", accused="accusedParty")}),
    CsvTable("incidents", "incidents-overview", "incident",
             "Every incident, one row each: dates and its claims counted by stance.", {},
             {"incident_label": RDFS_LABEL, **_ck(earliest_begin="earliestBegin", latest_end="latestEnd")}),
    CsvTable("events", "events-table", "event",
             "Every event, one row per graph asserting it: the implementation events of the reference data and the "
             "events alleged in each claim, with class, type, dates, places and participants.",
             {"event_class": "string", "event_type": "anyURI", "place": "anyURI", "place_label": "string",
              "participant": "anyURI"},
             {"event_label": RDFS_LABEL, **_ck(event_type="eventType", earliest_begin="earliestBegin",
                                               latest_end="latestEnd", edtf="edtf", time_precision="timePrecision",
                                               place="atPlace", participant="hasParticipant")}),
    CsvTable("casualty-figures", "casualty-figures-table", "report",
             "Every casualty figure, one row per report, never reconciled: claim and claimant, incident, event, "
             "kind, group, whose people, minimum, maximum, best figure and qualifier.", {},
             _ck(kind="casualtyKind", casualty_group="casualtyGroup", affiliation="casualtyAffiliation",
                 count_min="countMin", count_max="countMax", count_best="countBest", qualifier="countQualifier")),
    CsvTable("sources", "sources-table", "source",
             "Every source document, one row each: URL, kind, language, publisher, publication date (or why it is "
             "unknown) and how many claims it carries as primary and as secondary source.",
             {"language": "string", "date_note": "string"},
             {"source_url": "https://schema.org/url", "language": DCT + "language", "publisher": DCT + "publisher",
              "published": DCT + "issued", "date_note": CK + "dateNote"}),
    CsvTable("places", "places-table", "place",
             "Every place, one row per attested name: neutral label, classes, longitude and latitude (WGS 84) with "
             "their precision, and the name with its language, kind and perspective (whose usage it is).",
             {"place_class": "string"}, {"place_label": RDFS_LABEL}),
    CsvTable("norms", "norms-table", "norm",
             "Every norm of the agreements, one row per status assessment of it (one row with empty assessment "
             "columns when nobody assessed it): point, type, bearers, assessing claim, claimant, status, as of when.",
             {"bearer": "anyURI"}, {"norm_label": RDFS_LABEL, **_ck(bearer="bearer", valid_from="validFrom")}),
)}


@dataclass(frozen=True)
class TypedTable:
    """A table's header, its rows of plain strings and each column's CSVW datatype (from the answer's terms)."""

    header: list[str]
    rows: list[list[str]]
    datatypes: dict[str, str]


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


def table(result: Result, lists: dict[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
    """Header and rows of plain strings (IRIs in full, literals' lexical forms, unbound empty), the
    ``lists`` columns' items sorted (``integer`` ones by value)."""
    lists = lists or {}
    rows = []
    for row in result.rows:
        cells = [term_to_str(t) for t in row]
        rows.append([sorted_cell(c, int if lists[v] == "integer" else str) if v in lists else c
                     for v, c in zip(result.variables, cells)])
    return list(result.variables), rows


#: CSVW built-in datatypes of the XSD datatypes the data uses (others are read as strings).
CSVW_DATATYPES = {"integer": "integer", "decimal": "decimal", "double": "double", "boolean": "boolean",
                  "date": "date", "dateTime": "datetime", "dateTimeStamp": "dateTimeStamp", "gYear": "gYear",
                  "gYearMonth": "gYearMonth", "anyURI": "anyURI", "string": "string", "langString": "string"}


def term_datatype(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """The CSVW datatype of one value: ``anyURI`` for an IRI, the literal's XSD type if CSVW knows it.

    >>> term_datatype(ox.Literal("2020-11-10", datatype=ox.NamedNode(XSD + "date"))), term_datatype(ox.Literal(3))
    ('date', 'integer')
    """
    if isinstance(term, ox.Literal):
        iri = term.datatype.value
        return CSVW_DATATYPES.get(iri.rsplit("#", 1)[-1], "string") if iri.startswith((XSD, RDF)) else "string"
    return "anyURI" if isinstance(term, ox.NamedNode) else "string"


def typed_table(result: Result, lists: dict[str, str] | None = None) -> TypedTable:
    """:func:`table` with each column's datatype: the one all its bound values share (a list column: its
    declared item type), ``string`` when they differ or none is bound."""
    lists = lists or {}
    header, rows = table(result, lists)
    datatypes = {}
    for i, name in enumerate(header):
        kinds = {term_datatype(row[i]) for row in result.rows if row[i] is not None}
        datatypes[name] = lists[name] if name in lists else (kinds.pop() if len(kinds) == 1 else "string")
    return TypedTable(header, rows, datatypes)


def typed(store: Store, resources: Resources, name: str) -> TypedTable:
    """The CSV table ``name`` of :data:`TABLES`, typed."""
    spec = TABLES[name]
    return typed_table(answer(store, resources, spec.query), spec.lists)


def csv_file(store: Store, resources: Resources, name: str) -> bytes:
    """The CSV table ``name`` of :data:`TABLES` (e.g. ``claims``: one row per claim)."""
    typed_rows = typed(store, resources, name)
    return to_csv(typed_rows.header, typed_rows.rows)


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
