"""SHACL shapes compiled to SPARQL: one SELECT per constraint of a targeted shape, run on the store.

Each :class:`ShapeCheck`'s query answers ``?focus`` (and ``?value`` for a constraint on each value)
for every validation result the constraint gives, as SHACL Core defines them (terms compared with
``sameTerm``, not ``=``; a comparison that cannot be made fails the constraint). Targets follow
``rdf:type/rdfs:subClassOf*``, as pyshacl does with the ontology mixed into the data graph. Nested
shapes (``sh:or``, ``sh:node``) become ``EXISTS`` expressions over the value they are asked of.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from rdflib import Literal

from conflictkg.shacl.model import Constraint, PropertyPath, Shape

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SUBCLASS_OF = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"
SH = "http://www.w3.org/ns/shacl#"
#: the components judged per focus node (counted, or looked for among the values); the others per value
FOCUS_COMPONENTS = ("minCount", "maxCount", "hasValue")
NODE_KINDS = {
    "IRI": "!isIRI({v})", "Literal": "!isLiteral({v})", "BlankNode": "!isBlank({v})",
    "BlankNodeOrIRI": "isLiteral({v})", "IRIOrLiteral": "isBlank({v})", "BlankNodeOrLiteral": "isIRI({v})",
}


@dataclass(frozen=True)
class ShapeCheck:
    """One constraint of one shape as a SPARQL query; each answer row is a validation result."""

    shape: str
    component: str
    message: str
    severity: str
    path: str
    query: str


class _Fresh:
    """New variable names within one query."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return f"?v{self.n}"


def compile_shapes(shapes: list[Shape]) -> list[ShapeCheck]:
    """A check per constraint of each targeted shape and of each of its property shapes."""
    checks: list[ShapeCheck] = []
    for shape in shapes:
        focus = _focus(shape)
        checks += [_check(shape, shape, c, focus) for c in shape.constraints]
        checks += [_check(shape, prop, c, focus) for prop in shape.properties for c in prop.constraints]
    return checks


def _focus(shape: Shape) -> str:
    parts = [f"{{ ?focus {RDF_TYPE}/{SUBCLASS_OF}* <{c}> }}" for c in shape.target_classes]
    parts += [f"{{ [] <{p}> ?focus }}" for p in shape.target_objects_of]
    return "{ SELECT DISTINCT ?focus WHERE { " + " UNION ".join(parts) + " } }"


def _check(top: Shape, shape: Shape, c: Constraint, focus: str) -> ShapeCheck:
    fresh = _Fresh()
    if shape.path is None:  # a node-level constraint: the focus node is the value
        where = f"{focus} BIND(?focus AS ?value) FILTER({_bad(c, '?value', '?focus', fresh)})"
    elif c.kind in FOCUS_COMPONENTS:
        where = f"{focus} FILTER({_focus_fails(c, shape.path, '?focus', fresh)})"
    else:
        where = f"{focus} ?focus {shape.path.sparql()} ?value . FILTER({_bad(c, '?value', '?focus', fresh)})"
    value = "" if shape.path is not None and c.kind in FOCUS_COMPONENTS else " ?value"
    return ShapeCheck(
        shape=shape.name, component=c.kind, severity=shape.severity,
        message=shape.message or default_message(c, shape.path),
        path="" if shape.path is None else shape.path.text(),
        query=f"SELECT DISTINCT ?focus{value} WHERE {{ {where} }} ORDER BY ?focus{value}",
    )


def _focus_fails(c: Constraint, path: PropertyPath, x: str, fresh: _Fresh) -> str:
    """True when focus node ``x`` fails a counting or ``sh:hasValue`` constraint on ``path``."""
    if c.kind == "hasValue":
        return f"NOT EXISTS {{ {x} {path.sparql()} {c.value} }}"
    n = int(c.value)  # type: ignore[call-overload]
    if c.kind == "minCount":
        return "false" if n == 0 else f"NOT EXISTS {{ {_distinct_values(x, path, n, fresh)} }}"
    return f"EXISTS {{ {_distinct_values(x, path, n + 1, fresh)} }}"


def _distinct_values(x: str, path: PropertyPath, k: int, fresh: _Fresh) -> str:
    """A pattern matching when ``x`` has at least ``k`` distinct values on ``path``."""
    names = [fresh() for _ in range(k)]
    triples = " . ".join(f"{x} {path.sparql()} {v}" for v in names)
    distinct = " && ".join(f"!sameTerm({a}, {b})" for a, b in combinations(names, 2))
    return f"{triples} FILTER({distinct})" if distinct else triples


def _bad(c: Constraint, v: str, focus: str, fresh: _Fresh) -> str:
    """An expression true when value ``v`` (of focus node ``focus``) fails constraint ``c``."""
    kind, value = c.kind, c.value
    if kind == "datatype":
        return f"(!isLiteral({v}) || !sameTerm(datatype({v}), {value}))"
    if kind == "class":
        return f"NOT EXISTS {{ {v} {RDF_TYPE}/{SUBCLASS_OF}* {value} }}"
    if kind == "nodeKind":
        return NODE_KINDS[str(value).strip("<>").removeprefix(SH)].format(v=v)
    if kind == "in":
        return "!(" + (" || ".join(f"sameTerm({v}, {t})" for t in value) or "false") + ")"  # type: ignore[attr-defined]
    if kind == "pattern":
        return f"(isBlank({v}) || !regex(str({v}), {Literal(value).n3()}, {Literal(c.flags).n3()}))"
    if kind == "minInclusive":
        return f"!COALESCE({v} >= {value}, false)"
    if kind == "lessThanOrEquals":
        w = fresh()
        return f"EXISTS {{ {focus} {value} {w} FILTER(!COALESCE({v} <= {w}, false)) }}"
    if kind == "hasValue":
        return f"!sameTerm({v}, {value})"
    if kind == "or":
        return "!(" + " || ".join(_conforms(s, v, fresh) for s in value) + ")"  # type: ignore[attr-defined]
    if kind == "node":
        return f"!{_conforms(value, v, fresh)}"  # type: ignore[arg-type]
    raise ValueError(f"no SPARQL for sh:{kind}")  # model.read_shapes refuses such shapes first


def _conforms(shape: Shape, x: str, fresh: _Fresh) -> str:
    """An expression true when node ``x`` conforms to ``shape`` (an alternative of ``sh:or``, the
    shape of ``sh:node``)."""
    parts: list[str] = []
    for c in shape.constraints:
        if shape.path is None:
            parts.append(f"!({_bad(c, x, x, fresh)})")
        elif c.kind in FOCUS_COMPONENTS:
            parts.append(f"!({_focus_fails(c, shape.path, x, fresh)})")
        else:
            v = fresh()
            parts.append(f"NOT EXISTS {{ {x} {shape.path.sparql()} {v} FILTER({_bad(c, v, x, fresh)}) }}")
    parts += [_conforms(p, x, fresh) for p in shape.properties]
    return "(" + " && ".join(parts) + ")" if parts else "true"


def default_message(c: Constraint, path: PropertyPath | None) -> str:
    """Plain words for a shape that has no ``sh:message`` of its own."""
    of = f"values of {path.text()}" if path else "values"
    words = {
        "minCount": f"fewer than {c.value} {of}", "maxCount": f"more than {c.value} {of}",
        "hasValue": f"{path.text() if path else 'the node'} does not have the value {c.value}",
        "datatype": f"a value is not a literal of datatype {c.value}",
        "class": f"a value is not an instance of {c.value}", "nodeKind": f"a value is not of node kind {c.value}",
        "in": "a value is not one of the allowed values", "pattern": f"a value does not match {c.value!r}",
        "minInclusive": f"a value is below {c.value} or cannot be compared with it",
        "lessThanOrEquals": f"a value is not at most the value of {c.value}",
        "or": "a value conforms to none of the alternatives", "node": "a value does not conform to the nested shape",
    }
    return words[c.kind]
