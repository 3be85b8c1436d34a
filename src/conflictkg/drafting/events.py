"""Events a claim describes: a type from the words of the reported content, the dates given for
it (resolved like claim dates, with their precision) and the places named with it."""

from __future__ import annotations

import re
from datetime import date

from conflictkg.drafting.dates import DateMention
from conflictkg.drafting.model import EventDraft

EVENT_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("drone-strike", re.compile(r"drone|\buav|bayraktar", re.I)),
    ("shelling", re.compile(r"shell(ed|ing|s)\b|artillery|mortar", re.I)),
    ("armed-clash", re.compile(r"clash|exchange of fire|shootout|firefight|skirmish", re.I)),
    ("observation-post-established", re.compile(r"observation post", re.I)),
    ("ground-advance", re.compile(r"advanc(e|es|ed|ing)\b|entered|moved into|crossed into|infiltrat\w*|incursion|invasion|invaded|seized|captured"
                                  r"|took (control|over)", re.I)),
    ("ceasefire-violation", re.compile(r"violat\w* (of )?(the )?(regime of (the )?)?cease-?fire|cease-?fire (regime )?violations?"
                                     r"|cease-?fire (regime )?was (\w+ )?violated", re.I)),
    ("withdrawal", re.compile(r"withdr[ae]w(al|n|s)?\b|pulled back|pullout", re.I)),
    ("blockade", re.compile(r"blockade|blocked|closed the (road|corridor)|suspend\w* (the )?(passage|traffic|movement)"
                            r"|(passage|traffic|movement)\b[^.]{0,60}\b(is|was|were|are|been) (\w+ )?suspended", re.I)),
    ("territory-handover", re.compile(r"\b(hand(ed|ing)?[- ]over|return(ed|ing)?|transfer(red|ring)?) (of |to )?(the )?"
                                      r"(city|town|village|district|region|settlement)s? of\b"
                                      r"|\b(hand[- ]?over|return|transfer) of the (city|town|village|district|settlement)", re.I)),
    ("prisoner-exchange", re.compile(r"exchange of (prisoners|detainees)|prisoner exchange|repatriat", re.I)),
    ("armed-attack", re.compile(r"\battack(ed|s)?\b|opened (\w+ ){0,2}fire|fire was opened|fired (at|on|upon|towards|in the direction)"
                                r"|sniper|small[- ]arms fire|gunfire|(came|come|comes|was|were) under fire|shot (at|dead)|subjected (\w+ ){0,2}to (\w+ ){0,2}fire", re.I)),
)


# Something happened at a place, though of no type above: its places are the claim's (an explosion at a
# depot, an evacuation, a deployment).
INCIDENT = re.compile(r"\b(explosions?|blasts?|exploded|evacuat\w*|deployed|killed|wounded|injured)\b", re.I)


def event_types(text: str) -> list[str]:
    """ckv: event types the text describes, in a fixed order."""
    return [name for name, pattern in EVENT_TYPES if pattern.search(text)]


def span_of(dates: list[DateMention]) -> tuple[date | None, date | None, str]:
    """The range covered by resolved dates, and its precision (one day or a range of days)."""
    days = [d for m in dates if m.begin for d in (m.begin, m.end_date)]
    if not days:
        return None, None, ""
    begin, end = min(days), max(days)
    return begin, end, "precision-day" if begin == end else "precision-days-range"


def merge_event(events: list[EventDraft], new: EventDraft) -> list[EventDraft]:
    """Add ``new``, or widen the event of the same type already drafted for the claim."""
    for i, old in enumerate(events):
        if old.event_type == new.event_type:
            days = [d for d in (old.begin, old.end, new.begin, new.end) if d]
            begin, end = (min(days), max(days)) if days else (None, None)
            precision = "" if not days else "precision-day" if begin == end else "precision-days-range"
            places = old.places + tuple(p for p in new.places if p not in old.places)
            events[i] = EventDraft(old.event_type, begin, end, precision, places)
            return events
    return events + [new]
