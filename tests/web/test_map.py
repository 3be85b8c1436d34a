"""The map (``/map``), its GeoJSON download and JSON twin, and the small map of a place page, over
a live loopback server on the real data: the GeoJSON is valid, holds every located place with its
point and source as the library questions give them, and filters exactly as the incidents list."""

from __future__ import annotations

import json
import re
from html import unescape

import httpx
import pytest

from conflictkg.rdf.namespaces import CKR, compact_iri
from conflictkg.rdf.terms import term_to_str
from conflictkg.sparql.queries import load_library, run

from tests.conftest import REPO

LIBRARY = load_library(REPO / "queries")
STATIC = REPO / "src" / "conflictkg" / "web" / "static" / "vendor"
PARUKH = CKR + "place-parukh-farrukh"
BOX = (38.5, 37.0, 51.5, 44.5)  # the basemap's clip box: west, south, east, north


def get(url: str, path: str, **kw: object) -> httpx.Response:
    return httpx.get(url + path, timeout=120, **kw)  # type: ignore[arg-type]


def by_place(collection: dict) -> dict[str, dict]:
    return {f["properties"]["place"]: f for f in collection["features"]}


def list_iris(url: str, query: str) -> set[str]:
    data = get(url, f"/incidents.json?{query}&per_page=500").json()
    assert data["extra"]["pages"] == 1
    return {r["incident"]["iri"] for r in data["sections"][0]["rows"]}


def test_geojson_is_valid_and_holds_every_located_place_with_its_point_and_source(site_url, staged):
    response = get(site_url, "/map.geojson")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    expected: dict[str, dict] = {}
    for d in run(staged.store, LIBRARY["place-coordinates"]).dicts():
        expected.setdefault(term_to_str(d["place"]), d)
    features = by_place(collection)
    assert list(features) == sorted(expected) and len(features) == len(collection["features"]) > 50
    for iri, feature in features.items():
        row = expected[iri]
        assert feature["type"] == "Feature" and feature["id"] == iri
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and isinstance(lon, float) and isinstance(lat, float)
        assert (lon, lat) == (float(term_to_str(row["longitude"])), float(term_to_str(row["latitude"])))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["in_region"] == (BOX[0] <= lon <= BOX[2] and BOX[1] <= lat <= BOX[3])
        props = feature["properties"]
        assert props["precision"] == compact_iri(term_to_str(row["precision"]))
        assert props["source"] == term_to_str(row["source"]) and props["source"].startswith(CKR + "source-")
        assert props["source_url"] == term_to_str(row["source_url"]) and props["label"]
        assert props["href"] == "/resource/" + iri.removeprefix(CKR)
        assert props["incident_count"] == len(props["incidents"])
    assert features[PARUKH]["properties"]["precision"] == "ckv:where-exact"
    assert features[PARUKH]["properties"]["incident_count"] >= 1 and features[PARUKH]["properties"]["in_region"]
    assert not features[CKR + "place-moscow"]["properties"]["in_region"]  # located, but beyond the basemap


def test_counts_are_the_incidents_list_at_each_place(site_url, staged):
    facets = run(staged.store, LIBRARY["incident-facets"]).dicts()
    overview = {term_to_str(d["incident"]) for d in run(staged.store, LIBRARY["incidents-overview"]).dicts()}
    at: dict[str, set[str]] = {}
    for d in facets:
        if term_to_str(d["facet"]) == "place" and term_to_str(d["incident"]) in overview:
            at.setdefault(term_to_str(d["value"]), set()).add(term_to_str(d["incident"]))
    collection = get(site_url, "/map.geojson").json()
    assert collection["matching_incidents"] == len(overview)
    for iri, feature in by_place(collection).items():
        assert {i["incident"] for i in feature["properties"]["incidents"]} == at.get(iri, set()), iri
    busy = [f for f in collection["features"] if f["properties"]["incident_count"]]
    assert busy and all(f["properties"]["incident_count"] == len(at.get(f["id"], ())) for f in busy)
    parukh = by_place(collection)[PARUKH]["properties"]
    assert parukh["incidents_href"] == "/incidents?place=ckr%3Aplace-parukh-farrukh"
    begins = [i["begin"] for i in parukh["incidents"]]
    assert begins == sorted(begins)


@pytest.mark.parametrize("query", ["from=2022-03-01&to=2022-03-31", "point=4&basis=named",
                                   "accused=ckr:agent-azerbaijan", "side=ckr:agent-russia", "stance=ckv:stance-denies"])
def test_filters_select_what_the_incidents_list_selects(site_url, query):
    collection = get(site_url, f"/map.geojson?{query}").json()
    listed = list_iris(site_url, query)
    assert collection["matching_incidents"] == len(listed) and 0 < len(listed)
    everything = by_place(get(site_url, "/map.geojson").json())
    for iri, feature in by_place(collection).items():
        props = feature["properties"]
        shown = {i["incident"] for i in props["incidents"]}
        assert shown <= listed
        assert shown == {i["incident"] for i in everything[iri]["properties"]["incidents"]} & listed
        if props["incident_count"]:
            assert props["incidents_href"].startswith("/incidents?") and "place=" in props["incidents_href"]
    assert sum(f["properties"]["incident_count"] for f in collection["features"]) < sum(
        f["properties"]["incident_count"] for f in everything.values())


def test_a_place_filter_narrows_to_the_incidents_there(site_url):
    collection = get(site_url, "/map.geojson?place=ckr:place-parukh-farrukh").json()
    listed = list_iris(site_url, "place=ckr:place-parukh-farrukh")
    assert {i["incident"] for i in by_place(collection)[PARUKH]["properties"]["incidents"]} == listed


@pytest.mark.parametrize(("query", "parameter"), [("from=2022-13-01", "from"), ("point=99", "point"),
                                                  ("accused=ckr:agent-nobody", "accused"),
                                                  ("place=ckr:place-atlantis", "place")])
def test_a_bad_filter_is_a_400_naming_the_parameter(site_url, query, parameter):
    for path in ("/map.geojson", "/map.json"):
        response = get(site_url, f"{path}?{query}")
        assert response.status_code == 400 and f"parameter {parameter}" in response.json()["error"]
    page = get(site_url, f"/map?{query}")
    assert page.status_code == 400 and f"parameter {parameter}" in unescape(page.text)


def test_sorting_and_paging_parameters_are_ignored_on_the_map(site_url):
    plain = get(site_url, "/map.geojson").json()
    assert get(site_url, "/map.geojson?page=999&per_page=3&sort=claims&order=desc").json() == plain


def test_the_page_embeds_its_geojson_and_names_the_boundaries_source(site_url):
    response = get(site_url, "/map?from=2022-01-01&to=2022-12-31")
    assert response.status_code == 200
    html = response.text
    embedded = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', html, re.S)
    geojson = get(site_url, "/map.geojson?from=2022-01-01&to=2022-12-31").json()
    assert embedded and json.loads(embedded.group(1)) == geojson
    assert 'href="/map">Map</a>' in html and "Natural Earth" in html and "not asserted by this project" in html
    assert 'href="/map.geojson?from=2022-01-01&amp;to=2022-12-31"' in html
    assert 'src="/static/vendor/leaflet/leaflet.js"' in html and "tile" not in html.lower()
    twin = get(site_url, "/map.json?from=2022-01-01&to=2022-12-31").json()
    assert twin["kind"] == "map" and twin["extra"]["geojson"] == json.loads(embedded.group(1))
    assert 'href="/map">Map</a>' in get(site_url, "/").text
    outside = re.search(r'<p class="note map-outside">(.*?)</p>', html, re.S)
    assert outside and '<a href="/resource/place-moscow">' in outside.group(1)


def test_vendored_libraries_and_basemap_are_served_with_their_licences(site_url):
    for path in ("leaflet/leaflet.js", "leaflet/leaflet.css", "natural-earth/south-caucasus.geojson"):
        assert get(site_url, f"/static/vendor/{path}").status_code == 200
    for lib in ("leaflet", "natural-earth"):
        assert (STATIC / lib / "LICENSE").stat().st_size > 300 and (STATIC / lib / "README.md").is_file()
    basemap = get(site_url, "/static/vendor/natural-earth/south-caucasus.geojson").json()
    names = {f["properties"]["name"] for f in basemap["features"]}
    assert {"Armenia", "Azerbaijan", "Georgia"} <= names
    assert (STATIC / "natural-earth" / "south-caucasus.geojson").stat().st_size < 60_000
    for feature in basemap["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert ring[0] == ring[-1] and all(BOX[0] <= x <= BOX[2] and BOX[1] <= y <= BOX[3] for x, y in ring)


def test_a_located_place_page_has_a_small_map_and_an_unlocated_one_none(site_url, staged):
    html = get(site_url, "/resource/place-parukh-farrukh").text
    assert 'data-placemap="small"' in html and "Natural Earth" in html
    point = get(site_url, "/resource/place-parukh-farrukh.json").json()["extra"]["point"]
    feature = by_place(get(site_url, "/map.geojson").json())[PARUKH]
    assert [point["longitude"], point["latitude"]] == feature["geometry"]["coordinates"]
    assert f'data-longitude="{point["longitude"]}"' in html
    unlocated = [term_to_str(d["place"]) for d in run(staged.store, LIBRARY["places-without-coordinates"]).dicts()]
    if unlocated:  # the record may locate every place one day; then there is nothing to show here
        page = get(site_url, "/resource/" + unlocated[0].removeprefix(CKR))
        assert page.status_code == 200 and 'data-placemap="small"' not in page.text
