"""The ontology page in a real browser: ``/ontology#Claim`` lands on the class's entry, a superclass
link jumps to its entry on the same page, and a stance on a claim's page opens its concept on
``/vocab``."""

from __future__ import annotations


def in_view(page, selector: str) -> bool:
    return page.evaluate(f"""(() => {{ const r = document.querySelector({selector!r}).getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight; }})()""")


def test_an_anchor_lands_on_its_term_and_superclass_links_stay_on_the_page(page, live_server):
    page.goto(live_server + "/ontology#Claim")
    assert page.locator("article.term:target").get_attribute("id") == "Claim"
    assert in_view(page, "#Claim")
    page.locator('#Allegation dd a[href="/ontology#Claim"]').click()
    page.wait_for_function("location.hash === '#Claim'")
    assert in_view(page, "#Claim") and page.url.startswith(live_server + "/ontology")
    page.locator('#inExpression dd a[href="/ontology#TextVariant"]').click()
    page.wait_for_function("location.hash === '#TextVariant'")
    assert in_view(page, "#TextVariant")


def test_a_stance_on_a_claim_page_opens_its_concept_on_the_vocabularies_page(page, live_server):
    page.goto(live_server + "/resource/claim-am-mfa-2022-03-24-gross-violation")
    page.locator('a[href="/vocab#stance-alleges"]').first.click()
    page.wait_for_url("**/vocab#stance-alleges")
    assert in_view(page, "tr#stance-alleges")
    assert "alleges" in page.locator("tr#stance-alleges").inner_text()
