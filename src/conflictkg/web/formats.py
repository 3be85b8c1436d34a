"""Result formats of the SPARQL endpoint and HTTP content negotiation (no I/O, no pyoxigraph state).

Two families: query results (SELECT, ASK) and RDF graphs (CONSTRUCT, DESCRIBE, the service
description). Each format has a short key (the ``format`` request parameter, for browsers), a
canonical media type (the ``Content-Type`` of the answer) and the media types that select it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from conflictkg.errors import NotAcceptable
from conflictkg.sparql.results import OXIGRAPH_RESULTS


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

#: the endpoint's result formats, written by the same Oxigraph serializers as the command line's
RESULTS_OX = OXIGRAPH_RESULTS
GRAPH_OX: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML,
}


def parse_accept(header: str | None) -> list[str]:
    """The media ranges of an ``Accept`` header, in order, each with its parameters (``q=0`` kept:
    :func:`choose` needs to know what the client refuses)."""
    return [part.strip() for part in (header or "").split(",") if part.strip()]


@dataclass(frozen=True)
class MediaRange:
    """One media range of an Accept header: the type, its quality and its place in the header."""

    media: str
    quality: float
    index: int

    @classmethod
    def parse(cls, text: str, index: int) -> MediaRange:
        media, *params = (p.strip() for p in text.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        return cls(media.lower(), quality, index)


def _specificity(media_range: str, fmt: Format) -> int:
    """How closely ``media_range`` names ``fmt``: 2 exactly, 1 by ``type/*``, 0 by ``*/*``, -1 not."""
    if media_range == "*/*":
        return 0
    if media_range.endswith("/*"):
        return 1 if fmt.media_type.startswith(media_range[:-1]) else -1
    return 2 if media_range == fmt.media_type or media_range in fmt.aliases else -1


def _matches(media_range: str, fmt: Format) -> bool:
    return _specificity(media_range, fmt) >= 0


def _quality(ranges: Sequence[MediaRange], fmt: Format) -> MediaRange | None:
    """The range that decides ``fmt``'s quality: the most specific one naming it (RFC 9110 12.5.1)."""
    named = [(_specificity(r.media, fmt), -r.index, r) for r in ranges if _matches(r.media, fmt)]
    return max(named, key=lambda t: (t[0], t[1]))[2] if named else None


#: What a browser asks for: when it prefers this to every RDF format, ``GET /sparql`` without a
#: query sends it to the query page instead of the service description.
PAGE_FORMAT = Format("html", "text/html", ("application/xhtml+xml",))


def wants_page(accept: Sequence[str]) -> bool:
    """Whether the client prefers a web page to every graph format (a browser does; a protocol
    client sending an RDF type, ``*/*`` or no Accept does not).

    >>> wants_page(parse_accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
    True
    >>> wants_page(parse_accept("text/turtle, text/html;q=0.5")), wants_page([]), wants_page(["*/*"])
    (False, False, False)
    """
    try:
        return choose({**GRAPH_FORMATS, PAGE_FORMAT.key: PAGE_FORMAT}, accept) is PAGE_FORMAT
    except NotAcceptable:
        return False


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
    type) win over ``accept`` (media ranges as :func:`parse_accept` gives them); values that name
    no format of this family are ignored. Each format takes the quality of the most specific range
    naming it; the best wins (ties: the earlier range, then the earlier format). When no format
    is acceptable, a header that refuses formats with ``q=0`` gets :class:`NotAcceptable` (the
    client said what it will not take); any other header gets the default, which is what
    browsers and most tools want (``Accept: image/png`` on a query still gets JSON).

    Raises:
        NotAcceptable: every format on offer is refused; the message lists them.
    """
    chosen = _override(formats, overrides)
    if chosen is not None:
        return chosen
    ranges = [MediaRange.parse(text, i) for i, text in enumerate(accept)]
    ranked = []
    for position, fmt in enumerate(formats.values()):
        decided = _quality(ranges, fmt)
        if decided is not None and decided.quality > 0:
            ranked.append((-decided.quality, decided.index, position, fmt))
    if ranked:
        return min(ranked, key=lambda t: t[:3])[3]
    if any(r.quality == 0 for r in ranges):
        offered = ", ".join(fmt.media_type for fmt in formats.values())
        raise NotAcceptable(f"not acceptable: the Accept header refuses every format on offer ({offered})",
                            hint=f"send Accept: {next(iter(formats.values())).media_type}, or */*")
    return next(iter(formats.values()))
