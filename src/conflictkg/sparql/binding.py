"""Bind query parameters as an inline ``VALUES`` block at the start of the query's WHERE group.

Oxigraph's ``substitutions`` accept only projected variables, and a trailing ``VALUES`` clause
is joined after the whole query (so a FILTER or BIND inside the WHERE clause never sees the
value). Placing ``VALUES (?p …) { (term …) }`` as the first element of the outermost WHERE group
gives pre-binding semantics (the behaviour of rdflib's ``initBindings``): every pattern, FILTER
and BIND of that group sees the bound value.

The terms are serialized by pyoxigraph in N-Triples syntax; user input is never formatted into
the query text, so a value cannot change the query's structure. Only the insertion point is
found by scanning the text, skipping comments, strings and IRIs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pyoxigraph as ox

from conflictkg.rdf.terms import Term

_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_LONG_QUOTES = ('"""', "'''")


def values_block(bindings: Mapping[str, Term]) -> str:
    """``VALUES (?a ?b) { (t1 t2) }`` for one row of bindings."""
    names = " ".join(f"?{ox.Variable(k).value}" for k in bindings)
    terms = " ".join(str(v) for v in bindings.values())
    return f" VALUES ({names}) {{ ({terms}) }} "


def values_rows(name: str, terms: Sequence[Term]) -> str:
    """``VALUES ?name { t1 t2 … }``: one variable bound to each of ``terms`` in turn (a row each)."""
    return f" VALUES ?{ox.Variable(name).value} {{ {' '.join(str(t) for t in terms)} }} "


def _skip_string(text: str, i: int) -> int:
    """Index just after the string literal starting at ``i``."""
    for quote in _LONG_QUOTES:
        if text.startswith(quote, i):
            end = text.find(quote, i + 3)
            return len(text) if end < 0 else end + 3
    quote, j = text[i], i + 1
    while j < len(text) and text[j] not in (quote, "\n"):
        j += 2 if text[j] == "\\" else 1
    return j + 1


def _skip_inert(text: str, i: int) -> int | None:
    """Index just after the comment, string literal or IRI starting at ``i`` (braces inside them do not
    count), or None when ``i`` starts none of them."""
    c = text[i]
    if c == "#":
        end = text.find("\n", i)
        return len(text) if end < 0 else end
    if c in "\"'":
        return _skip_string(text, i)
    if c == "<" and (m := _IRI.match(text, i)):
        return m.end()
    return None


def where_group_start(text: str) -> int | None:
    """Index just after the ``{`` that opens the outermost WHERE group, or None if not found."""
    i, depth, form = 0, 0, ""
    while i < len(text):
        c = text[i]
        if (past := _skip_inert(text, i)) is not None:
            i = past
        elif c == "{":
            if depth == 0 and form != "CONSTRUCT-TEMPLATE":
                return i + 1
            depth, i = depth + 1, i + 1
        elif c == "}":
            depth, i = depth - 1, i + 1
            if depth == 0 and form == "CONSTRUCT-TEMPLATE":
                form = "CONSTRUCT"
        elif (m := _WORD.match(text, i)) and (i == 0 or text[i - 1] not in ":?$_-"):
            word = m.group(0).upper()
            if word == "CONSTRUCT" and depth == 0:
                form = "CONSTRUCT-TEMPLATE"
            elif word == "WHERE" and depth == 0:
                form = "WHERE"
            i = m.end()
        else:
            i += 1
    return None


def bind_values(sparql: str, bindings: Mapping[str, Term] | None) -> str:
    """``sparql`` with ``bindings`` as a VALUES block opening its WHERE group.

    Falls back to a trailing VALUES clause when the query has no WHERE group (e.g. a bare
    ``DESCRIBE <iri>``).

    >>> bind_values("SELECT ?x WHERE { ?x ?p ?o }", {"o": ox.Literal("1")})
    'SELECT ?x WHERE { VALUES (?o) { ("1") }  ?x ?p ?o }'
    """
    if not bindings:
        return sparql
    at = where_group_start(sparql)
    if at is None:
        return sparql + "\n" + values_block(bindings).strip() + "\n"
    return sparql[:at] + values_block(bindings) + sparql[at:]


def bind_rows(sparql: str, name: str, terms: Sequence[Term]) -> str:
    """``sparql`` with ``?name`` bound to each of ``terms`` (a row each) by a VALUES block opening its WHERE
    group: one question over a list of values instead of one per value (a remote server's one round trip).

    >>> bind_rows("SELECT ?t WHERE { ?r a ?t }", "r", [ox.NamedNode("https://e.org/a"), ox.NamedNode("https://e.org/b")])
    'SELECT ?t WHERE { VALUES ?r { <https://e.org/a> <https://e.org/b> }  ?r a ?t }'
    """
    at = where_group_start(sparql)
    if at is None:
        raise ValueError("a list is bound in the WHERE group, and the query has none")
    return sparql[:at] + values_rows(name, terms) + sparql[at:]


#: The line that ends the key sub-select of a ``window: keys`` question: a page's LIMIT and OFFSET go there.
WINDOW_MARK = "# window:"
_MARK = re.compile(r"^[ \t]*# window:.*$", re.MULTILINE)
_SUB_SELECT = re.compile(r"\{\s*(SELECT)\b", re.IGNORECASE)


def _sub_select_span(text: str) -> tuple[int, int] | None:
    """Where the first sub-select starts (its SELECT) and where its :data:`WINDOW_MARK` line starts."""
    outer = where_group_start(text)
    sub = _SUB_SELECT.search(text, outer) if outer is not None else None
    marks = list(_MARK.finditer(text))
    if sub is None or len(marks) != 1 or marks[0].start() < sub.start():
        return None
    return sub.start(1), marks[0].start()


def keyed_problem(text: str, params: tuple[str, ...]) -> str | None:
    """Why ``text`` cannot be a ``window: keys`` question (None: it can): it needs a first sub-select
    ending in one :data:`WINDOW_MARK` line that projects every parameter (so the whole answer, unwindowed,
    is right on any engine)."""
    span = _sub_select_span(text)
    if span is None:
        return f"needs a first sub-select followed by exactly one line starting {WINDOW_MARK!r}"
    head = text[span[0]:span[1]]
    where = re.search(r"\bWHERE\b", head, re.IGNORECASE)
    projected = set(re.findall(r"\?([A-Za-z_]\w*)", head[:where.start() if where else 0]))
    missing = [name for name in params if name not in projected]
    return f"must project its parameters from the key sub-select: {', '.join(missing)}" if missing else None


def _key_span(text: str) -> tuple[int, int]:
    """:func:`_sub_select_span` of a question :func:`keyed_problem` accepted (ValueError if it has none)."""
    span = _sub_select_span(text)
    if span is None:
        raise ValueError("no key sub-select")
    return span


def sub_select_text(text: str) -> str:
    """The key sub-select of a ``window: keys`` question: from its SELECT to its ORDER BY."""
    start, mark = _key_span(text)
    return text[start:mark]


def bind_sub_select(text: str, bindings: Mapping[str, Term] | None, window: str = "") -> str:
    """``text`` with ``bindings`` as a VALUES block opening its key sub-select's WHERE group (a sub-select
    does not see the outer VALUES) and its :data:`WINDOW_MARK` line replaced by ``window`` (a checked
    ``LIMIT n OFFSET m``, or "" for the whole answer)."""
    start, mark = _key_span(text)
    if window:  # the mark line, up to its newline, becomes the window
        end = text.find("\n", mark)
        text = text[:mark] + window + (text[end:] if end >= 0 else "\n")
    return text[:start] + bind_values(text[start:], bindings)


def _group_end(text: str, at: int) -> int:
    """Index just after the ``}`` that closes the group opened by the ``{`` at ``at`` (comments, strings and
    IRIs skipped); ValueError if it is never closed."""
    i, depth = at, 0
    while i < len(text):
        c = text[i]
        if (past := _skip_inert(text, i)) is not None:
            i = past
        else:
            depth += {"{": 1, "}": -1}.get(c, 0)
            i += 1
            if depth == 0:
                return i
    raise ValueError("unclosed group")


def keys_group(variables: Sequence[str], rows: Sequence[Sequence[Term | None]]) -> str:
    """A group whose solutions are ``rows`` (values of ``variables``, None unbound), in that order: one
    ``{ BIND(...) }`` branch each, joined by UNION; no solution for no rows.

    A VALUES row of several terms would do the same, but an IRI with ``#`` after another term inside its
    parentheses is refused by the store's guard (:mod:`conflictkg.sparql.guard`: it could be a less-than);
    in ``BIND(term AS ?v)`` the term follows ``(``, never ambiguous.

    >>> keys_group(["a", "b"], [(ox.NamedNode("https://e.org/x#y"), None), (None, ox.Literal("s"))])
    '{ { BIND(<https://e.org/x#y> AS ?a) } UNION { BIND("s" AS ?b) } }'
    >>> keys_group(["a"], [])
    '{ FILTER(false) }'
    """
    names = [f"?{ox.Variable(name).value}" for name in variables]
    branches = ["{ " + " ".join(f"BIND({term} AS {name})" for name, term in zip(names, row, strict=True)
                                if term is not None) + " }" for row in rows]
    return "{ " + " UNION ".join(branches) + " }" if branches else "{ FILTER(false) }"


def bind_keys(text: str, variables: Sequence[str], rows: Sequence[Sequence[Term | None]]) -> str:
    """``text`` (a ``window: keys`` question) with its whole key sub-select, ``{ SELECT ... # window: ... }``,
    replaced by :func:`keys_group` of ``rows``: the page's keys, chosen already, with their details joined
    as the question joins them."""
    start, _mark = _key_span(text)
    group = text.rfind("{", 0, start)
    return text[:group] + keys_group(variables, rows) + text[_group_end(text, group):]
