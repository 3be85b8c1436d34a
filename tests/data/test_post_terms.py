"""Persons' terms in their posts (issue #12; docs/curating/conventions.md, "Person or office"): a
term is recorded only from a stored page, and every person who speaks with no term given has a
logged search for one (docs/curating/logs.md, "Searches for a person's term in a post"), in the
coverage log of the month the person's first incident begins in."""
from __future__ import annotations

import re

from conflictkg.build import Staged
from tests.conftest import REPO
from tests.conftest import SPARQL_PREFIXES as PREFIXES

COVERAGE = REPO / "data" / "coverage"
#: "# Term in post of <name> (ckr:agent-<x>; person-claimant-term-unknown), searched <day>: <what the pages give>."
TERM_SEARCH = re.compile(r"^\s*# Term in post of .+? \(ckr:(agent-[a-z0-9-]+); person-claimant-term-unknown\), "
                         r"searched (\d{4}-\d{2}-\d{2}): (.+)$")
SEARCH_ITEM = re.compile(r"^\s*- (?:on|'on'): ")  # the key "on", bare or quoted (both are written)


def _first_incident_month_of_persons_without_term(staged: Staged) -> dict[str, str]:
    rows = staged.store.query(PREFIXES + """
    SELECT ?person (MIN(STR(?incident)) AS ?first) WHERE {
      GRAPH ?g { ?claim ck:claimant ?person ; ck:aboutIncident ?incident }
      GRAPH ?r { ?person a ck:Person }
      FILTER NOT EXISTS { GRAPH ?h { ?holding ck:holder ?person } }
    } GROUP BY ?person""").dicts()
    out = {}
    for r in rows:
        month = re.search(r"incident-(\d{4}-\d{2})-", str(r["first"].value))
        out[str(r["person"].value).rsplit("/", 1)[-1]] = month.group(1) if month else "?"
    return out


def _logged_term_searches() -> dict[str, list[tuple[str, int]]]:
    """agent local name -> [(month of the log, number of search entries right under the comment)]"""
    out: dict[str, list[tuple[str, int]]] = {}
    for path in sorted(COVERAGE.glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            m = TERM_SEARCH.match(line)
            if not m:
                continue
            entries, j = 0, i + 1
            while j < len(lines) and not lines[j].lstrip().startswith("#") and not re.match(r"^[a-z_]+:", lines[j]):
                entries += bool(SEARCH_ITEM.match(lines[j]))
                j += 1
            out.setdefault(m.group(1), []).append((path.stem, entries))
    return out


def test_every_person_who_speaks_without_a_term_has_a_logged_term_search(staged: Staged) -> None:
    without = _first_incident_month_of_persons_without_term(staged)
    assert without, "no person without a term: drop this test's premise or check the query"
    logged = _logged_term_searches()
    missing = {p: m for p, m in without.items() if not any(month == m for month, _n in logged.get(p, []))}
    assert missing == {}, f"no term search logged in data/coverage/<month>.yaml for: {missing}"


def test_each_logged_term_search_lists_its_queries(staged: Staged) -> None:
    logged = _logged_term_searches()
    assert logged and all(n >= 1 for entries in logged.values() for _m, n in entries), logged
    persons = {str(r["p"].value).rsplit("/", 1)[-1] for r in staged.store.query(PREFIXES + """
        SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p a ck:Person } }""").dicts()}
    assert set(logged) <= persons, sorted(set(logged) - persons)


def test_babayan_term_ends_on_the_day_the_page_gives(staged: Staged) -> None:
    rows = staged.store.query(PREFIXES + """
    SELECT ?until ?from ?url WHERE {
      GRAPH ?g { ckr:holding-davit-babayan-fm-artsakh ck:holder ckr:agent-davit-babayan ;
                   ck:inPost ckr:post-fm-artsakh ; ck:heldUntil ?until ; dcterms:source ?source
                 OPTIONAL { ckr:holding-davit-babayan-fm-artsakh ck:heldFrom ?from } }
      GRAPH ?s { ?source schema:url ?url } }""").dicts()
    assert {str(r["until"].value) for r in rows} == {"2022-11-23"}
    assert all(r.get("from") is None for r in rows)  # no page read gives the first day
    assert any("gagrule.net/karabakh-acting-fm" in str(r["url"].value) for r in rows)
