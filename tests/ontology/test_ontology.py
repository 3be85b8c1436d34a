"""The OWL ontology, its alignments and the SKOS vocabularies: syntax, metadata, HermiT consistency.

HermiT runs through the library's own projection and check (``conflictkg.owl.reasoning``).
"""

from __future__ import annotations

import io
import shutil
import time
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SKOS

from conflictkg.errors import OntologyError
from conflictkg.owl.reasoning import check_consistency, owl_projection
from conflictkg.store.memory import from_rdflib

# A plain Namespace (not rdflib's closed XSD) so pytest's collection does not warn.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

def project_for_reasoner(graph: Graph) -> bytes:
    """N-Triples of an rdflib graph, projected for HermiT by the library's own code."""
    triples = [ox.Triple(from_rdflib(s), from_rdflib(p), from_rdflib(o)) for s, p, o in graph]  # type: ignore[arg-type]
    return owl_projection(triples)


# ---------------------------------------------------------------------------------------------
# Fixtures and constants
# ---------------------------------------------------------------------------------------------

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
CK = Namespace("https://w3id.org/conflictkg/ontology#")
CKV = Namespace("https://w3id.org/conflictkg/vocab/")
CKR = Namespace("https://w3id.org/conflictkg/resource/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
VANN = Namespace("http://purl.org/vocab/vann/")
ONTOLOGY_IRI = URIRef("https://w3id.org/conflictkg/ontology")
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)

TTL_FILES = sorted(
    [ONTOLOGY_DIR / "conflictkg.ttl", ONTOLOGY_DIR / "alignments.ttl", ONTOLOGY_DIR / "shapes.ttl"]
    + list((ONTOLOGY_DIR / "vocab").glob("*.ttl"))
    + list((ONTOLOGY_DIR / "examples").glob("*.ttl"))
)
VOCAB_FILES = sorted((ONTOLOGY_DIR / "vocab").glob("*.ttl"))

def needs_java(func):
    """Mark a test as needing Java (HermiT): the project's ``java`` marker plus a skip when absent."""
    skip = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")
    return pytest.mark.java(skip(func))


@lru_cache(maxsize=1)
def core() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "conflictkg.ttl")


@lru_cache(maxsize=1)
def vocab() -> Graph:
    g = Graph()
    for path in VOCAB_FILES:
        g.parse(path)
    return g


def tbox_and_vocab() -> Graph:
    """conflictkg.ttl + alignments.ttl + vocab/*.ttl, as loaded into ckg:ontology and ckg:vocab."""
    g = Graph()
    g += core()
    g.parse(ONTOLOGY_DIR / "alignments.ttl")
    g += vocab()
    return g


def ck_terms() -> set[URIRef]:
    g = core()
    return {
        s
        for t in TERM_TYPES
        for s in g.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(str(CK))
    }


def english(g: Graph, s, p) -> list[Literal]:
    return [o for o in g.objects(s, p) if isinstance(o, Literal) and o.language == "en"]


# ---------------------------------------------------------------------------------------------
# Syntax
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", TTL_FILES, ids=lambda p: p.name)
def test_turtle_parses_in_rdflib(path):
    assert len(Graph().parse(path)) > 0


@pytest.mark.parametrize("path", TTL_FILES, ids=lambda p: p.name)
def test_turtle_parses_in_pyoxigraph(path):
    pyoxigraph = pytest.importorskip("pyoxigraph")
    triples = list(pyoxigraph.parse(path.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE))
    assert triples


# ---------------------------------------------------------------------------------------------
# Header and term metadata
# ---------------------------------------------------------------------------------------------


def test_header_metadata():
    g = core()
    o = ONTOLOGY_IRI
    assert (o, RDF.type, OWL.Ontology) in g
    assert g.value(o, OWL.versionIRI) == URIRef("https://w3id.org/conflictkg/ontology/0.1.0")
    assert str(g.value(o, OWL.versionInfo)) == "0.1.0"
    assert english(g, o, DCTERMS.title)
    assert english(g, o, DCTERMS.description)
    assert g.value(o, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert str(g.value(o, DCTERMS.creator)) == "conflictkg contributors"
    assert g.value(o, DCTERMS.created) == Literal("2026-11-24", datatype=XSD.date)
    assert str(g.value(o, VANN.preferredNamespacePrefix)) == "ck"
    assert str(g.value(o, VANN.preferredNamespaceUri)) == str(CK)


def test_no_imports():
    for path in (ONTOLOGY_DIR / "conflictkg.ttl", ONTOLOGY_DIR / "alignments.ttl"):
        assert not list(Graph().parse(path).triples((None, OWL.imports, None))), path.name


def test_every_ck_term_is_documented():
    g = core()
    terms = ck_terms()
    assert len(terms) > 100
    problems = []
    for t in sorted(terms):
        if len(english(g, t, RDFS.label)) != 1:
            problems.append(f"{t}: needs one rdfs:label@en")
        if len(english(g, t, SKOS.definition)) != 1:
            problems.append(f"{t}: needs one skos:definition@en")
        if g.value(t, RDFS.isDefinedBy) != ONTOLOGY_IRI:
            problems.append(f"{t}: needs rdfs:isDefinedBy <{ONTOLOGY_IRI}>")
    assert not problems, "\n".join(problems)


def test_every_ck_term_used_anywhere_is_declared():
    """Catches typos: any ck: IRI in the ontology, alignments, vocab, shapes or fixtures is declared."""
    declared = ck_terms()
    problems = []
    for path in TTL_FILES:
        g = Graph().parse(path)
        for triple in g:
            for term in triple:
                if isinstance(term, URIRef) and str(term).startswith(str(CK)) and term not in declared:
                    problems.append(f"{path.name}: {term}")
    assert not problems, "\n".join(sorted(set(problems)))


def test_each_term_has_one_owl_type():
    g = core()
    for t in ck_terms():
        kinds = {k for k in TERM_TYPES if (t, RDF.type, k) in g}
        assert len(kinds) == 1, f"{t} is typed {kinds}"


def test_domains_and_ranges_only_on_ck_properties():
    for path in (ONTOLOGY_DIR / "conflictkg.ttl", ONTOLOGY_DIR / "alignments.ttl"):
        g = Graph().parse(path)
        for p in (RDFS.domain, RDFS.range):
            for s in g.subjects(p, None):
                assert str(s).startswith(str(CK)), f"{path.name}: {p} on {s}"


def test_no_xsd_date_ranges():
    """HermiT rejects xsd:date; date-valued properties carry no range (SHACL checks them)."""
    assert not list(core().triples((None, RDFS.range, XSD.date)))


def test_key_disjointness():
    g = core()
    members = set()
    for node in g.subjects(RDF.type, OWL.AllDisjointClasses):
        lst = g.value(node, OWL.members)
        members |= set(g.items(lst))
    for cls in (CK.Agent, CK.Event, CK.Place, CK.Claim, CK.SourceDocument, CK.Norm):
        assert cls in members, cls
    assert (CK.Person, OWL.disjointWith, CK.Organization) in g


def test_no_breach_property():
    """Breach is never asserted in reference data: there is no ck:breaches."""
    assert (CK.breaches, None, None) not in core()


# ---------------------------------------------------------------------------------------------
# SKOS vocabularies
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", VOCAB_FILES, ids=lambda p: p.name)
def test_each_vocab_file_declares_one_scheme(path):
    g = Graph().parse(path)
    schemes = list(g.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(schemes) == 1
    scheme = schemes[0]
    assert english(g, scheme, SKOS.prefLabel)
    assert english(g, scheme, SKOS.definition)
    for concept in g.subjects(RDF.type, SKOS.Concept):
        assert (concept, SKOS.inScheme, scheme) in g, f"{concept} not in {scheme}"


def test_every_ckv_concept_is_documented():
    g = vocab()
    schemes = set(g.subjects(RDF.type, SKOS.ConceptScheme))
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) > 60
    problems = []
    for c in sorted(concepts):
        if not str(c).startswith(str(CKV)):
            problems.append(f"{c}: not in the ckv: namespace")
        if len(english(g, c, SKOS.prefLabel)) != 1:
            problems.append(f"{c}: needs one skos:prefLabel@en")
        if len(english(g, c, SKOS.definition)) != 1:
            problems.append(f"{c}: needs one skos:definition@en")
        if not set(g.objects(c, SKOS.inScheme)) & schemes:
            problems.append(f"{c}: needs skos:inScheme a declared scheme")
    assert not problems, "\n".join(problems)


def test_ckv_references_resolve():
    """Every ckv: IRI named by the ontology, the shapes or a vocabulary (mappings, broader) exists."""
    g = vocab()
    known = set(g.subjects(RDF.type, SKOS.Concept)) | set(g.subjects(RDF.type, SKOS.ConceptScheme))
    sources = [core(), Graph().parse(ONTOLOGY_DIR / "shapes.ttl"), g]
    missing = {
        term
        for src in sources
        for triple in src
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(str(CKV)) and term not in known
    }
    assert not missing, sorted(missing)


def test_stances_are_exactly_the_seven():
    expected = {
        CKV[f"stance-{s}"]
        for s in ("alleges", "denies", "confirms", "counter-alleges", "calls-on", "interprets", "reports")
    }
    assert set(vocab().subjects(SKOS.inScheme, CKV.stances)) == expected


def test_event_types_are_mapped_to_cameo_or_acled():
    g = vocab()
    mappings = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
    unmapped = [
        c
        for c in g.subjects(SKOS.inScheme, CKV["event-types"])
        if not any(g.value(c, m) is not None for m in mappings)
    ]
    assert not unmapped, unmapped


def test_cameo_concepts_carry_notations():
    g = vocab()
    for c in g.subjects(SKOS.inScheme, CKV.cameo):
        notation = g.value(c, SKOS.notation)
        assert notation is not None and str(c).endswith("cameo-" + str(notation))


# ---------------------------------------------------------------------------------------------
# HermiT
# ---------------------------------------------------------------------------------------------


def test_projection_converts_dates():
    g = Graph()
    s = CKR["example-e"]
    g.add((s, CK.earliestBegin, Literal("2022-03-24", datatype=XSD.date)))
    g.add((s, CK.edtf, Literal("P5Y", datatype=XSD.duration)))
    nt = project_for_reasoner(g).decode()
    assert '"2022-03-24T00:00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime>' in nt
    assert "XMLSchema#date>" not in nt and "duration" not in nt


@needs_java
def test_hermit_finds_tbox_alignments_and_vocab_consistent():
    start = time.perf_counter()
    check_consistency(project_for_reasoner(tbox_and_vocab()))
    elapsed = time.perf_counter() - start
    print(f"HermiT (ontology + alignments + vocab): {elapsed:.2f} s")


EXAMPLE_ABOX = """
@prefix ck:  <https://w3id.org/conflictkg/ontology#> .
@prefix ckr: <https://w3id.org/conflictkg/resource/> .
@prefix ckv: <https://w3id.org/conflictkg/vocab/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix skosxl: <http://www.w3.org/2008/05/skos-xl#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ckr:example-state a ck:State ; rdfs:label "Example state"@en .
ckr:example-ministry a ck:GovernmentBody ; ck:affiliatedWith ckr:example-state .
ckr:example-claim a ck:Claim ; ck:claimant ckr:example-ministry ; ck:stance ckv:stance-alleges ;
    ck:claimDate "2022-03-26"^^xsd:date ; ck:quote "Example words."@en ;
    ck:describesEvent ckr:example-event .
ckr:example-denial a ck:Claim ; ck:claimant ckr:example-state ; ck:stance ckv:stance-denies ;
    ck:respondsTo ckr:example-claim .
ckr:example-event a ck:DroneStrike ; ck:strikeCount 4 ; ck:earliestBegin "2022-03-24"^^xsd:date ;
    ck:atPlace ckr:example-village .
ckr:example-village a ck:Settlement ; ck:hasName ckr:example-name .
ckr:example-name a ck:PlaceName ; skosxl:literalForm "Exampleville"@en .
ckr:example-clause-text a ck:ClauseText ; ck:text "Example wording."@en ; ck:deadlineInclusive true .
ckr:example-norm a ck:Obligation ; ck:requiredAction ckv:action-return-territory ;
    ck:bearer ckr:example-state ;
    ck:deadline [ a time:Instant ; time:inXSDDate "2020-11-20"^^xsd:date ] ;
    ck:validDuring [ a time:Interval ; time:hasXSDDuration "P5Y"^^xsd:duration ] .
ckr:example-report a ck:CasualtyReport ; ck:countMin 0 ; ck:countMax 2 .
"""


@needs_java
def test_hermit_accepts_a_small_abox_and_classifies_claims():
    """Typical data (dates, durations, language-tagged text) reasons fine; stance defines claim classes."""
    import owlready2

    g = tbox_and_vocab()
    g.parse(data=EXAMPLE_ABOX, format="turtle")
    world = owlready2.World()
    world.get_ontology("https://w3id.org/conflictkg/projection").load(
        fileobj=io.BytesIO(project_for_reasoner(g)), format="ntriples"
    )
    owlready2.sync_reasoner(world, infer_property_values=False, debug=0)
    claim = world[str(CKR["example-claim"])]
    denial = world[str(CKR["example-denial"])]
    assert world[str(CK.Allegation)] in claim.INDIRECT_is_a
    assert world[str(CK.Denial)] in denial.INDIRECT_is_a
    assert world[str(CK.Allegation)] not in denial.INDIRECT_is_a


@needs_java
def test_hermit_detects_person_organization_clash():
    import owlready2

    g = tbox_and_vocab()
    x = CKR["example-clash"]
    g.add((x, RDF.type, OWL.NamedIndividual))
    g.add((x, RDF.type, CK.Person))
    g.add((x, RDF.type, CK.Organization))
    with pytest.raises(OntologyError):
        check_consistency(project_for_reasoner(g))


@needs_java
def test_hermit_detects_claim_event_clash():
    """A claim node must never be typed as the event it describes."""
    import owlready2

    g = tbox_and_vocab()
    x = CKR["example-mixup"]
    g.add((x, RDF.type, CK.Claim))
    g.add((x, RDF.type, CK.DroneStrike))
    with pytest.raises(OntologyError):
        check_consistency(project_for_reasoner(g))


@needs_java
def test_a_hermit_run_that_says_nothing_is_not_taken_for_consistent(monkeypatch):
    """HermiT's command line exits 0 on some failures (e.g. a file it cannot read): only its
    'owl:Thing is satisfiable' answer counts as consistent."""
    import owlready2

    monkeypatch.setattr(owlready2, "JAVA_EXE", shutil.which("true"))
    with pytest.raises(OntologyError, match="did not finish"):
        check_consistency(project_for_reasoner(tbox_and_vocab()))
