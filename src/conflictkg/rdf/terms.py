"""Neutral RDF terms shared by every backend (pyoxigraph's term classes) and their conversions."""

from __future__ import annotations

import re

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


#: Characters RFC 3987 never allows in an IRI (besides controls and spaces, checked separately).
_NOT_IN_IRI = frozenset('<>"{}|^`\\')


def iri_problem(iri: str) -> str | None:
    """Why ``iri`` is not an absolute IRI (the first bad character and its 1-based position,
    or the parser's reason), or None when it is one.

    Checked before pyoxigraph sees the text so that user input (a query parameter, a URL path)
    gets a message naming the character instead of a ``ValueError`` from deep inside a request.

    >>> iri_problem("https://w3id.org/conflictkg/resource/agent ru")
    "' ' (space) at position 43"
    >>> iri_problem("https://w3id.org/conflictkg/resource/agent-armenia") is None
    True
    """
    bad = iri_bad_char(iri)
    if bad:
        return bad
    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        return str(exc)
    return None


#: Printable ASCII without the space and :data:`_NOT_IN_IRI`: a text of these alone has no bad character, found at
#: once (a clause view binds thousands of IRIs: checked a character at a time, they were a fifth of its time, #14).
_PLAIN_IRI = re.compile(r"[\x21\x23-\x3b\x3d\x3f-\x5b\x5d\x5f\x61-\x7a\x7e]*")


def iri_bad_char(text: str, offset: int = 0) -> str | None:
    """The first character of ``text`` no IRI may contain, quoted with its 1-based position
    (plus ``offset``: where ``text`` starts in what the user wrote).

    >>> iri_bad_char("ckr:a|b"), iri_bad_char("ckr:a-b"), iri_bad_char("ckr:\u0561 b", 2)
    ("'|' at position 6", None, "' ' (space) at position 8")
    """
    if _PLAIN_IRI.fullmatch(text):
        return None
    for position, char in enumerate(text, 1 + offset):
        if char in _NOT_IN_IRI or char.isspace() or not char.isprintable():
            shown = repr(char) if char.isprintable() and char != " " else f"{char!r} ({_char_name(char)})"
            return f"{shown} at position {position}"
    return None


def _char_name(char: str) -> str:
    return "space" if char == " " else f"U+{ord(char):04X}"
