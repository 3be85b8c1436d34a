"""conflictkg: a knowledge graph of claims about the 9/10 November 2020 trilateral statement.

The library is the product; the ``conflictkg`` command is a thin skin over it, and so is
``conflictkg.open()`` for Python and notebooks (:mod:`conflictkg.api`), loaded on first use so that
``import conflictkg`` stays instant (it imports nothing else).
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

__all__ = ["__version__", "open"]


def __getattr__(name: str) -> object:
    """``conflictkg.open`` is :func:`conflictkg.api.open`, imported when first asked for (PEP 562)."""
    if name == "open":
        return importlib.import_module("conflictkg.api").open
    raise AttributeError(f"module 'conflictkg' has no attribute {name!r}")
