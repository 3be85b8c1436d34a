"""The inferred graph on the shipped data (``queries/inference/``, docs/data-model.md "Inferred facts"):
what researchers' own SPARQL finds through it, and what it never holds."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from conflictkg.build import Staged
from conflictkg.owl.inference import INPUT_GRAPHS, materialise
from conflictkg.rdf.namespaces import GRAPH_INFERRED
from conflictkg.sparql.queries import load_library

from tests.conftest import REPO, SPARQL_PREFIXES

RULES = load_library(REPO / "queries" / "inference")


def _select(staged: Staged, sparql: str) -> list[tuple[str, ...]]:
    result = staged.store.query(SPARQL_PREFIXES + sparql)
    return [tuple("" if t is None else str(t.value) for t in row) for row in result.rows]


def _inferred(staged: Staged) -> list[ox.Quad]:
    return [q for q in staged.quads if q.graph_name == ox.NamedNode(GRAPH_INFERRED)]


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_is_a_construct_query_with_a_header_and_adds_something(staged: Staged, rule_id: str) -> None:
    rule = RULES[rule_id]
    assert rule.title.endswith("?") and "Constructs:" in rule.description and rule.tags == ("inference",)
    result = staged.store.query(rule.text)
    assert result.kind == "graph" and result.triples, f"{rule_id} constructs nothing on the shipped data"


def test_a_place_query_finds_every_place_whatever_subclass_typed_it(staged: Staged) -> None:
    asserted = set(_select(staged, """SELECT DISTINCT ?x WHERE {
        GRAPH ckg:ontology { ?c rdfs:subClassOf* ck:Place }
        GRAPH ?g { ?x a ?c } FILTER(?g IN (ckg:vocab, ckg:reference, ckg:claims)) }"""))
    found = set(_select(staged, "SELECT DISTINCT ?x WHERE { GRAPH ?g { ?x a ck:Place } "
                                "FILTER(?g IN (ckg:reference, ckg:inferred)) }"))
    directly = set(_select(staged, "SELECT DISTINCT ?x WHERE { GRAPH ckg:reference { ?x a ck:Place } }"))
    assert found == asserted and len(found) > 100 and len(directly) < len(found) / 2
    anywhere = set(_select(staged, "SELECT DISTINCT ?x WHERE { ?x a ck:Place }"))
    assert asserted <= anywhere


DEFINED = {"ck:Allegation": "alleges counter-alleges", "ck:CounterAllegation": "counter-alleges", "ck:Denial": "denies",
           "ck:Confirmation": "confirms", "ck:ThirdPartyCall": "calls-on", "ck:Interpretation": "interprets",
           "ck:Report": "reports"}


@pytest.mark.parametrize("cls", sorted(DEFINED))
def test_the_defined_claim_classes_hold_exactly_the_claims_of_their_stances(staged: Staged, cls: str) -> None:
    members = _select(staged, f"SELECT DISTINCT ?c WHERE {{ ?c a {cls} }} ORDER BY ?c")
    stances = " ".join(f"ckv:stance-{s}" for s in DEFINED[cls].split())
    by_stance = _select(staged, f"SELECT DISTINCT ?c WHERE {{ GRAPH ckg:claims {{ ?c ck:stance ?s }} "
                                f"VALUES ?s {{ {stances} }} }} ORDER BY ?c")
    assert members == by_stance
    assert len(members) > 50 or cls != "ck:Allegation"


def test_inverse_symmetric_and_claim_to_clause_facts_are_there(staged: Staged) -> None:
    assert staged.store.query(SPARQL_PREFIXES + "ASK { GRAPH ckg:inferred { "
                              "ckv:acled-battles skos:narrower ckv:acled-armed-clash } }").boolean
    one_way = _select(staged, """SELECT ?a ?b WHERE { GRAPH ckg:claims { ?a ck:contradicts ?b }
        FILTER NOT EXISTS { GRAPH ckg:claims { ?b ck:contradicts ?a } } }""")
    assert one_way and all(staged.store.query(
        SPARQL_PREFIXES + f"ASK {{ GRAPH ckg:inferred {{ <{b}> ck:contradicts <{a}> }} }}").boolean for a, b in one_way)
    missing = _select(staged, """SELECT ?claim ?clause WHERE {
        GRAPH ckg:claims { ?claim ck:allegesBreachOf ?norm } GRAPH ckg:reference { ?clause ck:imposes ?norm }
        FILTER NOT EXISTS { ?claim ck:concernsProvision ?clause } }""")
    assert missing == []


def test_the_inferred_graph_holds_nothing_a_claim_asserts(staged: Staged) -> None:
    strays = _select(staged, """SELECT ?s WHERE { GRAPH ckg:inferred { ?s ?p ?o }
        FILTER NOT EXISTS { GRAPH ?g { { ?s ?q ?v } UNION { ?v ?q ?s } }
                            FILTER(?g IN (ckg:ontology, ckg:vocab, ckg:reference, ckg:claims)) } }
        LIMIT 5""")
    assert strays == []
    asserted = {q.triple for q in staged.quads if isinstance(q.graph_name, ox.NamedNode)
                and q.graph_name.value in INPUT_GRAPHS}
    assert not {q.triple for q in _inferred(staged)} & asserted


def test_a_rebuild_gives_the_same_inferred_graph(staged: Staged) -> None:
    inputs = [q for q in staged.quads if q.graph_name != ox.NamedNode(GRAPH_INFERRED)]
    again = materialise(inputs, RULES)
    assert [str(q) for q in again.quads] == sorted(str(q) for q in _inferred(staged))
    assert sum(again.counts.values()) == len(again.quads) > 5000


#: OWL and RDFS terms of the ontology graph and the rule that reads each; None: no fact about
#: individuals follows from it that a rule should add (annotations, declarations, consistency
#: axioms such as disjointness and functionality, domains and ranges, which SHACL makes explicit).
AXIOMS = {
    "rdfs:subClassOf": "class-membership", "owl:equivalentClass": "defined-classes",
    "owl:intersectionOf": "defined-classes", "owl:unionOf": "defined-classes", "owl:hasValue": "defined-classes",
    "owl:onProperty": "defined-classes", "rdfs:subPropertyOf": "sub-properties", "owl:inverseOf": "inverse-properties",
    "owl:SymmetricProperty": "inverse-properties", "owl:TransitiveProperty": "transitive-properties",
    "owl:propertyChainAxiom": "property-chains",
    "rdfs:label": None, "rdfs:comment": None, "rdfs:isDefinedBy": None, "rdfs:domain": None, "rdfs:range": None,
    "owl:Class": None, "owl:ObjectProperty": None, "owl:DatatypeProperty": None, "owl:AnnotationProperty": None,
    "owl:FunctionalProperty": None, "owl:Ontology": None, "owl:versionIRI": None, "owl:versionInfo": None,
    "owl:disjointWith": None, "owl:AllDisjointClasses": None, "owl:members": None, "owl:Restriction": None,
    "rdfs:Datatype": None, "owl:Thing": None, "rdfs:seeAlso": None,
}


def test_every_axiom_of_the_ontology_is_read_by_a_rule_or_entails_no_fact(staged: Staged) -> None:
    used = _select(staged, """SELECT DISTINCT ?term WHERE { GRAPH ckg:ontology {
        { ?s ?term ?o } UNION { ?s a ?term } }
        FILTER(STRSTARTS(STR(?term), STR(owl:)) || STRSTARTS(STR(?term), STR(rdfs:))) } ORDER BY ?term""")
    names = {t.replace("http://www.w3.org/2002/07/owl#", "owl:").replace("http://www.w3.org/2000/01/rdf-schema#", "rdfs:")
             for (t,) in used}
    assert names - set(AXIOMS) == set(), "a new kind of axiom: add a rule to queries/inference/ or say why none"
    assert {AXIOMS[n] for n in names} - {None} == set(RULES)


def test_every_class_definition_is_one_the_defined_classes_test_covers(staged: Staged) -> None:
    defined = _select(staged, "SELECT DISTINCT ?c WHERE { GRAPH ckg:ontology { ?c owl:equivalentClass ?d } } ORDER BY ?c")
    assert {c.replace("https://w3id.org/conflictkg/ontology#", "ck:") for (c,) in defined} == set(DEFINED)
