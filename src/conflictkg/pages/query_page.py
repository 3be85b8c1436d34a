"""The query page: the library as a menu, one question's text with its parameters bound, and
the answer (SPARQL 1.1 Query Results JSON) turned into a table of linked cells."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from conflictkg.errors import QueryError
from conflictkg.pages.context import Site
from conflictkg.pages.model import Labeller, Section, section_from_result
from conflictkg.rdf.terms import term_from_json
from conflictkg.sparql.binding import bind_sub_select, bind_values, keyed_problem
from conflictkg.sparql.queries import Query, bind, example_params
from conflictkg.store import Result

#: Query-string keys that are not query parameters.
RESERVED = ("id", "sparql", "names", "format", "run")


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
