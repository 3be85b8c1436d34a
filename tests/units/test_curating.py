"""The review library (conflictkg.curating): the form model's round trip, dropping claims, the
file name and overwrite rules, and validation on save."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from conflictkg.curating import (ClaimForm, Workbench, from_claim, incident_path, kept_claims, read_form, save_incident,
                                 to_claim, write_form)
from conflictkg.curating.form import parse_figures
from conflictkg.drafting import ArticleMeta
from conflictkg.drafting.model import DraftClaim, EventDraft, Figure
from conflictkg.errors import InputError
from conflictkg.resources import Resources

ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "drafting" / "farrukh-report.txt"
CKR = "https://w3id.org/conflictkg/resource/"
EDITABLE = ("claimant", "stance", "sentences", "claim_date", "date_basis", "named_agreement", "named_points",
            "implied_points", "accused", "places", "figures", "quote", "responds_to", "events", "notes")


def claim(**kw: object) -> DraftClaim:
    base = dict(claimant=CKR + "agent-ru-mod", stance="alleges", sentences=[0, 1], claim_date=date(2022, 3, 26),
                date_basis="on Saturday", named_agreement=True, named_points={4}, implied_points={1, 3},
                accused=CKR + "agent-azerbaijan", places=[CKR + "place-parukh-farrukh"],
                figures=[Figure("killed", 2, 2, "soldiers"), Figure("wounded", 6, 8, "others", "at least")],
                events=[EventDraft("ground-advance")], quote="units moved", responds_to=None, notes=["check it"])
    base.update(kw)
    return DraftClaim(**base)  # type: ignore[arg-type]


def fields_of(c: DraftClaim) -> dict[str, object]:
    return {k: getattr(c, k) for k in EDITABLE}


@pytest.mark.parametrize("drafted", [claim(), claim(claim_date=date(2022, 3, 20), date_basis="carried from the claim reported before it"),
                                     claim(claim_date=None, date_basis="", accused="", figures=[], quote="", responds_to=0)])
def test_form_round_trip_through_posted_fields(drafted: DraftClaim) -> None:
    form = from_claim(drafted)
    posted = {k: list(v) for k, v in write_form(form, 3).items()}
    back = read_form(posted, 3)
    assert back == form
    assert fields_of(to_claim(back, 4, drafted)) == fields_of(drafted)


def test_a_carried_date_stays_a_proposal_and_a_typed_date_is_the_curators() -> None:
    form = from_claim(claim(claim_date=date(2022, 3, 20), date_basis="carried from the publication date"))
    assert (form.claim_date, form.proposed_date) == ("", "2022-03-20")
    stated = to_claim(dataclasses.replace(form, claim_date="2022-03-21"), 1)
    assert (stated.claim_date, stated.date_basis) == (date(2022, 3, 21), "set by the curator")


def test_an_unchecked_keep_box_drops_the_claim_and_replies_are_renumbered() -> None:
    drafted = [claim(), claim(stance="denies", responds_to=0), claim(stance="calls-on", responds_to=1)]
    forms = [from_claim(c) for c in drafted]
    forms[0] = read_form({"c0-claimant": [CKR + "agent-ru-mod"]}, 0)  # no c0-keep: the box is unticked
    kept = kept_claims(forms, drafted)
    assert [c.stance for c in kept] == ["denies", "calls-on"]
    assert [c.responds_to for c in kept] == [None, 0]
    with pytest.raises(InputError, match="every claim was dropped"):
        kept_claims([dataclasses.replace(f, keep=False) for f in forms], drafted)


def test_bad_figures_dates_and_a_missing_claimant_are_refused_with_a_hint() -> None:
    assert parse_figures("killed 2 soldiers\n\nwounded 6-8 (up to)", 1) == [
        Figure("killed", 2, 2, "soldiers"), Figure("wounded", 6, 8, "", "up to")]
    for text in ("several were killed", "wounded 8-6 civilians"):
        with pytest.raises(InputError) as exc:
            parse_figures(text, 2)
        assert exc.value.hint and "claim 2" in exc.value.message
    with pytest.raises(InputError, match="not a date"):
        to_claim(ClaimForm(claimant=CKR + "agent-ru-mod", claim_date="26/03/2022"), 1)
    with pytest.raises(InputError, match="no claimant"):
        to_claim(ClaimForm(), 1)


@pytest.mark.parametrize("name", ["../escape.trig", "sub/inner.trig", "/etc/passwd.trig", "x.ttl", ".hidden.trig",
                                  "a..b.trig", "", "name with space.trig", "nul\x00.trig"])
def test_file_names_that_could_leave_the_folder_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError):
        incident_path(tmp_path, name)
    with pytest.raises(InputError):
        save_incident(tmp_path, name, "x")
    assert list(tmp_path.iterdir()) == []


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "incidents"
    folder.mkdir()
    (folder / "link.trig").symlink_to(tmp_path / "outside.trig")
    with pytest.raises(InputError, match="leads out"):
        save_incident(folder, "link.trig", "x", overwrite=True)
    assert not (tmp_path / "outside.trig").exists()


def test_an_existing_file_is_replaced_only_when_asked(tmp_path: Path) -> None:
    path = save_incident(tmp_path, "2022-03-26-a.trig", "first")
    with pytest.raises(InputError, match="already exists") as exc:
        save_incident(tmp_path, "2022-03-26-a.trig", "second")
    assert "replace the existing file" in (exc.value.hint or "")
    assert path.read_text(encoding="utf-8") == "first"
    save_incident(tmp_path, "2022-03-26-a.trig", "second", overwrite=True)
    assert path.read_text(encoding="utf-8") == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2022-03-26-a.trig"]  # no temporary file left


@pytest.fixture(scope="module")
def workbench(res: Resources, tmp_path_factory: pytest.TempPathFactory) -> Workbench:
    return Workbench(res, tmp_path_factory.mktemp("incidents"))


def test_draft_review_save_validates_the_file_alone(workbench: Workbench) -> None:
    meta = ArticleMeta("https://example.org/news/farrukh-standoff", "", date(2022, 3, 26))
    review = workbench.start(ARTICLE.read_text(encoding="utf-8"), ".txt", meta)
    assert review.file_name == "2022-03-26-farrukh-standoff.trig"
    assert workbench.review(review.id) is review
    forms = [dataclasses.replace(f, stance="interprets") if i == 1 else f for i, f in enumerate(review.forms)]
    forms[0] = dataclasses.replace(forms[0], keep=False)
    saved = workbench.save(review, forms, review.file_name, overwrite=False)
    assert saved.check.conforms and saved.check.problems == ()
    text = saved.path.read_text(encoding="utf-8")
    assert saved.claims == len(forms) - 1 and text.count(" a ck:Claim ,") == saved.claims
    assert "ck:stance ckv:stance-interprets" in text and "agent-ru-mod" not in text.split("ckg:claims {")[1]
    # the counter-allegation answered the Russian MoD's claim, left out: it is written as an allegation, with a note
    # (a counter-allegation must name what it answers: check counter-allegation-without-response)
    assert [f.stance for f in forms].count("counter-alleges") == 1 and "stance-counter-alleges" not in text
    assert "proposed as a counter-allegation, but it answers no claim of this draft" in text
    # a mistyped place: only this file's problem, with the validator's suggestion
    forms[2] = dataclasses.replace(forms[2], places=(CKR + "place-parukh-farruk",), keep=True)
    review.draft.claims[2].events.append(EventDraft("shelling", places=(CKR + "place-parukh-farruk",)))
    bad = workbench.save(review, forms, "2022-03-26-mistyped.trig", overwrite=False)
    assert not bad.check.conforms
    assert {p.node for p in bad.check.problems} == {"ckr:place-parukh-farruk"}
    assert all("did you mean ckr:place-parukh-farrukh" in p.message for p in bad.check.problems)
    assert all("<http" not in p.message for p in bad.check.problems)  # IRIs written compactly, as ckr:…


@pytest.mark.parametrize(("field", "value"), [("places", ("Parukh",)), ("places", ("http://x> . ckr:evil a ck:Claim . <http://y",)),
                                              ("accused", "agent-azerbaijan"), ("claimant", "javascript:alert(1)"),
                                              ("stance", "praises")])
def test_only_iris_and_known_stances_can_enter_the_file(field: str, value: object) -> None:
    form = dataclasses.replace(from_claim(claim()), **{field: value})
    with pytest.raises(InputError) as exc:
        to_claim(form, 1)
    assert exc.value.hint


def test_a_compact_ckr_iri_is_expanded() -> None:
    form = dataclasses.replace(from_claim(claim()), places=("ckr:place-parukh-farrukh",))
    assert to_claim(form, 1).places == [CKR + "place-parukh-farrukh"]


def test_a_drafters_file_reads_back_as_the_same_draft(workbench: Workbench, tmp_path: Path) -> None:
    from conflictkg.curating import read_draft
    from conflictkg.drafting import draft_article, to_trig

    lexicon = workbench.tables()[0]
    text = ARTICLE.read_text(encoding="utf-8")
    drafted = draft_article(text, ArticleMeta("https://example.org/news/farrukh-standoff", "", date(2022, 3, 26)), lexicon)
    path = tmp_path / "2022-03-26-farrukh-standoff.trig"
    path.write_text(to_trig(drafted, lexicon), encoding="utf-8")
    back = read_draft(path, text)
    assert back.sentences == drafted.sentences and back.meta == drafted.meta and back.source == drafted.source
    same = ("claimant", "stance", "sentences", "claim_date", "named_agreement", "named_points", "implied_points",
            "accused", "quote", "responds_to", "figures", "events")

    def fields(c: DraftClaim) -> dict[str, object]:  # RDF keeps no order of an event's places
        events = [dataclasses.replace(e, places=tuple(sorted(e.places))) for e in c.events]
        return {**{k: getattr(c, k) for k in same}, "events": events}

    assert [fields(c) for c in back.claims] == [fields(c) for c in drafted.claims]

    def claims_graph(text: str) -> str:
        return text.split("ckg:claims {")[1].split("\n}\n")[0]

    assert claims_graph(to_trig(back, lexicon)) == claims_graph(to_trig(drafted, lexicon))


def test_only_the_drafters_files_are_opened(workbench: Workbench, tmp_path: Path) -> None:
    from conflictkg.curating import read_draft

    curated = Path(__file__).resolve().parents[2] / "data" / "incidents" / "2022-03-24-parukh-farrukh.trig"
    with pytest.raises(InputError, match="not a draft file"):
        read_draft(curated)
