"""The drafting tests' lexicon: the one the shipped data gives."""

from __future__ import annotations

import pytest

from conflictkg.build import shipped_lexicon
from conflictkg.drafting import Lexicon
from conflictkg.resources import Resources


@pytest.fixture(scope="module")
def lex(res: Resources) -> Lexicon:
    return shipped_lexicon(res)
