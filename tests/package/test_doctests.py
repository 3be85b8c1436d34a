"""The examples in the library's docstrings are run, so they cannot go stale.

Every module of ``src/conflictkg`` is imported and its doctests run (``__main__`` is left out:
importing it runs the command line).
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "conflictkg"


def module_names() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


@pytest.mark.parametrize("name", module_names())
def test_doctests_pass(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def test_the_library_has_examples() -> None:
    """The collection above finds the examples (a wrong path would run none and pass). Counted, not
    run again: the examples of ``api`` build a store."""
    finder = doctest.DocTestFinder()
    found = sum(len(t.examples) for n in module_names() for t in finder.find(importlib.import_module(n)))
    assert found >= 14  # 13 examples of the original modules and one of audit
