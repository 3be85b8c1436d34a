"""The naming perspective switch: one display name per place and perspective, from attested names."""

from __future__ import annotations

import pytest

from conflictkg.naming import Gazetteer, Perspective
from conflictkg.rdf.namespaces import CKR

PARUKH = CKR + "place-parukh-farrukh"


@pytest.fixture(scope="module")
def gazetteer(staged, res) -> Gazetteer:
    return Gazetteer.load(staged.store, res)


@pytest.mark.parametrize(("perspective", "expected"), [
    (Perspective.NEUTRAL, "Parukh / Farrukh"),
    (Perspective.ARMENIAN, "Parukh"),
    (Perspective.AZERBAIJANI, "Farrukh"),  # the English form beats Farux/Fərrux (@az)
    (Perspective.RUSSIAN, "Farukh"),
])
def test_parukh_in_each_perspective(gazetteer, perspective, expected):
    assert gazetteer.name(PARUKH, perspective) == expected


def test_unknown_resource_falls_back(gazetteer):
    assert gazetteer.name(CKR + "place-nowhere", Perspective.ARMENIAN, "fallback") == "fallback"
    assert not gazetteer.has_names(CKR + "place-nowhere")


def test_a_perspective_without_a_name_shows_the_neutral_label(gazetteer):
    # Every named place has a neutral label; a side with no attested name for it gets that label.
    for iri, label in gazetteer.neutral.items():
        for perspective in Perspective:
            assert gazetteer.name(iri, perspective) in {label, *(names.get(iri) for names in gazetteer.by_perspective.values())}


@pytest.mark.parametrize(("raw", "expected"), [
    ("Armenian", Perspective.ARMENIAN), ("azerbaijani", Perspective.AZERBAIJANI),
    (None, Perspective.NEUTRAL), ("<script>", Perspective.NEUTRAL),
])
def test_parse(raw, expected):
    assert Perspective.parse(raw) is expected


def test_every_attested_name_is_kept_for_search(gazetteer):
    assert {"Parukh", "Farrukh", "Farukh", "Fərrux", "Փառուխ"} <= set(gazetteer.names[PARUKH])
    assert gazetteer.names[PARUKH] == sorted(set(gazetteer.names[PARUKH]))
