"""The hostile-input suite's common pieces: one case shape and a fingerprint of a published store.

Every table in ``tests/hostile/`` lists :class:`Case` rows: an input, the exit code (CLI) or HTTP
status (endpoint, pages) it must get, and a fragment the message must contain. Cases that touch a
store also check, with :func:`fingerprint`, that the published store is exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox


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


def fingerprint(store_dir: Path) -> str:
    """SHA-256 over the published generation's name and its sorted N-Quads.

    Equal fingerprints mean the same generation is published with the same content. Blank-node
    labels are stable within one generation, so a store that was not rebuilt keeps its fingerprint.
    """
    current = store_dir / "current"
    if not current.is_symlink():
        return "no store"
    target = os.readlink(current)
    store = ox.Store.read_only(str(current.resolve()))
    try:
        lines = sorted(str(quad) for quad in store)
    finally:
        del store
    digest = hashlib.sha256(target.encode())
    for line in lines:
        digest.update(line.encode())
        digest.update(b"\n")
    return digest.hexdigest()


def ids(cases: list[Case]) -> list[str]:
    """pytest ids for a table."""
    return [case.id for case in cases]
