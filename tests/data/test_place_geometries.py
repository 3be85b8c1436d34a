"""Places on the map (issue #12, part 3): every geometry in the data is a point read from a stored
page with a URL, lies in the part of the world its place is in (longitude first, never swapped), and
carries a precision that fits its place; the places left without a point are exactly the ones listed,
each with its reason, in docs/curating/places-without-coordinates.md (no silent gaps)."""
from __future__ import annotations

import re

import pytest

from conflictkg.build import Staged
from conflictkg.rdf.namespaces import CK, CKR, CKV
from conflictkg.sparql.queries import example_params, load_library, run
from tests.conftest import REPO
from tests.conftest import SPARQL_PREFIXES as PREFIXES

LIST_DOC = REPO / "docs" / "curating" / "places-without-coordinates.md"
POINT = re.compile(r"^POINT\((-?\d{1,3}(?:\.\d+)?) (-?\d{1,2}(?:\.\d+)?)\)$")
#: (min lat, max lat, min lon, max lon): Armenia, Azerbaijan and Nagorno-Karabakh with a margin.
SOUTH_CAUCASUS = (38.0, 42.0, 43.0, 51.0)
#: The foreign cities the claims name, each in a box around the city its own page locates.
FOREIGN = {
    "place-moscow": (55.0, 56.5, 37.0, 38.5),
    "place-sochi": (43.0, 44.5, 39.0, 40.5),
    "place-ankara": (39.5, 40.5, 32.5, 33.5),
    "place-the-hague": (51.8, 52.3, 4.0, 4.6),
    "place-brussels": (50.6, 51.1, 4.1, 4.6),
}
PRECISIONS = {f"{CKV}where-{p}" for p in ("exact", "near", "district", "region", "linear", "country")}


def _local(iri: str) -> str:
    return iri[len(CKR):] if iri.startswith(CKR) else iri


@pytest.fixture(scope="module")
def geometries(staged: Staged) -> dict[str, dict]:
    """place -> its geometry's WKT literals, precisions, classes and sources (url, publisher, note)."""
    rows = staged.store.query(PREFIXES + """
    SELECT ?place ?wkt ?precision ?class ?source ?url ?publisher ?note WHERE {
      GRAPH ?g { ?place geo:hasGeometry ?geometry }
      OPTIONAL { GRAPH ?g1 { ?geometry geo:asWKT ?wkt } }
      OPTIONAL { GRAPH ?g2 { ?geometry ck:locationPrecision ?precision } }
      OPTIONAL { GRAPH ?g3 { ?place a ?class } FILTER(STRSTARTS(STR(?class), STR(ck:))) }
      OPTIONAL { GRAPH ?g4 { ?geometry dcterms:source ?source }
                 OPTIONAL { GRAPH ?g5 { ?source schema:url ?url } }
                 OPTIONAL { GRAPH ?g6 { ?source dcterms:publisher ?publisher } }
                 OPTIONAL { GRAPH ?g7 { ?source ck:curatorNote ?note } } } }""").dicts()
    out: dict[str, dict] = {}
    for r in rows:
        g = out.setdefault(_local(str(r["place"].value)), {"wkt": set(), "precision": set(), "class": set(),
                                                           "sources": {}})
        for key in ("wkt", "precision", "class"):
            if r.get(key) is not None:
                g[key].add(str(r[key].value))
        if r.get("source") is not None:
            src = g["sources"].setdefault(str(r["source"].value), {"url": set(), "publisher": set(), "note": set()})
            for key in ("url", "publisher", "note"):
                if r.get(key) is not None:
                    src[key].add(str(r[key].value))
    return out


def _point(geometry: dict) -> tuple[float, float]:
    [wkt] = geometry["wkt"]
    match = POINT.match(wkt)
    assert match, wkt
    return float(match.group(1)), float(match.group(2))


def test_every_geometry_is_one_point_with_one_precision(geometries: dict[str, dict]) -> None:
    assert len(geometries) >= 60
    for place, g in sorted(geometries.items()):
        assert len(g["wkt"]) == 1 and POINT.match(next(iter(g["wkt"]))), (place, g["wkt"])
        assert len(g["precision"]) == 1 and g["precision"] <= PRECISIONS, (place, g["precision"])


def test_coordinates_are_written_without_trailing_zeros(geometries: dict[str, dict]) -> None:
    """Oxigraph reads a coordinate as the canonical decimal and rdflib keeps it as written, so
    "46.18000" made the places table differ between them: every number is written canonically."""
    for place, g in sorted(geometries.items()):
        for number in POINT.match(next(iter(g["wkt"]))).groups():
            assert not re.search(r"\.\d*0$|\.$", number), (place, number)


def test_every_geometry_names_a_page_read_in_the_stored_copy(geometries: dict[str, dict]) -> None:
    for place, g in sorted(geometries.items()):
        assert g["sources"], place
        for source, s in sorted(g["sources"].items()):
            assert s["url"] and all(u.startswith(("http://", "https://")) for u in s["url"]), (place, source)
            assert s["publisher"], (place, source)
            assert any("stored copy" in n for n in s["note"]), (place, source)


def test_points_lie_where_their_places_are_longitude_first(geometries: dict[str, dict]) -> None:
    for place, g in sorted(geometries.items()):
        lon, lat = _point(g)
        lat_min, lat_max, lon_min, lon_max = FOREIGN.get(place, SOUTH_CAUCASUS)
        assert lat_min <= lat <= lat_max and lon_min <= lon <= lon_max, (place, lon, lat)


def test_the_foreign_cities_are_located_too(geometries: dict[str, dict]) -> None:
    assert set(FOREIGN) <= set(geometries)
    assert all(g["precision"] == {f"{CKV}where-exact"} for p, g in geometries.items() if p in FOREIGN)


def test_precision_fits_the_kind_of_place(geometries: dict[str, dict]) -> None:
    """Units get a district or region code, never 'exact'; a corridor is a line."""
    for place, g in sorted(geometries.items()):
        [precision] = g["precision"]
        if f"{CK}AdministrativeUnit" in g["class"]:
            assert precision in {f"{CKV}where-district", f"{CKV}where-region"}, place
        if f"{CK}Corridor" in g["class"]:
            assert precision == f"{CKV}where-linear", place
        if precision == f"{CKV}where-exact":
            assert g["class"] & {f"{CK}Settlement", f"{CK}Height", f"{CK}Place"}, place


def _listed() -> dict[str, str]:
    """The places the document lists, with the reason given for each (its last table column)."""
    rows = re.findall(r"^\| `ckr:(place-[a-z0-9-]+)` \|(.*)\|\s*$", LIST_DOC.read_text(encoding="utf-8"), re.M)
    return {place: cells.split("|")[-1].strip() for place, cells in rows}


def test_the_places_without_coordinates_are_exactly_the_listed_ones(staged: Staged,
                                                                   geometries: dict[str, dict]) -> None:
    """Regenerate the list with the commands in the document when places are added or located."""
    query = load_library(REPO / "queries")["places-without-coordinates"]
    result = run(staged.store, query, example_params(query))
    missing = {_local(str(row[0].value)) for row in result.rows}
    listed = _listed()
    assert missing == set(listed), (sorted(missing - set(listed)), sorted(set(listed) - missing))
    assert not missing & set(geometries)
    assert all(reason for reason in listed.values()), [p for p, r in listed.items() if not r]
