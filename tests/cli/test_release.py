"""``conflictkg release DIR``, run as a user would, and the release read back."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest

from conflictkg.build import build_store
from conflictkg.release import write_release
from conflictkg.resources import Resources
from conflictkg.store.directory import open_store

from tests.conftest import REPO, run_cli

VOID = "http://rdfs.org/ns/void#"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("release-store")
    build_store(path, Resources(REPO), reason=False)
    return path


@pytest.fixture(scope="module")
def released(store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("releases") / "conflictkg-2026-12-02"
    proc = run_cli("release", str(out), "--date", "2026-12-02", store=store_dir)
    assert proc.returncode == 0, proc.stderr
    assert "sha256sum -c SHA256SUMS" in proc.stderr
    return out


def test_release_has_every_file_and_its_checksums_verify(released: Path) -> None:
    names = sorted(p.name for p in released.iterdir())
    assert {"conflictkg.nq", "conflictkg.trig", "void.ttl", "SHA256SUMS", "claims.csv", "places.geojson",
            "network-allegations.gexf"} <= set(names)
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=released, capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    listed = [line.split("  ")[1] for line in (released / "SHA256SUMS").read_text().splitlines()]
    assert listed == sorted(set(names) - {"SHA256SUMS"})


def test_release_dataset_is_the_store_and_void_counts_it(released: Path, store_dir: Path) -> None:
    store = open_store(store_dir)
    try:
        size = len(list(store.quads()))
    finally:
        store.close()
    nq = list(ox.parse(path=str(released / "conflictkg.nq"), format=ox.RdfFormat.N_QUADS))
    trig = list(ox.parse(path=str(released / "conflictkg.trig"), format=ox.RdfFormat.TRIG))
    assert len(nq) == len(trig) == size
    lines = (released / "conflictkg.nq").read_bytes().splitlines()
    assert lines == sorted(lines, key=lambda b: b.decode("utf-8"))
    void = list(ox.parse(path=str(released / "void.ttl"), format=ox.RdfFormat.TURTLE))
    dataset = ox.NamedNode("https://w3id.org/conflictkg/release/2026-12-02")
    def one(prop: str) -> str:
        values = [t.object.value for t in void if t.subject == dataset and t.predicate == ox.NamedNode(prop)]
        assert len(values) == 1, prop
        return values[0]
    assert int(one(VOID + "triples")) == size
    assert one("http://purl.org/dc/terms/license") == "https://creativecommons.org/licenses/by/4.0/"
    assert one("http://purl.org/dc/terms/issued") == "2026-12-02"
    partitions = [t for t in void if t.subject == dataset and t.predicate == ox.NamedNode(VOID + "classPartition")]
    assert int(one(VOID + "classes")) == len(partitions) > 10


def test_release_is_byte_identical_for_the_same_store_and_date(released: Path, store_dir: Path,
                                                              tmp_path: Path) -> None:
    store = open_store(store_dir)
    try:
        again = write_release(store, Resources(REPO), tmp_path / "again", "2026-12-02")
        other_day = write_release(store, Resources(REPO), tmp_path / "later", "2027-01-15")
    finally:
        store.close()
    for name in again.files:
        assert (again.directory / name).read_bytes() == (released / name).read_bytes(), name
    assert (other_day.directory / "conflictkg.nq").read_bytes() == (released / "conflictkg.nq").read_bytes()
    assert (other_day.directory / "void.ttl").read_bytes() != (released / "void.ttl").read_bytes()
    assert hashlib.sha256((released / "claims.csv").read_bytes()).hexdigest() in (released / "SHA256SUMS").read_text()


@pytest.mark.parametrize(("args", "message"), [
    (("--date", "2026-13-45"), "is not a release date"), (("--date", "tomorrow"), "is not a release date")])
def test_release_refuses_a_bad_date(store_dir: Path, tmp_path: Path, args, message) -> None:
    proc = run_cli("release", str(tmp_path / "r"), *args, store=store_dir)
    assert proc.returncode == 1 and message in proc.stderr and not (tmp_path / "r").exists()


def test_release_refuses_a_directory_that_is_not_empty(store_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "keep.txt").write_text("mine")
    proc = run_cli("release", str(tmp_path / "r"), "--date", "2026-12-02", store=store_dir)
    assert proc.returncode == 1 and "exists and is not empty" in proc.stderr
    assert [p.name for p in (tmp_path / "r").iterdir()] == ["keep.txt"]
