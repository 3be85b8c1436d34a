"""Split plain text into sentences, keeping quotations whole and knowing the paragraph.

A small rule-based splitter instead of a library: news sentences end in ``.``, ``!`` or ``?``
before a capital or an opening quote; abbreviations common in the region's news (Gen., Col.,
Nov., U.S.) do not end a sentence, and a full stop inside a quotation only ends the sentence
when the quotation closes there too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt maj capt sgt st no nos vs etc jan feb mar apr jun jul aug sep sept oct nov dec"
    " u.s u.k u.n e.g i.e inc corp jr sr gov rep sen pres".split())
OPEN_QUOTES = "“«„\""
CLOSE_QUOTES = "”»“\""
_END = re.compile(r"[.!?][”»\"')\]]*\s+(?=[“«„\"'(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text, its paragraph number, and whether it opens a paragraph."""

    index: int
    text: str
    paragraph: int


def _hard_wrapped(lines: list[str]) -> bool:
    """A block of three lines or more cut at a fixed width: most lines long and ending with no
    sentence punctuation ("The General Secretariat of the Organization of Islamic" / "Cooperation
    (OIC) condemns ..."). Its lines are one paragraph."""
    body = [line.strip() for line in lines[:-1]]
    if len(lines) < 3:
        return False
    open_ended = [line for line in body if len(line) >= 30 and not re.search(r"[.!?:;”\"»)]$", line)]
    return len(open_ended) * 2 > len(body)


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs: blank lines separate them; a single newline does too in news text,
    except in a block whose lines are hard-wrapped."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.split("\n") if line.strip()]
        out += [" ".join(block.split())] if _hard_wrapped(lines) else [" ".join(line.split()) for line in lines]
    return [p for p in out if p]


def _abbreviation_before(text: str, pos: int) -> bool:
    """An abbreviation ("Gen.", "Nov.") or a person's initial ("Antony J. Blinken") ends no sentence."""
    word = re.search(r"([A-Za-z.]+)$", text[:pos])
    return bool(word) and (word.group(1).lower().rstrip(".") in ABBREVIATIONS or bool(re.fullmatch(r"[A-Z]", word.group(1))))


def _inside_quote(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside an open quotation (curly quotes counted, straight ones paired)."""
    opened = sum(text[:pos].count(c) for c in "“«„") - sum(text[:pos].count(c) for c in "”»")
    straight = text[:pos].count('"') % 2
    return opened > 0 or straight == 1


def split_paragraph(text: str) -> list[str]:
    """Sentences of one paragraph."""
    out, start = [], 0
    for match in _END.finditer(text):
        stop = match.end()
        end_char = match.start()
        if text[end_char] == "." and _abbreviation_before(text, end_char):
            continue
        if _inside_quote(text, match.start() + 1) and not re.match(r"[.!?][”»\"]", text[end_char:end_char + 2]):
            continue
        out.append(text[start:stop].strip())
        start = stop
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of the text, numbered in order."""
    out: list[Sentence] = []
    for p_index, para in enumerate(paragraphs(text)):
        for s in split_paragraph(para):
            out.append(Sentence(len(out), s, p_index))
    return out
