"""Dates from an article's wording, resolved against its publication date.

"on Saturday" is the last Saturday on or before the reference date; "March 24 and 25" and
"24-25 March" are a range in the reference date's year (the year before when that would fall
after the reference date); "yesterday", "today", "late on Tuesday" likewise. Without a reference
date, weekdays and relative words cannot be resolved and are left for the curator.
python-dateutil does the weekday arithmetic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {"monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR, "saturday": SA,
            "sunday": SU}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?:,?\s+(\d{4}))?"
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:and|-|–|to)\s*(\d{{1,2}})(?:st|nd|rd|th)?)?{_YEAR}\b", re.I)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:and|-|–|to)\s*(\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.I)
WEEKDAY = re.compile(r"\b(?:(late|early)\s+)?(?:on\s+|of\s+|last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
RELATIVE = re.compile(r"\b(yesterday|today|tonight|last night|this morning|earlier today)\b", re.I)


@dataclass(frozen=True)
class DateMention:
    """A date expression: span, text, resolved range (None when unresolved) and precision."""

    start: int
    end: int
    text: str
    begin: date | None
    end_date: date | None
    precision: str  # precision-day | precision-days-range | "" when unresolved


def _year_for(month: int, day: int, ref: date | None, year: str | None) -> int | None:
    if year:
        return int(year)
    if ref is None:
        return None
    try:
        return ref.year - 1 if date(ref.year, month, day) > ref + timedelta(days=2) else ref.year
    except ValueError:
        return None


def _range(month: int, d1: int, d2: int | None, year: int | None) -> tuple[date | None, date | None]:
    if year is None:
        return None, None
    try:
        return date(year, month, d1), date(year, month, d2 or d1)
    except ValueError:
        return None, None


def _month(name: str) -> int:
    return MONTHS[name.lower()[:3]]


def _absolute(text: str, ref: date | None) -> list[DateMention]:
    out = []
    for m in MONTH_DAY.finditer(text):
        month, d1, d2, year = _month(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
        out.append(_mention(m, month, d1, int(d2) if d2 else None, _year_for(month, d1, ref, year)))
    for m in DAY_MONTH.finditer(text):
        if any(o.start <= m.start() < o.end for o in out):
            continue
        month, d1, d2, year = _month(m.group(3)), int(m.group(1)), m.group(2), m.group(4)
        out.append(_mention(m, month, d1, int(d2) if d2 else None, _year_for(month, d1, ref, year)))
    return out


def _mention(m: re.Match[str], month: int, d1: int, d2: int | None, year: int | None) -> DateMention:
    begin, end = _range(month, d1, d2, year)
    precision = "" if begin is None else ("precision-day" if begin == end else "precision-days-range")
    return DateMention(m.start(), m.end(), m.group(0), begin, end, precision)


def _relative(text: str, ref: date | None, after: bool = False) -> list[DateMention]:
    out = []
    for m in WEEKDAY.finditer(text):
        day = ref + relativedelta(weekday=WEEKDAYS[m.group(2).lower()](+1 if after else -1)) if ref else None
        out.append(DateMention(m.start(), m.end(), m.group(0), day, day, "precision-day" if day else ""))
    for m in RELATIVE.finditer(text):
        word = m.group(1).lower()
        day = None if ref is None else ref - timedelta(days=1) if word in ("yesterday", "last night") else ref
        out.append(DateMention(m.start(), m.end(), m.group(0), day, day, "precision-day" if day else ""))
    return out


SEQUEL = re.compile(r"\b(?:the\s+)?(following|next|previous|preceding)\s+day\b|\b(a|one|two|three)\s+days?\s+(later|earlier)\b"
                    r"|\bthe\s+day\s+(after|before)\b", re.I)
_STEPS = {"a": 1, "one": 1, "two": 2, "three": 3}


def sequels(text: str, last: date | None) -> list[DateMention]:
    """"The following day", "two days later", "the day before": counted from ``last``, the latest
    date the article gave before this sentence (unresolved when there is none)."""
    out = []
    for m in SEQUEL.finditer(text):
        word = (m.group(1) or m.group(3) or m.group(4)).lower()
        sign = -1 if word in ("previous", "preceding", "earlier", "before") else 1
        day = last + timedelta(days=sign * _STEPS.get((m.group(2) or "one").lower(), 1)) if last else None
        out.append(DateMention(m.start(), m.end(), m.group(0), day, day, "precision-day" if day else ""))
    return out


DOCUMENT = re.compile(r"^[\s,]*(?:\w+\s+){0,2}?(statement|agreement|declaration|deal|accord|bulletin|decree|order"
                      r"|resolution|document|report)\b", re.I)
DOCUMENT_BEFORE = re.compile(r"(statement|agreement|declaration|deal|accord|bulletin)\s+(?:of|dated|signed on)\s+(?:the\s+)?$",
                             re.I)


def is_document_date(text: str, mention: DateMention) -> bool:
    """True for a document's own date ("the November 9, 2020 statement", "the bulletin of
    March 26"): it dates a text, not an event or the claim."""
    return bool(DOCUMENT.match(text[mention.end:]) or DOCUMENT_BEFORE.search(text[:mention.start]))


def find_dates(text: str, ref: date | None, after: bool = False, last: date | None = None) -> list[DateMention]:
    """Every date expression in ``text`` that is not a document's date, resolved against ``ref``
    where needed, left to right. ``after``: ``ref`` is only a lower bound of the publication date
    (the latest date the article reports), so "on Monday" is the first Monday from ``ref`` on.
    ``last``: the latest date given before this sentence, for "the following day"."""
    found = sorted(_absolute(text, ref) + _relative(text, ref, after) + sequels(text, last), key=lambda d: d.start)
    return [d for d in found if not is_document_date(text, d)]


@dataclass(frozen=True)
class Reference:
    """What relative dates are resolved against: the publication date, or (``after``) only a
    lower bound of it."""

    day: date | None
    after: bool = False


def reference_date(published: date | None, texts: list[str]) -> Reference:
    """The publication date; else the latest fully written date in the article that is not the
    2020 statement's own date (an article appears on or after every date it reports)."""
    if published is not None:
        return Reference(published)
    dates = [d.end_date for t in texts for d in _absolute(t, None) if d.end_date and d.end_date.year > 2020]
    return Reference(max(dates, default=None), after=True)
