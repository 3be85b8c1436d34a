"""Audit the curated data against the research notes it was curated from.

The notes (the statement's published versions, the chronology of incidents, the design notes and
the seed article) are third-party or working material that the repository must not ship, so the
checks that compare the data with them cannot be ordinary tests: a clone has no notes beside it.
They live here instead, as ``conflictkg audit --notes DIR``, which a curator runs when the notes
are at hand (by default ``../shared`` next to the checkout).

Three questions, each answered from the data's quads alone (no store, no SPARQL engine):

* every source address (``schema:url``) appears in the notes, unless a curator note on the source
  says it was read in a stored copy of the page (its address is then not guessed either);
* every quoted fragment of the statement (``ck:ClauseText``/``ck:text``) is verbatim in the notes
  on the statement;
* every quote of a claim about an incident is verbatim in its source: the seed article for the
  quotes taken from it, the chronology (whose records are the incidents) for the others. Quotes
  from pages read later in their stored copies (and the claims about the status of a clause) are
  not in the notes: the per-claim audit log (``data/audit/``) records how they were checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from conflictkg.errors import InputError
from conflictkg.rdf.io import SourceFile, read_quads
from conflictkg.rdf.namespaces import CK, CKR, GRAPH_CLAIMS, GRAPH_REFERENCE
from conflictkg.resources import Resources

#: The notes folder's name: it sits beside the checkout.
NOTES_DIR = "shared"
#: The notes the audit reads, relative to the notes directory.
STATEMENT_NOTES = ("domain/statement-2020-11-09.md", "design/modelling.md")
SOURCE_NOTES = (*STATEMENT_NOTES, "domain/chronology.yaml", "design/domain-anchors.md",
                "seed/parukh-2022-03-asbarez.md")
CHRONOLOGY = "domain/chronology.yaml"
SEED_ARTICLE = "seed/parukh-2022-03-asbarez.md"
#: The line after which the seed file holds the article itself (before it: the notes about it).
ARTICLE_MARKER = "----- article text -----"
#: The source whose quotes are taken from the seed article.
SEED_SOURCE = CKR + "source-asbarez-2022-03-parukh"
#: How a curator note marks a source read in a stored copy of its page.
STORED_COPY = "Read in the stored copy"

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SCHEMA_URL = "https://schema.org/url"


@dataclass(frozen=True)
class Notes:
    """The texts the audit compares the data with, whitespace collapsed (quotes wrap in notes)."""

    statement: str
    sources: str
    chronology: str
    article: str


@dataclass(frozen=True, order=True)
class Finding:
    """One value of the data that the notes do not bear out."""

    check: str
    subject: str
    value: str

    def text(self) -> str:
        return f"{self.check}: {self.subject}: {self.value}"


def norm_ws(text: str) -> str:
    """Collapse every run of whitespace to one space.

    >>> norm_ws("a\\n  b\\tc")
    'a b c'
    """
    return re.sub(r"\s+", " ", text)


def load_notes(notes_dir: Path) -> Notes:
    """Read the notes the audit needs from ``notes_dir``.

    Raises:
        InputError: a note is missing (the hint names the directory the audit expects).
    """
    def read(*names: str) -> str:
        texts = []
        for name in names:
            path = notes_dir / name
            if not path.is_file():
                raise InputError("research note not found", str(path),
                                 hint="give the research notes folder with --notes (default ../shared)")
            texts.append(path.read_text(encoding="utf-8"))
        return norm_ws("\n".join(texts))

    article = read(SEED_ARTICLE).split(ARTICLE_MARKER, 1)
    return Notes(statement=read(*STATEMENT_NOTES), sources=read(*SOURCE_NOTES),
                 chronology=read(CHRONOLOGY), article=article[1] if len(article) == 2 else "")


class _Graph:
    """The quads of one named graph, indexed by subject and predicate."""

    def __init__(self, quads: Iterable[ox.Quad], graph: str) -> None:
        self.values: dict[tuple[str, str], list[ox.NamedNode | ox.BlankNode | ox.Literal]] = {}
        for q in quads:
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == graph:
                self.values.setdefault((q.subject.value, q.predicate.value), []).append(q.object)

    def objects(self, subject: str, predicate: str) -> list:
        return self.values.get((subject, predicate), [])

    def pairs(self, predicate: str) -> list[tuple[str, object]]:
        return sorted(((s, o) for (s, p), os in self.values.items() if p == predicate for o in os), key=str)

    def of_type(self, cls: str) -> list[str]:
        return sorted(s for s, o in self.pairs(_RDF_TYPE) if isinstance(o, ox.NamedNode) and o.value == cls)


def _stored(reference: _Graph, subject: str) -> bool:
    """Whether a curator note marks the source as read in a stored copy of its page."""
    return any(o.value.startswith(STORED_COPY) for o in reference.objects(subject, CK + "curatorNote"))


def source_urls(reference: _Graph, notes: Notes) -> list[Finding]:
    """Source addresses that are neither in the notes nor marked as read in a stored copy."""
    return [Finding("source url not in the notes", s, o.value) for s, o in reference.pairs(_SCHEMA_URL)
            if o.value not in notes.sources and not _stored(reference, s)]


def clause_texts(reference: _Graph, notes: Notes) -> list[Finding]:
    """Quoted fragments of the statement that the notes on the statement do not contain."""
    return [Finding("clause text not in the notes", ct, t.value) for ct in reference.of_type(CK + "ClauseText")
            for t in reference.objects(ct, CK + "text") if norm_ws(t.value) not in notes.statement]


def quotes(claims: _Graph, reference: _Graph, notes: Notes) -> list[Finding]:
    """Quotes of incident claims that are not verbatim in their source (seed article or chronology).

    A quote taken from a page read in its stored copy is checked in the audit log instead."""
    out = []
    for claim, quote in claims.pairs(CK + "quote"):
        source = claims.objects(claim, CK + "quoteSource")
        if not claims.objects(claim, CK + "aboutIncident") or any(_stored(reference, s.value) for s in source):
            continue
        from_seed = any(s.value == SEED_SOURCE for s in source)
        haystack = notes.article if from_seed else notes.chronology
        text = norm_ws(quote.value)
        # the chronology is YAML: a double quote inside a quoted string is written \"
        if text not in haystack and (from_seed or text.replace('"', '\\"') not in haystack):
            where = "the seed article" if from_seed else "the chronology"
            out.append(Finding(f"quote not verbatim in {where}", claim, quote.value))
    return out


def audit(quads: Iterable[ox.Quad], notes: Notes) -> list[Finding]:
    """Every finding of the three checks, sorted (an empty list: the notes bear the data out)."""
    quads = list(quads)
    reference, claims = _Graph(quads, GRAPH_REFERENCE), _Graph(quads, GRAPH_CLAIMS)
    return sorted(source_urls(reference, notes) + clause_texts(reference, notes) + quotes(claims, reference, notes))


def default_notes_dir(resources: Resources) -> Path:
    """Where the notes are by default: ``shared/`` beside the checkout (or installed data)."""
    return resources.root.parent / NOTES_DIR


def audit_data(resources: Resources, notes_dir: Path) -> list[Finding]:
    """Audit the curated data files of ``resources`` against the notes in ``notes_dir``."""
    notes = load_notes(notes_dir)
    return audit((q for f in resources.data_files() for q in read_quads(SourceFile(f))), notes)
