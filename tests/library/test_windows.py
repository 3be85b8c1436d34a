"""Questions asked a page at a time (#14, ``window: true``): every window of the engine's answer is the
same rows as the whole answer cut in Python, and the engine's count is the whole answer's length."""

from __future__ import annotations

import pytest

from conflictkg.resources import default_resources
from conflictkg.sparql.queries import example_params, load_library, run
from conflictkg.sparql.windows import Slice, count, run_slice

RES = default_resources()
WINDOWED = {q.id: q for lib in (load_library(RES.queries_dir), load_library(RES.pages_queries_dir))
            for q in lib.values() if q.window}


def test_the_paged_lists_of_entity_pages_are_windowed() -> None:
    assert {"claims-accusing", "claims-about-place", "claims-by-claimant", "resource-mentions",
            "resource-statements", "source-claims", "provision-claims"} <= set(WINDOWED)


@pytest.mark.parametrize("query_id", sorted(WINDOWED))
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
