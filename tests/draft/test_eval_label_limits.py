"""bench/draft_eval.py keeps the labelling limits apart: recall over the named points and places the
article's text itself states, beside the headline rows (whose definition does not change)."""

from __future__ import annotations

import pytest

from conflictkg.build import shipped_lexicon
from conflictkg.drafting import DraftClaim
from conflictkg.rdf.namespaces import CKR
from conflictkg.resources import Resources
from tests.bench.bench_module import load_bench


@pytest.fixture(scope="module")
def de():
    return load_bench("draft_eval")


def test_points_stated_in_the_text_in_any_usual_form(de) -> None:
    assert de.stated_points("under point 6 of the statement; paragraphs 4 and 9; the eighth point") == {"4", "6", "8", "9"}
    assert de.stated_points("Article 12 of the charter, a post 4 km away") == set()


def test_places_named_in_the_text_with_a_case_ending(de, res: Resources) -> None:
    lex = shipped_lexicon(res)
    assert CKR + "place-shusha-shushi" in de.named_places("Gecə Şuşada səs eşidildi", lex)
    assert CKR + "place-parukh-farrukh" not in de.named_places("quiet night in Yerevan", lex)


def test_limit_rows_count_only_what_the_text_states_and_keep_the_headline(de, res: Resources) -> None:
    lex = shipped_lexicon(res)
    gold = de.Gold(CKR + "claim-x", {"claimant": {CKR + "agent-am-mfa"}, "stance": {"stance-alleges"},
                                     "named": {"6", "9"}, "place": {CKR + "place-parukh-farrukh", CKR + "place-tegh"}})
    draft = DraftClaim(CKR + "agent-am-mfa", "alleges", named_points={6}, places=[CKR + "place-parukh-farrukh"])
    tally = de.Tally()
    de.score_article(tally, [draft], [gold], "Point 6 of the statement was broken near Parukh.", lex, "")
    assert (tally.scores["named points"].hit_r, tally.scores["named points"].gold) == (1, 2)  # headline: all curated
    limit = tally.scores["named points, point stated in the text"]
    assert (limit.hit_r, limit.gold) == (1, 1)  # point 9 is not stated in the text
    places = tally.scores["places, place named in the text"]
    assert (places.hit_r, places.gold) == (1, 1)  # Tegh is not named in the text
    assert "| named points, point stated in the text | 1/1 | 100% |" in de.table(tally, "x")
