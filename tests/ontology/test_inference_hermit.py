"""The inference rules against HermiT: on the bounded projection of the shipped data (ontology,
vocabularies, reference data, claim nodes), HermiT's realisation gives every claim and every place
the classes the build's rules give it, no more, no fewer (docs/data-model.md, "Inferred facts")."""

from __future__ import annotations

import io
import shutil

import pyoxigraph as ox
import pytest

from conflictkg.build import REASONED_GRAPHS, Staged
from conflictkg.owl.reasoning import PROJECTION, owl_projection
from conflictkg.rdf.namespaces import CK, GRAPH_INFERRED

from tests.conftest import SPARQL_PREFIXES

pytestmark = [pytest.mark.java, pytest.mark.slow,
              pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")]

#: Classes outside the ontology's own and aligned ones that HermiT names for every individual.
IGNORED = {"http://www.w3.org/2002/07/owl#Thing"}


def _hermit_types(staged: Staged, wanted: set[str]) -> dict[str, set[str]]:
    """Each named individual of the projection with the named classes HermiT realises it in."""
    import owlready2

    triples = [q.triple for q in staged.quads
               if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in REASONED_GRAPHS]
    world = owlready2.World()
    try:
        world.get_ontology(PROJECTION).load(fileobj=io.BytesIO(owl_projection(triples)), format="ntriples")
        owlready2.sync_reasoner(world, infer_property_values=False, debug=0)
        return {x: {c.iri for c in world[x].INDIRECT_is_a if isinstance(c, owlready2.ThingClass)} - IGNORED
                for x in wanted if world[x] is not None}
    finally:
        world.close()


def _rule_types(staged: Staged, kind: str) -> dict[str, set[str]]:
    rows = staged.store.query(SPARQL_PREFIXES + f"""SELECT ?x ?c WHERE {{
        GRAPH ?k {{ ?x a {kind} }} FILTER(?k IN (ckg:reference, ckg:claims, ckg:inferred))
        GRAPH ?g {{ ?x a ?c }} FILTER(?g IN (ckg:reference, ckg:claims, <{GRAPH_INFERRED}>)) }}""").rows
    types: dict[str, set[str]] = {}
    for x, c in rows:
        types.setdefault(str(x.value), set()).add(str(c.value))  # type: ignore[union-attr]
    return types


def test_hermit_realises_claims_and_places_in_exactly_the_classes_the_rules_give(staged: Staged) -> None:
    kinds = {kind: _rule_types(staged, kind) for kind in ("ck:Claim", "ck:Place")}
    hermit = _hermit_types(staged, {x for types in kinds.values() for x in types})
    for kind, ours in kinds.items():
        assert len(ours) > 100
        differ = {x: (sorted(hermit.get(x, set()) - t), sorted(t - hermit.get(x, set())))
                  for x, t in ours.items() if hermit.get(x, set()) != t}
        assert differ == {}, f"{kind}: (HermiT only, rules only) per individual: {list(differ.items())[:3]}"
    assert sum(CK + "Allegation" in t for t in hermit.values()) > 50  # HermiT did realise the defined classes
