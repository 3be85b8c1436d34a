"""Result formats of the SPARQL endpoint and HTTP content negotiation (no I/O, no pyoxigraph state).

Two families: query results (SELECT, ASK) and RDF graphs (CONSTRUCT, DESCRIBE, the service
description). Each format has a short key (the ``format`` request parameter, for browsers), a
canonical media type (the ``Content-Type`` of the answer) and the media types that select it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox


@dataclass(frozen=True)
class Format:
    """One serialization the endpoint can answer with."""

    key: str
    media_type: str
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        """``media_type`` with a charset for the ``text/*`` types."""
        return self.media_type + ("; charset=utf-8" if self.media_type.startswith("text/") else "")


RESULT_FORMATS: dict[str, Format] = {
    "json": Format("json", "application/sparql-results+json", ("application/json", "text/javascript")),
    "xml": Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml")),
    "csv": Format("csv", "text/csv"),
    "tsv": Format("tsv", "text/tab-separated-values"),
}

GRAPH_FORMATS: dict[str, Format] = {
    "turtle": Format("turtle", "text/turtle", ("application/x-turtle", "text/n3")),
    "ntriples": Format("ntriples", "application/n-triples", ("text/plain",)),
    "jsonld": Format("jsonld", "application/ld+json", ("application/json",)),
    "rdfxml": Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml")),
}

RESULTS_OX: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_OX: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML,
}


def parse_accept(header: str | None) -> list[str]:
    """Media ranges of an ``Accept`` header, best first (by q, then by order); q=0 dropped."""
    if not header:
        return []
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, index, media.lower()))
    return [media for _q, _i, media in sorted(ranked)]


def _matches(media_range: str, fmt: Format) -> bool:
    if media_range == "*/*":
        return True
    if media_range.endswith("/*"):
        return fmt.media_type.startswith(media_range[:-1])
    return media_range == fmt.media_type or media_range in fmt.aliases


#: Other names clients put in a ``format`` parameter (SPARQLWrapper sends its own names).
FORMAT_ALIASES = {"json-ld": "jsonld", "rdf+xml": "rdfxml", "rdf": "rdfxml", "n3": "turtle", "ttl": "turtle",
                  "nt": "ntriples", "n-triples": "ntriples"}


def _override(formats: dict[str, Format], overrides: Sequence[str]) -> Format | None:
    for value in overrides:
        key = FORMAT_ALIASES.get(value.strip().lower(), value.strip().lower())
        if key in formats:
            return formats[key]
        if "/" in key:
            found = [fmt for fmt in formats.values() if key != "*/*" and _matches(key, fmt)]
            if found:
                return found[0]
    return None


def choose(formats: dict[str, Format], accept: Sequence[str], overrides: Sequence[str] = ()) -> Format:
    """The format to answer with, from ``formats`` (the first is the default).

    ``overrides`` (values of the ``format`` parameter: a key such as ``csv``, an alias, or a media
    type) win over ``accept``; values that name no format of this family are ignored. Nothing
    acceptable gives the default rather than 406, which is what browsers and most tools want.
    """
    chosen = _override(formats, overrides)
    if chosen is not None:
        return chosen
    for media_range in accept:
        for fmt in formats.values():
            if _matches(media_range, fmt):
                return fmt
    return next(iter(formats.values()))
