"""A ``window: keys`` question's keys sorted in Python once (#14, :mod:`conflictkg.sparql.keys`): every page
answered from them is the engine's page (:func:`~conflictkg.sparql.windows.run_slice`), row for row, and
their number is the engine's count; where the order cannot be made in Python the answer is None."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conflictkg.resources import default_resources
from conflictkg.sparql.keys import Keys, order_variables, run_keys, sorted_keys
from conflictkg.sparql.queries import example_params, load_library
from conflictkg.sparql.windows import Slice, count, run_slice

RES = default_resources()
KEYED = {q.id: q for lib in (load_library(RES.queries_dir), load_library(RES.pages_queries_dir))
         for q in lib.values() if q.keyed}
#: The entity pages' keyed lists whose keys are sorted here on the shipped data (the engine sorts the others).
SORTED_HERE = {"resource-mentions", "claims-accusing", "claims-about-place"}
PARAMS = {"resource-mentions": [{"resource": "ckr:agent-azerbaijan"}, {"resource": "ckr:agreement-tri2020-p6"},
                                {"resource": "ckr:place-armenia-azerbaijan-border"}]}


def _cases() -> list[tuple[str, dict[str, str]]]:
    return [(qid, raw) for qid in sorted(KEYED) for raw in PARAMS.get(qid, [example_params(KEYED[qid])])]


@pytest.mark.parametrize(("query_id", "raw"), _cases())
def test_pages_of_the_sorted_keys_are_the_engines_pages(staged, query_id: str, raw: dict[str, str]) -> None:  # noqa: ANN001
    query = KEYED[query_id]
    keys = sorted_keys(staged.store, query, raw)
    if query_id not in SORTED_HERE:
        assert keys is None or isinstance(keys, Keys)
        return
    assert keys is not None, f"{query_id}: its keys should be sortable here"
    total = count(staged.store, query, raw)
    assert len(keys.rows) == total and total > 3
    for size in (1, 7, max(1, total // 3)):
        for start in sorted({0, size, total - 1, total, total + size}):
            ours = run_keys(staged.store, query, raw, keys, Slice(size, start))
            theirs = run_slice(staged.store, query, raw, Slice(size, start))
            assert ours.variables == theirs.variables
            assert ours.rows == theirs.rows, f"{query_id} {raw}: rows {start} to {start + size}"


def test_an_order_not_made_here_is_left_to_the_engine(staged) -> None:  # noqa: ANN001
    query = KEYED["resource-mentions"]
    descending = replace(query, text=query.text.replace("ORDER BY ?property ?subject ?graph_kind ?g\n    # window",
                                                        "ORDER BY DESC(?property) ?subject\n    # window"))
    assert descending.text != query.text and order_variables(descending) is None
    assert sorted_keys(staged.store, descending, {"resource": "ckr:agent-azerbaijan"}) is None
