"""Neutral RDF terms shared by every backend (pyoxigraph's term classes) and their conversions."""

from __future__ import annotations

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal

XSD = "http://www.w3.org/2001/XMLSchema#"


def term_to_str(term: Term | None) -> str:
    """The plain value of a term: the IRI, the blank node id or the literal's lexical form."""
    if term is None:
        return ""
    return str(term.value)


def term_from_json(binding: dict[str, str]) -> Term:
    """The term of one binding in SPARQL 1.1 Query Results JSON form."""
    kind = binding["type"]
    if kind == "uri":
        return ox.NamedNode(binding["value"])
    if kind == "bnode":
        return ox.BlankNode(binding["value"])
    if "xml:lang" in binding:
        return ox.Literal(binding["value"], language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(binding["value"], datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(binding["value"])
