"""Search names its hits' types from the hits of the page it shows only (#14): the same hits, in the same
order and with the same types, as when every resource's type was read from the whole store at once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from conflictkg.naming import Perspective
from conflictkg.pages import search
from conflictkg.pages.context import PageContext, Site
from conflictkg.rdf.namespaces import CK
from conflictkg.rdf.terms import term_to_str
from conflictkg.resources import Resources
from conflictkg.store.directory import open_store
from tests.conftest import REPO, SPARQL_PREFIXES

#: The whole-store question search asked before #14 (every typed resource's layout classes): the oracle.
WHOLE_STORE_KINDS = SPARQL_PREFIXES + """
SELECT DISTINCT ?resource ?kind
WHERE {
  VALUES ?kind { ck:Agreement ck:Clause ck:Norm ck:Incident ck:Claim ck:Event ck:Place ck:Agent ck:SourceDocument
                 ck:StatusAssessment ck:AdministrativeAttribution ck:AttestedName }
  GRAPH ckg:ontology { ?type rdfs:subClassOf* ?kind }
  GRAPH ?g { ?resource a ?type }
  FILTER(STRSTARTS(STR(?resource), "https://w3id.org/conflictkg/resource/"))
}
ORDER BY ?resource ?kind
"""
TERMS = ("Şuşa", "Shushi", "Шуша", "Շուշի", "shusha", "Fərrux", "Lachin", "claim", "Xankəndi", "ə", "a", "zzqx")


@pytest.fixture(scope="module")
def site(store_dir: Path) -> Iterator[Site]:
    store = open_store(store_dir)
    yield Site.load(store, Resources(REPO))
    store.close()


def old_hits(ctx: PageContext, text: str, offset: int) -> tuple[list[search.SearchHit], int]:
    """``find_hits`` as it was: types of every resource from the whole store, then the page cut."""
    kinds: dict[str, set[str]] = {}
    for row in ctx.site.store.query(WHOLE_STORE_KINDS).dicts():
        kinds.setdefault(term_to_str(row["resource"]), set()).add(term_to_str(row["kind"]).removeprefix(CK))
    types = {iri: search.TYPES[next((k for k in search.CLASSES if k in found), "Resource")]
             for iri, found in kinds.items()}
    tier = {iri: min((search.TIERS[k] for k in found if k in search.TIERS), default=search.LAST_TIER)
            for iri, found in kinds.items()}
    best = search.best_matches(ctx, search.name_key(text))
    ranked = sorted(best.items(), key=lambda kv: (kv[1][0], tier.get(kv[0], search.LAST_TIER), kv[1][1].casefold(),
                                                  kv[0]))[offset:offset + search.LIMIT]
    hits = [search.SearchHit(iri, types.get(iri, "other"), matched, search.RANKS[rank])
            for iri, (rank, matched) in ranked]
    order = list(search.TYPES.values())
    first = {hit.type: i for i, hit in reversed(list(enumerate(hits)))}
    return sorted(hits, key=lambda h: (first[h.type], order.index(h.type))), len(best)


@pytest.mark.parametrize("perspective", [Perspective.NEUTRAL, Perspective.AZERBAIJANI])
def test_search_finds_the_same_hits_in_the_same_order_as_the_whole_store_question(site, perspective):
    ctx = site.view(perspective)
    for text in TERMS:
        hits, total = search.find_hits(ctx, text)
        assert (hits, total) == old_hits(ctx, text, 0), text
    assert search.find_hits(ctx, "Şuşa")[0][0].iri.endswith("place-shusha-shushi")
    # session 22: +5 actors named 'A...' (Adam Schiff, Al-Manar, the Armenian Assembly of America, Artur Harutyunyan,
    # armenia.in-the.news) fill the first page (87 actors, 13 places); its one incident moved to the second page
    assert {h.type for h in search.find_hits(ctx, "a")[0]} >= {"place", "actor"}
    assert {h.type for h in search.find_hits(ctx, "a", search.LIMIT)[0]} >= {"incident", "actor"}
    # within a rank the named things come first: point 6, whose label names the corridor, is on the first page
    # (by name alone it came after 100 claims and events naming it), before any claim of the same rank
    lachin = search.find_hits(ctx, "Lachin")[0]
    point6 = next(h for h in lachin if h.iri.endswith("/agreement-tri2020-p6"))
    assert point6.type == "clause" and point6.rank == "word"
    assert any(h.type == "claim" and h.rank == "word" for h in search.find_hits(ctx, "Lachin", search.LIMIT)[0])


def test_every_page_of_a_search_matches_the_whole_store_question(site):
    ctx = site.view(Perspective.NEUTRAL)
    total = search.find_hits(ctx, "a")[1]
    assert total > 3 * search.LIMIT
    for offset in range(0, total, search.LIMIT):
        assert search.find_hits(ctx, "a", offset) == old_hits(ctx, "a", offset), offset


class Asked:
    """A store that keeps the text of every question it is asked."""

    def __init__(self, store):
        self.store, self.texts = store, []

    def query(self, sparql, bindings=None, prefixes=None):
        self.texts.append((sparql, dict(bindings or {})))
        return self.store.query(sparql, bindings, prefixes)


def test_search_asks_about_the_hits_it_shows_and_nothing_store_wide(site):
    """One question names the page's hits (a VALUES row each, so a server is asked once), one reads the
    ontology's subclass edges, one (once per site) the resources of the classes ranked first, bound, and
    nothing else is asked."""
    asked = Asked(site.store)
    ctx = Site(asked, site.resources, site.library, site.internal, site.gazetteer, site.labels,
               site.titled_places).view(Perspective.NEUTRAL)
    hits, total = search.find_hits(ctx, "Lachin")
    assert 1 < len(hits) <= total
    shown = {hit.iri for hit in hits}
    assert not [b for _, b in asked.texts if b]
    listed = [re.search(r"VALUES \?resource \{([^}]*)\}", text) for text, _ in asked.texts]
    assert sum(m is not None for m in listed) == 1
    iris = next(m for m in listed if m).group(1).split()
    assert sorted(iris) == sorted(f"<{iri}>" for iri in shown) and len(iris) == len(shown)
    typed = [re.search(r"VALUES \?type \{([^}]*)\}", text) for text, _ in asked.texts]
    assert sum(m is not None for m in typed) == 1
    classes = next(m for m in typed if m).group(1).split()
    assert f"<{CK}Clause>" in classes and f"<{CK}Claim>" not in classes and f"<{CK}SourceDocument>" not in classes
    unbound = [text for (text, _), m, t in zip(asked.texts, listed, typed, strict=True) if m is None and t is None]
    assert len(unbound) == 1 and "GRAPH ckg:ontology" in unbound[0] and "GRAPH ?g" not in unbound[0]


def test_a_search_without_hits_asks_nothing_about_types(site):
    asked = Asked(site.store)
    ctx = Site(asked, site.resources, site.library, site.internal, site.gazetteer, site.labels,
               site.titled_places).view(Perspective.NEUTRAL)
    assert search.find_hits(ctx, "zzqx") == ([], 0)
    assert not [text for text, _ in asked.texts if "VALUES ?resource" in text]
