"""What the benchmark processes share: the quads a build would store, the query library, the size
of an answer and the peak memory. ``run.py`` and its rdflib worker (``rdflib_server.py``) both use
it, so neither imports the other for these.
"""

from __future__ import annotations

import resource
from pathlib import Path


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def derived(quads: list) -> list:
    """The graphs the build derives from the sources (the ``ckg:index`` name keys)."""
    from conflictkg.names import name_index

    return name_index(quads)


def build_quads(path: Path) -> list:
    """What a build would store for ``path``: its quads plus the derived graphs (no validation)."""
    from conflictkg.rdf.io import SourceFile, read_all

    quads, _origin = read_all([SourceFile(path)])
    return quads + derived(quads)


def library():
    from conflictkg.resources import default_resources
    from conflictkg.sparql.queries import load_library

    return load_library(default_resources().queries_dir)


def result_size(res) -> int:  # a conflictkg Result
    if res.kind == "select":
        return len(res.rows)
    if res.kind == "graph":
        return len(res.triples)
    return int(bool(res.boolean))
