"""The hostile-input suite's common pieces: one case shape and a fingerprint of a published store.

Every table in ``tests/hostile/`` lists :class:`Case` rows: an input, the exit code (CLI) or HTTP
status (endpoint, pages) it must get, and a fragment the message must contain. Cases that touch a
store also check, with :func:`fingerprint`, that the published store is exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from conflictkg.store.directory import fingerprint

__all__ = ["Case", "fingerprint", "ids"]


@dataclass(frozen=True)
class Case:
    """One hostile input and what it must get back."""

    id: str
    #: the input: CLI arguments, a request, a data file's text... (each table says which)
    given: object
    #: exit code (CLI) or HTTP status (web)
    expect: int
    #: a fragment of the message (stderr for the CLI, body for the web); case-sensitive
    says: str


def ids(cases: list[Case]) -> list[str]:
    """pytest ids for a table."""
    return [case.id for case in cases]
