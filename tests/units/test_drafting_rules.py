"""The drafter's rules one at a time, on short sentences written for these tests (never article
text): named points, places, who speaks, stance cues, dates and the outlet's own narration."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from conflictkg.build import shipped_lexicon
from conflictkg.drafting import ArticleMeta, Lexicon, dates, draft_article, figures, phrasings, places, points, stance
from conflictkg.drafting.lexicon import add_phrasings
from conflictkg.drafting.model import Figure
from conflictkg.errors import InputError
from conflictkg.rdf.namespaces import CKR
from conflictkg.resources import Resources


def test_named_points_in_every_usual_form() -> None:
    forms = {"the ministry cited paragraph 9 of the trilateral statement": {9},
             "clause No. 6 of the joint statement was ignored": {6},
             "item nine of the statement of 10 November covers trade": {9},
             "provisions 5-7 of the November 10 declaration": {5, 6, 7},
             "the 9th paragraph of the 2020 statement": {9},
             "the statement's eighth and ninth points": {8, 9},
             "points 4 and 9 of the trilateral agreements": {4, 9},
             "sub-paragraph 3 of this statement": {3},
             "points 4, 6, and 9 of the ceasefire agreement": {4, 6, 9},
             "paragraph (9) of the November statement": {9},
             "points six and nine of the trilateral document": {6, 9}}
    for text, expected in forms.items():
        assert points.named_points(text) == expected, text


def test_a_point_of_the_statement_named_earlier_in_the_article() -> None:
    earlier = "The tripartite statement was signed two years ago."
    assert points.named_points("Point 9 deals with transport.", earlier) == {9}
    assert points.named_points("Point 9 deals with transport.", "A new peace treaty is being drafted.") == set()
    assert points.document_named(earlier) and points.document_named("the draft peace treaty")
    assert not points.document_named("the minister visited the border")


def test_never_a_point_of_another_document_nor_a_distance() -> None:
    statement = "the trilateral statement"
    assert points.named_points("point 3 of the peace plan", statement) == set()
    assert points.named_points("article 2 of the UN Charter", statement) == set()
    assert points.named_points("they fired from point 4 km away", statement) == set()
    assert points.named_points("point 12 of the statement") == set()  # the statement has nine
    assert points.named_points("troops set up observation point 2", statement) == set()  # a post, not a clause


@pytest.fixture(scope="module")
def lex(res: Resources) -> Lexicon:
    return shipped_lexicon(res)


def _places(text: str, lex: Lexicon) -> list[str]:
    return [iri.removeprefix(CKR) for iri in places.find_places(text, lex)]


def test_case_endings_find_the_gazetteer_name(lex: Lexicon) -> None:
    assert _places("Gecə Şuşada səs eşidildi", lex) == ["place-shusha-shushi"]  # Azerbaijani locative
    assert _places("Под Фарухом было тихо", lex) == ["place-parukh-farrukh"]  # Russian instrumental
    assert _places("Փառուխում լուռ էր", lex) == ["place-parukh-farrukh"]  # Armenian locative
    assert _places("Khankendidə", lex) == ["place-stepanakert-khankendi"]
    assert _places("Tartars and Sochis", lex) == []  # no English plural: "s" is no ending


def test_base_forms_take_off_an_ending_and_put_the_vowel_back() -> None:
    assert "susa" in set(places.base_forms("susada")) and "шуша" in set(places.base_forms("шушой"))
    assert list(places.base_forms("kut")) == []  # short words are never inflected


def test_the_peacekeepers_zone_by_its_wordings_and_the_region_last(lex: Lexicon) -> None:
    zone = "place-zone-ru-pk-responsibility"
    for text in ("units entered the area of responsibility of the Russian peacekeepers",
                 "inside the peacekeepers' zone of responsibility", "a post in the territory controlled by peacekeepers"):
        assert _places(text, lex) == [zone], text
    assert _places("a village of Nagorno-Karabakh near Parukh", lex) == ["place-parukh-farrukh", "place-nagorno-karabakh"]
    assert _places("Baku denied it", lex) == []  # a capital as a state's voice is not a place


def _claims(text: str, lex: Lexicon, publisher: str = "") -> list[tuple[str, str]]:
    draft = draft_article(text, ArticleMeta("https://example.org/x", publisher, date(2022, 5, 20)), lex)
    return [(c.claimant.removeprefix(CKR), c.stance) for c in draft.claims]


def test_one_named_person_killed_or_wounded() -> None:
    assert figures.find_figures("Vardan Avetisyan, a 60-year-old shepherd from a border village, was shot dead.") == [
        Figure("killed", 1, 1, "a 60-year-old shepherd", "")]
    assert [f.kind for f in figures.find_figures("Samir Aliyev, a conscript, was wounded by a sniper.")] == ["wounded"]
    assert [(f.low, f.group) for f in figures.find_figures("one farmer was injured")] == [(1, "farmer")]


def test_a_lede_naming_a_state_goes_to_the_body_that_speaks_next(lex: Lexicon) -> None:
    text = ("Moscow expressed alarm over new tension on Friday.\n\nThe Russian Foreign Ministry said the sides must talk.\n\n"
            "Separately, the Russian Defence Ministry said its officers were on the ground.")
    assert _claims(text, lex) == [("agent-ru-mfa", "reports"), ("agent-ru-mod", "reports")]


def test_a_capital_with_no_body_speaking_is_the_government(lex: Lexicon) -> None:
    assert _claims("Baku said on Thursday that the road would reopen.", lex) == [("agent-az-government", "reports")]
    assert _claims("Yerevan said on Thursday that talks would go on.", lex) == [("agent-am-government", "reports")]


def test_unnamed_sources_are_never_the_outlet(lex: Lexicon) -> None:
    outlet = "Asbarez"
    assert _claims("Two soldiers were reportedly killed near Parukh on Monday.", lex, outlet) == []
    assert _claims("Three civilians were wounded, witnesses claimed.", lex, outlet) == []
    assert _claims("Two soldiers were killed near Parukh on Monday.", lex, outlet) == [("agent-asbarez", "reports")]


def test_relayed_narration_goes_to_whoever_reports_the_incident(lex: Lexicon) -> None:
    text = ("Vardan Avetisyan, a 60-year-old shepherd, was reportedly shot dead near Parukh.\n\n"
            "The Armenian Foreign Ministry reported the incident on Monday.")
    draft = draft_article(text, ArticleMeta("https://example.org/x", "Asbarez", date(2022, 5, 20)), lex)
    (claim,) = draft.claims
    assert claim.claimant == CKR + "agent-am-mfa" and [f.kind for f in claim.figures] == ["killed"]
    assert CKR + "place-parukh-farrukh" in claim.places


def test_a_reporting_clause_at_the_end_names_its_own_speaker(lex: Lexicon) -> None:
    assert _claims("Azerbaijani units fired at Armenian posts near Sotk, the Armenian Defence Ministry said on Monday.",
                   lex) == [("agent-am-mod", "alleges")]
    assert _claims("The checkpoint has no legal basis, said Ani Badalyan, spokesperson of the Armenian Foreign Ministry.",
                   lex) == [("agent-ani-badalyan", "reports")]
    assert _claims("“Talks will go on,” Russia’s foreign ministry said.", lex) == [("agent-ru-mfa", "reports")]
    text = "The Armenian Defence Ministry reported new fire on Monday. Azerbaijani units shelled houses in Sotk, it said."
    assert {who for who, _stance in _claims(text, lex)} == {"agent-am-mod"}  # the units before the comma are reported


def test_stance_cues_beyond_the_usual_verbs() -> None:
    def stance_of(text: str) -> str:
        return stance.sentence_stance(text, stance.find_cues(text, []))

    assert stance_of("The ministry said its units had not opened fire.") == "denies"
    assert stance_of("The ministry called the account false information.") == "denies"
    assert stance_of("The ministry said the hamlet lies close to the border.") == "reports"  # "lies" is no denial
    assert stance_of("The minister said point 9 provides for control by the border guards.") == "interprets"
    assert stance_of("The ministry said the statement does not stipulate any corridor.") == "interprets"
    assert stance_of("Armenia has failed to withdraw its troops, the ministry said.") == "alleges"
    assert stance_of("The ministry denounced the shelling.") == "alleges"
    assert stance_of("The ministry reminded both sides of their obligations.") == "calls-on"
    assert stance_of("The minister said the route is open, as agreed in the joint statement.") == "interprets"


def test_the_following_day_counts_from_the_latest_date_given() -> None:
    (found,) = dates.find_dates("the following day the ministry confirmed it", None, last=date(2021, 10, 9))
    assert found.begin == date(2021, 10, 10)
    assert dates.find_dates("two days later", None, last=date(2021, 10, 9))[0].begin == date(2021, 10, 11)
    assert dates.find_dates("the day before", None, last=date(2021, 10, 9))[0].begin == date(2021, 10, 8)
    assert dates.find_dates("the next day", None)[0].begin is None  # nothing to count from


def test_an_advance_breaks_point_one() -> None:
    assert 1 in points.implied_points("units pushed an incursion into the village")
    assert 1 in points.implied_points("troops advanced beyond their positions")


def test_a_role_word_next_to_a_side_names_that_sides_body(lex: Lexicon) -> None:
    said = " said on Monday that the road was shut."
    cases = {"Azerbaijan's State Border Service": "agent-az-state-border-service",
             "The Karabakh ombudsman": "agent-artsakh-human-rights-defender",
             "Armenia's deputy prime minister": "agent-am-deputy-pm-office",
             "The Armenian Prime Minister": "agent-am-government",
             "The Azerbaijani president": "agent-az-president",
             "Artsakh police": "agent-artsakh-police"}
    for subject, body in cases.items():
        assert _claims(subject + said, lex) == [(body, "reports")], subject


def test_phrasings_are_drafting_only_and_one_sided_ones_are_noted(lex: Lexicon, res: Resources) -> None:
    assert not list(res.data_dir.rglob("agent-phrasings.trig"))
    for trig in res.data_files():
        assert "skos:altLabel" not in trig.read_text(encoding="utf-8"), trig  # no phrasing presented as a name
    assert lex.contested["separatist authorities"] == "perspective-azerbaijani"
    draft = draft_article("The separatist authorities said on Monday that the road was shut.",
                          ArticleMeta("https://example.org/x", "", date(2022, 5, 20)), lex)
    (claim,) = draft.claims
    assert claim.claimant == CKR + "agent-artsakh"
    assert any("one side's (azerbaijani usage)" in note for note in claim.notes)


def test_every_agent_of_the_drafting_lexicon_is_in_the_data(lex: Lexicon, res: Resources) -> None:
    named = phrasings.read_phrasings(res.drafting_lexicon_file).agents()
    assert {"agent-ru-mod", "agent-zakharova", "agent-ru-mfa"} <= named
    assert {CKR + local for local in named} <= set(lex.agents)


def test_a_lexicon_naming_an_unknown_agent_or_badly_shaped_is_an_input_error(tmp_path, lex: Lexicon) -> None:
    bad = tmp_path / "lexicon.toml"
    bad.write_text('[phrasings]\nagent-nobody = ["the nobodies"]\n', encoding="utf-8")
    with pytest.raises(InputError, match="agent-nobody"):
        add_phrasings(copy.deepcopy(lex), phrasings.read_phrasings(bad), bad)
    bad.write_text('[phrasings]\nagent-ru-mod = "not a list"\n', encoding="utf-8")
    with pytest.raises(InputError, match="list of strings"):
        phrasings.read_phrasings(bad)
    bad.write_text("[phrasings\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read"):
        phrasings.read_phrasings(bad)


def test_the_agent_of_a_passive_report_speaks(lex: Lexicon) -> None:
    text = "Shelling of Azerbaijani houses near Sotk was reported by the Armenian Defence Ministry on Monday."
    assert {who for who, _stance in _claims(text, lex)} == {"agent-am-mod"}


def test_other_transliterations_and_compounds_find_the_place(lex: Lexicon) -> None:
    assert _places("Reporters from Xankendi reached Qaraglukh", lex) == ["place-stepanakert-khankendi", "place-karaglukh"]
    assert _places("Kelbajar was calm", lex) == ["place-kalbajar-district"]
    assert _places("a Stepanakert-based reporter", lex) == ["place-stepanakert-khankendi"]
    assert _places("talks in Washington; Armenians and Russians", lex) == []
    assert places.loose_key("xankendi") == places.loose_key("khankendi")


def test_what_follows_a_colon_is_the_speakers(lex: Lexicon) -> None:
    text = "The Armenian Foreign Ministry said in a statement on Monday:\n\nTwo soldiers were killed near Sotk overnight."
    assert _claims(text, lex, "Asbarez") == [("agent-am-mfa", "reports")]


def test_after_accused_comes_the_accused_not_the_speaker(lex: Lexicon) -> None:
    text = "Title\n\nThe Azerbaijani Defence Ministry denied the report on Sunday. It accused Armenian units of shelling its posts."
    assert _claims(text, lex) == [("agent-az-mod", "denies"), ("agent-az-mod", "counter-alleges")]


def test_a_rule_under_a_named_point_is_an_interpretation() -> None:
    text = "Zakharova said the roads should be guarded by border troops under point 9 of the statement."
    assert stance.sentence_stance(text, stance.find_cues(text, [])) == "interprets"


def test_a_reporting_clause_at_the_end_outranks_a_verb_inside(lex: Lexicon) -> None:
    text = "Title\n\nRussian peacekeepers recorded two violations on Tuesday, the Russian Defence Ministry said in a bulletin."
    assert [who for who, _stance in _claims(text, lex)] == ["agent-ru-mod"]


def test_a_demand_in_the_reported_words_is_a_call() -> None:
    text = "The minister told reporters that the troops must withdraw from the border villages."
    assert stance.sentence_stance(text, stance.find_cues(text, [])) == "calls-on"


def test_a_clause_named_by_its_subject_next_to_the_statement() -> None:
    assert points.named_points("the transport links mentioned in the trilateral statement are still shut") == {9}
    assert points.named_points("the provision on the exchange of prisoners in the November 10 statement") == {8}
    assert points.named_points("Baku broke the trilateral statement by closing the Lachin corridor") == set()  # a topic only
    assert points.named_points("the provision on prisoners was discussed") == set()  # no statement in the sentence


def test_what_follows_an_announced_statement_is_its_issuers(lex: Lexicon) -> None:
    text = ("Title\n\nThe Armenian Defence Ministry issued a statement on Monday.\n\n"
            "Azerbaijani units fired at posts near Sotk, wounding two soldiers.")
    assert [who for who, _stance in _claims(text, lex, "Asbarez")] == ["agent-am-mod"]
    told = "Title\n\nThe ministry issued a statement saying talks went on.\n\nTwo soldiers were killed near Sotk."
    assert [who for who, _stance in _claims(told, lex, "Asbarez")] == ["agent-asbarez"]  # the statement had its content


def test_nouns_are_not_cues_and_characterising_verbs_are(lex: Lexicon) -> None:
    assert [c.text for c in stance.find_cues("the Armenian claims were false, these reports too", [])] == []
    assert [c.text for c in stance.find_cues("the so-called army", [])] == []
    assert _claims("Title\n\nThe Azerbaijani Defence Ministry has called the reports of shelling untrue.", lex) == [
        ("agent-az-mod", "denies")]


def test_a_district_given_as_an_address_is_not_a_place_of_its_own(lex: Lexicon) -> None:
    assert _places("shots near Parukh in the Askeran district", lex) == ["place-parukh-farrukh"]
    assert _places("shots across the Askeran district", lex) == ["place-askeran-district"]


def test_a_leaders_office_speaks_for_the_body_and_role_anaphors_carry_over(lex: Lexicon) -> None:
    assert _claims("Title\n\nPashinyan's office said on Monday that talks would go on.", lex) == [
        ("agent-am-government", "reports")]
    text = "Title\n\nThe Armenian Foreign Ministry said talks would go on. The diplomat added that Azerbaijan had shelled Sotk."
    assert {who for who, _stance in _claims(text, lex)} == {"agent-am-mfa"}


def _draft(text: str, lex: Lexicon, publisher: str = "Asbarez"):
    return draft_article(text, ArticleMeta("https://example.org/x", publisher, date(2022, 5, 20)), lex)


def test_the_lede_sums_up_the_first_speaker_who_reports(lex: Lexicon) -> None:
    text = ("Two soldiers were wounded near Sotk on Monday.\n\n"
            "The Armenian Defence Ministry said Azerbaijani units had opened fire at Armenian posts.")
    draft = _draft(text, lex)
    assert [(c.claimant.removeprefix(CKR), c.stance) for c in draft.claims] == [("agent-am-mod", "alleges")]
    assert [f.kind for f in draft.claims[0].figures] == ["wounded"]


def test_narration_a_speaker_refers_back_to_is_the_speakers(lex: Lexicon) -> None:
    text = ("The Armenian Foreign Ministry urged restraint.\n\nTwo soldiers were wounded near Sotk on Monday.\n\n"
            "This was reported by the Armenian Defence Ministry.")
    got = [(c.claimant.removeprefix(CKR), c.stance) for c in _draft(text, lex).claims]
    assert ("agent-asbarez", "reports") not in got and ("agent-am-mod", "reports") in got
    text = ("The Armenian Foreign Ministry urged restraint.\n\nTwo soldiers were wounded near Sotk on Monday.\n\n"
            "The Armenian Defence Ministry said the talks would go on.")
    assert ("agent-asbarez", "reports") in [(c.claimant.removeprefix(CKR), c.stance) for c in _draft(text, lex).claims]


def test_a_paragraph_goes_on_in_its_speakers_voice(lex: Lexicon) -> None:
    text = "The Armenian Defence Ministry said Azerbaijani units fired at posts near Sotk. Two soldiers were wounded."
    draft = _draft(text, lex)
    assert [c.claimant.removeprefix(CKR) for c in draft.claims] == ["agent-am-mod"]
    assert [f.kind for f in draft.claims[0].figures] == ["wounded"]


def test_a_heading_names_the_speaker_of_the_text_under_it(lex: Lexicon) -> None:
    text = ("Press office\n\nSTATEMENT BY SECRETARY ANTONY J. BLINKEN\n\n"
            "We are deeply troubled by the fighting along the border. We call on both sides to end hostilities now.")
    got = [(c.claimant.removeprefix(CKR), c.stance) for c in _draft(text, lex).claims]
    assert got and {c for c, _s in got} == {"agent-blinken"} and ("agent-blinken", "calls-on") in got
    text = "Statement of Ministry of Defense of Armenia\n\nAzerbaijani units shelled Armenian posts near Sotk, two soldiers were wounded."
    assert [c for c, _s in _claims(text, lex, "Asbarez")] == ["agent-am-mod"]
    assert _claims("Statement by the ministry was late\n\nTwo soldiers were killed near Parukh.", lex, "Asbarez") == [
        ("agent-asbarez", "reports")]  # no agent named: not a heading of a speaker


def test_the_region_alone_is_not_a_place_of_the_claim(lex: Lexicon) -> None:
    (claim,) = _draft("Two soldiers were killed in the Nagorno-Karabakh conflict zone on Monday.", lex).claims
    assert claim.places == [] and all(e.places == () for e in claim.events)
    (claim,) = _draft("Two soldiers were killed near Parukh in Nagorno-Karabakh on Monday.", lex).claims
    assert claim.places == [CKR + "place-parukh-farrukh", CKR + "place-nagorno-karabakh"]


def test_a_place_in_a_sentence_that_reports_no_event_is_background(lex: Lexicon) -> None:
    assert _places("the minister said in Shusha that talks would go on", lex) == ["place-shusha-shushi"]
    (claim,) = _draft("The Azerbaijani Foreign Ministry said in Shusha that the talks would go on.", lex).claims
    assert claim.places == []


def test_an_initial_ends_no_sentence() -> None:
    from conflictkg.drafting.sentences import split_sentences

    assert [s.text for s in split_sentences("Secretary Antony J. Blinken spoke. He left.")] == [
        "Secretary Antony J. Blinken spoke.", "He left."]


def test_a_statements_own_voice_calls_on(lex: Lexicon) -> None:
    assert ("agent-am-mfa", "calls-on") in _claims("The Armenian Foreign Ministry said:\n\nWe call on the sides to talk.", lex)
    assert stance.sentence_stance("We urge an end to hostilities.", stance.find_cues("We urge an end to hostilities.", [])) == "calls-on"


def test_a_report_that_names_the_statement_interprets_it(lex: Lexicon) -> None:
    assert _claims("Pashinyan said the trilateral statement of November 9 covers the return of prisoners.", lex) == [
        ("agent-pashinyan", "interprets")]
    assert _claims("Pashinyan said the talks on prisoners would go on.", lex) == [("agent-pashinyan", "reports")]


def _stance_of(text: str) -> str:
    from conflictkg.drafting import quotes

    return stance.sentence_stance(text, stance.find_cues(text, quotes.quoted_spans(text)))


def test_a_call_in_the_reported_words_even_inside_a_quotation() -> None:
    assert _stance_of("“We call for an immediate halt to the fighting,” the ministry said.") == "calls-on"
    assert _stance_of("The ministry said the sides should exercise maximum restraint.") == "calls-on"
    assert _stance_of("The envoy said the clash shows the need for restraint on both sides.") == "calls-on"
    assert _stance_of("The ministry said the commitments must be strictly observed.") == "calls-on"
    assert _stance_of("The agency said it is calling on the authorities to let its convoys pass.") == "calls-on"
    assert _stance_of("The ministry said the convoy reached the town.") == "reports"


def test_an_allegation_carried_by_the_reported_words() -> None:
    assert _stance_of("“At dawn fire was opened from the other side's posts,” the ministry said.") == "alleges"
    assert _stance_of("The ministry said the other side opened mortar fire on the village.") == "alleges"
    assert _stance_of("The ministry said Baku bears full responsibility for the escalation.") == "alleges"
    assert _stance_of("The ministry said the blockade undermines the peace process.") == "alleges"
    assert _stance_of("The minister said the counter-terror measures were over.") == "reports"  # no accusation


def test_a_rejection_of_what_others_said_and_a_bulletin_that_records_no_violation() -> None:
    assert _stance_of("The ministry said the accusations voiced in Yerevan are absolutely groundless.") == "denies"
    assert _stance_of("The spokesman said the allegations were unacceptable.") == "denies"
    assert _stance_of("The ministry said no violations of the ceasefire were recorded over the day.") == "reports"
    assert _stance_of("The ministry denied the report, saying no violations were recorded.") == "denies"


def test_obligations_said_to_remain_in_force_are_a_reading() -> None:
    assert _stance_of("The aide said the obligations remain in force despite the delay.") == "interprets"
    assert _stance_of("The envoy said the trilateral agreements remain relevant.") == "interprets"


def test_an_allegation_against_the_side_that_accused_first_answers_back(lex: Lexicon) -> None:
    text = ("The Armenian Defence Ministry accused Azerbaijani forces of shelling Sotk on Monday.\n\n"
            "The Azerbaijani Defence Ministry said Armenian units opened fire first on its positions in Kalbajar.")
    assert _claims(text, lex) == [("agent-am-mod", "alleges"), ("agent-az-mod", "counter-alleges")]
    alone = "The Azerbaijani Defence Ministry said Armenian units opened fire on its positions in Kalbajar."
    assert _claims(alone, lex) == [("agent-az-mod", "alleges")]


def test_a_plain_report_folds_into_the_claimants_call(lex: Lexicon) -> None:
    text = "Russia's foreign ministry said talks went on.\n\nRussia's foreign ministry urged the sides to show restraint."
    assert _claims(text, lex) == [("agent-ru-mfa", "calls-on")]


def test_named_points_in_the_usual_phrasings_and_a_subject_in_the_plural_is_not_named() -> None:
    assert points.named_points("Article 9 of the trilateral statement covers transport.") == {9}
    assert points.named_points("the ninth clause of the November statement") == {9}
    assert points.named_points("Armenia refuses to fulfil the 4th, 6th and 9th paragraphs of the statement") == {4, 6, 9}
    assert points.named_points("Paragraph 6 was ignored.", "The trilateral statement was signed in 2020.") == {6}
    assert points.named_points("the provisions on the Lachin corridor in the trilateral statement") == set()
    assert points.named_points("the provision on the Lachin corridor in the trilateral statement") == {6}


def test_the_outlet_recalling_the_past_or_restating_a_speaker_makes_no_claim(lex: Lexicon) -> None:
    outlet = "agent-asbarez"
    iri = f"{CKR}{outlet}"
    past = ("The Armenian Defence Ministry accused Azerbaijani forces of shelling Sotk.\n\n"
            "Thousands of soldiers were killed in the 44-day war in 2020.")
    assert _claims(past, lex, iri) == [("agent-am-mod", "alleges")]
    restated = ("The Armenian Defence Ministry accused Azerbaijani forces of shelling Sotk.\n\n"
                "The shelling of Sotk went on for an hour.")
    assert _claims(restated, lex, iri) == [("agent-am-mod", "alleges")]
    news = ("The Armenian Defence Ministry accused Azerbaijani forces of shelling Sotk.\n\n"
            "Later, Azerbaijani troops advanced near Parukh, killing two soldiers.")
    assert (outlet, "reports") in _claims(news, lex, iri)


def test_the_usual_wordings_of_fire_and_of_a_ceasefire_violation_are_events() -> None:
    from conflictkg.drafting import events

    assert events.event_types("small arms fire was heard from the posts") == ["armed-attack"]
    assert events.event_types("a herder was shot dead near the village") == ["armed-attack"]
    assert events.event_types("units fired towards the settlement") == ["armed-attack"]
    assert events.event_types("two ceasefire regime violations were recorded") == ["ceasefire-violation"]
    assert events.event_types("the ceasefire was grossly violated overnight") == ["ceasefire-violation"]
    assert events.event_types("violation of the regime of ceasefire in the district") == ["ceasefire-violation"]
    assert events.event_types("the minister visited the village") == []
