"""One node per person and per post: curators working in parallel once minted the same person
(``agent-blinken`` and ``agent-antony-blinken``) and the same office twice under two IRIs."""

from __future__ import annotations

from conflictkg.build import Staged
from tests.conftest import SPARQL_PREFIXES as PREFIXES


def _shared(staged: Staged, query: str) -> list[tuple[str, str]]:
    rows = staged.store.query(PREFIXES + query).dicts()
    return sorted((str(r["key"].value), " ".join(sorted(str(r["nodes"].value).split()))) for r in rows)


def test_no_two_persons_share_a_name(staged: Staged) -> None:
    assert _shared(staged, """
        SELECT ?key (GROUP_CONCAT(DISTINCT STR(?person); separator=" ") AS ?nodes)
        WHERE { GRAPH ?g { ?person a ck:Person ; rdfs:label ?label } BIND(LCASE(STR(?label)) AS ?key) }
        GROUP BY ?key HAVING (COUNT(DISTINCT ?person) > 1)""") == []


CKR = "https://w3id.org/conflictkg/resource/"
#: a holder of two different offices of one body, each office one node (read on the pages named)
TWO_OFFICES = {
    # State Minister of Artsakh (OC Media, 3 June 2021: appointed), then adviser to the State Minister (Tempi via
    # CINF, 1 January 2023; News.am 778066): session 19, rc
    (f"{CKR}agent-artsakh {CKR}agent-artak-beglarian",
     f"{CKR}post-adviser-state-minister-artsakh {CKR}post-state-minister-artsakh"),
}


def test_no_two_posts_in_one_body_share_a_holder(staged: Staged) -> None:
    assert set(_shared(staged, """
        SELECT (CONCAT(STR(?body), " ", STR(?holder)) AS ?key) (GROUP_CONCAT(DISTINCT STR(?post); separator=" ") AS ?nodes)
        WHERE { GRAPH ?g { ?post org:postIn ?body } GRAPH ?h { ?post org:heldBy ?holder } }
        GROUP BY ?body ?holder HAVING (COUNT(DISTINCT ?post) > 1)""")) == TWO_OFFICES
