"""The check queries (``queries/checks/*.rq``): the shipped data passes, and each check fires.

Each check gets a small broken fixture (TriG, parsed with pyoxigraph) loaded next to the real
ontology and vocabularies, and a corrected twin on which it must stay silent, on both backends.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from conflictkg.build import Staged, sources, stage
from conflictkg.rdf.namespaces import GRAPH_ONTOLOGY, GRAPH_VOCAB, PREFIXES
from conflictkg.resources import Resources
from conflictkg.sparql.queries import Query, load_library
from conflictkg.store.memory import MemoryStore
from conflictkg.store.oxigraph import OxigraphStore

REPO = Path(__file__).resolve().parents[2]
CHECKS = load_library(REPO / "queries" / "checks")

PROLOGUE = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())

# A minimal well-formed claim and its content graph, reused by the fixtures below.
GOOD = """
ckg:reference {
  ckr:agent-x a ck:State ; rdfs:label "X"@en .
  ckr:agent-y a ck:State ; rdfs:label "Y"@en .
  ckr:place-p a ck:Settlement ; rdfs:label "P"@en .
  ckr:source-s a ck:NewsArticle ; schema:url <https://example.org/s> ; dcterms:publisher ckr:agent-x .
}
ckg:claims {
  ckr:claim-c1 a ck:Claim ; ck:claimant ckr:agent-x ; ck:accusedParty ckr:agent-y ;
      ck:stance ckv:stance-alleges ; ck:claimDate "2022-03-26"^^xsd:date ;
      ck:citedIn ckr:source-s ; ck:quote "four short words here"@en ; ck:quoteSource ckr:source-s ;
      ck:curatorNote "no point is at stake in this fixture"@en ;
      ck:hasContent ckg:claim-c1 .
}
ckg:claim-c1 {
  ckr:event-e1 a ck:DroneStrike ; ck:atPlace ckr:place-p ;
      ck:earliestBegin "2022-03-24"^^xsd:date ; ck:latestEnd "2022-03-25"^^xsd:date .
}
"""

# check id -> (TriG added to GOOD that breaks the rule, IRI or prefixed name of the expected focus)
BROKEN: dict[str, tuple[str, str]] = {
    "claim-node-in-content-graph": (
        "ckg:claim-c1 { ckr:claim-c1 ck:summary \"the claim described inside its own content\"@en . }",
        "ckr:claim-c1"),
    "claim-in-reference": (
        "ckg:reference { ckr:claim-leak a ck:Claim ; ck:claimant ckr:agent-x . }",
        "ckr:claim-leak"),
    "owl-sameas-in-data": (
        "ckg:reference { ckr:place-p owl:sameAs ckr:place-q . ckr:place-q rdfs:label \"Q\"@en . }",
        "ckr:place-p"),
    "undeclared-ck-term": (
        "ckg:claim-c1 { ckr:event-e1 ck:perpetratr ckr:agent-y . }",
        "ck:perpetratr"),
    "undeclared-ckv-concept": (
        "ckg:claims { ckr:claim-c1 ck:epistemicStatus ckv:epistemic-sure . }",
        "ckv:epistemic-sure"),
    "dangling-reference": (
        "ckg:claim-c1 { ckr:event-e1 ck:perpetrator ckr:agent-nobody . }",
        "ckr:agent-nobody"),
    "claim-content-graph-missing": (
        """ckg:claims { ckr:claim-c2 a ck:Claim ; ck:claimant ckr:agent-y ; ck:stance ckv:stance-denies ;
             ck:citedIn ckr:source-s ; ck:hasContent ckg:claim-c2 . }""",
        "ckr:claim-c2"),
    "quote-too-long": (
        "ckg:claims { ckr:claim-c1 ck:quote \"" + " ".join(f"w{i}" for i in range(26)) + "\"@en . }",
        "ckr:claim-c1"),
    "source-without-url": (
        "ckg:reference { ckr:source-nourl a ck:Bulletin ; dcterms:publisher ckr:agent-x . }",
        "ckr:source-nourl"),
    "claim-graph-without-claim-node": (
        "ckg:claim-orphan { ckr:event-e9 a ck:Shelling ; ck:atPlace ckr:place-p . }",
        "ckg:claim-orphan"),
    "claim-slug-mismatch": (
        """ckg:claims { ckr:claim-c3 a ck:Claim ; ck:claimant ckr:agent-y ; ck:stance ckv:stance-denies ;
             ck:citedIn ckr:source-s ; ck:hasContent ckg:claim-other . }
           ckg:claim-other { ckr:event-e1 ck:atPlace ckr:place-p . }""",
        "ckr:claim-c3"),
    "breach-link-on-non-allegation": (
        """ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-y ; ck:stance ckv:stance-denies ;
             ck:citedIn ckr:source-s ; ck:impliedBreachOf ckr:place-p . }""",
        "ckr:claim-c4"),
    "allegation-without-clause-or-note": (
        """ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-y ; ck:stance ckv:stance-counter-alleges ;
             ck:citedIn ckr:source-s . }""",
        "ckr:claim-c4"),
    "counter-allegation-without-response": (
        """ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-y ; ck:accusedParty ckr:agent-x ;
             ck:stance ckv:stance-counter-alleges ; ck:citedIn ckr:source-s ; ck:impliedBreachOf ckr:place-p . }""",
        "ckr:claim-c4"),
    "named-and-implied-point": (
        "ckg:claims { ckr:claim-c1 ck:allegesBreachOf ckr:place-p ; ck:impliedBreachOf ckr:place-p . }",
        "ckr:claim-c1"),
    "quote-source-not-cited": (
        """ckg:reference { ckr:source-t a ck:NewsArticle ; schema:url <https://example.org/t> ; dcterms:publisher ckr:agent-x . }
           ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-y ; ck:stance ckv:stance-denies ;
             ck:citedIn ckr:source-s ; ck:quote "not read there"@en ; ck:quoteSource ckr:source-t . }""",
        "ckr:claim-c4"),
    "person-claimant-without-post": (
        """ckg:reference { ckr:agent-p a ck:Person ; rdfs:label "P"@en . }
           ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-p ; ck:stance ckv:stance-denies ;
             ck:citedIn ckr:source-s . }""",
        "ckr:agent-p"),
    "person-claimant-without-side": (
        """ckg:reference { ckr:agent-p a ck:Person ; rdfs:label "P"@en ; org:holds ckr:post-p .
             ckr:post-p a org:Post ; rdfs:label "Spokesperson"@en ; org:postIn ckr:agent-y . }
           ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-p ; ck:stance ckv:stance-denies ;
             ck:citedIn ckr:source-s . }""",
        "ckr:agent-p"),
    "stated-in-not-own-outlet": (
        """ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-y ; ck:stance ckv:stance-denies ;
             ck:statedIn ckr:source-s . }""",
        "ckr:claim-c4"),
    "spokesperson-not-claimant": (
        """ckg:reference { ckr:agent-p a ck:Person ; rdfs:label "P"@en . }
           ckg:claims { ckr:claim-c1 ck:spokesperson ckr:agent-p . }""",
        "ckr:claim-c1"),
    "claim-outside-post-term": (
        """ckg:reference { ckr:agent-p a ck:Person ; rdfs:label "P"@en ; org:holds ckr:post-p .
             ckr:post-p a org:Post ; rdfs:label "Minister"@en ; org:heldBy ckr:agent-p ; org:postIn ckr:agent-x . }
           ckg:reference { ckr:holding-p a ck:PostHolding ; ck:holder ckr:agent-p ; ck:inPost ckr:post-p ;
             ck:heldFrom "2021-08-02"^^xsd:date ; ck:heldUntil "2022-03-25"^^xsd:date ; dcterms:source ckr:source-s . }
           ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-p ; ck:stance ckv:stance-denies ;
             ck:claimDate "2022-03-26"^^xsd:date ; ck:citedIn ckr:source-s . }""",
        "ckr:claim-c4"),
    "person-claimant-term-unknown": (
        """ckg:reference { ckr:agent-p a ck:Person ; rdfs:label "P"@en ; org:holds ckr:post-p .
             ckr:post-p a org:Post ; rdfs:label "Minister"@en ; org:heldBy ckr:agent-p ; org:postIn ckr:agent-x . }
           ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-p ; ck:stance ckv:stance-denies ;
             ck:claimDate "2022-03-26"^^xsd:date ; ck:citedIn ckr:source-s . }""",
        "ckr:agent-p"),
    "post-holding-not-held": (
        """ckg:reference { ckr:agent-p a ck:Person ; rdfs:label "P"@en .
             ckr:post-p a org:Post ; rdfs:label "Minister"@en ; org:postIn ckr:agent-x .
             ckr:holding-p a ck:PostHolding ; ck:holder ckr:agent-p ; ck:inPost ckr:post-p ;
               ck:heldFrom "2021-08-02"^^xsd:date ; dcterms:source ckr:source-s . }""",
        "ckr:holding-p"),
}

# Near misses that must NOT fire (the rule's boundary), added to GOOD.
NEAR_MISS: dict[str, str] = {
    "quote-too-long": "ckg:claims { ckr:claim-c1 ck:quote \"" + "  ".join(f"w{i}" for i in range(25)) + " \"@en . }",
    "owl-sameas-in-data": "ckg:reference { ckr:place-p skos:exactMatch <http://www.wikidata.org/entity/Q1> . }",
    "dangling-reference": "ckg:claim-c1 { ckr:event-e1 ck:target <https://example.org/not-ours> . }",
    "claim-in-reference": "ckg:reference { ckr:source-s rdfs:comment \"a source is not a claim\"@en . }",
    # a call may name the point it is about, with ck:concernsProvision
    "breach-link-on-non-allegation": """ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-y ;
        ck:stance ckv:stance-calls-on ; ck:citedIn ckr:source-s ; ck:concernsProvision ckr:place-p . }""",
    # an allegation with an implied point needs no note
    "allegation-without-clause-or-note": """ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-y ;
        ck:stance ckv:stance-alleges ; ck:citedIn ckr:source-s ; ck:impliedBreachOf ckr:place-p . }""",
    # a counter-allegation naming the allegation it answers
    "counter-allegation-without-response": """ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-y ;
        ck:accusedParty ckr:agent-x ; ck:stance ckv:stance-counter-alleges ; ck:citedIn ckr:source-s ;
        ck:impliedBreachOf ckr:place-p ; ck:respondsTo ckr:claim-c1 . }""",
    # two different points, one named and one implied
    "named-and-implied-point": """ckg:reference { ckr:place-q a ck:Settlement ; rdfs:label "Q"@en . }
        ckg:claims { ckr:claim-c1 ck:allegesBreachOf ckr:place-p ; ck:impliedBreachOf ckr:place-q . }""",
    # the quote read on the claimant's own page (ck:statedIn)
    "quote-source-not-cited": """ckg:reference { ckr:source-t a ck:OfficialStatement ; schema:url <https://example.org/t> ; dcterms:publisher ckr:agent-y . }
        ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-y ; ck:stance ckv:stance-denies ;
          ck:statedIn ckr:source-t ; ck:quote "read there"@en ; ck:quoteSource ckr:source-t . }""",
    # a person holding a post in a body, in another graph than the claim
    "person-claimant-without-post": """ckg:reference { ckr:agent-p a ck:Person ; rdfs:label "P"@en ; org:holds ckr:post-p .
        ckr:post-p a org:Post ; rdfs:label "Spokesperson"@en ; org:postIn ckr:agent-y . }
        ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-p ; ck:stance ckv:stance-denies ; ck:citedIn ckr:source-s . }""",
    # a spokesperson of a ministry that is under a state, affiliated with the state
    "person-claimant-without-side": """ckg:reference { ckr:agent-p a ck:Person ; rdfs:label "P"@en ;
          org:holds ckr:post-p ; ck:affiliatedWith ckr:agent-y .
        ckr:agent-m a ck:GovernmentBody ; rdfs:label "M"@en ; org:subOrganizationOf ckr:agent-y .
        ckr:post-p a org:Post ; rdfs:label "Spokesperson"@en ; org:postIn ckr:agent-m . }
        ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-p ; ck:stance ckv:stance-denies ; ck:citedIn ckr:source-s . }""",
    # a person's claim stated on the page of the body in which the person holds a post
    "stated-in-not-own-outlet": """ckg:reference { ckr:agent-p a ck:Person ; rdfs:label "P"@en ; org:holds ckr:post-p .
        ckr:post-p a org:Post ; rdfs:label "Minister"@en ; org:postIn ckr:agent-x . }
        ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-p ; ck:stance ckv:stance-denies ; ck:statedIn ckr:source-s . }""",
    # two terms, the claim on the first day of the second (bounds count); an undated claim is not checked
    "claim-outside-post-term": """ckg:reference { ckr:agent-p a ck:Person ; rdfs:label "P"@en ; org:holds ckr:post-p .
             ckr:post-p a org:Post ; rdfs:label "Minister"@en ; org:heldBy ckr:agent-p ; org:postIn ckr:agent-x . }
        ckg:reference { ckr:holding-p1 a ck:PostHolding ; ck:holder ckr:agent-p ; ck:inPost ckr:post-p ;
            ck:heldUntil "2021-05-31"^^xsd:date ; dcterms:source ckr:source-s .
          ckr:holding-p2 a ck:PostHolding ; ck:holder ckr:agent-p ; ck:inPost ckr:post-p ;
            ck:heldFrom "2022-03-26"^^xsd:date ; dcterms:source ckr:source-s . }
        ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-p ; ck:stance ckv:stance-denies ;
            ck:claimDate "2022-03-26"^^xsd:date ; ck:citedIn ckr:source-s .
          ckr:claim-c5 a ck:Claim ; ck:claimant ckr:agent-p ; ck:stance ckv:stance-denies ; ck:citedIn ckr:source-s . }""",
    # a term with its last day only is a term the data gives
    "person-claimant-term-unknown": """ckg:reference { ckr:agent-p a ck:Person ; rdfs:label "P"@en ; org:holds ckr:post-p .
             ckr:post-p a org:Post ; rdfs:label "Minister"@en ; org:heldBy ckr:agent-p ; org:postIn ckr:agent-x . }
        ckg:reference { ckr:holding-p a ck:PostHolding ; ck:holder ckr:agent-p ; ck:inPost ckr:post-p ;
            ck:heldUntil "2022-12-31"^^xsd:date ; dcterms:source ckr:source-s . }
        ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-p ; ck:stance ckv:stance-denies ;
            ck:claimDate "2022-03-26"^^xsd:date ; ck:citedIn ckr:source-s . }""",
    # the holder holds the post (org:holds), stated apart from the holding
    "post-holding-not-held": """ckg:reference { ckr:post-p a org:Post ; rdfs:label "Minister"@en ; org:postIn ckr:agent-x .
          ckr:holding-p a ck:PostHolding ; ck:holder ckr:agent-p ; ck:inPost ckr:post-p ;
            ck:heldFrom "2021-08-02"^^xsd:date ; dcterms:source ckr:source-s . }
        ckg:reference { ckr:agent-p a ck:Person ; rdfs:label "P"@en ; org:holds ckr:post-p . }""",
}


def expand(name: str) -> str:
    prefix, _, local = name.partition(":")
    return PREFIXES[prefix] + local


@pytest.fixture(scope="module")
def unchecked() -> Staged:
    """The shipped data parsed and staged, without the validation that would stop at errors."""
    return stage(sources(Resources(REPO)))


@pytest.fixture(scope="module")
def tbox(unchecked: Staged) -> list[ox.Quad]:
    """The real ontology and vocabulary graphs."""
    keep = {GRAPH_ONTOLOGY, GRAPH_VOCAB}
    return [q for q in unchecked.quads if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in keep]


def load(tbox: list[ox.Quad], trig: str) -> list[ox.Quad]:
    return tbox + list(ox.parse((PROLOGUE + trig).encode("utf-8"), format=ox.RdfFormat.TRIG))


def foci(check: Query, quads: list[ox.Quad]) -> dict[str, set[str]]:
    """The focus IRIs a check reports, per backend."""
    out = {}
    for name, store in (("oxigraph", OxigraphStore.create(None, quads)), ("rdflib", MemoryStore(quads))):
        result = store.query(check.text)
        assert result.variables[:2] == ["focus", "message"]
        out[name] = {row[0].value for row in result.rows if row[0] is not None}
        assert all(row[1] is not None and row[1].value for row in result.rows), "every row has a message"
    return out


def test_every_check_has_a_fixture() -> None:
    assert set(BROKEN) == set(CHECKS)


@pytest.mark.parametrize("check_id", sorted(CHECKS))
def test_header(check_id: str) -> None:
    check = CHECKS[check_id]
    assert check.title and check.description
    assert check.severity in ("error", "warning")
    assert not check.params


@pytest.mark.parametrize("check_id", sorted(CHECKS))
def test_shipped_data_passes(check_id: str, unchecked: Staged) -> None:
    check = CHECKS[check_id]
    rows = unchecked.store.query(check.text).dicts()
    problems = [f"{r['focus'].value if r['focus'] else '?'}: {r['message'].value if r['message'] else ''}" for r in rows]
    if check.severity == "error":
        assert not problems, "\n".join(problems)


@pytest.mark.parametrize("check_id", sorted(CHECKS))
def test_check_is_silent_on_good_data(check_id: str, tbox: list[ox.Quad]) -> None:
    found = foci(CHECKS[check_id], load(tbox, GOOD + NEAR_MISS.get(check_id, "")))
    assert found == {"oxigraph": set(), "rdflib": set()}


@pytest.mark.parametrize("check_id", sorted(CHECKS))
def test_check_fires_on_broken_data(check_id: str, tbox: list[ox.Quad]) -> None:
    trig, focus = BROKEN[check_id]
    found = foci(CHECKS[check_id], load(tbox, GOOD + trig))
    assert found["oxigraph"] == {expand(focus)}
    assert found["rdflib"] == found["oxigraph"]


def test_person_affiliated_with_a_side_none_of_their_posts_is_on(tbox: list[ox.Quad]) -> None:
    """An affiliation to another side than the post's (a ministry of X, affiliated with Y) is reported
    too, with its own message; the same person affiliated with both is not."""
    person = """ckg:reference { ckr:agent-p a ck:Person ; rdfs:label "P"@en ; org:holds ckr:post-p ; ck:affiliatedWith ckr:agent-y .
        ckr:agent-m a ck:GovernmentBody ; rdfs:label "M"@en ; org:subOrganizationOf ckr:agent-x .
        ckr:post-p a org:Post ; rdfs:label "Minister"@en ; org:postIn ckr:agent-m . }
        ckg:claims { ckr:claim-c4 a ck:Claim ; ck:claimant ckr:agent-p ; ck:stance ckv:stance-denies ; ck:citedIn ckr:source-s . }"""
    check = CHECKS["person-claimant-without-side"]
    quads = load(tbox, GOOD + person)
    for store in (OxigraphStore.create(None, quads), MemoryStore(quads)):
        rows = store.query(check.text).rows
        assert [r[0].value for r in rows] == [expand("ckr:agent-p")]
        assert "no side that a post they hold belongs to" in rows[0][1].value
    both = load(tbox, GOOD + person + "ckg:reference { ckr:agent-p ck:affiliatedWith ckr:agent-x . }")
    assert foci(check, both) == {"oxigraph": set(), "rdflib": set()}
