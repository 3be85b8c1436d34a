"""The map: every place that has a point, with the incidents at or within it that match the filters.

Two answers make it: ``place-coordinates`` (each located place: its point, how precisely it locates
the place, the page the point was read from) and the incidents list's own filtering
(:func:`conflictkg.pages.incidents.matching_incidents`: the same parameters, checked the same
way, so ``/map?point=6`` shows what ``/incidents?point=6`` lists). An incident is at a place when
the place is in its ``place`` facet (a place one of its claims puts an event at, any place that
place is part of, or its curated extent): a place's count is what ``/incidents?place=...`` lists
with the same filters. The HTML page, its JSON twin and the GeoJSON download are renderings of
one :class:`~conflictkg.pages.model.Page`; the GeoJSON is ``page.extra["geojson"]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conflictkg.pages.context import PageContext
from conflictkg.pages.incidents import Filters, Row, matching_incidents, options
from conflictkg.pages.model import Page
from conflictkg.rdf.links import page_href
from conflictkg.rdf.namespaces import compact_iri
from conflictkg.rdf.terms import term_to_str

#: what the basemap covers (west, south, east, north): Natural Earth clipped to the South Caucasus
REGION = (38.5, 37.0, 51.5, 44.5)
#: the incidents list's parameters that order and page it: the map has neither
LIST_ONLY = ("sort", "order", "page", "per_page")
BASEMAP_NOTE = ("Country boundaries: Natural Earth admin-0 (public domain), drawn as Natural Earth draws them. "
                "They are not asserted by this project, which draws no line of contact or of control; each "
                "side's administrative scheme for a place is on the place's page.")


def located_places(ctx: PageContext) -> dict[str, dict[str, str]]:
    """Place IRI -> its point and provenance, one per place (its first row in the question's order)."""
    places: dict[str, dict[str, str]] = {}
    for row in ctx.run("place-coordinates", once=True).dicts():
        iri = term_to_str(row["place"])
        if iri in places:
            continue
        places[iri] = {k: term_to_str(row[k]) if row[k] is not None else "" for k in
                       ("place_label", "longitude", "latitude", "precision", "precision_label", "where_prec",
                        "source", "source_url")}
    return places


def place_point(ctx: PageContext, iri: str) -> dict[str, Any] | None:
    """The point of one place for its page's small map, or None when it has none."""
    found = located_places(ctx).get(iri)
    if found is None:
        return None
    return {"longitude": float(found["longitude"]), "latitude": float(found["latitude"]),
            "precision": compact_iri(found["precision"]) if found["precision"] else "",
            "precision_label": found["precision_label"], "source": found["source"], "source_url": found["source_url"],
            "note": BASEMAP_NOTE}


def map_page(ctx: PageContext, params: Mapping[str, str]) -> Page:
    """The map of located places with the incidents matching ``params`` (the incidents list's filters).

    ``extra`` holds the checked filters, the choices of every filter, the query string, the number
    of matching incidents and the GeoJSON FeatureCollection the map draws.

    Raises:
        QueryError: a filter parameter the incidents list refuses (HTTP 400). The list's sorting
            and paging parameters are ignored: the map has neither.
    """
    wanted = {k: v for k, v in params.items() if k not in LIST_ONLY}
    found = matching_incidents(ctx, wanted)
    filters, rows = found.filters, found.rows
    places = located_places(ctx)
    at: dict[str, list[Row]] = {}
    for row in rows:
        for place in found.places(row):
            at.setdefault(place, []).append(row)
    features = [_feature(ctx, iri, places[iri], at.get(iri, []), filters) for iri in sorted(places)]
    page = Page("map", "Map of incidents and places",
                subtitle="Every place with coordinates, with the incidents at or within it. Filter like the "
                         "incidents list; the same parameters give the GeoJSON download.")
    query = filters.query_string()
    page.extra.update({
        "filters": {("from" if k == "from_" else k): v for k, v in vars(filters).items() if k not in LIST_ONLY},
        "options": options(found.facets, found.points), "query": query, "matching": len(rows),
        "located": sum(1 for f in features if f["properties"]["incident_count"]),
        "unlocated": sum(1 for r in rows if not found.places(r).keys() & places.keys()),
        "basemap_note": BASEMAP_NOTE, "region": list(REGION),
        "outside": [{"text": f["properties"]["label"], "href": f["properties"]["href"],
                     "count": f["properties"]["incident_count"]} for f in features if not f["properties"]["in_region"]],
        "geojson": {"type": "FeatureCollection", "features": features,
                    "filters": query, "matching_incidents": len(rows),
                    "queries": ["place-coordinates", "incident-facets", "incidents-overview"]},
    })
    return page


def _feature(ctx: PageContext, iri: str, place: dict[str, str], rows: list[Row], filters: Filters) -> dict[str, Any]:
    """One GeoJSON Feature: the place's point, who it is, how precise, where read, and its incidents by date."""
    cell = ctx.labeller.iri_cell(iri, place["place_label"] or None)
    ordered = sorted(rows, key=lambda r: (r.begin or "9999", r.iri))
    lon, lat = float(place["longitude"]), float(place["latitude"])
    props = {"place": iri, "label": cell["text"], "href": page_href(iri) or "",
             "precision": compact_iri(place["precision"]) if place["precision"] else "",
             "precision_label": place["precision_label"], "where_prec": place["where_prec"],
             "source": place["source"], "source_url": place["source_url"], "incident_count": len(rows),
             "in_region": REGION[0] <= lon <= REGION[2] and REGION[1] <= lat <= REGION[3],
             "incidents_href": "/incidents?" + filters.query_string(place=compact_iri(iri)),
             "incidents": [{"incident": r.iri, "label": r.cells["incident"]["text"],  # type: ignore[index]
                            "href": page_href(r.iri) or "", "begin": r.begin, "claims": r.claims} for r in ordered]}
    return {"type": "Feature", "id": iri,
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": props}
