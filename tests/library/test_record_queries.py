"""Expected answers of the record's questions (counts, coverage, places on the map), each checked
against the same figure computed independently from the parsed quads, so that the answers stay
right as the record grows."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest

from conflictkg.build import Staged
from conflictkg.record.coverage import other_side_status
from conflictkg.record.logs import MonthLog, OtherSideSearch
from conflictkg.sparql.queries import load_library
from conflictkg.rdf.namespaces import CK, CKV, GRAPH_CLAIMS, GRAPH_REFERENCE, PREFIXES

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
GEO = "http://www.opengis.net/ont/geosparql#"


def _iri(local: str, ns: str = CK) -> ox.NamedNode:
    return ox.NamedNode(ns + local)


def subjects(staged: Staged, graph: str, predicate: ox.NamedNode, obj: ox.Term | None = None) -> set[str]:
    g = ox.NamedNode(graph)
    return {q.subject.value for q in staged.quads
            if q.graph_name == g and q.predicate == predicate and (obj is None or q.object == obj)}


def objects(staged: Staged, graph: str, predicate: ox.NamedNode) -> dict[str, set[ox.Term]]:
    out: dict[str, set[ox.Term]] = {}
    g = ox.NamedNode(graph)
    for q in staged.quads:
        if q.graph_name == g and q.predicate == predicate:
            out.setdefault(q.subject.value, set()).add(q.object)
    return out


@pytest.fixture(scope="module")
def claims(staged: Staged) -> set[str]:
    return subjects(staged, GRAPH_CLAIMS, RDF_TYPE, _iri("Claim"))


def test_record_counts_match_the_quads(ask, staged: Staged, claims: set[str]) -> None:  # noqa: ANN001
    [row] = ask("record-counts")
    incidents = subjects(staged, GRAPH_REFERENCE, RDF_TYPE, _iri("Incident"))
    about = objects(staged, GRAPH_CLAIMS, _iri("aboutIncident"))
    status = subjects(staged, GRAPH_CLAIMS, RDF_TYPE, _iri("StatusAssessment"))
    assert int(row["incidents"]) == len(incidents) > 0
    assert int(row["claims"]) == len(claims)
    assert int(row["incident_claims"]) == len(set(about) & claims)
    assert int(row["status_assessments"]) == len(status)
    located = {q.subject.value for q in staged.quads if q.predicate == ox.NamedNode(GEO + "hasGeometry")}
    assert int(row["places_with_coordinates"]) == len(located) <= int(row["places"])


def test_all_claims_has_one_row_per_claim_and_kind(ask, claims: set[str]) -> None:  # noqa: ANN001
    rows = ask("all-claims")
    assert {r["claim"] for r in rows} == claims
    parukh_denial = [r for r in rows if r["claim"].endswith("claim-az-mod-2022-03-26-denial")]
    assert [(r["kind"], r["claim_date"], r["stance_label"]) for r in parukh_denial] == [("Denial", "2022-03-26", "denies")]
    undated = [r for r in rows if not r["claim_date"]]
    assert all(r["claim"] in claims for r in undated)


def test_coverage_by_month_counts_incidents_and_dated_claims(ask, staged: Staged, claims: set[str]) -> None:  # noqa: ANN001
    rows = {r["month"]: r for r in ask("coverage-by-month")}
    begins = objects(staged, GRAPH_REFERENCE, _iri("earliestBegin"))
    incidents = subjects(staged, GRAPH_REFERENCE, RDF_TYPE, _iri("Incident"))
    expected = Counter(next(iter(v)).value[:7] for k, v in begins.items() if k in incidents)
    assert {m: int(r["incidents"]) for m, r in rows.items() if int(r["incidents"])} == dict(expected)
    about = objects(staged, GRAPH_CLAIMS, _iri("aboutIncident"))
    dates = objects(staged, GRAPH_CLAIMS, _iri("claimDate"))
    dated = Counter(next(iter(dates[c])).value[:7] for c in about if c in dates)
    assert {m: int(r["claims"]) for m, r in rows.items() if int(r["claims"])} == dict(dated)
    assert "2022-03" in rows and int(rows["2022-03"]["ru_mod_claims"]) >= 2  # the Parukh bulletins


def test_coverage_by_side_puts_ministries_under_their_state(ask) -> None:  # noqa: ANN001
    rows = {r["side"]: r for r in ask("coverage-by-side")}
    azerbaijan, armenia = rows[PREFIXES["ckr"] + "agent-azerbaijan"], rows[PREFIXES["ckr"] + "agent-armenia"]
    assert int(azerbaijan["denies"]) >= 2 and int(azerbaijan["counter_alleges"]) >= 1  # the AZ MoD on Parukh
    assert int(armenia["alleges"]) >= 1
    for r in rows.values():
        stances = sum(int(r[k]) for k in ("alleges", "denies", "counter_alleges", "calls_on", "reports", "interprets"))
        assert stances <= int(r["claims"]) and int(r["incidents"]) <= int(r["claims"])
    assert all(r["side_label"] for r in rows.values())


def test_coverage_by_point_keeps_named_and_implied_apart(ask) -> None:  # noqa: ANN001
    rows = ask("coverage-by-point")
    by = {(r["clause_number"], r["side"]): r for r in rows}
    az_p4 = by[("4", PREFIXES["ckr"] + "agent-azerbaijan")]  # the AZ MoD's counter-allegation names article 4
    assert int(az_p4["named"]) >= 1
    assert {r["clause_number"] for r in rows} <= {str(n) for n in range(1, 10)}
    assert ask("coverage-by-point", agreement="ckr:no-such-agreement") == []


def test_claim_source_basis_partitions_the_claims(ask, staged: Staged, claims: set[str]) -> None:  # noqa: ANN001
    rows = ask("claim-source-basis")
    assert sum(int(r["claims"]) for r in rows) == len(claims)
    stated = set(objects(staged, GRAPH_CLAIMS, _iri("statedIn"))) & claims
    own = sum(int(r["claims"]) for r in rows if r["basis"] == "own statement")
    assert own == len(stated)
    assert {r["basis"] for r in rows} <= {"own statement", "relays only", "none"}


def test_place_coordinates_are_points_with_source_and_precision(ask) -> None:  # noqa: ANN001
    rows = ask("place-coordinates")
    stepanakert = [r for r in rows if r["place"].endswith("place-stepanakert-khankendi")]
    assert stepanakert and stepanakert[0]["wkt"] == "POINT(46.75194 39.81528)"
    assert (stepanakert[0]["longitude"], stepanakert[0]["latitude"]) == ("46.75194", "39.81528")
    for r in rows:
        assert r["source_url"].startswith("http") and r["precision"].startswith(CKV + "where-")
        # The Hague (ICJ) and Brussels (EU-brokered meetings) are the places named far west of the
        # region; their own boxes are checked in tests/data/test_place_geometries.py.
        assert (38 <= float(r["latitude"]) <= 56 and 30 <= float(r["longitude"]) <= 60 or r["where_prec"] == "6"
                or r["place"].endswith(("/place-the-hague", "/place-brussels"))), r


def test_places_without_coordinates_are_the_rest(ask) -> None:  # noqa: ANN001
    located = {r["place"] for r in ask("place-coordinates")}
    missing = ask("places-without-coordinates")
    assert not located & {r["place"] for r in missing}
    [counts] = ask("record-counts")
    assert len({r["place"] for r in missing}) == int(counts["places"]) - int(counts["places_with_coordinates"])
    mentions = [int(r["mentions"]) for r in missing]
    assert mentions == sorted(mentions, reverse=True)


def _search(incident: str, line: int) -> OtherSideSearch:
    return OtherSideSearch(incident, "data/coverage/x.yaml", line, date(2026, 12, 2), ("a query",), 0, "none found")


def test_other_side_status_sets_one_sided_incidents_against_the_logged_searches(ask, staged: Staged) -> None:  # noqa: ANN001
    """A one-sided incident counts as searched only when an ``other_side`` entry names it; an entry
    naming no incident of the store is reported, and an entry for a two-sided incident is neither."""
    library = load_library(Path(__file__).resolve().parents[2] / "queries")
    one_sided = tuple(sorted(r["incident"].removeprefix(PREFIXES["ckr"]) for r in ask("one-sided-incidents")))
    assert len(one_sided) >= 2
    unlogged = other_side_status(staged.store, library, [])
    assert (unlogged.one_sided, unlogged.searched, unlogged.unsearched) == (one_sided, (), one_sided)
    two_sided = "incident-2022-03-24-parukh-farrukh"
    assert two_sided not in one_sided
    log = MonthLog("2020-11", "data/coverage/x.yaml", (), (), (),
                   (_search(one_sided[0], 3), _search(two_sided, 9), _search("incident-1999-01-01-nowhere", 15)))
    status = other_side_status(staged.store, library, [log])
    assert status.searched == (one_sided[0],) and status.unsearched == one_sided[1:]
    assert [(e.incident, e.line) for e in status.unknown] == [("incident-1999-01-01-nowhere", 15)]
