"""``conflictkg release DIR``, run as a user would, and the release read back."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest

from conflictkg import __version__
from conflictkg.build import Staged
from conflictkg.errors import InputError
from conflictkg.release import write_release
from conflictkg.resources import Resources
from conflictkg.store.directory import open_store
from conflictkg.store.oxigraph import OxigraphStore

from tests.conftest import REPO, run_cli

VOID = "http://rdfs.org/ns/void#"


@pytest.fixture(scope="module")
def store_dir(shipped_store_dir: Path) -> Path:
    return shipped_store_dir


@pytest.fixture(scope="module")
def released(store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("releases") / "conflictkg-2026-12-02"
    proc = run_cli("release", str(out), "--date", "2026-12-02", store=store_dir)
    assert proc.returncode == 0, proc.stderr
    assert "sha256sum -c SHA256SUMS" in proc.stderr
    return out


def test_release_has_every_file_and_its_checksums_verify(released: Path) -> None:
    names = sorted(p.name for p in released.iterdir())
    assert {"conflictkg.nq", "conflictkg.trig", "conflictkg.jsonld", "context.jsonld", "void.ttl", "catalog.ttl",
            "CITATION.cff", "CHANGES.md", "changes.csv", "SHA256SUMS", "claims.csv", "events.csv",
            "casualty-figures.csv", "sources.csv", "places.csv", "norms.csv", "csv-metadata.json", "places.geojson",
            "network-allegations.gexf", "network-whole.graphml"} <= set(names)
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


def canonical(quads) -> set[str]:
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return {str(q) for q in dataset}


def test_jsonld_reads_back_as_the_same_quads_with_a_typed_compact_context(released: Path) -> None:
    nq = ox.parse(path=str(released / "conflictkg.nq"), format=ox.RdfFormat.N_QUADS)
    jsonld = list(ox.parse(path=str(released / "conflictkg.jsonld"), format=ox.RdfFormat.JSON_LD))
    assert canonical(jsonld) == canonical(nq) and len(jsonld) > 10_000
    document = json.loads((released / "conflictkg.jsonld").read_text(encoding="utf-8"))
    context = json.loads((released / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert document["@context"] == context
    assert context["ckr"] == "https://w3id.org/conflictkg/resource/"
    assert context["claimDate"] == {"@id": "ck:claimDate", "@type": "xsd:date"}
    assert context["claimant"] == {"@id": "ck:claimant", "@type": "@id"}
    claims = next(g for g in document["@graph"] if g["@id"] == "ckg:claims")["@graph"]
    assert any("ck:Claim" in node.get("@type", []) and "claimDate" in node for node in claims)


def test_catalog_describes_every_other_file_with_size_and_checksum(released: Path) -> None:
    dcat, spdx = "http://www.w3.org/ns/dcat#", "http://spdx.org/rdf/terms#"
    triples = list(ox.parse(path=str(released / "catalog.ttl"), format=ox.RdfFormat.TURTLE,
                            base_iri=released.as_uri() + "/"))
    def values(subject, prop: str) -> list:
        return [t.object for t in triples if t.subject == subject and t.predicate == ox.NamedNode(prop)]
    dataset = ox.NamedNode("https://w3id.org/conflictkg/release/2026-12-02")
    assert values(dataset, "http://purl.org/dc/terms/issued")[0].value == "2026-12-02"
    assert values(dataset, dcat + "version")[0].value == __version__
    described = {}
    for dist in values(dataset, dcat + "distribution"):
        (url,) = values(dist, dcat + "downloadURL")
        path = Path(url.value.removeprefix("file://"))
        (checksum,) = values(dist, spdx + "checksum")
        described[path.name] = (int(values(dist, dcat + "byteSize")[0].value),
                                values(checksum, spdx + "checksumValue")[0].value, values(dist, dcat + "mediaType"))
        assert path.parent == released and path.is_file()
        data = path.read_bytes()
        assert described[path.name][:2] == (len(data), hashlib.sha256(data).hexdigest()), path.name
    assert set(described) == {p.name for p in released.iterdir()} - {"catalog.ttl", "SHA256SUMS"}
    assert described["claims.csv"][2] == [ox.NamedNode("https://www.iana.org/assignments/media-types/text/csv")]
    assert "<https://w3id.org/conflictkg/release/2026-12-02/" not in (released / "catalog.ttl").read_text()


def test_citation_and_first_release_changes(released: Path) -> None:
    citation = (released / "CITATION.cff").read_text(encoding="utf-8")
    assert f'version: "{__version__}"' in citation and 'date-released: "2026-12-02"' in citation
    def rest(text: str) -> list[str]:
        return [line for line in text.splitlines() if not line.startswith(("version:", "date-released:"))]
    assert rest(citation) == rest((REPO / "CITATION.cff").read_text(encoding="utf-8")) and len(rest(citation)) > 5
    assert "First release" in (released / "CHANGES.md").read_text(encoding="utf-8")
    assert (released / "changes.csv").read_bytes() == b"change,claim,claim_label\r\n"


# --------------------------------------------------------------------------- changes against a previous release

CKG, CKR, CK = "https://w3id.org/conflictkg/graph/", "https://w3id.org/conflictkg/resource/", \
    "https://w3id.org/conflictkg/ontology#"


def fixture_quads(staged: Staged, claims: list[str]) -> list[ox.Quad]:
    """The ontology, vocabularies and reference data with only ``claims`` (and their content graphs)."""
    graphs = {CKG + c.removeprefix(CKR) for c in claims}
    return [q for q in staged.quads if q.graph_name.value in (CKG + "ontology", CKG + "vocab", CKG + "reference")
            or q.graph_name.value in graphs or (q.graph_name.value == CKG + "claims" and q.subject.value in claims)]


@pytest.fixture(scope="module")
def two_releases(staged: Staged, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    claims = sorted({q.subject.value for q in staged.quads if q.graph_name.value == CKG + "claims"
                     and q.predicate.value.endswith("#hasContent")})[:4]
    removed, changed, kept, added = claims
    old = fixture_quads(staged, [removed, changed, kept])
    new = fixture_quads(staged, [changed, kept, added])
    content = ox.NamedNode(CKG + changed.removeprefix(CKR))
    new.append(ox.Quad(ox.NamedNode(CKR + "event-test-added"), ox.NamedNode(CK + "edtf"), ox.Literal("2021"), content))
    base = tmp_path_factory.mktemp("two-releases")
    write_release(OxigraphStore.create(None, old), Resources(REPO), base / "old", "2026-11-01")
    write_release(OxigraphStore.create(None, new), Resources(REPO), base / "new", "2026-12-02", previous=base / "old")
    return base / "old", base / "new"


def test_changes_list_the_claim_added_changed_and_removed(two_releases, staged: Staged) -> None:
    _old, new = two_releases
    claims = sorted({q.subject.value for q in staged.quads if q.graph_name.value == CKG + "claims"
                     and q.predicate.value.endswith("#hasContent")})[:4]
    rows = list(csv.DictReader(io.StringIO((new / "changes.csv").read_text(encoding="utf-8"), newline="")))
    assert [(r["change"], r["claim"]) for r in rows] == [("added", claims[3]), ("changed", claims[1]),
                                                          ("removed", claims[0])]
    assert all(r["claim_label"] for r in rows)
    text = (new / "CHANGES.md").read_text(encoding="utf-8")
    assert "released 2026-11-01, directory old" in text and "| claims | 1 | 1 | 1 | 3 |" in text
    assert "| incidents | 0 | 0 | 0 |" in text and "| sources | 0 | 0 | 0 |" in text
    assert f"## Claims changed (1)\n\n- <{claims[1]}>" in text


def test_changes_are_deterministic_and_need_a_real_previous_release(two_releases, staged, tmp_path: Path) -> None:
    old, new = two_releases
    quads = list(ox.parse(path=str(new / "conflictkg.nq"), format=ox.RdfFormat.N_QUADS))
    again = write_release(OxigraphStore.create(None, quads), Resources(REPO), tmp_path / "again", "2026-12-02",
                          previous=old)
    for name in again.files:
        assert (again.directory / name).read_bytes() == (new / name).read_bytes(), name
    with pytest.raises(InputError, match="not a release directory"):
        write_release(OxigraphStore.create(None, quads), Resources(REPO), tmp_path / "x", previous=tmp_path)
    assert not (tmp_path / "x").exists()


def test_release_refuses_a_previous_release_that_is_not_one(store_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "conflictkg.nq").write_text("<urn:a> <urn:b> <urn:c> .\n")
    (tmp_path / "old" / "SHA256SUMS").write_text("0" * 64 + "  conflictkg.nq\n")
    proc = run_cli("release", str(tmp_path / "r"), "--previous", str(tmp_path / "old"), store=store_dir)
    assert proc.returncode == 1 and "does not match its SHA256SUMS" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli("release", str(tmp_path / "r"), "--previous", str(tmp_path / "nowhere"), store=store_dir)
    assert proc.returncode == 1 and "not a release directory" in proc.stderr and not (tmp_path / "r").exists()
