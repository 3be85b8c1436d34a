"""The names the network views give claims that their curators' labels do not give well (#13).

A status assessment (``ck:StatusAssessment``: a claim that a norm is fulfilled, partly fulfilled, not
fulfilled, disputed or superseded) carries a curator's label made of identifiers ("Status of
p1-ceasefire according to am-mfa, 2021-11-08"): in a drilled-down group's list of members, beside
claims named "Armenian MFA, 13 December 2022: …", it read as raw data. The views name it as the other
claims are named, from what it says: its claimant's name, its date, the status it gives and the norm's
name (:func:`status_label`), each in the view's naming perspective. The curator's label stays the
resource's ``rdfs:label`` (on its page, in search) and is not shown in the views. The names are text:
the page escapes them as every label (``textContent``, Jinja's autoescape).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from conflictkg.network.data import view_query
from conflictkg.rdf.terms import term_to_str
from conflictkg.resources import Resources
from conflictkg.sparql.queries import run
from conflictkg.store import Store

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class StatusRow:
    """What a status assessment says: the norm, the status's label and the date it is said to hold."""

    norm: str
    status_label: str
    as_of: str | None


def status_rows(store: Store, resources: Resources) -> dict[str, StatusRow]:
    """Every status assessment by IRI (query ``views/status-claims``; one norm and one status each, as the
    shapes require: the first row of a claim is kept)."""
    rows: dict[str, StatusRow] = {}
    for row in run(store, view_query(resources, "status-claims")).dicts():
        status = term_to_str(row["status"])
        label = term_to_str(row["status_label"]) if row["status_label"] is not None else status.rsplit("/", 1)[-1]
        as_of = term_to_str(row["status_as_of"]) if row["status_as_of"] is not None else None
        rows.setdefault(term_to_str(row["claim"]), StatusRow(term_to_str(row["norm"]), label, as_of))
    return rows


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


def status_label(claimant: str, date: str | None, status: StatusRow, norm: str) -> str:
    """A status assessment named as the other claims are ("claimant, date: what it says"): ``claimant``'s
    and the ``norm``'s names, the claim's ``date`` (left out when it has none) and the status, with the
    date it is said to hold when that is another.

    >>> row = StatusRow("n", "not fulfilled", "2021-11-08")
    >>> status_label("Ministry of Foreign Affairs of Armenia", "2021-11-08", row, "Point 1: observe a ceasefire")
    'Ministry of Foreign Affairs of Armenia, 8 November 2021: not fulfilled — Point 1: observe a ceasefire'
    >>> status_label("Ministry of Defence of Azerbaijan", None, StatusRow("n", "fulfilled", "2020-11-20"), "Point 6")
    'Ministry of Defence of Azerbaijan: fulfilled as of 20 November 2020 — Point 6'
    """
    said = f"{claimant}, {long_date(date)}" if date else claimant
    held = f" as of {long_date(status.as_of)}" if status.as_of and status.as_of != date else ""
    return f"{said}: {status.status_label}{held} — {norm}"


def status_labels(rows: dict[str, StatusRow], claims: dict[str, tuple[str, str | None]],
                  label: Callable[[str], str]) -> dict[str, str]:
    """The names of the status assessments among ``claims`` (IRI → claimant and date), the claimant's and
    the norm's names given by ``label`` (the view's, in its naming perspective)."""
    return {iri: status_label(label(claims[iri][0]), claims[iri][1], row, label(row.norm))
            for iri, row in sorted(rows.items()) if iri in claims}
