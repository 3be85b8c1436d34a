"""The usual causes of an OWL inconsistency, found directly in the data, with the files involved.

HermiT's consistency check says only "inconsistent". Three causes account for nearly every
inconsistency a curator can introduce with this ontology, and each can be seen without a
reasoner, soundly (everything reported here makes the ontology inconsistent):

* an individual in two disjoint classes (``owl:disjointWith``, ``owl:AllDisjointClasses``), typed
  directly or through ``rdfs:subClassOf``, ``rdfs:domain`` and ``rdfs:range`` (with
  ``rdfs:subPropertyOf``);
* a functional datatype property with two different values;
* a value outside a datatype property's ``rdfs:range`` (``"yes"`` for an ``xsd:boolean``).

The check works on what HermiT sees (the same graphs; values compared as mapped by
:func:`conflictkg.owl.reasoning.reasoner_literal`) and on the parsed files, so every clash names the
files its triples come from. It is plain Python rather than SPARQL: the axioms would have to be
pasted into query text, and a query cannot tell which file a triple came from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from conflictkg.owl.reasoning import XSD, reasoner_literal
from conflictkg.rdf.closure import closure
from conflictkg.rdf.namespaces import PREFIXES, compact_iri

RDF, RDFS, OWL = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["owl"]
TYPE = RDF + "type"
INTEGERS = frozenset(XSD + n for n in (
    "integer nonNegativeInteger positiveInteger nonPositiveInteger negativeInteger long int short byte "
    "unsignedLong unsignedInt unsignedShort unsignedByte").split())
NUMBERS = INTEGERS | {XSD + "decimal"}


@dataclass(frozen=True)
class Clash:
    """One cause of inconsistency: the node, the axiom it breaks (in words), the files involved."""

    kind: str  # owl-disjoint-classes | owl-functional-property | owl-datatype-range
    node: str
    message: str
    files: tuple[str, ...]
    path: str = ""
    value: str = ""


@dataclass(frozen=True)
class _Typing:
    """Why an individual has a class: the triple that says so, and how."""

    cls: str
    triple: ox.Triple
    how: str  # "a" | "domain" | "range"


@dataclass
class Axioms:
    """The parts of the TBox the checks need."""

    supers: dict[str, set[str]]
    disjoint: dict[str, dict[str, str]]  # class -> disjoint class -> the axiom that says so
    functional: set[str]
    data_properties: set[str]
    domains: dict[str, set[str]]
    ranges: dict[str, set[str]]
    data_ranges: dict[str, set[str]]


def find_clashes(tbox: Iterable[ox.Triple], parsed: Sequence[tuple[Path, list[ox.Quad]]],
                 data_graphs: Iterable[str]) -> list[Clash]:
    """Every clash among the triples of ``data_graphs`` in ``parsed`` under the axioms in ``tbox``."""
    axioms = read_axioms(list(tbox))
    graphs = set(data_graphs)
    triples = [(path, q.triple) for path, quads in parsed
               for q in quads if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in graphs]
    files: dict[ox.Triple, set[str]] = defaultdict(set)
    for path, t in triples:
        files[t].add(str(path))
    data = list(files)  # parse order, each triple once
    clashes = _disjoint(data, axioms, files) + _functional(data, axioms, files) + _data_range(data, axioms, files)
    return sorted(clashes, key=lambda c: (c.node, c.kind, c.message))


def read_axioms(tbox: list[ox.Triple]) -> Axioms:
    """Subclass closure, disjoint pairs, functional properties, domains and ranges of ``tbox``."""
    edges: dict[str, set[str]] = defaultdict(set)
    sub_props: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    for t in tbox:
        s, p, o = t.subject, t.predicate.value, t.object
        if not isinstance(s, ox.NamedNode) or not isinstance(o, ox.NamedNode):
            continue
        if p == RDFS + "subClassOf":
            edges[s.value].add(o.value)
        elif p == OWL + "equivalentClass":
            edges[s.value].add(o.value)
            edges[o.value].add(s.value)
        elif p == RDFS + "subPropertyOf":
            sub_props[s.value].add(o.value)
        elif p == TYPE:
            kinds[o.value].add(s.value)
    props = closure(sub_props)
    domains = _inherited(tbox, RDFS + "domain", props)
    ranges = _inherited(tbox, RDFS + "range", props)
    data_props = kinds[OWL + "DatatypeProperty"]
    return Axioms(closure(edges), _disjoint_pairs(tbox), kinds[OWL + "FunctionalProperty"], data_props,
                  {p: c for p, c in domains.items()},
                  {p: c for p, c in ranges.items() if p not in data_props},
                  {p: c for p, c in ranges.items() if p in data_props})


def _inherited(tbox: list[ox.Triple], axiom: str, props: dict[str, set[str]]) -> dict[str, set[str]]:
    """Domains (or ranges) per property, including those of its super-properties."""
    direct: dict[str, set[str]] = defaultdict(set)
    for t in tbox:
        if t.predicate.value == axiom and isinstance(t.subject, ox.NamedNode) and isinstance(t.object, ox.NamedNode):
            direct[t.subject.value].add(t.object.value)
    out: dict[str, set[str]] = defaultdict(set)
    for prop in set(direct) | set(props):
        for sup in props.get(prop, {prop}):
            out[prop] |= direct.get(sup, set())
    return out


def _disjoint_pairs(tbox: list[ox.Triple]) -> dict[str, dict[str, str]]:
    """Class -> each class declared disjoint with it -> the axiom (owl:disjointWith, or the
    owl:AllDisjointClasses list it shares)."""
    first = {t.subject: t.object for t in tbox if t.predicate.value == RDF + "first"}
    rest = {t.subject: t.object for t in tbox if t.predicate.value == RDF + "rest"}
    pairs: dict[str, dict[str, str]] = defaultdict(dict)
    for t in tbox:
        if t.predicate.value == OWL + "disjointWith":
            axiom = f"{_c(t.subject.value)} owl:disjointWith {_c(t.object.value)}"
            pairs[t.subject.value][t.object.value] = pairs[t.object.value][t.subject.value] = axiom
        elif t.predicate.value == OWL + "members":
            members, node = [], t.object
            while node in first:
                members.append(first[node].value)
                node = rest.get(node)
            axiom = f"members of one owl:AllDisjointClasses ({len(members)} classes)"
            for m in members:
                pairs[m].update({o: axiom for o in members if o != m})
    return pairs


def _typings(data: list[ox.Triple], axioms: Axioms) -> dict[ox.Term, list[_Typing]]:
    """Every class each node has, with the triple that gives it (asserted, domain or range)."""
    out: dict[ox.Term, list[_Typing]] = defaultdict(list)
    for t in data:
        p = t.predicate.value
        if p == TYPE and isinstance(t.object, ox.NamedNode):
            out[t.subject].append(_Typing(t.object.value, t, "a"))
            continue
        for cls in sorted(axioms.domains.get(p, ())):
            out[t.subject].append(_Typing(cls, t, "domain"))
        if not isinstance(t.object, ox.Literal):
            for cls in sorted(axioms.ranges.get(p, ())):
                out[t.object].append(_Typing(cls, t, "range"))
    return out


def _disjoint(data: list[ox.Triple], axioms: Axioms, files: dict[ox.Triple, set[str]]) -> list[Clash]:
    clashes = []
    for node, typings in _typings(data, axioms).items():
        found = _first_disjoint(typings, axioms)
        if found:
            (one, two), (c1, c2) = found
            where = _files(files, one.triple, two.triple)
            clashes.append(Clash(
                "owl-disjoint-classes", _show(node),
                f"is a {_cls(one)} ({_why(one, files)}) and a {_cls(two)} ({_why(two, files)}), "
                f"but {_c(c1)} and {_c(c2)} are disjoint ({axioms.disjoint[c1][c2]})", where))
    return clashes


def _first_disjoint(typings: list[_Typing], axioms: Axioms) -> tuple[tuple[_Typing, _Typing], tuple[str, str]] | None:
    """The first two typings of a node whose classes are disjoint (through their superclasses)."""
    every = set().union(*(axioms.supers.get(t.cls, {t.cls}) for t in typings))
    if not any(axioms.disjoint.get(c, {}).keys() & every for c in every):
        return None  # the usual case, decided without looking at pairs
    typings = list({t.cls: t for t in reversed(typings)}.values())[::-1]  # first typing per class
    for i, one in enumerate(typings):
        ups1 = axioms.supers.get(one.cls, {one.cls})
        for two in typings[i + 1:]:
            ups2 = axioms.supers.get(two.cls, {two.cls})
            for c1 in sorted(ups1):
                hit = sorted(axioms.disjoint.get(c1, {}).keys() & ups2)
                if hit:
                    return (one, two), (c1, hit[0])
    return None


def _functional(data: list[ox.Triple], axioms: Axioms, files: dict[ox.Triple, set[str]]) -> list[Clash]:
    values: dict[tuple[ox.Term, str], dict[object, ox.Triple]] = defaultdict(dict)
    for t in data:
        p = t.predicate.value
        if p in axioms.functional and p in axioms.data_properties and isinstance(t.object, ox.Literal):
            values[(t.subject, p)].setdefault(_value_key(t.object), t)
    clashes = []
    for (node, p), by_value in values.items():
        if len(by_value) > 1:
            one, two = sorted(by_value.values(), key=str)[:2]
            clashes.append(Clash(
                "owl-functional-property", _show(node),
                f"has two values of the functional property {_c(p)}, {_lit(one.object)} ({_in(files, one)}) "
                f"and {_lit(two.object)} ({_in(files, two)}); it allows one",
                _files(files, one, two), path=_c(p), value=f"{_lit(one.object)}, {_lit(two.object)}"))
    return clashes


def _data_range(data: list[ox.Triple], axioms: Axioms, files: dict[ox.Triple, set[str]]) -> list[Clash]:
    clashes = []
    for t in data:
        ranges = axioms.data_ranges.get(t.predicate.value)
        if not ranges or not isinstance(t.object, ox.Literal):
            continue
        for rng in sorted(ranges):
            if not _in_range(t.object, rng):
                clashes.append(Clash(
                    "owl-datatype-range", _show(t.subject),
                    f"{_c(t.predicate.value)} has the value {_lit(t.object)} ({_in(files, t)}), outside its "
                    f"rdfs:range {_c(rng)}", _files(files, t), path=_c(t.predicate.value), value=_lit(t.object)))
    return clashes


def _in_range(lit: ox.Literal, rng: str) -> bool:
    """Is ``lit`` (as HermiT sees it) a value of the datatype ``rng``? Unknown ranges: yes."""
    lit = reasoner_literal(lit)
    dt = XSD + "string" if lit.language else lit.datatype.value
    if lit.language:
        return rng in (RDF + "PlainLiteral", RDF + "langString", RDFS + "Literal")
    if rng in INTEGERS:
        number = _number(lit)
        return number is not None and number == number.to_integral_value() and _integer_bounds(number, rng)
    simple = {XSD + "boolean": {XSD + "boolean"}, XSD + "decimal": NUMBERS,
              XSD + "dateTime": {XSD + "dateTime", XSD + "dateTimeStamp"},
              XSD + "string": {XSD + "string"}, RDF + "PlainLiteral": {XSD + "string"}}
    return dt in simple[rng] if rng in simple else True


def _integer_bounds(number: Decimal, rng: str) -> bool:
    local = rng.removeprefix(XSD)
    if local in ("nonNegativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"):
        return number >= 0
    if local == "positiveInteger":
        return number >= 1
    if local == "nonPositiveInteger":
        return number <= 0
    if local == "negativeInteger":
        return number <= -1
    return True


def _number(lit: ox.Literal) -> Decimal | None:
    if lit.datatype.value not in NUMBERS:
        return None
    try:
        return Decimal(lit.value)
    except InvalidOperation:
        return None


def _value_key(lit: ox.Literal) -> object:
    """Equal for literals HermiT takes as the same value (1 and 01; 5 and 5.0; a date and midnight)."""
    lit = reasoner_literal(lit)
    number = _number(lit)
    if number is not None:
        return ("number", number)
    return (lit.value, lit.datatype.value, lit.language or "")


def _files(files: dict[ox.Triple, set[str]], *triples: ox.Triple) -> tuple[str, ...]:
    return tuple(sorted(set().union(*(files.get(t, set()) for t in triples))))


def _in(files: dict[ox.Triple, set[str]], t: ox.Triple) -> str:
    return "in " + ", ".join(sorted(files.get(t, {"?"})))


def _why(typing: _Typing, files: dict[ox.Triple, set[str]]) -> str:
    t = typing.triple
    if typing.how == "a":
        return f"stated {_in(files, t)}"
    role = "subject" if typing.how == "domain" else "object"
    return f"as the {role} of {_c(t.predicate.value)}, whose rdfs:{typing.how} is {_c(typing.cls)}, {_in(files, t)}"


def _cls(typing: _Typing) -> str:
    return _c(typing.cls)


def _c(iri: str) -> str:
    return compact_iri(iri)


def _show(node: ox.Term) -> str:
    return node.value if isinstance(node, ox.NamedNode) else str(node)


def _lit(lit: ox.Literal) -> str:
    if lit.language:
        return f'"{lit.value}"@{lit.language}'
    return f'"{lit.value}"^^{_c(lit.datatype.value)}'
