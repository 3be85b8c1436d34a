"""The per-claimant weekly series' pure parts (weeks, the year and the selection checked), and the page
over two small stores: the hostile fixture (its labels stay text) and a record without allegations."""

from __future__ import annotations

import datetime

import pytest

from conflictkg.build import stage
from conflictkg.errors import QueryError
from conflictkg.naming import Perspective
from conflictkg.pages.claimant_weeks import (STATEMENT_YEAR, Selection, beside, claimant_weeks_page, monday,
                                             parse_selection, parse_year, weeks_of)
from conflictkg.pages.context import Site
from conflictkg.rdf.io import SourceFile
from conflictkg.rdf.namespaces import GRAPH_ONTOLOGY, GRAPH_VOCAB

from tests.conftest import REPO
from tests.serving import render_offline

HOSTILE = REPO / "tests" / "fixtures" / "network" / "hostile.trig"


@pytest.mark.parametrize("year", [2020, 2021, 2024, 2026])
def test_a_years_weeks_are_its_mondays(year):
    weeks = weeks_of(year)
    days = [datetime.date.fromisoformat(w) for w in weeks]
    assert all(d.weekday() == 0 and d.year == year for d in days) and len(weeks) in (52, 53)
    assert (days[0] - datetime.timedelta(days=7)).year == year - 1 and (days[-1] + datetime.timedelta(days=7)).year == year + 1
    assert monday(days[3] + datetime.timedelta(days=6)) == days[3]


@pytest.mark.parametrize(("params", "name"), [
    ({"week": "2022-03-22"}, "week"), ({"week": "2021-03-22"}, "week"), ({"week": "2022-03-21", "claimant": "ckr:x"}, "claimant"),
    ({"week": "2022-03-21", "side": "ckr:x"}, "side"), ({"claimant": "ckr:agent-ru-mod"}, "week"), ({"side": "none"}, "week"),
])
def test_a_bad_selection_names_its_parameter(params, name):
    with pytest.raises(QueryError, match=f"parameter {name}"):
        parse_selection(params, weeks_of(2022), ["ckr:agent-ru-mod"], ["ckr:agent-armenia", "none"])


def test_a_selection_and_a_year():
    sel = parse_selection({"week": "2022-03-21", "side": "none", "other": "x"}, weeks_of(2022), [], ["none"])
    assert sel == Selection("2022-03-21", "", "none")
    assert parse_year({}, [2021, 2022], 2022) == 2022 and parse_year({"year": " 2021 "}, [2021, 2022], 2022) == 2021
    for bad in ("2023", "２０２２", "202", "-2022"):
        with pytest.raises(QueryError, match="parameter year"):
            parse_year({"year": bad}, [2021, 2022], 2022)


def test_beside_keeps_the_sides_that_alleged_in_the_reference_weeks():
    def series(key: str, counts: list[int], **more: object) -> dict:
        return {"key": key, "label": key, "short": key, "bars": [{"week": f"w{i}", "claims": n} for i, n in enumerate(counts)], **more}
    ru = series("ru", [0, 2, 0, 1], reference=True)
    sides = [series("am", [3, 1, 0, 0]), series("az", [0, 0, 0, 4]), series("tr", [5, 0, 5, 0])]
    got = beside([ru, series("x", [1, 1, 1, 1], reference=False)], sides)
    assert [s["key"] for s in got["sides"]] == ["am", "az"] and [w["week"] for w in got["weeks"]] == ["w1", "w3"]
    assert [[b["claims"] for b in w["sides"]] for w in got["weeks"]] == [[1, 0], [0, 4]]
    assert beside([series("x", [1], reference=False)], sides) == {"sides": [], "weeks": []}


def _site(res, *extra):
    files = [SourceFile(p, GRAPH_ONTOLOGY) for p in res.ontology_files()]
    files += [SourceFile(p, GRAPH_VOCAB) for p in res.vocab_files()]
    return Site.load(stage([*files, *extra]).store, res)


def _html(page) -> str:
    return render_offline("timeline_claimants.html", page, "/timeline/claimants", "/timeline/claimants.json")


def test_hostile_labels_stay_text(res):
    page = claimant_weeks_page(_site(res, SourceFile(HOSTILE)).view(Perspective.NEUTRAL), {})
    assert page.extra["year"] == 2022 and page.extra["allegations"] >= 1 and page.extra["claimants"]
    html = _html(page)
    assert "<svg onload" not in html and "<script>window.__pwned" not in html and 'class="tl-bar"' in html
    assert "&lt;img src=x onerror=" in html  # the hostile claimant's label, shown as text


def test_a_record_without_allegations_shows_the_statements_year_empty(res):
    page = claimant_weeks_page(_site(res).view(Perspective.NEUTRAL), {})
    assert page.extra["year"] == STATEMENT_YEAR and page.extra["years"] == [] and page.extra["claimants"] == []
    assert "No dated allegation is recorded in 2020." in _html(page)
