"""Open a draft incident file written by ``conflictkg draft`` (or saved by the review pages) as a
draft again, so that it can be reviewed in the browser.

Only the drafter's own files are read back: they start with its comment block, which also gives
each claim's sentence numbers. Everything else comes from the triples: claimant, stance, dates,
points, accused party, quote, replies, events with their places and casualty figures, the new
source node and new agents. The article's text is not in the file; given again, it is split the
drafter's way so the sentences can be highlighted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from conflictkg.drafting.model import ArticleMeta, Draft, DraftClaim, EventDraft, Figure
from conflictkg.drafting.sentences import split_sentences
from conflictkg.errors import InputError
from conflictkg.rdf.io import SourceFile, read_quads
from conflictkg.rdf.namespaces import CK, CKR, CKV, GRAPH_CLAIMS, GRAPH_REFERENCE

MARKER = "# DRAFT incident file written by `conflictkg draft`"
DCT, SCHEMA, RDFS = "http://purl.org/dc/terms/", "https://schema.org/", "http://www.w3.org/2000/01/rdf-schema#"
_SENTENCES = re.compile(r"^#\s+(\d+)\. .*; sentences ([\d, ]*)$", re.M)
_PROPOSED = re.compile(r"proposed: (\d{4}-\d{2}-\d{2}) \((.*)\)$")
GENERIC_NOTE = "Write a ck:summary in your own words"

Props = dict[str, list[ox.NamedNode | ox.Literal | ox.BlankNode]]


def _nodes(quads: list[ox.Quad], graph: str | None = None) -> dict[str, Props]:
    """Subject IRI → property → values, in ``graph`` (any graph when None)."""
    out: dict[str, Props] = defaultdict(lambda: defaultdict(list))
    for q in quads:
        if isinstance(q.subject, ox.NamedNode) and (graph is None or getattr(q.graph_name, "value", "") == graph):
            out[q.subject.value][q.predicate.value].append(q.object)  # type: ignore[arg-type]
    return out


def _one(props: Props, prop: str) -> str:
    values = sorted(str(v.value) for v in props.get(prop, []))
    return values[0] if values else ""


def _all(props: Props, prop: str) -> list[str]:
    return sorted(str(v.value) for v in props.get(prop, []))


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _points(props: Props, c: DraftClaim) -> None:
    for iri in _all(props, CK + "allegesBreachOf") + _all(props, CK + "concernsProvision"):
        if iri == CKR + "agreement-tri2020":
            c.named_agreement = True
        elif iri.startswith(CKR + "agreement-tri2020-p"):
            c.named_points.add(int(iri.rsplit("-p", 1)[1]))
            c.named_agreement = True
    c.implied_points = {int(i.rsplit("-p", 1)[1]) for i in _all(props, CK + "impliedBreachOf") if "-p" in i}


def _dates(props: Props, c: DraftClaim) -> None:
    stated = _one(props, CK + "claimDate")
    if stated:
        c.claim_date, c.date_basis = _day(stated), ""
        return
    proposal = _PROPOSED.search(_one(props, CK + "dateNote"))
    if proposal:
        c.claim_date, c.date_basis = _day(proposal[1]), proposal[2]


def _content(quads: list[ox.Quad], graph: str) -> tuple[list[EventDraft], list[Figure]]:
    nodes = _nodes(quads, graph)
    events, figures = [], []
    for iri, props in sorted(nodes.items()):
        if CK + "eventType" in props:
            events.append(EventDraft(_one(props, CK + "eventType").removeprefix(CKV), _day(_one(props, CK + "earliestBegin")),
                                     _day(_one(props, CK + "latestEnd")), _one(props, CK + "timePrecision").removeprefix(CKV),
                                     tuple(_all(props, CK + "atPlace"))))
        elif CK + "casualtyKind" in props:
            figures.append(Figure(_one(props, CK + "casualtyKind").removeprefix(CKV), int(_one(props, CK + "countMin") or 0),
                                  int(_one(props, CK + "countMax") or 0), _one(props, CK + "casualtyGroup"),
                                  _one(props, CK + "countQualifier")))
    return events, figures


def _claim(iri: str, props: Props, quads: list[ox.Quad], sentences: dict[int, list[int]], number: int) -> DraftClaim:
    c = DraftClaim(_one(props, CK + "claimant"), _one(props, CK + "stance").removeprefix(CKV + "stance-"),
                   sentences=sentences.get(number, []), accused=_one(props, CK + "accusedParty"),
                   quote=_one(props, CK + "quote"), curator_note=_one(props, CK + "curatorNote"))
    _dates(props, c)
    _points(props, c)
    content = _one(props, CK + "hasContent")
    if content:
        c.events, c.figures = _content(quads, content)
        c.places = list(dict.fromkeys(p for e in c.events for p in e.places))
    c.notes = [n for n in _all(props, CK + "draftNote") if not n.startswith(GENERIC_NOTE)]
    return c


def _claim_number(iri: str) -> int:
    tail = iri.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _meta(reference: dict[str, Props], source: str) -> tuple[ArticleMeta, str, str]:
    """The article's metadata, the source IRI to cite ("" for a new one) and the publisher."""
    props = reference.get(source)
    if props is None or not source.startswith(CKR + "source-draft-"):
        return ArticleMeta(), source, ""
    publisher = _one(props, DCT + "publisher")
    publisher = "" if publisher.startswith(CKR + "agent-draft-outlet-") else publisher
    meta = ArticleMeta(_one(props, SCHEMA + "url"), publisher, _day(_one(props, DCT + "issued")),
                       _one(props, DCT + "title"))
    return meta, "", publisher


def read_draft(path: Path, article: str = "") -> Draft:
    """The draft in the drafter's file ``path``; ``article`` (its text, optional) gives the sentences.

    Raises:
        InputError: the file is not a drafter's file, or does not parse (file and line named).
    """
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if MARKER not in text[:2000]:
        raise InputError("not a draft file written by conflictkg draft (its comment block is missing)", str(path),
                         hint="open a file that `conflictkg draft` or the review pages wrote; edit curated files by hand")
    quads = read_quads(SourceFile(path))
    sentences = {int(n): [int(s) - 1 for s in found.split(",") if s.strip()] for n, found in _SENTENCES.findall(text)}
    claims_graph, reference = _nodes(quads, GRAPH_CLAIMS), _nodes(quads, GRAPH_REFERENCE)
    iris = sorted((iri for iri, p in claims_graph.items() if CK + "claimant" in p), key=_claim_number)
    claims = [_claim(iri, claims_graph[iri], quads, sentences, i + 1) for i, iri in enumerate(iris)]
    for c, iri in zip(claims, iris):
        answered = _one(claims_graph[iri], CK + "respondsTo")
        c.responds_to = iris.index(answered) if answered in iris else None
    source = next((_one(claims_graph[i], CK + "citedIn") or _one(claims_graph[i], CK + "statedIn") for i in iris), "")
    meta, source, publisher = _meta(reference, source)
    new_agents = {iri: _one(p, RDFS + "label") for iri, p in reference.items()
                  if any(str(v.value) == CK + "Agent" for v in p.get("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", []))}
    lines = [s.text for s in split_sentences(article)] if article.strip() else []
    for c in claims:  # numbers past the end of the article given are not this article's
        c.sentences = [k for k in c.sentences if not lines or k < len(lines)]
    return Draft(meta, source, publisher, claims, lines, [], new_agents)
