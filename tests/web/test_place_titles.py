"""Place names in incident and event titles (#13): search finds a title by any attested spelling of a
place it names, in any script; the naming switch writes every such name in the chosen usage (the neutral
label or an attested name, never inside a quotation); and a page says what the switch changes on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conflictkg.naming import Perspective
from conflictkg.pages.context import Site
from conflictkg.pages.resource import resource_page
from conflictkg.pages.search import find_hits
from conflictkg.rdf.namespaces import CKR
from conflictkg.resources import Resources
from conflictkg.store.directory import open_store
from tests.conftest import REPO

PARUKH_INCIDENTS = {CKR + "incident-2022-03-24-parukh-farrukh", CKR + "incident-2022-04-12-parukh-shooting"}


@pytest.fixture(scope="module")
def site(store_dir: Path) -> Iterator[Site]:
    store = open_store(store_dir)
    yield Site.load(store, Resources(REPO))
    store.close()


@pytest.mark.parametrize("text", ["Farukh", "Фарух", "Փառուխ", "Fərrux", "farrux", "Furukh"])
def test_any_attested_spelling_finds_the_place_and_the_incidents_titled_with_it(site, text):
    hits, _ = find_hits(site.view(Perspective.NEUTRAL), text)
    found = {hit.iri: hit for hit in hits}
    assert found[CKR + "place-parukh-farrukh"].rank == "exact"
    assert PARUKH_INCIDENTS <= set(found)
    assert all(found[i].type == "incident" for i in PARUKH_INCIDENTS)
    # the matched cell shows the title as written with that spelling ("farrux": Fərrux, its schwa read as "a")
    spelled = {"farrux": "Fərrux"}.get(text, text)
    assert found[CKR + "incident-2022-03-24-parukh-farrukh"].matched.startswith(f"{spelled}, 24-28 March 2022")


def test_a_spelling_search_does_not_reach_incidents_that_do_not_name_the_place(site):
    hits, _ = find_hits(site.view(Perspective.NEUTRAL), "Фарух")
    found = {h.iri for h in hits}
    events = {iri for iri in found if iri.startswith(CKR + "event-")}
    assert found == {CKR + "place-parukh-farrukh", *PARUKH_INCIDENTS, *events}
    # an event is found when the claim puts it at the place and its title names it (ck:atPlace)
    assert CKR + "event-ru-mod-2022-04-12-parukh-shooting-shooting" in events
    assert all(CKR + "place-parukh-farrukh" in site.titled_places[iri] for iri in events)


@pytest.mark.parametrize(("resource", "perspective", "title"), [
    # an attested name in the title, with a second spelling of it beside it ("Kalbajar / Kelbajar")
    ("incident-2020-11-15-kalbajar-deadline-extension", Perspective.ARMENIAN, "Kelbajar region, 15-25 November 2020"),
    ("incident-2020-11-15-kalbajar-deadline-extension", Perspective.AZERBAIJANI, "Kalbajar district, 15-25 November 2020"),
    # two attested spellings of one place side by side become one name
    ("incident-2022-02-06-ghapanlu-denial", Perspective.AZERBAIJANI, "Qapanlı direction, 6 February 2022"),
    # a place named by an attested name, not by its neutral label ("Lachin corridor" of "Lachin corridor")
    ("incident-2023-09-20-peacekeepers-killed-janyatag", Perspective.ARMENIAN, "Russian peacekeepers killed near Chankatagh,"),
    ("incident-2021-04-21-ceasefire-accusations", Perspective.AZERBAIJANI, "Khankendi, Shushikend, Mkhitarikend and Seyidlar"),
    # an event's title, by the place its claim puts it at (ck:atPlace)
    ("event-ru-mod-2022-03-26-bulletin-drone-strikes", Perspective.AZERBAIJANI,
     "Four Bayraktar TB2 strikes on the armed formations of Nagorno-Karabakh near Farrukh (as alleged by the Russian MoD)"),
    # the attribution that ends a title names a claimant, not a place: kept as written
    ("event-artsakh-health-2023-09-26-fuel-depot-explosion", Perspective.AZERBAIJANI,
     "Fuel depot explosion near Khankendi, 25 September 2023 (figures of the Nagorno-Karabakh health authorities)"),
])
def test_titles_switch_wherever_they_name_a_place_with_a_name_in_the_usage(site, resource, perspective, title):
    iri = CKR + resource
    assert site.view(perspective).labeller.name(iri).startswith(title)
    assert site.view(Perspective.NEUTRAL).labeller.name(iri) == site.labels[iri]


def test_a_quoted_name_is_kept_and_a_hyphenated_compound_takes_one_word_names_only(site):
    hy = site.view(Perspective.ARMENIAN).labeller
    quoted = CKR + "incident-2021-01-07-nakhchivan-corridor-remarks"
    assert hy.name(quoted) == site.labels[quoted]  # 'Nakhchivan corridor' is Aliyev's phrase, not renamed
    compound = CKR + "incident-2022-11-29-shusha-post"  # Kalbajar's Armenian name is "Kelbajar region": kept
    assert hy.name(compound).startswith("Shushi district and the Kalbajar-Lachin border")
    joined = CKR + "incident-2023-01-09-power-line"
    assert "damage in the Akhavno-Berdzor section" in hy.name(joined)
    assert "damage in the Zabukh-Laçın section" in site.view(Perspective.AZERBAIJANI).labeller.name(joined)


def test_the_page_says_what_the_switch_changes(site):
    page = resource_page(site.view(Perspective.AZERBAIJANI), "ckr:incident-2022-03-24-parukh-farrukh")
    note = dict(page.facts)["place names"]["text"]
    assert page.title.startswith("Farrukh, 24-28 March 2022")
    assert note.startswith("Shown in Azerbaijani usage; the switch at the top writes")
    assert "Parukh / Farrukh: Parukh (Armenian), Farrukh (Azerbaijani), Farukh (Russian)" in note
    assert "Zone of responsibility of the Russian peacekeeping contingent: one name in the record" in note


def test_a_page_whose_places_have_one_name_says_the_switch_changes_none(site):
    page = resource_page(site.view(Perspective.ARMENIAN), "ckr:incident-2022-09-13-border-offensive")
    assert dict(page.facts)["place names"]["text"] == (
        "Shown in Armenian usage; no place here has a name in another usage, so the switch changes none of them.")
    assert page.title == site.labels[CKR + "incident-2022-09-13-border-offensive"]


def test_pages_without_places_have_no_names_note(site):
    page = resource_page(site.view(Perspective.ARMENIAN), "ckr:agent-ru-mod")
    assert "place names" not in dict(page.facts)


def test_every_page_says_what_a_chosen_usage_changes(site_url):
    import httpx

    for path in ("/incidents", "/resource/place-sotk", "/network/whole"):
        switched = httpx.get(f"{site_url}{path}?names=azerbaijani", timeout=120).text
        assert '<p class="names-note" id="names-note">Place names in Azerbaijani usage: every place, and the incident ' \
               'and event titles that name one;' in switched
        assert 'id="names-note"' not in httpx.get(f"{site_url}{path}?names=neutral", timeout=120).text
