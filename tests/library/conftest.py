"""The ``ask`` fixture: run a library question on the shipped data (Oxigraph), rows as plain values."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictkg.build import Staged
from conflictkg.sparql.queries import example_params, load_library, run

LIBRARY = load_library(Path(__file__).resolve().parents[2] / "queries")


@pytest.fixture(scope="session")
def ask(staged: Staged):  # noqa: ANN201 - a small closure
    """Run a library query with its example parameters overridden by ``params``."""
    def _ask(query_id: str, **params: str) -> list[dict[str, str]]:
        query = LIBRARY[query_id]
        raw = example_params(query)
        raw.update(params)
        result = run(staged.store, query, raw)
        return [{v: ("" if t is None else str(t.value)) for v, t in zip(result.variables, row, strict=True)}
                for row in result.rows]
    return _ask
