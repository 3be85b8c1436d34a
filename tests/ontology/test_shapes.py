"""SHACL data contract (ontology/shapes.ttl): every shape has fixtures, and the fixtures behave.

Convention (as in GeoSPARQL): ontology/examples/<ShapeLocalName>-valid.ttl must conform;
every ontology/examples/<ShapeLocalName>-invalid*.ttl must not conform, and every violation it
raises must come from that shape (the node shape itself or one of its property shapes).

Validation mirrors the project pipeline: pyshacl on the union of data and SKOS vocabularies,
with the ontology (+ alignments) as ont_graph and no inference.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import RDF

pyshacl = pytest.importorskip("pyshacl")

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
EXAMPLES_DIR = ONTOLOGY_DIR / "examples"
SH = Namespace("http://www.w3.org/ns/shacl#")
CKSH = Namespace("https://w3id.org/conflictkg/shapes#")
CKR = "https://w3id.org/conflictkg/resource/"
TARGET_PREDICATES = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl")


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY_DIR / "conflictkg.ttl")
    g.parse(ONTOLOGY_DIR / "alignments.ttl")
    return g


@lru_cache(maxsize=1)
def vocab_graph() -> Graph:
    g = Graph()
    for path in sorted((ONTOLOGY_DIR / "vocab").glob("*.ttl")):
        g.parse(path)
    return g


def targeted_shapes() -> list[URIRef]:
    """The top-level shapes: named cksh: shapes that have a target."""
    g = shapes_graph()
    found = {s for p in TARGET_PREDICATES for s in g.subjects(p, None)}
    return sorted(s for s in found if isinstance(s, URIRef) and str(s).startswith(str(CKSH)))


def local_name(shape: URIRef) -> str:
    return str(shape)[len(str(CKSH)) :]


def fixture_files(shape: URIRef, kind: str) -> list[Path]:
    name = local_name(shape)
    if kind == "valid":
        return sorted(EXAMPLES_DIR.glob(f"{name}-valid.ttl"))
    return sorted(EXAMPLES_DIR.glob(f"{name}-invalid*.ttl"))


def owning_shape(node) -> URIRef | None:
    """Walk up from a (possibly blank) shape node to the named shape that contains it."""
    g = shapes_graph()
    tops = set(targeted_shapes())
    seen = set()
    while node is not None and node not in seen:
        if node in tops:
            return node
        seen.add(node)
        if not isinstance(node, BNode):
            return node if isinstance(node, URIRef) else None
        node = next(iter(g.subjects(None, node)), None)
    return None


def validate(path: Path):
    data = Graph()
    data += vocab_graph()
    data.parse(path)
    conforms, report, text = pyshacl.validate(
        data,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
    )
    return conforms, report, text


def _cases(kind: str):
    cases = []
    for shape in targeted_shapes():
        for path in fixture_files(shape, kind):
            cases.append(pytest.param(shape, path, id=path.stem))
    return cases


# ---------------------------------------------------------------------------------------------


def test_there_are_shapes():
    assert len(targeted_shapes()) >= 10


@pytest.mark.parametrize("shape", targeted_shapes(), ids=local_name)
def test_every_shape_has_fixtures(shape):
    assert fixture_files(shape, "valid"), f"missing examples/{local_name(shape)}-valid.ttl"
    assert fixture_files(shape, "invalid"), f"missing examples/{local_name(shape)}-invalid.ttl"


def test_every_fixture_belongs_to_a_shape():
    names = {local_name(s) for s in targeted_shapes()}
    for path in EXAMPLES_DIR.glob("*.ttl"):
        shape_name = path.stem.split("-")[0]
        assert shape_name in names, f"{path.name} names no shape in shapes.ttl"
        assert path.stem.endswith("-valid") or "-invalid" in path.stem, path.name


def test_fixtures_use_only_example_resources():
    for path in EXAMPLES_DIR.glob("*.ttl"):
        g = Graph().parse(path)
        for term in set(g.subjects()) | set(g.objects()):
            if isinstance(term, URIRef) and str(term).startswith(CKR):
                assert str(term).startswith(CKR + "example-"), f"{path.name}: {term} is not a fixture IRI"


@pytest.mark.parametrize("shape", targeted_shapes(), ids=local_name)
def test_shapes_speak_plain_words(shape):
    """Each shape and each of its property shapes has a name and a message for curators."""
    g = shapes_graph()
    assert g.value(shape, SH.name) is not None, f"{shape} has no sh:name"
    props = list(g.objects(shape, SH.property))
    if not props:
        assert g.value(shape, SH.message) is not None, f"{shape} has no sh:message"
    for prop in props:
        assert g.value(prop, SH.name) is not None, f"a property shape of {shape} has no sh:name"
        assert g.value(prop, SH.message) is not None, f"a property shape of {shape} has no sh:message"


def test_shapes_graph_is_valid_shacl():
    conforms, _, text = pyshacl.validate(
        Graph(), shacl_graph=shapes_graph(), inference="none", meta_shacl=True
    )
    assert conforms, text


@pytest.mark.parametrize(("shape", "path"), _cases("valid"))
def test_valid_fixture_conforms(shape, path):
    conforms, _, text = validate(path)
    assert conforms, text


@pytest.mark.parametrize(("shape", "path"), _cases("invalid"))
def test_invalid_fixture_breaks_exactly_its_shape(shape, path):
    conforms, report, text = validate(path)
    assert not conforms, f"{path.name} conforms but should violate {local_name(shape)}"
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    assert results, text
    owners = {owning_shape(report.value(r, SH.sourceShape)) for r in results}
    assert owners == {shape}, f"{path.name}: violations come from {owners}, expected only {shape}\n{text}"
