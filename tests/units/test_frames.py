"""sparql.frames: answers as Python values and DataFrames whose column types follow the XSD datatypes."""

from __future__ import annotations

import datetime

import pandas as pd
import pyoxigraph as ox
import pytest

from conflictkg.errors import QueryError
from conflictkg.rdf.terms import XSD
from conflictkg.sparql.frames import frame, rows, to_python
from conflictkg.store import Result


def typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))


IRI = ox.NamedNode("https://w3id.org/conflictkg/resource/agent-armenia")


@pytest.mark.parametrize(("term", "value"), [
    (typed("2022-03-24", "date"), datetime.date(2022, 3, 24)),
    (typed("2022-03-24T12:30:00Z", "dateTime"), datetime.datetime(2022, 3, 24, 12, 30, tzinfo=datetime.UTC)),
    (typed("-3", "integer"), -3),
    (typed("7", "nonNegativeInteger"), 7),
    (typed("2.5", "decimal"), 2.5),
    (typed("1.0E3", "double"), 1000.0),
    (typed("true", "boolean"), True),
    (typed("0", "boolean"), False),
    (typed("many", "integer"), "many"),  # ill-typed: kept as written, not an error
    (typed("2022-13-45", "date"), "2022-13-45"),
    (ox.Literal("Փառուխ", language="hy"), "Փառուխ"),
    (ox.Literal("plain"), "plain"),
    (IRI, IRI.value),
    (ox.BlankNode("b0"), "_:b0"),
    (None, None),
])
def test_each_term_becomes_the_value_its_datatype_names(term: ox.Literal | None, value: object) -> None:
    assert to_python(term) == value
    assert type(to_python(term)) is type(value)


def select(*columns: list[ox.Literal | ox.NamedNode | None]) -> Result:
    names = [f"c{i}" for i in range(len(columns))]
    return Result("select", names, list(zip(*columns, strict=True)))


def test_columns_are_typed_and_unbound_values_are_missing() -> None:
    result = select(
        [typed("2022-03-24", "date"), None],                 # dates
        [typed("3", "integer"), typed("15", "integer")],     # integers, all bound
        [typed("3", "integer"), None],                       # integers with a gap
        [typed("1", "integer"), typed("2.5", "decimal")],    # numbers
        [IRI, None],                                         # IRIs
        [IRI, typed("2022-03-24", "date")],                  # mixed: their lexical forms
        [typed("true", "boolean"), typed("false", "boolean")],
    )
    df = frame(result)
    assert list(df.columns) == ["c0", "c1", "c2", "c3", "c4", "c5", "c6"]
    assert pd.api.types.is_datetime64_any_dtype(df["c0"]) and df["c0"][0] == pd.Timestamp("2022-03-24")
    assert pd.isna(df["c0"][1])
    assert str(df["c1"].dtype) == "int64" and df["c1"].tolist() == [3, 15]
    assert str(df["c2"].dtype) == "float64" and df["c2"][0] == 3 and pd.isna(df["c2"][1])
    assert df["c3"].tolist() == [1.0, 2.5]
    assert df["c4"].tolist() == [IRI.value, None]
    assert df["c5"].tolist() == [IRI.value, "2022-03-24"]
    assert str(df["c6"].dtype) == "bool" and df["c6"].tolist() == [True, False]


def test_an_empty_answer_keeps_its_columns() -> None:
    df = frame(Result("select", ["claim", "claim_date"], []))
    assert list(df.columns) == ["claim", "claim_date"] and len(df) == 0


def test_rows_are_dicts_in_the_query_order() -> None:
    assert rows(select([IRI], [typed("2022-03-24", "date")])) == [{"c0": IRI.value, "c1": datetime.date(2022, 3, 24)}]


def test_a_graph_answer_is_one_row_per_triple() -> None:
    triple = ox.Triple(IRI, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("Armenia"))
    assert rows(Result("graph", triples=[triple])) == [
        {"subject": IRI.value, "predicate": "http://www.w3.org/2000/01/rdf-schema#label", "object": "Armenia"}]
    assert list(frame(Result("graph", triples=[triple])).columns) == ["subject", "predicate", "object"]


def test_an_ask_answer_is_not_a_table() -> None:
    with pytest.raises(QueryError, match="true or false"):
        rows(Result("ask", boolean=True))
