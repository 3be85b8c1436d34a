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
    assert not {"charges", "terms", "notes", "issues"} & set(stance.PRESENT)  # more often nouns
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
