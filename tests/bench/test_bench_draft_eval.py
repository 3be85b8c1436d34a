"""Logic of the drafting benchmark (bench/draft_eval.py): which labelled articles it reads and
where it finds their texts. Article texts are never read here."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench.bench_module import load_bench


@pytest.fixture(scope="module")
def draft_eval():
    return load_bench("draft_eval")


def _write(path: Path, slug: str, split: str) -> None:
    path.write_text(f"articles:\n  - slug: {slug}\n    url: https://example.org/{slug}\n    split: {split}\n"
                    "    claims: [claim-x]\n", encoding="utf-8")


def test_every_articles_file_is_read(tmp_path: Path, draft_eval) -> None:
    _write(tmp_path / "articles.yaml", "one", "dev")
    _write(tmp_path / "articles-rec-a.yaml", "two", "heldout2")
    _write(tmp_path / "notes.yaml", "three", "dev")  # not a labels file
    labels = draft_eval.read_labels(tmp_path)
    assert [(a["slug"], a["split"]) for a in labels] == [("two", "heldout2"), ("one", "dev")]
    assert [a["slug"] for a in draft_eval.read_labels(tmp_path / "articles.yaml")] == ["one"]


def test_an_article_without_a_split_is_refused(tmp_path: Path, draft_eval) -> None:
    (tmp_path / "articles-rec-b.yaml").write_text("articles:\n  - slug: four\n    claims: []\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="has no split"):
        draft_eval.read_labels(tmp_path)


def test_texts_are_found_beside_or_in_the_splits_folder(tmp_path: Path, draft_eval) -> None:
    (tmp_path / "heldout2").mkdir()
    (tmp_path / "heldout2" / "two.txt").write_text("x", encoding="utf-8")
    (tmp_path / "one.md").write_text("x", encoding="utf-8")
    assert draft_eval.article_file(tmp_path, "two", "heldout2") == tmp_path / "heldout2" / "two.txt"
    assert draft_eval.article_file(tmp_path, "one", "dev") == tmp_path / "one.md"
    assert draft_eval.article_file(tmp_path, "two", "dev") is None



def test_a_quoted_published_day_is_read_as_a_date(tmp_path: Path, draft_eval) -> None:
    from datetime import date

    (tmp_path / "articles-rec-a.yaml").write_text(
        "articles:\n  - {slug: quoted, url: u, split: heldout2, published: '2020-12-12', claims: []}\n"
        "  - {slug: plain, url: u, split: heldout2, published: 2020-12-13, claims: []}\n"
        "  - {slug: none, url: u, split: heldout2, claims: []}\n", encoding="utf-8")
    labels = draft_eval.read_labels(tmp_path)
    assert [a.get("published") for a in labels] == [date(2020, 12, 12), date(2020, 12, 13), None]


def test_a_published_value_that_is_no_date_is_refused(tmp_path: Path, draft_eval) -> None:
    (tmp_path / "articles.yaml").write_text(
        "articles:\n  - {slug: bad, url: u, split: dev, published: 'last week', claims: []}\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="is not a date"):
        draft_eval.read_labels(tmp_path)
