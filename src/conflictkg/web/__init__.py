"""The web skin: the SPARQL 1.1 endpoint (``conflictkg serve``). Imports only downward (core).

``create_app`` is loaded lazily, so query worker processes (which import
:mod:`conflictkg.web.pool`) do not import Starlette.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from conflictkg.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from conflictkg.web.app import create_app

        return create_app
    raise AttributeError(name)
