"""A ``window: keys`` question's keys in order, sorted here once, so a page of them is a slice (#14).

:func:`~conflictkg.sparql.windows.run_slice` has the engine choose a page's keys: its key sub-select
sorts every key, then skips to the page. On the on-disk store a sort looks up both terms of every
comparison: for the 2,216 statements that point to ``agent-azerbaijan`` at 10x the shipped data, 0.33 s
of the page's 0.39 s went to that sort, the same for every page of them. :func:`sorted_keys` asks the
key sub-select once without its ORDER BY (0.08 s there) and sorts the keys in Python by the same
variables; :func:`run_keys` then answers a page by binding its slice of keys in place of the sub-select
(:func:`~conflictkg.sparql.binding.bind_keys`): the engine joins their details and sorts that page only.

The order is SPARQL's (and Oxigraph's) where it is exact in Python: unbound first, then IRIs by their
text (code points, as Oxigraph compares their UTF-8 bytes), then literals; the literals of one
variable must all be plain strings (``xsd:string``) or all ``xsd:date``s written ``YYYY-MM-DD`` (their
text is then their order). The ORDER BY must list plain ``?variables`` (ascending). Keys equal on all of
them (the engine orders those its own way) are ordered by their other columns' text. Anything else, a
blank node anywhere in the keys, a language-tagged or numeric literal sorted on, ``DESC`` or an
expression, and :func:`sorted_keys` answers None: the caller asks the engine (:func:`~conflictkg.sparql.windows.run_slice`) as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

import pyoxigraph as ox

from conflictkg.sparql.binding import bind_keys, bind_values, sub_select_text
from conflictkg.sparql.queries import Query, bind
from conflictkg.sparql.windows import Slice, prologue, unordered
from conflictkg.store import Result, Store

XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ORDER_BY = re.compile(r"^\s*ORDER\s+BY\s+((?:\?[A-Za-z_]\w*\s*)+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Keys:
    """Every key of a ``window: keys`` question (its key sub-select's rows, ``variables`` in its projection's
    order), in the question's order."""

    variables: tuple[str, ...]
    rows: tuple[tuple[ox.NamedNode | ox.Literal | None, ...], ...]


def order_variables(query: Query) -> tuple[str, ...] | None:
    """The variables of the key sub-select's ORDER BY, when it lists plain ``?variables`` only (else None).

    >>> from conflictkg.resources import default_resources
    >>> from conflictkg.sparql.queries import load_library
    >>> order_variables(load_library(default_resources().pages_queries_dir)["resource-mentions"])
    ('property', 'subject', 'graph_kind', 'g')
    """
    lines = [line for line in sub_select_text(query.text).rstrip().splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    match = _ORDER_BY.match(lines[-1]) if lines else None
    return tuple(name[1:] for name in match.group(1).split()) if match else None


def _column_kind(terms: list[ox.NamedNode | ox.Literal | ox.BlankNode | None]) -> bool:
    """Whether Python orders this column's terms as SPARQL does (see the module's doc)."""
    kinds = set()
    for term in terms:
        if isinstance(term, ox.BlankNode):
            return False
        if isinstance(term, ox.Literal):
            datatype = term.datatype.value
            if term.language or datatype not in (XSD + "string", XSD + "date"):
                return False
            if datatype == XSD + "date" and not _DATE.fullmatch(term.value):
                return False
            kinds.add(datatype)
    return len(kinds) <= 1


def _rank(term: ox.NamedNode | ox.Literal | None) -> tuple[int, str]:
    """A term's place in the order: unbound, then IRIs, then literals, each by its text."""
    if term is None:
        return (0, "")
    return (1 if isinstance(term, ox.NamedNode) else 2, term.value)


def sorted_keys(store: Store, query: Query, raw: dict[str, str]) -> Keys | None:
    """Every key of ``query`` (a ``window: keys`` question, ``raw`` bound as by :func:`~conflictkg.sparql.queries.run`)
    in its order, sorted here; None when that order is not exact here (see the module's doc)."""
    variables = order_variables(query)
    if variables is None:
        return None
    bindings = bind(query, raw)
    text = "\n".join([*prologue(query.text), bind_values(unordered(sub_select_text(query.text)), bindings)])
    result = store.query(text)
    at = [result.variables.index(name) for name in variables if name in result.variables]
    if len(at) != len(variables) or not all(_column_kind([row[i] for row in result.rows]) for i in at):
        return None
    if any(isinstance(term, ox.BlankNode) for row in result.rows for term in row):
        return None  # a blank node cannot be bound back into a query
    return Keys(tuple(result.variables), tuple(_in_order(result.rows, at)))


def _in_order(rows: list[tuple[ox.NamedNode | ox.Literal | None, ...]], at: list[int]) -> list[tuple]:
    """``rows`` sorted by :func:`_sort_key`, which is computed for the rows that tie on the ORDER BY's columns
    only: the rest are ordered by those columns, each term's rank worked out once (a list's rows repeat
    their properties and graphs). At 37x the shipped data, the 16,110 statements that point to
    ``agent-azerbaijan`` took 0.14 s to sort by the whole key, most of it the text of every column."""
    ranks: dict[object, tuple[int, str]] = {}

    def rank(term: ox.NamedNode | ox.Literal | None) -> tuple[int, str]:
        found = ranks.get(term)
        if found is None:
            found = ranks[term] = _rank(term)
        return found

    heads = [tuple(rank(row[i]) for i in at) for row in rows]
    out: list[tuple] = []
    for _, run in groupby(sorted(range(len(rows)), key=heads.__getitem__), key=heads.__getitem__):
        tied = [rows[j] for j in run]  # equal on the ORDER BY's columns: by every column's text
        out.extend(tied if len(tied) == 1 else sorted(tied, key=lambda row: _sort_key(row, at)))
    return out


def _sort_key(row: tuple[ox.NamedNode | ox.Literal | None, ...], at: list[int]) -> tuple[tuple[int, str], ...]:
    """The order of ``row``: by the ORDER BY's columns ``at``, then (ties, where the engine's order is its own)
    by every column's text, so a page's keys are the same on every run."""
    return tuple(_rank(row[i]) for i in at) + tuple((0, "") if t is None else (1, str(t)) for t in row)


def run_keys(store: Store, query: Query, raw: dict[str, str], keys: Keys, part: Slice) -> Result:
    """The rows of ``part`` of ``query``'s answer, its keys taken from ``keys`` (:func:`sorted_keys`): the same
    rows, in the same order, as :func:`~conflictkg.sparql.windows.run_slice` gives."""
    page = keys.rows[part.offset:part.offset + part.limit]
    bindings = bind(query, raw)
    return store.query(bind_keys(query.text, keys.variables, page), bindings)
