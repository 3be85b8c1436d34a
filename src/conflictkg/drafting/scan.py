"""Find the names of a table in a sentence: longest match first, never overlapping.

Words are folded by :func:`conflictkg.names.name_key`, so "Russia’s Defense Ministry" meets the
phrasing "Russia's Defence Ministry" only if both spellings are recorded, and "Fərrux" meets
"Ferrux" always.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
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


def scan(text: str, table: Mapping[str, set[str]], longest: int,
         bases: Callable[[str], Iterable[str]] | None = None) -> list[Mention]:
    """Every non-overlapping mention of a name of ``table`` in ``text``, left to right. With
    ``bases``, a span whose last word is an inflected form of a name's last word also counts
    (``bases`` gives the candidate base forms of one folded word)."""
    spans = words(text)
    out: list[Mention] = []
    i = 0
    while i < len(spans):
        for n in range(min(longest, len(spans) - i), 0, -1):
            start, end = spans[i][0], spans[i + n - 1][1]
            iris = _lookup(name_key(text[start:end]), table, bases)
            if iris:
                out.append(Mention(start, end, text[start:end], tuple(sorted(iris))))
                i += n
                break
        else:
            i += 1
    return out


def _lookup(key: str, table: Mapping[str, set[str]], bases: Callable[[str], Iterable[str]] | None) -> set[str]:
    if key in table:
        return table[key]
    if bases is None:
        return set()
    head, _, last = key.rpartition(" ")
    for base in bases(last):
        if (found := table.get(f"{head} {base}" if head else base)):
            return found
    return set()
