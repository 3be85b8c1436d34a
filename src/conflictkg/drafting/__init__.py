"""Draft an incident file from a news article, for a curator to review (issue #11).

Rule-based, over the project's own data: agent names and phrasings, the gazetteer, the clauses
of the statement. Each module does one thing: ``text`` (article → plain text), ``sentences``
(split, quote-aware), ``lexicon`` (names from the shipped data, with ``phrasings`` and ``bodies``, the TOML lexicons), ``scan`` (find names in a
sentence), ``agents`` (speaker and accused), ``stance`` (cues), ``dates`` (wording → dates),
``points`` (named and implied clauses), ``places``, ``figures`` (casualty counts), ``quotes``,
``events``, ``claims`` (assembles the draft), ``review`` (replies, notes), ``trig`` (writes it).
Nothing here fetches anything.
"""

from __future__ import annotations

from pathlib import Path

from conflictkg.drafting.claims import draft_article
from conflictkg.drafting.lexicon import Lexicon
from conflictkg.drafting.model import ArticleMeta, Draft, DraftClaim
from conflictkg.drafting.text import read_article
from conflictkg.drafting.trig import to_trig

__all__ = ["ArticleMeta", "Draft", "DraftClaim", "Lexicon", "draft_article", "draft_file", "to_trig"]


def draft_file(path: Path, meta: ArticleMeta, lexicon: Lexicon) -> tuple[Draft, str]:
    """Read an article file and return its draft and the draft incident file's text (``lexicon``:
    the name tables, e.g. :func:`conflictkg.build.shipped_lexicon`)."""
    draft = draft_article(read_article(path), meta, lexicon)
    return draft, to_trig(draft, lexicon, path.stem)
