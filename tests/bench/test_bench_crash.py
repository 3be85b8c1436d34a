"""Logic of the crash benchmark (bench/crash.py): the summary and its table. No build is killed
here (tests/test_crash.py does that)."""

from __future__ import annotations

import pytest

from tests.bench.bench_module import load_bench


@pytest.fixture(scope="module")
def crash():
    return load_bench("crash")


def row(stage: str, *, survived: bool = True, unpublished: int = 1, java: int = 0, orphans: int = 0) -> dict:
    return {"stage": stage, "survived": survived, "unpublished": unpublished, "unpublished_after_query": 0,
            "java_at_kill": java, "java_orphans": orphans}


def test_summary_counts_stages_in_pipeline_order_and_failures(crash):
    series = {"rows": [row("reason", java=1), row("parse"), row("finished", unpublished=0),
                       row("reason", java=1, orphans=1, survived=False)],
              "final_build_exit": 0, "final_generations": 1, "final_is_published": True, "final_answer_same": True}
    s = crash.summarize(series)
    assert list(s["by_stage"].items()) == [("parse", 1), ("reason", 2), ("finished", 1)]
    assert (s["kills"], s["survived"], s["java_at_kill"], s["java_orphans"]) == (4, 3, 2, 1)
    assert s["max_unpublished_after_kill"] == 1 and s["final_clean"] is True
    text = crash.table(s)
    assert "| kills by stage | parse 1, reason 2, finished 1 |" in text and "| 3 / 4 |" in text


def test_a_final_store_not_alone_is_not_clean(crash):
    series = {"rows": [], "final_build_exit": 0, "final_generations": 2, "final_is_published": False,
              "final_answer_same": True}
    s = crash.summarize(series)
    assert s["final_clean"] is False and "| NO |" in crash.table(s)
