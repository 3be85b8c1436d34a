"""``/ontology`` (HTML, JSON twin, Turtle), ``/vocab`` and ``/.well-known/void`` over a live loopback
server on the real data: every class and property of the ontology files is documented with its
anchor, label, definition, superclasses, domain and range; every concept of the vocabulary files is
listed; the Turtle and the VoID parse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from conflictkg.build import build_store
from conflictkg.rdf.namespaces import CK, CKV
from conflictkg.resources import Resources
from conflictkg.store.directory import open_store

from tests.conftest import REPO
from tests.serving import serving

RES = Resources(REPO)
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def parsed(paths: list[Path]) -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


ONTOLOGY = parsed(RES.ontology_files())
VOCABS = parsed(RES.vocab_files())


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ontology-store")
    build_store(path, RES, reason=False)
    return path


@pytest.fixture(scope="module")
def url(store_dir: Path) -> Iterator[str]:
    with serving(store_dir) as base:
        yield base


@pytest.fixture(scope="module")
def page(url: str) -> dict:
    return httpx.get(url + "/ontology.json", timeout=120).json()


def terms(groups: list[dict]) -> dict[str, dict]:
    return {t["iri"]: t for g in groups for t in g["terms"]}


def declared(graph: rdflib.Graph, subject: rdflib.term.Node, predicate: rdflib.URIRef) -> set[str]:
    """The named classes ``predicate`` gives ``subject``: IRIs, and the members of an owl:unionOf."""
    found = set()
    for value in graph.objects(subject, predicate):
        if isinstance(value, rdflib.URIRef):
            found.add(str(value))
        for union in graph.objects(value, OWL.unionOf):
            found |= {str(m) for m in Collection(graph, union) if isinstance(m, rdflib.URIRef)}
    return found


def local(iri: str) -> str:
    return iri.removeprefix(CK).removeprefix(CKV)


def test_every_class_of_the_ontology_file_has_its_anchor_label_and_definition(url: str, page: dict) -> None:
    classes = {str(c) for c in ONTOLOGY.subjects(RDF.type, OWL.Class) if str(c).startswith(CK)}
    assert len(classes) > 50
    shown = terms(page["extra"]["classes"])
    assert set(shown) == classes
    html = httpx.get(url + "/ontology", timeout=120).text
    for iri in classes:
        entry = shown[iri]
        assert entry["id"] == local(iri) and f'id="{local(iri)}"' in html, iri
        assert entry["label"] and entry["definition"], f"{iri} has no label or no definition"
        supers = {str(s) for s in ONTOLOGY.objects(rdflib.URIRef(iri), RDFS.subClassOf) if isinstance(s, rdflib.URIRef)}
        assert supers <= {c["iri"] for c in entry["superclasses"]}, iri
    allegation = shown[CK + "Allegation"]  # defined as ck:Claim and a stance: its named superclass is shown
    assert [c["href"] for c in allegation["superclasses"]] == ["/ontology#Claim"]


def test_every_property_has_its_declared_domain_and_range(page: dict) -> None:
    properties = {str(p) for kind in PROPERTY_KINDS for p in ONTOLOGY.subjects(RDF.type, kind) if str(p).startswith(CK)}
    shown = terms(page["extra"]["properties"])
    assert set(shown) == properties
    for iri in properties:
        entry = shown[iri]
        assert entry["label"] and entry["definition"], f"{iri} has no label or no definition"
        for key, predicate in (("domain", RDFS.domain), ("range", RDFS.range)):
            assert {c["iri"] for c in entry[key]} == declared(ONTOLOGY, rdflib.URIRef(iri), predicate), (iri, key)
    # a domain given as an owl:unionOf is listed member by member, each linked to its anchor
    assert [c["href"] for c in shown[CK + "inExpression"]["domain"]] == ["/ontology#ClauseText", "/ontology#TextVariant"]
    for group in page["extra"]["properties"]:
        ids = [t["id"] for t in group["terms"]]
        assert ids == sorted(ids, key=lambda i: (i.lower(), i)), group["id"]


def test_every_vocabulary_concept_is_listed_with_label_and_definition(url: str) -> None:
    schemes = {s["iri"]: s for s in httpx.get(url + "/vocab.json", timeout=60).json()["extra"]["schemes"]}
    assert set(schemes) == {str(s) for s in VOCABS.subjects(RDF.type, SKOS.ConceptScheme)}
    html = httpx.get(url + "/vocab", timeout=60).text
    for concept, scheme in VOCABS.subject_objects(SKOS.inScheme):
        listed = {c["iri"]: c for c in schemes[str(scheme)]["concepts"]}
        entry = listed[str(concept)]
        assert entry["label"] == str(VOCABS.value(concept, SKOS.prefLabel))
        assert entry["definition"] and f'id="{local(str(concept))}"' in html, concept


def test_the_ontology_graph_as_turtle_by_path_and_by_accept_header(url: str) -> None:
    by_path = httpx.get(url + "/ontology.ttl", timeout=60)
    by_accept = httpx.get(url + "/ontology", headers={"Accept": "text/turtle"}, timeout=60)
    assert by_path.headers["content-type"].startswith("text/turtle")
    assert by_path.content == by_accept.content
    graph = rdflib.Graph().parse(data=by_path.text, format="turtle")
    assert len(graph) == len(ONTOLOGY) and (rdflib.URIRef(CK + "Claim"), RDF.type, OWL.Class) in graph
    as_html = httpx.get(url + "/ontology", headers={"Accept": "text/html"}, timeout=60)
    assert as_html.headers["content-type"].startswith("text/html") and 'id="Claim"' in as_html.text


def test_void_parses_as_turtle_with_the_store_size(url: str, store_dir: Path) -> None:
    response = httpx.get(url + "/.well-known/void", timeout=120)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    dataset = graph.value(predicate=RDF.type, object=VOID.Dataset)
    assert dataset is not None
    store = open_store(store_dir)
    try:
        assert int(graph.value(dataset, VOID.triples)) == len(store) > 0
    finally:
        store.close()
    assert graph.value(dataset, VOID.vocabulary) == rdflib.URIRef(CK)


def test_about_page_and_footer_link_to_the_ontology(url: str) -> None:
    about = httpx.get(url + "/about", timeout=60).text
    assert about.count('href="/ontology"') >= 2  # the section on the ontology, and the footer
    assert 'href="/ontology"' in httpx.get(url + "/coverage", timeout=60).text
