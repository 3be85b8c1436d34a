"""The timeline's pure parts: the month axis, the selection check, the incident marks."""

from __future__ import annotations

import pytest

from conflictkg.errors import QueryError
from conflictkg.pages.timeline import Allegation, Selection, all_months, claim_marks, incidents_href, parse_selection, ticks


def allegation(month: str) -> Allegation:
    return Allegation(f"urn:x:{month}", month, f"{month}-15", {"text": "x"}, "urn:i")


def test_the_axis_has_every_month_between_the_first_and_the_last():
    assert all_months([allegation("2022-11"), allegation("2023-02")]) == ["2022-11", "2022-12", "2023-01", "2023-02"]
    assert all_months([]) == []


@pytest.mark.parametrize(("params", "name"), [({"month": "2022-00"}, "month"), ({"month": "22-03"}, "month"),
                                              ({"month": "2022-03", "point": "7"}, "point"),
                                              ({"month": "2022-03", "side": "ckr:x"}, "side"), ({"side": "none"}, "month")])
def test_a_bad_selection_names_its_parameter(params, name):
    with pytest.raises(QueryError, match=f"parameter {name}"):
        parse_selection(params, ["4", "6", "none"], ["ckr:agent-armenia", "none"])


def test_a_selection_and_its_incidents_window():
    sel = parse_selection({"month": "2024-02", "point": "6", "other": "x"}, ["6"], [])
    assert sel == Selection("2024-02", "6", "")
    assert incidents_href(sel) == "/incidents?from=2024-02-01&to=2024-02-29&point=6"
    assert incidents_href(Selection("2022-12", "none")) == "/incidents?from=2022-12-01&to=2022-12-31"


def test_claim_marks_spread_over_the_span_and_count_the_undated():
    def claim(date: str, iri: str) -> dict:
        return {"date": date, "stance": "alleges", "claimant": {"text": "c"}, "claim": {"iri": iri, "href": "/r"}}
    marks = claim_marks([claim("2022-03-28", "b"), claim("", "u"), claim("2022-03-24", "a"), claim("2022-03-25", "c")])
    assert (marks["first"], marks["last"], marks["days"], marks["undated"]) == ("2022-03-24", "2022-03-28", 4, 1)
    assert [m["pos"] for m in marks["marks"]] == [0.0, 25.0, 100.0]
    assert claim_marks([claim("2022-03-24", "a")])["marks"][0]["pos"] == 50.0
    assert claim_marks([claim("", "u")]) == {"first": "", "last": "", "days": 0, "marks": [], "rows": 0, "undated": 1}
    assert [m["stack"] for m in claim_marks([claim("2022-03-24", "a"), claim("2022-03-24", "b")])["marks"]] == [0, 1]


def test_ticks_mark_each_january_and_a_lone_first_month():
    assert ticks(["2020-11", "2020-12", "2021-01", "2021-02"]) == [{"pos": 50.0, "text": "2021", "end": False}]
    assert ticks(["2020-06", "2020-07", "2020-08", "2020-09", "2020-10", "2020-11"])[0] == {"pos": 0.0, "text": "2020-06",
                                                                                            "end": False}
    assert ticks(["2023-12", *(f"2024-{m:02d}" for m in range(1, 13)), "2025-01"])[-1]["end"]  # 92.86 %: at the edge
