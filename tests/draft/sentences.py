"""Drafting short sentences written for the rule tests (never article text): the draft, its claims as
(claimant, stance) pairs, and one sentence's stance."""

from __future__ import annotations

from datetime import date

from conflictkg.drafting import ArticleMeta, Lexicon, draft_article, stance
from conflictkg.drafting.model import Draft
from conflictkg.rdf.namespaces import CKR


def draft(text: str, lex: Lexicon, publisher: str = "") -> Draft:
    return draft_article(text, ArticleMeta("https://example.org/x", publisher, date(2023, 9, 25)), lex)


def claims(text: str, lex: Lexicon, publisher: str = "") -> list[tuple[str, str]]:
    return [(c.claimant.removeprefix(CKR), c.stance) for c in draft(text, lex, publisher).claims]


def sentence_stance(text: str) -> str:
    return stance.sentence_stance(text, stance.find_cues(text, []))
