"""The query library: one question per ``.rq`` file with a ``#+`` YAML header.

Header keys: ``title`` (required), ``description`` (required), ``params`` (a mapping of name to
``{type, example, default, description}``), ``tags`` (list), ``window`` (``true``: the question may
be asked a page at a time, :mod:`conflictkg.sparql.windows`; ``keys``: a page at a time of the keys its
first sub-select chooses, the details joined outside it), ``unit`` (what those keys are, plural: ``claims``). Parameters are SPARQL variables of
the query body; their values are bound by the engine (never pasted into the text).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox
import yaml

from conflictkg.errors import QueryError
from conflictkg.names import name_key
from conflictkg.rdf.namespaces import expand_curie
from conflictkg.rdf.terms import XSD, Term, iri_bad_char, iri_problem
from conflictkg.sparql.binding import WINDOW_MARK, bind_rows, bind_sub_select, keyed_problem
from conflictkg.store import Result, Store

PARAM_TYPES = ("iri", "string", "name", "integer", "decimal", "date", "dateTime", "boolean")


@dataclass(frozen=True)
class Param:
    """One declared parameter of a library query."""

    name: str
    type: str = "string"
    description: str = ""
    example: str | None = None
    default: str | None = None


@dataclass(frozen=True)
class Query:
    """One question of the library."""

    id: str
    title: str
    description: str
    text: str
    path: Path
    params: dict[str, Param] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    severity: str = "error"
    #: The header's ``window: true`` (or ``keys``): a SELECT ending in its ORDER BY, askable a page at a time.
    window: bool = False
    #: The header's ``window: keys``: a page is a window of the keys chosen by its first sub-select, whose
    #: ``# window:`` line (:data:`~conflictkg.sparql.binding.WINDOW_MARK`) takes the LIMIT and OFFSET.
    keyed: bool = False
    #: What a keyed window counts, plural (the header's ``unit``, e.g. ``claims``); "rows" otherwise.
    unit: str = "rows"


def parse_header(text: str, path: Path) -> dict[str, object]:
    """The YAML object formed by the leading ``#+`` lines of ``text``."""
    lines = []
    for line in text.splitlines():
        if line.startswith("#+"):
            lines.append(line[3:] if line.startswith("#+ ") else line[2:])
        elif line.strip() and not line.startswith("#"):
            break
    try:
        header = yaml.safe_load("\n".join(lines)) or {}
    except yaml.YAMLError as exc:
        raise QueryError(f"{path}: the #+ header is not valid YAML: {exc}") from exc
    if not isinstance(header, dict):
        raise QueryError(f"{path}: the #+ header must be a YAML mapping")
    return header


def load_query(path: Path) -> Query:
    """Read one ``.rq`` file; its id is the file name without ``.rq``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"cannot read query file {path}: {exc}") from exc
    header = parse_header(text, path)
    missing = [k for k in ("title", "description") if not header.get(k)]
    if missing:
        raise QueryError(f"{path}: the header lacks {', '.join(missing)}")
    params = {}
    for name, spec in (header.get("params") or {}).items():  # type: ignore[union-attr]
        spec = spec or {}
        ptype = spec.get("type", "string")
        if ptype not in PARAM_TYPES:
            raise QueryError(f"{path}: parameter {name!r} has unknown type {ptype!r}; use one of {PARAM_TYPES}")
        params[name] = Param(name, ptype, str(spec.get("description", "")),
                             _opt_str(spec.get("example")), _opt_str(spec.get("default")))
    window = header.get("window", False)
    if window not in (True, False, "keys"):
        raise QueryError(f"{path}: the header's window must be true, false or keys, got {window!r}")
    if window and not _ends_in_order_by(text):
        raise QueryError(f"{path}: a question with window: {window} must end in its ORDER BY (no LIMIT or OFFSET)",
                         hint="the window adds LIMIT and OFFSET to the ordered answer")
    if window == "keys" and (problem := keyed_problem(text, tuple(params))):
        raise QueryError(f"{path}: a question with window: keys {problem}",
                         hint=f"choose the page's keys in a first {{ SELECT ... ORDER BY ... }} sub-select ending in "
                              f"a line {WINDOW_MARK!r}, and project every parameter from it")
    return Query(path.stem, str(header["title"]).strip(), str(header["description"]).strip(), text, path,
                 params, tuple(header.get("tags") or ()), str(header.get("severity", "error")), bool(window),
                 window == "keys", str(header.get("unit") or "rows") if window == "keys" else "rows")


def _ends_in_order_by(text: str) -> bool:
    """Whether the last line that is not blank or a comment is an ``ORDER BY`` (so a window may follow it)."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return bool(lines) and lines[-1].upper().startswith("ORDER BY")


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def load_library(directory: Path) -> dict[str, Query]:
    """Every ``*.rq`` directly in ``directory``, by id, sorted."""
    return {q.id: q for q in (load_query(p) for p in sorted(directory.glob("*.rq")))}


def resolve(library: dict[str, Query], id_or_file: str) -> Query:
    """A library query by id, or a ``.rq`` file by path."""
    if id_or_file in library:
        return library[id_or_file]
    path = Path(id_or_file)
    if path.suffix == ".rq" and path.is_file():
        return load_query(path)
    known = ", ".join(sorted(library)) or "(none)"
    raise QueryError(f"unknown query {id_or_file!r}", hint=f"library queries: {known}")


def to_term(param: Param, raw: str) -> Term:
    """The typed term ``raw`` stands for under ``param``'s declared type: the one place where
    every skin's parameter values (CLI ``-p``, the query page, page URLs) are checked.

    A value that does not fit the type is refused rather than bound: a literal such as
    ``"six"^^xsd:integer`` would match nothing and the user would read "(0 rows)" as an answer.

    Raises:
        QueryError: the value is not of the declared type (the message names the parameter, the
            type and, for IRIs, the offending character and its position).
    """
    if param.type == "iri":
        return _iri_term(param, raw)
    if param.type == "string":
        return ox.Literal(raw)
    if param.type == "name":  # matched against ck:nameKey in ckg:index
        return ox.Literal(name_key(raw))
    value = raw.strip()
    expected = _LEXICAL[param.type]
    if not expected.pattern.fullmatch(value) or not _valid_calendar(param.type, value):
        raise QueryError(f"parameter {param.name} needs {expected.what}, got {raw!r}",
                         hint=f"e.g. {param.name}={param.example or expected.example}")
    return ox.Literal(value, datatype=ox.NamedNode(XSD + param.type))


def _iri_term(param: Param, raw: str) -> Term:
    iri = expand_curie(raw)
    if ":" not in iri:
        raise QueryError(f"parameter {param.name} needs an IRI or a prefixed name like ckr:agent-armenia, got {raw!r}")
    written, offset = raw.strip(), len(raw) - len(raw.lstrip())
    if written.startswith("<") and written.endswith(">"):  # as expand_curie reads it
        written, offset = written[1:-1], offset + 1
    problem = iri_bad_char(written, offset) or iri_problem(iri)
    if problem:
        raise QueryError(f"parameter {param.name} is not a valid IRI: {problem} in {raw!r}",
                         hint="an IRI has no spaces, quotes, <>, {}, |, ^, `, \\ or control characters; "
                              f"e.g. {param.name}={param.example or 'ckr:agent-armenia'}")
    return ox.NamedNode(iri)


@dataclass(frozen=True)
class _Lexical:
    """The XSD lexical form a typed parameter must have, and how to name it in a message."""

    pattern: re.Pattern[str]
    what: str
    example: str


_DATE = r"-?\d{4}-\d{2}-\d{2}"
_LEXICAL = {  # re.ASCII: \d is 0-9 only (XSD digits), not every script's digits
    "integer": _Lexical(re.compile(r"[+-]?\d+", re.ASCII), "an integer", "6"),
    "decimal": _Lexical(re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)", re.ASCII), "a decimal number", "2.5"),
    "date": _Lexical(re.compile(_DATE + r"(Z|[+-]\d{2}:\d{2})?", re.ASCII), "a date (YYYY-MM-DD)", "2022-03-24"),
    "dateTime": _Lexical(re.compile(_DATE + r"T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?", re.ASCII),
                         "a date and time (YYYY-MM-DDThh:mm:ss)", "2022-03-24T12:00:00"),
    "boolean": _Lexical(re.compile(r"true|false|1|0"), "a boolean (true or false)", "true"),
}


def _valid_calendar(ptype: str, value: str) -> bool:
    """Whether a date or dateTime names a day that exists (``2022-13-45`` does not)."""
    if ptype not in ("date", "dateTime"):
        return True
    try:
        datetime.date.fromisoformat(value.lstrip("-")[:10])
        if ptype == "dateTime":
            datetime.time.fromisoformat(value.split("T", 1)[1][:8])
    except ValueError:
        return False
    return True


def bind(query: Query, raw: dict[str, str]) -> dict[str, Term]:
    """Typed bindings for ``raw`` values, applying defaults.

    Raises:
        QueryError: an unknown parameter name, or a required one missing (the message lists
            the declared parameters with their examples).
    """
    unknown = sorted(set(raw) - set(query.params))
    if unknown:
        raise QueryError(f"query {query.id!r} has no parameter {', '.join(unknown)}",
                         hint=_describe_params(query))
    bindings = {}
    for name, param in query.params.items():
        value = raw.get(name, param.default)
        if value is None:
            raise QueryError(f"query {query.id!r} needs parameter {name!r}", hint=_describe_params(query))
        bindings[name] = to_term(param, value)
    return bindings


def _describe_params(query: Query) -> str:
    if not query.params:
        return f"{query.id!r} takes no parameters"
    parts = [f"{p.name} ({p.type}, e.g. {p.example or p.default})" for p in query.params.values()]
    return "parameters: " + "; ".join(parts)


def run(store: Store, query: Query, raw: dict[str, str] | None = None) -> Result:
    """Run a library query with its parameters bound (in its key sub-select too, for ``window: keys``)."""
    bindings = bind(query, raw or {})
    return store.query(bind_sub_select(query.text, bindings) if query.keyed else query.text, bindings)


def run_over(store: Store, query: Query, name: str, values: list[str], raw: dict[str, str] | None = None) -> Result:
    """Run a library query once for every value of its parameter ``name`` at once (one VALUES row each, every
    value checked as that parameter's), its other parameters from ``raw``: one question, not one per value.

    Raises:
        QueryError: ``name`` is not a parameter of the query, no value is given (an empty VALUES block is
            refused by rdflib), or a value does not fit its type.
    """
    if not values:
        raise QueryError(f"query {query.id!r}: no value of {name!r} to ask about", hint="ask only when there is one")
    if name not in query.params:
        raise QueryError(f"query {query.id!r} has no parameter {name!r}", hint=_describe_params(query))
    if query.keyed:
        raise QueryError(f"query {query.id!r} is asked a page of keys at a time; bind one {name} at a time")
    terms = [to_term(query.params[name], value) for value in values]
    others = bind(replace(query, params={k: p for k, p in query.params.items() if k != name}), raw or {})
    return store.query(bind_rows(query.text, name, terms), others or None)


#: How many values :func:`run_over_sorted` binds in one question.
VALUES_AT_ONCE = 250


def run_over_sorted(store: Store, query: Query, name: str, values: list[str], at_once: int = VALUES_AT_ONCE) -> Result:
    """:func:`run_over` for a question that projects ``name`` and is ordered by it first: the values sorted and
    asked :data:`VALUES_AT_ONCE` at a time, the answers joined, which is its one answer (each row holds its
    value, and each part's rows come in the values' order). Oxigraph's time grew faster than the values bound
    at once: a clause view's 4,200 claims at 100x the shipped data took 28-65 s in one question, 1.8 s in parts
    of 100-1,000 (#14).

    Raises:
        QueryError: the question is not ordered by ``name`` first, or :func:`run_over`'s errors.
    """
    if not re.search(rf"^ORDER BY \?{re.escape(name)}\b", query.text, re.MULTILINE):
        raise QueryError(f"query {query.id!r} is not ordered by ?{name} first: its answer cannot be asked in parts")
    ordered = sorted(set(values))
    parts = [run_over(store, query, name, ordered[i:i + at_once]) for i in range(0, len(ordered), at_once)]
    return Result("select", parts[0].variables if parts else [], [row for part in parts for row in part.rows])


def param_signature(param: Param) -> str:
    """How ``conflictkg queries`` lists a parameter: ``name:type``, plus ``=default (default)`` when
    it may be left out, so a reader sees which parameters are optional and what they fall back to.

    >>> param_signature(Param("clause_number", "integer"))
    'clause_number:integer'
    >>> param_signature(Param("agreement", "iri", default="ckr:agreement-tri2020"))
    'agreement:iri=ckr:agreement-tri2020 (default)'
    """
    signature = f"{param.name}:{param.type}"
    return signature if param.default is None else f"{signature}={param.default} (default)"


def example_params(query: Query) -> dict[str, str]:
    """The example (or default) value of every parameter."""
    return {n: (p.example if p.example is not None else p.default or "") for n, p in query.params.items()}
