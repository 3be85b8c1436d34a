"""Find the names of a table in a sentence: longest match first, never overlapping.

Words are folded by :func:`conflictkg.names.name_key`, so "Russia’s Defense Ministry" meets the
phrasing "Russia's Defence Ministry" only if both spellings are recorded, and "Fərrux" meets
"Ferrux" always.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from conflictkg.names import name_key

_WORD = re.compile(r"[^\W_]+(?:[-‐‑][^\W_]+)*", re.U)


@dataclass(frozen=True)
class Mention:
    """A name found in a sentence: character span, the text, and what it may name."""

    start: int
    end: int
    text: str
    iris: tuple[str, ...]


def words(text: str) -> list[tuple[int, int]]:
    """Character spans of the words of ``text``."""
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def scan(text: str, table: Mapping[str, set[str]], longest: int) -> list[Mention]:
    """Every non-overlapping mention of a name of ``table`` in ``text``, left to right."""
    spans = words(text)
    out: list[Mention] = []
    i = 0
    while i < len(spans):
        for n in range(min(longest, len(spans) - i), 0, -1):
            start, end = spans[i][0], spans[i + n - 1][1]
            key = name_key(text[start:end])
            if key in table:
                out.append(Mention(start, end, text[start:end], tuple(sorted(table[key]))))
                i += n
                break
        else:
            i += 1
    return out
