"""Where Virtuoso 7.2 (Debian's ``virtuoso-opensource-7``) answers a question of the package otherwise
than the embedded store, and why; docs/servers.md lists the same. The server tests assert each of
these still differs (or still fails with its message), so a fixed one must leave this table."""

from __future__ import annotations

import re

#: The literals Virtuoso stores otherwise than given (so ``quads()`` gives them back changed): WKT points
#: become its own ``virtrdf:Geometry`` in single precision, the xsd:duration ``P5Y`` becomes ``"60"``.
#: (Its xsd:boolean ``"1"`` and ``"0"`` are read back as ``true`` and ``false``: ``store.remote.canonical``.)
REWRITTEN = re.compile(r'\^\^<(http://www\.opengis\.net/ont/geosparql#wktLiteral|'
                       r'http://www\.openlinksw\.com/schemas/virtrdf#Geometry|'
                       r'http://www\.w3\.org/2001/XMLSchema#duration)> <[^>]*>$')

#: Virtuoso refuses the query: its message (matched in the error) and the reason.
#: (None since ``denials`` was rewritten: Virtuoso answered "Query contains a transitive derived table but
#: neither end of it is bound by equality to other columns or parameters" to its ``*`` paths in an EXISTS.)
FAILS: dict[str, tuple[str, str]] = {}

GEOMETRY = ("Virtuoso stores WKT points as its own geometries in single precision: POINT(46.54333 39.58972) "
           "comes back as POINT(46.54333114624 39.589721679688), and so do the coordinates read from it")
COLLATION = ("Virtuoso orders strings by its own collation (\"Ministry … of Turkey\" before \"… of the Russian "
             "Federation\"), not by code point as SPARQL does: the same rows in another order")

#: Virtuoso answers, but not the same: the reason.
DIFFERS = {
    "queries/third-party-positions": COLLATION,
    "drafting/place-names": COLLATION,
    "queries/place-coordinates": GEOMETRY,
    "exports/places-table": GEOMETRY,
}
