"""Materialise what the ontology entails into the named graph ``ckg:inferred``.

Researchers query the store with their own SPARQL and expect ``?x a ck:Place`` to find every
place, whichever subclass it was typed with. The build therefore writes the entailments they
query for into one graph of its own, apart from the asserted data (``ckg:reference``,
``ckg:claims``) and from what claims assert (``ckg:claim-…``, never read here):

* class membership through ``rdfs:subClassOf`` (``class-membership``);
* the defined claim classes (``ck:Allegation``, ``ck:Denial``… by stance; ``defined-classes``);
* statements through ``rdfs:subPropertyOf`` (``sub-properties``);
* inverse and symmetric properties (``inverse-properties``);
* transitive properties such as ``ck:partOfPlace`` (``transitive-properties``);
* two-step property chains: a claim about a norm concerns the clause that imposes it
  (``property-chains``).

Each family is one CONSTRUCT query in ``queries/inference/``: the axioms come from
``GRAPH ckg:ontology``, the data from the default graph. The rules run on a store of their own
(in memory) that holds only the input graphs (:data:`INPUT_GRAPHS`: ontology, vocabularies,
reference data, claim nodes) and ``ckg:inferred``: what claims assert cannot leak into the
inferred graph, whatever a rule says, and the rules need no graph filters (filters over a
variable graph made Oxigraph 20-60 times slower). The rules read what they added, so
:func:`materialise` runs them over and over until every rule has run once on the store as it
stands and added nothing (the least fixpoint: the same graph whatever the order); the last pass
stops at the rule that added last, since the rules after it ran on the same store already. A
triple already asserted in an input graph is not repeated; a triple is counted for the rule that
derived it first (rules run in file-name order). The rules have no ORDER BY (a CONSTRUCT's result
is a set; sorting it doubled the time of the largest rules at 10x) and what they construct is not
sorted pass by pass: :func:`materialise` sorts what it adds once, at the end.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox

from conflictkg.errors import OntologyError
from conflictkg.rdf.namespaces import GRAPH_CLAIMS, GRAPH_INFERRED, GRAPH_ONTOLOGY, GRAPH_REFERENCE, GRAPH_VOCAB
from conflictkg.sparql.queries import Query
from conflictkg.store.oxigraph import OxigraphStore

#: The graphs the rules read (besides ``ckg:inferred``): never a claim's content graph.
INPUT_GRAPHS = (GRAPH_ONTOLOGY, GRAPH_VOCAB, GRAPH_REFERENCE, GRAPH_CLAIMS)
#: Passes before giving up; the shipped data needs 4, a chain of n places about log2(n) + 2.
MAX_PASSES = 64


@dataclass
class Inference:
    """What :func:`materialise` added to ``ckg:inferred``."""

    #: the quads added, sorted by their N-Quads text
    quads: list[ox.Quad] = field(default_factory=list)
    #: triples added per rule id (each triple counted for the rule that derived it first)
    counts: dict[str, int] = field(default_factory=dict)
    passes: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for the build's log, e.g. ``1203 triples (class-membership 700, …; 4 passes, 0.4s)``."""
        per_rule = ", ".join(f"{rule} {n}" for rule, n in self.counts.items())
        return f"{len(self.quads)} triples ({per_rule}; {self.passes} passes, {self.seconds:.1f}s)"


def materialise(quads: Iterable[ox.Quad], rules: Mapping[str, Query]) -> Inference:
    """Run ``rules`` (CONSTRUCT queries) on the quads of :data:`INPUT_GRAPHS` among ``quads`` until
    nothing new follows; the new triples come back as quads of ``ckg:inferred``.

    Raises:
        OntologyError: a rule is not a CONSTRUCT query, or the rules did not settle in
            :data:`MAX_PASSES` passes (a rule that keeps minting new terms).
    """
    started = time.perf_counter()
    store = OxigraphStore.create(None, (q for q in quads if _graph(q) in INPUT_GRAPHS))
    try:
        found = _fixpoint(store, rules)
    finally:
        store.close()
    found.quads.sort(key=str)
    found.seconds = time.perf_counter() - started
    return found


def _fixpoint(store: OxigraphStore, rules: Mapping[str, Query]) -> Inference:
    """Run the rules in turn, pass after pass, until every rule has run once on the store as it is
    now and added nothing: a rule's result depends only on the store, so the rules that follow the
    last one to add something are not run again (the last pass stops at that rule)."""
    found = Inference(counts={rule_id: 0 for rule_id in rules})
    graph = ox.NamedNode(GRAPH_INFERRED)
    quiet = 0  # rules run in a row that added nothing
    while True:
        if found.passes == MAX_PASSES:
            raise OntologyError(f"the inference rules did not settle after {MAX_PASSES} passes",
                                hint="a rule in queries/inference/ must only combine terms already in the data")
        found.passes += 1
        for rule_id, rule in rules.items():
            if quiet == len(rules):
                return found
            new = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in _constructed(store, rule)
                   if not _known(store, t)]
            store.extend(new)
            found.quads += new
            found.counts[rule_id] += len(new)
            quiet = 0 if new else quiet + 1
        if quiet == len(rules):
            return found


def _constructed(store: OxigraphStore, rule: Query) -> set[ox.Triple]:
    """The triples ``rule`` constructs on ``store``, in no order (:func:`materialise` sorts what it adds).

    Raises:
        OntologyError: the rule is not a CONSTRUCT query.
    """
    result = store.query(rule.text)
    if result.kind != "graph":
        raise OntologyError(f"{rule.path}: an inference rule must be a CONSTRUCT query",
                            hint="write the rule as CONSTRUCT { … } WHERE { … }")
    return set(result.triples)


def _known(store: OxigraphStore, triple: ox.Triple) -> bool:
    """Whether ``triple`` is in the rules' store already, asserted or inferred, in any graph."""
    return next(store.native.quads_for_pattern(triple.subject, triple.predicate, triple.object), None) is not None


def _graph(quad: ox.Quad) -> str:
    return quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
