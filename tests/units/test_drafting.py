"""End to end: draft the own-words fixture article, check what is proposed, and validate the
draft with the shipped data (it must conform)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conflictkg.build import check
from conflictkg.build import shipped_lexicon
from conflictkg.cli import main
from conflictkg.drafting import ArticleMeta, Lexicon, draft_article, draft_file
from conflictkg.drafting.text import read_article
from conflictkg.rdf.namespaces import CKR
from conflictkg.resources import Resources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "drafting"
META = ArticleMeta("https://example.org/news/farrukh-standoff", "Asbarez", date(2022, 3, 28), "Standoff")


@pytest.fixture(scope="module")
def lex(res: Resources) -> Lexicon:
    return shipped_lexicon(res)


def _by(draft, claimant: str, stance: str):
    return next(c for c in draft.claims if c.claimant == CKR + claimant and c.stance == stance)


def test_claimants_and_stances(lex: Lexicon) -> None:
    draft = draft_article(read_article(FIXTURES / "farrukh-report.txt"), META, lex)
    got = sorted((c.claimant.removeprefix(CKR), c.stance) for c in draft.claims)
    assert got == [("agent-am-mfa", "calls-on"), ("agent-artsakh", "reports"), ("agent-az-mod", "counter-alleges"),
                   ("agent-az-mod", "denies"), ("agent-ru-mod", "alleges")]
    assert CKR + "agent-asbarez" not in {c.claimant for c in draft.claims}  # every sentence is attributed


def test_dates_points_accused_places(lex: Lexicon) -> None:
    draft = draft_article(read_article(FIXTURES / "farrukh-report.txt"), META, lex)
    ru = _by(draft, "agent-ru-mod", "alleges")
    assert ru.claim_date == date(2022, 3, 26) and ru.accused == CKR + "agent-azerbaijan"
    assert ru.named_agreement and ru.named_points == set() and ru.implied_points == {1, 3}  # crossing: point 1
    assert CKR + "place-parukh-farrukh" in ru.places
    assert ru.quote.startswith("Azerbaijani troops crossed")
    assert {(e.event_type, e.begin, e.end) for e in ru.events} >= {("ground-advance", date(2022, 3, 24), date(2022, 3, 25))}
    denial = _by(draft, "agent-az-mod", "denies")
    assert denial.claim_date == date(2022, 3, 27) and draft.claims.index(ru) == denial.responds_to
    counter = _by(draft, "agent-az-mod", "counter-alleges")
    assert counter.named_points == {4} and counter.accused == CKR + "agent-armenia"  # Article 1 is another document's
    report = _by(draft, "agent-artsakh", "reports")
    assert [(f.kind, f.low) for f in report.figures] == [("killed", 2), ("wounded", 6)]


def test_draft_validates_with_the_shipped_data(tmp_path: Path, res: Resources, lex: Lexicon) -> None:
    _draft, text = draft_file(FIXTURES / "farrukh-report.txt", META, lex)
    assert "ck:draftNote" in text and "crossed into the area" in text  # the short quote, nothing more
    assert "rejected the account as one-sided" not in text  # narration never enters the draft
    out = tmp_path / "draft.trig"
    out.write_text(text, encoding="utf-8")
    _staged, result = check(res, [out], reason=False)
    assert result.report.conforms
    _staged.store.close()


def test_html_article_and_cli(tmp_path: Path, res: Resources) -> None:
    out = tmp_path / "draft.trig"
    with pytest.raises(SystemExit) as exit_info:
        main(["--root", str(res.root), "draft", str(FIXTURES / "farrukh-report.html"), "--published", "2022-03-28",
              "--publisher", "Asbarez", "--url", "https://example.org/x", "-o", str(out)])
    assert exit_info.value.code == 0
    text = out.read_text(encoding="utf-8")
    assert "ckr:agent-ru-mod" in text and "ckr:agent-az-mod" in text and "Subscribe" not in text


def test_bad_input_is_an_error_not_a_traceback(tmp_path: Path, res: Resources, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["--root", str(res.root), "draft", str(empty)])
    assert exit_info.value.code == 1 and "Error:" in capsys.readouterr().err


def test_a_named_spokesperson_is_the_claimant_and_an_office_speaks_for_its_body(lex: Lexicon) -> None:
    text = "Russian foreign ministry spokesperson Maria Zakharova said on Monday that talks would go on."
    draft = draft_article(text, META, lex)
    assert [(c.claimant.removeprefix(CKR), c.stance) for c in draft.claims] == [("agent-zakharova", "reports")]
    alone = draft_article("Maria Zakharova said on Monday that talks would go on.", META, lex)
    assert [c.claimant.removeprefix(CKR) for c in alone.claims] == ["agent-zakharova"]
    assert any("speaks for Ministry of Foreign Affairs" in n and "org:holds" in n for n in alone.claims[0].notes)
    office = draft_article("Pashinyan's office said on Monday that talks would go on.", META, lex)
    assert [c.claimant.removeprefix(CKR) for c in office.claims] == ["agent-am-government"]


def test_an_unknown_speaker_becomes_a_new_agent_not_the_outlet(tmp_path: Path, res: Resources, lex: Lexicon) -> None:
    article = tmp_path / "mayor.txt"
    article.write_text("Aram Vardanyan, the mayor of a border town, said on Monday that shelling hit two houses.\n",
                       encoding="utf-8")
    draft, text = draft_file(article, META, lex)
    assert [(c.claimant, c.stance, c.new_claimant) for c in draft.claims] == [
        (CKR + "agent-draft-aram-vardanyan", "reports", True)]
    assert 'ckr:agent-draft-aram-vardanyan a ck:Agent' in text
    out = tmp_path / "draft.trig"
    out.write_text(text, encoding="utf-8")
    staged, result = check(res, [out], reason=False)
    staged.store.close()
    assert result.report.conforms


def test_binary_and_oversized_files_are_input_errors(tmp_path: Path, res: Resources, capsys) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    big = tmp_path / "big.txt"
    big.write_text("The ministry said talks went on. " * 20000, encoding="utf-8")
    for path in (binary, big):
        with pytest.raises(SystemExit) as exit_info:
            main(["--root", str(res.root), "draft", str(path)])
        err = capsys.readouterr().err
        assert exit_info.value.code == 1 and f"Error: {path}" in err and "Traceback" not in err


def test_a_named_minister_is_the_claimant(lex: Lexicon) -> None:
    for text in ("Russian Foreign Minister Sergey Lavrov said on Thursday that talks would resume.",
                 "Talks between Russia, Armenia and Azerbaijan will resume, Russian Foreign Minister Sergey Lavrov said."):
        draft = draft_article(text, META, lex)
        assert [c.claimant.removeprefix(CKR) for c in draft.claims] == ["agent-lavrov"], text
