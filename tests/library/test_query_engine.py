"""The library machinery: headers, parameters, errors that list what exists."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from conflictkg.errors import QueryError
from conflictkg.sparql.queries import bind, load_library, load_query, resolve

RQ = """#+ title: Claims by a claimant
#+ description: >
#+   Every claim of one claimant. Columns: claim.
#+ params:
#+   who: {type: iri, example: "ckr:agent-armenia", description: "the claimant"}
#+   since: {type: date, default: "2020-11-10"}
#+ tags: [claims]
PREFIX ck: <https://w3id.org/conflictkg/ontology#>
SELECT ?claim WHERE { ?claim ck:claimant ?who ; ck:claimDate ?since }
"""


@pytest.fixture
def query_file(tmp_path: Path) -> Path:
    path = tmp_path / "claims-by-claimant.rq"
    path.write_text(RQ, encoding="utf-8")
    return path


def test_header_is_parsed(query_file: Path) -> None:
    q = load_query(query_file)
    assert q.id == "claims-by-claimant" and q.title == "Claims by a claimant"
    assert q.params["who"].type == "iri" and q.params["since"].default == "2020-11-10"
    assert q.tags == ("claims",)


def test_bind_expands_curies_and_types_literals(query_file: Path) -> None:
    bindings = bind(load_query(query_file), {"who": "ckr:agent-armenia"})
    assert bindings["who"] == ox.NamedNode("https://w3id.org/conflictkg/resource/agent-armenia")
    assert bindings["since"].datatype.value.endswith("#date")  # type: ignore[union-attr]


def test_unknown_and_missing_parameters_list_what_exists(query_file: Path) -> None:
    q = load_query(query_file)
    with pytest.raises(QueryError) as info:
        bind(q, {"who": "ckr:x", "nope": "1"})
    assert "nope" in str(info.value) and "who (iri, e.g. ckr:agent-armenia)" in str(info.value)
    with pytest.raises(QueryError, match="needs parameter 'who'"):
        bind(q, {})


def test_unknown_query_id_lists_the_library(query_file: Path) -> None:
    library = load_library(query_file.parent)
    with pytest.raises(QueryError) as info:
        resolve(library, "no-such-question")
    assert "claims-by-claimant" in str(info.value)


def test_header_without_title_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "x.rq"
    path.write_text("#+ description: d\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(QueryError, match="lacks title"):
        load_query(path)
