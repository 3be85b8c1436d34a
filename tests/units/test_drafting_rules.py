"""The drafter's rules one at a time, on short sentences written for these tests (never article
text): named points, places, who speaks, stance cues, dates and the outlet's own narration."""

from __future__ import annotations

from conflictkg.drafting import points


def test_named_points_in_every_usual_form() -> None:
    forms = {"the ministry cited paragraph 9 of the trilateral statement": {9},
             "clause No. 6 of the joint statement was ignored": {6},
             "item nine of the statement of 10 November covers trade": {9},
             "provisions 5-7 of the November 10 declaration": {5, 6, 7},
             "the 9th paragraph of the 2020 statement": {9},
             "the statement's eighth and ninth points": {8, 9},
             "points 4 and 9 of the trilateral agreements": {4, 9},
             "sub-paragraph 3 of this statement": {3}}
    for text, expected in forms.items():
        assert points.named_points(text) == expected, text


def test_a_point_of_the_statement_named_earlier_in_the_article() -> None:
    earlier = "The tripartite statement was signed two years ago."
    assert points.named_points("Point 9 deals with transport.", earlier) == {9}
    assert points.named_points("Point 9 deals with transport.", "A new peace treaty is being drafted.") == set()
    assert points.document_named(earlier) and points.document_named("the draft peace treaty")
    assert not points.document_named("the minister visited the border")


def test_never_a_point_of_another_document_nor_a_distance() -> None:
    statement = "the trilateral statement"
    assert points.named_points("point 3 of the peace plan", statement) == set()
    assert points.named_points("article 2 of the UN Charter", statement) == set()
    assert points.named_points("they fired from point 4 km away", statement) == set()
    assert points.named_points("point 12 of the statement") == set()  # the statement has nine
