"""The curator's path: the template conforms, and mistakes are explained with hints."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO, run_cli

TEMPLATE = REPO / "docs" / "curating" / "incident-template.trig"


def test_template_conforms(built_store: Path) -> None:
    proc = run_cli("validate", str(TEMPLATE), store=built_store)
    assert proc.returncode == 0, proc.stderr
    assert "Conforms: 0 error(s)" in proc.stdout


def test_mistyped_clause_and_place_get_closest_known(tmp_path: Path, built_store: Path) -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("ck:impliedBreachOf ckr:agreement-tri2020-p1 ;", "ck:impliedBreachOf ckr:agreement-tri2020-p10 ;")
    text = text.replace("ck:atPlace ckr:place-parukh-farrukh ;", "ck:atPlace ckr:place-fərrux ;")
    bad = tmp_path / "mistyped.trig"
    bad.write_text(text, encoding="utf-8")
    proc = run_cli("validate", str(bad), store=built_store)
    assert proc.returncode == 3
    lines = proc.stderr.splitlines()
    clause = next(line for line in lines if "ckr:agreement-tri2020-p10:" in line)
    assert clause.startswith(f"{bad}: error:") and "did you mean ckr:agreement-tri2020-p1" in clause
    place = next(line for line in lines if "ckr:place-fərrux:" in line)
    assert "did you mean ckr:place-parukh-farrukh" in place


def test_missing_source_and_long_quote_are_explained(tmp_path: Path, built_store: Path) -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("      ck:citedIn ckr:source-example-article ;                   # ck:statedIn", "      # ck:statedIn")
    text = text.replace('"REPLACE: at most 25 words, verbatim"@en', '"' + " ".join(["word"] * 26) + '"@en')
    bad = tmp_path / "unsourced.trig"
    bad.write_text(text, encoding="utf-8")
    proc = run_cli("validate", str(bad), store=built_store)
    assert proc.returncode == 3
    assert "A claim must name its source" in proc.stderr
    assert "quotation has 26 words" in proc.stderr
