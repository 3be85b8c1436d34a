"""Assemble the draft: read the article sentence by sentence and gather, per claimant and stance,
what each claim says (see the package docstring for the parts).

A sentence is attributed to the agent next to its reporting cue, or to the previous speaker when
its subject is a pronoun or it continues a quotation. A sentence attributed to nobody is the
outlet's own narration: it may become a claim of the outlet (stance "reports"), never of anyone
else, and an attributed sentence is never given to the outlet. Nor is a sentence that the article
attributes to someone it does not name ("reportedly", "witnesses said", a reporting cue whose
speaker is not found): that one goes to the next speaker who reports the incident, or nowhere.
Narration that recalls the past (the 2020 war, an earlier year) is background, and an outlet claim
that only restates a speaker's events and places is dropped.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date

from conflictkg.drafting import agents, dates, events, figures, headings, places, points, quotes, stance
from conflictkg.drafting.lexicon import NEW, STATE_KINDS, AgentInfo, Lexicon
from conflictkg.drafting.model import ArticleMeta, Draft, DraftClaim, EventDraft
from conflictkg.drafting.narration import background
from conflictkg.drafting.scan import Mention, scan
from conflictkg.drafting.sentences import Sentence, split_sentences
from conflictkg.names import name_keys
from conflictkg.rdf.namespaces import CKR

ALLEGING = ("alleges", "counter-alleges")
WITH_EVENTS = ("alleges", "counter-alleges", "reports")
COUNTER = re.compile(r"\bit is \w+(?:\s+\w+)?,? (?:and )?not \w+,? (?:that|who)\b|\b(?:in turn|instead) (?:accus|blam)"
                     r"|\bhas not (?:yet )?been (?:completed|carried out|fulfilled|implemented)"
                     # a denial that turns the charge round: "a futile attempt to accuse us, while the enemy shelled ..."
                     r"|\b(?:while|whereas)\b[^.]{0,60}\b(?:shell\w*|fired|opened fire|attack\w*|violat\w*|provocation\w*)", re.I)


@dataclass
class Reading:
    """What one sentence says, once read."""

    sentence: Sentence
    speaker: AgentInfo | None
    stances: list[str]
    cue_at: int
    mentions: list[Mention]
    quoted: list[tuple[int, int]]
    claim_dates: list[dates.DateMention] = field(default_factory=list)
    event_dates: list[dates.DateMention] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for the curator, about who speaks


def _claim_window(text: str, cue_at: int, who: Mention | None) -> tuple[int, int]:
    """Where a date modifies the speech act: around the speaker and the cue, before any "that"."""
    start = min(cue_at, who.start if who else cue_at)
    stop = cue_at + 35
    that = re.search(r"\bthat\b|[,:]\s*[“\"]", text[cue_at:])
    if that:
        stop = min(stop, cue_at + that.start())
    return max(0, start - 30), stop


def _split_dates(text: str, ref: dates.Reference, cue_at: int, who: Mention | None, quoted,
                 last: date | None = None) -> tuple[list, list]:
    found = dates.find_dates(text, ref.day, ref.after, last)
    if cue_at < 0:
        return [], found
    lo, hi = _claim_window(text, cue_at, who)
    claim = [d for d in found if lo <= d.start < hi and not any(a <= d.start < b for a, b in quoted)]
    return claim, [d for d in found if d not in claim]


def _speaker(s: Sentence, cues, mentions, lex: Lexicon, previous: AgentInfo | None, introduced: bool = False):
    """Who speaks: a reporting clause at the end ("..., the ministry said") first, then the cues in
    order; then the previous speaker (a pronoun, a quotation or a colon goes on); then a new agent."""
    cues = [c for c in cues if agents.trailing(s.text, c) >= 0] + [c for c in cues if agents.trailing(s.text, c) < 0]
    cited, mention = agents.cited_source(s.text, mentions, lex)
    if cited is not None and cues:  # "media reported, citing the Defence Ministry": the cited source speaks
        return cited, mention, cues[0].start
    first = min(cues, key=lambda c: c.start, default=None)
    for cue in cues:
        who, mention = agents.speaker(s.text, cue, mentions, lex)
        if who is None and cue is first and previous is not None and agents.subject_refers_back(s.text, cue):
            return previous, None, cue.start  # "The ministry noted that ..., while making claims": the ministry
        if who is not None:
            if previous is not None and who.kinds & STATE_KINDS and previous.side == who.iri:
                who = previous  # "Moscow also said" after the Russian MoD: the same speaker
            return who, mention, cue.start
    if cues and previous is not None and agents.refers_back(s.text, cues[0]):
        return previous, None, cues[0].start
    if previous is not None and (s.text[:1] in quotes.OPEN_MARKS or introduced) and not cues:
        return previous, None, -1
    if previous is not None and not cues and stance.DENY.search(s.text) and agents.spreaders(s.text, mentions):
        return previous, None, -1  # "the information spread by Armenia ... is false": the speaker before denies it
    if previous is not None and introduced and not any(agents.unknown_speaker(s.text, c, mentions) for c in cues):
        return previous, None, cues[0].start  # "We urge ..." under "The ministry said:" or a heading
    for cue in cues:
        name = agents.unknown_speaker(s.text, cue, mentions)
        if name:
            return agents.known_body(s.text, cue, lex) or new_agent(name), None, cue.start
    return None, None, (cues[0].start if cues else -1)


def new_agent(name: str) -> AgentInfo:
    """A speaker the data does not know, minted as a new agent for the curator to check."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return AgentInfo(f"{CKR}agent-draft-{slug}", name, frozenset({NEW}))


def read_sentence(s: Sentence, lex: Lexicon, ref: dates.Reference, previous: AgentInfo | None,
                  last: date | None = None, introduced: bool = False) -> Reading:
    """Speaker, stances, dates and mentions of one sentence (``last``: the latest date given before
    it; ``introduced``: the sentence before it ends in a colon, "The ministry said:")."""
    quoted = quotes.quoted_spans(s.text)
    mentions = agents.composed_mentions(s.text, scan(s.text, lex.agent_keys, lex.longest), lex)
    outside = agents.agent_mentions(mentions, quoted)
    cues = stance.find_cues(s.text, quoted) or agents.verbless_cue(s.text, outside, lex, quoted)
    who, mention, cue_at = _speaker(s, cues, outside, lex, previous, introduced)
    stances = [stance.sentence_stance(s.text, cues)] if who is not None else ["reports"]
    if stances == ["alleges"] and not stance.ACCUSATION.search(s.text) and not agents.accused_side(
            mentions, lex, who, max(cue_at, 0)):
        stances = ["reports"]  # casualties or events with nobody accused: a report
    if stances == ["reports"] and who is not None and (points.agreement_named(s.text) or points.named_points(s.text)):
        stances = ["interprets"]  # saying what the statement or a point of it does is reading it
    if stances == ["denies"] and COUNTER.search(s.text):
        stances.append("counter-alleges")
    claim_dates, event_dates = _split_dates(s.text, ref, cue_at, mention, quoted, last)
    notes = _speaker_notes(s.text, mention, lex) + _new_body_note(who, lex)
    return Reading(s, who, stances, cue_at, mentions, quoted, claim_dates, event_dates, notes)


def _speaker_notes(text: str, mention: Mention | None, lex: Lexicon) -> list[str]:
    """The body a named speaker spoke for; one side's wording for an agent."""
    out = []
    person = next((lex.agents[i] for i in (mention.iris if mention else ()) if i in lex.agents
                   and lex.agents[i].voice_of in lex.agents), None)
    if person is not None:
        body = lex.agents[person.voice_of].label
        out.append(f"{person.label} speaks for {body}: check the person holds a post in it (org:holds)")
    out += [f"the article's wording '{phrase}' is one side's ({perspective.removeprefix('perspective-')} usage), "
            "not a name to record" for phrase, perspective in contested_phrases(text, lex)]
    return out


def _new_body_note(who: AgentInfo | None, lex: Lexicon) -> list[str]:
    """A body of the drafting lexicon of bodies that the data does not record: say where it is named."""
    if who is None or NEW not in who.kinds or who.iri not in lex.body_sources:
        return []
    side = lex.agents[who.state].label if who.state in lex.agents else "no state (international)"
    return [f"{who.label} is not in the data yet: the drafting lexicon of bodies (data/drafting/bodies.toml) "
            f"gives its side as {side} and names it at {lex.body_sources[who.iri]}; record it as a "
            "ck:GovernmentBody or ck:Organization with ck:affiliatedWith before accepting the claim"]


def contested_phrases(text: str, lex: Lexicon) -> list[tuple[str, str]]:
    """(phrase, perspective) of every one-sided phrasing of the drafting lexicon in ``text``."""
    out = []
    for m in scan(text, lex.agent_keys, lex.longest):
        sides = sorted(lex.contested[k] for k in name_keys(m.text) if k in lex.contested)
        out += [(m.text, sides[0])] if sides else []
    return out


ANNOUNCES = re.compile(r"(?::|\b(?:said|stated|added|noted|declared|wrote),|\b(?:issued|released|published|spread|disseminated|circulated|made)\s+(?:a|an|the)\s+"
                       r"(?:\w+\s+){0,2}?(?:statement|press release|information|bulletin|report|announcement)"
                       r"(?:\s+(?:on|late on|early on|last|this|in|from)\b[^.:,]{0,30})?[.:])\s*$", re.I)


def _announces(text: str) -> bool:
    """"The ministry said:", "X said," or "The ministry issued a statement on Monday.": what follows is its."""
    return bool(ANNOUNCES.search(text))


def _headline(s: Sentence, sentences: list[Sentence]) -> bool:
    """A headline (a first-paragraph line without final punctuation) repeats the article: skipped."""
    return s.paragraph == sentences[0].paragraph and not s.text.rstrip().endswith((".", "!", "?", "”", '"', "’", ":"))


HEDGE = re.compile(r"\b(reportedly|allegedly|purportedly|according to (?:media |local |unconfirmed )?reports"
                   r"|(?:is|are|was|were) (?:said|reported|believed|claimed) to|it (?:is|was) (?:reported|claimed|alleged)"
                   r"|(?:witnesses|residents|locals|sources|eyewitnesses)\b)", re.I)
# "This was reported by the ministry.", "The ministry reported this.", "the ministry informs about it":
# the sentences just before are the ministry's, not the outlet's.
BACK_REF = re.compile(r"^\W*(?:this|that|it|the above)\s+(?:was|has been|is|were)\s+(?:\w+\s+)?(?:reported|stated|announced"
                      r"|said|confirmed|informed|disclosed|noted)\b|\b(?:reported|reports|said|says|stated|states|announced"
                      r"|informs|informed|confirmed|told)\s+(?:\w+\s+)?(?:this|so|about (?:it|this)|of this)\b", re.I)
FOLLOW_UP = re.compile(r"\b(reported|confirmed|announced|described)\b.{0,40}\b(the|this|that) (incident|shooting|attack"
                       r"|killing|death|strike|shelling|report|case|attack)", re.I)


def _narration(r: Reading) -> bool:
    """Outlet narration worth a claim: it reports casualties or violence (a headline does not)."""
    return bool(figures.find_figures(r.sentence.text) or events.event_types(r.sentence.text))


def _repeats_a_speaker(claim: DraftClaim, others: list[DraftClaim]) -> bool:
    """An outlet claim whose events and places a speaker's claim already gives restates that speaker."""
    kinds = {e.event_type for c in others for e in c.events}
    where = {p for c in others for p in c.places}
    return bool(others) and {e.event_type for e in claim.events} <= kinds and set(claim.places) <= where


def _drop_restated(draft: Draft) -> None:
    """The outlet's narration that only restates what a speaker of the article reports is not a claim."""
    from conflictkg.drafting.review import fold_dated_narration

    others = [c for c in draft.claims if c.claimant != draft.publisher]
    draft.claims = [c for c in draft.claims if c.claimant != draft.publisher or not _repeats_a_speaker(c, others)]
    fold_dated_narration(draft)


# "As news.am informs, Ivan Nechayev, deputy director of ..., said.": a sentence that only names who
# spoke; what was said is the sentence before it.
ONLY_WHO = re.compile(r"^\W*(?:as\s+[\w.\s-]{1,40}?\s+(?:informs|reports|writes|reported|wrote),\s*)?(?P<who>[^\"“”]{3,200}?)"
                      r",?\s+(?:said|stated|reported|announced|noted|added)(?:\s+(?:on\s+)?\w+day)?\W*$", re.I)
_CLAUSE = re.compile(r"\b(that|is|are|was|were|has|have|had|will|would|should|must|can|could|it|this)\b", re.I)


def _only_who(r: Reading) -> bool:
    """The sentence names its speaker and nothing it says (see ``ONLY_WHO``)."""
    m = ONLY_WHO.match(r.sentence.text)
    return bool(m and r.speaker is not None and not _CLAUSE.search(m.group("who")))


# "exacerbating allegations from Armenia of a blockade": what follows is someone's allegation, not the outlet's.
ALLEGATION_OF = re.compile(r"\b(allegations?|accusations?|claims?|charges?)\s+(made\s+)?(from|by)\b", re.I)


def _relayed(r: Reading) -> bool:
    """A sentence the article attributes to someone it does not name ("reportedly", "witnesses
    said", a reporting cue with no speaker found) or only as a noun ("allegations from Armenia"):
    never the outlet's own claim."""
    return bool(HEDGE.search(r.sentence.text) or ALLEGATION_OF.search(r.sentence.text)) or r.cue_at >= 0


def _claim_for(draft: Draft, claimant: str, stance_name: str, r: Reading) -> DraftClaim:
    """The claim this reading adds to: same claimant, stance and (when known) claim date."""
    day = next((d.begin for d in r.claim_dates if d.begin), None)
    for claim in draft.claims:
        if claim.claimant == claimant and claim.stance == stance_name and (
                day is None or claim.claim_date in (None, day)):
            if claim.claim_date is None and day is not None:
                claim.claim_date, claim.date_basis = day, r.claim_dates[0].text
            return claim
    claim = DraftClaim(claimant, stance_name, claim_date=day,
                       date_basis=next((d.text for d in r.claim_dates if d.begin), ""))
    draft.claims.append(claim)
    return claim


def _add_content(claim: DraftClaim, r: Reading, lex: Lexicon, context: str) -> None:
    text = r.sentence.text
    claim.sentences.append(r.sentence.index)
    claim.named_agreement |= points.statement_named(text)
    claim.named_points |= points.named_points(text, context)
    found_places = [p for p in places.find_places(text, lex) if p in places.REGIONS or _tells_events(text)]
    claim.places += [p for p in found_places if p not in claim.places]
    claim.figures += figures.find_figures(text)
    if claim.stance in ALLEGING:
        claim.implied_points |= points.implied_points(text)
        if not claim.accused and r.speaker is not None:
            claim.accused = agents.accused_side(r.mentions, lex, r.speaker, max(r.cue_at, 0))
    if claim.stance in WITH_EVENTS:
        begin, end, precision = events.span_of(r.event_dates)
        kinds = events.event_types(text) or (["military-action"] if figures.find_figures(text) else [])
        for kind in kinds:
            claim.events = events.merge_event(claim.events, EventDraft(kind, begin, end, precision,
                                                                      tuple(found_places)))
    if r.speaker is not None:
        claim.quote = claim.quote or next(iter(quotes.quotations(text)), "")
        claim.quotations += quotes.full_quotations(text)


def _give(draft: Draft, claim: DraftClaim, readings: list[Reading], speaker: AgentInfo, lex: Lexicon,
          context: str, note: str) -> None:
    """Add sentences the article gives without a source to ``speaker``'s claim, with a note."""
    for earlier in readings:
        _add_content(claim, dataclasses.replace(earlier, speaker=speaker, cue_at=-1), lex, context)
    if readings and note not in claim.notes:
        claim.notes.append(note)


def _to_outlet(draft: Draft, narrated: list[Reading], lex: Lexicon, context: str) -> None:
    """The outlet's own narration that no speaker took: a claim of the outlet ("reports")."""
    for r in narrated:
        _add_content(_claim_for(draft, draft.publisher, "reports", r), r, lex, context)
    narrated.clear()


def _tells_events(text: str) -> bool:
    """A sentence that reports an event or a toll: only its places are the claim's; a place named
    in a sentence that reports none ("the minister visited Baku", "talks on Lachin") is background.
    The region is kept for :func:`places.region_with_a_place_inside` to judge."""
    return bool(events.event_types(text) or events.INCIDENT.search(text) or figures.find_figures(text)
                or places.ZONE_WORDING.search(text))


def _attribute(draft: Draft, r: Reading, lex: Lexicon, context: str, held: list[Reading],
               narrated: list[Reading], lede: bool = False) -> None:
    """Add the reading to its claim. Narration relayed from unnamed sources is held, and goes to
    the next speaker who reports "the incident" it describes (else to nobody). The outlet's own
    narration waits for the next speaker: it is that speaker's when the speaker refers back to it
    ("This was reported by the ministry") or when it is the lede, the article's opening before
    anyone speaks, and the first speaker reports events (the lede sums up what follows); else it
    is the outlet's."""
    if r.speaker is None:
        if _relayed(r):
            held.append(r)
            draft.unspoken += [r.sentence.index] if r.cue_at >= 0 else []  # never the outlet's: the curator looks
        elif draft.publisher and _narration(r) and not background(r.sentence.text, r.event_dates, draft.meta.published):
            narrated.append(r)
        return
    if NEW in r.speaker.kinds:
        draft.new_agents[r.speaker.iri] = r.speaker.label
    takes = bool(narrated) and (bool(BACK_REF.search(r.sentence.text)) or lede and set(r.stances) & set(WITH_EVENTS))
    if not takes:
        _to_outlet(draft, narrated, lex, context)
    for stance_name in r.stances:
        claim = _claim_for(draft, r.speaker.iri, stance_name, r)
        claim.new_claimant = NEW in r.speaker.kinds
        claim.notes += [n for n in r.notes if n not in claim.notes]
        _add_content(claim, r, lex, context)
        if takes and stance_name in WITH_EVENTS:
            _give(draft, claim, narrated, r.speaker, lex, context,
                  "sentences the article gives without a source, next to this claimant's, were added: check they are its")
            narrated.clear()
        if held and (FOLLOW_UP.search(r.sentence.text) or agents.SIGNATURE.match(r.sentence.text)):
            _give(draft, claim, held, r.speaker, lex, context,
                  "sentences the article gives without a source were added: check they are this claimant's")
    held.clear()
    narrated.clear()


def draft_article(text: str, meta: ArticleMeta, lex: Lexicon) -> Draft:
    """Propose the claims an article reports (see the module docstring)."""
    from conflictkg.drafting.review import finish

    sentences = split_sentences(text)
    ref = dates.reference_date(meta.published, [s.text for s in sentences])
    source, publisher = lex.sources.get(meta.url, ("", ""))
    draft = Draft(meta, source, publisher or _publisher(meta.publisher, lex), [], [s.text for s in sentences])
    previous: AgentInfo | None = None
    document = ""  # the latest sentence that names a document: what "point 9" is a point of
    held: list[Reading] = []  # narration relayed from unnamed sources, waiting for its reporter
    narrated: list[Reading] = []  # the outlet's own narration, waiting to see who speaks next
    last: date | None = None  # the latest date given so far: "the following day" counts from it
    voice = headings.own_voice(draft.publisher, lex)  # a heading's speaker ("Statement by ..."): the text under it is theirs
    spoke = False  # has anyone spoken yet (before that, narration is the lede)
    told: AgentInfo | None = None  # the speaker of the sentence before (a paragraph goes on in their voice)
    bare: Reading | None = None  # the sentence before, when nobody was found speaking it
    for i, s in enumerate(sentences):
        heading = headings.heading_speaker(s.text, lex)
        voice, previous = (heading, None) if heading else (voice, previous)  # a heading's speaker starts anew
        if heading is None and not _headline(s, sentences):
            near = i and sentences[i - 1].paragraph >= s.paragraph - 1
            same = bool(told) and sentences[i - 1].paragraph == s.paragraph
            r = read_sentence(s, lex, ref, (previous if near else None) or voice, last,
                              bool(voice) or same or bool(near and _announces(sentences[i - 1].text)))
            if bare is not None and _only_who(r):  # the sentence before is what this speaker said
                narrated[:] = [x for x in narrated if x is not bare]
                r = read_sentence(bare.sentence, lex, ref, r.speaker, last, True)
            bare = r if r.speaker is None else None
            _attribute(draft, r, lex, document, held, narrated, not spoke)
            spoke, told = spoke or r.speaker is not None, r.speaker
            previous = r.speaker or previous
            last = next((d.begin for d in reversed(r.claim_dates + r.event_dates) if d.begin), last)
        document = s.text if points.document_named(s.text) else document
    _to_outlet(draft, narrated, lex, document)
    _drop_restated(draft)
    draft = finish(draft, lex, ref.day, not ref.after)
    for claim in draft.claims:
        places.region_with_a_place_inside(claim)
    return draft


def _publisher(name: str, lex: Lexicon) -> str:
    """The outlet named by the curator: an IRI as given, else the agent with that name."""
    if not name or name.startswith("http"):
        return name
    from conflictkg.names import name_key

    hits = sorted(i for i in lex.agent_keys.get(name_key(name), ()) if lex.agents[i].is_media)
    return hits[0] if hits else ""
