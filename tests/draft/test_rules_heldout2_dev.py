"""Rules written against heldout2 index 1 mod 5 and the samples already used (session 10), one test
each, on short sentences written for these tests (never article text)."""

from __future__ import annotations

from conflictkg.drafting import Lexicon, events, points, stance
from conflictkg.rdf.namespaces import CKR
from tests.draft.sentences import claims as _claims, draft as _draft, sentence_stance as _stance


def test_a_rejection_of_the_blame_or_of_an_obligation_denies() -> None:
    assert _stance("The spokesman said they strongly oppose attempts to blame the events on the peacekeepers.") == "denies"
    assert _stance("The minister said that Armenia has not undertaken any obligation regarding a corridor.") == "denies"
    assert _stance("The office said it found the statement unserious.") == "denies"
    assert _stance("The minister said the peacekeepers are to blame for the events.") == "alleges"


def test_fabricated_charges_against_someone_is_an_accusation_not_a_denial() -> None:
    assert _stance("The minister said that by bringing fabricated charges against the captives Baku violates the deal.") == "alleges"
    assert _stance("The ministry said the charges are fabricated.") == "denies"


def test_smuggling_is_an_accusation() -> None:
    assert stance.ACCUSE.search("the mission was used for smuggling goods")


def test_this_statement_alone_does_not_make_a_report_an_interpretation(lex: Lexicon) -> None:
    assert not points.agreement_named("We find this statement unserious.")
    assert points.agreement_named("the trilateral statement of November 9") and points.agreement_named("under the November statement")
    assert _claims("The Foreign Ministry of Armenia said this statement came late.", lex) == [("agent-am-mfa", "reports")]
    assert _claims("The Foreign Ministry of Armenia said the trilateral statement of 2020 is the basis.", lex) == [
        ("agent-am-mfa", "interprets")]


def test_a_qualified_role_carries_the_previous_speaker(lex: Lexicon) -> None:
    text = ("The Foreign Ministry of Armenia said on Monday that talks would resume.\n\n"
            "The foreign minister stressed that the other side violates the trilateral statement.")
    assert _claims(text, lex) == [("agent-am-mfa", "alleges")]


def test_a_title_that_is_not_a_recorded_name_finds_the_body_whose_label_has_its_words(lex: Lexicon) -> None:
    assert _claims("The Nagorno-Karabakh State Service of Emergency Situations said a depot exploded.", lex) == [
        ("agent-artsakh-emergency-service", "reports")]
    assert _claims("Ten servicemen were handed over, the State Commission for Prisoners of War, Hostages and Missing "
                   "Persons said.", lex) == [("agent-az-state-commission-pows", "reports")]
    draft = _draft("Aram Vardanyan, a teacher from the village, said the road was quiet.", lex)
    assert [c.new_claimant for c in draft.claims] == [True]  # a person the data does not know stays new


def test_handover_suspension_and_fire_wordings_are_events() -> None:
    assert events.event_types("Today we returned to the city of Lachin.") == ["territory-handover"]
    assert events.event_types("residents left before the hand over of the settlement") == ["territory-handover"]
    assert "blockade" in events.event_types("The passage through the checkpoint is temporarily suspended.")
    assert "armed-attack" in events.event_types("A car came under fire near the village.")
    assert events.event_types("contrary to the advancement of bilateral relations") == []


def test_an_explosion_or_a_death_places_the_claim(lex: Lexicon) -> None:
    draft = _draft("The Artsakh Foreign Ministry said an explosion took place near Stepanakert.", lex)
    assert CKR + "place-stepanakert-khankendi" in draft.claims[0].places
    draft = _draft("The Artsakh Foreign Ministry said a car was hit and two people were killed near Stepanakert.", lex)
    assert CKR + "place-stepanakert-khankendi" in draft.claims[0].places
    draft = _draft("The Artsakh Foreign Ministry said the minister met residents in Stepanakert.", lex)
    assert draft.claims[0].places == []  # no event: background


def test_a_sentence_that_only_names_its_speaker_speaks_the_sentence_before(lex: Lexicon) -> None:
    text = ("The Lachin issue should be settled on the basis of point 6 of the trilateral statement. "
            "As the agency informs, Maria Zakharova said.")
    (claim,) = _draft(text, lex).claims
    assert claim.claimant == CKR + "agent-zakharova" and claim.named_points == {6}


def test_a_participle_cue_is_its_sentence_subjects(lex: Lexicon) -> None:
    assert _claims("Baku closed the road to Armenia on Tuesday, accusing Yerevan of smuggling.", lex, "Asbarez") == [
        ("agent-az-government", "alleges")]
    # the subject is not named first: nobody is found, and the outlet does not take it
    assert _claims("A former official shared a video of Russian peacekeepers near Stepanakert, saying the troops had "
                   "advanced.", lex, "Asbarez") == []


def test_an_allegation_named_as_a_noun_is_not_the_outlets(lex: Lexicon) -> None:
    assert _claims("Baku set up a checkpoint in April, fuelling allegations from Armenia of a blockade.", lex, "Asbarez") == []
    assert _claims("Baku set up a checkpoint in April, causing a blockade.", lex, "Asbarez") == [("agent-asbarez", "reports")]


def test_the_past_perfect_is_the_outlets_backstory(lex: Lexicon) -> None:
    assert _claims("Tensions had been high ever since Azerbaijani forces advanced near Tegh.", lex, "Asbarez") == []
    assert _claims("Azerbaijani forces advanced near Tegh on Monday.", lex, "Asbarez") == [("agent-asbarez", "reports")]


def test_the_outlets_narration_of_a_speakers_day_joins_that_speaker(lex: Lexicon) -> None:
    text = ('"The president expressed condolences over the death of the peacekeepers on September 20," the Kremlin said.\n\n'
            "Two peacekeepers were killed when their car came under fire near Dzhanyatag on September 20.")
    draft = _draft(text, lex, "Asbarez")
    assert [c.claimant.removeprefix(CKR) for c in draft.claims] == ["agent-ru-president"]
    assert CKR + "place-janyatag-chankatagh" in draft.claims[0].places
    text2 = text.replace("near Dzhanyatag on September 20", "near Dzhanyatag on September 22")
    assert "agent-asbarez" in [c.claimant.removeprefix(CKR) for c in _draft(text2, lex, "Asbarez").claims]
