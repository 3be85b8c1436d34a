"""The drafting lexicon of bodies (data/drafting/bodies.toml): the shipped file loads against the
data, claimants are resolved through it (short sentences written for these tests, never article
text), a body the data does not record is proposed as a new agent with the file's label, and a
wrong file is refused with an actionable message."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conflictkg.build import shipped_lexicon
from conflictkg.drafting import ArticleMeta, Lexicon, draft_article, to_trig
from conflictkg.drafting.bodies import read_bodies
from conflictkg.drafting.lexicon import NEW, add_bodies
from conflictkg.errors import InputError
from conflictkg.rdf.namespaces import CKR
from conflictkg.resources import Resources


@pytest.fixture(scope="module")
def lex(res: Resources) -> Lexicon:
    return shipped_lexicon(res)


def _claimants(text: str, lex: Lexicon) -> list[str]:
    draft = draft_article(text, ArticleMeta("https://example.org/x", "", date(2023, 9, 25)), lex)
    return [c.claimant.removeprefix(CKR) for c in draft.claims]


def test_every_shipped_body_has_a_source_page_and_names(res: Resources, lex: Lexicon) -> None:
    bodies = read_bodies(res.drafting_bodies_file)
    assert len(bodies) >= 10
    for body in bodies:
        assert body.source.startswith(("https://", "http://")), body.local
        assert body.names, body.local
        info = lex.agents[CKR + body.local]
        assert (NEW in info.kinds) == bool(body.label), body.local  # a label only for a body not recorded
        assert info.state == (CKR + body.side if body.side else ""), body.local


@pytest.mark.parametrize(("text", "agent"), [
    ("The ICRC issued a statement saying that its vehicles were searched.", "agent-icrc"),
    ("The International Committee of the Red Cross said its convoy was stopped.", "agent-icrc"),
    ("The State Security Service (SSS) of Azerbaijan said the suspect financed armed groups.",
     "agent-az-state-security-service"),
    ("According to the State Security Service, mines were planted near the road.", "agent-az-state-security-service"),
    ("Azerbaijan's Prosecutor General's Office said that a criminal case was opened.", "agent-az-prosecutor-general"),
    ("Armenia's National Security Service said on Monday that troops blocked the road.", "agent-am-nss"),
    ("The Artsakh National Security Service said troops fired at the village.", "agent-artsakh-nss"),
    ("AzeriGas issued a statement announcing that it plans to rebuild the pipeline.", "agent-azerigaz"),
    ("The Turkish Foreign Ministry said the withdrawal must be completed.", "agent-tr-mfa"),
    ("The State Commission for Prisoners of War said ten servicemen were handed over.", "agent-az-state-commission-pows"),
    ("The OSCE Minsk Group co-chairs called on the sides to respect the ceasefire.", "agent-osce-mg-cochairs-envoys"),
    # the co-chair countries are another agent than the three envoys (the data's own labels)
    ("The Minsk Group co-chair countries called on the sides to respect the ceasefire.", "agent-osce-mg-cochairs"),
    # a name and its role between commas before ", said": the role's body speaks, not what follows the cue
    ("On Wednesday, Aram Vardanyan, the ombudsman of the unrecognized Nagorno-Karabakh Republic, said troops "
     "shelled the village.", "agent-artsakh-human-rights-defender"),
    ("Aram Vardanyan, spokesman of the Artsakh Emergency Situations Service, said the blast killed two people.",
     "agent-artsakh-emergency-service"),
])
def test_a_body_is_found_by_the_names_articles_use(text: str, agent: str, lex: Lexicon) -> None:
    assert _claimants(text, lex)[:1] == [agent]


def test_without_the_lexicon_of_bodies_these_names_find_no_body(res: Resources, lex: Lexicon) -> None:
    bare = Lexicon(agents=dict(lex.agents), contested=dict(lex.contested))
    for key, iris in lex.agent_keys.items():
        bare.agent_keys[key] = {i for i in iris if i != CKR + "agent-icrc"}
    assert "agent-icrc" not in _claimants("The ICRC issued a statement saying that its vehicles were searched.", bare)


def test_a_body_the_data_does_not_record_is_proposed_with_its_label_side_and_source(lex: Lexicon) -> None:
    text = "Azerbaijan Media Development Agency has said that two journalists were killed by a mine."
    draft = draft_article(text, ArticleMeta("https://example.org/x", "", date(2021, 6, 4)), lex)
    assert [c.claimant.removeprefix(CKR) for c in draft.claims] == ["agent-az-media-development-agency"]
    assert draft.new_agents == {CKR + "agent-az-media-development-agency": "Media Development Agency of Azerbaijan"}
    notes = " ".join(draft.claims[0].notes)
    assert "not in the data yet" in notes and "Azerbaijan" in notes and "https://armenianclub.com/" in notes
    trig = to_trig(draft, lex, "x")
    assert 'ckr:agent-az-media-development-agency a ck:Agent ;' in trig
    assert '"Media Development Agency of Azerbaijan"' in trig


def test_one_sides_wording_of_a_body_is_noted(lex: Lexicon) -> None:
    draft = draft_article("The Artsakh National Security Service said troops fired at the village.",
                          ArticleMeta("https://example.org/x", "", date(2023, 9, 25)), lex)
    assert any("armenian usage" in n for n in draft.claims[0].notes)


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bodies.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "message"), [
    ('[bodies.agent-icrc]\nside = "agent-azerbaijan"\nnames = ["ICRC"]\nsource = "https://example.org/a"\n',
     "is not the data's"),
    ('[bodies.agent-no-such-body]\nside = ""\nnames = ["X Y"]\nsource = "https://example.org/a"\n',
     "has no label"),
    ('[bodies.agent-icrc]\nside = ""\nlabel = "Red Cross"\nnames = ["ICRC"]\nsource = "https://example.org/a"\n',
     "its label is the data's"),
    ('[bodies.agent-icrc]\nside = ""\nnames = ["ICRC"]\n', "needs source"),
    ('[bodies.agent-icrc]\nside = ""\nnames = []\nsource = "https://example.org/a"\n', "non-empty list"),
    ('[bodies.agent-x]\nside = "agent-az-mod"\nlabel = "X"\nnames = ["X"]\nsource = "https://example.org/a"\n',
     "no state or authority"),
    ('[bodies.agent-icrc]\nside = ""\nnames = ["ICRC"]\nsource = "https://example.org/a"\nalias = ["x"]\n',
     "unknown keys alias"),
    ("[bodies.agent-icrc\n", "cannot read"),
])
def test_a_wrong_file_is_refused_with_what_to_fix(text: str, message: str, tmp_path: Path, lex: Lexicon) -> None:
    path = _file(tmp_path, text)
    copy = Lexicon(agents=dict(lex.agents))
    with pytest.raises(InputError, match=message):
        add_bodies(copy, read_bodies(path), path)


def test_nothing_to_do_with_it_is_a_denial(lex: Lexicon) -> None:
    draft = draft_article("Azerigaz said it had nothing to do with the gas supply cut.",
                          ArticleMeta("https://example.org/x", "", date(2022, 4, 3)), lex)
    assert [(c.claimant.removeprefix(CKR), c.stance) for c in draft.claims] == [("agent-azerigaz", "denies")]


def test_a_closing_said_after_a_plain_clause_still_ends_the_sentence(lex: Lexicon) -> None:
    text = "Azerbaijani forces fired at Armenian posts near Sotk overnight, the Armenian Defense Ministry said."
    assert _claimants(text, lex) == ["agent-am-mod"]


def _stance(text: str) -> str:
    from conflictkg.drafting import stance
    return stance.sentence_stance(text, stance.find_cues(text, []))


def test_a_statement_urging_the_sides_calls_on_them() -> None:
    assert _stance("The co-chairs issued a statement on May 5, urging the sides to complete the exchange.") == "calls-on"
    assert _stance("The ministry issued a statement, urging “all parties” to show restraint.") == "calls-on"


def test_a_commitment_to_principles_is_no_reading_of_the_statement() -> None:
    assert _stance("In order to show its commitment to the principles of humanism, Baku handed over ten men, "
                   "the commission said.") == "reports"
    assert _stance("The minister said Azerbaijan remains committed to the trilateral statement.") == "interprets"
