"""Unit tests of the drafting modules, on short sentences written for these tests."""

from __future__ import annotations

from datetime import date

from conflictkg.drafting import dates, figures, points, quotes, sentences, stance, text
from conflictkg.drafting.model import DraftClaim
from conflictkg.drafting.trig import lit, slug_of, written_stance


def test_sentences_keep_quotations_and_abbreviations_whole() -> None:
    para = ('"We saw two posts. Both were new," the spokesman said. Gen. Ivanov disagreed on Nov. 3. '
            "The talks ended.")
    assert sentences.split_paragraph(para) == [
        '"We saw two posts. Both were new," the spokesman said.', "Gen. Ivanov disagreed on Nov. 3.",
        "The talks ended."]


def test_sentences_number_paragraphs() -> None:
    found = sentences.split_sentences("One line here.\n\nSecond para. Still second.")
    assert [(s.index, s.paragraph) for s in found] == [(0, 0), (1, 1), (2, 1)]


def test_weekdays_resolve_to_the_last_such_day_on_or_before_publication() -> None:
    ref = date(2022, 3, 27)  # a Sunday
    found = dates.find_dates("late on Saturday and on Sunday", ref)
    assert [d.begin for d in found] == [date(2022, 3, 26), date(2022, 3, 27)]
    assert dates.find_dates("on Saturday", None)[0].begin is None


def test_day_ranges_and_years() -> None:
    ref = date(2022, 3, 27)
    (d,) = dates.find_dates("on March 24 and 25", ref)
    assert (d.begin, d.end_date, d.precision) == (date(2022, 3, 24), date(2022, 3, 25), "precision-days-range")
    (d,) = dates.find_dates("from 30 December", date(2023, 1, 2))
    assert d.begin == date(2022, 12, 30)


def test_a_documents_date_is_not_an_event_date() -> None:
    assert dates.find_dates("they broke the November 9, 2020 statement", date(2022, 3, 27)) == []
    ref = dates.reference_date(None, ["signed on November 10, 2020", "on 5 March 2023"])
    assert ref == dates.Reference(date(2023, 3, 5), after=True)
    assert dates.find_dates("on Monday", ref.day, ref.after)[0].begin == date(2023, 3, 6)  # 5 March 2023 was a Sunday


def test_named_points_need_the_statement_and_not_another_document() -> None:
    assert points.named_points("in line with point 4 of the trilateral statement") == {4}
    assert points.named_points("paragraphs 3 and 9 of this statement") == {3, 9}
    assert points.named_points("Article 1 of the Declaration on Allied Interaction of the statement") == set()
    assert points.named_points("point 4 was raised") == set()
    assert points.named_points("the sixth point", context="the November 10 statement") == {6}
    assert points.statement_named("the November 9 agreement") and not points.statement_named("a good deal")


def test_implied_points_follow_the_topic() -> None:
    assert points.implied_points("drones struck positions in the peacekeepers' zone") == {1, 3}
    assert points.implied_points("the Lachin corridor was closed") == {6}
    assert points.implied_points("the exchange of prisoners stalled") == {8}
    assert points.implied_points("talks on unblocking transport links") == {9}


def test_figures_are_ranges_with_their_group() -> None:
    found = figures.find_figures("two soldiers were killed and at least 6 others were wounded")
    assert [(f.kind, f.low, f.high, f.group, f.qualifier) for f in found] == [
        ("killed", 2, 2, "soldiers", ""), ("wounded", 6, 6, "others", "at least")]
    assert [(f.kind, f.low) for f in figures.find_figures("no cases of injuries among servicemen")] == [("wounded", 0)]


def test_quotes_are_verbatim_and_short() -> None:
    long = "“" + " ".join(f"w{i}," if i == 10 else f"w{i}" for i in range(40)) + "”"
    (q,) = quotes.quotations(long + " he said.")
    assert q == " ".join(f"w{i}" for i in range(11))
    assert quotes.quotations('the term "Nagorno-Karabakh" is rejected') == []


def test_stance_cues() -> None:
    def of(s: str) -> str:
        return stance.sentence_stance(s, stance.find_cues(s, quotes.quoted_spans(s)))

    assert of("The ministry denied the claims.") == "denies"
    assert of("The ministry accused Baku of shelling.") == "alleges"
    assert of("The ministry urged both sides to show restraint.") == "calls-on"
    assert of("The minister said point 9 does not provide for a corridor.") == "interprets"
    assert of("The minister said the sides retain jurisdiction over the roads.") == "interprets"
    assert of("She said the role of the guards is written in those statements.") == "interprets"
    assert of("The ministry said talks continued.") == "reports"


def test_text_from_html_drops_boilerplate() -> None:
    html = ("<html><body><nav>Home | Subscribe</nav><article><p>" + "The ministry said the talks went on. " * 5
            + "</p></article><footer>Cookie settings</footer></body></html>")
    plain = text.article_text(html, ".html")
    assert "talks went on" in plain and "Subscribe" not in plain and "Cookie" not in plain
    assert text.markdown_to_text("## Title\n\nSome **bold** [link](http://x)") == "Title\n\nSome bold link"


def test_trig_helpers() -> None:
    assert lit('say "no"\n') == '"say \\"no\\" "@en'
    assert slug_of("https://example.org/news/2022/Baku-Rejects-Claims/", "x") == "baku-rejects-claims"


def test_call_cues_include_called_for() -> None:
    s = "The ministry called for the road to be reopened."
    assert stance.sentence_stance(s, stance.find_cues(s, [])) == "calls-on"


def test_a_counter_allegation_is_written_as_one_only_when_it_answers_a_claim_of_the_draft() -> None:
    answering = DraftClaim(claimant="ckr:agent-az-mod", stance="counter-alleges", responds_to=0)
    assert written_stance(answering) == "counter-alleges"
    unanswered = DraftClaim(claimant="ckr:agent-az-mod", stance="counter-alleges")
    assert written_stance(unanswered) == "alleges"  # the check counter-allegation-without-response would refuse it
    assert written_stance(DraftClaim(claimant="ckr:agent-az-mod", stance="denies")) == "denies"
