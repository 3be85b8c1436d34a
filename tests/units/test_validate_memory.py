"""What keeps validation's memory down at scale (#14): one rdflib object per distinct term in the graph
handed to pyshacl, pyshacl working on that graph in place (no copy), and each build stage's garbage
collected when the stage ends."""

from __future__ import annotations

import gc
import weakref

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from conflictkg.build import Stages
from conflictkg.store.memory import to_rdflib
from conflictkg.validate import shacl_validate, to_graph

EX = "https://example.org/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/> .
ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ;
  sh:property [ sh:path ex:size ; sh:minCount 1 ; sh:message "A thing must say its size." ] .
"""


def _triples() -> list[ox.Triple]:
    thing, size = ox.NamedNode(EX + "Thing"), ox.NamedNode(EX + "size")
    return [ox.Triple(ox.NamedNode(EX + f"t{i}"), RDF_TYPE, thing) for i in range(3)] + [
        ox.Triple(ox.NamedNode(EX + f"t{i}"), size, ox.Literal("2", datatype=ox.NamedNode(
            "http://www.w3.org/2001/XMLSchema#integer"))) for i in (0, 1)]


def test_the_graph_holds_the_same_triples_with_one_object_per_distinct_term() -> None:
    triples = _triples()
    graph = to_graph(triples)
    assert set(graph) == {(to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)) for t in triples}
    classes = {id(o) for _s, _p, o in graph if o == URIRef(EX + "Thing")}
    sizes = {id(o) for _s, _p, o in graph if isinstance(o, Literal)}
    assert len(classes) == 1 and len(sizes) == 1


def test_pyshacl_validates_the_union_in_place_and_reports_the_same() -> None:
    data = to_graph(_triples())
    ontology = Graph()
    ontology.add((URIRef(EX + "Thing"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("thing")))
    shapes = Graph().parse(data=SHAPES, format="turtle")
    report = shacl_validate(data, shapes, ontology, {EX + "t2": "data/things.trig"})
    assert [(v.focus, v.message, v.file) for v in report.violations] == [
        (EX + "t2", "A thing must say its size.", "data/things.trig")]
    # the ontology went into the graph handed in, not into a copy of it
    assert (URIRef(EX + "Thing"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("thing")) in data


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_stage_s_garbage_is_collected_when_it_ends() -> None:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with Stages().stage("validate", "test"):
            ref = weakref.ref(_Cycle())  # garbage only a collection frees (a reference cycle)
            assert ref() is not None
        assert ref() is None
    finally:
        if was_enabled:
            gc.enable()
