"""``conflictkg queries``: every question with its parameters, optional ones with their defaults."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli


def listing(store: Path) -> dict[str, list[str]]:
    """Query id -> the tab-separated fields after it, as the command prints them."""
    proc = run_cli("queries", store=store)
    assert proc.returncode == 0, proc.stderr
    return {line.split("\t")[0]: line.split("\t")[1:] for line in proc.stdout.splitlines()}


def test_optional_parameters_show_their_defaults(tmp_path: Path) -> None:
    """A required parameter is ``name:type``; an optional one names the value used when it is left out."""
    rows = listing(tmp_path / "unused-store")
    assert rows["clause-version-differences"][1] == (
        "clause_number:integer, agreement:iri=ckr:agreement-tri2020 (default)")
    assert rows["clause-norms"][1] == "agreement:iri=ckr:agreement-tri2020 (default)"
    assert rows["incident-thread"][1] == "incident:iri"
    assert rows["graph-sizes"][1] == ""


def test_listing_needs_no_store(tmp_path: Path) -> None:
    """Listing reads the .rq headers only: it neither builds nor touches a store."""
    listing(tmp_path / "never-made")
    assert not (tmp_path / "never-made").exists()
