"""Casualty figures: "three soldiers were killed", "15 others injured", "at least 5 servicemen
killed", "killing two civilians", "no cases of injuries" (a count of 0), "Name Surname, a local
farmer, was shot dead" (one person). Each becomes a range
(low, high) with its qualifier and the group counted, in the group's own words."""

from __future__ import annotations

import re

from conflictkg.drafting.model import Figure

WORDS = {"no": 0, "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
         "twenty": 20, "dozens": 24, "several": 3}
_NUM = r"(\d+|" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")"
_QUAL = r"(at least|up to|more than|over|about|around|nearly|some|as many as)?\s*"
_GROUP = r"((?:[A-Z][\w'’-]+\s+){0,2}(?:soldiers?|servicem[ae]n|service members|troops|civilians?|people|persons"
_GROUP += r"|residents?|others|military personnel|personnel|fighters|policem[ae]n|officers?|m[ae]n|wom[ae]n|child(?:ren)?"
_GROUP += r"|farmers?|drivers?|shepherds?|workers?|villagers?|police officers?|conscripts?|contract soldiers?))"
KIND = {"killed": "killed", "dead": "killed", "died": "killed", "death": "killed", "deaths": "killed",
        "lost their lives": "killed", "wounded": "wounded", "injured": "wounded", "injuries": "wounded",
        "injury": "wounded", "missing": "missing"}
_KIND = r"(killed|dead|died|lost their lives|wounded|injured|missing)"
PASSIVE = re.compile(rf"\b{_QUAL}{_NUM}\s+{_GROUP}\s+(?:\w+\s+){{0,4}}?{_KIND}\b", re.I)
ACTIVE = re.compile(rf"\b(killing|wounding|injuring)\s+{_QUAL}{_NUM}\s+{_GROUP}", re.I)
# "Aram Petrosyan, a 40-year-old shepherd from the village, was shot dead": one named person
NAMED = re.compile(r"\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+,\s+(an?\s+[^,]{3,90}),\s+(?:was|has been|had been)\s+"
                   r"(?:\w+\s+){0,2}?(?:shot dead|shot and killed|killed|shot|wounded|injured)\b", re.I)
NONE = re.compile(r"\bno (?:cases of )?(injur\w+|deaths|casualties|wounded)\b(?:\s+among\s+((?:\w+\s+){0,3}\w+))?", re.I)


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else WORDS.get(word.lower())


def _figure(kind: str, qual: str | None, number: str, group: str) -> Figure | None:
    n = _count(number)
    if n is None or n > 100000:
        return None
    qual = (qual or "").lower()
    low, high = (n, n)
    if qual in ("up to", "as many as"):
        low = 0
    return Figure(KIND.get(kind.lower(), "killed"), low, high, group.strip(), qual)


def find_figures(text: str) -> list[Figure]:
    """Casualty figures stated in ``text``."""
    out = []
    for m in PASSIVE.finditer(text):
        out.append(_figure(m.group(4), m.group(1), m.group(2), m.group(3)))
    verbs = {"killing": "killed", "wounding": "wounded", "injuring": "wounded"}
    for m in ACTIVE.finditer(text):
        out.append(_figure(verbs[m.group(1).lower()], m.group(2), m.group(3), m.group(4)))
    for m in NAMED.finditer(text):
        kind = "wounded" if re.search(r"(wounded|injured|shot)$", m.group(0)) else "killed"
        out.append(Figure(kind, 1, 1, re.split(r"\s+(?:from|of|in|at|near|who|living)\b", m.group(1))[0], ""))
    for m in NONE.finditer(text):
        out.append(Figure(KIND.get(m.group(1).lower()[:6] + "ed", "wounded") if m.group(1).lower().startswith("injur")
                          else "killed", 0, 0, (m.group(2) or "").strip(), ""))
    return [f for f in out if f is not None]
