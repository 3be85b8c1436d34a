"""Shared fixtures: the checkout's resources, a staged dataset, and a built on-disk store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conflictkg.build import Staged, build_store, check
from conflictkg.rdf.namespaces import PREFIXES
from conflictkg.resources import Resources

REPO = Path(__file__).resolve().parents[1]

#: A SPARQL prologue declaring every prefix of :mod:`conflictkg.rdf.namespaces`: tests that write
#: queries by hand use it instead of restating IRIs.
SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

#: A claim with no claimant, date, stance or source: breaks the SHACL contract in several ways.
UNSOURCED_CLAIM = (
    "@prefix ck: <https://w3id.org/conflictkg/ontology#> .\n"
    "@prefix ckr: <https://w3id.org/conflictkg/resource/> .\n"
    "@prefix ckg: <https://w3id.org/conflictkg/graph/> .\n"
    "ckg:claims { ckr:claim-test-unsourced a ck:Claim . }\n"
)


@pytest.fixture(scope="session")
def res() -> Resources:
    """The checkout's ontology/, queries/ and data/ (not an installed copy)."""
    return Resources(REPO)


@pytest.fixture(scope="session")
def staged(res: Resources) -> Staged:
    """The real dataset, parsed and validated, in an in-memory Oxigraph store."""
    staged, _result = check(res, reason=False)
    return staged


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory, res: Resources) -> Path:
    """A store directory built by the real pipeline, with the OWL consistency check."""
    store_dir = tmp_path_factory.mktemp("store")
    build_store(store_dir, res, reason=True)
    return store_dir


@pytest.fixture(scope="session")
def shipped_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data in a store directory built by the real pipeline without the OWL check (no
    Java needed). Shared by every test session-wide: tests only read it."""
    path = tmp_path_factory.mktemp("shipped-store")
    build_store(path, Resources(REPO), reason=False)
    return path


def run_cli(*args: str, store: Path | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m conflictkg`` as a user would, with the checkout's resources."""
    full_env = dict(os.environ, **(env or {}))
    cmd = [sys.executable, "-m", "conflictkg", "--root", str(REPO)]
    if store is not None:
        cmd += ["--store", str(store)]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, cwd=cwd or REPO,
                          env=full_env, timeout=600, check=False)
