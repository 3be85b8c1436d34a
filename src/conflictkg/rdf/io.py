"""Read RDF files into quads, with errors that name the file and line, and write RDF out."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from conflictkg.errors import InputError

FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
}

EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


@dataclass(frozen=True)
class SourceFile:
    """A file to load and, for triple formats, the named graph its triples go to."""

    path: Path
    graph: str | None = None


def read_quads(source: SourceFile) -> list[ox.Quad]:
    """Parse one file into quads.

    Turtle/N-Triples go to ``source.graph``; TriG/N-Quads keep their own graphs, and a triple
    outside any named graph is an error (conflictkg data lives in named graphs).

    Raises:
        InputError: unreadable file, unknown extension, syntax error (with line and column),
            or a default-graph triple in a quad file.
    """
    path = source.path
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"unknown RDF file type {path.suffix!r}", str(path),
                         hint="use .ttl, .trig, .nt or .nq")
    _check_regular_file(path)
    try:
        quads = list(ox.parse(path=str(path), format=fmt))
    except SyntaxError as exc:
        raise InputError(f"syntax error: {exc.msg}", str(path), exc.lineno) from exc
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read: {exc}", str(path)) from exc
    if fmt.supports_datasets:
        _reject_default_graph(quads, path)
    elif source.graph:
        graph = ox.NamedNode(source.graph)
        quads = [ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads]
    return quads


BOM = b"\xef\xbb\xbf"

#: what a path that is not a regular file is, by ``stat`` file type
_NOT_REGULAR = ((stat.S_ISDIR, "is a directory, not a file"),
                (stat.S_ISFIFO, "is not a regular file (a FIFO, or named pipe)"),
                (stat.S_ISSOCK, "is not a regular file (a socket)"),
                (stat.S_ISCHR, "is not a regular file (a character device)"),
                (stat.S_ISBLK, "is not a regular file (a block device)"))


def _check_regular_file(path: Path) -> None:
    """Say what ``path`` is when it is not a readable regular file, without ever opening it first
    (opening a FIFO would wait for a writer forever); then refuse a UTF-8 byte-order mark, which
    Turtle forbids and which the parser would report as an invisible "\\ufeff" character."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise InputError(_stat_problem(path, exc), str(path)) from exc
    for test, what in _NOT_REGULAR:
        if test(mode):
            raise InputError(what, str(path), hint="remove it from data/ or give a regular RDF file")
    try:
        with path.open("rb") as stream:
            head = stream.read(len(BOM))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from exc
    if head == BOM:
        raise InputError("starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM", str(path), 1,
                         hint="most editors offer 'UTF-8' next to 'UTF-8 with BOM' when saving; or run "
                              "sed -i '1s/^\\xEF\\xBB\\xBF//' on the file")


def _stat_problem(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "is a symlink loop (a link that leads back to itself)"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"is a symlink to {os.readlink(path)}, which does not exist"
    if exc.errno == errno.ENOENT:
        return "file not found"
    if exc.errno == errno.EACCES:
        return "cannot read: permission denied"
    return f"cannot read: {exc.strerror or exc}"


def _reject_default_graph(quads: Iterable[ox.Quad], path: Path) -> None:
    stray = [q for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    if stray:
        first = stray[0]
        raise InputError(
            f"{len(stray)} triple(s) outside any named graph, first: {first.subject} {first.predicate} …",
            str(path),
            hint="wrap them in a graph block, e.g. ckg:reference { … } or ckg:claims { … }",
        )


def read_files(sources: Iterable[SourceFile]) -> list[tuple[Path, list[ox.Quad]]]:
    """Parse every file, keeping each file's quads apart (checks that name the file need them)."""
    return [(source.path, read_quads(source)) for source in sources]


def merge(parsed: Iterable[tuple[Path, list[ox.Quad]]]) -> tuple[list[ox.Quad], dict[str, str]]:
    """All quads of :func:`read_files`, and per subject IRI the first file that describes it."""
    quads: list[ox.Quad] = []
    origin: dict[str, str] = {}
    for path, file_quads in parsed:
        quads += file_quads
        note_origins(origin, path, file_quads)
    return quads, origin


def note_origins(origin: dict[str, str], path: Path, quads: Iterable[ox.Quad]) -> None:
    """Set ``origin[iri] = str(path)`` for each subject IRI of ``quads`` not in ``origin`` yet (the file's
    name is one string shared by all its subjects)."""
    name = str(path)
    for q in quads:
        if isinstance(q.subject, ox.NamedNode):
            origin.setdefault(q.subject.value, name)


def read_all(sources: Iterable[SourceFile]) -> tuple[list[ox.Quad], dict[str, str]]:
    """Parse every file; return all quads and, per subject IRI, the first file that describes it."""
    return merge(read_files(sources))


def literal_lines(path: Path, lexical: str, datatype: str) -> list[int]:
    """Lines of ``path`` where ``"lexical"^^datatype`` is written (full IRI or any prefix), in
    file order: parsers give no positions for well-formed triples, so an ill-typed literal is
    found again in the text. Escaped or long-quoted forms are not found (an empty list)."""
    local = re.escape(datatype.rsplit("#", 1)[-1].rsplit("/", 1)[-1])
    pattern = re.compile(r"([\"'])" + re.escape(lexical) + r"\1\s*\^\^\s*(?:<" + re.escape(datatype)
                         + r">|[\w.-]*:" + local + r"(?![\w.:-]))")
    text = path.read_text(encoding="utf-8", errors="replace")
    return [text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)]


def serialize(quads: Iterable[ox.Quad], fmt: str, prefixes: dict[str, str]) -> bytes:
    """Serialize quads in a deterministic order; triple formats get the union of all graphs."""
    rdf_format = EXPORT_FORMATS[fmt]
    data: list[ox.Quad] | list[ox.Triple]
    if rdf_format.supports_datasets:
        data = sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    else:
        data = sorted({q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox.serialize(data, format=rdf_format, prefixes=prefixes) or b""
