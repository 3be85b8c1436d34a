"""A heading that names who speaks: "STATEMENT BY SECRETARY ANTONY J. BLINKEN", "Statement of
Ministry of Defense of Armenia", "Press release of the Ministry of Foreign Affairs". The text under
it is that speaker's own words, so its sentences that name no speaker of their own are the
speaker's, and never the outlet's narration.

A heading is a line without final punctuation that starts with the name of a document (statement,
press release, comment, announcement, readout, remarks, message, address, information) followed by
"by", "of" or "from". The speaker is the agent named in that phrase, before any "on ..." that gives
the topic; a body or person is preferred to a state ("Statement by the Foreign Ministry of Armenia").
"""

from __future__ import annotations

import re

from conflictkg.drafting import agents
from conflictkg.drafting.lexicon import STATE_KINDS, AgentInfo, Lexicon
from conflictkg.drafting.scan import scan

HEADING = re.compile(r"^\s*(?:joint\s+|official\s+|press\s+)?(?:statement|press[- ]release|comment|commentary|announcement"
                     r"|readout|remarks|message|address|information|communiqu[eé])s?\s+(?:issued\s+)?(?:by|of|from)\s+(.+)$",
                     re.I)
TOPIC = re.compile(r"\s+(?:on|about|regarding|concerning|in connection with|following|after|over|to)\s", re.I)


def heading_speaker(text: str, lex: Lexicon) -> AgentInfo | None:
    """The agent a heading line names as the speaker of what follows, or None (not a heading)."""
    text = text.strip()
    m = HEADING.match(text)
    if not m or text.endswith((".", "!", "?", ":", '"', "”")):
        return None
    phrase = m.group(1)
    topic = TOPIC.search(phrase)
    phrase = phrase[:topic.start()] if topic else phrase
    found = agents.composed_mentions(phrase, scan(phrase, lex.agent_keys, lex.longest), lex)
    infos = [lex.agents[i] for mention in found for i in sorted(mention.iris) if i in lex.agents]
    bodies = [a for a in infos if not a.kinds & STATE_KINDS and not a.is_media]
    return (bodies or infos or [None])[-1]
