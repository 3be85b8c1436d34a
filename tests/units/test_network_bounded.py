"""A clause or incident view reads the tables of what it draws, not of the whole store (#14): the same view
as from the whole tables, with no whole-store question asked."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conflictkg.naming import Gazetteer, Perspective
from conflictkg.network import ViewError, ViewRequest, network_view, views
from conflictkg.network.data import claim_rows, drawable_nodes
from conflictkg.rdf.namespaces import CKR
from conflictkg.store import Result

PARUKH_INCIDENT = "ckr:incident-2022-03-24-parukh-farrukh"
CENTRED = [ViewRequest("clause", (6,)), ViewRequest("clause", (4, 6)), ViewRequest("incident", incident=PARUKH_INCIDENT),
           ViewRequest("incident", incident=PARUKH_INCIDENT, perspective=Perspective.ARMENIAN)]
#: The first line of the whole-store questions' headers.
WHOLE_QUESTIONS = ("#+ title: Which resources can a network view draw, and of which kind?",
                   "#+ title: What can a network view filter each claim by?")


class Recording:
    """A store that remembers the text of every question asked of it."""

    def __init__(self, store: Any) -> None:
        self.store, self.asked = store, []

    def query(self, sparql: str, *args: Any, **kwargs: Any) -> Result:
        self.asked.append(sparql)
        return self.store.query(sparql, *args, **kwargs)


@pytest.fixture(scope="module")
def gazetteer(staged, res) -> Gazetteer:
    return Gazetteer.load(staged.store, res)


@pytest.mark.parametrize("request_", CENTRED, ids=repr)
def test_a_centred_view_is_the_one_the_whole_tables_give(staged, res, gazetteer, request_, monkeypatch):
    bounded = network_view(staged.store, res, request_, gazetteer).to_json()
    monkeypatch.setattr(views, "centred_context",
                        lambda store, resources, request, gaz, _found, _also: views.context(store, resources, request, gaz))
    whole = network_view(staged.store, res, request_, gazetteer).to_json()
    assert json.dumps(bounded, sort_keys=True) == json.dumps(whole, sort_keys=True)
    assert len(bounded["nodes"]) > 20 and bounded["claims"]


@pytest.mark.parametrize("request_", CENTRED[:3], ids=repr)
def test_a_centred_view_asks_no_whole_store_question(staged, res, gazetteer, request_):
    store = Recording(staged.store)
    network_view(store, res, request_, gazetteer)  # type: ignore[arg-type]
    assert len(store.asked) >= 3
    assert not [q for q in store.asked if q.startswith(WHOLE_QUESTIONS)]
    whole = Recording(staged.store)
    network_view(whole, res, ViewRequest("whole"), gazetteer)  # type: ignore[arg-type]
    assert len([q for q in whole.asked if q.startswith(WHOLE_QUESTIONS)]) == 2  # the recording sees them


def test_the_bounded_tables_are_the_whole_tables_rows_of_those_resources(staged, res):
    every, claims = drawable_nodes(staged.store, res), claim_rows(staged.store, res)
    some = sorted(every)[::7] + [CKR + "no-such-resource", "https://w3id.org/conflictkg/ontology#Claim"]
    assert drawable_nodes(staged.store, res, some) == {iri: every[iri] for iri in some if iri in every}
    assert drawable_nodes(staged.store, res, sorted(every)) == every
    assert drawable_nodes(staged.store, res, []) == {}
    chosen = sorted(claims)[::5]
    assert claim_rows(staged.store, res, chosen) == {iri: claims[iri] for iri in chosen}
    assert claim_rows(staged.store, res, sorted(claims)) == claims


@pytest.mark.parametrize("raw", ["ckr:incident-nowhere", "ckr:agent-armenia", "ckr:x> } ; DROP ALL #", ""])
def test_what_is_no_incident_is_refused_listing_the_incidents(staged, res, gazetteer, raw):
    with pytest.raises(ViewError) as caught:
        network_view(staged.store, res, ViewRequest("incident", incident=raw or None), gazetteer)
    assert ("no incident" if raw else "needs an incident") in caught.value.message
    assert PARUKH_INCIDENT in (caught.value.hint or "")
