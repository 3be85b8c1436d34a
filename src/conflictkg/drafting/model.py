"""The draft as plain data: what the rules propose, before it is written as TriG."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ArticleMeta:
    """What the curator tells about the article (none of it is guessed from the text)."""

    url: str = ""
    publisher: str = ""  # an agent IRI or a name to resolve
    published: date | None = None
    title: str = ""


@dataclass(frozen=True)
class Figure:
    """A casualty count as a range, with the group it counts."""

    kind: str  # killed | wounded | missing
    low: int
    high: int
    group: str
    qualifier: str = ""  # "at least", "up to", ...


@dataclass(frozen=True)
class EventDraft:
    """An event a claim describes: type, dates and their precision."""

    event_type: str  # a ckv: local name
    begin: date | None = None
    end: date | None = None
    precision: str = ""  # a ckv: precision local name
    places: tuple[str, ...] = ()


@dataclass
class DraftClaim:
    """One proposed claim, with the sentences it was drafted from (their indexes)."""

    claimant: str
    stance: str  # ckv local name without "stance-"
    sentences: list[int] = field(default_factory=list)
    claim_date: date | None = None
    date_basis: str = ""
    named_agreement: bool = False
    named_points: set[int] = field(default_factory=set)
    implied_points: set[int] = field(default_factory=set)
    accused: str = ""
    places: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[EventDraft] = field(default_factory=list)
    quote: str = ""
    quotations: list[str] = field(default_factory=list)  # every quotation attributed to the claimant (for review)
    responds_to: int | None = None  # index of the answered claim in Draft.claims
    new_claimant: bool = False
    notes: list[str] = field(default_factory=list)
    curator_note: str = ""  # the curator's own note (ck:curatorNote), e.g. why no point is linked


@dataclass
class Draft:
    """Everything proposed for one article."""

    meta: ArticleMeta
    source: str  # existing source IRI, or "" when a new source node is minted
    publisher: str  # agent IRI of the outlet, or ""
    claims: list[DraftClaim] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    new_agents: dict[str, str] = field(default_factory=dict)  # IRI -> name, speakers not in the data
    unspoken: list[int] = field(default_factory=list)  # sentences with a reporting cue and no speaker found
