"""Questions asked a page at a time (#14, ``window: true``): every window of the engine's answer is the
same rows as the whole answer cut in Python, and the engine's count is the whole answer's length.

A ``window: keys`` question pages its keys (claims) in a sub-select: its pages, in order, are its whole
answer; its count is how many keys it has; and its whole answer is the answer of the flat question it
replaced (``tests/fixtures/flat-questions``, each row's details joined for every row before sorting)."""

from __future__ import annotations

import pytest

from pathlib import Path

from conflictkg.resources import default_resources
from conflictkg.sparql.queries import example_params, load_library, load_query, run
from conflictkg.sparql.windows import Slice, count, run_slice

RES = default_resources()
WINDOWED = {q.id: q for lib in (load_library(RES.queries_dir), load_library(RES.pages_queries_dir))
            for q in lib.values() if q.window}
FLAT = Path(__file__).parents[1] / "fixtures" / "flat-questions"


def test_the_paged_lists_of_entity_pages_are_windowed() -> None:
    assert {"claims-accusing", "claims-about-place", "claims-by-claimant", "resource-mentions",
            "resource-statements", "source-claims", "provision-claims"} <= set(WINDOWED)


def test_the_heaviest_lists_page_their_keys() -> None:
    keyed = {q.id for q in WINDOWED.values() if q.keyed}
    assert {"claims-accusing", "claims-about-place", "resource-mentions"} <= keyed
    assert keyed == {p.stem for p in FLAT.glob("*.rq")}  # each proved against the flat question it replaced
    assert all(WINDOWED[q].unit != "rows" for q in keyed)


@pytest.mark.parametrize("query_id", sorted(q.id for q in WINDOWED.values() if q.keyed))
def test_keyed_windows_are_the_flat_answer_a_few_keys_at_a_time(staged, query_id: str) -> None:  # noqa: ANN001
    query = WINDOWED[query_id]
    raw = example_params(query)
    whole = run(staged.store, query, raw).rows
    assert whole == run(staged.store, load_query(FLAT / f"{query_id}.rq"), raw).rows
    keys = count(staged.store, query, raw)
    assert 3 < keys <= len(whole), f"{query_id}: its example parameters should give keys to page through"
    size = max(1, keys // 3)
    pages = [run_slice(staged.store, query, raw, Slice(size, start)).rows for start in range(0, keys + size, size)]
    assert [row for page in pages for row in page] == whole
    assert all(pages[:-1]) and pages[-1] == []
    assert run_slice(staged.store, query, raw, Slice(1, keys - 1)).rows and not run_slice(
        staged.store, query, raw, Slice(1, keys)).rows  # the count is the keys'


@pytest.mark.parametrize("query_id", sorted(q.id for q in WINDOWED.values() if not q.keyed))
def test_windows_cut_the_whole_answer(staged, query_id: str) -> None:  # noqa: ANN001
    query = WINDOWED[query_id]
    raw = example_params(query)
    whole = run(staged.store, query, raw).rows
    assert whole, f"{query_id}: its example parameters should give rows to page through"
    assert count(staged.store, query, raw) == len(whole)
    size = max(1, len(whole) // 3)
    pages = [run_slice(staged.store, query, raw, Slice(size, start)).rows for start in range(0, len(whole) + size, size)]
    assert [row for page in pages for row in page] == whole
    assert pages[-1] == []  # past the end: no rows, no error


def test_the_query_page_runs_a_keyed_question_bound_inside_its_key_sub_select(staged) -> None:  # noqa: ANN001
    """The query page sends the text to the endpoint's workers: its key sub-select is bound there too, so the
    engine chooses the place's claims first (the answer is the library's either way)."""
    from types import SimpleNamespace

    from conflictkg.pages.query_page import QueryForm, prepared_text

    query = WINDOWED["claims-about-place"]
    site = SimpleNamespace(library={query.id: query}, internal={})
    text = prepared_text(site, QueryForm(query.id, "", {"place": "ckr:place-lachin-corridor"}))  # type: ignore[arg-type]
    assert text.count("VALUES (?place) { (<https://w3id.org/conflictkg/resource/place-lachin-corridor>) }") == 2
    assert staged.store.query(text).rows == run(staged.store, query, {"place": "ckr:place-lachin-corridor"}).rows
