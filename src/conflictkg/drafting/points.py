"""Which points of the 2020 statement a claim names, and which a curator may read into it.

Named: "point 4", "article 6", "paragraphs 3 and 4", "the ninth point", with the statement
itself in reach ("of the trilateral statement", "this Statement", or the statement named in the
sentence or the one before), and never a point of another document ("Article 1 of the
Declaration on Allied Interaction"). "The November 9 statement" names the agreement only.
Implied: topics of the allegation mapped to the clause that governs them (see ``TOPICS``; the
clause content is in data/reference/agreement-tri2020.trig). The two sets never mix: a point
that is named is not also proposed as implied.
"""

from __future__ import annotations

import re

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9}
_UNIT = r"(?:points?|articles?|paragraphs?|clauses?|items?|provisions?)"
NUMBERED = re.compile(rf"\b{_UNIT}\s+(\d(?:\s*(?:,|and|&|or)\s*\d)*)\b(?!\s*(?:%|km|days|years))", re.I)
ORDINAL = re.compile(rf"\b(?:the\s+)?({'|'.join(ORDINALS)})\s+{_UNIT}\b", re.I)
STATEMENT = re.compile(r"\b(trilateral|tripartite|joint|november\s+(?:9|10)(?:th)?(?:,?\s+2020)?|9\s+november|10\s+november"
                       r"|2020)\s+(?:\w+\s+){0,3}?(statement|agreement|declaration|deal|accord)\b"
                       r"|\b(statement|agreement|declaration|deal|accord)\s+(?:of|signed on|dated)\s+(?:the\s+)?"
                       r"(november\s+(?:9|10)|(?:9|10)(?:th)?\s+(?:of\s+)?november)"
                       r"|\bceasefire (agreement|deal|statement) of november|\b(this|the) statement\b", re.I)
OTHER_DOCUMENT = re.compile(r"^\s*of\s+(?:the\s+)?(?!(?:trilateral|tripartite|joint|november|2020|this|said|aforementioned)"
                            r"\b|(?:statement|agreement)\b)(?:\w+\s+){0,4}?(declaration|charter|convention|constitution"
                            r"|resolution|law|code|protocol|treaty)", re.I)
TOPICS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"cease-?fire|truce|opened fire|fired (at|on|upon)|shell(ed|ing)|drone|uav|bayraktar|strikes?\b"
                   r"|hostilit|sniper|shoot|mortar|artillery|attack", re.I)),
    (2, re.compile(r"\baghdam\b.*\b(return|hand)", re.I)),
    (3, re.compile(r"peacekeep\w*['’]?\s+(zone|area|responsibility)|zone of responsibility|area of responsibility"
                   r"|area (controlled|under the (control|jurisdiction)) (by|of) the (russian )?peacekeep"
                   r"|controlled by the (russian )?peacekeep|(jurisdiction|control) of the (russian )?peacekeep"
                   r"|contact line|line of contact|peacekeeping (zone|area)", re.I)),
    (4, re.compile(r"withdraw\w*\s+(?:of\s+)?(?:the\s+)?(?:remnants\s+of\s+)?(?:the\s+)?armenian"
                   r"|armenian\s+(armed forces|troops|army|units)\b.*\b(withdraw|remain|still)", re.I)),
    (5, re.compile(r"monitoring cent(re|er)", re.I)),
    (6, re.compile(r"lachin|berdzor|corridor\b(?!.*zangezur)", re.I)),
    (7, re.compile(r"\bidps?\b|refugees|internally displaced|return of (the )?displaced", re.I)),
    (8, re.compile(r"prisoners?|captives?|\bpows?\b|detainees|hostages|exchange of (bodies|remains)", re.I)),
    (9, re.compile(r"transport (links|communications)|unblock\w*|zangezur|nakhchivan|railway|economic links"
                   r"|communications", re.I)),
)


def _numbers(group: str) -> set[int]:
    return {int(n) for n in re.findall(r"\d", group) if 1 <= int(n) <= 9}


def statement_named(text: str) -> bool:
    """True when the sentence names the 2020 statement (as an agreement)."""
    return bool(STATEMENT.search(text))


def named_points(text: str, context: str = "") -> set[int]:
    """Points of the 2020 statement named in ``text``; ``context`` is the previous sentence."""
    if not (statement_named(text) or statement_named(context)):
        return set()
    found: set[int] = set()
    for m in NUMBERED.finditer(text):
        if not OTHER_DOCUMENT.search(text[m.end():m.end() + 80]):
            found |= _numbers(m.group(1))
    for m in ORDINAL.finditer(text):
        if not OTHER_DOCUMENT.search(text[m.end():m.end() + 80]):
            found.add(ORDINALS[m.group(1).lower()])
    return found


def implied_points(text: str) -> set[int]:
    """Clauses whose subject matter the text is about (a curator's reading, to be reviewed)."""
    return {n for n, pattern in TOPICS if pattern.search(text)}
