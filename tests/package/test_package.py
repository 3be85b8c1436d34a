"""The wheel ships the ontology, shapes, data and queries, and runs from another directory."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)],
                   check=True, capture_output=True, text=True)
    (whl,) = out.glob("conflictkg-*.whl")
    return whl


@pytest.mark.slow
def test_wheel_contains_shipped_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"conflictkg/_data/ontology/conflictkg.ttl", "conflictkg/_data/ontology/shapes.ttl",
                "conflictkg/_data/ontology/alignments.ttl", "conflictkg/_data/CITATION.cff", "conflictkg/cli.py",
                "conflictkg/py.typed"}
    expected |= {f"conflictkg/_data/queries/{p.relative_to(REPO / 'queries')}" for p in (REPO / "queries").rglob("*.rq")}
    expected |= {f"conflictkg/_data/data/{p.relative_to(REPO / 'data')}" for p in (REPO / "data").rglob("*.trig")}
    expected |= {f"conflictkg/_data/ontology/vocab/{p.name}" for p in (REPO / "ontology" / "vocab").glob("*.ttl")}
    web = REPO / "src" / "conflictkg" / "web"
    shipped = [*web.glob("templates/*.html"), *(p for p in web.glob("static/**/*") if p.is_file())]  # + vendor/
    expected |= {f"conflictkg/web/{p.relative_to(web)}" for p in shipped}
    network = REPO / "src" / "conflictkg" / "network" / "templates"
    expected |= {f"conflictkg/network/templates/{p.name}" for p in network.iterdir()}
    assert expected <= names, sorted(expected - names)


@pytest.mark.slow
def test_wheel_carries_the_mit_licence(wheel: Path) -> None:
    """The licence text travels with the code: the wheel's metadata holds LICENSE and names MIT."""
    archive = zipfile.ZipFile(wheel)
    (licence,) = [n for n in archive.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
    assert archive.read(licence).decode("utf-8") == (REPO / "LICENSE").read_text(encoding="utf-8")
    assert "Copyright (c) 2026 the conflictkg authors" in archive.read(licence).decode("utf-8")
    (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    assert "License-Expression: MIT" in archive.read(metadata).decode("utf-8")


@pytest.mark.slow
def test_installed_wheel_runs_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import sys; sys.path.insert(0, sys.argv[1]); sys.argv = ['conflictkg'] + sys.argv[2:];"
            "import conflictkg.resources as r; assert '_data' in str(r.default_resources().root);"
            "from conflictkg.cli import main; main()")
    store = tmp_path / "store"
    proc = subprocess.run([sys.executable, "-c", code, str(site), "--store", str(store), "query",
                           "graph-sizes", "--format", "csv"],
                          cwd=elsewhere, capture_output=True, text=True, check=False, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "/graph/reference" in proc.stdout
    assert list(elsewhere.iterdir()) == []  # nothing written into the working directory
