"""The audit of the data against research notes (``conflictkg audit``), on small fixtures.

The real notes are not part of the repository, so these tests use ``tests/fixtures/notes`` (a
miniature in the project's own words) and ``tests/fixtures/audit-root`` (a miniature dataset).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conflictkg.audit import NOTES_DIR, Finding, audit_data, default_notes_dir, load_notes
from conflictkg.cli import main
from conflictkg.errors import InputError
from conflictkg.rdf.namespaces import CKR
from conflictkg.resources import Resources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NOTES = FIXTURES / "notes"
ROOT = FIXTURES / "audit-root"


def with_data(tmp_path: Path, old: str, new: str) -> Resources:
    """A copy of the fixture dataset with one piece of text replaced."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "fixture.trig"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return Resources(tmp_path)


def test_the_notes_bear_out_the_fixture_data() -> None:
    assert audit_data(Resources(ROOT), NOTES) == []


def test_a_url_not_in_the_notes_is_reported(tmp_path: Path) -> None:
    res = with_data(tmp_path, "news/river-crossing>", "news/invented>")
    assert audit_data(res, NOTES) == [
        Finding("source url not in the notes", CKR + "source-river", "https://example.org/news/invented")]


def test_a_page_read_in_a_stored_copy_needs_no_note(tmp_path: Path) -> None:
    """Its address and the quotes taken from it are checked in the audit log (data/audit/), not
    against the notes, which do not hold it; without the mark both are reported."""
    res = with_data(tmp_path, '"Read in the stored copy', '"Seen somewhere')
    assert [(f.check, f.subject) for f in audit_data(res, NOTES)] == [
        ("quote not verbatim in the chronology", CKR + "claim-stored"),
        ("source url not in the notes", CKR + "source-stored")]


def test_a_clause_text_not_in_the_statement_notes_is_reported(tmp_path: Path) -> None:
    res = with_data(tmp_path, '"shall stop all fire"', '"shall stop all firing"')
    assert audit_data(res, NOTES) == [
        Finding("clause text not in the notes", CKR + "clausetext-fixture-1", "shall stop all firing")]


def test_quotes_are_checked_against_their_own_source(tmp_path: Path) -> None:
    """A seed-article quote is looked for in the article only, the others in the chronology only."""
    res = with_data(tmp_path, "ck:quoteSource ckr:source-river .\n  ckr:claim-b",
                    "ck:quoteSource ckr:source-asbarez-2022-03-parukh .\n  ckr:claim-b")
    assert audit_data(res, NOTES) == [
        Finding("quote not verbatim in the seed article", CKR + "claim-a",
                "The other side opened fire near the river crossing")]


def test_a_changed_quote_is_reported_and_findings_are_sorted(tmp_path: Path) -> None:
    res = with_data(tmp_path, "counted four strikes", "counted five strikes")
    findings = audit_data(res, NOTES)
    assert [f.check for f in findings] == ["quote not verbatim in the seed article"]
    assert findings == sorted(findings)


def test_the_article_is_only_what_follows_the_marker() -> None:
    notes = load_notes(NOTES)
    assert "four strikes" in notes.article and "Notes about the article" not in notes.article
    assert "river crossing" in notes.chronology  # the quote wraps across lines in the file


def test_missing_notes_say_where_they_were_looked_for(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        audit_data(Resources(ROOT), tmp_path / "nowhere")
    assert "nowhere" in str(err.value) and "--notes" in str(err.value)


def test_default_notes_sit_beside_the_root() -> None:
    assert default_notes_dir(Resources(Path("/x/conflictkg"))) == Path("/x") / NOTES_DIR


def test_cli_audit_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ok:
        main(["--root", str(ROOT), "audit", "--notes", str(NOTES)])
    assert ok.value.code == 0
    res = with_data(tmp_path, "counted four strikes", "counted five strikes")
    capsys.readouterr()
    with pytest.raises(SystemExit) as bad:
        main(["--root", str(res.root), "audit", "--notes", str(NOTES)])
    out, err = capsys.readouterr()
    assert bad.value.code == 3
    assert "claim-seed" in out and "Error: 1 value(s)" in err
    with pytest.raises(SystemExit) as missing:
        main(["--root", str(ROOT), "audit", "--notes", str(tmp_path / "nowhere")])
    assert missing.value.code == 1
