"""Where the VALUES block goes: the outermost WHERE group, whatever precedes it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from conflictkg.sparql.binding import bind_values, where_group_start

ONE = {"p": ox.Literal("1")}


@pytest.mark.parametrize("query,expected_prefix", [
    ("SELECT ?x WHERE { ?x ?p ?o }", "SELECT ?x WHERE {"),
    ("select * { ?x ?p ?o }", "select * {"),
    ("ASK { ?x ?p ?o }", "ASK {"),
    ("PREFIX ex: <http://e.org/a#> SELECT ?x WHERE { ?x ex:p ?p }", "PREFIX ex: <http://e.org/a#> SELECT ?x WHERE {"),
    ("# a comment with { braces }\nSELECT ?x WHERE { ?x ?p ?o }", "# a comment with { braces }\nSELECT ?x WHERE {"),
    ("CONSTRUCT { ?x <http://e.org/q> \"{\" } WHERE { ?x ?p ?o }", "CONSTRUCT { ?x <http://e.org/q> \"{\" } WHERE {"),
    ("CONSTRUCT WHERE { ?x ?p ?o }", "CONSTRUCT WHERE {"),
    ("SELECT (\"}{\" AS ?s) ?x WHERE { ?x ?p ?o }", "SELECT (\"}{\" AS ?s) ?x WHERE {"),
    ("PREFIX where: <http://e.org/> SELECT ?x WHERE { ?x where:p ?p }", "PREFIX where: <http://e.org/> SELECT ?x WHERE {"),
])
def test_insertion_point(query: str, expected_prefix: str) -> None:
    assert where_group_start(query) == len(expected_prefix)
    bound = bind_values(query, ONE)
    assert bound.startswith(expected_prefix + ' VALUES (?p) { ("1") } ')


def test_no_where_group_falls_back_to_trailing_values() -> None:
    assert bind_values("DESCRIBE <http://e.org/x>", ONE).endswith('VALUES (?p) { ("1") }\n')


def test_subquery_and_filter_see_the_value() -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e.org/a"), ox.NamedNode("http://e.org/v"), ox.Literal("5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))))
    q = "SELECT ?s WHERE { ?s <http://e.org/v> ?v FILTER(?v > ?min) }"
    low = {"min": ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))}
    high = {"min": ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))}
    assert len(list(store.query(bind_values(q, low)))) == 1  # type: ignore[arg-type]
    assert len(list(store.query(bind_values(q, high)))) == 0  # type: ignore[arg-type]
