"""Fixtures shared by the web tests: one store of the real data (built once, without the OWL
check, and only read), and a site served over it for each test module that asks for one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serving import serving


@pytest.fixture(scope="session")
def store_dir(shipped_store_dir: Path) -> Path:
    """The shipped data in a store directory (never written to by the tests that use it)."""
    return shipped_store_dir


@pytest.fixture(scope="module")
def site_url(store_dir: Path) -> Iterator[str]:
    """The site over ``store_dir``, one server per test module."""
    with serving(store_dir) as url:
        yield url
