"""The incidents list: every incident on one page, filtered, sorted and paged.

Two library questions give the data: ``incidents-overview`` (one row per incident: dates, claim
counts by stance) and ``incident-facets`` (per incident, the points named or implied, the accused
parties, the claimants' sides, the stances and the places). The filters need per-incident sets,
so they are applied here, over those two answers (both linear in the data), not pasted into
SPARQL. The HTML page, its JSON twin and its CSV twin are three renderings of one
:class:`~conflictkg.pages.model.Page`, built from the same parameters.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from urllib.parse import urlencode

from conflictkg.errors import QueryError
from conflictkg.pages.context import PageContext
from conflictkg.pages.model import Cell, Page, Section
from conflictkg.paging import whole_number
from conflictkg.rdf.namespaces import CKR, compact_iri, expand_curie
from conflictkg.rdf.terms import term_to_str

PER_PAGE = 50
MAX_PER_PAGE = 500
#: filter parameter -> facet of ``incident-facets`` (``point`` is handled with ``basis``)
FACET_PARAMS = {"accused": "accused", "side": "side", "stance": "stance", "place": "place"}
WHAT = {"accused": "an accused party", "side": "a claimant's side", "stance": "a stance", "place": "a place"}
#: the points the ``point`` filter offers: those of the 2020 statement (``/clause/N`` names them the same way)
POINT_IRI = CKR + "agreement-tri2020-p{}"
SORTS = ("begin", "claims")
BASES = {"any": ("point-named", "point-implied"), "named": ("point-named",), "implied": ("point-implied",)}
COUNT_COLUMNS = ("claims", "allegations", "denials", "counter_allegations", "calls", "interpretations",
                 "reports", "claimants")
COLUMNS = ("earliest_begin", "latest_end", "incident", "claims", "allegations", "denials",
           "points_named", "points_implied", "accused", "sides", "places")


@dataclass(frozen=True)
class Filters:
    """The list's parameters, checked: what ``/incidents``, ``.json`` and ``.csv`` all take."""

    from_: str = ""
    to: str = ""
    point: str = ""
    basis: str = "any"
    accused: str = ""
    side: str = ""
    stance: str = ""
    place: str = ""
    sort: str = "begin"
    order: str = "asc"
    page: int = 1
    per_page: int = PER_PAGE

    def query_string(self, **changes: object) -> str:
        """The URL query of these filters (defaults left out), with ``changes`` applied."""
        changed = replace(self, **changes)  # type: ignore[arg-type]
        default = Filters()
        pairs = [("from" if k == "from_" else k, v) for k, v in asdict(changed).items() if v != getattr(default, k)]
        return urlencode(pairs)


@dataclass
class Facets:
    """Per incident and facet, the values (IRI or ``none``) -> label, and every value's label."""

    by_incident: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)  # clause IRI -> its number

    @classmethod
    def of(cls, rows: list[dict]) -> Facets:
        facets = cls()
        for row in rows:
            incident, facet, value = (term_to_str(row[k]) for k in ("incident", "facet", "value"))
            label = term_to_str(row["value_label"]) if row["value_label"] is not None else compact_iri(value)
            facets.by_incident.setdefault(incident, {}).setdefault(facet, {})[value] = label
            facets.labels.setdefault(facet, {})[value] = label
            if row["clause_number"] is not None:
                facets.numbers[value] = term_to_str(row["clause_number"])
        return facets

    def values(self, incident: str, *facets: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for facet in facets:
            found.update(self.by_incident.get(incident, {}).get(facet, {}))
        return found


def parse_filters(params: Mapping[str, str], facets: Facets, points: list[str]) -> Filters:
    """Check every filter parameter; parameters the list does not know are ignored.

    Raises:
        QueryError: a value that is malformed or names nothing the list can filter by; the message
            names the parameter (HTTP 400 on every skin).
    """
    got = {k: params[k].strip() for k in params if params[k].strip()}
    dates = {name: _date(name, got.get(name, "")) for name in ("from", "to")}
    if dates["from"] and dates["to"] and dates["from"] > dates["to"]:
        raise QueryError(f"parameter from ({dates['from']}) is after to ({dates['to']})",
                         hint="give from <= to, e.g. from=2022-01-01&to=2022-12-31")
    point = _choice("point", got.get("point", ""), points)
    values = {name: _facet_value(name, got.get(name, ""), facets.labels.get(facet, {}))
              for name, facet in FACET_PARAMS.items()}
    return Filters(dates["from"], dates["to"], point, _choice("basis", got.get("basis", "any"), list(BASES)),
                   **values, sort=_choice("sort", got.get("sort", "begin"), list(SORTS)),
                   order=_choice("order", got.get("order", "asc"), ["asc", "desc"]),
                   page=whole_number("page", got.get("page", "1"), 1, 10**6),
                   per_page=whole_number("per_page", got.get("per_page", str(PER_PAGE)), 1, MAX_PER_PAGE))


def _date(name: str, raw: str) -> str:
    if not raw:
        return ""
    try:
        return datetime.date.fromisoformat(raw).isoformat() if len(raw) == 10 else _bad_date(name, raw)
    except ValueError:
        return _bad_date(name, raw)


def _bad_date(name: str, raw: str) -> str:
    raise QueryError(f"parameter {name} needs a date (YYYY-MM-DD), got {raw!r}", hint=f"e.g. {name}=2022-03-24")


def _choice(name: str, raw: str, allowed: list[str]) -> str:
    if raw and raw not in allowed:
        raise QueryError(f"parameter {name} must be one of {', '.join(allowed)}, got {raw!r}",
                         hint=f"e.g. {name}={allowed[0]}, or leave it out")
    return raw


def _facet_value(name: str, raw: str, known: dict[str, str]) -> str:
    """``raw`` as a prefixed name (``ckr:agent-armenia``) or IRI, or ``none``: one of ``known``."""
    if not raw:
        return ""
    value = raw if raw == "none" else expand_curie(raw)
    if value not in known:
        raise QueryError(f"parameter {name}: {raw!r} is not {WHAT[name]} of any incident",
                         hint=f"pick one from the {name} list on /incidents, e.g. {name}={_example(known)}")
    return compact_iri(value) if value != "none" else value


def _example(known: dict[str, str]) -> str:
    return compact_iri(sorted(known)[0]) if known else "none"


def statement_points(labels: dict[str, str]) -> list[str]:
    """The numbers of the 2020 statement's points, from the site's labels."""
    return [str(n) for n in range(1, 100) if POINT_IRI.format(n) in labels]


def options(facets: Facets, points: list[str]) -> dict[str, list[dict[str, str]]]:
    """The choices of each filter, sorted by label: what the page's selects offer."""
    chosen = {name: facets.labels.get(facet, {}) for name, facet in FACET_PARAMS.items()}
    out = {name: [{"value": v if v == "none" else compact_iri(v), "label": label}
                  for v, label in sorted(values.items(), key=lambda kv: (kv[1].casefold(), kv[0]))]
           for name, values in chosen.items()}
    out["point"] = [{"value": n, "label": f"point {n}"} for n in points]
    return out


@dataclass
class Matching:
    """The incidents matching checked filters (unsorted, unpaged), with the facets they were checked against."""

    filters: Filters
    facets: Facets
    points: list[str]
    rows: list[Row]

    def places(self, row: Row) -> dict[str, str]:
        """The places of one incident (IRI -> label): where its claims put it, and what contains those."""
        return self.facets.values(row.iri, "place")


def matching_incidents(ctx: PageContext, params: Mapping[str, str]) -> Matching:
    """The incidents ``params`` select, checked by :func:`parse_filters`: what the list and the map share.

    Raises:
        QueryError: as :func:`parse_filters`.
    """
    facets = ctx.site.derive_once(("incident-facets",),  # whole-store: once per generation
                                  lambda: Facets.of(ctx.run("incident-facets", once=True).dicts()))
    points = statement_points(ctx.site.labels)
    filters = parse_filters(params, facets, points)
    rows = [row for row in incident_rows(ctx, facets) if _matches(row, filters, facets)]
    return Matching(filters, facets, points, rows)


def incidents_page(ctx: PageContext, params: Mapping[str, str]) -> Page:
    """The page of incidents matching ``params`` (checked by :func:`parse_filters`), one page of rows.

    ``extra`` holds the checked filters, the choices of every filter, the paging (``total``,
    ``pages``, ``next``/``previous`` query strings keeping the filters) and the CSV columns.
    """
    found = matching_incidents(ctx, params)
    filters, facets, points = found.filters, found.facets, found.points
    rows = _sorted(found.rows, filters)
    total, size = len(rows), filters.per_page
    pages = max(1, -(-total // size))
    if filters.page > pages:
        raise QueryError(f"parameter page: there is no page {filters.page}, the list has {pages}",
                         hint=f"page=1 to page={pages} with these filters")
    shown = rows[(filters.page - 1) * size: filters.page * size]
    page = Page("incidents", "Incidents",
                subtitle="Every incident of the record (a curator's grouping of claims), with its claims counted "
                         "by stance. Filter, sort and page; the same parameters give the JSON and CSV twins.")
    page.sections.append(_section(shown, total))
    page.extra.update({
        "filters": {("from" if k == "from_" else k): v for k, v in asdict(filters).items()},
        "options": options(facets, points), "total": total, "page": filters.page, "pages": pages,
        "first_row": (filters.page - 1) * size + 1 if shown else 0, "last_row": (filters.page - 1) * size + len(shown),
        "query": filters.query_string(),
        "previous": filters.query_string(page=filters.page - 1) if filters.page > 1 else None,
        "next": filters.query_string(page=filters.page + 1) if filters.page < pages else None,
        "sort_links": {key: filters.query_string(sort=key, order=_toggled(filters, key), page=1) for key in SORTS},
    })
    return page


def _toggled(filters: Filters, key: str) -> str:
    """The order a click on ``key``'s heading asks for: the other one if it is the sort, else its natural one."""
    if filters.sort == key:
        return "desc" if filters.order == "asc" else "asc"
    return "desc" if key == "claims" else "asc"


@dataclass(frozen=True)
class Row:
    """One incident with what it is filtered and sorted by, and its display cells (shared by every request
    in one naming perspective: read, never changed; a page's JSON is a copy, ``Page.to_json``)."""

    iri: str
    begin: str
    end: str
    claims: int
    cells: dict[str, object]


def incident_rows(ctx: PageContext, facets: Facets) -> tuple[Row, ...]:
    """Every incident's row in the naming perspective of ``ctx``, made once per site and perspective
    (:meth:`~conflictkg.pages.context.Site.derive_once`): a request filters, sorts and pages them, it does
    not label them again (at 10x the shipped data, making them was most of ``/incidents``' time, #14)."""
    key = ("incident-rows", ctx.labeller.perspective)
    return ctx.site.derive_once(key, lambda: tuple(_rows(ctx, facets)))


def _rows(ctx: PageContext, facets: Facets) -> list[Row]:
    rows = []
    for d in ctx.run("incidents-overview", once=True).dicts():
        iri = term_to_str(d["incident"])
        begin = term_to_str(d["earliest_begin"]) if d["earliest_begin"] is not None else ""
        end = term_to_str(d["latest_end"]) if d["latest_end"] is not None else ""
        cells: dict[str, object] = {"incident": ctx.labeller.cell(d["incident"], d["incident_label"]),
                                    "earliest_begin": {"text": begin}, "latest_end": {"text": end}}
        cells.update({c: {"text": term_to_str(d[c])} for c in COUNT_COLUMNS})
        cells["points_named"] = _points(ctx, facets, facets.values(iri, "point-named"))
        cells["points_implied"] = _points(ctx, facets, facets.values(iri, "point-implied"))
        for column, facet in (("accused", "accused"), ("sides", "side"), ("places", "place")):
            cells[column] = _list(ctx, facets.values(iri, facet))
        rows.append(Row(iri, begin, end, int(term_to_str(d["claims"])), cells))
    return rows


def _points(ctx: PageContext, facets: Facets, values: dict[str, str]) -> list[Cell]:
    """Point cells, numbered ("6"), each linked to its clause page, in point order."""
    ordered = sorted(values, key=lambda iri: (int(facets.numbers.get(iri, "0")), iri))
    return [{**ctx.labeller.iri_cell(iri, values[iri]), "text": facets.numbers.get(iri, "?"), "title": values[iri]}
            for iri in ordered]


def _list(ctx: PageContext, values: dict[str, str]) -> list[Cell]:
    cells = [{"text": label, "value": "none"} if iri == "none" else ctx.labeller.iri_cell(iri, label)
             for iri, label in values.items()]
    return sorted(cells, key=lambda c: (c["text"].casefold(), c.get("iri", "")))


def in_window(row: Row, from_: str, to: str) -> bool:
    """Whether ``row`` overlaps the window ``from_``..``to`` (ISO dates, either blank: open); an
    undated incident is in no window."""
    if (from_ or to) and not row.begin:
        return False
    return not (to and row.begin > to) and not (from_ and (row.end or row.begin) < from_)


def _matches(row: Row, f: Filters, facets: Facets) -> bool:
    if not in_window(row, f.from_, f.to):
        return False
    if f.point and POINT_IRI.format(f.point) not in facets.values(row.iri, *BASES[f.basis]):
        return False
    for name, facet in FACET_PARAMS.items():
        wanted = getattr(f, name)
        if wanted and (wanted if wanted == "none" else expand_curie(wanted)) not in facets.values(row.iri, facet):
            return False
    return True


def _sorted(rows: list[Row], f: Filters) -> list[Row]:
    """By begin date (undated last either way) or by number of claims; ties by begin date, then IRI."""
    if f.sort == "claims":
        ordered = sorted(rows, key=lambda r: (r.claims, r.begin or "9999", r.iri))
        return ordered[::-1] if f.order == "desc" else ordered
    dated = sorted((r for r in rows if r.begin), key=lambda r: (r.begin, r.end, r.iri))
    return (dated[::-1] if f.order == "desc" else dated) + sorted((r for r in rows if not r.begin), key=lambda r: r.iri)


def _section(rows: list[Row], total: int) -> Section:
    """The one table; list-valued cells (points, accused, sides, places) are lists of cells."""
    return Section("incidents", "Incidents", list(COLUMNS), [r.cells for r in rows],  # type: ignore[misc]
                   query="incidents-overview", note=f"{total} incidents match.",
                   empty="No incident matches these filters.")


def csv_table(page: Page) -> tuple[list[str], list[list[str]]]:
    """The CSV twin of one page of the list: IRIs for machines, labels for people, lists joined."""
    header = ["incident", "incident_label", "earliest_begin", "latest_end", *COUNT_COLUMNS,
              "points_named", "points_implied", "accused", "accused_labels", "sides", "sides_labels",
              "places", "places_labels"]
    out = []
    for cells in page.sections[0].rows:
        line = [cells["incident"].get("iri", ""), cells["incident"]["text"], cells["earliest_begin"]["text"],
                cells["latest_end"]["text"], *(cells[c]["text"] for c in COUNT_COLUMNS),
                " ".join(c["text"] for c in cells["points_named"]), " ".join(c["text"] for c in cells["points_implied"])]
        for column in ("accused", "sides", "places"):
            line += [" ".join(c.get("iri", c.get("value", "")) for c in cells[column]),
                     "; ".join(c["text"] for c in cells[column])]
        out.append(line)
    return header, out
