"""The embedded default backend: Oxigraph's store (on disk or in memory) behind the Store protocol.

SPARQL runs on Oxigraph's own engine; parameters are bound as a leading ``VALUES`` block
(:mod:`conflictkg.sparql.binding`) after the guard (:mod:`conflictkg.sparql.guard`) has seen the
query. Oxigraph's refusals become typed errors here: syntax errors with a position and a hint,
corruption and full or read-only disks as :class:`~conflictkg.errors.StoreError`.
"""

from __future__ import annotations

import errno
import itertools
import os
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from conflictkg.errors import QueryError, StoreError
from conflictkg.rdf.terms import Term
from conflictkg.settings import MAX_QUERY_DEPTH
from conflictkg.sparql.binding import bind_values
from conflictkg.sparql.guard import check_query
from conflictkg.store import Result


_POSITION = re.compile(r"error at (\d+):(\d+)")
_PROLOGUE = re.compile(r"\s*(?:(?:PREFIX\s+[^\s:]*:\s*|BASE\s*)<[^>]*>\s*)*", re.I)
_UPDATE = re.compile(r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)
#: A prefixed name ending where Oxigraph's "Prefix not found" error points.
_PREFIXED_END = re.compile(r"([A-Za-z][\w.-]*)?:[^\s:]*$")
READ_ONLY_HINT = "updates are not supported: conflictkg's store is read-only (rebuild with `conflictkg build`)"


def looks_like_update(query: str) -> bool:
    """True when the text, after comments and the prologue, starts with an update keyword."""
    body = re.sub(r"#[^\n]*", " ", query)
    return bool(_UPDATE.match(body, _PROLOGUE.match(body).end()))  # type: ignore[union-attr]


def query_syntax_error(exc: Exception, sparql: str, prefixes: Mapping[str, str] | None = None) -> QueryError:
    """Turn an engine's syntax error into a QueryError naming line, column and the line's text.

    Oxigraph reports an undeclared prefix as "expected one of Prefix not found" followed by
    every character range a name may hold; that becomes "unknown prefix foo:" at the position
    of the prefixed name, with the predeclared ``prefixes`` as the hint.
    """
    text = str(exc)
    match = _POSITION.search(text)
    if not match:
        return QueryError(f"SPARQL syntax error: {text}")
    line, col = int(match.group(1)), int(match.group(2))
    lines = sparql.splitlines() or [""]
    src = lines[line - 1] if 0 < line <= len(lines) else ""
    if "Prefix not found" in text and (name := _PREFIXED_END.search(src[: max(col - 1, 0)])):
        col = name.start() + 1
        return QueryError(f"unknown prefix {name.group(1) or ''}: (line {line}, column {col})\n  {src}\n"
                          f"  {' ' * (col - 1)}^", hint=_prefix_hint(prefixes))
    caret = " " * max(col - 1, 0) + "^"
    return QueryError(f"SPARQL syntax error at line {line}, column {col}: {text}\n  {src}\n  {caret}")


def _prefix_hint(prefixes: Mapping[str, str] | None) -> str:
    declare = "declare it with PREFIX name: <IRI>"
    if not prefixes:
        return declare
    return f"predeclared prefixes: {', '.join(f'{p}:' for p in sorted(prefixes))}; for any other, {declare}"


def is_corruption(exc: BaseException) -> bool:
    """Oxigraph reports a damaged RocksDB file (truncated or overwritten ``.sst``, bad ``MANIFEST``)
    as a ``RuntimeError`` whose message starts with ``Corruption``; any other RuntimeError is a bug."""
    return isinstance(exc, RuntimeError) and str(exc).startswith("Corruption")


def damaged_store(path: Path | str, problem: BaseException | str) -> StoreError:
    """The error for a store whose files are damaged: only a rebuild repairs it."""
    return StoreError(f"the store at {path} is damaged: {problem}",
                      hint="rebuild it with `conflictkg build` (it writes a new generation and replaces the "
                           "damaged one; the data files are not touched)")


def write_failure(path: Path, exc: OSError) -> StoreError:
    """The error for an OS refusal to write under the store directory (full or read-only disk...).

    Oxigraph's errors carry no errno, only RocksDB's text (``IO error: No space left on device``),
    so the hint is chosen on the errno when there is one, else on the standard wording in the text.
    """
    said = f"{exc.strerror or ''} {exc}"
    if exc.errno == errno.ENOSPC or os.strerror(errno.ENOSPC) in said:
        hint = "the disk is full: free some space (a build needs about the size of the store again) or choose another --store"
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) or any(
            os.strerror(code) in said for code in (errno.EROFS, errno.EACCES, errno.EPERM)):
        hint = "the location is not writable: choose another directory with --store (or CONFLICTKG_STORE)"
    else:
        hint = "check that the directory given with --store can be created there and written to"
    return StoreError(f"cannot write {path}: {exc.strerror or exc}", hint=f"{hint}; the published store is unchanged")


#: Quads per chunk of :meth:`OxigraphStore.in_memory_copy`.
COPY_CHUNK = 5000


class OxigraphStore:
    """The embedded default: a pyoxigraph store, on disk (``path``) or in memory (``path`` None)."""

    def __init__(self, inner: ox.Store, path: Path | None = None, max_depth: int = MAX_QUERY_DEPTH) -> None:
        self._inner = inner
        self.path = path
        #: nesting limit of :func:`~conflictkg.sparql.guard.check_query` for every query run here
        self.max_depth = max_depth

    @classmethod
    def open_read_only(cls, path: Path) -> OxigraphStore:
        try:
            return cls(ox.Store.read_only(str(path)), path)
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}",
                             hint="rebuild it with `conflictkg build`") from exc
        except RuntimeError as exc:
            if not is_corruption(exc):
                raise
            raise damaged_store(path, exc) from exc

    @classmethod
    def create(cls, path: Path | None, quads: Iterable[ox.Quad]) -> OxigraphStore:
        """A new store (on disk when ``path`` is given) holding ``quads``.

        Raises:
            StoreError: the disk refused the writes (full, read-only); the caller removes ``path``.
        """
        try:
            inner = ox.Store(str(path)) if path is not None else ox.Store()
        except OSError as exc:
            raise write_failure(path or Path(), exc) from exc
        try:
            inner.bulk_extend(quads)
            if path is not None:
                inner.flush()
        except BaseException as exc:
            del inner  # close the files now, not when the traceback is gone (the caller removes them)
            if isinstance(exc, OSError) and path is not None:
                raise write_failure(path, exc) from exc
            raise
        return cls(inner, path)

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add ``quads`` (a build adds what it derives to the generation it stages).

        Raises:
            StoreError: the disk refused the writes (full, read-only).
        """
        try:
            self._inner.extend(quads)
        except OSError as exc:
            raise write_failure(self.path or Path(), exc) from exc

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Damaged files surface on first read, not at open: say so as a StoreError."""
        try:
            yield
        except RuntimeError as exc:
            if not is_corruption(exc):
                raise
            raise damaged_store(self.path or "(memory)", exc) from exc

    def in_memory_copy(self) -> OxigraphStore:
        """The same quads in a new in-memory store: no disk reads when terms are decoded (the
        library's queries ran 4-6x faster here), at the cost of memory (~0.5 kB per quad).

        Copied :data:`COPY_CHUNK` quads at a time, letting other threads run between chunks: one
        ``bulk_extend`` over the whole store holds the GIL until it ends (20 s at 256,000 quads on
        this machine, during which a server's event loop answered nothing); in chunks the longest
        pause was 0.4 s and the copy took 9 s. Blank nodes keep their identity (no re-parsing)."""
        copy = ox.Store()
        with self._reading():
            quads = self._inner.quads_for_pattern(None, None, None, None)
            while chunk := list(itertools.islice(quads, COPY_CHUNK)):
                copy.extend(chunk)
                time.sleep(0)  # yield the GIL to the other threads
        return OxigraphStore(copy, max_depth=self.max_depth)

    @property
    def native(self) -> ox.Store:
        """The pyoxigraph store (for Oxigraph's own serializers in the web endpoint)."""
        return self._inner

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None,
              prefixes: Mapping[str, str] | None = None) -> Result:
        """Run ``sparql``; ``bindings`` bind variables, ``prefixes`` are predeclared.

        The text is checked first (:func:`~conflictkg.sparql.guard.check_query`): no ``SERVICE``
        (Oxigraph would fetch the URL), no nesting the parser cannot survive.
        """
        check_query(sparql, self.max_depth)
        try:
            with self._reading():
                answer = self._inner.query(bind_values(sparql, bindings), use_default_graph_as_union=True,
                                           prefixes=dict(prefixes) if prefixes else None)
                return _from_oxigraph(answer)
        except SyntaxError as exc:
            if looks_like_update(sparql):
                raise QueryError(READ_ONLY_HINT) from exc
            raise query_syntax_error(exc, sparql, prefixes) from exc
        except (OSError, ValueError) as exc:
            raise QueryError(f"query failed: {exc}") from exc

    def quads(self) -> Iterator[ox.Quad]:
        with self._reading():
            yield from self._inner

    def graph_names(self) -> list[str]:
        with self._reading():
            return sorted(g.value for g in self._inner.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        with self._reading():
            return len(self._inner)

    def close(self) -> None:
        del self._inner


def _from_oxigraph(answer: object) -> Result:
    if isinstance(answer, ox.QuerySolutions):
        # a solution iterates over its values in the order of ``answer.variables`` (None when
        # unbound): one call per row instead of one lookup by name per cell
        return Result("select", [v.value for v in answer.variables], [tuple(sol) for sol in answer])
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    return Result("graph", triples=list(answer))  # type: ignore[call-overload]
