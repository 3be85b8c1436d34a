"""The release's JSON-LD: ``conflictkg.jsonld`` (every named graph) and its compact ``context.jsonld``.

The context declares the prefixes of :mod:`conflictkg.rdf.namespaces` and one term per property of
the ontology (``ck:claimDate`` is ``claimDate``), typed from the data: ``"@type": "@id"`` when every
value of the property is an IRI or blank node, the datatype when every value has the same one (e.g.
``xsd:date``). A value that does not fit its term's type is written as a full value object. The
document is written here, not by a JSON-LD library, so that it is deterministic: named graphs, nodes
and values sorted, keys sorted. Any JSON-LD 1.1 processor reads it back to the same quads.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pyoxigraph as ox

from conflictkg.rdf.namespaces import CK, PREFIXES

DOCUMENT, CONTEXT = "conflictkg.jsonld", "context.jsonld"
MEDIA_TYPE = "application/ld+json"
RDF_TYPE = PREFIXES["rdf"] + "type"
XSD_STRING = PREFIXES["xsd"] + "string"
#: Longest namespace first, so that ``ckr:`` wins over a shorter namespace it starts with.
_NAMESPACES = sorted(PREFIXES.items(), key=lambda item: (-len(item[1]), item[0]))


def compact(iri: str) -> str:
    """``iri`` as a compact IRI when a prefix of the context covers it.

    >>> compact("https://w3id.org/conflictkg/resource/claim-x"), compact("http://example.org/a")
    ('ckr:claim-x', 'http://example.org/a')
    """
    for prefix, namespace in _NAMESPACES:
        local = iri[len(namespace):]
        if iri.startswith(namespace) and local and not local.startswith("//"):
            return f"{prefix}:{local}"
    return iri


def _value_kind(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    if not isinstance(term, ox.Literal):
        return "@id"
    return "@language" if term.language else term.datatype.value


def context(quads: list[ox.Quad]) -> dict[str, Any]:
    """The compact context: prefixes, then one term per ``ck:`` property used, typed where all its
    values share a kind."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for quad in quads:
        predicate = quad.predicate.value
        if predicate.startswith(CK) and predicate[len(CK):] not in PREFIXES:
            kinds[predicate].add(_value_kind(quad.object))
    terms: dict[str, Any] = dict(sorted(PREFIXES.items()))
    for predicate in sorted(kinds):
        definition: dict[str, str] = {"@id": compact(predicate)}
        (kind,) = kinds[predicate] if len(kinds[predicate]) == 1 else ("",)
        if kind == "@id" or (kind and kind not in ("@language", XSD_STRING)):
            definition["@type"] = kind if kind == "@id" else compact(kind)
        terms[predicate[len(CK):]] = definition
    return terms


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal, coerced: str | None) -> Any:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}" if coerced == "@id" else {"@id": f"_:{term.value}"}
    if isinstance(term, ox.NamedNode):
        return compact(term.value) if coerced == "@id" else {"@id": compact(term.value)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    datatype = compact(term.datatype.value)
    if coerced == datatype:
        return term.value
    if term.datatype.value == XSD_STRING and coerced is None:
        return term.value
    return {"@value": term.value, "@type": datatype}


def _sort_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _node(subject: str, triples: list[ox.Quad], ctx: dict[str, Any]) -> dict[str, Any]:
    by_key: dict[str, list[Any]] = defaultdict(list)
    types = []
    terms = {definition["@id"]: (name, definition.get("@type")) for name, definition in ctx.items()
             if isinstance(definition, dict)}
    for quad in triples:
        if quad.predicate.value == RDF_TYPE and isinstance(quad.object, ox.NamedNode):
            types.append(compact(quad.object.value))
            continue
        key, coerced = terms.get(compact(quad.predicate.value), (compact(quad.predicate.value), None))
        by_key[key].append(_value(quad.object, coerced))
    node: dict[str, Any] = {"@id": subject}
    if types:
        node["@type"] = sorted(types)
    for key, values in by_key.items():
        node[key] = sorted(values, key=_sort_key)
    return node


def _subject_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else compact(term.value)


def document(quads: list[ox.Quad], ctx: dict[str, Any]) -> dict[str, Any]:
    """The dataset as a JSON-LD document: one node per named graph holding its nodes (``@graph``)."""
    graphs: dict[str, dict[str, list[ox.Quad]]] = defaultdict(lambda: defaultdict(list))
    for quad in quads:
        graph = "" if isinstance(quad.graph_name, ox.DefaultGraph) else _subject_id(quad.graph_name)
        graphs[graph][_subject_id(quad.subject)].append(quad)
    out: list[dict[str, Any]] = []
    for graph in sorted(graphs):
        nodes = [_node(subject, graphs[graph][subject], ctx) for subject in sorted(graphs[graph])]
        out.extend(nodes) if graph == "" else out.append({"@id": graph, "@graph": nodes})
    return {"@context": ctx, "@graph": out}


def dumps(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def files(quads: list[ox.Quad]) -> dict[str, bytes]:
    """``conflictkg.jsonld`` (context inline, so it reads without fetching anything) and ``context.jsonld``."""
    ctx = context(quads)
    return {DOCUMENT: dumps(document(quads, ctx)), CONTEXT: dumps({"@context": ctx})}
