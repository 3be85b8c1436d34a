"""The names of claims whose curators' labels do not name them well, shared by the pages and the network views (#13).

A status assessment (``ck:StatusAssessment``: a claim that a norm is fulfilled, partly fulfilled, not
fulfilled, disputed or superseded) carries a curator's label made of identifiers ("Status of
p1-ceasefire according to am-mfa, 2021-11-08"): beside claims named "Armenian MFA, 13 December 2022: …"
it reads as raw data. It is named as the other claims are, from what it says: its claimant's name, its
date, the status it gives and the norm's name (:func:`status_name`), the two names given by the caller
(the page's or the view's labels, in its naming perspective). The curator's label stays the resource's
``rdfs:label`` in the data: search still finds it (and says so in its "matched" column), and the claim's
table of every statement lists it; nothing names the claim by it. The names are text: the pages and views
escape them as every label (Jinja's autoescape, ``textContent``).

Both features import this module (core); they do not import each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from conflictkg.rdf.terms import term_to_str
from conflictkg.resources import Resources
from conflictkg.sparql.queries import load_query, run
from conflictkg.store import Store

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class StatusClaim:
    """What a status assessment says: who says it and when, the norm, the status's label and the date it is
    said to hold."""

    claimant: str
    date: str | None
    norm: str
    status_label: str
    as_of: str | None


def status_claims(store: Store, resources: Resources) -> dict[str, StatusClaim]:
    """Every status assessment by IRI (query ``views/status-claims``; one claimant, norm and status each, as
    the shapes require: the first row of a claim is kept)."""
    query = load_query(resources.views_queries_dir / "status-claims.rq")
    claims: dict[str, StatusClaim] = {}
    for row in run(store, query).dicts():
        status = term_to_str(row["status"])
        label = term_to_str(row["status_label"]) if row["status_label"] is not None else status.rsplit("/", 1)[-1]
        claims.setdefault(term_to_str(row["claim"]), StatusClaim(
            term_to_str(row["claimant"]), _optional(row["claim_date"]), term_to_str(row["norm"]), label,
            _optional(row["status_as_of"])))
    return claims


def _optional(term: object) -> str | None:
    return term_to_str(term) if term is not None else None  # type: ignore[arg-type]


def long_date(date: str | None) -> str | None:
    """An ``xsd:date`` as the claims' labels write it (another value as it is; None for none).

    >>> long_date("2021-11-08"), long_date("2022-12"), long_date(None)
    ('8 November 2021', '2022-12', None)
    """
    if not date:
        return None
    year, month, day = (date.split("-") + ["", ""])[:3]
    if not (year.isdigit() and month.isdigit() and day[:2].isdigit() and 1 <= int(month) <= 12):
        return date
    return f"{int(day[:2])} {MONTHS[int(month) - 1]} {year}"


def status_name(claim: StatusClaim, label: Callable[[str], str]) -> str:
    """A status assessment named as the other claims are ("claimant, date: what it says"): the claimant's and
    the norm's names (``label`` of their IRIs), the claim's date (left out when it has none) and the status,
    with the date it is said to hold when that is another.

    >>> names = {"c": "Ministry of Foreign Affairs of Armenia", "n": "Point 1: observe a ceasefire"}
    >>> status_name(StatusClaim("c", "2021-11-08", "n", "not fulfilled", "2021-11-08"), names.get)
    'Ministry of Foreign Affairs of Armenia, 8 November 2021: not fulfilled — Point 1: observe a ceasefire'
    >>> status_name(StatusClaim("c", None, "n", "fulfilled", "2020-11-20"), names.get)
    'Ministry of Foreign Affairs of Armenia: fulfilled as of 20 November 2020 — Point 1: observe a ceasefire'
    """
    claimant = label(claim.claimant)
    said = f"{claimant}, {long_date(claim.date)}" if claim.date else claimant
    held = f" as of {long_date(claim.as_of)}" if claim.as_of and claim.as_of != claim.date else ""
    return f"{said}: {claim.status_label}{held} — {label(claim.norm)}"


def status_names(claims: dict[str, StatusClaim], label: Callable[[str], str],
                 among: Iterable[str] | None = None) -> dict[str, str]:
    """The names of the status assessments ``claims`` (those ``among`` the given IRIs, if any), the
    claimant's and the norm's names given by ``label``."""
    wanted = None if among is None else set(among)
    return {iri: status_name(claim, label) for iri, claim in sorted(claims.items())
            if wanted is None or iri in wanted}
