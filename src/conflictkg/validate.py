"""Is the data acceptable? SHACL shapes (pyshacl) plus check queries that must return no rows.

The only module that imports pyshacl. Reports name the shape, the focus node, the offending
value and the file the focus node comes from, in words a curator can act on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from difflib import get_close_matches

import pyoxigraph as ox
from rdflib import Graph, Namespace, URIRef
from rdflib.term import Node
from rdflib.namespace import RDF

from conflictkg.memory_store import to_rdflib
from conflictkg.names import name_key
from conflictkg.namespaces import CK, CKR, compact_iri
from conflictkg.queries import Query
from conflictkg.store import Store

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

    def text(self) -> str:
        where = f"{self.file}: " if self.file else ""
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

    def text(self) -> str:
        if not self.violations:
            return "Conforms: no problems found.\n"
        lines = [v.text() for v in sorted(self.violations, key=lambda v: (v.file, v.focus, v.source, v.path))]
        warnings = len(self.violations) - len(self.errors)
        verdict = "Conforms" if self.conforms else "Does not conform"
        lines.append(f"{verdict}: {len(self.errors)} error(s), {warnings} warning(s).")
        return "\n".join(lines) + "\n"

    def extend(self, other: Report) -> None:
        self.violations.extend(other.violations)


def to_graph(triples: Iterable[ox.Triple]) -> Graph:
    """An rdflib Graph of neutral triples."""
    graph = Graph()
    for t in triples:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return graph


def shacl_validate(data: Graph, shapes: Graph, ontology: Graph, origin: dict[str, str]) -> Report:
    """Validate ``data`` (the union of all graphs) against ``shapes``; name each focus node's file."""
    from pyshacl import validate as pyshacl_validate  # heavy: imported only when validating

    _conforms, results, _text = pyshacl_validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True
    )
    report = Report()
    for node in results.subjects(RDF.type, SH.ValidationResult):
        report.violations.append(_violation(results, shapes, node, origin))
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


def with_suggestions(report: Report, quads: Iterable[ox.Quad]) -> Report:
    """Add "did you mean" hints to references to unknown resources (a mistyped clause, place,
    agent or source): the closest described IRIs, and the places or agents that carry an
    attested name matching the unknown slug."""
    described = sorted({q.subject.value for q in quads if isinstance(q.subject, ox.NamedNode)
                        and q.subject.value.startswith(CKR)})
    owners = _name_owners(quads)
    out = Report()
    for v in report.violations:
        if v.source == "dangling-reference" and v.focus.startswith(CKR):
            hints = _closest(v.focus, described, owners)
            if hints:
                v = replace(v, message=f"{v.message}; did you mean {', '.join(compact_iri(h) for h in hints)}?")
        out.violations.append(v)
    return out


def _name_owners(quads: Iterable[ox.Quad]) -> dict[str, set[str]]:
    """Name key → IRIs of the places and agents that carry a name with that key."""
    has_name: dict[str, str] = {}
    keys: dict[str, list[str]] = {}
    for q in quads:
        if q.predicate.value == CK + "hasName":
            has_name[q.object.value] = q.subject.value
        elif q.predicate.value == CK + "nameKey":
            keys.setdefault(q.subject.value, []).append(q.object.value)
    owners: dict[str, set[str]] = {}
    for name_node, owner in has_name.items():
        for key in keys.get(name_node, []):
            owners.setdefault(key, set()).add(owner)
    return owners


def _closest(missing: str, described: list[str], owners: dict[str, set[str]]) -> list[str]:
    slug = missing[len(CKR):]
    kind, _, rest = slug.partition("-")
    by_name = sorted(owners.get(name_key(rest), set()) | owners.get(name_key(slug), set()))
    by_spelling = get_close_matches(missing, described, n=3, cutoff=0.75)
    return list(dict.fromkeys(by_name + by_spelling))[:4]
