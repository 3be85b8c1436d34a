"""owl.inference on small hand-written graphs: each rule family, the fixpoint, what is never read."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from conflictkg.errors import OntologyError
from conflictkg.owl import inference
from conflictkg.owl.inference import materialise
from conflictkg.rdf.namespaces import GRAPH_INFERRED, PREFIXES
from conflictkg.sparql.queries import Query, load_library
from conflictkg.store.oxigraph import OxigraphStore

from tests.conftest import REPO

RULES = load_library(REPO / "queries" / "inference")
PREFIX_LINES = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())

#: A miniature of the ontology's axioms: one of each kind the rules read.
TBOX = """
ckg:ontology {
  ck:Settlement rdfs:subClassOf ck:Place . ck:Place rdfs:subClassOf geo:Feature .
  ck:Claim a owl:Class .
  ck:Denial owl:equivalentClass [ owl:intersectionOf ( ck:Claim
      [ a owl:Restriction ; owl:onProperty ck:stance ; owl:hasValue ckv:stance-denies ] ) ] .
  ck:Allegation owl:equivalentClass [ owl:intersectionOf ( ck:Claim [ owl:unionOf (
      [ a owl:Restriction ; owl:onProperty ck:stance ; owl:hasValue ckv:stance-alleges ]
      [ a owl:Restriction ; owl:onProperty ck:stance ; owl:hasValue ckv:stance-counter-alleges ] ) ] ) ] .
  ck:allegesBreachOf rdfs:subPropertyOf ck:concernsProvision .
  ck:curatorNote a owl:AnnotationProperty ; rdfs:subPropertyOf skos:editorialNote .
  skos:narrower a owl:ObjectProperty ; owl:inverseOf skos:broader .
  ck:contradicts a owl:ObjectProperty , owl:SymmetricProperty .
  ck:partOfPlace a owl:ObjectProperty , owl:TransitiveProperty .
  ck:imposes a owl:ObjectProperty .
  ck:concernsProvision a owl:ObjectProperty ;
      owl:propertyChainAxiom ( ck:concernsProvision [ owl:inverseOf ck:imposes ] ) .
}
"""

DATA = """
ckg:vocab { ckv:shelling skos:broader ckv:military-action . }
ckg:reference {
  ckr:village a ck:Settlement ; ck:partOfPlace ckr:district .
  ckr:district ck:partOfPlace ckr:region .
  ckr:region ck:partOfPlace ckr:country .
  ckr:clause-3 ck:imposes ckr:norm-3a .
}
ckg:claims {
  ckr:claim-a a ck:Claim ; ck:stance ckv:stance-alleges ; ck:allegesBreachOf ckr:norm-3a ;
      ck:contradicts ckr:claim-b ; ck:curatorNote "a note" ; ck:hasContent ckg:claim-a .
  ckr:claim-b a ck:Claim ; ck:stance ckv:stance-denies .
}
ckg:claim-a { ckr:hamlet a ck:Settlement ; ck:partOfPlace ckr:village . ckr:event-1 ck:contradicts ckr:event-2 . }
"""


def _quads(text: str) -> list[ox.Quad]:
    return list(ox.parse(PREFIX_LINES + text, format=ox.RdfFormat.TRIG))


def _inferred(text: str = TBOX + DATA) -> set[str]:
    found = materialise(_quads(text), RULES)
    assert {q.graph_name for q in found.quads} <= {ox.NamedNode(GRAPH_INFERRED)}
    return {_short(q.triple) for q in found.quads}


def _short(t: ox.Triple) -> str:
    def name(term: object) -> str:
        value = str(getattr(term, "value", term))
        for prefix, iri in PREFIXES.items():
            if value.startswith(iri):
                return f"{prefix}:{value[len(iri):]}"
        return value
    return " ".join(name(x) for x in (t.subject, t.predicate, t.object))


def test_class_membership_through_every_superclass() -> None:
    got = _inferred()
    assert {"ckr:village rdf:type ck:Place", "ckr:village rdf:type geo:Feature"} <= got


def test_defined_classes_by_stance_single_value_and_union() -> None:
    got = _inferred()
    assert "ckr:claim-b rdf:type ck:Denial" in got
    assert "ckr:claim-a rdf:type ck:Allegation" in got
    assert "ckr:claim-a rdf:type ck:Denial" not in got and "ckr:claim-b rdf:type ck:Allegation" not in got


def test_sub_properties_but_not_annotation_properties() -> None:
    got = _inferred()
    assert "ckr:claim-a ck:concernsProvision ckr:norm-3a" in got
    assert not any("skos:editorialNote" in t for t in got)


def test_inverse_and_symmetric_properties() -> None:
    got = _inferred()
    assert "ckv:military-action skos:narrower ckv:shelling" in got
    assert "ckr:claim-b ck:contradicts ckr:claim-a" in got


def test_transitive_closure_of_a_chain_of_any_length() -> None:
    got = _inferred()
    parts = {t for t in got if " ck:partOfPlace " in t}
    assert parts == {"ckr:village ck:partOfPlace ckr:region", "ckr:village ck:partOfPlace ckr:country",
                     "ckr:district ck:partOfPlace ckr:country"}


def test_claim_to_clause_through_the_norm_it_names() -> None:
    assert "ckr:claim-a ck:concernsProvision ckr:clause-3" in _inferred()


def test_what_a_claim_asserts_is_never_read() -> None:
    got = _inferred()
    assert not any(t.startswith(("ckr:hamlet", "ckr:event-")) for t in got)
    without_content = _inferred(TBOX + DATA.split("ckg:claim-a {")[0])
    assert got == without_content


def test_asserted_triples_are_not_repeated() -> None:
    got = _inferred(TBOX + DATA + "ckg:reference { ckr:village a ck:Place . }")
    assert "ckr:village rdf:type ck:Place" not in got and "ckr:village rdf:type geo:Feature" in got


def test_same_graph_whatever_the_order_of_the_rules() -> None:
    forward = materialise(_quads(TBOX + DATA), RULES)
    backward = materialise(_quads(TBOX + DATA), dict(reversed(list(RULES.items()))))
    assert [str(q) for q in forward.quads] == [str(q) for q in backward.quads]
    assert sum(forward.counts.values()) == len(forward.quads) and forward.passes >= 2
    assert f"{len(forward.quads)} triples (class-membership " in forward.summary()


def test_a_rule_that_is_not_construct_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bad.rq").write_text("#+ title: t?\n#+ description: d\nSELECT * WHERE { ?s ?p ?o }\n")
    with pytest.raises(OntologyError, match="must be a CONSTRUCT query"):
        materialise(_quads(TBOX + DATA), load_library(tmp_path))


def test_a_rule_that_never_settles_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mint.rq").write_text("#+ title: t?\n#+ description: d\n"
                                      "CONSTRUCT { ?s <urn:p> [] } WHERE { ?s a ?c }\n")
    monkeypatch.setattr(inference, "MAX_PASSES", 5)
    with pytest.raises(OntologyError, match="did not settle after 5 passes"):
        materialise(_quads(TBOX + DATA), load_library(tmp_path))


def test_the_last_pass_stops_at_the_rule_that_added_last(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules after the last one to add something ran on the same store already: the last pass
    runs each rule once more up to that one, and no further (the graph is the same either way)."""
    ran: list[tuple[str, int]] = []  # (rule, store size before it ran)
    real = inference._constructed

    def spy(store: OxigraphStore, rule: Query) -> set[ox.Triple]:
        ran.append((rule.id, len(store)))
        return real(store, rule)

    monkeypatch.setattr(inference, "_constructed", spy)
    found = materialise(_quads(TBOX + DATA), dict(reversed(list(RULES.items()))))  # the last to add is not last
    sizes = [size for _, size in ran] + [len(found.quads) + ran[0][1]]
    last_adder = max(i for i in range(len(ran)) if sizes[i + 1] > sizes[i])
    assert len(ran) == last_adder + 1 + len(RULES) < found.passes * len(RULES) and ran[-1][0] == ran[last_adder][0]
    assert found.passes == last_adder // len(RULES) + 2
