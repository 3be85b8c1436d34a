"""Rules of session 13, written for the kinds of failure read on the fresh texts of session 12 (a dash
list of names after a title, a statement "cited by" an agency, a label the reporter relays, ", adding
that ...", information "spread by" a side), and two read on a development text (a charge called absurd,
a comment on the other side's statement), one test each, on short sentences written for these tests
(never article text). Each test also holds a near case the rule must leave alone."""

from __future__ import annotations

from conflictkg.drafting import Lexicon
from tests.draft.sentences import claims as _claims, sentence_stance as _stance


def test_names_in_a_dash_list_after_a_title_do_not_speak(lex: Lexicon) -> None:
    text = ("The envoys of the OSCE Minsk Group Co-Chair countries – Russia's Jane Roe, John Doe of the United States "
            "and Jean Dupont of France – have urged Armenia and Azerbaijan to release all detainees.")
    assert _claims(text, lex) == [("agent-osce-mg-cochairs", "calls-on")]  # the countries, not the three envoys
    # a dash that sets off no list (no comma, no "and") leaves the nearest speaker alone
    near = ("Talks were held with the Minsk Group co-chair countries – the Russian Foreign Ministry then urged the "
            "sides to keep the ceasefire.")
    assert _claims(near, lex) == [("agent-ru-mfa", "calls-on")]


def test_an_agency_that_relays_a_statement_does_not_speak(lex: Lexicon) -> None:
    text = ("The Azerbaijani Defence Ministry said the handover was complete. “Units of our army entered the Kalbajar "
            "district,” the ministry said in a statement cited by Interfax, referring to the Russian-brokered ceasefire.")
    assert _claims(text, lex) == [("agent-az-mod", "reports")]
    # an agency that reports in its own name still speaks
    assert _claims("Interfax reported that two posts were shelled.", lex) == [("agent-interfax", "reports")]


def test_a_label_the_reporter_relays_is_no_claim(lex: Lexicon) -> None:
    text = ("Civilians left the villages during what Baku calls a counter-terror operation, according to the Russian "
            "Defence Ministry.")
    assert _claims(text, lex) == [("agent-ru-mod", "reports")]
    # "Baku calls the reports ... untrue" is Baku speaking
    assert _claims("Baku calls the reports of shelling untrue.", lex) == [("agent-az-government", "denies")]


def test_adding_that_goes_on_in_the_closing_clauses_voice(lex: Lexicon) -> None:
    text = ("Peacekeepers escorted 300 residents out of the area after Azerbaijan accused the local forces of shelling, "
            "the Russian Defence Ministry said on Tuesday, adding that the escort went on.")
    assert [claimant for claimant, _s in _claims(text, lex)] == ["agent-ru-mod"]
    # a "said that" inside the sentence is no closing clause: the first cue's subject still speaks
    near = "Azerbaijan accused the local forces of shelling, and the Russian Defence Ministry said that the escort went on."
    assert [claimant for claimant, _s in _claims(near, lex)] == ["agent-az-government"]


def test_a_side_spreading_information_is_not_the_speaker_who_denies_it(lex: Lexicon) -> None:
    said = "The Azerbaijani Foreign Ministry said Armenian troops shelled its positions overnight."
    denial = "The news spread by Yerevan about the alleged shelling of villages by our army is false."
    expected = {("agent-az-mfa", "counter-alleges"), ("agent-az-mfa", "denies")}
    assert set(_claims(f"{said} {denial}", lex)) == expected
    assert set(_claims(f"{said}\n\n{denial}", lex)) == expected  # the next paragraph: still the speaker's answer
    # a denial that names no side spreading anything does not carry the speaker over a paragraph break
    assert _claims(f"{said}\n\nThe news about the shelling of villages by our army is false.", lex) == [
        ("agent-az-mfa", "alleges")]
    # "alleged" after its subject is still a cue
    assert _claims("Baku alleged that Armenian troops shelled its positions.", lex) == [("agent-az-government", "alleges")]


def test_a_charge_called_absurd_is_denied() -> None:
    assert _stance("It takes a rich imagination to blame our troops for the fire at the post, the ministry said.") == "denies"
    assert _stance("It would be absurd to accuse Armenia of the blast, the minister said.") == "denies"
    # a plain charge is still an allegation
    assert _stance("The ministry accused Armenia of shelling the post.") == "alleges"


def test_the_other_sides_statement_that_a_speaker_comments_on_is_not_the_speakers_charge(lex: Lexicon) -> None:
    text = "The Armenian Defence Ministry responded to Baku's statement that Armenian units had shelled Sotk."
    assert _claims(text, lex) == [("agent-am-mod", "reports")]
    # a response that makes its own charge still alleges
    near = "The Armenian Defence Ministry responded to the shelling of Sotk by saying that Azerbaijani units had opened fire."
    assert _claims(near, lex) == [("agent-am-mod", "alleges")]
