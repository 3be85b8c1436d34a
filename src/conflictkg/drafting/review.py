"""The last pass over a draft: counter-allegations, replies within the article, the separation of
named and implied points, and the notes that tell the curator what to check."""

from __future__ import annotations

import re
from datetime import date

from conflictkg.drafting.agents import CK_BODY
from conflictkg.drafting.lexicon import Lexicon
from conflictkg.drafting.model import Draft, DraftClaim

ANSWERING = ("denies", "counter-alleges", "calls-on")


def _side(iri: str, lex: Lexicon) -> str:
    info = lex.agents.get(iri)
    if info is None:
        return ""
    return info.side or (lex.agents[info.body].side if info.body in lex.agents else "")


STRENGTH = ("alleges", "counter-alleges", "denies", "interprets", "calls-on")


def _absorb_reports(draft: Draft, lex: Lexicon) -> None:
    """A claimant's plain "said" sentences belong to their allegation or denial of the same day
    (the ministry "added" details); only a claimant who does nothing else keeps a report. A media
    outlet's narration is kept apart; a body publishing its own bulletin is a claimant like any."""
    media = draft.publisher in lex.agents and lex.agents[draft.publisher].is_media
    kept: list[DraftClaim] = []
    for claim in draft.claims:
        host = None
        if claim.stance == "reports" and (claim.claimant != draft.publisher or not media):
            host = next((c for name in STRENGTH for c in draft.claims if c.claimant == claim.claimant
                         and c.stance == name and (claim.claim_date is None or c.claim_date in (None, claim.claim_date))),
                        None)
        if host is None:
            kept.append(claim)
            continue
        if host.claim_date is None and claim.claim_date is not None:  # "issued a statement on Monday": its date
            host.claim_date, host.date_basis = claim.claim_date, claim.date_basis
        _merge(host, claim)
    draft.claims = kept


def _merge(host: DraftClaim, claim: DraftClaim) -> None:
    """Fold ``claim`` into ``host`` (same claimant)."""
    host.sentences = sorted(set(host.sentences) | set(claim.sentences))
    host.places += [p for p in claim.places if p not in host.places]
    host.figures += claim.figures
    host.events += [e for e in claim.events if e.event_type not in {x.event_type for x in host.events}]
    host.named_points |= claim.named_points
    host.implied_points |= claim.implied_points
    host.named_agreement |= claim.named_agreement
    host.quote = host.quote or claim.quote
    host.quotations += claim.quotations
    host.accused = host.accused or claim.accused
    host.notes += [n for n in claim.notes if n not in host.notes]


def _carry_dates(draft: Draft, published: date | None) -> None:
    """A claim with no date of its own is proposed with the date of the claim reported before it,
    else with the publication date (a proposal: written as a ck:dateNote, never as ck:claimDate)."""
    last = None
    for claim in sorted(draft.claims, key=lambda c: min(c.sentences)):
        if claim.claim_date is None and claim.claimant != draft.publisher:
            if last is not None:
                claim.claim_date, claim.date_basis = last, "carried from the claim reported before it"
            elif published is not None:
                claim.claim_date, claim.date_basis = published, "carried from the publication date"
        last = claim.claim_date if claim.claim_date and not claim.date_basis.startswith("carried") else last


def _to_bodies(draft: Draft, lex: Lexicon) -> None:
    """"Russia expressed concern" in a lede, then "the Russian foreign ministry said": a claim of a
    state (or of its capital, "Baku said") goes to a body of that state that speaks in the
    article: the only one, else the first to speak after it (the lede sums up what follows). When
    no body of the state speaks, to the state's government if the data records one."""
    for claim in draft.claims:
        info = lex.agents.get(claim.claimant)
        if info is None or info.side != info.iri:
            continue
        body = _speaking_body(draft, claim, info.iri, lex) or _government(info.iri, lex)
        if body:
            claim.claimant = body
            claim.notes.append("the article names only the state here: check which body spoke")
    merged: list[DraftClaim] = []
    for claim in draft.claims:
        twin = next((m for m in merged if (m.claimant, m.stance) == (claim.claimant, claim.stance)
                     and claim.claim_date in (None, m.claim_date)), None)
        if twin is None:
            merged.append(claim)
        else:
            _merge(twin, claim)
    draft.claims = merged


def _speaking_body(draft: Draft, claim: DraftClaim, state: str, lex: Lexicon) -> str:
    first = min(claim.sentences)
    bodies = sorted({(min(c.sentences), c.claimant) for c in draft.claims
                     if c.claimant != claim.claimant and _side(c.claimant, lex) == state})
    if len({b for _i, b in bodies}) == 1:
        return bodies[0][1]
    return next((b for i, b in bodies if i > first), "")


def _government(state: str, lex: Lexicon) -> str:
    """The state's government body ("Government of ..." in its label), when exactly one is recorded
    ("headquarters of the Artsakh government" is a body of the government, not the government)."""
    found = [a.iri for a in lex.agents.values() if a.state == state and CK_BODY in a.kinds
             and re.search(r"\bgovernment of\b|\bcabinet of ministers\b", a.label, re.I)]
    return found[0] if len(found) == 1 else ""


# The other side's charges spoken of by the claimant: "Armenian claims about the situation are a
# manipulation", "while making claims of a crisis", "an attempt to accuse Azerbaijan".
REBUTS = re.compile(r"\b(?:armenian|azerbaijani|russian|armenia['’]s|azerbaijan['’]s|yerevan['’]s|baku['’]s)\s+"
                    r"(?:\w+\s+)?(?:claims|accusations|allegations)\b|\b(?:making|made|spreading|spread)\s+(?:\w+\s+)?"
                    r"(?:claims|accusations|allegations)\b|\battempts?\s+to\s+(?:accuse|blame)\b", re.I)


def _counter(draft: Draft, lex: Lexicon) -> None:
    """An allegation answers back when its claimant also denies in the same article, when it
    accuses the side of an earlier claimant who accused the answering side ("Baku said Armenian
    units fired first" after "Yerevan accused Azerbaijan of shelling"), or when its own sentences
    speak of the other side's charges ("Armenia's claims of a crisis are a manipulation")."""
    deniers = {c.claimant for c in draft.claims if c.stance == "denies"}
    for claim in draft.claims:
        rebuts = any(REBUTS.search(draft.sentences[i]) for i in claim.sentences if i < len(draft.sentences))
        if claim.stance == "alleges" and (claim.claimant in deniers or rebuts or _answers_an_allegation(draft, claim, lex)):
            claim.stance = "counter-alleges"


def _answers_an_allegation(draft: Draft, claim: DraftClaim, lex: Lexicon) -> bool:
    mine, first = _side(claim.claimant, lex), min(claim.sentences, default=0)
    return bool(mine) and any(
        c.stance == "alleges" and c is not claim and min(c.sentences, default=first) < first
        and c.accused and _side(c.accused, lex) == mine and claim.accused
        and _side(c.claimant, lex) and _side(claim.accused, lex) == _side(c.claimant, lex)
        for c in draft.claims)


def _answered(draft: Draft, claim: DraftClaim, lex: Lexicon) -> int | None:
    """The allegation this claim answers: the last one before it by another side accusing the
    answering side, else the last allegation by another claimant."""
    first = min(claim.sentences)
    mine = _side(claim.claimant, lex)
    others = [(i, c) for i, c in enumerate(draft.claims) if c.stance in ("alleges", "counter-alleges")
              and c is not claim and c.claimant != claim.claimant and _side(c.claimant, lex) != mine or
              (c.stance == "alleges" and c.claimant != claim.claimant and claim.stance == "calls-on")]
    earlier = [(i, c) for i, c in others if min(c.sentences) < first] or others
    aimed = [(i, c) for i, c in earlier if c.accused and c.accused == mine]
    pool = aimed or earlier
    return pool[-1][0] if pool and claim.stance != "calls-on" else (pool[0][0] if pool else None)


def _notes(claim: DraftClaim, lex: Lexicon, draft: Draft) -> None:
    if claim.new_claimant:
        claim.notes.append("the claimant is not in the data: a new agent was minted; reuse an existing one if it is there")
    if claim.claimant == draft.publisher:
        claim.notes.append("the outlet's own narration: keep only if the outlet itself is the claimant")
    if claim.claim_date is None:
        claim.notes.append("claim date not found in the wording: set ck:claimDate or keep the ck:dateNote")
    elif claim.date_basis:
        claim.notes.append(f"claim date read from '{claim.date_basis}'")
    if claim.implied_points:
        claim.notes.append("implied points are a reading of the topic (ck:impliedBreachOf): confirm each")
    elif claim.stance == "alleges" and not claim.named_points:
        claim.notes.append("no point found: link the point alleged, or write a curator's note saying why none is")
    if claim.claimant in lex.agents and lex.agents[claim.claimant].body:
        claim.notes.append("the claimant is a person: the page names them speaking, so they are the claimant")


def _checks(draft: Draft, ref: date | None) -> list[str]:
    out = [f"{len(draft.claims)} drafted claim(s); each carries ck:draftNote lines: read them, then delete them"]
    if ref is None:
        out.append("no publication date: weekdays ('on Saturday') were left unresolved; give --published")
    if not draft.source:
        out.append("the source node is new: check its URL, publisher, date and title")
    if draft.new_agents:
        out.append("new agent(s) minted for speakers not in the data: " + ", ".join(sorted(draft.new_agents.values())))
    if not draft.publisher:
        out.append("the publisher is unknown: give --publisher NAME (an outlet in data/reference/agents.trig)")
    unspoken = [i for i in draft.unspoken if not any(i in c.sentences for c in draft.claims)]
    if unspoken:
        out.append(f"speaker not found in sentence(s) {', '.join(map(str, unspoken))}: the article attributes them "
                   "(a reporting cue) to someone the drafter could not name; no claim was drafted (never the outlet's)")
    out.append("the incident's label, dates and places are a first guess from the claims")
    return out


def finish(draft: Draft, lex: Lexicon, ref: date | None, exact: bool = True) -> Draft:
    """Counter-allegations, replies, points kept apart, notes."""
    _to_bodies(draft, lex)
    _counter(draft, lex)
    _absorb_reports(draft, lex)
    _carry_dates(draft, ref if exact else None)
    for claim in draft.claims:
        claim.implied_points -= claim.named_points
        if claim.stance in ANSWERING:
            claim.responds_to = _answered(draft, claim, lex)
        _notes(claim, lex, draft)
    draft.checks = _checks(draft, ref)
    return draft


def _day_words(day: date) -> tuple[str, str]:
    return f"{day.strftime('%B')} {day.day}", f"{day.day} {day.strftime('%B')}"


def fold_dated_narration(draft: Draft) -> None:
    """The outlet's narration of an incident on a day a speaker's sentences name ("Russian
    peacekeepers were killed near Dzhanyatag on September 20" after the Kremlin's statement on
    their death "on September 20") tells that speaker's incident: it joins that claim, with a note."""
    kept: list[DraftClaim] = []
    for claim in draft.claims:
        days = {e.begin for e in claim.events if e.begin}
        host = None
        if claim.claimant == draft.publisher and days:
            host = next((c for c in draft.claims if c.claimant != draft.publisher and all(
                any(w in draft.sentences[i] for i in c.sentences for w in _day_words(d)) for d in days)), None)
        if host is None:
            kept.append(claim)
            continue
        _merge(host, claim)
        note = "the article's own narration of the same day's incident was added: check it is this claimant's"
        host.notes += [note] if note not in host.notes else []
    draft.claims = kept
