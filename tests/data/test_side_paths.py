"""The questions walk a claimant's side as ``(ck:affiliatedWith|org:subOrganizationOf|ck:forceOf|org:holds|org:postIn)*``,
a post a step of its own, where they once walked ``(…|(org:holds/org:postIn))*`` (Virtuoso refuses a sequence
under ``*``; docs/servers.md). Both reach the same states and authorities while a post is entered only by
org:holds and left by org:postIn, and no claimant is a post: these tests hold the data to that."""

from __future__ import annotations

from conflictkg.build import Staged
from tests.conftest import SPARQL_PREFIXES as PREFIXES


def _rows(staged: Staged, query: str) -> list[tuple[str, ...]]:
    return sorted(tuple(str(t.value) for t in row) for row in staged.store.query(PREFIXES + query).rows)


def test_no_other_link_of_a_side_ends_at_a_post(staged: Staged) -> None:
    assert _rows(staged, """
        SELECT ?s ?p ?post WHERE {
          VALUES ?p { ck:affiliatedWith org:subOrganizationOf ck:forceOf org:postIn }
          GRAPH ?g { ?s ?p ?post } GRAPH ?h { ?post org:postIn ?body } }""") == []


def test_every_held_post_is_in_a_body(staged: Staged) -> None:
    assert _rows(staged, """
        SELECT ?holder ?post WHERE {
          GRAPH ?g { ?holder org:holds ?post }
          FILTER NOT EXISTS { GRAPH ?h { ?post org:postIn ?body } } }""") == []


def test_no_claimant_is_a_post(staged: Staged) -> None:
    assert _rows(staged, """
        SELECT DISTINCT ?claimant WHERE { GRAPH ?g { ?claim ck:claimant ?claimant } GRAPH ?h { ?claimant org:postIn ?body } }""") == []


def test_the_two_walks_reach_the_same_sides(staged: Staged) -> None:
    walk = """
        SELECT DISTINCT ?claimant ?state WHERE {{
          GRAPH ckg:claims {{ ?claim ck:claimant ?claimant }}
          GRAPH ckg:reference {{ ?claimant {path} ?state
                                 {{ ?state a ck:State }} UNION {{ ?state a ck:DeFactoAuthority }} }} }}"""
    sequence = _rows(staged, walk.format(path="(ck:affiliatedWith|org:subOrganizationOf|ck:forceOf|(org:holds/org:postIn))*"))
    steps = _rows(staged, walk.format(path="(ck:affiliatedWith|org:subOrganizationOf|ck:forceOf|org:holds|org:postIn)*"))
    assert sequence == steps and len(steps) > 50
