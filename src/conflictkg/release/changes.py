"""A release's changelog against the previous one: ``CHANGES.md`` (for people) and ``changes.csv``.

A claim is *added* or *removed* when its IRI is typed ``ck:Claim`` in one release and not in the other,
and *changed* when any quad about it (it as subject, in any graph) or any quad of its content graph
differs. Blank nodes (OWL-Time instants) are followed from the quads that reach them and relabelled
canonically per claim, so an edit elsewhere does not make an untouched claim look changed. Incidents
and sources are compared the same way (the quads about them) and counted. The previous release is read
from its ``conflictkg.nq``, checked against its ``SHA256SUMS``.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from conflictkg.errors import InputError
from conflictkg.exports.tables import to_csv
from conflictkg.rdf.namespaces import CK, PREFIXES

MARKDOWN, TABLE = "CHANGES.md", "changes.csv"
RDF_TYPE = PREFIXES["rdf"] + "type"
LABEL = PREFIXES["rdfs"] + "label"
#: What is compared, by the class its members are typed with.
KINDS = {"claims": CK + "Claim", "incidents": CK + "Incident", "sources": CK + "SourceDocument"}


@dataclass(frozen=True)
class Diff:
    """IRIs added, changed and removed (each sorted), and how many there are now."""

    added: list[str]
    changed: list[str]
    removed: list[str]
    total: int


def _index(quads: list[ox.Quad]) -> tuple[dict[str, list[ox.Quad]], dict[str, list[ox.Quad]]]:
    by_subject: dict[str, list[ox.Quad]] = defaultdict(list)
    by_graph: dict[str, list[ox.Quad]] = defaultdict(list)
    for quad in quads:
        by_subject[str(quad.subject)].append(quad)
        by_graph[str(quad.graph_name)].append(quad)
    return by_subject, by_graph


def _closure(start: list[ox.Quad], by_subject: dict[str, list[ox.Quad]]) -> list[ox.Quad]:
    """``start`` and the quads about every blank node they reach (in the same graph)."""
    seen, todo = set(start), list(start)
    while todo:
        quad = todo.pop()
        if isinstance(quad.object, ox.BlankNode):
            for more in by_subject.get(str(quad.object), []):
                if more.graph_name == quad.graph_name and more not in seen:
                    seen.add(more)
                    todo.append(more)
    return list(seen)


def fingerprints(quads: list[ox.Quad], kind: str) -> dict[str, str]:
    """Every member of ``kind`` (an IRI) → the SHA-256 of its quads (and its content graph's), canonical."""
    by_subject, by_graph = _index(quads)
    members = {q.subject.value for q in quads if q.predicate.value == RDF_TYPE and q.object.value == KINDS[kind]
               and isinstance(q.subject, ox.NamedNode)}
    out = {}
    for iri in members:
        about = list(by_subject.get(str(ox.NamedNode(iri)), []))
        contents = [q.object for q in about if q.predicate.value == CK + "hasContent"]
        about += [q for graph in contents for q in by_graph.get(str(graph), [])]
        dataset = ox.Dataset(_closure(about, by_subject))
        dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
        text = "".join(sorted(f"{q} .\n" for q in dataset))
        out[iri] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return out


def diff(old: dict[str, str], new: dict[str, str]) -> Diff:
    """Compare two fingerprint maps.

    >>> diff({"a": "1", "b": "2", "c": "3"}, {"b": "2", "c": "4", "d": "5"})
    Diff(added=['d'], changed=['c'], removed=['a'], total=3)
    """
    return Diff(sorted(new.keys() - old.keys()), sorted(k for k in new.keys() & old.keys() if old[k] != new[k]),
                sorted(old.keys() - new.keys()), len(new))


def read_previous(directory: Path) -> list[ox.Quad]:
    """The quads of the release in ``directory``, its N-Quads checked against its ``SHA256SUMS``.

    Raises:
        InputError: ``directory`` holds no release, or its dataset does not match its checksum.
    """
    dump, sums = directory / "conflictkg.nq", directory / "SHA256SUMS"
    hint = "give the directory of an earlier `conflictkg release` (it holds conflictkg.nq and SHA256SUMS)"
    if not (dump.is_file() and sums.is_file()):
        raise InputError("the previous release is not a release directory", path=str(directory), hint=hint)
    data = dump.read_bytes()
    lines = sums.read_text(encoding="ascii", errors="replace").splitlines()
    listed = {name: digest for digest, _, name in (line.partition("  ") for line in lines)}
    if listed.get("conflictkg.nq") != hashlib.sha256(data).hexdigest():
        raise InputError("the previous release's conflictkg.nq does not match its SHA256SUMS", path=str(directory),
                         hint="the release was altered or is incomplete: give an intact release directory")
    try:
        return list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    except SyntaxError as exc:
        raise InputError(f"the previous release's conflictkg.nq does not parse: {exc}", path=str(directory),
                         hint=hint) from exc


def _labels(quads: list[ox.Quad]) -> dict[str, str]:
    return {q.subject.value: q.object.value for q in sorted(quads, key=str)
            if q.predicate.value == LABEL and isinstance(q.object, ox.Literal) and q.object.language == "en"}


def changes(new: list[ox.Quad], old: list[ox.Quad] | None, version: str, date: str,
            previous: str | None) -> dict[str, bytes]:
    """``CHANGES.md`` and ``changes.csv`` of the release (``old`` None: the first release)."""
    diffs = {kind: diff(fingerprints(old, kind) if old is not None else {}, fingerprints(new, kind))
             for kind in KINDS}
    labels = {**_labels(old or []), **_labels(new)}
    claims = diffs["claims"]
    rows = [[change, iri, labels.get(iri, "")] for change, iris in
            (("added", claims.added), ("changed", claims.changed), ("removed", claims.removed)) for iri in iris]
    csv = to_csv(["change", "claim", "claim_label"], rows if old is not None else [])
    return {MARKDOWN: _markdown(diffs, labels, version, date, previous if old is not None else None),
            TABLE: csv}


def _markdown(diffs: dict[str, Diff], labels: dict[str, str], version: str, date: str,
              previous: str | None) -> bytes:
    lines = [f"# conflictkg {version}, released {date}: changes", ""]
    if previous is None:
        lines += ["First release: there is no previous release to compare with. It holds "
                  + ", ".join(f"{d.total} {kind}" for kind, d in diffs.items()) + ".", ""]
        return "\n".join(lines).encode("utf-8")
    lines += [f"Against the previous release ({previous}). A claim counts as changed when any statement about "
              "it or in its content graph differs; the list of changed claims is also in changes.csv.", "",
              "| | added | changed | removed | now |", "|---|---|---|---|---|"]
    lines += [f"| {kind} | {len(d.added)} | {len(d.changed)} | {len(d.removed)} | {d.total} |"
              for kind, d in diffs.items()]
    claims = diffs["claims"]
    for title, iris in (("Claims added", claims.added), ("Claims changed", claims.changed),
                        ("Claims removed", claims.removed)):
        lines += ["", f"## {title} ({len(iris)})", ""]
        lines += [f"- <{iri}> {labels.get(iri, '')}".rstrip() for iri in iris] or ["None."]
    return ("\n".join(lines) + "\n").encode("utf-8")
