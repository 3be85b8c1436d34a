"""The window of a paged question: two checked whole numbers after its ORDER BY, and its count."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from conflictkg.errors import QueryError
from conflictkg.sparql.queries import load_query, run
from conflictkg.sparql.windows import Slice, count, count_text, run_slice
from conflictkg.store.oxigraph import OxigraphStore

HEADER = "#+ title: t\n#+ description: d\n#+ params:\n#+   low: {type: integer, example: \"2\"}\n"
BODY = "PREFIX e: <urn:e#>\nSELECT ?x WHERE { ?x e:n ?n FILTER(?n >= ?low) }\nORDER BY ?n\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "q.rq"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def store() -> OxigraphStore:
    inner = ox.Store()
    for n in range(10):
        inner.add(ox.Quad(ox.NamedNode(f"urn:e#x{n}"), ox.NamedNode("urn:e#n"), ox.Literal(str(n), datatype=ox.NamedNode(
            "http://www.w3.org/2001/XMLSchema#integer")), ox.NamedNode("urn:g")))
    return OxigraphStore(inner)


def test_a_window_is_rows_of_the_ordered_answer_and_the_count_is_all_of_them(tmp_path, store) -> None:  # noqa: ANN001
    query = load_query(write(tmp_path, HEADER + "#+ window: true\n" + BODY))
    rows = run_slice(store, query, {"low": "2"}, Slice(3, 2)).rows
    assert [r[0].value for r in rows] == ["urn:e#x4", "urn:e#x5", "urn:e#x6"]
    assert count(store, query, {"low": "2"}) == 8  # the bound parameter counts too


def test_a_question_without_window_is_not_windowed(tmp_path, store) -> None:  # noqa: ANN001
    query = load_query(write(tmp_path, HEADER + BODY))
    with pytest.raises(QueryError, match="window: true"):
        run_slice(store, query, {"low": "2"}, Slice(3))
    with pytest.raises(QueryError, match="window: true"):
        count(store, query, {"low": "2"})


@pytest.mark.parametrize("text,message", [
    (HEADER + "#+ window: true\n" + BODY + "LIMIT 5\n", "must end in its ORDER BY"),
    (HEADER + "#+ window: true\n" + BODY.replace("ORDER BY ?n\n", ""), "must end in its ORDER BY"),
    (HEADER + "#+ window: yes please\n" + BODY, "window must be true, false or keys"),
])
def test_the_header_is_checked(tmp_path, text: str, message: str) -> None:  # noqa: ANN001
    with pytest.raises(QueryError, match=message):
        load_query(write(tmp_path, text))


@pytest.mark.parametrize("limit,offset", [(0, 0), (-1, 0), (10_001, 0), (5, -1), (5, 10**9 + 1), ("5", 0),
                                          (5, "0 ; DROP ALL"), (True, 0), (5.0, 0)])
def test_only_whole_numbers_in_range_are_written(limit, offset) -> None:  # noqa: ANN001
    with pytest.raises(QueryError, match="whole number"):
        Slice(limit, offset)


def test_the_count_wraps_the_question_after_its_prologue() -> None:
    text = count_text("# c\nPREFIX e: <urn:e#>\nSELECT ?x WHERE { ?x e:p 1 }\nORDER BY ?x")
    assert text.splitlines()[:3] == ["# c", "PREFIX e: <urn:e#>", "SELECT (COUNT(*) AS ?total) WHERE {"]
    assert text.endswith("ORDER BY ?x\n}")


KEYED = """PREFIX e: <urn:e#>
SELECT ?x ?t WHERE {
  { SELECT DISTINCT ?low ?n ?x WHERE { ?x e:n ?n FILTER(?n >= ?low) }
    ORDER BY ?n
    # window: a page's LIMIT and OFFSET
  }
  ?x e:tag ?t
}
ORDER BY ?n ?t
"""


@pytest.fixture
def tagged() -> OxigraphStore:
    """x0 to x9 with their numbers, and two tags each (two rows per key)."""
    inner = ox.Store()
    integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    for n in range(10):
        x = ox.NamedNode(f"urn:e#x{n}")
        inner.add(ox.Quad(x, ox.NamedNode("urn:e#n"), ox.Literal(str(n), datatype=integer), ox.NamedNode("urn:g")))
        for tag in ("a", "b"):
            inner.add(ox.Quad(x, ox.NamedNode("urn:e#tag"), ox.Literal(tag), ox.NamedNode("urn:g")))
    return OxigraphStore(inner)


def test_a_keyed_window_is_keys_of_the_sub_select_with_all_their_rows(tmp_path, tagged) -> None:  # noqa: ANN001
    query = load_query(write(tmp_path, HEADER + "#+ window: keys\n#+ unit: things\n" + KEYED))
    assert query.window and query.keyed and query.unit == "things"
    rows = run_slice(tagged, query, {"low": "2"}, Slice(3, 2)).rows
    assert [(r[0].value[-2:], r[1].value) for r in rows] == [("x4", "a"), ("x4", "b"), ("x5", "a"), ("x5", "b"),
                                                             ("x6", "a"), ("x6", "b")]
    assert count(tagged, query, {"low": "2"}) == 8  # keys, bound inside the sub-select: x2 to x9
    whole = run(tagged, query, {"low": "2"}).rows
    assert len(whole) == 16 and [r for s in range(0, 9, 3) for r in run_slice(tagged, query, {"low": "2"},
                                                                               Slice(3, s)).rows] == whole


@pytest.mark.parametrize("text,message", [
    (KEYED.replace("    # window: a page's LIMIT and OFFSET\n", ""), "exactly one line starting '# window:'"),
    (KEYED.replace("ORDER BY ?n\n", "ORDER BY ?n\n# window: twice\n"), "exactly one line"),
    (KEYED.replace("DISTINCT ?low ?n", "DISTINCT ?n"), "must project its parameters from the key sub-select: low"),
])
def test_a_keyed_header_needs_its_sub_select(tmp_path, text: str, message: str) -> None:  # noqa: ANN001
    with pytest.raises(QueryError, match=message):
        load_query(write(tmp_path, HEADER + "#+ window: keys\n" + text))


def test_a_count_is_asked_without_the_order_by(tmp_path, tagged) -> None:  # noqa: ANN001
    """Sorting costs two term lookups per comparison on an on-disk store: a count leaves the ORDER BY out."""
    asked: list[str] = []

    class Recording(OxigraphStore):
        def query(self, sparql, bindings=None, prefixes=None):  # noqa: ANN001, ANN201
            asked.append(sparql)
            return super().query(sparql, bindings, prefixes)

    store = Recording(tagged.native)
    flat = load_query(write(tmp_path, HEADER + "#+ window: true\n" + BODY))
    keyed = load_query(write(tmp_path, HEADER + "#+ window: keys\n" + KEYED))
    assert count(store, flat, {"low": "2"}) == 8 and count(store, keyed, {"low": "3"}) == 7
    assert len(asked) == 2 and not any("ORDER BY" in text for text in asked)
    assert run_slice(store, keyed, {"low": "3"}, Slice(2)).rows and "ORDER BY ?n" in asked[-1]  # pages keep it
