"""Who speaks in a sentence, and whom the claim accuses.

The speaker is the agent named next to a reporting cue: the last agent named before the cue
(its subject), or the first one after it for "according to X" and "said X". An agent right after
"told" is the addressee (the outlet), never the speaker. Pronouns and "the ministry" carry the
previous speaker over. Sides ("Azerbaijani forces", "Baku") are resolved to their state for the
accused party.
"""

from __future__ import annotations

import re

from conflictkg.drafting.lexicon import PERSON, STATE_KINDS, AgentInfo, Lexicon
from conflictkg.drafting.scan import Mention
from conflictkg.drafting.stance import FOREIGN_SPEECH, Cue, present_forms

ANAPHOR = re.compile(r"\b(it|he|she|they|the ((foreign|defen[cs]e|interior|deputy|vice|prime) )?(ministry|department|agency|office|spokes\w+|statement|minister"
                     r"|defen[cs]e ministry|foreign ministry|military|president|prime minister|premier|official|diplomat"
                     r"|ombuds\w+|service|cent(er|re)|headquarters|command|army|report|bulletin|press release"
                     r"|head of (state|government)|(general )?secretariat|commissioner|court|senate|assembly|parliament))\b", re.I)
CK_BODY = "https://w3id.org/conflictkg/ontology#GovernmentBody"
CK_ARMED = "https://w3id.org/conflictkg/ontology#ArmedForce"
_TOLD = re.compile(r"\b(told|to)\s*$", re.I)


def agent_mentions(mentions: list[Mention], quoted: list[tuple[int, int]]) -> list[Mention]:
    """Agent mentions outside quotations."""
    return [m for m in mentions if not any(a <= m.start < b for a, b in quoted)]


def _pick(m: Mention, lex: Lexicon) -> AgentInfo:
    """One agent for an ambiguous name: a government body or force over a state, then by IRI."""
    infos = [lex.agents[i] for i in m.iris if i in lex.agents]
    infos.sort(key=lambda a: (a.is_media, not a.state, a.iri))
    return infos[0]


# Verbs whose speaker may follow them ("said the ministry"); after "accused" or "urged" comes the object.
_INVERTIBLE = ["said", "says", "added", "noted", "stated", "wrote", "explained", "reported", "announced", "claimed",
               "stressed", "continued"]
INVERTIBLE = re.compile("|".join(_INVERTIBLE) + "|" + FOREIGN_SPEECH, re.I)
_CLOSING_PAST = [w for w in _INVERTIBLE if w.endswith("ed")] + [
    "warned", "insisted", "emphasized", "emphasised", "underlined", "confirmed"]
# "..., the ministry said." and its present "..., the spokesperson confirms."
_CLOSING_NOW = [w for w in present_forms(_CLOSING_PAST) if w != "states"]  # "..., the Baltic states."
CLOSING = re.compile(rf"{INVERTIBLE.pattern}|told|{'|'.join(_CLOSING_PAST)}|{'|'.join(_CLOSING_NOW)}", re.I)
_BOUNDARY = re.compile(r"(?:,|[”\"’](?=\s)|\s[—–])\s*")  # a comma, a closing quote, a dash


# ", adding that ...", ", noting that ...": the same speaker goes on, in the same claim.
CONTINUATION = re.compile(r",\s*(?:adding|noting|stressing|saying|explaining|underlining|emphasi[sz]ing|recalling)\b", re.I)


def trailing(text: str, cue: Cue) -> int:
    """For a reporting clause at the end ("..., the ministry said on Monday.", "..., said X, the
    ministry's spokesperson."), where it starts (after the comma or quote); -1 otherwise. A
    continuation after it (", adding that ...") is the same speaker's and does not end the clause."""
    rest = text[cue.end:]
    going_on = CONTINUATION.search(rest)
    rest = rest[:going_on.start()] if going_on else rest
    if re.search(r"\bthat\b|:", rest) or len(rest) > 90 or not CLOSING.fullmatch(cue.text):
        return -1
    boundary = None
    for boundary in _BOUNDARY.finditer(text[:cue.start]):
        pass
    if boundary and not text[boundary.end():cue.start].strip() and _APPOSITION.search(text[:boundary.start()]):
        return -1  # "Artak Beglaryan, the ombudsman of ..., said troops fired": the apposition names the speaker
    return boundary.end() if boundary and boundary.start() > 15 else -1


# A name and its role between commas, right before ", said": "Hunan Tadevosyan, spokesman of the Service".
_APPOSITION = re.compile(r"\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+,\s+(?:the\s+|a\s+|an\s+)?[a-z][^,]{2,90}$")


_SUBJECT_LEAD = re.compile(r"(?:[\W\d]|\b(?:date|the|on|in|at|late|early|\w+day)\b)*", re.I)  # "date 2023-07-11 ", "On Monday, the "


def speaker(text: str, cue: Cue, mentions: list[Mention], lex: Lexicon) -> tuple[AgentInfo | None, Mention | None]:
    """The agent who speaks through ``cue``, if named in the sentence. In a reporting clause at
    the end of the sentence, the names before its comma are what is reported, not who speaks."""
    mentions = [m for m in mentions if m not in not_speaking(text, mentions, lex)]
    before = outside_listings([m for m in mentions if m.end <= cue.start and not _TOLD.search(text[:m.start])],
                              text, cue.start)
    after = [m for m in mentions if m.start >= cue.end and not _TOLD.search(text[cue.end:m.start])]
    by = re.match(r"\s+by\s+", text[cue.end:])  # "was reported by the ministry": the passive's agent speaks
    if by and after and after[0].start - cue.end <= by.end() + 4:
        return for_body(text, _pick(after[0], lex), after[0], mentions, lex), after[0]
    clause = trailing(text, cue)
    if clause >= 0:
        # a name that runs over the comma is in the clause ("the State Commission for Prisoners of War, Hostages ...")
        before = [m for m in before if m.end > clause]
        after = [m for m in after if m.start - cue.end <= 80]
        chosen = before[-1] if before else titled_person(after, text, lex)
        return (None, None) if chosen is None else (for_body(text, _pick(chosen, lex), chosen, mentions, lex), chosen)
    chosen = None
    if cue.after_speaker and after and after[0].start - cue.end <= 5:
        chosen = after[0]
    elif before and cue.text.lower().endswith("ing"):  # "Baku shut the road to Armenia, accusing ...": the subject,
        chosen = before[0] if _SUBJECT_LEAD.fullmatch(text[:before[0].start]) else None  # named first, or nobody
    elif before:
        chosen = _person_in_apposition(before, text, cue, lex) or before[-1]
    elif after and _close_after(text, cue, after[0]) and INVERTIBLE.fullmatch(cue.text):  # "said the ministry"
        chosen = titled_person(after, text, lex)
    if chosen is None:
        return None, None
    return for_body(text, _pick(chosen, lex), chosen, mentions, lex), chosen


_ADVERB = re.compile(r"\s*(?:(?:today|yesterday|also|on \w+day|later|earlier)\s+)?(?:the\s+)?", re.I)  # "said today the ..."
_TITLE_ONLY = re.compile(r"[^,;:“”\"]{0,60}?,?\s*", re.I)
_VERB = re.compile(r"\b(that|who|which|is|are|was|were|has|have|had|will|would|\w+ed|\w+ing)\b", re.I)


def _person_in_apposition(before: list[Mention], text: str, cue: Cue, lex: Lexicon) -> Mention | None:
    """"Jane Roe, spokesperson of the Foreign Ministry, said": the person, not the body of the title."""
    for m in before[-3:-1]:
        between = text[m.end:cue.start]
        if (PERSON in _pick(m, lex).kinds and re.fullmatch(r",[^,]{3,90},\s*(?:\w+ly\s+)?", between)
                and not _VERB.search(between)):
            return m
    return None


def _close_after(text: str, cue: Cue, m: Mention) -> bool:
    """The name right after the cue: "said the ministry", "said Mr. X", "said today the ministry"."""
    return m.start - cue.end <= 5 or bool(_ADVERB.fullmatch(text[cue.end:m.start]))


def titled_person(after: list[Mention], text: str, lex: Lexicon) -> Mention | None:
    """The speaker named after an inverted cue: the first name, or the person a title before them
    introduces ("said Council of Europe Commissioner for Human Rights, Jane Roe": the person)."""
    if not after:
        return None
    first = after[0]
    for m in after[1:3]:
        between = text[first.end:m.start]
        if (PERSON in _pick(m, lex).kinds and PERSON not in _pick(first, lex).kinds
                and _TITLE_ONLY.fullmatch(between) and not _VERB.search(between)):
            return m
    return first


def verbless_cue(text: str, mentions: list[Mention], lex: Lexicon, quoted: list[tuple[int, int]] = ()) -> list[Cue]:
    """A sentence with no cue outside its quotations, whose speaker is still plain: its subject
    followed by a quotation that goes on with the verb ("The European Parliament “strongly condemns
    ...”"), or its speaker at the end after a comma, the verb left out ("..., acting Prime Minister
    of Armenia Jane Roe."). A "said" is put there, so that the subject or the person speaks."""
    return _subject_quote(text, mentions, quoted) or _verbless_end(text, mentions, lex) or _signature(text, mentions)


# An embedded post's signature: "— Jane Roe (@janeroe) July 16, 2022": the post above it is hers.
SIGNATURE = re.compile(r"^\s*[—–-]\s*(?P<who>[^()@]{3,60}?)\s*\(@\w+\)")


def _signature(text: str, mentions: list[Mention]) -> list[Cue]:
    """A "said" after the name of a post's signature, so that the name speaks."""
    m = SIGNATURE.match(text)
    named = [x for x in mentions if m and m.start("who") <= x.start and x.end <= m.end("who")]
    return [Cue(named[-1].end, named[-1].end, "said")] if named else []


def _subject_quote(text: str, mentions: list[Mention], quoted: list[tuple[int, int]]) -> list[Cue]:
    """The subject (first, with nothing but "The" or a date before it) right before a quotation
    that opens in lower case (the verb is quoted)."""
    first = min(mentions, key=lambda m: m.start, default=None)
    if first is None or not _SUBJECT_LEAD.fullmatch(text[:first.start]):
        return []
    opens = [a for a, _b in quoted if 0 <= a - first.end <= 2 and re.match(r".\s*[a-z]", text[a:a + 3])]
    return [Cue(opens[0], opens[0], "said")] if opens else []


def _verbless_end(text: str, mentions: list[Mention], lex: Lexicon) -> list[Cue]:
    """The speaker at the end after a comma: only a known person, only a title (no verb) between."""
    body = text.rstrip().rstrip(".!?”\"’' ")
    last = max(mentions, key=lambda m: m.end, default=None)
    if last is None or last.end < len(body) or PERSON not in _pick(last, lex).kinds:
        return []
    comma = body.rfind(",", 0, last.start)
    if comma < 15:  # no comma, or one too near the start to close a sentence before the speaker
        return []
    between = body[comma + 1:last.start]
    title = re.sub(r"\b(acting|united|elected|appointed|designated|outgoing|incoming|ruling)\b", "", between, flags=re.I)
    if len(between) > 70 or _VERB.search(title) or re.search(r"[“”\"]", between):
        return []
    return [Cue(len(body), len(body), "said")]


# A list set off by a dash right after a title: "The envoys of the co-chair countries – X of Russia, Y of
# France and Z – have urged": up to the next dash or the cue, with a comma or "and" in it.
_DASH_LIST = re.compile(r"\s[–—]\s+(?=[^–—]*(?:,|\band\b))[^–—]*?(?=\s[–—]\s|\s*$)")


def outside_listings(mentions: list[Mention], text: str, cue_at: int) -> list[Mention]:
    """The mentions (before the cue at ``cue_at``) that are not in a listing of who holds
    a title, when there are any: a parenthesis ("The Co-Chairs (Jane Roe of Russia, John Doe of
    France) have called on") or a dash list right after the title ("The envoys of the co-chair
    countries – X of Russia, Y of France – have urged"): the title speaks."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text)]
    spans += [(d.start(), d.end()) for d in _DASH_LIST.finditer(text[:cue_at])
              if any(0 <= d.start() - m.end <= 25 for m in mentions)]
    kept = [m for m in mentions if not any(a < m.start and m.end <= b for a, b in spans)]
    return kept or mentions


# "in a statement cited by TASS", "quoted by Interfax": the outlet relays, it does not speak; "the information
# spread by the Armenian side": the side is the source of what is denied, not the sentence's speaker.
_RELAY = re.compile(r"\b(?:cited|quoted|carried|relayed|circulated|spread|disseminated)\s+by\s+(?:the\s+)?$", re.I)


def not_speaking(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Mentions that cannot speak in this sentence: an outlet that relays the statement ("cited
    by TASS") and a side named as spreading information (the claimant of that information; the
    sentence's speaker denies it)."""
    spread = spreaders(text, mentions)
    return [m for m in mentions if m in spread or (_RELAY.search(text[:m.start]) and _pick(m, lex).is_media)]


def spreaders(text: str, mentions: list[Mention]) -> list[Mention]:
    """The agents named as spreading information ("disinformation spread by the Armenian side")."""
    return [m for m in mentions if (by := _RELAY.search(text[:m.start]))
            and by.group(0).lower().startswith(("spread", "disseminated", "circulated"))]


# "..., the agency reported, citing the Defence Ministry": the source the reporter relays speaks.
CITING = re.compile(r"\b(?:citing|quoting|with reference to|referring to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)


def cited_source(text: str, mentions: list[Mention], lex: Lexicon) -> tuple[AgentInfo | None, Mention | None]:
    """The agent a reporter relays ("media reported, citing the Russian Defence Ministry"): the
    claim is the cited agent's, not the relaying outlet's or the agency's."""
    for m in mentions:
        if CITING.search(text[:m.start]) and text[m.end:m.end + 1] != "-":  # not "referring to the Russian-brokered truce"
            return for_body(text, _pick(m, lex), m, mentions, lex), m
    return None, None


OFFICE_OF = re.compile(r"['’]s?\s+(office|press (service|office|secretary)|spokes\w+|administration|aides?|team)\b", re.I)


def for_body(text: str, who: AgentInfo, mention: Mention, mentions: list[Mention], lex: Lexicon) -> AgentInfo:
    """The claimant is whoever the page names as speaking (docs/curating/conventions.md): a named
    person stays the claimant ("Russian foreign ministry spokesperson Maria Zakharova said"), and
    only a person's office speaks for its body ("Pashinyan's office said")."""
    if PERSON not in who.kinds:
        return who
    body = who.body if who.body in lex.agents else who.voice_of
    if body in lex.agents and OFFICE_OF.match(text, mention.end):
        return lex.agents[body]
    return who


def refers_back(text: str, cue: Cue) -> bool:
    """True when the cue's subject is a pronoun or "the ministry" (the previous speaker)."""
    window = text[max(0, cue.start - 40):cue.start]
    return bool(ANAPHOR.search(window)) or cue.start < 3


def subject_refers_back(text: str, cue: Cue) -> bool:
    """True when the sentence opens with a pronoun or "the ministry" right before its first cue
    ("The ministry noted that ..."): the subject is the previous speaker, whatever follows."""
    lead = ANAPHOR.match(text[:cue.start].strip())
    return bool(lead) and lead.end() == len(text[:cue.start].strip())


def accused_side(mentions: list[Mention], lex: Lexicon, claimant: AgentInfo, after: int = 0) -> str:
    """The first side named after position ``after`` (the cue: what is reported), else before it,
    other than the claimant's own side (an IRI, or "")."""
    own = {claimant.iri, claimant.side, lex.agents.get(claimant.body, claimant).side}
    ordered = [m for m in mentions if m.start >= after] + [m for m in mentions if m.start < after]
    forces = [m for m in ordered if any(CK_ARMED in lex.agents[i].kinds for i in m.iris if i in lex.agents)]
    ordered = forces + [m for m in ordered if m not in forces]
    for m in ordered:
        for iri in m.iris:
            info = lex.agents.get(iri)
            if info is None or info.is_media:
                continue
            side = info.side or (lex.agents[info.body].side if info.body in lex.agents else "")
            if side and side not in own:
                return side
    return ""


# "the Defense Ministry of the unrecognized Nagorno-Karabakh republic", "Artsakh's Interior Ministry",
# "Azerbaijan's State Border Service", "the Karabakh ombudsman": a role word next to a side names
# that side's body with the role in its label.
ROLES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"\b(defen[cs]e ministry|ministry of defen[cs]e|defen[cs]e minister)\b", re.I), re.compile(r"defen[cs]e", re.I)),
    (re.compile(r"\b(foreign ministry|ministry of foreign affairs|foreign minister)\b", re.I), re.compile(r"foreign affairs", re.I)),
    (re.compile(r"\b(interior ministry|ministry of (the )?interior|ministry of internal affairs)\b", re.I),
     re.compile(r"internal affairs|interior", re.I)),
    (re.compile(r"\b(information cent(er|re)|info ?cent(er|re))\b", re.I), re.compile(r"information cent", re.I)),
    (re.compile(r"\bdeputy prime minister\b", re.I), re.compile(r"deputy prime minister", re.I)),
    (re.compile(r"\b(president(ial)? (administration|office)|president['’]s office|presidential aide|president)\b", re.I),
     re.compile(r"\bpresident\b", re.I)),
    (re.compile(r"\b(prime minister|premier|government|cabinet of ministers)\b", re.I),
     re.compile(r"^(?!.*deputy).*\b(government|prime minister)\b", re.I)),
    (re.compile(r"\bborder (service|guards?|troops)\b", re.I), re.compile(r"\bborder\b", re.I)),
    (re.compile(r"\b(human rights defender|ombuds\w+)\b", re.I), re.compile(r"human rights|ombuds", re.I)),
    (re.compile(r"\binvestigative committee\b", re.I), re.compile(r"investigative committee", re.I)),
    (re.compile(r"\bprosecutor(['’]s office| general)?\b", re.I), re.compile(r"prosecutor", re.I)),
    (re.compile(r"\bpolice\b", re.I), re.compile(r"\bpolice\b", re.I)),
)
REGION_AUTHORITY = {"place-nagorno-karabakh": "agent-artsakh"}  # the region's name used for its authorities


def _sides_near(text: str, start: int, end: int, lex: Lexicon) -> list[str]:
    """States or authorities named just before a role word (possessive, adjective) or just after it
    ("of ..."), nearest first."""
    from conflictkg.drafting.scan import scan

    found: list[tuple[int, str]] = []
    for lo, hi, before in ((max(0, start - 30), start, True), (end, min(len(text), end + 50), False)):
        window = text[lo:hi]

        def distance(m: Mention) -> int:
            return len(window) - m.end if before else m.start

        for m in scan(window, lex.agent_keys, lex.longest):
            found += [(distance(m), i) for i in m.iris if i in lex.agents and lex.agents[i].kinds & STATE_KINDS]
        for m in scan(window, lex.place_keys, lex.longest):
            found += [(distance(m), i.rsplit("/", 1)[0] + "/" + REGION_AUTHORITY[i.rsplit("/", 1)[1]])
                      for i in m.iris if i.rsplit("/", 1)[1] in REGION_AUTHORITY]
    return [iri for _d, iri in sorted(found)]


def composed_mentions(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """``mentions`` with role words resolved to the body of the side named next to them (a bare
    role word that resolves to nothing is left alone)."""
    out = list(mentions)
    for role, label in ROLES:
        for m in role.finditer(text):
            if any(x.start <= m.start() < x.end and not _is_side(x, lex) for x in out):  # already a body
                continue
            bodies = next((found for side in _sides_near(text, m.start(), m.end(), lex)
                           if (found := sorted(a.iri for a in lex.agents.values()
                                               if a.state == side and CK_BODY in a.kinds and label.search(a.label)))),
                          [])
            if bodies:
                out = [x for x in out if not (m.start() - 30 <= x.start < m.end() + 50 and _is_side(x, lex))]
                out.append(Mention(m.start(), m.end(), m.group(0), (bodies[0],)))
    return sorted(out, key=lambda x: x.start)


def _is_side(m: Mention, lex: Lexicon) -> bool:
    return any(i in lex.agents and lex.agents[i].kinds & STATE_KINDS for i in m.iris)


_NAME = re.compile(r"((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+)(?:,[^,]{1,70},)?\s*$")
_NOT_NAMES = frozenset("The A An On In At According After Before Meanwhile However But And Earlier Later Monday "
                       "Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
                       "July August September October November December".split())


def unknown_speaker(text: str, cue: Cue, mentions: list[Mention]) -> str:
    """The name of a speaker the data does not know: two to four capitalised words right before the
    cue ("Mikayel Gyurjyan, the Mayor of Martakert, told"), or right after "according to"."""
    if cue.after_speaker:
        m = re.match(r"\s*((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)", text[cue.end:])
        name = m.group(1) if m else ""
    else:
        m = _NAME.search(text[:cue.start])
        name = m.group(1) if m else ""
    words = name.split()
    if len(words) < 2 or words[0] in _NOT_NAMES or any(w.isupper() and len(w) > 1 for w in words):
        return ""
    start = text.find(name)
    if any(x.start <= start < x.end for x in mentions):
        return ""
    return name


# A body's title before a cue: capitalised words joined by "of", "for", "on", "and", commas
# ("the State Commission for Prisoners of War, Hostages and Missing Persons said").
_TITLE = re.compile(r"((?:[A-Z][\w'’-]*(?:\s+|,\s+(?=[A-Z])|\s+(?:of|for|on|and|the)\s+(?=[A-Z])))*[A-Z][\w'’-]*)\s*$")
_FILLER = frozenset({"of", "for", "on", "and", "the", "republic"})


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_][\w'’-]*", text.lower()) if w not in _FILLER}


def known_body(text: str, cue: Cue, lex: Lexicon) -> AgentInfo | None:
    """A body the data knows, named by a title that is not one of its recorded names: the title's
    words (two or more) are all words of exactly one body's label ("the State Service of Emergency
    Situations" → "State Service of Emergency Situations of Artsakh (Nagorno-Karabakh)"). A title
    that fits several bodies is kept to the one of a side named in the sentence, else left alone."""
    if cue.after_speaker:
        return None
    m = _TITLE.search(text[:cue.start])
    words = _words(m.group(1)) if m else set()
    if len(words) < 2:
        return None
    bodies = [a for a in lex.agents.values() if PERSON not in a.kinds and not a.is_media
              and not a.kinds & STATE_KINDS and words <= _words(a.label)]
    if len(bodies) > 1:
        sides = {i for i in lex.agents if i in {b.state for b in bodies} and _words(lex.agents[i].label) & _words(text)}
        bodies = [b for b in bodies if b.state in sides]
    return bodies[0] if len(bodies) == 1 else None
