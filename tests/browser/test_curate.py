"""The curator's path in a real browser (``serve --curate``): choose the fixture article's file,
draft it, change a stance and drop a claim, save, read the validation on the page, then build a
copy of the data with the saved file and find the reviewed claim in the store."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conflictkg.build import build_store
from conflictkg.curating import Workbench
from conflictkg.rdf.namespaces import PREFIXES
from conflictkg.resources import Resources
from conflictkg.store import directory as storedir

from ..conftest import REPO
from ..serving import serving

ARTICLE = REPO / "tests" / "fixtures" / "drafting" / "farrukh-report.txt"
CLAIM = "ckr:claim-draft-farrukh-standoff-{}"


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory: pytest.TempPathFactory) -> Resources:
    """A copy of the checkout's ontology, queries and data: the build after the save reads it."""
    root = tmp_path_factory.mktemp("curate-root")
    for folder in ("ontology", "queries", "data"):
        shutil.copytree(REPO / folder, root / folder)
    return Resources(root)


@pytest.fixture(scope="module")
def curate_server(built_store: Path, data_copy: Resources) -> Iterator[str]:
    workbench = Workbench(data_copy, data_copy.data_dir / "incidents")
    with serving(built_store, workers=1, resources=data_copy, curate=workbench) as url:
        yield url


def stances_in(store_dir: Path) -> dict[str, str]:
    """Claim IRI -> stance of the draft's claims in the built store."""
    store = storedir.open_store(store_dir)
    try:
        rows = store.query("SELECT ?c ?s WHERE { GRAPH ckg:claims { ?c ck:stance ?s "
                           "FILTER(STRSTARTS(STR(?c), STR(ckr:claim-draft-farrukh-standoff))) } } ORDER BY ?c",
                           prefixes=PREFIXES).dicts()
    finally:
        store.close()
    return {str(r["c"].value).rsplit("/", 1)[-1]: str(r["s"].value).rsplit("/", 1)[-1] for r in rows}


def draft_in_browser(page: Any, base: str) -> None:
    page.goto(base + "/curate")
    page.set_input_files("#article-file", str(ARTICLE))
    page.wait_for_function("document.getElementById('article').value.length > 100", timeout=10_000)
    page.fill("#url", "https://example.org/news/farrukh-standoff")
    page.fill("#published", "2022-03-26")
    page.click("#draft-button")
    page.wait_for_url(re.compile(r"/curate/review/[0-9a-f]+$"), timeout=120_000)


def test_draft_edit_save_validate_build(page: Any, curate_server: str, data_copy: Resources,
                                        tmp_path: Path) -> None:
    draft_in_browser(page, curate_server)
    assert page.locator("article.claim").count() == 5
    evidence = page.locator("#claim-2 .evidence mark").inner_text()
    assert evidence.startswith("Azerbaijan's Defence Ministry on Sunday rejected")
    assert page.locator("#c1-stance").input_value() == "denies"
    page.select_option("#c1-stance", "interprets")  # change a stance
    page.uncheck("#c4-keep")  # drop the last claim
    page.fill("#file-name", "2022-03-26-farrukh-reviewed.trig")
    page.click("#save-button")
    page.wait_for_selector("#validation", timeout=300_000)
    assert page.locator("#validation").get_attribute("data-conforms") == "yes"
    assert "The file conforms" in page.locator("#validation").inner_text()
    saved = data_copy.data_dir / "incidents" / "2022-03-26-farrukh-reviewed.trig"
    assert str(saved) in page.locator("#saved-file").inner_text()

    build_store(tmp_path / "store", data_copy, reason=True)  # the build takes the saved file in
    assert stances_in(tmp_path / "store") == {
        "claim-draft-farrukh-standoff-1": "stance-alleges", "claim-draft-farrukh-standoff-2": "stance-interprets",
        "claim-draft-farrukh-standoff-3": "stance-counter-alleges", "claim-draft-farrukh-standoff-4": "stance-reports"}
