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


def test_a_list_binds_one_row_per_value_and_the_other_parameters_as_usual(tmp_path) -> None:
    """``run_over``: one question over every value of one parameter; each value checked as that parameter's."""
    from conflictkg.errors import QueryError
    from conflictkg.sparql.queries import load_query, run_over
    from conflictkg.store.memory import MemoryStore

    path = tmp_path / "typed.rq"
    path.write_text('#+ title: t\n#+ description: d\n#+ params:\n#+   thing: {type: iri}\n#+   kind: {type: iri}\n'
                    "SELECT ?thing WHERE { ?thing a ?kind } ORDER BY ?thing\n", encoding="utf-8")
    query = load_query(path)
    e = "http://e.org/"
    memory = MemoryStore(ox.Quad(ox.NamedNode(e + thing), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                 ox.NamedNode(e + kind), ox.NamedNode(e + "graph"))
                         for thing, kind in (("a", "K"), ("b", "K"), ("c", "K"), ("d", "L")))
    answer = run_over(memory, query, "thing", [e + "a", e + "c", e + "d"], {"kind": e + "K"})
    assert [str(row[0]) for row in answer.rows] == [f"<{e}a>", f"<{e}c>"]
    with pytest.raises(QueryError, match="no value of 'thing'"):
        run_over(memory, query, "thing", [], {"kind": e + "K"})
    with pytest.raises(QueryError, match="thing"):
        run_over(memory, query, "thing", [e + "a> } DELETE WHERE { ?s ?p ?o"], {"kind": e + "K"})
    with pytest.raises(QueryError, match="no parameter 'nothing'"):
        run_over(memory, query, "nothing", [e + "a"], {"kind": e + "K"})
    with pytest.raises(QueryError, match="needs parameter 'kind'"):
        run_over(memory, query, "thing", [e + "a"])


def test_a_question_ordered_by_its_list_is_asked_in_parts_with_the_same_answer(tmp_path) -> None:
    """``run_over_sorted``: the values sorted and asked a few at a time; the parts joined are the one answer."""
    from conflictkg.errors import QueryError
    from conflictkg.sparql.queries import load_query, run_over, run_over_sorted
    from conflictkg.store.memory import MemoryStore

    e, label = "http://e.org/", "http://www.w3.org/2000/01/rdf-schema#label"
    memory = MemoryStore(ox.Quad(ox.NamedNode(e + thing), ox.NamedNode(label), ox.Literal(name), ox.NamedNode(e + "g"))
                         for thing, name in (("a", "z"), ("a", "y"), ("b", "x"), ("c", "w"), ("d", "v"), ("e", "u")))
    header = "#+ title: t\n#+ description: d\n#+ params:\n#+   thing: {type: iri}\n"
    ordered, other = tmp_path / "ordered.rq", tmp_path / "other.rq"
    select = f"SELECT DISTINCT ?thing ?name WHERE {{ ?thing <{label}> ?name }}\n"
    ordered.write_text(header + select + "ORDER BY ?thing ?name\n", encoding="utf-8")
    other.write_text(header + select + "ORDER BY ?name ?thing\n", encoding="utf-8")
    values = [e + k for k in "edcba"]
    one = run_over(memory, load_query(ordered), "thing", values)
    parts = run_over_sorted(memory, load_query(ordered), "thing", values + [e + "a"], at_once=2)
    assert parts.variables == one.variables and parts.rows == one.rows
    assert [str(row[1]) for row in parts.rows] == ['"y"', '"z"', '"x"', '"w"', '"v"', '"u"']
    with pytest.raises(QueryError, match="not ordered by \\?thing first"):
        run_over_sorted(memory, load_query(other), "thing", values, at_once=2)
