"""A library question asked a page at a time (#14): its rows ``offset`` to ``offset + limit`` and how
many rows it has in all, computed by the engine rather than by cutting the whole answer in Python.

SPARQL cannot bind ``LIMIT`` and ``OFFSET`` as variables, so a question declares ``window: true`` in
its header (:func:`conflictkg.sparql.queries.load_query` then checks that it ends in its ORDER BY),
and the window is written after that ORDER BY from two whole numbers checked here: never from text.
Its total is the same question, bound the same way, without its ORDER BY, wrapped as a sub-select under
``COUNT(*)``.

A LIMIT after the final ORDER BY still has the engine join every row's details before it sorts. A
question declaring ``window: keys`` chooses its page's keys (e.g. claims) in a first sub-select on the
sort keys only, ending in a ``# window:`` line: the LIMIT and OFFSET are written there, the parameters
are bound inside it too, and the details are joined outside for the page's keys alone. Its window and
total count keys, not rows (a claim's rows stay on one page); its pages, in order, are its whole answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from conflictkg.errors import QueryError
from conflictkg.rdf.terms import term_to_str
from conflictkg.sparql.binding import bind_sub_select, bind_values, sub_select_text
from conflictkg.sparql.queries import Query, bind
from conflictkg.store import Result, Store

#: The largest window and offset written into a query (a page of at most 500 rows, far past any record).
MAX_LIMIT = 10_000
MAX_OFFSET = 10**9


@dataclass(frozen=True)
class Slice:
    """Rows ``offset`` to ``offset + limit`` of an ordered answer."""

    limit: int
    offset: int = 0

    def __post_init__(self) -> None:
        for name, value, high in (("limit", self.limit, MAX_LIMIT), ("offset", self.offset, MAX_OFFSET)):
            if type(value) is not int or not (0 if name == "offset" else 1) <= value <= high:
                raise QueryError(f"a window's {name} must be a whole number up to {high}, got {value!r}")

    def clause(self) -> str:
        """``LIMIT n OFFSET m``, from the two checked integers.

        >>> Slice(100, 200).clause()
        'LIMIT 100 OFFSET 200'
        """
        return f"LIMIT {self.limit:d} OFFSET {self.offset:d}"


def _windowed(query: Query) -> None:
    if not query.window:
        raise QueryError(f"query {query.id!r} cannot be asked a page at a time",
                         hint="its header needs window: true (and the query must end in its ORDER BY)")


def run_slice(store: Store, query: Query, raw: dict[str, str], part: Slice) -> Result:
    """The rows of ``part`` of ``query``'s ordered answer, ``raw`` bound as by :func:`~conflictkg.sparql.queries.run`."""
    _windowed(query)
    bindings = bind(query, raw)
    if query.keyed:  # the keys of this page, then their details
        return store.query(bind_sub_select(query.text, bindings, part.clause()), bindings)
    return store.query(f"{query.text.rstrip()}\n{part.clause()}\n", bindings)


def count_text(text: str) -> str:
    """``text`` (a SELECT, its parameters bound already) as ``SELECT (COUNT(*) AS ?total)`` over it as a sub-select;
    its prologue (comments, PREFIX and BASE lines) stays in front.

    >>> print(count_text("PREFIX a: <urn:a#>\\nSELECT ?x WHERE { ?x a:p 1 }\\nORDER BY ?x"))
    PREFIX a: <urn:a#>
    SELECT (COUNT(*) AS ?total) WHERE {
    SELECT ?x WHERE { ?x a:p 1 }
    ORDER BY ?x
    }
    """
    lines = text.splitlines()
    head = len(prologue(text))
    return "\n".join([*lines[:head], "SELECT (COUNT(*) AS ?total) WHERE {", *lines[head:], "}"])


def unordered(text: str) -> str:
    """``text`` without its final ``ORDER BY`` line (a count needs no order, and on an on-disk store sorting
    costs a lookup of both terms per comparison: most of a count's time at scale); unchanged when its last
    line that is not blank or a comment is not an ORDER BY.

    >>> unordered("SELECT ?x WHERE { ?x ?p ?o }\\n  ORDER BY ?x\\n# note\\n")
    'SELECT ?x WHERE { ?x ?p ?o }\\n# note'
    >>> unordered("SELECT ?x WHERE { ?x ?p ?o }")
    'SELECT ?x WHERE { ?x ?p ?o }'
    """
    lines = text.rstrip().splitlines()
    last = max((i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), default=None)
    if last is None or not lines[last].lstrip().upper().startswith("ORDER BY"):
        return text
    return "\n".join(lines[:last] + lines[last + 1:])


def prologue(text: str) -> list[str]:
    """The leading lines of ``text`` that are blank, comments, PREFIX or BASE."""
    lines = text.splitlines()
    head = 0
    while head < len(lines) and (not lines[head].strip() or lines[head].lstrip().startswith("#")
                                 or lines[head].lstrip().upper().startswith(("PREFIX", "BASE"))):
        head += 1
    return lines[:head]


def count(store: Store, query: Query, raw: dict[str, str]) -> int:
    """How many rows ``query``'s whole answer has (the engine counts them; none are sent); for ``window: keys``,
    how many keys its sub-select chooses."""
    _windowed(query)
    bindings = bind(query, raw)
    if query.keyed:
        text = count_text("\n".join([*prologue(query.text),
                                     bind_values(unordered(sub_select_text(query.text)), bindings)]))
    else:
        text = count_text(bind_values(unordered(query.text), bindings))
    result = store.query(text)
    (row,) = result.rows
    return int(term_to_str(row[0]) or 0)
