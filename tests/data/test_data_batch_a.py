"""Incidents of chronology records 1-12 (data/incidents/, batch A).

Records INC-2020-11-10-terter ... INC-2021-10-14-norshen of the research notes' chronology (chronology.yaml).
Expected values are read off the chronology record by hand: claimants, claim dates, stances,
points named (ck:allegesBreachOf / ck:concernsProvision) vs implied (ck:impliedBreachOf),
casualty figures and source URLs. The whole data directory is loaded and checked once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictkg.rdf.namespaces import CKR, CKV
from tests.conftest import SPARQL_PREFIXES as PREFIXES

ROOT = Path(__file__).resolve().parents[2]

FILES = [
    "2020-11-10-terter.trig", "2020-11-26-sur.trig", "2020-12-08-hadrut-azercell.trig",
    "2020-12-11-khtsaberd-hin-tagher.trig", "2020-12-27-akaku.trig", "2020-12-14-pow-dispute.trig",
    "2021-03-05-zangezur-rhetoric.trig", "2021-05-12-sev-lich.trig", "2021-05-27-kut-capture.trig",
    "2021-08-11-stop-vs-remain.trig", "2021-10-09-martakert-farmer.trig", "2021-10-14-norshen.trig",
]

# incident -> number of claims (record claims + casualty-row report claims)
CLAIM_COUNTS = {
    "2020-11-10-terter": 1, "2020-11-26-sur": 2, "2020-12-08-hadrut-azercell": 1,
    # pow-dispute: + the PACE Monitoring Committee (April 2021) and PACE's resolution (27 September 2021) on
    # article 8 (session 19, rl); + Armenia's ambassador at the OSCE (10 June 2021, session 20, pe)
    # session 21 (sb), point-8 probes: + Aliyev receiving Akar (31 December 2020: "terrorists", not prisoners of war) and
    # Tatoyan on point 8 (1 and 8 January 2021, and his letter to the Minsk Group co-chairs of 18 January 2021)
    # session 22: + the Azerbaijani MFA on the EU spokesperson (30 January 2021, not prisoners of war; p8), Armenia's
    # MoD with the ICRC (Vagharshak Harutyunyan, 11 June 2021; p8), Kristinne Grigoryan in Paris (27 April 2022; p8),
    # Schiff's H.Res.240 (16 March 2021; tq)
    # khtsaberd-hin-tagher: + Borrell, 17 December 2020 (session 20, pe)
    "2020-12-11-khtsaberd-hin-tagher": 18, "2020-12-27-akaku": 3, "2020-12-14-pow-dispute": 26,
    # sev-lich: + the Azerbaijani MFA of May 2021 (session 12, episodes); + Putin's call with Pashinyan, 13 May 2021
    # (session 20, pa)
    # zangezur-rhetoric: + Pashinyan in Syunik, April 2021 (no corridor in the 9 November statement; undated, a
    # dateNote says why; session 21, sc)
    "2021-03-05-zangezur-rhetoric": 4, "2021-05-12-sev-lich": 13,
    # session 22 (p8): + Leyla Abdullayeva on Twitter (May 2021: the infiltration a violation of the trilateral agreement)
    "2021-05-27-kut-capture": 5,
    "2021-08-11-stop-vs-remain": 5, "2021-10-09-martakert-farmer": 4,
    "2021-10-14-norshen": 6,  # +1 session 18: the Artsakh MoD on the ambulance (15 October 2021)
}

# claim slug -> (claimant, date or None, stance, named points, implied points)
#   named: clause numbers or "A" for the agreement, via allegesBreachOf or concernsProvision
CLAIMS = {
    # audit (issue #12): no stored copy of its page; the chronology's date is not given (a dateNote says why)
    "az-mod-2020-11-10-terter-shelling": ("agent-az-mod", None, "alleges", set(), {1}),
    "az-mod-2020-12-13-sur-attack": ("agent-az-mod", "2020-12-13", "alleges", set(), {1, 4}),
    "tr-mfa-undated-khojavend-attacks": ("agent-hami-aksoy", "2020-12-28", "alleges", {"A"}, {1, 4}),  # session 16 re-audit: the ministry's own Arabic page names its spokesperson, who is now the claimant
    "az-mod-2020-12-13-hadrut-attack": ("agent-az-mod", "2020-12-13", "alleges", set(), {1, 4}),
    "am-mod-2020-12-12-offensive": ("agent-am-mod", "2020-12-12", "alleges", set(), {1}),
    "ru-mod-2020-12-12-first-violation": ("agent-ru-mod", "2020-12-12", "alleges", set(), {1, 5}),
    "am-mfa-2020-12-13-blatant-violation": ("agent-am-mfa", "2020-12-13", "alleges", {"A"}, {1}),
    # session 17 stance call (issue #12): it does not deny the advance but blames Armenian servicemen for it, so a
    # counter-allegation (conventions.md, Stances), and points 1 and 4 are implied, no longer ck:concernsProvision
    "az-mod-2020-12-13-counter-terror": ("agent-az-mod", "2020-12-13", "counter-alleges", set(), {1, 4}),
    # re-audit (issue #12): Armenpress and news.am date the address to 16 December 2020
    "harutyunyan-2020-12-15-prisoners": ("agent-arayik-harutyunyan", "2020-12-16", "alleges", set(), {1, 8}),
    "putin-2020-12-17-only-escalation": ("agent-putin", "2020-12-17", "calls-on", {1}, set()),
    "pashinyan-2021-11-07-khtsaberd-captives": ("agent-pashinyan", "2021-11-07", "alleges", {"A", 8}, {1}),
    "az-mod-2020-12-28-akaku-attack": ("agent-az-mod", "2020-12-28", "alleges", set(), {1, 4}),
    "un-hr-experts-2021-02-01-release": ("agent-un-hr-experts", "2021-02-01", "calls-on", {"A", 8}, set()),
    # re-audit (issue #12, session 13): the press conference was on 26 February 2021 (Trend's relay is dated 28 February)
    "aliyev-2021-02-28-no-pows": ("agent-aliyev", "2021-02-26", "denies", {8}, set()),
    "az-mfa-2021-03-04-not-pows": ("agent-leyla-abdullayeva", "2021-03-04", "denies", {8}, set()),
    "hrw-2021-03-19-release": ("agent-hrw", "2021-03-19", "calls-on", {8}, set()),
    "european-parliament-2021-05-20-release": ("agent-european-parliament", "2021-05-20", "calls-on", {"A", 8}, set()),
    "am-mfa-2021-03-05-no-corridor": ("agent-anna-naghdalyan", "2021-03-05", "alleges", {9}, set()),
    "aliyev-2021-04-20-zangezur-corridor": ("agent-aliyev", "2021-04-20", "interprets", {9}, set()),
    "am-mfa-2021-04-20-condemns-threat": ("agent-anna-naghdalyan", "2021-04-20", "alleges", set(), {9}),
    "biyagov-2021-05-13-sev-lake": ("agent-viktor-biyagov", "2021-05-13", "alleges", set(), {1}),
    "pashinyan-2021-11-07-sotk-khoznavar": ("agent-pashinyan", "2021-11-07", "alleges", {"A"}, {1}),
    # re-audit (issue #12, session 15): the ministry's report answers no allegation against Azerbaijan
    "az-mod-2021-05-27-sabotage-group": ("agent-az-mod", "2021-05-27", "alleges", set(), set()),
    "am-mod-2021-05-27-captured": ("agent-am-mod", "2021-05-27", "alleges", set(), {8}),
    # re-audit (issue #12, session 15): the ministry's statement answers no allegation against Azerbaijan
    "az-mod-2021-08-11-new-forces": ("agent-az-mod", None, "alleges", {"A"}, {4}),
    # re-audit (issue #12, session 13): the page gives no day for his comment, and no year at all
    "babayan-2021-08-11-provocation": ("agent-davit-babayan", None, "denies", {4}, set()),
    "am-mfa-2021-08-11-positions": ("agent-am-mfa", "2021-08-11", "alleges", {1, 4}, set()),
    "az-mfa-2021-08-12-stop-not-remain": ("agent-az-mfa", "2021-08-12", "denies", {1, 3, 4, 6}, set()),
    "ru-mod-2021-10-10-civilian-wounded": ("agent-ru-mod", "2021-10-10", "alleges", set(), {1}),
    "az-mod-2021-10-10-untrue": ("agent-az-mod", "2021-10-10", "denies", {1}, set()),
    # re-audit (issue #12): neither stored page dates the statement (a dateNote says why)
    "am-mfa-2021-10-09-gross-violation": ("agent-am-mfa", None, "alleges", {"A"}, {1}),
    "am-mfa-2021-10-15-norshen": ("agent-am-mfa", None, "alleges", {"A"}, {1}),
}

# casualty report IRI suffix -> (kind, min, max, best)
CASUALTIES = {
    "az-mod-2020-12-13-sur-attack-killed": ("killed", 3, 3, 3),
    "az-mod-2020-12-13-sur-attack-wounded": ("wounded", 2, 2, 2),
    "az-mod-2020-12-13-hadrut-attack-killed": ("killed", 1, 1, 1),
    "az-mod-2020-12-13-hadrut-attack-wounded": ("wounded", 1, 1, 1),
    "am-mod-2020-12-13-wounded-wounded": ("wounded", 6, 6, 6),
    "beglarian-2020-12-missing-missing": ("missing", None, None, 60),
    "az-mod-2020-12-13-casualties-killed": ("killed", 4, 4, 4),
    "az-mod-2020-12-13-casualties-wounded": ("wounded", 2, 2, 2),
    "aliyev-2021-02-captured-captured": ("missing", 61, None, None),
    "az-mod-2020-12-28-akaku-attack-az-killed": ("killed", 1, 1, 1),
    "az-mod-2020-12-28-akaku-attack-group-killed": ("killed", 6, 6, 6),
    "az-mfa-2021-03-04-not-pows-held": ("missing", 62, 62, 62),
    "european-parliament-undated-200-held-held": ("missing", None, None, 200),
    "panarmenian-2021-05-25-killed-killed": ("killed", 1, 1, 1),
    "am-mod-2021-05-27-captured-captured": ("missing", 6, 6, 6),
    "az-mod-2021-05-27-sabotage-group-captured": ("missing", 6, 6, 6),
    "ru-mod-2021-10-10-civilian-wounded-killed": ("killed", 1, 1, 1),
    "artsakh-interior-2021-10-civilian-killed-killed": ("killed", 1, 1, 1),
    "am-mfa-2021-10-15-norshen-wounded": ("wounded", 6, 6, 6),
}

# claim slug -> source URL of its quote
QUOTE_SOURCES = {
    "tr-mfa-undated-khojavend-attacks": "https://www.mfa.gov.tr/sc_-124_hocavend-rayonunda-silah-birakmayan-ermeni-gruplarin-azerbaycan-ordusuna-yonelik-saldirilar-hk-sc.pt.mfa",
    "ru-mod-2020-12-12-first-violation": "https://hyetert.org/2020/12/12/first-ceasefire-violation-recorded-in-nagorno-karabakh-russias-defense-ministry/",
    "pashinyan-2021-11-07-khtsaberd-captives": "https://armenpress.am/eng/news/1067551/",
    "az-mfa-2021-03-04-not-pows": "https://en.trend.az/azerbaijan/politics/3389948.html",
    "european-parliament-2021-05-20-release": "https://oeil.europarl.europa.eu/oeil/en/document-summary?id=1663539",  # session 16 re-audit: the quote read on the Parliament's own page
    "az-mfa-2021-08-12-stop-not-remain": "https://sofia.mfa.gov.az/en/news/no30421-azerbaycan-respublikasi-xarici-isler-nazirliyinin-metbuat-xidmeti-idaresinin-ermenistan-xarici-isler-nazirliyinin-11-avqust-2021-ci-il-tarixli-beyanatina-dair-serhi",
    "am-mfa-2021-10-15-norshen": "https://tr.armradio.am/2021/10/15/azerbaycanin-ihlalleri-2/",
    "ru-mod-2021-10-10-civilian-wounded": "https://azatutyun.am/a/31503243.html",
}


def rows(staged, text):
    return [{k: (v.value if v is not None else None) for k, v in r.items()} for r in staged.store.query(PREFIXES + text).dicts()]


def test_files_exist():
    for name in FILES:
        assert (ROOT / "data" / "incidents" / name).is_file(), name


@pytest.mark.parametrize("incident,count", sorted(CLAIM_COUNTS.items()))
def test_claims_per_incident(staged, incident, count):
    r = rows(staged, f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ GRAPH ckg:claims {{ ?c ck:aboutIncident ckr:incident-{incident} }} }}")
    assert int(r[0]["n"]) == count


@pytest.mark.parametrize("slug", sorted(CLAIMS))
def test_claim_metadata(staged, slug):
    claimant, date, stance, named, implied = CLAIMS[slug]
    r = rows(staged, f"""SELECT ?who ?date ?stance ?note WHERE {{ GRAPH ckg:claims {{
        ckr:claim-{slug} ck:claimant ?who ; ck:stance ?stance .
        OPTIONAL {{ ckr:claim-{slug} ck:claimDate ?date }} OPTIONAL {{ ckr:claim-{slug} ck:dateNote ?note }} }} }}""")
    assert len(r) == 1, slug
    assert r[0]["who"] == CKR + claimant
    assert r[0]["stance"] == CKV + "stance-" + stance
    assert r[0]["date"] == date
    if date is None:
        assert r[0]["note"]

    def points(prop):
        got = set()
        for x in rows(staged, f"SELECT ?p WHERE {{ GRAPH ckg:claims {{ ckr:claim-{slug} {prop} ?p }} }}"):
            tail = x["p"][len(CKR):]
            if tail == "agreement-tri2020":
                got.add("A")
            elif tail.startswith("agreement-tri2020-p"):
                got.add(int(tail.rsplit("p", 1)[1]))
        return got

    assert points("ck:impliedBreachOf") == implied
    assert points("ck:allegesBreachOf") | points("ck:concernsProvision") == named
    if stance in ("denies", "calls-on", "interprets"):
        assert not points("ck:allegesBreachOf"), "a denial or call alleges no breach"


@pytest.mark.parametrize("cid", sorted(CASUALTIES))
def test_casualty_figures(staged, cid):
    kind, mn, mx, best = CASUALTIES[cid]
    r = rows(staged, f"""SELECT ?kind ?min ?max ?best ?g WHERE {{ GRAPH ?g {{ ckr:casualty-{cid} ck:casualtyKind ?kind .
        OPTIONAL {{ ckr:casualty-{cid} ck:countMin ?min }} OPTIONAL {{ ckr:casualty-{cid} ck:countMax ?max }}
        OPTIONAL {{ ckr:casualty-{cid} ck:countBest ?best }} }} }}""")
    assert len(r) == 1, cid
    got = r[0]
    assert got["kind"] == CKV + kind
    assert (None if got["min"] is None else int(got["min"])) == mn
    assert (None if got["max"] is None else int(got["max"])) == mx
    assert (None if got["best"] is None else int(got["best"])) == best
    assert got["g"].startswith("https://w3id.org/conflictkg/graph/claim-")


@pytest.mark.parametrize("slug,url", sorted(QUOTE_SOURCES.items()))
def test_quote_source_urls(staged, slug, url):
    r = rows(staged, f"""SELECT ?url WHERE {{ GRAPH ckg:claims {{ ckr:claim-{slug} ck:quoteSource ?s }}
        GRAPH ckg:reference {{ ?s schema:url ?url }} }}""")
    assert [x["url"] for x in r] == [url]


def test_primary_vs_secondary(staged):
    stated = {x["c"][len(CKR):] for x in rows(staged, "SELECT ?c WHERE { GRAPH ckg:claims { ?c ck:statedIn ?s ; ck:aboutIncident ?i } }")}
    for slug in ("tr-mfa-undated-khojavend-attacks", "az-mfa-2021-08-12-stop-not-remain", "european-parliament-undated-200-held",
                 "panarmenian-2021-05-25-killed"):
        assert "claim-" + slug in stated
    assert "claim-az-mod-2020-11-10-terter-shelling" not in stated  # 44days.info is an aggregator


def test_replies(staged):
    pairs = {(x["a"][len(CKR):], x["b"][len(CKR):]) for x in rows(staged, "SELECT ?a ?b WHERE { GRAPH ckg:claims { ?a ck:contradicts ?b } }")}
    assert ("claim-az-mod-2020-12-13-counter-terror", "claim-am-mod-2020-12-12-offensive") in pairs
    assert ("claim-az-mfa-2021-08-12-stop-not-remain", "claim-am-mfa-2021-08-11-positions") in pairs
    assert ("claim-az-mod-2021-10-10-untrue", "claim-ru-mod-2021-10-10-civilian-wounded") in pairs
    assert ("claim-am-mod-2021-05-27-captured", "claim-az-mod-2021-05-27-sabotage-group") in pairs


def test_quotes_language_tags(staged):
    r = rows(staged, """SELECT ?c (LANG(?q) AS ?l) WHERE { GRAPH ckg:claims { ?c ck:quote ?q } }""")
    lang = {x["c"][len(CKR):]: x["l"] for x in r}
    assert lang["claim-tr-mfa-undated-khojavend-attacks"] == "pt"
    assert lang["claim-am-mfa-2021-10-15-norshen"] == "tr"
    assert "claim-az-mod-2020-11-10-terter-shelling" not in lang  # quote removed: no stored copy of its page


def test_place_names(staged):
    r = rows(staged, """SELECT ?f WHERE { GRAPH ckg:reference { ckr:place-hin-tagher-takhlar ck:hasName ?n . ?n skosxl:literalForm ?f } }""")
    assert {x["f"] for x in r} == {"Hin Tagher", "in Taher", "Khin Taher", "Hin Taghlar", "Hein Taglar", "Kohne Taghlar", "Old Taglar", "Takhlar"}
    r = rows(staged, """SELECT ?s WHERE { GRAPH ckg:reference { ckr:name-madagiz ck:attestedIn ?s } }""")
    assert [x["s"] for x in r] == [CKR + "source-jpost-681570"]


def test_events_dated(staged):
    r = rows(staged, """SELECT ?b ?e ?t WHERE { GRAPH ckg:claim-az-mod-2020-12-28-akaku-attack {
        ckr:event-az-mod-2020-12-28-akaku-attack-attack ck:earliestBegin ?b ; ck:latestEnd ?e ; ck:eventType ?t } }""")
    assert r == [{"b": "2020-12-27", "e": "2020-12-27", "t": CKV + "armed-clash"}]


def test_nothing_alleged_in_reference(staged):
    r = rows(staged, """SELECT ?s WHERE { GRAPH ckg:reference { ?s ck:perpetrator ?p } }""")
    assert r == []
