"""Which group of a network view's summary a resource falls in, and the links counted between groups.

The rules the summaries share (:mod:`conflictkg.network.summary`: the whole view's, and a large clause or
allegation view's, #14):

* by kind where a kind is small or has no natural split: the agreement, its clauses, its norms, places;
* agents by side: the state or de facto authority an agent is, belongs to, is a force of or holds a
  post in (the grouping the site's "by side" tables use), then news outlets, then the other agents;
* incidents, claims and sources by year (an incident's earliest beginning, a claim's date, a
  source's publication), the undated apart: the record grows by years, so these groups stay readable.
  Claims without a date are grouped by their incident's year (its earliest beginning), named so
  ("undated claims, incidents of 2022"; those of no dated incident apart): no claim is given a date.
  Sources without a date likewise, by the earliest year of the claims citing them ("undated sources,
  claims of 2022"), else of the incidents and events they are the source of ("undated sources, events
  of 2020"); sources published before the record's first year are one group. :func:`meaning` says
  what each group holds, in words the page shows beside the group.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from conflictkg.network.data import Facets, NodeRow
from conflictkg.network.model import Edge

#: How a group of one kind is named (the agents' groups are named by side).
PLURALS = {"agreement": "agreement", "clause": "clauses", "norm": "norms", "place": "places",
           "incident": "incidents", "claim": "claims", "source": "sources", "event": "events"}
#: Kinds grouped by year.
BY_YEAR = ("incident", "claim", "source")
#: The record's first year (the trilateral statement of 9/10 November 2020): sources published before it
#: (background: maps, laws, earlier reports, a handful a year) are one group.
RECORD_START = "2020"
#: The groups' order: the statement, the agents by side, the record by year, the places.
GROUP_ORDER = ("agreement", "clause", "norm", "agent", "incident", "claim", "source", "event", "place")
#: The summary's columns, left to right: the statement, the agents, the claims, what they are about
#: (incidents, places) and where they were read (sources, news outlets).
COLUMNS = {"agreement": 0, "clause": 0, "norm": 0, "agent": 1, "claim": 2, "event": 2, "incident": 3, "place": 3,
           "source": 4, "agent-outlets": 4}
#: The sources without a date: a column of their own, right of the dated ones.
UNDATED_SOURCES_COLUMN = 5
#: Shapes drawn around their label, replaced in the summary and its groups by shapes with the label
#: below: a group's label is long, and a box as wide as its label crowds a column.
LABEL_BELOW = {"box": "square", "ellipse": "dot"}
#: Prefix of a group node's id (never an IRI of the data).
GROUP_ID = "urn:conflictkg:group:"
#: Prefix of a group's number in a drilled-down group, where its members are numbered 1, 2, ….
GROUP_NUMBER = "G"


@dataclass
class Group:
    """One group: its key (in URLs), kind, name and members (IRIs, sorted)."""

    key: str
    kind: str
    name: str
    members: list[str] = field(default_factory=list)

    @property
    def node_id(self) -> str:
        return GROUP_ID + self.key

    @property
    def label(self) -> str:
        return f"{self.name} ({len(self.members)})"


@dataclass
class Grouping:
    """The groups in display order, each resource's group, and the links counted by pair of groups."""

    groups: dict[str, Group]
    of: dict[str, str]
    links: Counter[tuple[str, str]]

    def inside(self, key: str) -> int:
        return self.links[(key, key)]

    def touching(self, key: str) -> int:
        return sum(n for (a, b), n in self.links.items() if key in (a, b))


def group_of(row: NodeRow, facets: Facets | None, side_name: dict[str, str]) -> tuple[str, str]:
    """The key and name of the group of one resource (``side_name``: a side's label by IRI).

    >>> group_of(NodeRow("x", "incident", "incident", "", None), Facets(date="2022-03-24"), {})
    ('incident-2022', 'incidents 2022')
    >>> group_of(NodeRow("x", "agent", "agent", "", None), Facets(outlet=True), {})
    ('agent-outlets', 'news outlets')
    >>> group_of(NodeRow("x", "claim", "claim", "", None), Facets(incident_date="2021-05-12"), {})
    ('claim-undated-2021', 'undated claims, incidents of 2021')
    """
    facets = facets or Facets()
    if row.kind == "agent":
        if facets.outlet:
            return "agent-outlets", "news outlets"
        if facets.side:
            local = facets.side.rsplit("/", 1)[-1].removeprefix("agent-")
            return f"side-{local}", f"{side_name.get(facets.side, facets.side_label)} side"
        return "agent-other", "other agents"
    if row.kind == "source":
        return _source_group(facets)
    if row.kind in BY_YEAR:
        year = _year(facets.date)
        if year:
            return f"{row.kind}-{year}", f"{PLURALS[row.kind]} {year}"
        if row.kind == "claim" and (incident_year := _year(facets.incident_date)):
            return f"claim-undated-{incident_year}", f"undated claims, incidents of {incident_year}"
        if row.kind == "claim":
            return "claim-undated", "undated claims, no dated incident"
        return f"{row.kind}-undated", f"{PLURALS[row.kind]}, undated"
    return row.kind, PLURALS.get(row.kind, row.kind)


def _source_group(facets: Facets) -> tuple[str, str]:
    """A source's group: its publication year (those before the record's first year together), else the
    year of what it documents, named so: the claims citing it, else the incidents and events it is the
    source of (#13).

    >>> _source_group(Facets(date="2014-05-01")), _source_group(Facets(date="2021-05-01"))
    (('source-before-2020', 'sources before 2020'), ('source-2021', 'sources 2021'))
    >>> _source_group(Facets(claims_date="2022-01-02", sourced_date="2020-11-10"))
    ('source-undated-2022', 'undated sources, claims of 2022')
    >>> _source_group(Facets(sourced_date="2020-11-10")), _source_group(Facets())
    (('source-undated-events-2020', 'undated sources, events of 2020'), ('source-undated', 'undated sources, no dated claim or event'))
    """
    if year := _year(facets.date):
        if year < RECORD_START:
            return f"source-before-{RECORD_START}", f"sources before {RECORD_START}"
        return f"source-{year}", f"sources {year}"
    if year := _year(facets.claims_date):
        return f"source-undated-{year}", f"undated sources, claims of {year}"
    if year := _year(facets.sourced_date):
        return f"source-undated-events-{year}", f"undated sources, events of {year}"
    return "source-undated", "undated sources, no dated claim or event"


#: What a group holds, by the pattern of its key ({year}: the group's year).
MEANINGS = (
    (r"agreement", "the agreements of the record"),
    (r"clause", "the points (clauses) of the agreements"),
    (r"norm", "the obligations and rights the points state"),
    (r"side-.+", "agents that are this state or de facto authority, belong to it, are its forces or hold a post in it"),
    (r"agent-outlets", "news outlets (the publishers of sources)"),
    (r"agent-other", "agents on no state's or authority's side"),
    (r"incident-(\d{4})", "incidents that began in {year} (their earliest beginning)"),
    (r"claim-(\d{4})", "claims dated in {year}"),
    (r"claim-undated-(\d{4})", "claims without a date, about an incident that began in {year} (the claims are not dated by it)"),
    (r"claim-undated", "claims without a date, about no dated incident"),
    (r"source-before-\d{4}", f"sources published before {RECORD_START}"),
    (r"source-(\d{4})", "sources published in {year}"),
    (r"source-undated-(\d{4})", "sources without a publication date, cited by claims of {year} (a claim's date, else its "
                                "incident's beginning; the earliest), never dated by them"),
    (r"source-undated-events-(\d{4})", "sources without a publication date, cited by no dated claim, the source of incidents "
                                       "or events that began in {year}"),
    (r"source-undated", "sources without a publication date, cited by no dated claim and the source of no dated incident "
                        "or event (mostly of places, names, agents and the agreements' texts)"),
    (r"place", "the places of the record"),
    (r"event", "events"),
)


def meaning(key: str, year: str | None = None) -> tuple[int, str]:
    """The rule the group ``key`` follows (its index in ``MEANINGS``) and what the group holds, in words
    (``year``: in place of the group's year).

    >>> meaning("claim-undated-2022")
    (8, 'claims without a date, about an incident that began in 2022 (the claims are not dated by it)')
    >>> meaning("claim-2021", "that year")
    (7, 'claims dated in that year')
    """
    for index, (pattern, text) in enumerate(MEANINGS):
        if found := re.fullmatch(pattern, key):
            return index, text.format(year=year or (found.group(1) if found.groups() else ""))
    return len(MEANINGS), key


def _stage(key: str) -> int:
    """Where a group of years comes among its kind's: before the record, dated, undated by a year (claims, then
    events), undated with no year."""
    if "-before-" in key:
        return 0
    if key.endswith("-undated"):
        return 4
    return 3 if "-undated-events-" in key else 2 if "-undated-" in key else 1


def _year(date: str | None) -> str | None:
    return date[:4] if date and date[:4].isdigit() else None


def aggregate(nodes: list[str], edges: list[Edge], table: dict[str, NodeRow], facets: dict[str, Facets],
              side_name: dict[str, str]) -> Grouping:
    """The groups of ``nodes`` and the number of ``edges`` between each pair of groups (deterministic)."""
    found: dict[str, Group] = {}
    of: dict[str, str] = {}
    for iri in sorted(nodes):
        row = table[iri]
        key, name = group_of(row, facets.get(iri), side_name)
        found.setdefault(key, Group(key, row.kind, name)).members.append(iri)
        of[iri] = key
    order = sorted(found.values(), key=lambda g: (GROUP_ORDER.index(g.kind), g.key.startswith("agent-"),
                                                  _stage(g.key), g.key))
    links = Counter((of[e.source], of[e.target]) for e in edges)
    return Grouping({g.key: g for g in order}, of, Counter(dict(sorted(links.items()))))
