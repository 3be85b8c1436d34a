"""The flat downloads (conflictkg.exports): each file parsed back with its format's own reader and
counted against SPARQL counts on the same store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

from conflictkg import exports
from conflictkg.exports import tables
from conflictkg.build import Staged
from conflictkg.network.views import ViewRequest, build_network
from conflictkg.resources import Resources

from tests.conftest import SPARQL_PREFIXES

CLAIM_COLUMNS = ["claim", "claim_label", "kind", "claimant", "claimant_label", "claimant_side", "claimant_side_label",
                 "claim_date", "stance", "stance_label", "incident", "incident_label", "points_named",
                 "points_implied", "provisions_named", "provisions_implied", "accused", "accused_label", "source_urls"]


def count(staged: Staged, where: str, what: str = "DISTINCT ?x") -> int:
    result = staged.store.query(f"{SPARQL_PREFIXES}SELECT (COUNT({what}) AS ?n) WHERE {{ {where} }}")
    return int(result.rows[0][0].value)


def rows_of(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


@pytest.fixture(scope="module")
def files(staged: Staged, res: Resources) -> dict[str, bytes]:
    return exports.build_all(staged.store, res)


def test_claims_csv_has_one_row_per_claim_with_the_documented_columns(files, staged):
    text = files["claims.csv"].decode("utf-8")
    assert text.splitlines()[0] == ",".join(CLAIM_COLUMNS)
    rows = rows_of(files["claims.csv"])
    assert len(rows) == count(staged, "GRAPH ckg:claims { ?x a ck:Claim }") > 100
    assert len({r["claim"] for r in rows}) == len(rows)
    dated = [r["claim_date"] for r in rows if r["claim_date"]]
    assert dated == sorted(dated)  # ORDER BY ?claim_date (undated claims first)


def test_claims_csv_lists_are_sorted_and_match_sparql(files, staged):
    rows = rows_of(files["claims.csv"])
    accused = sum(len(r["accused"].split(" | ")) for r in rows if r["accused"])
    assert accused == count(staged, "GRAPH ckg:claims { ?c ck:accusedParty ?a } BIND(CONCAT(STR(?c), STR(?a)) AS ?x)")
    for row in rows:
        points = [int(p) for p in row["points_named"].split(" | ") if p]
        assert points == sorted(set(points)) and all(1 <= p <= 20 for p in points)
        urls = [u for u in row["source_urls"].split(" | ") if u]
        assert urls == sorted(set(urls)) and all(u.startswith("http") for u in urls)
    with_urls = count(staged, "GRAPH ckg:claims { ?x ck:statedIn|ck:citedIn ?s } GRAPH ckg:reference { ?s schema:url ?u }")
    assert sum(1 for r in rows if r["source_urls"]) == with_urls
    named = count(staged, "GRAPH ckg:claims { ?x ck:allegesBreachOf ?p }")
    assert sum(1 for r in rows if r["provisions_named"]) == named
    sides = {s for r in rows for s in r["claimant_side_label"].split(" | ") if s}
    assert {"Armenia", "Azerbaijan"} <= sides


def test_incidents_csv_counts_the_incidents_with_claims(files, staged):
    rows = rows_of(files["incidents.csv"])
    assert len(rows) == count(staged, "GRAPH ckg:reference { ?x a ck:Incident } GRAPH ckg:claims { ?c ck:aboutIncident ?x }")
    for row in rows:
        assert int(row["claims"]) >= int(row["allegations"]) + int(row["denials"])


def test_places_geojson_is_a_feature_collection_of_points(files, staged):
    data = json.loads(files["places.geojson"])
    assert data["type"] == "FeatureCollection"
    features = data["features"]
    assert len(features) == count(staged, "GRAPH ?g { ?x geo:hasGeometry ?geo } GRAPH ?h { ?geo geo:asWKT ?w } "
                                          "FILTER(STRSTARTS(STR(?w), 'POINT('))")
    for f in features:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90, f["id"]
        assert f["id"] == f["properties"]["place"] and f["properties"]["precision"]
    assert sum(1 for f in features if f["properties"]["source_url"]) > len(features) / 2
    parukh = next(f for f in features if f["id"].endswith("/place-parukh-farrukh"))
    lon, lat = parukh["geometry"]["coordinates"]
    assert 46 < lon < 47.5 and 39.5 < lat < 40.5  # longitude first (RFC 7946), in Karabakh


@pytest.mark.parametrize("view", exports.NETWORK_VIEWS)
def test_graph_files_read_back_with_networkx(files, staged, res, view):
    clauses = tuple(range(1, 10)) if view == "clause" else ()
    network = build_network(staged.store, res, ViewRequest(view, clauses=clauses))
    gexf = nx.read_gexf(io.BytesIO(files[f"network-{view}.gexf"]))
    graphml = nx.read_graphml(io.BytesIO(files[f"network-{view}.graphml"]))
    link = nx.node_link_graph(json.loads(files[f"network-{view}.json"]), edges="edges")
    for graph in (gexf, graphml, link):
        assert graph.number_of_nodes() == len(network.nodes) > 0
        assert graph.number_of_edges() == len(network.edges) > 0
        assert sorted(graph.nodes) == sorted(network.nodes)
    iri = sorted(network.nodes)[0]
    assert graphml.nodes[iri]["kind"] == network.nodes[iri].kind == gexf.nodes[iri]["kind"]
    assert sum(d["weight"] for _u, _v, d in link.edges(data=True)) == sum(e.weight for e in network.edges)


def test_allegation_edges_carry_their_claims_as_iris(files):
    link = json.loads(files["network-allegations.json"])
    claims = {c for e in link["edges"] for c in e["claims"].split(" | ")}
    assert claims and all(c.startswith("https://w3id.org/conflictkg/resource/claim-") for c in claims)


def test_downloads_are_deterministic_and_one_by_one_as_all_at_once(files, staged, res):
    assert list(files) == list(exports.DOWNLOADS)
    for name in ("claims.csv", "places.geojson", "network-whole.gexf", "network-allegations.graphml"):
        assert exports.build(staged.store, res, name) == files[name], name
    dated = exports.build(staged.store, res, "network-allegations.gexf", "2026-12-02")
    assert b'lastmodifieddate="2026-12-02"' in dated and b"lastmodifieddate" not in files["network-allegations.gexf"]


@pytest.mark.parametrize(("args", "name"), [
    (("csv",), "claims.csv"), (("csv", "incidents"), "incidents.csv"), (("geojson",), "places.geojson"),
    (("gexf",), "network-allegations.gexf"), (("node-link", None, "whole"), "network-whole.json")])
def test_file_names_of_the_export_options(args, name):
    assert exports.file_name(*args) == name
    assert name in exports.DOWNLOADS


@pytest.mark.parametrize(("args", "message"), [
    (("xlsx",), "'xlsx' is not a flat format"), (("csv", "sources"), "no table called 'sources'"),
    (("gexf", "claims"), "--table applies to --format csv"), (("csv", None, "whole"), "--view applies to graph"),
    (("graphml", None, "incident"), "no graph file of the 'incident' view")])
def test_misfit_options_are_typed_errors(args, message):
    with pytest.raises(exports.ExportError, match=message) as caught:
        exports.file_name(*args)
    assert caught.value.exit_code == 1 and caught.value.hint


def test_unknown_download_is_a_typed_error(staged, res):
    with pytest.raises(exports.ExportError, match="no download called 'x.csv'"):
        exports.build(staged.store, res, "x.csv")


def test_every_download_is_in_the_data_dictionary():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "downloads.md").read_text(encoding="utf-8")
    for name in exports.DOWNLOADS:
        assert f"`{name}`" in doc, name
    for column in CLAIM_COLUMNS:
        assert f"`{column}`" in doc, column



@pytest.mark.parametrize("query_id", ["claims-table", "class-partitions"])
def test_export_questions_agree_row_for_row_on_oxigraph_and_rdflib(staged, res, query_id):
    """Ordered the same on both engines, once the GROUP_CONCAT lists are sorted (their order is the engine's)."""
    from conflictkg.store.memory import MemoryStore

    lists = tables.LIST_COLUMNS if query_id == "claims-table" else {}
    oxigraph = tables.table(tables.answer(staged.store, res, query_id), lists)
    rdflib = tables.table(tables.answer(MemoryStore(list(reversed(staged.quads))), res, query_id), lists)
    assert oxigraph == rdflib and len(oxigraph[1]) > 10
