"""A heading that names who speaks: "STATEMENT BY SECRETARY ANTONY J. BLINKEN", "Statement of
Ministry of Defense of Armenia", "Press release of the Ministry of Foreign Affairs". The text under
it is that speaker's own words, so its sentences that name no speaker of their own are the
speaker's, and never the outlet's narration.

A heading is a line without final punctuation that starts with the name of a document (statement,
press release, comment, announcement, readout, remarks, message, address, information) followed by
"by", "of" or "from", or that says who delivered it ("Statement on ... as delivered by Ambassador
X at ..."), or that opens with one speaker's possessive ("Foreign Minister X's comment
following ..."; "Yerevan Refutes Baku's Statement" names two agents and is a headline). The speaker
is the agent named in that phrase, before any "on ..." that gives the topic; a body or person is
preferred to a state ("Statement by the Foreign Ministry of Armenia"). A body that publishes on its
own site speaks in its own voice in the same way (:func:`own_voice`).
"""

from __future__ import annotations

import re

from conflictkg.drafting import agents
from conflictkg.drafting.lexicon import STATE_KINDS, AgentInfo, Lexicon
from conflictkg.drafting.scan import scan

HEADING = re.compile(r"^\s*(?:joint\s+|official\s+|press\s+)?(?:statement|press[- ]release|comment|commentary|announcement"
                     r"|readout|remarks|message|address|information|communiqu[eé])s?\s+(?:issued\s+)?(?:by|of|from)\s+(.+)$",
                     re.I)
# "Foreign Minister Jane Roe's comment following talks with ...": the speaker before the document's name.
POSSESSIVE = re.compile(r"^\s*((?:[A-Z][\w.-]*\s+){0,6}[A-Z][\w.-]*)['’]s?\s+(?:joint\s+|official\s+|press\s+)?(?:statement|press[- ]release|comment"
                        r"|commentary|announcement|readout|remarks|message|address)\b", re.I)
# "Statement on the violations ... as delivered by Ambassador Jane Roe at the meeting of ...": who delivered it.
DELIVERED = re.compile(r"^\s*(?:joint\s+|official\s+)?(?:statement|remarks|address|speech|message)\b.*?\b(?:as\s+)?"
                       r"(?:delivered|read|made|given)\s+by\s+(.+?)(?:\s+(?:at|during|in|before)\s.*)?$", re.I)
TOPIC = re.compile(r"\s+(?:on|about|regarding|concerning|in connection with|following|after|over|to)\s", re.I)


def heading_speaker(text: str, lex: Lexicon) -> AgentInfo | None:
    """The agent a heading line names as the speaker of what follows, or None (not a heading)."""
    text = text.strip()
    m = HEADING.match(text) or POSSESSIVE.match(text) or DELIVERED.match(text)
    if not m or text.endswith((".", "!", "?", ":", '"', "”")):
        return None
    phrase = m.group(1)
    topic = TOPIC.search(phrase)
    phrase = phrase[:topic.start()] if topic else phrase
    found = agents.composed_mentions(phrase, scan(phrase, lex.agent_keys, lex.longest), lex)
    if m.re is POSSESSIVE and (len(found) != 1 or found[0].end != len(phrase)):
        return None  # "Yerevan Refutes Baku's Statement": a headline, not the speaker's own text
    infos = [lex.agents[i] for mention in found for i in sorted(mention.iris) if i in lex.agents]
    bodies = [a for a in infos if not a.kinds & STATE_KINDS and not a.is_media]
    return (bodies or infos or [None])[-1]


def own_voice(publisher: str, lex: Lexicon) -> AgentInfo | None:
    """A body that publishes on its own site (a ministry's bulletin, not a media outlet) speaks in
    its own voice, as under a heading: its text that names no other speaker is its own ("We declare
    that ...")."""
    info = lex.agents.get(publisher)
    return info if info is not None and not info.is_media and not info.kinds & STATE_KINDS else None
