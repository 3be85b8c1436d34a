"""Is the data acceptable? SHACL shapes (pyshacl) plus check queries that must return no rows.

The only module that imports pyshacl. Reports name the shape, the focus node, the offending
value and the file the focus node comes from, in words a curator can act on.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from difflib import get_close_matches
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Namespace, URIRef
from rdflib.term import Node
from rdflib.namespace import RDF

from conflictkg.names import name_key
from conflictkg.owl.clashes import Clash
from conflictkg.rdf.io import literal_lines
from conflictkg.rdf.literals import problem as literal_problem
from conflictkg.rdf.namespaces import CK, CKR, compact_iri
from conflictkg.sparql.queries import Query
from conflictkg.store import Store
from conflictkg.store.memory import to_rdflib

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    """One problem found in the data."""

    source: str  # the shape (SHACL) or the check query id
    focus: str
    message: str
    severity: str = "error"
    path: str = ""
    value: str = ""
    file: str = ""
    line: int = 0

    def sort_key(self) -> tuple[str, int, str, str, str, str, str, str]:
        """Messages are listed by file, line, node, then message: the same order on every run
        (pyshacl's results come out of a hash-ordered graph)."""
        return (self.file, self.line, self.focus, self.message, self.severity, self.source, self.path, self.value)

    def text(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else f"{self.file}: " if self.file else ""
        extra = "".join(f" [{k}: {v}]" for k, v in (("property", self.path), ("value", self.value)) if v)
        return f"{where}{self.severity}: {compact_iri(self.focus)}: {self.message} (shape/check: {self.source}){extra}"


@dataclass
class Report:
    """All violations of one validation run."""

    violations: list[Violation] = field(default_factory=list)

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "error"]

    @property
    def conforms(self) -> bool:
        return not self.errors

    @property
    def warnings(self) -> list[Violation]:
        """Everything that is not an error, in :meth:`Violation.sort_key` order."""
        return sorted((v for v in self.violations if v.severity != "error"), key=Violation.sort_key)

    def text(self) -> str:
        if not self.violations:
            return "Conforms: no problems found.\n"
        lines = [v.text() for v in sorted(self.violations, key=Violation.sort_key)]
        warnings = len(self.violations) - len(self.errors)
        verdict = "Conforms" if self.conforms else "Does not conform"
        lines.append(f"{verdict}: {len(self.errors)} error(s), {warnings} warning(s).")
        return "\n".join(lines) + "\n"

    def extend(self, other: Report) -> None:
        self.violations.extend(other.violations)


def to_graph(triples: Iterable[ox.Triple]) -> Graph:
    """An rdflib Graph of neutral triples.

    rdflib logs a warning with a full traceback (logger ``rdflib.term``) for every literal it cannot
    convert, and warns about "weird" booleans; :func:`ill_typed_literals` has already reported
    those with file and line, so rdflib's copies are silenced here rather than printed in front of
    the report.

    Each distinct term is converted once and shared by every triple that uses it (an rdflib literal
    parses its value when made): at 1M quads this took the conversion from about a minute to seconds,
    and the graph holds one object per term instead of one per use."""
    graph = Graph()
    term_logger = logging.getLogger("rdflib.term")
    level = term_logger.level
    term_logger.setLevel(logging.ERROR)
    made: dict[ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple, Node] = {}

    def node(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Node:
        found = made.get(term)
        if found is None:
            found = made[term] = to_rdflib(term)
        return found

    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Parsing weird boolean", category=UserWarning)
            for t in triples:
                graph.add((node(t.subject), node(t.predicate), node(t.object)))
    finally:
        term_logger.setLevel(level)
    return graph


ILL_TYPED = "ill-typed-literal"


def ill_typed_literals(parsed: Iterable[tuple[Path, list[ox.Quad]]]) -> Report:
    """Every typed literal whose lexical form is not valid for its datatype (``"2022-13-45"^^xsd:date``,
    ``"many"^^xsd:integer``), with the file, line, node and property; see :mod:`conflictkg.rdf.literals`.

    Run before SHACL and HermiT: both fail on such values without saying where they are."""
    report = Report()
    for path, quads in parsed:
        bad = [(q, reason) for q in quads if isinstance(q.object, ox.Literal)
               and (reason := literal_problem(q.object.value, q.object.datatype.value))]
        seen: dict[tuple[str, str], int] = {}
        for q, reason in bad:
            lit = q.object
            key = (lit.value, lit.datatype.value)
            lines = literal_lines(path, *key)
            nth = seen[key] = seen.get(key, -1) + 1
            dt = compact_iri(lit.datatype.value)
            report.violations.append(Violation(
                source=ILL_TYPED, focus=_node(q.subject, quads),
                message=f'ill-typed {dt} literal "{lit.value}": {reason}', path=compact_iri(q.predicate.value),
                value=f'"{lit.value}"^^{dt}', file=str(path), line=lines[nth] if nth < len(lines) else 0,
            ))
    return report


def clash_report(clashes: Iterable[Clash], origin: dict[str, str]) -> Report:
    """Clashes behind an OWL inconsistency as errors; each is filed under the file that describes
    its node when that file is involved, else under the first file involved."""
    report = Report()
    for c in clashes:
        home = origin.get(c.node, "")
        report.violations.append(Violation(
            source=c.kind, focus=c.node, message=c.message, path=c.path, value=c.value,
            file=home if home in c.files else (c.files[0] if c.files else home)))
    return report


def _node(subject: ox.NamedNode | ox.BlankNode | ox.Triple, quads: list[ox.Quad]) -> str:
    """An IRI as is; a blank node by the named node that points at it (``[] under ckr:x``)."""
    if isinstance(subject, ox.NamedNode):
        return subject.value
    parent = next((q for q in quads if q.object == subject and isinstance(q.subject, ox.NamedNode)), None)
    if parent is None:
        return "a blank node"
    return f"a blank node under {compact_iri(parent.subject.value)} ({compact_iri(parent.predicate.value)})"


def shacl_validate(data: Graph, shapes: Graph, ontology: Graph, origin: dict[str, str]) -> Report:
    """Validate ``data`` (the union of all graphs) against ``shapes``; name each focus node's file.

    ``data`` is validated in place: ``ontology``'s triples are added to it (the union holds them
    already) instead of to a copy, which pyshacl makes otherwise (advanced mode, or an ontology
    given): at 1M quads that copy was a second graph of about a gigabyte."""
    from pyshacl import validate as pyshacl_validate  # heavy: imported only when validating

    _conforms, results, _text = pyshacl_validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True,
        inplace=True,
    )
    report = Report()
    for node in results.subjects(RDF.type, SH.ValidationResult):
        report.violations.append(_violation(results, shapes, node, origin))
    return report


def sparql_shacl_validate(store: Store, shapes: Graph, origin: dict[str, str]) -> Report:
    """The same validation as :func:`shacl_validate`, by the shapes compiled to SPARQL
    (:mod:`conflictkg.shacl`) and run on ``store`` (the union of its graphs): no rdflib copy of the
    data. Results of a shape nested in ``sh:node`` are reported once, as the outer shape's (pyshacl
    adds each nested result again with a message of its own making)."""
    from conflictkg.shacl import compile_shapes, read_shapes

    report = Report()
    for check in compile_shapes(read_shapes(shapes)):
        for row in store.query(check.query).dicts():
            focus = str(row["focus"].value)
            value = row.get("value")
            report.violations.append(Violation(
                source=check.shape, focus=focus, message=check.message, severity=check.severity,
                path=check.path, value="" if value is None else str(value.value), file=origin.get(focus, ""),
            ))
    return report


def _shape_name(shapes: Graph, shape: Node) -> str:
    """``cksh:ClaimShape`` for a node shape; ``cksh:ClaimShape / source`` for one of its
    (blank-node) property shapes."""
    if isinstance(shape, URIRef):
        return compact_iri(str(shape))
    parent = shapes.value(predicate=SH.property, object=shape)
    label = shapes.value(shape, SH.name) or shapes.value(shape, SH.path) or "property"
    prefix = compact_iri(str(parent)) + " / " if isinstance(parent, URIRef) else ""
    return f"{prefix}{compact_iri(str(label))}"


def _violation(results: Graph, shapes: Graph, node: Node, origin: dict[str, str]) -> Violation:
    def one(pred: URIRef) -> str:
        value = results.value(node, pred)
        return "" if value is None else str(value)

    focus = one(SH.focusNode)
    severity = one(SH.resultSeverity).rsplit("#", 1)[-1].lower()
    return Violation(
        source=_shape_name(shapes, results.value(node, SH.sourceShape)),
        focus=focus,
        message=one(SH.resultMessage) or "does not conform",
        severity="error" if severity == "violation" else severity,
        path=compact_iri(one(SH.resultPath)),
        value=one(SH.value),
        file=origin.get(focus, ""),
    )


def run_checks(store: Store, checks: dict[str, Query], origin: dict[str, str]) -> Report:
    """Run every check query; each row (``?focus``, ``?message``) is a violation."""
    report = Report()
    for check in checks.values():
        for row in store.query(check.text).dicts():
            focus = row.get("focus")
            msg = row.get("message")
            subject = row.get("subject")
            focus_s = "" if focus is None else str(focus.value)
            where = focus_s if subject is None else str(subject.value)
            report.violations.append(Violation(
                source=check.id, focus=focus_s, message=check.title if msg is None else str(msg.value),
                severity=check.severity, file=origin.get(where, origin.get(focus_s, "")),
            ))
    return report


#: Dangling references given "did you mean" hints, in the report's order: each hint compares the unknown IRI
#: with every described one, and thousands of dangling references (a wrong prefix, copied data without its
#: sources) took a 10x build's validation from seconds to over half an hour; past the first ones a hint adds
#: nothing the first ones have not said.
SUGGEST_AT_MOST = 100


def with_suggestions(report: Report, quads: Iterable[ox.Quad]) -> Report:
    """Add "did you mean" hints to references to unknown resources (a mistyped clause, place,
    agent or source): the closest described IRIs, and the places or agents that carry an
    attested name matching the unknown slug (to the first :data:`SUGGEST_AT_MOST` of them).
    ``quads`` is read once, and only when there is such a reference."""
    if not any(v.source == "dangling-reference" and v.focus.startswith(CKR) for v in report.violations):
        return report
    described, owners = _described_and_owners(quads)
    out = Report()
    hinted = 0
    for v in report.violations:
        if v.source == "dangling-reference" and v.focus.startswith(CKR) and hinted < SUGGEST_AT_MOST:
            hinted += 1
            hints = _closest(v.focus, described, owners)
            if hints:
                v = replace(v, message=f"{v.message}; did you mean {', '.join(compact_iri(h) for h in hints)}?")
        out.violations.append(v)
    return out


def _described_and_owners(quads: Iterable[ox.Quad]) -> tuple[list[str], dict[str, set[str]]]:
    """The described resource IRIs, sorted; and name key → IRIs of the places and agents that carry a
    name with that key."""
    described: set[str] = set()
    has_name: dict[str, set[str]] = {}
    keys: dict[str, list[str]] = {}
    for q in quads:
        if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(CKR):
            described.add(q.subject.value)
        if q.predicate.value == CK + "hasName":
            has_name.setdefault(q.object.value, set()).add(q.subject.value)
        elif q.predicate.value == CK + "nameKey":
            keys.setdefault(q.subject.value, []).append(q.object.value)
    owners: dict[str, set[str]] = {}
    for name_node, named in has_name.items():
        for key in keys.get(name_node, []):
            owners.setdefault(key, set()).update(named)
    return sorted(described), owners


def _closest(missing: str, described: list[str], owners: dict[str, set[str]]) -> list[str]:
    slug = missing[len(CKR):]
    kind, _, rest = slug.partition("-")
    by_name = sorted(owners.get(name_key(rest), set()) | owners.get(name_key(slug), set()))
    by_spelling = get_close_matches(missing, described, n=3, cutoff=0.75)
    return list(dict.fromkeys(by_name + by_spelling))[:4]
