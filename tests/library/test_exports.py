"""The flat downloads (conflictkg.exports): each file parsed back with its format's own reader and
counted against SPARQL counts on the same store."""

from __future__ import annotations

import csv
import io
import json
import re
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
    (("xlsx",), "'xlsx' is not a flat format"), (("csv", "people"), "no table called 'people'"),
    (("gexf", "claims"), "--table applies to --format csv"), (("csv", None, "whole"), "--view applies to graph"),
    (("graphml", None, "incident"), "no graph file of the 'incident' view")])
def test_misfit_options_are_typed_errors(args, message):
    with pytest.raises(exports.ExportError, match=message) as caught:
        exports.file_name(*args)
    assert caught.value.exit_code == 1 and caught.value.hint


def test_unknown_download_is_a_typed_error(staged, res):
    with pytest.raises(exports.ExportError, match="no download called 'x.csv'"):
        exports.build(staged.store, res, "x.csv")


def test_every_download_is_in_the_data_dictionary(staged, res):
    doc = (Path(__file__).resolve().parents[2] / "docs" / "downloads.md").read_text(encoding="utf-8")
    for name in exports.DOWNLOADS:
        assert f"`{name}`" in doc, name
    for column in CLAIM_COLUMNS:
        assert f"`{column}`" in doc, column
    for name in tables.TABLES:
        section = doc.split(f"## `{name}.csv`", 1)[1].split("\n## ", 1)[0]
        header = exports.build(staged.store, res, f"{name}.csv").decode("utf-8").splitlines()[0].split(",")
        documented = set(re.findall(r"^\| `([a-z_]+)`", section, flags=re.M))
        documented |= {c for cells in re.findall(r"^\| (`[a-z_]+`(?:, `[a-z_]+`)+) \|", section, flags=re.M)
                       for c in re.findall(r"`([a-z_]+)`", cells)}
        assert set(header) <= documented, (name, set(header) - documented)



EXPORT_QUESTIONS = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "queries" / "exports").glob("*.rq"))


@pytest.mark.parametrize("query_id", EXPORT_QUESTIONS)
def test_export_questions_agree_row_for_row_on_oxigraph_and_rdflib(staged, res, query_id):
    """Ordered the same on both engines, once the GROUP_CONCAT lists are sorted (their order is the engine's),
    and filled backwards (rows that tie under ORDER BY would come out differently)."""
    from conflictkg.store.memory import MemoryStore

    lists = next((t.lists for t in tables.TABLES.values() if t.query == query_id), {})
    oxigraph = tables.table(tables.answer(staged.store, res, query_id), lists)
    rdflib = tables.table(tables.answer(MemoryStore(list(staged.quads)[::-1]), res, query_id), lists)
    assert oxigraph == rdflib and len(oxigraph[1]) > 10


@pytest.mark.parametrize("query_id", EXPORT_QUESTIONS)
def test_export_questions_name_their_columns_in_order_and_are_ordered(staged, res, query_id):
    query = tables.load_library(res.exports_queries_dir)[query_id]
    assert query.title.endswith("?") and query.tags and "ORDER BY" in query.text
    columns = re.findall(r"[a-z_]+", query.description.split("Columns:", 1)[1])
    assert columns == tables.answer(staged.store, res, query_id).variables


def test_every_table_is_a_download_and_an_export_option():
    for name, spec in tables.TABLES.items():
        assert exports.file_name("csv", name) == spec.file and spec.file in exports.DOWNLOADS


def test_events_csv_has_reference_and_alleged_events(files, staged):
    rows = rows_of(files["events.csv"])
    pairs = count(staged, "GRAPH ckg:ontology { ?c rdfs:subClassOf* ck:Event } GRAPH ?g { ?e a ?c } "
                          "FILTER(?g = ckg:reference || EXISTS { GRAPH ckg:claims { ?k ck:hasContent ?g } }) "
                          "BIND(CONCAT(STR(?e), STR(?g)) AS ?x)")
    assert len({(r["event"], r["graph"]) for r in rows}) == len(rows) == pairs > 50
    reference = [r for r in rows if r["graph"].endswith("/graph/reference")]
    assert reference and all(not r["claim"] for r in reference)
    alleged = [r for r in rows if r["claim"]]
    assert all(r["graph"].rsplit("/", 1)[1] == r["claim"].rsplit("/", 1)[1] for r in alleged)
    handover = next(r for r in reference if r["event"].endswith("/event-2020-11-25-kelbajar-handover"))
    assert handover["event_class"] == "TerritoryHandover" and handover["latest_end"] == "2020-11-25"


def test_casualty_figures_csv_has_one_row_per_report(files, staged):
    rows = rows_of(files["casualty-figures.csv"])
    assert len(rows) == count(staged, "GRAPH ?g { ?x a ck:CasualtyReport }") > 5
    assert len({r["report"] for r in rows}) == len(rows)
    for row in rows:
        if row["count_min"] and row["count_max"]:
            assert int(row["count_min"]) <= int(row["count_max"]), row["report"]


def test_sources_csv_counts_primary_and_secondary_claims(files, staged):
    rows = rows_of(files["sources.csv"])
    assert len(rows) == count(staged, "GRAPH ckg:reference { ?x a ck:SourceDocument }") > 50
    assert sum(int(r["primary_claims"]) for r in rows) == count(
        staged, "GRAPH ckg:claims { ?c ck:statedIn ?s } GRAPH ckg:reference { ?s a ck:SourceDocument } "
                "BIND(CONCAT(STR(?c), STR(?s)) AS ?x)")
    assert sum(int(r["secondary_claims"]) for r in rows) > 0


def test_places_csv_has_names_per_perspective_and_the_geojson_points(files, staged):
    rows = rows_of(files["places.csv"])
    assert len({r["place"] for r in rows}) == count(
        staged, "GRAPH ckg:ontology { ?c rdfs:subClassOf* ck:Place } GRAPH ckg:reference { ?x a ?c }")
    located = {r["place"] for r in rows if r["longitude"]}
    assert located == {f["id"] for f in json.loads(files["places.geojson"])["features"]}
    parukh = [r for r in rows if r["place"].endswith("/place-parukh-farrukh")]
    assert {"Armenian", "Azerbaijani"} <= {r["perspective_label"].split()[0] for r in parukh if r["perspective_label"]}
    assert len({r["name"] for r in parukh}) >= 2 and len({(r["longitude"], r["latitude"]) for r in parukh}) == 1


def test_norms_csv_has_every_norm_and_every_status_assessment(files, staged):
    rows = rows_of(files["norms.csv"])
    assert len({r["norm"] for r in rows}) == count(staged, "GRAPH ckg:reference { ?c ck:imposes ?x }") > 10
    assert len([r for r in rows if r["assessment"]]) == count(
        staged, "GRAPH ckg:claims { ?a ck:assessesNorm ?n } BIND(CONCAT(STR(?a), STR(?n)) AS ?x)")
    assert {r["status_label"] for r in rows} >= {"fulfilled", "not fulfilled", ""}


def _parses(value: str, datatype: str) -> bool:
    import datetime
    from decimal import Decimal, InvalidOperation

    try:
        if datatype == "date":
            datetime.date.fromisoformat(value)
        elif datatype == "integer":
            int(value)
        elif datatype in ("decimal", "double"):
            Decimal(value)
        elif datatype == "anyURI":
            return value.startswith(("http://", "https://"))
    except (ValueError, InvalidOperation):
        return False
    return True


def test_every_csv_header_matches_its_csvw_columns(files):
    metadata = json.loads(files["csv-metadata.json"])
    assert "http://www.w3.org/ns/csvw" in metadata["@context"]
    described = {t["url"]: t for t in metadata["tables"]}
    assert sorted(described) == sorted(n for n in files if n.endswith(".csv")) and len(described) == 7
    for name, table in described.items():
        header = next(csv.reader(io.StringIO(files[name].decode("utf-8"), newline="")))
        columns = table["tableSchema"]["columns"]
        assert header == [c["titles"] for c in columns] == [c["name"] for c in columns], name
        assert table["tableSchema"]["aboutUrl"] == "{+" + tables.TABLES[name[:-4]].subject + "}"


def test_csvw_datatypes_fit_every_cell(files):
    metadata = json.loads(files["csv-metadata.json"])
    types = {}
    for table in metadata["tables"]:
        rows = rows_of(files[table["url"]])
        for column in table["tableSchema"]["columns"]:
            types[(table["url"], column["name"])] = column["datatype"]
            for row in rows:
                cell = row[column["name"]]
                values = cell.split(column["separator"]) if "separator" in column and cell else [cell]
                assert all(_parses(v, column["datatype"]) for v in values if v), (table["url"], column, cell)
    assert types[("claims.csv", "claim")] == types[("claims.csv", "points_named")].replace("integer", "anyURI")
    assert types[("claims.csv", "claim_date")] == "date" and types[("incidents.csv", "claims")] == "integer"
    assert types[("places.csv", "longitude")] == "decimal" and types[("casualty-figures.csv", "count_min")] == "integer"
    claims = next(t for t in metadata["tables"] if t["url"] == "claims.csv")["tableSchema"]["columns"]
    accused = next(c for c in claims if c["name"] == "accused")
    assert accused["propertyUrl"] == "https://w3id.org/conflictkg/ontology#accusedParty" and accused["separator"] == " | "
