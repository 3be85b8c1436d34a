"""Rules of session 22, one at a time, on short sentences written for these tests (never article
text): the parts of bracketed labels as names, present-tense cues, the stance read from the quoted
words, a quotation cut off from its speaker, and a reporting cue with no speaker found."""

from __future__ import annotations

from datetime import date

import pytest

from conflictkg.build import shipped_lexicon
from conflictkg.drafting import ArticleMeta, Lexicon, draft_article, stance
from conflictkg.drafting.lexicon import label_parts
from conflictkg.names import name_key
from conflictkg.rdf.namespaces import CKR
from conflictkg.resources import Resources


@pytest.fixture(scope="module")
def lex(res: Resources) -> Lexicon:
    return shipped_lexicon(res)


def _claims(text: str, lex: Lexicon, publisher: str = "Asbarez") -> list[tuple[str, str]]:
    draft = draft_article(text, ArticleMeta("https://example.org/x", publisher, date(2022, 5, 20)), lex)
    return [(c.claimant.removeprefix(CKR), c.stance) for c in draft.claims]


def test_the_parts_of_a_bracketed_label() -> None:
    assert label_parts("Parliamentary Assembly of the Council of Europe (PACE)") == [
        "Parliamentary Assembly of the Council of Europe", "PACE"]
    assert label_parts("Ministry of Foreign Affairs of Artsakh (Nagorno-Karabakh)") == [
        "Ministry of Foreign Affairs of Artsakh", "Ministry of Foreign Affairs of Nagorno-Karabakh"]
    assert label_parts("Chamber of Senators (Senate) of Uruguay")[0] == "Chamber of Senators of Uruguay"
    assert label_parts("A News (anews.com.tr)") == []  # led by an article: "a news conference"
    assert label_parts("For Rights (forrights.am)") == []
    assert label_parts("Peskov (Kremlin spokesperson)") == []  # one word, no acronym
    assert label_parts("Permanent Mission of Norway to the United Nations (New York)") == [
        "Permanent Mission of Norway to the United Nations"]  # a bracket that says where is no name
    assert label_parts("Plain label") == [] and label_parts("A (B) C (D)") == []


def test_a_bracketed_labels_parts_find_the_body_but_no_ambiguous_key(lex: Lexicon) -> None:
    assert lex.agent_keys[name_key("Chamber of Senators of Uruguay")] == {CKR + "agent-uruguay-senate"}
    assert lex.agent_keys[name_key("PACE")] == {CKR + "agent-pace"}
    assert not lex.agent_keys.get(name_key("New York"))
    assert not lex.agent_keys.get(name_key("a news"))


def test_bodies_under_long_labels_speak(lex: Lexicon) -> None:
    assert _claims("The Chamber of Senators of Uruguay adopted a statement urging both sides to talk.", lex) == [
        ("agent-uruguay-senate", "calls-on")]
    assert _claims("Artsakh's Foreign Ministry has welcomed the vote.", lex)[0][0] == "agent-artsakh-mfa"
    assert _claims("The General Secretariat of the Organization of Islamic Cooperation (OIC) condemns the attack.",
                   lex)[0][0] == "agent-oic-general-secretariat"


def test_present_tense_cues_are_general() -> None:
    assert {"confirms", "stresses", "denies", "admits", "declares"} <= set(stance.PRESENT)
    assert not {"charges", "terms", "notes", "issues", "argus"} & set(stance.PRESENT)  # more often nouns, a name
    cues = lambda text: [c.text for c in stance.find_cues(text, [])]  # noqa: E731
    assert cues("The ministry confirms the report.") == ["confirms"]
    assert cues("The ministry stresses that talks go on.") == ["stresses"]
    assert cues("In terms of criminal charges, nothing changed.") == []
    assert cues("Envoys of the United States met.") == []


def test_new_cues_complained_welcomed_and_a_courts_interim_measure(lex: Lexicon) -> None:
    assert _claims("Two civilians were freed, the Armenian Foreign Ministry confirms.", lex) == [("agent-am-mfa", "reports")]
    assert _claims("On Friday, Ilham Aliyev complained that Armenian units had not left the district.", lex) == [
        ("agent-aliyev", "alleges")]
    assert stance.sentence_stance("The court decided to indicate an interim measure.",
                                  stance.find_cues("The court decided to indicate an interim measure.", [])) == "calls-on"


def test_a_title_before_a_person_after_said_names_the_person(lex: Lexicon) -> None:
    text = "The road must be reopened at once, said today Russian Foreign Ministry spokesperson Maria Zakharova."
    assert _claims(text, lex) == [("agent-zakharova", "calls-on")]


def test_a_quotation_that_does_not_close_is_the_previous_speakers(lex: Lexicon) -> None:
    text = ("Ilham Aliyev said on Friday that the talks would go on.\n\n"
            "“The detainees cannot be considered prisoners of war, they are saboteurs. The region said")
    assert ("agent-aliyev", "denies") in _claims(text, lex)


def test_the_head_of_state_and_the_secretariat_carry_the_speaker_over(lex: Lexicon) -> None:
    text = "Ilham Aliyev said on Friday that the talks would go on.\n\n“We reject the claims as groundless,” the head of state said."
    assert _claims(text, lex) == [("agent-aliyev", "denies")]  # the report folds into the denial


def test_a_cue_whose_speaker_is_not_found_is_noted_never_the_outlets(lex: Lexicon) -> None:
    text = "Two soldiers were killed near Parukh, the unnamed official claimed in a letter.\n\nTalks went on."
    draft = draft_article(text, ArticleMeta("https://example.org/x", "Asbarez", date(2022, 5, 20)), lex)
    assert not [c for c in draft.claims if c.claimant == CKR + "agent-asbarez" and 0 in c.sentences]
    assert any(c.startswith("speaker not found in sentence(s) 0:") for c in draft.checks)


def test_an_attribution_with_no_verb_at_the_end_names_the_speaker(lex: Lexicon) -> None:
    text = "The situation on the border is not stabilizing, acting Prime Minister of Armenia Nikol Pashinyan."
    assert _claims(text, lex) == [("agent-pashinyan", "reports")]
    assert _claims("Troops shelled the village, wounding a shepherd near Nikol Pashinyan.", lex)[0][0] != "agent-pashinyan"


def test_narration_of_events_a_month_before_the_publication_is_background(lex: Lexicon) -> None:
    assert _claims("Heavy clashes erupted near Parukh on March 27, killing two soldiers.", lex) == []  # published 20 May
    assert _claims("Heavy clashes erupted near Parukh on May 17, killing two soldiers.", lex) == [("agent-asbarez", "reports")]


def test_a_subject_before_a_quotation_that_holds_the_verb_speaks(lex: Lexicon) -> None:
    text = "The European Parliament “strongly condemns the attacks by Azerbaijan on the villages of Armenia”."
    assert _claims(text, lex) == [("agent-european-parliament", "alleges")]


def test_a_heading_that_says_who_delivered_the_statement(lex: Lexicon) -> None:
    from conflictkg.drafting import headings

    heading = "Statement on the provisions of the trilateral statement as delivered by Foreign Minister Ararat Mirzoyan at the Council"
    assert headings.heading_speaker(heading, lex).iri == CKR + "agent-mirzoyan"


def test_notes_is_a_cue_before_that_only() -> None:
    cues = lambda text: [c.text for c in stance.find_cues(text, [])]  # noqa: E731
    assert cues("The report notes that the road was closed.") == ["notes"]
    assert cues("The diplomatic notes were handed over.") == []
    assert "welcomes" in stance.PRESENT and "assesses" in stance.PRESENT


def test_a_few_french_and_german_cues_where_the_names_resolve(lex: Lexicon) -> None:
    assert _claims("Mme Zakharova a déclaré que les pourparlers continueront.", lex)[0][0] == "agent-zakharova"
    assert _claims("« Nous informerons plus tard », a déclaré Mme Zakharova.", lex)[0][0] == "agent-zakharova"
    assert _claims("Die Gespräche gehen weiter, sagte Bayramov in einem Brief.", lex)[0][0] == "agent-bayramov"


def test_stance_from_the_reported_words_more_cases() -> None:
    def stance_of(text: str) -> str:
        return stance.sentence_stance(text, stance.find_cues(text, []))

    assert stance_of("The ministry has welcomed the parliament's call to reopen the road.") == "calls-on"
    assert stance_of("The assembly notes that the people have been denied access to the road.") != "denies"
    assert stance_of("The sides exchanged the bodies of soldiers killed during the hostilities, the ministry said.") == "reports"


def test_said_with_a_comma_at_the_end_introduces_the_next_paragraph(lex: Lexicon) -> None:
    text = ("Talks resumed in Brussels.\n\nAni Badalyan, spokesperson of the Armenian Foreign Ministry, said,\n\n"
            "These claims are groundless and we reject them.")
    assert ("agent-ani-badalyan", "denies") in _claims(text, lex)


def test_an_obligation_said_to_be_held_up_is_an_allegation(lex: Lexicon) -> None:
    assert _claims("Armenia is delaying the fulfillment of the agreement, Jeyhun Bayramov said.", lex) == [
        ("agent-bayramov", "alleges")]


def test_an_embedded_posts_signature_names_who_wrote_the_post(lex: Lexicon) -> None:
    text = ("The ministers met in Tbilisi.\n\nFull implementation of the statements was stressed.\n\n"
            "— Jeyhun Bayramov (@bayramov_jeyhun) July 16, 2022")
    draft = draft_article(text, ArticleMeta("https://example.org/x", "Asbarez", date(2022, 7, 17)), lex)
    assert [(c.claimant.removeprefix(CKR), sorted(c.sentences)) for c in draft.claims] == [("agent-bayramov", [1, 2])]
