"""Render a :class:`~conflictkg.store.Result`: SPARQL results formats by Oxigraph, or a table.

The SPARQL 1.1 results formats (JSON, XML, TSV) are written by Oxigraph's own serializers, the ones the
endpoint answers with, so the command line and the endpoint cannot drift apart; CSV is written here
(:func:`solutions_bytes`, for both), as Oxigraph's CSV writer leaves an IRI holding a comma unquoted
("https://regionpress.am/en/a/...Pashinyan21,04,21" became three fields).
A :class:`Result` holds pyoxigraph terms from any backend, so it is handed to Oxigraph as the
TSV of its terms (N-Triples syntax, which is lossless) and parsed back into Oxigraph's solutions:
the same round trip the endpoint makes when it cuts an answer at the row limit.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

import pyoxigraph as ox

from conflictkg.rdf.namespaces import PREFIXES, compact_iri
from conflictkg.rdf.terms import Term
from conflictkg.store import Result

RESULT_FORMATS = ("table", "csv", "tsv", "json")

#: Oxigraph's writer for each SPARQL results format (the endpoint's keys: json, xml, csv, tsv).
OXIGRAPH_RESULTS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
}


def to_oxigraph(result: Result) -> ox.QuerySolutions | ox.QueryBoolean:
    """The SELECT or ASK ``result`` as Oxigraph's own results object, which Python cannot build
    directly (a tab in a literal is written ``\\t``, as N-Triples allows)."""
    if result.kind == "ask":
        return ox.parse_query_results(json.dumps({"head": {}, "boolean": result.boolean}),
                                      format=ox.QueryResultsFormat.JSON)
    lines = ["\t".join("?" + v for v in result.variables)]
    lines += ["\t".join("" if t is None else str(t).replace("\t", "\\t") for t in row) for row in result.rows]
    return ox.parse_query_results("\n".join(lines) + "\n", format=ox.QueryResultsFormat.TSV)


def serialize(result: Result, fmt: str) -> bytes:
    """``result`` (SELECT or ASK) in the SPARQL results format ``fmt`` (a key of
    :data:`OXIGRAPH_RESULTS`), written by Oxigraph.

    >>> serialize(Result("select", ["x", "y"], [(ox.Literal("Parukh", language="en"), None)]), "csv")
    b'x,y\\r\\nParukh,\\r\\n'
    >>> serialize(Result("ask", boolean=True), "json")
    b'{"head":{},"boolean":true}'
    """
    answer = to_oxigraph(result)
    if isinstance(answer, ox.QuerySolutions):
        return solutions_bytes(answer, fmt)
    return answer.serialize(format=OXIGRAPH_RESULTS[fmt]) or b""


def solutions_bytes(solutions: ox.QuerySolutions, fmt: str) -> bytes:
    """``solutions`` in the SPARQL results format ``fmt``: CSV by :func:`csv_bytes`, the others by Oxigraph."""
    if fmt == "csv":
        return csv_bytes([v.value for v in solutions.variables], (list(row) for row in solutions))
    return solutions.serialize(format=OXIGRAPH_RESULTS[fmt]) or b""


def csv_bytes(variables: list[str], rows: Iterable[list[Term | None]]) -> bytes:
    """SPARQL 1.1 Query Results CSV (W3C, section 2): a header of the variables, then each term's plain
    form (an IRI, ``_:`` and a blank node's label, a literal's lexical form), unbound as an empty field,
    CRLF line ends, and every field holding a comma, a double quote or a line break quoted (RFC 4180).

    >>> csv_bytes(["s", "o"], [[ox.NamedNode("https://a.am/x,04,21"), ox.Literal('say "no", twice')], [None, None]])
    b's,o\\r\\n"https://a.am/x,04,21","say ""no"", twice"\\r\\n,\\r\\n'
    """
    return to_csv(variables, [[_plain(term) for term in row] for row in rows])


def to_csv(header: list[str], rows: list[list[str]]) -> bytes:
    """RFC 4180 CSV in UTF-8 (CRLF line ends, quoted where needed), header first: the results, the pages' CSV
    twins and the downloads."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _plain(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)  # a quoted triple: its N-Triples form


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
    if fmt == "json" or (fmt in ("csv", "tsv") and result.kind == "select"):
        text = serialize(result, fmt).decode("utf-8")
        return text if text.endswith("\n") else text + "\n"
    return to_table(result)
