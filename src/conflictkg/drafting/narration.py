"""The outlet's narration that is background, not news: it recalls the past (the 2020 war, the
1990s, "since 1991", a year before the publication's, events dated more than a month before it),
so it never becomes a claim of the outlet (used by :mod:`conflictkg.drafting.claims`)."""

from __future__ import annotations

import re
from datetime import date

from conflictkg.drafting.dates import DateMention

# Background the outlet recalls, not news: the 2020 war, the 1990s, "since 1991", a year before the article's.
PAST_WAR = re.compile(r"\b(44-day|six-week|first|second|2020|1990s|previous) (karabakh )?war\b|\bwar (of|in) (1992|1994|2020)\b"
                      r"|\bsince (the )?(1988|1991|1992|1994|199\ds|2020)\b|\bin (the early )?1990s\b|\bdecades?[- ]long\b"
                      r"|\bfor (three|two|several) decades\b"
                      r"|\bhad (long )?been\b|\bever since\b", re.I)  # the past perfect tells the backstory


def background(text: str, event_dates: list[DateMention], published: date | None) -> bool:
    """Narration that recalls the past (a war, a year before the publication's, events it dates
    more than a month before the publication) is background."""
    if PAST_WAR.search(text):
        return True
    years = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", text)}
    recalled = [d.begin for d in event_dates if d.begin]  # "clashes erupted on September 27", two months before
    return bool(published and ((years and max(years) < published.year)
                               or (recalled and (published - max(recalled)).days > 30)))
