"""One node per person and per post: curators working in parallel once minted the same person
(``agent-blinken`` and ``agent-antony-blinken``) and the same office twice under two IRIs."""

from __future__ import annotations

from conflictkg.build import Staged
from tests.conftest import SPARQL_PREFIXES as PREFIXES


def _shared(staged: Staged, query: str) -> list[tuple[str, str]]:
    rows = staged.store.query(PREFIXES + query).dicts()
    return sorted((str(r["key"].value), str(r["nodes"].value)) for r in rows)


def test_no_two_persons_share_a_name(staged: Staged) -> None:
    assert _shared(staged, """
        SELECT ?key (GROUP_CONCAT(DISTINCT STR(?person); separator=" ") AS ?nodes)
        WHERE { GRAPH ?g { ?person a ck:Person ; rdfs:label ?label } BIND(LCASE(STR(?label)) AS ?key) }
        GROUP BY ?key HAVING (COUNT(DISTINCT ?person) > 1)""") == []


def test_no_two_posts_in_one_body_share_a_holder(staged: Staged) -> None:
    assert _shared(staged, """
        SELECT (CONCAT(STR(?body), " ", STR(?holder)) AS ?key) (GROUP_CONCAT(DISTINCT STR(?post); separator=" ") AS ?nodes)
        WHERE { GRAPH ?g { ?post org:postIn ?body } GRAPH ?h { ?post org:heldBy ?holder } }
        GROUP BY ?body ?holder HAVING (COUNT(DISTINCT ?post) > 1)""") == []
