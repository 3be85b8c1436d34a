"""The release's DCAT description (``catalog.ttl``) and its ``CITATION.cff``.

``catalog.ttl``: the project's releases as a ``dcat:Catalog`` holding this release as a ``dcat:Dataset``
(the same IRI as the ``void:Dataset`` of ``void.ttl``), with one ``dcat:Distribution`` per file of the
release: title, media type, byte size, SHA-256 (``spdx:checksum``) and a download URL relative to the
catalog (the file beside it). The catalog and ``SHA256SUMS`` describe each other's neighbours, not
themselves. ``CITATION.cff``: the shipped one with the release's version and date filled in.
"""

from __future__ import annotations

import hashlib
import re

import pyoxigraph as ox

from conflictkg import __version__
from conflictkg.errors import InputError
from conflictkg.resources import Resources

FILE, CITATION = "catalog.ttl", "CITATION.cff"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
SPDX = "http://spdx.org/rdf/terms#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
IANA = "https://www.iana.org/assignments/media-types/"
#: Media types of the release's files that :mod:`conflictkg.exports` does not list, by name or suffix.
MEDIA_TYPES = {".nq": "application/n-quads", ".trig": "application/trig", ".ttl": "text/turtle",
               ".jsonld": "application/ld+json", ".cff": "application/x-yaml", ".md": "text/markdown",
               ".csv": "text/csv", ".geojson": "application/geo+json"}
PREFIXES = {"dcat": DCAT, "dcterms": DCT, "spdx": SPDX, "xsd": XSD, "owl": "http://www.w3.org/2002/07/owl#"}


def media_type(name: str, known: dict[str, str]) -> str:
    """The media type of a release file, parameters dropped.

    >>> media_type("conflictkg.nq", {}), media_type("claims.csv", {"claims.csv": "text/csv; charset=utf-8"})
    ('application/n-quads', 'text/csv')
    """
    if name in known:
        return known[name].split(";")[0]
    return MEDIA_TYPES[name[name.rindex("."):]]


def _literal(value: str | int, datatype: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + datatype))


def _distribution(dataset: str, name: str, data: bytes, media: str) -> list[ox.Triple]:
    node, checksum = ox.NamedNode(f"{dataset}#file-{name}"), ox.NamedNode(f"{dataset}#sha256-{name}")
    facts = [(RDF_TYPE, ox.NamedNode(DCAT + "Distribution")), (ox.NamedNode(DCT + "title"), ox.Literal(name)),
             (ox.NamedNode(DCAT + "downloadURL"), ox.NamedNode(f"{dataset}/{name}")),
             (ox.NamedNode(DCAT + "mediaType"), ox.NamedNode(IANA + media)),
             (ox.NamedNode(DCAT + "byteSize"), _literal(len(data), "nonNegativeInteger")),
             (ox.NamedNode(SPDX + "checksum"), checksum)]
    sums = [(RDF_TYPE, ox.NamedNode(SPDX + "Checksum")),
            (ox.NamedNode(SPDX + "algorithm"), ox.NamedNode(SPDX + "checksumAlgorithm_sha256")),
            (ox.NamedNode(SPDX + "checksumValue"), _literal(hashlib.sha256(data).hexdigest(), "hexBinary"))]
    return [ox.Triple(node, p, o) for p, o in facts] + [ox.Triple(checksum, p, o) for p, o in sums]


def catalog(base: str, date: str, licence: str, files: dict[str, bytes], known: dict[str, str]) -> bytes:
    """``catalog.ttl`` for the release ``{base}{date}`` and its ``files``; download URLs relative (the
    Turtle has no ``@base``: they resolve against where the catalog is read)."""
    dataset = f"{base}{date}"
    ds, cat = ox.NamedNode(dataset), ox.NamedNode(base)
    title = ox.Literal(f"conflictkg {__version__} ({date})", language="en")
    triples = [ox.Triple(cat, RDF_TYPE, ox.NamedNode(DCAT + "Catalog")),
               ox.Triple(cat, ox.NamedNode(DCT + "title"), ox.Literal("conflictkg releases", language="en")),
               ox.Triple(cat, ox.NamedNode(DCAT + "dataset"), ds),
               ox.Triple(ds, RDF_TYPE, ox.NamedNode(DCAT + "Dataset")),
               ox.Triple(ds, ox.NamedNode(DCT + "title"), title),
               ox.Triple(ds, ox.NamedNode(DCT + "issued"), _literal(date, "date")),
               ox.Triple(ds, ox.NamedNode(DCAT + "version"), ox.Literal(__version__)),
               ox.Triple(ds, ox.NamedNode("http://www.w3.org/2002/07/owl#versionInfo"), ox.Literal(__version__)),
               ox.Triple(ds, ox.NamedNode(DCT + "license"), ox.NamedNode(licence))]
    triples += [ox.Triple(ds, ox.NamedNode(DCAT + "distribution"), ox.NamedNode(f"{dataset}#file-{name}"))
                for name in sorted(files)]
    for name in sorted(files):
        triples += _distribution(dataset, name, files[name], media_type(name, known))
    text = (ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"").decode("utf-8")
    return text.replace(f"<{dataset}/", "<").encode("utf-8")


def citation(resources: Resources, date: str) -> bytes:
    """The shipped ``CITATION.cff`` with ``version`` and ``date-released`` set to this release's.

    Raises:
        InputError: the file is missing or has no ``version``/``date-released`` line.
    """
    path = resources.citation_file
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError("cannot read the citation file", path=str(path),
                         hint="reinstall conflictkg or run from a checkout (CITATION.cff at its root)") from exc
    for key, value in (("version", __version__), ("date-released", date)):
        text, found = re.subn(rf'^{key}: .*$', f'{key}: "{value}"', text, count=1, flags=re.M)
        if not found:
            raise InputError(f"the citation file has no {key!r} line", path=str(path),
                             hint=f'add a top-level line {key}: "…" to CITATION.cff')
    return text.encode("utf-8")
