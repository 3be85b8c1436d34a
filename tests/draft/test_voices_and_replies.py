"""Rules of session 12, written against the failures read on the development texts (a co-chair list
in parentheses, a relayed source, a bulletin in a ministry's own voice, calls drafted as
allegations, counter-allegations), one test each, on short sentences written for these tests
(never article text). Each test also holds a near case the rule must leave alone."""

from __future__ import annotations

from conflictkg.drafting import Lexicon
from conflictkg.rdf.namespaces import CKR
from tests.draft.sentences import claims as _claims, sentence_stance as _stance


def test_names_in_a_parenthesis_after_a_title_do_not_speak(lex: Lexicon) -> None:
    text = ("The Co-Chairs of the OSCE Minsk Group (Jane Roe of Russia, Jean Dupont of France and John Doe of the "
            "United States) have called on Armenia and Azerbaijan to resume talks.")
    assert _claims(text, lex) == [("agent-osce-mg-cochairs-envoys", "calls-on")]
    # without a parenthesis the nearest name before the cue still speaks
    assert _claims("Russia has called on Armenia and Azerbaijan to resume talks.", lex)[0][1] == "calls-on"
    assert _claims("Russia has called on Armenia and Azerbaijan to resume talks.", lex)[0][0] != "agent-osce-mg-cochairs-envoys"


def test_a_source_cited_by_the_reporter_speaks(lex: Lexicon) -> None:
    text = ("Armed units in Karabakh have begun to hand over their weapons to the peacekeepers, Russian media "
            "reported on Friday, citing the Russian Ministry of Defence.")
    assert _claims(text, lex) == [("agent-ru-mod", "reports")]
    # "quoting" a body the same way; a sentence that cites nobody keeps its own speaker
    assert _claims("Two soldiers were wounded, the agency said, quoting the Armenian Defence Ministry.", lex)[0][0] == "agent-am-mod"
    assert _claims("The Russian peacekeepers reported that the road was open.", lex) == [("agent-ru-peacekeepers", "reports")]


def test_a_body_publishing_its_own_bulletin_speaks_in_its_own_voice(lex: Lexicon) -> None:
    text = ("Information of the Ministry of Defense\n\n"
            "On the evening of May 3, the enemy moved two guns to positions facing our units.\n\n"
            "We declare that the Armenian side bears full responsibility for any escalation.")
    assert _claims(text, lex, CKR + "agent-az-mod") == [("agent-az-mod", "alleges")]
    # the same text published by a media outlet stays the outlet's narration, not the ministry's claim
    assert ("agent-az-mod", "alleges") not in _claims(text, lex, CKR + "agent-asbarez")


def test_a_possessive_heading_names_the_speaker_but_a_headline_does_not(lex: Lexicon) -> None:
    text = ("Foreign Minister Sergey Lavrov's comment following talks in Moscow\n\n"
            "We believe that the measures that should be taken without delay are clear.")
    assert _claims(text, lex) == [("agent-lavrov", "calls-on")]
    headline = "Yerevan Refutes Baku's Statement on the Border\n\nWe believe the road is open."
    assert all(claimant != "agent-azerbaijan" for claimant, _s in _claims(headline, lex))


def test_an_expectation_or_a_demand_addressed_to_someone_is_a_call() -> None:
    assert _stance("The government expects a plan from Russia to reopen the corridor, which is blocked by "
                   "Azerbaijan, the prime minister said.") == "calls-on"
    assert _stance("The prime minister said the peacekeepers should provide a clear explanation.") == "calls-on"
    assert _stance("The minister said measures should be taken without delay to supply the town.") == "calls-on"
    # a plain charge of blocking is still an allegation
    assert _stance("The prime minister said the corridor is blocked by Azerbaijan.") == "alleges"


def test_a_charge_called_vain_is_denied_and_turned_round() -> None:
    text = "The ministry said Baku made a futile attempt to accuse Armenia, while its troops shelled two villages."
    assert _stance(text) == "denies"
    assert _stance("The ministry said Baku made an attempt to accuse Armenia of shelling.") == "alleges"


def test_a_vain_charge_with_the_other_side_firing_is_also_a_counter_allegation(lex: Lexicon) -> None:
    text = "The Armenian Defence Ministry said Baku made a futile attempt to accuse Armenia, while its troops shelled two villages."
    assert set(_claims(text, lex)) == {("agent-am-mod", "denies"), ("agent-am-mod", "counter-alleges")}
    assert _claims("The Armenian Defence Ministry said Baku made a futile attempt to accuse Armenia.", lex) == [
        ("agent-am-mod", "denies")]


def test_an_allegation_that_speaks_of_the_other_sides_charges_answers_them(lex: Lexicon) -> None:
    text = ("The Azerbaijani Foreign Ministry said Armenia's claims about a crisis in the region are a provocation "
            "to hide its own violations.")
    assert _claims(text, lex) == [("agent-az-mfa", "counter-alleges")]
    assert _claims("The Azerbaijani Foreign Ministry said Armenia's troops committed a provocation in Lachin.", lex) == [
        ("agent-az-mfa", "alleges")]


def test_the_ministry_as_subject_keeps_the_sentence_whatever_names_follow(lex: Lexicon) -> None:
    text = ("The Azerbaijani Foreign Ministry said Armenia sent a convoy without consent. "
            "The ministry noted that shots were fired at Azerbaijani border guards in Lachin while Yerevan was making "
            "claims of a crisis.")
    claimants = {claimant for claimant, _s in _claims(text, lex)}
    assert claimants == {"agent-az-mfa"}
