"""The curator's desk for one ``conflictkg serve --curate`` process: drafts under review, the
name tables and choice lists they need, and where reviewed files go.

Everything is held by one :class:`Workbench` object that the web app keeps on its state (no
module-level state). Drafts live in memory only, at most :data:`MAX_DRAFTS` of them (the oldest
is forgotten first): a draft is a proposal, and only the saved file is data.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from conflictkg.build import sources, stage
from conflictkg.curating.choices import Choices, load_choices
from conflictkg.curating.form import ClaimForm, from_claim, kept_claims
from conflictkg.curating.reader import MARKER, read_draft
from conflictkg.curating.saving import FileCheck, check_file, incident_path, save_incident
from conflictkg.drafting import ArticleMeta, Draft, Lexicon, draft_article, to_trig
from conflictkg.drafting.lexicon import load_lexicon
from conflictkg.drafting.text import article_text
from conflictkg.drafting.trig import slug_of
from conflictkg.errors import InputError, NotFound
from conflictkg.resources import Resources
from conflictkg.settings import DRAFT_MAX_CHARS

#: Drafts kept in memory at once; the oldest is forgotten first.
MAX_DRAFTS = 32


@dataclass
class Review:
    """One draft under review: the draft, the article's sentences and a proposed file name."""

    id: str
    draft: Draft
    file_name: str
    forms: list[ClaimForm] = field(default_factory=list)


@dataclass(frozen=True)
class Saved:
    """What saving did: the file written and its validation."""

    path: Path
    check: FileCheck
    claims: int


def default_file_name(meta: ArticleMeta, slug: str) -> str:
    """``YYYY-MM-DD-slug.trig`` (the publication date first, as in ``data/incidents/``)."""
    day = meta.published.isoformat() + "-" if meta.published else ""
    return f"{day}{slug}.trig"


class Workbench:
    """Drafts under review and the shipped data's name tables (loaded on first use)."""

    def __init__(self, res: Resources, incidents_dir: Path) -> None:
        self.res = res
        self.incidents_dir = incidents_dir
        self._tables: tuple[Lexicon, Choices] | None = None
        self._reviews: OrderedDict[str, Review] = OrderedDict()
        self._lock = threading.Lock()

    def tables(self) -> tuple[Lexicon, Choices]:
        """The drafter's name tables and the form's choice lists (the data staged once, in memory)."""
        with self._lock:
            if self._tables is None:
                staged = stage(sources(self.res))
                try:
                    lexicon = load_lexicon(staged.store, self.res)
                    self._tables = lexicon, load_choices(staged.store, lexicon, self.res)
                finally:
                    staged.store.close()
            return self._tables

    def choices_for(self, review: Review) -> Choices:
        return self.tables()[1].with_new_agents(review.draft.new_agents)

    def start(self, raw: str, kind: str, meta: ArticleMeta) -> Review:
        """Draft the article ``raw`` (``kind``: ``.txt``, ``.md`` or ``.html``) and keep it for review.

        Raises:
            InputError: the article is empty, too long, or has no text.
        """
        if len(raw) > DRAFT_MAX_CHARS:
            raise InputError(f"the article has {len(raw)} characters, more than the {DRAFT_MAX_CHARS} an article may have",
                             hint="paste the text of one article")
        text = article_text(raw, kind).strip()
        if not text:
            raise InputError("the article is empty", hint="paste the article's text or choose its file")
        lexicon, _choices = self.tables()
        draft = draft_article(text, meta, lexicon)
        return self._keep(Review(secrets.token_hex(8), draft, default_file_name(meta, slug_of(meta.url, "article")),
                                 [from_claim(c) for c in draft.claims]))

    def open(self, name: str, article: str = "", kind: str = ".txt") -> Review:
        """Review the draft file ``name`` of the incidents folder again (``article``: its text, for
        the highlights; optional).

        Raises:
            InputError: a bad name, no such file, or not a drafter's file.
        """
        path = incident_path(self.incidents_dir, name)
        if not path.is_file():
            raise InputError(f"there is no file {name} in {self.incidents_dir}", hint="choose one of the listed drafts")
        draft = read_draft(path, article_text(article, kind) if article.strip() else "")
        return self._keep(Review(secrets.token_hex(8), draft, path.name, [from_claim(c) for c in draft.claims]))

    def draft_files(self) -> list[str]:
        """The names of the drafter's files in the incidents folder, sorted."""
        if not self.incidents_dir.is_dir():
            return []
        return sorted(p.name for p in self.incidents_dir.glob("*.trig")
                      if p.is_file() and MARKER in p.read_text(encoding="utf-8", errors="replace")[:2000])

    def _keep(self, review: Review) -> Review:
        with self._lock:
            self._reviews[review.id] = review
            while len(self._reviews) > MAX_DRAFTS:
                self._reviews.popitem(last=False)
        return review

    def review(self, review_id: str) -> Review:
        """The draft under review ``review_id``.

        Raises:
            NotFound: no such draft in this process (it was never made, or it was forgotten).
        """
        with self._lock:
            found = self._reviews.get(review_id)
        if found is None:
            raise NotFound(f"no draft {review_id!r} is under review",
                           hint="drafts are kept in memory while the server runs: draft the article again at /curate")
        return found

    def save(self, review: Review, forms: Sequence[ClaimForm], file_name: str, *, overwrite: bool) -> Saved:
        """Write the reviewed claims as ``file_name`` in the incidents folder and validate it.

        Raises:
            InputError: a form cannot be read (date, figure, no claimant), a bad or taken file name.
        """
        review.forms = list(forms)
        claims = kept_claims(forms, review.draft.claims)
        lexicon, _choices = self.tables()
        reviewed = replace(review.draft, claims=claims)
        text = to_trig(reviewed, lexicon, Path(file_name).stem)
        path = save_incident(self.incidents_dir, file_name, text, overwrite=overwrite)
        review.file_name = path.name
        return Saved(path, check_file(self.res, path), len(claims))
