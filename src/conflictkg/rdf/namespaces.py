"""IRIs as code: the project's namespaces and the prefixes every query and file may use."""

from __future__ import annotations

CK = "https://w3id.org/conflictkg/ontology#"
CKV = "https://w3id.org/conflictkg/vocab/"
CKR = "https://w3id.org/conflictkg/resource/"
CKG = "https://w3id.org/conflictkg/graph/"
CKSH = "https://w3id.org/conflictkg/shapes#"

PREFIXES: dict[str, str] = {
    "ck": CK,
    "ckv": CKV,
    "ckr": CKR,
    "ckg": CKG,
    "cksh": CKSH,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "skosxl": "http://www.w3.org/2008/05/skos-xl#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "time": "http://www.w3.org/2006/time#",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "wgs": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "oa": "http://www.w3.org/ns/oa#",
    "schema": "https://schema.org/",
    "vann": "http://purl.org/vocab/vann/",
    "sh": "http://www.w3.org/ns/shacl#",
}

# The named graphs the build writes (see docs/data-model.md).
GRAPH_ONTOLOGY = CKG + "ontology"
GRAPH_VOCAB = CKG + "vocab"
GRAPH_REFERENCE = CKG + "reference"
GRAPH_CLAIMS = CKG + "claims"
GRAPH_INDEX = CKG + "index"  # derived at build time (name search keys); never edited by hand
GRAPH_INFERRED = CKG + "inferred"  # what the ontology entails, materialised at build time (owl.inference)


def expand_curie(value: str) -> str:
    """Expand ``ck:Claim`` to a full IRI; accept ``<…>`` and full IRIs unchanged.

    >>> expand_curie("ckr:agent-armenia")
    'https://w3id.org/conflictkg/resource/agent-armenia'
    >>> expand_curie("<http://example.org/x>")
    'http://example.org/x'
    """
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return value


def compact_iri(iri: str) -> str:
    """The shortest prefixed form of ``iri``, or the IRI itself.

    >>> compact_iri("https://w3id.org/conflictkg/resource/agent-armenia")
    'ckr:agent-armenia'
    """
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(best):
            best, name = ns, prefix
    if best:
        local = iri[len(best) :]
        if local and all(c.isalnum() or c in "-_." for c in local):
            return f"{name}:{local}"
    return iri
