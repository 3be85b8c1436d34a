"""The shapes of ``ontology/shapes.ttl`` read into plain data, for :mod:`conflictkg.shacl.compile`.

Only the SHACL Core components the compiler knows are accepted; any other ``sh:`` term on a shape
is refused with the shape's name (a shape the engine cannot run must not be skipped in silence).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import Namespace
from rdflib.term import Node

from conflictkg.errors import OntologyError
from conflictkg.rdf.namespaces import compact_iri

SH = Namespace("http://www.w3.org/ns/shacl#")

#: constraint components and what each takes: a term, an integer, a list of terms or shapes
TERM_COMPONENTS = ("datatype", "class", "nodeKind", "minInclusive", "lessThanOrEquals", "hasValue", "pattern")
COUNT_COMPONENTS = ("minCount", "maxCount")
LIST_COMPONENTS = ("in", "or")
SHAPE_COMPONENTS = ("node",)
#: sh: terms on a shape that say something about it but constrain nothing
DESCRIPTIVE = ("name", "description", "message", "severity", "path", "property", "targetClass",
               "targetObjectsOf", "flags", "order", "group")
KNOWN = {SH[n] for n in (*TERM_COMPONENTS, *COUNT_COMPONENTS, *LIST_COMPONENTS, *SHAPE_COMPONENTS, *DESCRIPTIVE)}
SEVERITIES = {SH.Violation: "error", SH.Warning: "warning", SH.Info: "info"}


@dataclass(frozen=True)
class PropertyPath:
    """A predicate path, or its inverse (``[ sh:inversePath p ]``)."""

    predicate: str
    inverse: bool = False

    def sparql(self) -> str:
        return f"{'^' if self.inverse else ''}<{self.predicate}>"

    def text(self) -> str:
        """As reports print it: ``ck:claimant``, ``^ck:aboutIncident``."""
        return f"{'^' if self.inverse else ''}{compact_iri(self.predicate)}"


@dataclass(frozen=True)
class Constraint:
    """One constraint component of a shape: ``kind`` is its local name (``minCount``, ``in``, ``or``);
    ``value`` a SPARQL term, an int, a tuple of SPARQL terms, a :class:`Shape` or a tuple of them."""

    kind: str
    value: object
    flags: str = ""


@dataclass(frozen=True)
class Shape:
    """A node shape (``path`` None) or a property shape, with what reports name it by."""

    name: str
    message: str
    severity: str
    path: PropertyPath | None = None
    target_classes: tuple[str, ...] = ()
    target_objects_of: tuple[str, ...] = ()
    constraints: tuple[Constraint, ...] = ()
    properties: tuple[Shape, ...] = field(default=())

    @property
    def targeted(self) -> bool:
        return bool(self.target_classes or self.target_objects_of)


def read_shapes(graph: Graph) -> list[Shape]:
    """The targeted shapes of ``graph`` (named or not), sorted by name.

    Raises:
        OntologyError: a shape uses a SHACL term the engine does not compile, or a malformed value.
    """
    roots = {s for p in (SH.targetClass, SH.targetObjectsOf, SH.targetNode, SH.targetSubjectsOf)
             for s in graph.subjects(p, None)}
    return sorted((_shape(graph, s) for s in roots), key=lambda s: s.name)


def _shape(graph: Graph, node: Node, parent: str = "") -> Shape:
    name = _name(graph, node, parent)
    for pred in sorted({p for p in graph.predicates(node, None) if str(p).startswith(str(SH))}):
        if pred not in KNOWN:
            compiled = ", ".join(f"sh:{c}" for c in sorted((*TERM_COMPONENTS, *COUNT_COMPONENTS, *LIST_COMPONENTS,
                                                              *SHAPE_COMPONENTS)))
            raise OntologyError(f"shapes: {name} uses {compact_iri(str(pred))}, which the SPARQL SHACL engine "
                                "does not compile", hint=f"the engine compiles {compiled} (targets: sh:targetClass, "
                                "sh:targetObjectsOf); or run with --shacl-engine pyshacl")
    severity = graph.value(node, SH.severity)
    message = graph.value(node, SH.message)
    owner = name if isinstance(node, URIRef) else parent
    return Shape(
        name=name,
        message="" if message is None else str(message),
        severity=SEVERITIES.get(severity, "error") if severity is not None else "error",
        path=_path(graph, node, name),
        target_classes=tuple(sorted(str(c) for c in graph.objects(node, SH.targetClass))),
        target_objects_of=tuple(sorted(str(p) for p in graph.objects(node, SH.targetObjectsOf))),
        constraints=tuple(_constraints(graph, node, name, owner)),
        properties=tuple(_shape(graph, p, owner) for p in _sorted_nodes(graph, graph.objects(node, SH.property))),
    )


def _name(graph: Graph, node: Node, parent: str) -> str:
    """``cksh:ClaimShape`` for a named shape, ``cksh:ClaimShape / claimant`` for one of its property
    shapes (by ``sh:name``, else its path), as the pyshacl reports named them."""
    if isinstance(node, URIRef):
        return compact_iri(str(node))
    label = graph.value(node, SH.name)
    if label is None:
        path = graph.value(node, SH.path)
        label = compact_iri(str(path)) if isinstance(path, URIRef) else "property"
    return f"{parent} / {label}" if parent else str(label)


def _path(graph: Graph, node: Node, name: str) -> PropertyPath | None:
    path = graph.value(node, SH.path)
    if path is None:
        return None
    if isinstance(path, URIRef):
        return PropertyPath(str(path))
    inverse = graph.value(path, SH.inversePath)
    if isinstance(inverse, URIRef) and len(set(graph.predicate_objects(path))) == 1:
        return PropertyPath(str(inverse), inverse=True)
    raise OntologyError(f"shapes: {name} has a path the SPARQL SHACL engine does not compile "
                        "(a predicate or [ sh:inversePath predicate ] only)")


def _constraints(graph: Graph, node: Node, name: str, owner: str) -> list[Constraint]:
    found: list[Constraint] = []
    for kind in COUNT_COMPONENTS:
        for value in graph.objects(node, SH[kind]):
            if not (isinstance(value, Literal) and isinstance(value.toPython(), int)):
                raise OntologyError(f"shapes: {name}: sh:{kind} must be an integer, not {value.n3()}")
            found.append(Constraint(kind, int(value.toPython())))
    for kind in TERM_COMPONENTS:
        for value in graph.objects(node, SH[kind]):
            flags = graph.value(node, SH.flags)
            found.append(Constraint(kind, value.n3() if kind != "pattern" else str(value),
                                    "" if flags is None or kind != "pattern" else str(flags)))
    for value in graph.objects(node, SH["in"]):
        found.append(Constraint("in", tuple(sorted(t.n3() for t in Collection(graph, value)))))
    for value in graph.objects(node, SH["or"]):
        found.append(Constraint("or", tuple(_shape(graph, s, owner) for s in Collection(graph, value))))
    for value in graph.objects(node, SH.node):
        found.append(Constraint("node", _shape(graph, value, owner)))
    return sorted(found, key=lambda c: (c.kind, repr(c.value)))


def _sorted_nodes(graph: Graph, nodes: object) -> list[Node]:
    """Property shapes in a fixed order: by name, then path (blank node ids differ run to run)."""
    def key(n: Node) -> tuple[str, str]:
        return (str(graph.value(n, SH.name) or ""), str(graph.value(n, SH.path) or ""))
    return sorted(nodes, key=key)  # type: ignore[call-overload]

