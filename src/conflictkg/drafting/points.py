"""Which points of the 2020 statement a claim names, and which a curator may read into it.

Named: "point 4", "article 6", "paragraphs 3 and 4", "clause No. 9", "item nine", "provisions
5-7", "the ninth point", "the 9th paragraph", with the statement itself in reach ("of the
trilateral statement", "this Statement", or the statement named in the sentence, or in the
latest sentence before it that names a document), and never a point of another document
("Article 1 of the Declaration on Allied Interaction", "point 3 of the peace plan"). A clause
named by its subject next to the statement ("the transport links mentioned in the statement",
"the provision on prisoners") is named too, when the subject is one clause's topic (the ceasefire
topic excepted: too many words hit it). "The November 9 statement" names the agreement only.
Implied: topics of the allegation mapped to the clause that governs them (see ``TOPICS``; the
clause content is in data/reference/agreement-tri2020.trig). The two sets never mix: a point
that is named is not also proposed as implied.
"""

from __future__ import annotations

import re

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_UNIT = r"(?:points?|articles?|paragraphs?|clauses?|items?|provisions?|sub-?paragraphs?)"
_NUM = rf"(?:no\.?\s*|n\s*|#\s*|\()?(?:\d+|{'|'.join(WORDS)})\b\)?"  # "9", "No. 9", "#9", "(9)", "nine"
_LIST = rf"{_NUM}(?:\s*(?:,\s*(?:and|or)?|and|&|or|-|–|to|through)\s*{_NUM})*"
_NOT_CLAUSE = r"(?<!observation )(?<!control )(?<!firing )(?<!crossing )(?<!entry )(?<!border )(?<!check )"  # posts
NUMBERED = re.compile(rf"\b{_NOT_CLAUSE}{_UNIT}\s+({_LIST})(?!\s*(?:%|km|kilomet|days|years|percent))", re.I)
_ORD = rf"(?:{'|'.join(ORDINALS)}|\d(?:st|nd|rd|th))"
ORDINAL = re.compile(rf"\b({_ORD}(?:\s*(?:,|and|or)\s*(?:the\s+)?{_ORD})*)\s+{_UNIT}\b", re.I)
STATEMENT = re.compile(r"\b(trilateral|tripartite|joint|nov(?:ember|\.)?\s+(?:9|10)(?:th)?(?:,?\s+2020)?|9\s+nov(?:ember|\.)?"
                       r"|10\s+nov(?:ember|\.)?|2020)\s+(?:\w+\s+){0,3}?(statements?|agreements?|declarations?|deal|accord)\b"
                       r"|\b(statement|agreement|declaration|deal|accord)\s+(?:of|signed on|dated)\s+(?:the\s+)?"
                       r"(november\s+(?:9|10)|(?:9|10)(?:th)?\s+(?:of\s+)?november)"
                       r"|\bceasefire (agreement|deal|statement) of november|\b(this|the) statement\b"
                       r"|\bthe (2020 )?(ceasefire|truce) (agreement|deal|statement|declaration)\b"
                       r"|\bthe november (2020 )?(statement|agreement|declaration|deal)\b|\b(trilateral|tripartite) document\b", re.I)
_OTHER = (r"declaration|charter|convention|constitution|resolution|law|code|protocol|treaty|memorandum|agenda|plan"
          r"|proposals?|roadmap|draft|peace (?:agreement|deal)|regulation|decree")
OTHER_DOCUMENT = re.compile(r"^\s*of\s+(?:the\s+)?+(?!(?:trilateral|tripartite|joint|november|2020|this|said|aforementioned)"
                            rf"\b|(?:statement|agreement)\b)(?:\w+\s+){{0,4}}?({_OTHER})", re.I)
ANY_OTHER_DOCUMENT = re.compile(rf"\b(?<!trilateral )(?<!tripartite )(?<!joint )({_OTHER})\b", re.I)
TOPICS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"cease-?fire|truce|opened fire|fired (at|on|upon)|shell(ed|ing)|drone|uav|bayraktar|strikes?\b"
                   r"|hostilit|sniper|shoot|mortar|artillery|attack"
                   r"|incursion|invasion|invaded|advanc(e|es|ed|ing)\b|crossed (the|into)", re.I)),  # point 1: stop at the positions held
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
    """The points of "3, 4 and 9", "5-7", "No. 9", "nine", "9th": only 1-9 (the statement has nine)."""
    values = [int(n) if n.isdigit() else WORDS.get(n.lower(), ORDINALS.get(n.lower(), 0))
              for n in re.findall(r"\d+|[a-z]+", group, re.I) if n.isdigit() or n.lower() in WORDS or n.lower() in ORDINALS]
    found = set(values)
    for lo, hi in re.findall(r"(\d)\s*(?:-|–|to|through)\s*(\d)\b", group):
        found |= set(range(int(lo), int(hi) + 1))
    return {n for n in found if 1 <= n <= 9}


def statement_named(text: str) -> bool:
    """True when the sentence names the 2020 statement (as an agreement)."""
    return bool(STATEMENT.search(text))


def agreement_named(text: str) -> bool:
    """True when the sentence names the 2020 statement by more than "the statement" or "this
    statement", which may be anyone's statement ("We find this statement unserious")."""
    return any(m.group(0).lower() not in ("the statement", "this statement") for m in STATEMENT.finditer(text))


def document_named(text: str) -> bool:
    """True when the sentence names a document: the statement or another one (a treaty, a plan)."""
    return statement_named(text) or bool(ANY_OTHER_DOCUMENT.search(text))


def named_points(text: str, context: str = "") -> set[int]:
    """Points of the 2020 statement named in ``text``. ``context`` is the latest sentence before it
    that names a document: its points are the statement's when that document is the statement
    ("The statement was signed in 2020. Point 9 covers transport links.")."""
    if not (statement_named(text) or statement_named(context)):
        return set()
    found: set[int] = set()
    for pattern in (NUMBERED, ORDINAL):
        for m in pattern.finditer(text):
            if not OTHER_DOCUMENT.search(text[m.end():m.end() + 80]):
                found |= _numbers(m.group(1))
    return found | points_by_subject(text)


# "the provision on the return of displaced persons", "the transport links mentioned in the statement":
# a clause named by its subject, in the same sentence as the statement. Only one clause: "the provisions on the
# Lachin corridor" names a subject, not a clause.
_BY_SUBJECT = re.compile(r"\b(?:provision|clause|point|article|paragraph|section|part)\s+(?:on|about|concerning"
                         r"|regarding|dealing with|relat(?:ed|ing) to)\s+(?P<after>[^,.;]{3,60})"
                         r"|(?P<before>[^,.;]{3,60}?)\s+(?:mentioned|referred to|stipulated|provided for|envisaged|set out"
                         r"|specified|described|listed)\s+(?:in|by)\s+(?:the|this)\b", re.I)


def points_by_subject(text: str) -> set[int]:
    """Clauses named by their subject next to the statement: one topic in a short window, or none."""
    if not statement_named(text):
        return set()
    found: set[int] = set()
    for m in _BY_SUBJECT.finditer(text):
        window = m.group("after") or m.group("before")
        topics = {n for n, pattern in TOPICS if n != 1 and pattern.search(window)}
        found |= topics if len(topics) == 1 else set()
    return found


def implied_points(text: str) -> set[int]:
    """Clauses whose subject matter the text is about (a curator's reading, to be reviewed)."""
    return {n for n, pattern in TOPICS if pattern.search(text)}
