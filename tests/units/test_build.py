"""The build: validates before it publishes, and a failed build leaves the store as it was."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from conflictkg import build
from conflictkg.build import Staged, build_store, check
from conflictkg.errors import DataNotConformant, InputError, OntologyError
from conflictkg.rdf.io import serialize
from conflictkg.resources import Resources
from conflictkg.store import directory as storedir
from conflictkg.store.oxigraph import OxigraphStore

from tests.conftest import REPO, UNSOURCED_CLAIM


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
    assert len(list(store_dir.glob("db-*"))) == 1, "the generation it staged and validated is removed"


def test_failure_after_staging_removes_the_new_generation(built_copy: tuple[Resources, Path],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Reasoning runs after the data is staged on disk: its failure too leaves the store as it was."""
    res, store_dir = built_copy
    before = _snapshot(store_dir)
    published = storedir.current_path(store_dir).resolve()

    def broken(_staged: Staged) -> None:
        raise OntologyError("inconsistent (test)")

    monkeypatch.setattr(build, "reason_staged", broken)
    with pytest.raises(OntologyError):
        build_store(store_dir, res, reason=True)
    assert list(store_dir.glob("db-*")) == [published]
    assert _snapshot(store_dir) == before


def test_build_validates_the_generation_it_publishes(built_copy: tuple[Resources, Path],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The check queries run while the data is staged in the new generation, which is then published
    as it is (the data is written once, not staged in memory and written again)."""
    res, store_dir = built_copy
    old = storedir.current_path(store_dir).resolve()
    staged_at: list[list[Path]] = []
    real = build.run_checks

    def spy(store: OxigraphStore, *args: Any) -> Any:
        staged_at.append([g for g in store_dir.glob("db-*") if g != old and (g / "CURRENT").is_file()])
        return real(store, *args)

    monkeypatch.setattr(build, "run_checks", spy)
    build_store(store_dir, res, reason=False)
    assert staged_at == [[storedir.current_path(store_dir).resolve()]]


def test_check_alone_writes_nothing(tmp_path: Path) -> None:
    res = _copy_checkout(tmp_path / "root")
    staged, result = check(res, reason=False)
    assert result.store_dir is None and result.quads == len(staged.store) > 0  # each quad the store holds, once
    assert staged.count >= result.quads  # the parse counts a quad once per file stating it
    assert [p.name for p in tmp_path.iterdir()] == ["root"]


def test_new_generation_is_removed_when_the_block_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), storedir.new_generation(tmp_path) as gen:
        quad = ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("o"))
        storedir.seal(OxigraphStore.create(gen, [quad]))
        assert gen.is_dir()
        raise RuntimeError("late failure")
    assert not gen.exists() and list(tmp_path.iterdir()) == []
