"""Verbatim quotations a claimant is said to have spoken: the words between quotation marks in a
sentence attributed to them, cut to at most 25 words at a word boundary. A quotation whose
speaker is not named next to it is not proposed (the outlet's narration is never a quote)."""

from __future__ import annotations

import re

MAX_WORDS = 25
OPEN_MARKS = "“«„\""
QUOTED = re.compile(r"[“«„]([^”»“]+)[”»“]|\"([^\"]+)\"")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the quotations in ``text`` (the marks included). A curly quotation that
    opens and does not close in the sentence runs to its end: a quotation of several paragraphs
    closes only in its last one, and a stored excerpt may stop inside it."""
    spans = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    end = max((b for _a, b in spans), default=0)
    opened = re.search(r"[“«„]", text[end:])
    if opened and not re.search(r"[”»]", text[end + opened.start():]):
        spans.append((end + opened.start(), len(text)))
    return spans


def full_quotations(text: str) -> list[str]:
    """Every quotation of six words or more, whole (for matching; never written out)."""
    return [" ".join((m.group(1) or m.group(2)).split()) for m in QUOTED.finditer(text)
            if len((m.group(1) or m.group(2)).split()) >= 6]


def quotations(text: str) -> list[str]:
    """The quoted words of ``text``; a quote of a few words is a phrase (a name, a term), not a quote."""
    out = []
    for m in QUOTED.finditer(text):
        words = (m.group(1) or m.group(2)).strip().split()
        if len(words) >= 6:
            out.append(cut(words))
    return out


def cut(words: list[str]) -> str:
    """At most 25 words; a longer quotation ends at its last comma or semicolon within them."""
    if len(words) <= MAX_WORDS:
        return " ".join(words).rstrip(",;:")
    head = words[:MAX_WORDS]
    stops = [i for i, w in enumerate(head) if w.endswith((",", ";")) and i >= 7]
    return " ".join(head[:stops[-1] + 1] if stops else head).rstrip(",;:")


def word_count(text: str) -> int:
    return len(re.findall(r"\S+", text))
