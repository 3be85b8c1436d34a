"""CSVW metadata (W3C "Metadata Vocabulary for Tabular Data") for the CSV tables: ``csv-metadata.json``.

One table group, one table per CSV file of :data:`conflictkg.exports.tables.TABLES`, its columns in file
order with the header text as ``titles``, the datatype read from the answer's typed values (an IRI:
``anyURI``; a literal: its XSD type), list columns with their ``separator`` and item type. Each row is
about the IRI in the table's subject column (``aboutUrl``); the columns that are a property of that
subject carry the property's IRI (``propertyUrl``) and, for IRIs, a ``valueUrl``, so a CSVW processor
(csv2rdf) turns a row back into statements in the project's vocabulary.
"""

from __future__ import annotations

import json
from typing import Any

from conflictkg.exports.tables import SEPARATOR, TABLES, TypedTable

FILE = "csv-metadata.json"
MEDIA_TYPE = "application/csvm+json"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
CSVW_CONTEXT = "http://www.w3.org/ns/csvw"


def column(name: str, typed: TypedTable, table: str) -> dict[str, Any]:
    """One column's description.

    >>> from conflictkg.exports.tables import TypedTable
    >>> col = column("accused", TypedTable(["accused"], [], {"accused": "anyURI"}), "claims")
    >>> col["titles"], col["datatype"], col["separator"], col["propertyUrl"].rsplit("#", 1)[1], "valueUrl" in col
    ('accused', 'anyURI', ' | ', 'accusedParty', False)
    """
    spec = TABLES[table]
    out: dict[str, Any] = {"name": name, "titles": name, "datatype": typed.datatypes[name]}
    if name in spec.lists:
        out["separator"] = SEPARATOR
    if name in spec.properties:
        out["propertyUrl"] = spec.properties[name]
        if out["datatype"] == "anyURI" and name not in spec.lists:
            out["valueUrl"] = "{+" + name + "}"
    return out


def table_description(table: str, typed: TypedTable) -> dict[str, Any]:
    spec = TABLES[table]
    return {"url": spec.file, "dc:title": f"conflictkg: {table}", "dc:description": spec.description,
            "tableSchema": {"columns": [column(name, typed, table) for name in typed.header],
                            "aboutUrl": "{+" + spec.subject + "}"}}


def metadata(typed: dict[str, TypedTable]) -> bytes:
    """``csv-metadata.json`` for the given tables (by name, in :data:`TABLES` order)."""
    group = {"@context": [CSVW_CONTEXT, {"@language": "en"}],
             "dc:title": "conflictkg: the record as flat tables",
             "dc:license": {"@id": LICENCE},
             "dialect": {"encoding": "utf-8", "lineTerminators": ["\r\n"], "header": True, "doubleQuote": True},
             "tables": [table_description(name, typed[name]) for name in TABLES if name in typed]}
    return (json.dumps(group, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
