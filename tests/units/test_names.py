"""Name search keys: case- and diacritic-insensitive, the same at indexing and at query time."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from conflictkg.names import name_index, name_key, name_keys

ATTESTED = ["Parukh", "Farrukh", "Fərrux", "Farux", "Furukh", "Փառուխ", "Фарух"]


@pytest.mark.parametrize("typed,attested", [
    ("fərrux", "Fərrux"), ("FƏRRUX", "Fərrux"), ("ferrux", "Fərrux"), ("farrux", "Fərrux"),
    ("pArUkH", "Parukh"), ("ФАРУХ", "Фарух"), ("ՓԱՌՈՒԽ", "Փառուխ"), ("Şuşa", "Susa"),
    ("mount-karaglukh", "Mount Karaglukh"), ("  Shikakar   Karaglukh ", "Shikakar-Karaglukh"),
])
def test_typed_forms_reach_the_attested_name(typed: str, attested: str) -> None:
    assert name_key(typed) in name_keys(attested)


def test_different_transliterations_stay_different() -> None:
    keys = [name_key(n) for n in ATTESTED]
    assert len(set(keys)) == len(ATTESTED)


def test_index_covers_every_literal_form_once_per_key() -> None:
    form = ox.NamedNode("http://www.w3.org/2008/05/skos-xl#literalForm")
    g = ox.NamedNode("https://w3id.org/conflictkg/graph/reference")
    quads = [ox.Quad(ox.NamedNode(f"https://w3id.org/conflictkg/resource/name-{i}"), form, ox.Literal(n, language="az"), g)
             for i, n in enumerate(["Fərrux", "Farux"])]
    index = name_index(quads + quads)
    assert sorted(q.object.value for q in index) == ["farrux", "farux", "ferrux"]
    assert {q.graph_name.value for q in index} == {"https://w3id.org/conflictkg/graph/index"}  # type: ignore[union-attr]
