"""The query page: the library as a menu, one question's text with its parameters bound, and
the answer (SPARQL 1.1 Query Results JSON) turned into a table of linked cells.

A long answer is shown a page at a time (#13): :data:`PER_PAGE` rows, the ``page`` parameter and the
site's paging rule (:mod:`conflictkg.paging`); ``sort`` (a column) and ``order`` (``asc`` or ``desc``)
sort every row before the page is cut, as the site's sortable tables do (numbers as numbers, dates as
dates, text as text, blanks last), so the pages follow one order. The downloads stay whole.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from conflictkg.errors import QueryError
from conflictkg.pages.context import Site
from conflictkg.pages.model import Cell, Labeller, Section, section_from_result
from conflictkg.paging import Window
from conflictkg.rdf.terms import term_from_json
from conflictkg.sparql.binding import bind_sub_select, bind_values, keyed_problem
from conflictkg.sparql.queries import Query, bind, example_params
from conflictkg.store import Result

#: Query-string keys that are not query parameters.
RESERVED = ("id", "sparql", "names", "format", "run", "page", "sort", "order")
#: Rows of an answer on one page of the query page (the downloads hold every row).
PER_PAGE = 100
NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
DATE = re.compile(r"^-?\d{4,}-\d\d-\d\d")


@dataclass
class QueryForm:
    """What the user asked: a library question (``id``) and/or edited text, with parameter values."""

    query_id: str = ""
    text: str = ""
    params: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_args(cls, args: dict[str, str]) -> QueryForm:
        params = {k: v for k, v in args.items() if k not in RESERVED}
        return cls(args.get("id", "").strip(), args.get("sparql", ""), params)


def catalogue(site: Site) -> list[dict[str, Any]]:
    """Every library question, then every page query, with its parameters (for the menu)."""
    out = []
    for group, library in (("library", site.library), ("pages", site.internal)):
        for q in library.values():
            out.append({"id": q.id, "title": q.title, "description": q.description, "group": group,
                        "tags": list(q.tags), "text": q.text, "body": body_of(q.text),
                        "defaults": example_params(q),
                        "params": [{"name": p.name, "type": p.type, "example": p.example, "default": p.default,
                                    "description": p.description} for p in q.params.values()]})
    return out


def body_of(text: str) -> str:
    """The query without its ``#+`` header (and the blank lines after it): what the editor opens
    on. The header's title, description and parameters are shown beside the editor; other
    comments are the body's own and stay.

    >>> body_of("#+ title: T\\n#+ description: D\\n\\n# a note\\nSELECT * WHERE { ?s ?p ?o }\\n")
    '# a note\\nSELECT * WHERE { ?s ?p ?o }\\n'
    >>> body_of("SELECT ?s # no header\\nWHERE { ?s ?p ?o }")
    'SELECT ?s # no header\\nWHERE { ?s ?p ?o }'
    """
    lines = text.splitlines(keepends=True)
    start = 0
    while start < len(lines) and (not lines[start].strip() or lines[start].startswith("#+")):
        start += 1
    return "".join(lines[start:])


def find(site: Site, query_id: str) -> Query:
    query = site.library.get(query_id) or site.internal.get(query_id)
    if query is None:
        raise QueryError(f"unknown query {query_id!r}", hint="pick one from the menu of the query page")
    return query


def prepared_text(site: Site, form: QueryForm) -> str:
    """The SPARQL to run: the edited text (or the question's own), its parameters bound by VALUES."""
    if not form.query_id:
        if not form.text.strip():
            raise QueryError("nothing to run: pick a question or write a query")
        return form.text
    query = find(site, form.query_id)
    values = {k: v for k, v in form.params.items() if k in query.params and v != ""}
    bindings = bind(query, values)
    text = form.text if form.text.strip() else query.text
    if query.keyed and keyed_problem(text, tuple(query.params)) is None:  # its key sub-select is bound too
        text = bind_sub_select(text, bindings)
    return bind_values(text, bindings)


def result_from_json(body: bytes) -> Result:
    """A :class:`Result` from SPARQL 1.1 Query Results JSON."""
    data = json.loads(body)
    if "boolean" in data:
        return Result("ask", boolean=bool(data["boolean"]))
    variables = list(data["head"]["vars"])
    rows = [tuple(term_from_json(b[v]) if v in b else None for v in variables) for b in data["results"]["bindings"]]
    return Result("select", variables, rows)


def answer_section(result: Result, labeller: Labeller) -> Section:
    return section_from_result("answer", "Answer", result, labeller)


def sorted_rows(section: Section, column: str, descending: bool = False) -> list[dict[str, Cell]]:
    """``section``'s rows sorted by ``column``'s text (a QueryError if it has no such column): numbers
    by value, dates by date, text by text ignoring case; blank cells last either way; ties keep the
    answer's order.

    >>> s = Section("a", "A", ["n"], [{"n": {"text": t}} for t in ("10", "", "9")])
    >>> [r["n"]["text"] for r in sorted_rows(s, "n")], [r["n"]["text"] for r in sorted_rows(s, "n", True)]
    (['9', '10', ''], ['10', '9', ''])
    """
    if column not in section.columns:
        raise QueryError(f"parameter sort: the answer has no column {column!r}",
                         hint=f"one of: {', '.join(section.columns)}")
    filled = [r for r in section.rows if r[column].get("text", "")]
    blank = [r for r in section.rows if not r[column].get("text", "")]
    return sorted(filled, key=lambda r: _sort_key(r[column]["text"]), reverse=descending) + blank


def _sort_key(text: str) -> tuple[int, Any, str]:
    if NUMBER.match(text):
        return (0, float(text), text)
    if DATE.match(text):
        return (1, text[:10], text)
    return (2, text.casefold(), text)


def answer_window(section: Section, window: Window, sort: str = "", order: str = "") -> Section:
    """One page (``window``) of ``section``, sorted by column ``sort`` first if one is given (``order``:
    ``desc``, else ascending); ``total`` and ``offset`` say where the page is in the whole answer.

    >>> s = Section("a", "A", ["n"], [{"n": {"text": str(i)}} for i in range(5)])
    >>> page = answer_window(s, Window(2, 2), "n", "desc")
    >>> [r["n"]["text"] for r in page.rows], page.total, page.offset
    (['2', '1'], 5, 2)
    """
    if order not in ("", "asc", "desc"):
        raise QueryError(f"parameter order must be asc or desc, got {order!r}", hint="order=asc or order=desc")
    rows = sorted_rows(section, sort, order == "desc") if sort else section.rows
    return replace(section, rows=window.cut(rows), total=len(rows), offset=window.start)
