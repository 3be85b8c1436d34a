"""``conflictkg release DIR``: a dated, citable release of the dataset, byte for byte reproducible.

A release directory holds the dataset as canonical N-Quads, TriG (named graphs kept, blank nodes
relabelled canonically, quads sorted) and JSON-LD with a compact context (:mod:`.jsonld`), every
download of :mod:`conflictkg.exports` (CSV tables with CSVW metadata, GeoJSON, graph files), a VoID
description (``void.ttl``), a DCAT catalog of its files (:mod:`.catalog`), ``CITATION.cff``, the
changes against the previous release (:mod:`.changes`) and ``SHA256SUMS``. The same store, release
date and previous release give byte-identical files. It is written whole or not at all: into a
temporary sibling directory, renamed into place at the end.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from conflictkg import __version__, exports
from conflictkg.errors import InputError
from conflictkg.exports.csvw import LICENCE
from conflictkg.release import catalog, changes, jsonld
from conflictkg.rdf.namespaces import PREFIXES
from conflictkg.resources import Resources
from conflictkg.sparql.queries import load_library, run
from conflictkg.store import Store

NQUADS, TRIG, VOID_FILE, SUMS = "conflictkg.nq", "conflictkg.trig", "void.ttl", "SHA256SUMS"
RELEASE_BASE = "https://w3id.org/conflictkg/release/"
VOID = "http://rdfs.org/ns/void#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class Release:
    """What :func:`write_release` wrote: the directory, its files (sorted) and the quad count."""

    directory: Path
    files: tuple[str, ...]
    quads: int


def canonical_quads(store: Store) -> list[ox.Quad]:
    """Every quad of the store, blank nodes relabelled canonically (pyoxigraph's canonicalization),
    sorted by their N-Quads text."""
    dataset = ox.Dataset(store.quads())
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(dataset, key=str)


def nquads(quads: list[ox.Quad]) -> bytes:
    return "".join(f"{q} .\n" for q in quads).encode("utf-8")


def trig(quads: list[ox.Quad]) -> bytes:
    ordered = sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=PREFIXES) or b""


def checked_date(date: str | None) -> str:
    """``date`` (``YYYY-MM-DD``) checked, or today's date (UTC).

    Raises:
        InputError: not a calendar date.
    """
    if date is None:
        return datetime.datetime.now(datetime.UTC).date().isoformat()
    try:
        return datetime.date.fromisoformat(date).isoformat() if len(date) == 10 else _bad_date(date)
    except ValueError:
        return _bad_date(date)


def _bad_date(date: str) -> str:
    raise InputError(f"{date!r} is not a release date", hint="give the date as YYYY-MM-DD, e.g. --date 2026-12-02")


def void(store: Store, resources: Resources, quads: list[ox.Quad], date: str, files: list[str]) -> bytes:
    """The VoID description of the release (a void:Dataset with its size, classes, licence, version)."""
    dataset = ox.NamedNode(f"{RELEASE_BASE}{date}")
    classes = run(store, load_library(resources.exports_queries_dir)["class-partitions"]).rows
    triples = [(RDF_TYPE, ox.NamedNode(VOID + "Dataset")),
               (ox.NamedNode(DCT + "title"), ox.Literal(f"conflictkg {__version__} ({date})", language="en")),
               (ox.NamedNode(DCT + "description"), ox.Literal(
                   "Claims about compliance with the 9/10 November 2020 Nagorno-Karabakh trilateral statement: "
                   "who claimed what, when, where it was published, and the reference data they are about.",
                   language="en")),
               (ox.NamedNode(DCT + "license"), ox.NamedNode(LICENCE)),
               (ox.NamedNode("http://www.w3.org/2002/07/owl#versionInfo"), ox.Literal(__version__)),
               (ox.NamedNode(DCT + "hasVersion"), ox.Literal(__version__)),
               (ox.NamedNode(DCT + "issued"), ox.Literal(date, datatype=ox.NamedNode(XSD + "date"))),
               (ox.NamedNode(DCT + "bibliographicCitation"), ox.Literal(
                   f"conflictkg contributors. conflictkg: claims about the 9/10 November 2020 Nagorno-Karabakh "
                   f"statement, version {__version__}, released {date}. {dataset.value}")),
               (ox.NamedNode(VOID + "triples"), ox.Literal(len(quads))),
               (ox.NamedNode(VOID + "classes"), ox.Literal(len(classes))),
               (ox.NamedNode(VOID + "properties"), ox.Literal(len({q.predicate for q in quads}))),
               (ox.NamedNode(VOID + "uriSpace"), ox.Literal(PREFIXES["ckr"])),
               (ox.NamedNode(VOID + "vocabulary"), ox.NamedNode(PREFIXES["ck"]))]
    triples += [(ox.NamedNode(VOID + "dataDump"), ox.NamedNode(f"{dataset.value}/{name}")) for name in files]
    parts = [ox.NamedNode(f"{dataset.value}#class-{i + 1}") for i in range(len(classes))]
    triples += [(ox.NamedNode(VOID + "classPartition"), part) for part in parts]
    out = [ox.Triple(dataset, p, o) for p, o in triples]
    for part, (cls, entities) in zip(parts, classes):
        out += [ox.Triple(part, ox.NamedNode(VOID + "class"), cls),  # type: ignore[arg-type]
                ox.Triple(part, ox.NamedNode(VOID + "entities"), entities)]  # type: ignore[arg-type]
    prefixes = {"void": VOID, "dcterms": DCT, "owl": "http://www.w3.org/2002/07/owl#", "xsd": XSD,
                "ck": PREFIXES["ck"]}
    return ox.serialize(out, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b""


def checksums(files: dict[str, bytes]) -> bytes:
    """``sha256sum`` format: one ``<hex>  <name>`` line per file, by name (``sha256sum -c`` reads it)."""
    return "".join(f"{hashlib.sha256(files[n]).hexdigest()}  {n}\n" for n in sorted(files)).encode("ascii")


def previous_release(directory: Path) -> tuple[list[ox.Quad], str]:
    """The quads of the release in ``directory`` and how to name it (its issue date from its VoID, and
    the directory's name).

    Raises:
        InputError: ``directory`` holds no intact release.
    """
    quads = changes.read_previous(directory)
    issued = ""
    if (directory / VOID_FILE).is_file():
        dates = sorted(t.object.value for t in ox.parse(path=str(directory / VOID_FILE), format=ox.RdfFormat.TURTLE)
                       if t.predicate.value == DCT + "issued")
        issued = f"released {dates[0]}, " if dates else ""
    return quads, f"{issued}directory {directory.name}"


def release_files(store: Store, resources: Resources, date: str,
                  previous: tuple[list[ox.Quad], str] | None = None) -> dict[str, bytes]:
    """Every file of the release by name, in memory (``previous``: the last release, for the changes)."""
    quads = canonical_quads(store)
    files = {NQUADS: nquads(quads), TRIG: trig(quads), **jsonld.files(quads)}
    files.update(exports.build_all(store, resources, date))
    files[catalog.CITATION] = catalog.citation(resources, date)
    old, name = previous if previous is not None else (None, None)
    files.update(changes.changes(quads, old, __version__, date, name))
    files[VOID_FILE] = void(store, resources, quads, date, sorted(files))
    media = {name: info.media_type for name, info in exports.DOWNLOADS.items()}
    files[catalog.FILE] = catalog.catalog(RELEASE_BASE, date, LICENCE, files, media)
    files[SUMS] = checksums(files)
    return files


def write_release(store: Store, resources: Resources, directory: Path, date: str | None = None,
                  previous: Path | None = None) -> Release:
    """Write the release dated ``date`` (default today, UTC) into ``directory``, which must not
    exist or be empty; ``previous``: the directory of the last release, to list the changes since.

    Raises:
        InputError: a bad date, a directory that is not empty or cannot be written, a previous
            release that is not one.
    """
    date = checked_date(date)
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise InputError("the release directory exists and is not empty", path=str(directory),
                         hint="give a new directory, e.g. releases/conflictkg-" + date)
    files = release_files(store, resources, date, previous_release(previous) if previous is not None else None)
    tmp = directory.with_name(f".{directory.name}.tmp-{os.getpid()}")
    try:
        tmp.mkdir(parents=True)
        for name, data in files.items():
            (tmp / name).write_bytes(data)
        if directory.exists():
            directory.rmdir()
        os.replace(tmp, directory)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise InputError(f"cannot write the release: {exc.strerror or exc}", path=str(directory),
                         hint="give a directory in a writable place") from exc
    return Release(directory, tuple(sorted(files)), files[NQUADS].count(b"\n"))
