"""Write a draft as an incident file in the shape of ``data/incidents/*.trig``.

Every proposed value is followed by a ``ck:draftNote`` saying what to check, and a comment block
at the top lists the checks for the whole file. The article's text never enters the file: claims
point to sentence numbers, and only quotations of at most 25 words are copied.
"""

from __future__ import annotations

import re
from datetime import date

from conflictkg.drafting.lexicon import Lexicon
from conflictkg.drafting.model import Draft, DraftClaim, EventDraft, Figure
from conflictkg.rdf.namespaces import CKR

PREFIXES = """@prefix ck: <https://w3id.org/conflictkg/ontology#> .
@prefix ckr: <https://w3id.org/conflictkg/resource/> .
@prefix ckg: <https://w3id.org/conflictkg/graph/> .
@prefix ckv: <https://w3id.org/conflictkg/vocab/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
CLASSES = {"alleges": "ck:Allegation", "counter-alleges": "ck:CounterAllegation", "denies": "ck:Denial",
           "calls-on": "ck:ThirdPartyCall", "interprets": "ck:Interpretation", "reports": "ck:Report",
           "confirms": "ck:Confirmation"}
PLACEHOLDER_URL = "https://example.invalid/REPLACE-WITH-THE-ARTICLE-URL"


def lit(text: str, lang: str = "en") -> str:
    """A Turtle string literal (escaped), with a language tag unless ``lang`` is empty."""
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("\r", " ")
    return f'"{body}"@{lang}' if lang else f'"{body}"'


def day(d: date) -> str:
    return f'"{d.isoformat()}"^^xsd:date'


def curie(iri: str) -> str:
    return "ckr:" + iri[len(CKR):] if iri.startswith(CKR) else f"<{iri}>"


def slug_of(url: str, fallback: str) -> str:
    """A short slug for the draft's IRIs from the URL's last path part (or the file name)."""
    tail = [p for p in re.split(r"[/?#]", url.rstrip("/")) if p][-1:] if url else []
    words = re.sub(r"[^a-z0-9]+", "-", (tail[0] if tail else fallback).lower()).strip("-")
    if len(words) > 40:
        words = words[:41].rsplit("-", 1)[0]
    return words or "article"


class Names:
    """The IRIs minted for one draft."""

    def __init__(self, slug: str) -> None:
        self.slug = slug
        self.incident = f"ckr:incident-draft-{slug}"

    def claim(self, i: int) -> str:
        return f"claim-draft-{self.slug}-{i + 1}"

    def event(self, i: int, e: EventDraft) -> str:
        return f"ckr:event-draft-{self.slug}-{i + 1}-{e.event_type}"

    def casualty(self, i: int, k: int) -> str:
        return f"ckr:casualty-draft-{self.slug}-{i + 1}-{k + 1}"


def _label(iri: str, lex: Lexicon, draft: Draft | None = None) -> str:
    info = lex.agents.get(iri)
    if info is None and draft is not None and iri in draft.new_agents:
        return draft.new_agents[iri] + " (new)"
    return info.label if info else iri.rsplit("/", 1)[-1]


def _points_text(c: DraftClaim) -> str:
    named = ", ".join(str(n) for n in sorted(c.named_points)) or "-"
    implied = ", ".join(str(n) for n in sorted(c.implied_points)) or "-"
    return f"named points {named}; implied points {implied}"


def header(draft: Draft, lex: Lexicon) -> str:
    """The comment block: what this file is and what to check."""
    meta = draft.meta
    lines = ["# " + "=" * 86, "# DRAFT incident file written by `conflictkg draft`: proposals to review, not curated data.",
             f"# Article: {meta.url or '(no URL given)'}; publisher: {_label(draft.publisher, lex) or '(unknown)'}; "
             f"published: {meta.published.isoformat() if meta.published else '(not given)'}.",
             "# What to check:"]
    lines += [f"#   - {c}" for c in draft.checks]
    lines.append("# Claims proposed (sentence numbers refer to the article as split by the drafter):")
    for i, c in enumerate(draft.claims):
        when = c.claim_date.isoformat() if c.claim_date else "no date"
        lines.append(f"#   {i + 1}. {_label(c.claimant, lex, draft)} {c.stance} ({when}); {_points_text(c)}; "
                     f"sentences {', '.join(str(s + 1) for s in c.sentences)}")
    lines.append("# " + "=" * 86)
    return "\n".join(lines) + "\n"


def _incident(draft: Draft, names: Names) -> list[str]:
    days = [d for c in draft.claims for e in c.events for d in (e.begin, e.end) if d]
    days += [c.claim_date for c in draft.claims if c.claim_date]
    places = sorted({p for c in draft.claims for p in c.places})
    out = [f"    {names.incident} a ck:Incident ;",
           f"        rdfs:label {lit('DRAFT: ' + (draft.meta.title or names.slug.replace('-', ' ')) + ' (as alleged)')} ;"]
    if days:
        out.append(f"        ck:earliestBegin {day(min(days))} ; ck:latestEnd {day(max(days))} ;")
    if places:
        out.append("        dcterms:spatial " + " , ".join(curie(p) for p in places) + " ;")
    out.append(f"        ck:draftNote {lit('Grouping proposed by the drafter: check the label, the dates (from the claims and events) and the places.')} .")
    return out


def _source(draft: Draft, names: Names) -> tuple[str, list[str]]:
    if draft.source:
        return curie(draft.source), []
    iri = f"ckr:source-draft-{names.slug}"
    out = [f"    {iri} a ck:NewsArticle ;", f"        schema:url <{draft.meta.url or PLACEHOLDER_URL}> ;"]
    publisher = draft.publisher or f"ckr:agent-draft-outlet-{names.slug}"
    out.append(f"        dcterms:publisher {curie(publisher) if draft.publisher else publisher} ;")
    if draft.meta.published:
        out.append(f"        dcterms:issued {day(draft.meta.published)} ;")
    else:
        out.append(f"        ck:dateNote {lit('publication date not given to the drafter')} ;")
    if draft.meta.title:
        out.append(f"        dcterms:title {lit(draft.meta.title)} ;")
    out += ['        dcterms:language "en" ;',
            f"        ck:draftNote {lit('New source node: check URL, publisher, date and title against the page.')} ."]
    if not draft.publisher:
        out += [f"    {publisher} a ck:MediaOutlet ; rdfs:label {lit('REPLACE: the outlet of ' + (draft.meta.url or 'the article'))} ;",
                f"        ck:draftNote {lit('New agent: the publisher was not given or not found; reuse an existing outlet if there is one.')} ."]
    return iri, out


def _new_agents(draft: Draft) -> list[str]:
    out = []
    for iri, name in sorted(draft.new_agents.items()):
        out += [f"    {curie(iri)} a ck:Agent ;", f"        rdfs:label {lit(name)} ;",
                f"        ck:draftNote {lit('New agent minted by the drafter: make it a ck:Person or ck:Organization, or replace it by an existing agent.')} ."]
    return out


def reference_block(draft: Draft, names: Names) -> tuple[str, str]:
    """The ``ckg:reference`` graph (incident, new source and agents when needed) and the source's IRI."""
    source, lines = _source(draft, names)
    lines += _new_agents(draft)
    body = _incident(draft, names) + ([""] + lines if lines else [])
    return source, "ckg:reference {\n" + "\n".join(body) + "\n}\n"


def _provisions(c: DraftClaim) -> list[str]:
    prop = "ck:allegesBreachOf" if c.stance in ("alleges", "counter-alleges") else "ck:concernsProvision"
    named = [f"ckr:agreement-tri2020-p{n}" for n in sorted(c.named_points)]
    if c.named_agreement and not named:
        named = ["ckr:agreement-tri2020"]
    out = [f"        {prop} {' , '.join(named)} ;"] if named else []
    if c.implied_points:
        out.append("        ck:impliedBreachOf " + " , ".join(f"ckr:agreement-tri2020-p{n}" for n in sorted(c.implied_points)) + " ;")
    return out


#: A counter-allegation answering no claim of the draft is written as an allegation (the check
#: ``counter-allegation-without-response`` refuses a counter-allegation without ``ck:respondsTo``), with this note.
UNANSWERED = ("proposed as a counter-allegation, but it answers no claim of this draft: add ck:respondsTo naming the "
              "claim it answers (and make it a ck:CounterAllegation, stance counter-alleges), or keep it an allegation")


def written_stance(c: DraftClaim) -> str:
    """The stance a claim is written with: its own, but an unanswered counter-allegation's is ``alleges``."""
    return "alleges" if c.stance == "counter-alleges" and c.responds_to is None else c.stance


def _claim_lines(draft: Draft, i: int, c: DraftClaim, source: str, names: Names, lex: Lexicon) -> list[str]:
    via = "ck:statedIn" if c.claimant == draft.publisher else "ck:citedIn"
    when = c.claim_date.isoformat() if c.claim_date else "undated"
    stance = written_stance(c)
    out = [f"    ckr:{names.claim(i)} a ck:Claim , {CLASSES[stance]} ;",
           f"        rdfs:label {lit(f'DRAFT: {_label(c.claimant, lex, draft)}, {when}: {stance}')} ;",
           f"        ck:claimant {curie(c.claimant)} ;", f"        ck:stance ckv:stance-{stance} ;"]
    if c.claim_date and not c.date_basis.startswith("carried"):
        out.append(f"        ck:claimDate {day(c.claim_date)} ;")
    elif c.claim_date:
        out.append(f"        ck:dateNote {lit(f'not stated for this claim; proposed: {c.claim_date.isoformat()} ({c.date_basis})')} ;")
    else:
        out.append(f"        ck:dateNote {lit('no date found in the article for this claim')} ;")
    out.append(f"        {via} {source} ;")
    out += _provisions(c)
    if c.accused:
        out.append(f"        ck:accusedParty {curie(c.accused)} ;")
    if c.quote:
        out += [f"        ck:quote {lit(c.quote)} ;", f"        ck:quoteSource {source} ;"]
    if c.responds_to is not None:
        out.append(f"        ck:respondsTo ckr:{names.claim(c.responds_to)} ;")
    out.append(f"        ck:aboutIncident {names.incident} ;")
    if c.events:
        out.append(f"        ck:hasContent ckg:{names.claim(i)} ;")
    if c.curator_note:
        out.append(f"        ck:curatorNote {lit(c.curator_note)} ;")
    # RDF keeps no order: sorted, so a file read back writes the same
    notes = ["Write a ck:summary in your own words; check claimant, stance and every value below.",
             *sorted({*c.notes, *([UNANSWERED] if stance != c.stance else [])})]
    out.append("        ck:draftNote " + " ,\n                     ".join(lit(n) for n in notes) + " .")
    return out


def claims_block(draft: Draft, source: str, names: Names, lex: Lexicon) -> str:
    """The ``ckg:claims`` graph: one node per proposed claim."""
    body: list[str] = []
    for i, c in enumerate(draft.claims):
        body += ([""] if body else []) + _claim_lines(draft, i, c, source, names, lex)
    return "ckg:claims {\n" + "\n".join(body) + "\n}\n"


def _figure_lines(iri: str, f: Figure) -> list[str]:
    out = [f"    {iri} a ck:CasualtyReport ;", f"        ck:casualtyKind ckv:{f.kind} ;"]
    if f.group:
        out.append(f"        ck:casualtyGroup {lit(f.group)} ;")
    if f.qualifier:
        out.append(f"        ck:countQualifier {lit(f.qualifier, '')} ;")
    counts = f"ck:countMin {f.low} ; ck:countMax {f.high}" + (f" ; ck:countBest {f.low}" if f.low == f.high else "")
    out += [f"        {counts} ;", f"        ck:draftNote {lit('Figure as read: check the count, the group and which event it belongs to.')} ."]
    return out


def _event_lines(iri: str, e: EventDraft, casualties: list[str]) -> list[str]:
    out = [f"    {iri} a ck:Event ;", f"        rdfs:label {lit(f'DRAFT: {e.event_type} (as alleged)')} ;",
           f"        ck:eventType ckv:{e.event_type} ;"]
    if e.places:
        out.append("        ck:atPlace " + " , ".join(curie(p) for p in e.places) + " ;")
    if e.begin and e.end:
        edtf = e.begin.isoformat() if e.begin == e.end else f"{e.begin.isoformat()}/{e.end.isoformat()}"
        out += [f"        ck:earliestBegin {day(e.begin)} ; ck:latestEnd {day(e.end)} ;", f'        ck:edtf "{edtf}" ;',
                f"        ck:timePrecision ckv:{e.precision} ;"]
    if casualties:
        out.append("        ck:hasCasualtyReport " + " , ".join(casualties) + " ;")
    out.append(f"        ck:draftNote {lit('Event as read from the claim: check type, places and dates.')} .")
    return out


def content_blocks(draft: Draft, names: Names) -> str:
    """One ``ckg:claim-…`` graph per claim with events: what the claim asserts."""
    out = []
    for i, c in enumerate(draft.claims):
        if not c.events:
            continue
        body: list[str] = []
        casualties = [names.casualty(i, k) for k in range(len(c.figures))]
        for k, e in enumerate(c.events):
            body += _event_lines(names.event(i, e), e, casualties if k == 0 else [])
        for iri, f in zip(casualties, c.figures):
            body += _figure_lines(iri, f)
        out.append(f"ckg:{names.claim(i)} {{\n" + "\n".join(body) + "\n}\n")
    return "\n".join(out)


def to_trig(draft: Draft, lex: Lexicon, fallback_slug: str = "article") -> str:
    """The whole draft incident file."""
    names = Names(slug_of(draft.meta.url, fallback_slug))
    source, reference = reference_block(draft, names)
    parts = [header(draft, lex), PREFIXES, reference, claims_block(draft, source, names, lex)]
    content = content_blocks(draft, names)
    return "\n".join(parts + ([content] if content else []))
