"""The build: validates before it publishes, and a failed build leaves the store as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conflictkg import storedir
from conflictkg.build import build_store
from conflictkg.errors import DataNotConformant, InputError
from conflictkg.resources import Resources
from conflictkg.rdfio import serialize

from .conftest import REPO, UNSOURCED_CLAIM


def _copy_checkout(dst: Path) -> Resources:
    for name in ("ontology", "queries", "data"):
        shutil.copytree(REPO / name, dst / name)
    return Resources(dst)


def _snapshot(store_dir: Path) -> bytes:
    store = storedir.open_store(store_dir)
    try:
        return serialize(store.quads(), "nquads", {})
    finally:
        store.close()


@pytest.fixture
def built_copy(tmp_path: Path) -> tuple[Resources, Path]:
    res = _copy_checkout(tmp_path / "root")
    store_dir = tmp_path / "store"
    build_store(store_dir, res, reason=False)
    return res, store_dir


def test_build_publishes_one_generation(built_copy: tuple[Resources, Path]) -> None:
    _res, store_dir = built_copy
    assert storedir.current_path(store_dir).is_symlink()
    assert len(list(store_dir.glob("db-*"))) == 1


def test_malformed_turtle_leaves_store_unchanged(built_copy: tuple[Resources, Path]) -> None:
    res, store_dir = built_copy
    before = _snapshot(store_dir)
    bad = res.data_dir / "incidents" / "broken.trig"
    bad.write_text("@prefix ckg: <https://w3id.org/conflictkg/graph/> .\nckg:claims {\n  <a> <b> .\n}\n",
                   encoding="utf-8")
    with pytest.raises(InputError) as info:
        build_store(store_dir, res, reason=False)
    assert str(bad) in str(info.value) and info.value.line == 3
    assert _snapshot(store_dir) == before
    assert len(list(store_dir.glob("db-*"))) == 1


def test_shacl_violation_leaves_store_unchanged(built_copy: tuple[Resources, Path]) -> None:
    res, store_dir = built_copy
    before = _snapshot(store_dir)
    bad = res.data_dir / "incidents" / "unsourced.trig"
    bad.write_text(
        UNSOURCED_CLAIM,
        encoding="utf-8",
    )
    with pytest.raises(DataNotConformant) as info:
        build_store(store_dir, res, reason=False)
    text = info.value.report.text()  # type: ignore[union-attr]
    assert "ckr:claim-test-unsourced" in text and str(bad) in text
    assert _snapshot(store_dir) == before
