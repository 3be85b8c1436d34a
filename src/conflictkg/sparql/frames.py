"""Answers as Python values: a list of dicts, or a pandas DataFrame with typed columns.

A notebook wants a claim date as a date and a casualty figure as a number, not their lexical forms:
each term becomes the Python value its XSD datatype stands for (:func:`to_python`), and a column of
one kind becomes a column of that dtype (:func:`frame`). IRIs stay full strings (what a join with
other data needs), unbound values are ``None`` (``NaN``/``NaT`` in a DataFrame). pandas is optional
(``pip install 'conflictkg[pandas]'``) and imported only when a DataFrame is asked for, so the rest
of the library never waits for it.
"""

from __future__ import annotations

import datetime
from typing import Any

import pyoxigraph as ox

from conflictkg.errors import QueryError
from conflictkg.rdf.terms import XSD, Term, term_to_str
from conflictkg.store import Result

_INTEGERS = frozenset(XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
    "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_FLOATS = frozenset(XSD + t for t in ("decimal", "double", "float"))
#: Column names of a CONSTRUCT or DESCRIBE answer, one row per triple.
TRIPLE_COLUMNS = ("subject", "predicate", "object")


def to_python(term: Term | None) -> Any:
    """The Python value of ``term``: ``str`` for IRIs and strings, ``int``/``float`` for numbers,
    ``datetime.date``/``datetime.datetime`` for dates, ``bool`` for booleans, ``None`` for unbound.

    An ill-typed literal (``"many"^^xsd:integer``) keeps its lexical form rather than failing a
    whole answer.

    >>> to_python(ox.Literal("2022-03-24", datatype=ox.NamedNode(XSD + "date")))
    datetime.date(2022, 3, 24)
    >>> to_python(ox.Literal("15", datatype=ox.NamedNode(XSD + "integer")))
    15
    >>> to_python(ox.NamedNode("https://w3id.org/conflictkg/resource/agent-armenia"))
    'https://w3id.org/conflictkg/resource/agent-armenia'
    >>> to_python(ox.Literal("Parukh", language="en")), to_python(None)
    ('Parukh', None)
    """
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode) or term.language:
        return term.value
    try:
        return _typed(term.value, term.datatype.value)
    except ValueError:
        return term.value


def _typed(value: str, datatype: str) -> Any:
    if datatype in _INTEGERS:
        return int(value)
    if datatype in _FLOATS:
        return float(value)
    if datatype == XSD + "date":
        return datetime.date.fromisoformat(value[:10])
    if datatype == XSD + "dateTime":
        return datetime.datetime.fromisoformat(value)
    if datatype == XSD + "boolean":
        if value not in ("true", "false", "1", "0"):
            raise ValueError(value)
        return value in ("true", "1")
    return value


def columns(result: Result) -> tuple[list[str], list[tuple[Term | None, ...]]]:
    """Variables and rows of a SELECT answer, or one ``subject, predicate, object`` row per triple.

    Raises:
        QueryError: an ASK answer has no rows (its answer is one boolean).
    """
    if result.kind == "select":
        return result.variables, result.rows
    if result.kind == "graph":
        return list(TRIPLE_COLUMNS), [(t.subject, t.predicate, t.object) for t in result.triples]  # type: ignore[misc]
    raise QueryError("an ASK query answers true or false, not a table", hint="read result.boolean instead")


def rows(result: Result) -> list[dict[str, Any]]:
    """The answer as one ``{variable: value}`` dict per row (values as :func:`to_python` makes them).

    >>> from conflictkg.store import Result
    >>> rows(Result("select", ["n"], [(ox.Literal("6", datatype=ox.NamedNode(XSD + "integer")),), (None,)]))
    [{'n': 6}, {'n': None}]
    """
    names, table = columns(result)
    return [dict(zip(names, (to_python(t) for t in row), strict=True)) for row in table]


def have_pandas() -> bool:
    """Whether pandas can be imported (it is an optional extra)."""
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True


def frame(result: Result) -> Any:
    """The answer as a pandas DataFrame, one typed column per variable (in the query's order).

    Raises:
        QueryError: pandas is not installed (the hint names the extra that brings it).
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise QueryError("pandas is not installed, so the answer cannot be a DataFrame",
                         hint="pip install 'conflictkg[pandas]', or ask for rows (as_rows=True)") from exc
    names, table = columns(result)
    data = {name: _column(pd, [row[i] for row in table]) for i, name in enumerate(names)}
    return pd.DataFrame(data, columns=names)


def _column(pd: Any, terms: list[Term | None]) -> Any:
    """One column: numbers, dates or booleans when every bound value is one, else strings."""
    values = [to_python(t) for t in terms]
    kinds = {_kind(v) for v in values if v is not None}
    if kinds <= {"int"} and None not in values:
        return pd.Series(values, dtype="int64")
    if kinds and kinds <= {"int", "float"}:
        return pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
    if kinds == {"date"} or kinds == {"datetime"}:
        try:
            return pd.to_datetime(pd.Series(values, dtype=object))
        except (ValueError, TypeError):  # e.g. aware and naive times in one column
            pass
    if kinds == {"bool"} and None not in values:
        return pd.Series(values, dtype=bool)
    if kinds <= {"str"}:
        return pd.Series(values, dtype=object)
    return pd.Series([None if t is None else term_to_str(t) for t in terms], dtype=object)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, datetime.datetime):
        return "datetime"
    if isinstance(value, datetime.date):
        return "date"
    return "int" if isinstance(value, int) else "float" if isinstance(value, float) else "str"
