"""Render a :class:`~conflictkg.store.Result` as a table, CSV, TSV or SPARQL 1.1 Results JSON."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox

from conflictkg.namespaces import PREFIXES, compact_iri
from conflictkg.store import Result
from conflictkg.terms import Term, term_to_json, term_to_str

RESULT_FORMATS = ("table", "csv", "tsv", "json")


def to_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON (SELECT and ASK)."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean})
    bindings = [
        {v: term_to_json(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1)


def to_csv(result: Result) -> str:
    """SPARQL 1.1 CSV: plain values, header of variable names."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([term_to_str(t) for t in row])
    return buf.getvalue()


def to_tsv(result: Result) -> str:
    """SPARQL 1.1 TSV: ``?var`` header, terms in N-Triples syntax."""
    lines = ["\t".join("?" + v for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else str(t).replace("\t", "\\t") for t in row))
    return "\n".join(lines) + "\n"


def display(term: Term | None) -> str:
    """A short human form: prefixed IRIs and plain literal values (tags and types are in json/tsv)."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact_iri(term.value)
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value


def to_table(result: Result) -> str:
    """A plain aligned text table (the CLI uses rich when stdout is a terminal)."""
    if result.kind == "ask":
        return "true\n" if result.boolean else "false\n"
    cells = [[display(t) for t in row] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    def fmt(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()
    out = [fmt(result.variables), fmt(["-" * w for w in widths])] + [fmt(r) for r in cells]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def render(result: Result, fmt: str) -> str:
    """Render ``result`` in ``fmt`` (one of :data:`RESULT_FORMATS`); graphs come out as Turtle."""
    if result.kind == "graph":
        data = ox.serialize(sorted(result.triples, key=str), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        return (data or b"").decode("utf-8")
    if fmt == "json":
        return to_json(result) + "\n"
    if fmt == "csv" and result.kind == "select":
        return to_csv(result)
    if fmt == "tsv" and result.kind == "select":
        return to_tsv(result)
    return to_table(result)
