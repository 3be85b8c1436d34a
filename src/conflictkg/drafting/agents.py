"""Who speaks in a sentence, and whom the claim accuses.

The speaker is the agent named next to a reporting cue: the last agent named before the cue
(its subject), or the first one after it for "according to X" and "said X". An agent right after
"told" is the addressee (the outlet), never the speaker. Pronouns and "the ministry" carry the
previous speaker over. Sides ("Azerbaijani forces", "Baku") are resolved to their state for the
accused party.
"""

from __future__ import annotations

import re

from conflictkg.drafting.lexicon import AgentInfo, Lexicon
from conflictkg.drafting.scan import Mention
from conflictkg.drafting.stance import Cue

ANAPHOR = re.compile(r"\b(it|he|she|they|the (ministry|department|agency|office|spokes\w+|statement|minister"
                     r"|defen[cs]e ministry|foreign ministry|military))\b", re.I)
_TOLD = re.compile(r"\b(told|to)\s*$", re.I)


def agent_mentions(mentions: list[Mention], quoted: list[tuple[int, int]]) -> list[Mention]:
    """Agent mentions outside quotations."""
    return [m for m in mentions if not any(a <= m.start < b for a, b in quoted)]


def _pick(m: Mention, lex: Lexicon) -> AgentInfo:
    """One agent for an ambiguous name: a government body or force over a state, then by IRI."""
    infos = [lex.agents[i] for i in m.iris if i in lex.agents]
    infos.sort(key=lambda a: (a.is_media, not a.state, a.iri))
    return infos[0]


def speaker(text: str, cue: Cue, mentions: list[Mention], lex: Lexicon) -> tuple[AgentInfo | None, Mention | None]:
    """The agent who speaks through ``cue``, if named in the sentence."""
    before = [m for m in mentions if m.end <= cue.start and not _TOLD.search(text[:m.start])]
    after = [m for m in mentions if m.start >= cue.end and not _TOLD.search(text[cue.end:m.start])]
    if cue.after_speaker and after and after[0].start - cue.end <= 5:
        return _pick(after[0], lex), after[0]
    if before:
        return _pick(before[-1], lex), before[-1]
    if after and after[0].start - cue.end <= 5:  # "said the ministry"
        return _pick(after[0], lex), after[0]
    return None, None


def refers_back(text: str, cue: Cue) -> bool:
    """True when the cue's subject is a pronoun or "the ministry" (the previous speaker)."""
    window = text[max(0, cue.start - 40):cue.start]
    return bool(ANAPHOR.search(window)) or cue.start < 3


def accused_side(mentions: list[Mention], lex: Lexicon, claimant: AgentInfo, after: int = 0) -> str:
    """The first side named after position ``after`` (the cue: what is reported), else before it,
    other than the claimant's own side (an IRI, or "")."""
    own = {claimant.iri, claimant.side, lex.agents.get(claimant.body, claimant).side}
    ordered = [m for m in mentions if m.start >= after] + [m for m in mentions if m.start < after]
    for m in ordered:
        for iri in m.iris:
            info = lex.agents.get(iri)
            if info is None or info.is_media:
                continue
            side = info.side or (lex.agents[info.body].side if info.body in lex.agents else "")
            if side and side not in own:
                return side
    return ""
