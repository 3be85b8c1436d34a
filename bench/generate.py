"""Generate a synthetic conflictkg dataset of the same shape as the real data, at any size.

    python bench/generate.py --size 1000000 -o bench/out/synth-1000000.nq

Deterministic: the same ``--size``, ``--seed``, shipped files and query library give the same
file byte for byte. What goes in, in this order:

1. the shipped build input (ontology and vocabularies in ``ckg:ontology`` / ``ckg:vocab``, every
   ``data/**/*.trig``), read through conflictkg's own loader (skip with ``--no-shipped``);
2. a skeleton in ``ckg:reference`` that uses the real IRIs (``ckr:agreement-tri2020`` with its
   nine points ``-p1`` … ``-p9``, three expressions, clause texts, norms; ``ckr:agent-armenia``,
   ``ckr:agent-ru-mod``, ``ckr:place-village-parukh-farrukh`` …) — only for subjects the shipped
   data does not define already;
3. every IRI that a library query (``queries/*.rq``) gives as an example parameter and that is
   not defined yet, as a minimal entity of the kind its slug says (agent, place, claim, …);
4. synthetic bulk, all with ``synth-`` in the slug: agents, places with 2-8 attested names in
   several languages and contested administrative attributions, source documents, incidents, and
   threads of claims (an allegation, then denials, counter-allegations, confirmations, third-party
   calls, each ``ck:respondsTo`` an earlier one) with one content graph ``ckg:claim-<slug>`` per
   claim holding events and casualty reports. The real anchor IRIs (core agents, the agreement,
   its clauses and norms, the example IRIs of the query library) are used throughout, so every
   library query's example parameters find matches.

The output is N-Quads (``.nq``) or TriG (``.trig``). Synthetic bulk is written as N-Quads text
directly (fast); TriG is produced by re-serialising with pyoxigraph.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

CK = "https://w3id.org/conflictkg/ontology#"
CKV = "https://w3id.org/conflictkg/vocab/"
CKR = "https://w3id.org/conflictkg/resource/"
CKG = "https://w3id.org/conflictkg/graph/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SKOSXL = "http://www.w3.org/2008/05/skos-xl#"
DCT = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
TIME = "http://www.w3.org/2006/time#"
WGS = "http://www.w3.org/2003/01/geo/wgs84_pos#"
ORG = "http://www.w3.org/ns/org#"

G_REF = CKG + "reference"
G_CLAIMS = CKG + "claims"

DEFAULT_SIZE = 1_000_000
DEFAULT_SEED = 20201110

ROOT = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------------------------
# N-Quads text writer
# --------------------------------------------------------------------------------------------

def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def iri(value: str) -> str:
    return f"<{value}>"


def lit(value: str, lang: str | None = None) -> str:
    return f'"{_esc(value)}"@{lang}' if lang else f'"{_esc(value)}"'


def typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


def date(d: dt.date) -> str:
    return typed(d.isoformat(), "date")


def integer(n: int) -> str:
    return typed(n, "integer")


def nonneg(n: int) -> str:
    return typed(n, "nonNegativeInteger")


def boolean(b: bool) -> str:
    return typed("true" if b else "false", "boolean")


class Writer:
    """Buffers N-Quads lines; counts them."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.defined: set[str] = set()  # subjects given an rdf:type by us or the shipped data

    def q(self, s: str, p: str, o: str, g: str) -> None:
        self.lines.append(f"{s} {p} {o} {g} .\n")

    def __len__(self) -> int:
        return len(self.lines)


class Graph:
    """Writes triples of one named graph with CURIE-ish helpers (subjects and objects as IRIs)."""

    def __init__(self, w: Writer, graph: str) -> None:
        self.w = w
        self.g = f"<{graph}>"

    def t(self, s: str, p: str, o: str) -> None:
        self.w.q(s if s.startswith("_:") else f"<{s}>", f"<{p}>", o, self.g)

    def a(self, s: str, cls: str) -> None:
        self.t(s, RDF_TYPE, f"<{cls}>")
        self.w.defined.add(s)

    def o(self, s: str, p: str, obj: str) -> None:
        """Object property: ``obj`` is an IRI (or a ``_:`` blank node)."""
        self.t(s, p, obj if obj.startswith("_:") else f"<{obj}>")


def r(slug: str) -> str:
    return CKR + slug


# --------------------------------------------------------------------------------------------
# shipped input, vocabulary and query-library examples
# --------------------------------------------------------------------------------------------

def shipped_quads(include_data: bool = True) -> list:
    """The shipped build input (ontology, vocabularies, data/**/*.trig), via conflictkg's loader."""
    from conflictkg.build import sources
    from conflictkg.rdf.io import read_all
    from conflictkg.resources import Resources

    files = sources(Resources(ROOT))
    if not include_data:
        files = [f for f in files if f.graph]
    quads, _origin = read_all(files)
    return quads


class Vocab:
    """Picks ckv: concept IRIs, preferring those the shipped vocabularies define."""

    def __init__(self, quads: list) -> None:
        import pyoxigraph as ox

        self.concepts: set[str] = set()
        self.in_scheme: dict[str, list[str]] = {}
        for q in quads:
            s = q.subject
            if isinstance(s, ox.NamedNode) and s.value.startswith(CKV):
                self.concepts.add(s.value)
                if q.predicate.value == SKOS + "inScheme" and isinstance(q.object, ox.NamedNode):
                    self.in_scheme.setdefault(q.object.value, []).append(s.value)

    def pick(self, *local_names: str) -> str:
        for name in local_names:
            if CKV + name in self.concepts:
                return CKV + name
        for name in local_names:  # a concept whose name contains the first wish
            hits = sorted(c for c in self.concepts if c[len(CKV):].endswith(name))
            if hits:
                return hits[0]
        return CKV + local_names[0]

    def scheme(self, word: str, fallback: list[str]) -> list[str]:
        """Concepts of the first scheme whose IRI contains ``word``, else ``fallback`` names."""
        for scheme in sorted(self.in_scheme):
            if word in scheme[len(CKV):]:
                return sorted(set(self.in_scheme[scheme]))
        return [CKV + n for n in fallback]


def library_examples(queries_dir: Path) -> list[str]:
    """Every example/default IRI value of every library query parameter (expanded), sorted."""
    from conflictkg.errors import ConflictKGError
    from conflictkg.rdf.namespaces import expand_curie
    from conflictkg.sparql.queries import load_query

    found: set[str] = set()
    for path in sorted(queries_dir.glob("*.rq")):
        try:
            q = load_query(path)
        except ConflictKGError:
            continue
        for p in q.params.values():
            for raw in (p.example, p.default):
                if p.type == "iri" and raw:
                    found.add(expand_curie(raw))
    return sorted(found)


# --------------------------------------------------------------------------------------------
# the skeleton: real IRIs
# --------------------------------------------------------------------------------------------

CORE_AGENTS: list[tuple[str, str, str, str | None, list[tuple[str, str]]]] = [
    # slug, class, English label, affiliated with, other names (form, lang)
    ("agent-armenia", "State", "Armenia", None, [("Հայաստան", "hy"), ("Ermənistan", "az"), ("Армения", "ru")]),
    ("agent-azerbaijan", "State", "Azerbaijan", None, [("Ադրբեջան", "hy"), ("Azərbaycan", "az"), ("Азербайджан", "ru")]),
    ("agent-russia", "State", "Russia", None, [("Ռուսաստան", "hy"), ("Rusiya", "az"), ("Россия", "ru")]),
    ("agent-turkey", "State", "Turkey", None, [("Türkiye", "tr")]),
    ("agent-france", "State", "France", None, []),
    ("agent-usa", "State", "United States", None, []),
    ("agent-nk-authorities", "DeFactoAuthority", "Nagorno-Karabakh de facto authorities", None,
     [("Artsakh authorities", "en"), ("Արցախի իշխանություններ", "hy")]),
    ("agent-am-mod", "GovernmentBody", "Ministry of Defence of Armenia", "agent-armenia", []),
    ("agent-am-mfa", "GovernmentBody", "Ministry of Foreign Affairs of Armenia", "agent-armenia", []),
    ("agent-am-pm", "GovernmentBody", "Prime Minister of Armenia", "agent-armenia", []),
    ("agent-az-mod", "GovernmentBody", "Ministry of Defence of Azerbaijan", "agent-azerbaijan",
     [("Azərbaycan Respublikası Müdafiə Nazirliyi", "az")]),
    ("agent-az-mfa", "GovernmentBody", "Ministry of Foreign Affairs of Azerbaijan", "agent-azerbaijan", []),
    ("agent-az-president", "GovernmentBody", "President of Azerbaijan", "agent-azerbaijan", []),
    ("agent-ru-mod", "GovernmentBody", "Ministry of Defence of the Russian Federation", "agent-russia",
     [("Министерство обороны Российской Федерации", "ru")]),
    ("agent-ru-mfa", "GovernmentBody", "Ministry of Foreign Affairs of the Russian Federation", "agent-russia", []),
    ("agent-tr-mfa", "GovernmentBody", "Ministry of Foreign Affairs of Turkey", "agent-turkey", []),
    ("agent-nk-mod", "GovernmentBody", "Defence Army / MoD of the Nagorno-Karabakh authorities", "agent-nk-authorities", []),
    ("agent-nk-mfa", "GovernmentBody", "Foreign ministry of the Nagorno-Karabakh authorities", "agent-nk-authorities", []),
    ("agent-az-armed-forces", "ArmedForce", "Armed Forces of Azerbaijan", "agent-azerbaijan", []),
    ("agent-am-armed-forces", "ArmedForce", "Armed Forces of Armenia", "agent-armenia",
     [("illegal Armenian armed detachments", "en")]),
    ("agent-nk-armed-formations", "ArmedForce", "Armed formations of Nagorno-Karabakh", "agent-nk-authorities",
     [("Artsakh Defence Army", "en"), ("illegal Armenian armed detachments", "en")]),
    ("agent-ru-peacekeepers", "PeacekeepingContingent", "Russian peacekeeping contingent", "agent-russia", []),
    ("agent-us-state-dept", "GovernmentBody", "US Department of State", "agent-usa", []),
    ("agent-fr-mfa", "GovernmentBody", "Ministry for Europe and Foreign Affairs of France", "agent-france", []),
    ("agent-armenpress", "MediaOutlet", "Armenpress", None, []),
    ("agent-newsaz", "MediaOutlet", "News.az", None, []),
    ("agent-jpost", "MediaOutlet", "The Jerusalem Post", None, []),
    ("agent-azernews", "MediaOutlet", "AzerNews", None, []),
    ("agent-tass", "MediaOutlet", "TASS", None, []),
]
PERSONS = [("agent-aliyev", "Ilham Aliyev", "agent-azerbaijan"), ("agent-pashinyan", "Nikol Pashinyan", "agent-armenia"),
           ("agent-putin", "Vladimir Putin", "agent-russia")]
SIDE = {  # which side an organ speaks for, for plausible accusations
    "agent-armenia": "am", "agent-am-mod": "am", "agent-am-mfa": "am", "agent-am-pm": "am",
    "agent-am-armed-forces": "am", "agent-nk-authorities": "am", "agent-nk-mod": "am", "agent-nk-mfa": "am",
    "agent-nk-armed-formations": "am", "agent-azerbaijan": "az", "agent-az-mod": "az", "agent-az-mfa": "az",
    "agent-az-president": "az", "agent-az-armed-forces": "az", "agent-turkey": "az", "agent-tr-mfa": "az",
    "agent-russia": "ru", "agent-ru-mod": "ru", "agent-ru-mfa": "ru", "agent-ru-peacekeepers": "ru",
    "agent-france": "3", "agent-usa": "3", "agent-us-state-dept": "3", "agent-fr-mfa": "3",
}
CORE_PLACES: list[tuple[str, str, str, list[tuple[str, str, str | None]]]] = [
    # slug, class, neutral label, names (form, lang, used by)
    ("place-village-parukh-farrukh", "Settlement", "Parukh / Farrukh",
     [("Parukh", "en", "agent-armenpress"), ("Farrukh", "en", "agent-az-mod"), ("Furukh", "en", "agent-ru-mod"),
      ("Farukh", "en", None), ("Paruj", "es", None), ("Փառուխ", "hy", "agent-am-mfa"),
      ("Fərrux", "az", "agent-az-mod"), ("Фаррух", "ru", "agent-ru-mod")]),
    ("place-zone-ru-pk-responsibility", "Zone", "Zone of responsibility of the Russian peacekeeping contingent",
     [("zone of responsibility of the Russian peacekeeping contingent", "en", "agent-ru-mod"),
      ("зона ответственности российского миротворческого контингента", "ru", "agent-ru-mod")]),
    ("place-aghdam-district", "AdministrativeUnit", "Aghdam district",
     [("Aghdam", "en", "agent-az-mfa"), ("Akna", "en", "agent-nk-authorities"), ("Ağdam", "az", "agent-az-mfa")]),
    ("place-kalbajar-district", "AdministrativeUnit", "Kalbajar / Kelbajar district",
     [("Kalbajar", "en", "agent-az-mfa"), ("Kelbajar", "en", "agent-am-pm"), ("Kəlbəcər", "az", None),
      ("Քարվաճառ", "hy", None)]),
    ("place-lachin-district", "AdministrativeUnit", "Lachin / Kashatagh district",
     [("Lachin", "en", None), ("Kashatagh", "en", "agent-nk-authorities"), ("Laçın", "az", None)]),
    ("place-lachin-corridor", "Corridor", "Lachin corridor",
     [("Lachin corridor", "en", None), ("Лачинский коридор", "ru", "agent-ru-mod")]),
    ("place-stepanakert-khankendi", "Settlement", "Stepanakert / Khankendi",
     [("Stepanakert", "en", "agent-am-mfa"), ("Khankendi", "en", "agent-az-mfa"), ("Ստեփանակերտ", "hy", None),
      ("Xankəndi", "az", None), ("Степанакерт", "ru", "agent-ru-mod")]),
    ("place-shushi-shusha", "Settlement", "Shushi / Shusha",
     [("Shushi", "en", "agent-am-pm"), ("Shusha", "en", "agent-az-mfa"), ("Շուշի", "hy", None), ("Şuşa", "az", None)]),
    ("place-askeran-district", "AdministrativeUnit", "Askeran region (Armenian usage)", [("Askeran", "en", "agent-am-mfa")]),
    ("place-khojaly-district", "AdministrativeUnit", "Khojaly district (Azerbaijani usage)", [("Khojaly", "en", "agent-az-mod")]),
    ("place-terter", "Settlement", "Terter / Tartar", [("Terter", "en", None), ("Tərtər", "az", "agent-az-mod")]),
]
CLAUSES = [  # number, short text, norms (slug, bearer, beneficiary, action, object, deadline)
    (1, "A complete ceasefire and cessation of all hostilities is declared from 00:00 Moscow time on 10 November 2020.",
     [("norm-tri2020-p1-ceasefire", "agent-armenia", "agent-azerbaijan", "action-ceasefire", None, None),
      ("norm-tri2020-p1-ceasefire-az", "agent-azerbaijan", "agent-armenia", "action-ceasefire", None, None)]),
    (2, "The Aghdam district is returned to the Republic of Azerbaijan by 20 November 2020.",
     [("norm-tri2020-p2-aghdam", "agent-armenia", "agent-azerbaijan", "action-return-territory",
       "place-aghdam-district", "2020-11-20")]),
    (3, "A peacekeeping contingent of the Russian Federation is deployed along the line of contact and the Lachin corridor.",
     [("norm-tri2020-p3-deploy", "agent-russia", None, "action-deploy-peacekeepers", "place-lachin-corridor", None)]),
    (4, "The peacekeeping contingent is deployed in parallel with the withdrawal of the Armenian armed forces.",
     [("norm-tri2020-p4-term", "agent-russia", None, "action-deploy-peacekeepers", None, None),
      ("norm-tri2020-p4-withdrawal", "agent-armenia", "agent-azerbaijan", "action-withdraw-armed-forces", None, None)]),
    (5, "A peacekeeping centre is deployed to monitor the ceasefire.",
     [("norm-tri2020-p5-centre", "agent-russia", None, "action-establish-monitoring-centre", None, None)]),
    (6, "Kalbajar district by 15 November and Lachin district by 1 December 2020 are returned; the Lachin corridor remains.",
     [("norm-tri2020-p6-kalbajar", "agent-armenia", "agent-azerbaijan", "action-return-territory",
       "place-kalbajar-district", "2020-11-15"),
      ("norm-tri2020-p6-lachin", "agent-armenia", "agent-azerbaijan", "action-return-territory",
       "place-lachin-district", "2020-12-01"),
      ("norm-tri2020-p6-corridor", "agent-russia", None, "action-deploy-peacekeepers", "place-lachin-corridor", None),
      ("norm-tri2020-p6-corridor-security", "agent-azerbaijan", "agent-armenia", "action-guarantee-safe-traffic",
       "place-lachin-corridor", None)]),
    (7, "Internally displaced persons and refugees return to Nagorno-Karabakh and adjacent areas under UNHCR supervision.",
     [("norm-tri2020-p7-return", "agent-azerbaijan", None, "action-allow-return-of-idps", None, None)]),
    (8, "An exchange of prisoners of war, hostages and other detained persons and of bodies of the dead is carried out.",
     [("norm-tri2020-p8-exchange", "agent-armenia", "agent-azerbaijan", "action-exchange-prisoners-and-bodies", None, None),
      ("norm-tri2020-p8-exchange-az", "agent-azerbaijan", "agent-armenia", "action-exchange-prisoners-and-bodies", None, None)]),
    (9, "All economic and transport links in the region are unblocked.",
     [("norm-tri2020-p9-unblock", "agent-armenia", "agent-azerbaijan", "action-unblock-transport-links", None, None),
      ("norm-tri2020-p9-unblock-az", "agent-azerbaijan", "agent-armenia", "action-unblock-transport-links", None, None)]),
]
AGREEMENT = "agreement-tri2020"
EXPRESSIONS = [  # slug, language, publisher, source slug, translation of
    ("agreement-tri2020-ru", "ru", "agent-russia", "source-kremlin-2020-11-10", None),
    ("agreement-tri2020-en-az-mfa", "en", "agent-az-mfa", "source-az-mfa-belgrade-2020-11-10", "agreement-tri2020-ru"),
    ("agreement-tri2020-en-am-pm", "en", "agent-am-pm", "source-am-pm-2020-11-10", "agreement-tri2020-ru"),
]

EVENT_CLASSES = [  # class, weight, event-type wishes
    ("Shelling", 30, ["shelling", "event-shelling"]),
    ("DroneStrike", 12, ["drone-strike", "event-drone-strike"]),
    ("ArmedClash", 20, ["armed-clash", "event-armed-clash"]),
    ("GroundAdvance", 8, ["ground-advance", "event-ground-advance"]),
    ("PositionEstablishment", 8, ["observation-post-established", "event-position-established"]),
    ("Blockade", 6, ["blockade", "event-blockade"]),
    ("Withdrawal", 4, ["withdrawal", "event-withdrawal"]),
    ("Deployment", 4, ["deployment", "event-deployment"]),
    ("TerritoryHandover", 3, ["territory-handover", "event-territory-handover"]),
    ("PrisonerExchange", 3, ["prisoner-exchange", "event-prisoner-exchange"]),
    ("Event", 2, ["military-action", "ceasefire-violation"]),
]
SOURCE_CLASSES = [("NewsArticle", 55), ("OfficialStatement", 25), ("Bulletin", 10), ("SocialMediaPost", 10)]
LANGS = ["en", "hy", "az", "ru", "tr", "fr", "de"]
SYLL = ["ar", "ag", "ba", "da", "gha", "kar", "kh", "lu", "ma", "na", "pa", "ru", "sha", "ta", "ter", "va",
        "vik", "za", "zor", "khan", "ani", "ber", "dzor", "get", "lar", "li", "ly", "ov", "yan", "bek"]
# per-language spelling tweaks, so that names differ by who uses them
SPELL = {"az": [("kh", "x"), ("sh", "ş"), ("ch", "ç"), ("gh", "ğ")], "ru": [], "hy": [], "tr": [("sh", "ş")],
         "fr": [("kh", "kh"), ("sh", "ch")], "de": [("sh", "sch")], "en": []}
CYR = {"a": "а", "b": "б", "d": "д", "e": "е", "g": "г", "h": "х", "i": "и", "k": "к", "l": "л", "m": "м",
       "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "y": "ы", "z": "з"}
ARM = {"a": "ա", "b": "բ", "d": "դ", "e": "ե", "g": "գ", "h": "հ", "i": "ի", "k": "կ", "l": "լ", "m": "մ",
       "n": "ն", "o": "ո", "p": "պ", "r": "ր", "s": "ս", "t": "տ", "u": "ու", "v": "վ", "y": "յ", "z": "զ"}

START = dt.date(2020, 11, 10)
END = dt.date(2023, 12, 31)


def _side(slug: str) -> str:
    """Which side an agent speaks for, guessed from its slug (for plausible accusations)."""
    if slug in SIDE:
        return SIDE[slug]
    if any(k in slug for k in ("-am-", "armenia", "artsakh", "-nk-", "pashinyan")):
        return "am"
    if any(k in slug for k in ("-az-", "azerbaijan", "aliyev", "-tr-", "turkey")):
        return "az"
    if any(k in slug for k in ("-ru-", "russia", "putin")):
        return "ru"
    return "3"


def form_in(base: str, lang: str) -> str:
    if lang == "ru":
        return "".join(CYR.get(c, c) for c in base.lower()).capitalize()
    if lang == "hy":
        return "".join(ARM.get(c, c) for c in base.lower()).capitalize()
    out = base
    for a, b in SPELL.get(lang, []):
        out = out.replace(a, b)
    return out


def _add(pool: list[str], slug: str) -> None:
    if slug not in pool:
        pool.append(slug)


def shipped_types_and_publishers(quads: list) -> tuple[dict[str, set[str]], dict[str, str]]:
    """The ``ck:`` classes of every shipped ``ckr:`` subject and each source's publisher, by slug."""
    import pyoxigraph as ox

    types: dict[str, set[str]] = {}
    publisher: dict[str, str] = {}
    for q in quads:
        s = q.subject
        if not (isinstance(s, ox.NamedNode) and s.value.startswith(CKR)):
            continue
        if q.predicate.value == RDF_TYPE and q.object.value.startswith(CK):
            types.setdefault(s.value[len(CKR):], set()).add(q.object.value[len(CK):])
        elif q.predicate.value == DCT + "publisher" and isinstance(q.object, ox.NamedNode):
            publisher[s.value[len(CKR):]] = q.object.value[len(CKR):]
    return types, publisher


class Generator:
    def __init__(self, size: int, seed: int, shipped: list, examples: list[str]) -> None:
        self.size = size
        self.rng = random.Random(seed)
        self.w = Writer()
        self.ref = Graph(self.w, G_REF)
        self.claims = Graph(self.w, G_CLAIMS)
        self.shipped = shipped
        self.examples = examples
        self.vocab = Vocab(shipped)
        import pyoxigraph as ox

        self.shipped_defined = {q.subject.value for q in shipped
                                if isinstance(q.subject, ox.NamedNode) and q.predicate.value == RDF_TYPE}
        self.shipped_subjects = {q.subject.value for q in shipped if isinstance(q.subject, ox.NamedNode)}
        self.bnode = 0
        # pools filled as we go
        self.states = ["agent-armenia", "agent-azerbaijan", "agent-russia"]
        self.agents_by_side: dict[str, list[str]] = {"am": [], "az": [], "ru": [], "3": []}
        self.claimants: dict[str, list[str]] = {"am": [], "az": [], "ru": [], "3": []}
        self.forces: dict[str, list[str]] = {"am": [], "az": [], "ru": [], "3": []}
        self.media: list[str] = []
        self.persons: list[str] = []
        self.places: list[str] = []
        self.hot_places: list[str] = []  # anchors, used often
        self.admin_units: list[str] = []
        self.sources: list[str] = []
        self.sources_by_publisher: dict[str, list[str]] = {}
        self.provisions: list[str] = ["agreement-tri2020"]
        self.norms: list[str] = []
        self.clauses: list[str] = []
        self.example_claims: list[str] = []
        self.example_incidents: list[str] = []
        self.example_events: list[str] = []
        self.example_sources: list[str] = []
        self.example_agents: list[str] = []
        self.claim_no = 0
        self.pending_events: list[str] = []
        self.core_provisions: list[str] = []
        self.stance = {n: CKV + "stance-" + n for n in
                       ("alleges", "denies", "confirms", "counter-alleges", "calls-on", "interprets", "reports")}
        self.killed = self.vocab.pick("casualty-killed", "killed")
        self.wounded = self.vocab.pick("casualty-wounded", "wounded")
        self.missing = self.vocab.pick("casualty-missing", "missing")
        self.precision = [self.vocab.pick("precision-day"), self.vocab.pick("precision-days-range", "precision-days"),
                          self.vocab.pick("precision-month")]
        self.epistemic = [self.vocab.pick("epistemic-certain"), self.vocab.pick("epistemic-hedged")]
        self.name_types = [self.vocab.pick("name-official-az"), self.vocab.pick("name-official-nkr"),
                           self.vocab.pick("name-transliteration"), self.vocab.pick("name-historical")]
        self.perspectives = [self.vocab.pick("perspective-armenian"), self.vocab.pick("perspective-azerbaijani"),
                             self.vocab.pick("perspective-russian"), self.vocab.pick("perspective-neutral")]
        self.event_types = {cls: self.vocab.pick(*wishes) for cls, _w, wishes in EVENT_CLASSES}
        self.event_weights = [w for _c, w, _t in EVENT_CLASSES]
        self.event_classes = [c for c, _w, _t in EVENT_CLASSES]

    # ---- helpers ---------------------------------------------------------------------------
    def new(self, slug: str) -> bool:
        """True when the shipped data does not type ``ckr:slug`` already (then we define it)."""
        return r(slug) not in self.shipped_defined

    def blank(self) -> str:
        self.bnode += 1
        return f"_:synth{self.bnode}"

    def day(self, lo: dt.date = START, hi: dt.date = END) -> dt.date:
        return lo + dt.timedelta(days=self.rng.randrange((hi - lo).days + 1))

    def names(self, owner: str, forms: list[tuple[str, str, str | None]], cls: str) -> None:
        for k, (form, lang, used_by) in enumerate(forms, 1):
            n = r(f"name-{owner}-{k}")
            self.ref.a(n, CK + cls)
            self.ref.t(n, SKOSXL + "literalForm", lit(form, lang))
            if used_by:
                self.ref.o(n, CK + "nameUsedBy", r(used_by))
            if self.sources and self.rng.random() < 0.8:
                self.ref.o(n, CK + "attestedIn", r(self.rng.choice(self.sources)))
            if self.rng.random() < 0.5:
                self.ref.o(n, CK + "nameType", self.rng.choice(self.name_types))
            if self.rng.random() < 0.3:
                self.ref.o(n, CK + "namePerspective", self.rng.choice(self.perspectives))
            self.ref.o(r(owner), CK + "hasName", n)

    # ---- shipped entities join the pools ------------------------------------------------------
    def absorb_shipped(self) -> None:
        """Put the shipped agents, places, sources and norms into the pools the bulk draws from."""
        types, publisher = shipped_types_and_publishers(self.shipped)
        for slug in sorted(types):
            self.absorb_agent(slug, types[slug])
            self.absorb_other(slug, types[slug], publisher)

    def absorb_agent(self, slug: str, cls: set[str]) -> None:
        """A shipped agent joins its side and the pool of its role."""
        side = _side(slug)
        if cls & {"State", "DeFactoAuthority", "GovernmentBody", "Organization", "ArmedForce",
                  "PeacekeepingContingent", "MediaOutlet", "Person"}:
            _add(self.agents_by_side[side], slug)
            SIDE.setdefault(slug, side)
        if cls & {"MediaOutlet"}:
            _add(self.media, slug)
        elif cls & {"ArmedForce", "PeacekeepingContingent"}:
            _add(self.forces[side], slug)
        elif cls & {"GovernmentBody"}:
            _add(self.claimants[side], slug)
        elif cls & {"Person"}:
            _add(self.persons, slug)

    def absorb_other(self, slug: str, cls: set[str], publisher: dict[str, str]) -> None:
        """A shipped place, source, clause, norm or agreement joins its pools."""
        if cls & {"Place", "Settlement", "Zone", "Corridor", "Height", "AdministrativeUnit"}:
            _add(self.places, slug)
            _add(self.hot_places, slug)
            if "AdministrativeUnit" in cls:
                _add(self.admin_units, slug)
        if cls & {"SourceDocument", "NewsArticle", "OfficialStatement", "Bulletin", "SocialMediaPost",
                  "Publication"}:
            _add(self.sources, slug)
            self.sources_by_publisher.setdefault(publisher.get(slug, ""), []).append(slug)
        if cls & {"Clause"}:
            _add(self.clauses, slug)
            _add(self.provisions, slug)
        if cls & {"Norm", "Obligation", "Prohibition", "Permission", "Agreement"}:
            _add(self.provisions, slug)
            if "Agreement" not in cls:
                _add(self.norms, slug)

    # ---- skeleton ----------------------------------------------------------------------------
    def skeleton(self) -> None:
        """The real anchor IRIs the shipped data does not define yet: agents, persons, places, the
        agreement with its expressions, points and norms."""
        self.absorb_shipped()
        for agent in CORE_AGENTS:
            self.core_agent(*agent)
        for slug, label, state in PERSONS:
            if self.new(slug):
                self.persons.append(slug)
                self.ref.a(r(slug), CK + "Person")
                self.ref.t(r(slug), RDFS + "label", lit(label, "en"))
                self.ref.o(r(slug), CK + "affiliatedWith", r(state))  # informal; enough for joins
        # the sources the agreement and the core names rest on
        for _e, _lang, publisher, src, _t in EXPRESSIONS:
            self.source(src, publisher, dt.date(2020, 11, 10), "Publication")
        for place in CORE_PLACES:
            self.core_place(*place)
        if self.new("place-village-parukh-farrukh"):
            self.ref.o(r("place-village-parukh-farrukh"), CK + "partOfPlace", r("place-zone-ru-pk-responsibility"))
            for parent, who in (("place-askeran-district", "agent-nk-authorities"),
                                ("place-khojaly-district", "agent-azerbaijan")):
                self.attribution("place-village-parukh-farrukh", parent, who)
        self.agreement(AGREEMENT)
        coverage = self.vocab.pick("coverage-full")
        for num, text, norms in CLAUSES:
            cl = f"{AGREEMENT}-p{num}"
            if not self.new(cl):
                continue  # the shipped data has this point, with its own norms
            self.clause(cl, num, text, coverage)
            for norm in norms:
                self.norm(cl, num, *norm)

    def core_agent(self, slug: str, cls: str, label: str, aff: str | None, other: list) -> None:
        """One agent of :data:`CORE_AGENTS`, pooled by its role and side."""
        if not self.new(slug):
            return  # the shipped data defines it (and absorb_shipped pooled it)
        side = SIDE.get(slug, "3")
        if cls == "MediaOutlet":
            self.media.append(slug)
        elif cls == "ArmedForce" or cls == "PeacekeepingContingent":
            self.forces[side].append(slug)
        elif cls == "GovernmentBody":
            self.claimants[side].append(slug)
        self.agents_by_side[side].append(slug)
        self.ref.a(r(slug), CK + cls)
        self.ref.t(r(slug), RDFS + "label", lit(label, "en"))
        if aff:
            link = "forceOf" if cls in ("ArmedForce", "PeacekeepingContingent") else "affiliatedWith"
            self.ref.o(r(slug), CK + link, r(aff))
        self.names(slug, [(label, "en", None)] + [(f, lg, None) for f, lg in other], "AttestedName")

    def core_place(self, slug: str, cls: str, label: str, forms: list) -> None:
        """One place of :data:`CORE_PLACES` with its attested names."""
        if not self.new(slug):
            return
        self.places.append(slug)
        self.hot_places.append(slug)
        if cls == "AdministrativeUnit":
            self.admin_units.append(slug)
        self.ref.a(r(slug), CK + cls)
        self.ref.t(r(slug), RDFS + "label", lit(label, "en"))
        self.names(slug, forms, "PlaceName")

    def agreement(self, ag: str) -> None:
        """The agreement, its signatories and names, and its published expressions."""
        ref = self.ref
        if self.new(ag):
            ref.a(r(ag), CK + "Agreement")
            ref.t(r(ag), RDFS + "label", lit("Trilateral statement of 9/10 November 2020", "en"))
            ref.t(r(ag), CK + "entryIntoForce", typed("2020-11-09T21:00:00Z", "dateTime"))
            for p, _l, _st in PERSONS:
                ref.o(r(ag), CK + "signatory", r(p))
            self.names(ag, [("Statement of 9 November 2020", "en", "agent-armenia"),
                            ("Joint Statement of November 10, 2020", "en", "agent-azerbaijan"),
                            ("Заявление от 9 ноября 2020 года", "ru", "agent-russia")], "AttestedName")
        for slug, lang, publisher, src, transl in EXPRESSIONS:
            if self.new(slug):
                ref.o(r(ag), CK + "hasExpression", r(slug))
                ref.a(r(slug), CK + "AgreementExpression")
                ref.t(r(slug), DCT + "language", lit(lang))
                ref.t(r(slug), CK + "authoritative", boolean(transl is None))
                ref.o(r(slug), CK + "publishedBy", r(publisher))
                ref.o(r(slug), CK + "hasPublication", r(src))
                if transl:
                    ref.o(r(slug), CK + "isTranslationOf", r(transl))

    def clause(self, cl: str, num: int, text: str, coverage: str) -> None:
        """One point of the agreement with a clause text per expression."""
        ref = self.ref
        self.clauses.append(cl)
        self.provisions.append(cl)
        ref.o(r(AGREEMENT), CK + "hasClause", r(cl))
        ref.a(r(cl), CK + "Clause")
        ref.t(r(cl), CK + "clauseNumber", integer(num))
        ref.t(r(cl), RDFS + "label", lit(f"Point {num} of the trilateral statement", "en"))
        for ex, lang, _pub, src, _t in EXPRESSIONS:
            ct = r(f"{cl}-text-{ex.removeprefix(AGREEMENT + '-')}")
            ref.o(r(cl), CK + "hasClauseText", ct)
            ref.a(ct, CK + "ClauseText")
            ref.o(ct, CK + "inExpression", r(ex))
            ref.t(ct, CK + "text", lit(text if lang == "en" else form_in(text[:40], "ru"), lang))
            ref.o(ct, CK + "textCoverage", coverage)
            ref.o(ct, CK + "textSource", r(src))

    def norm(self, cl: str, num: int, slug: str, bearer: str, benef: str | None, action: str, obj: str | None,
             deadline: str | None) -> None:
        """One norm a point imposes (pooled as a provision even when the shipped data has it)."""
        ref = self.ref
        self.norms.append(slug)
        self.provisions.append(slug)
        if not self.new(slug):
            return
        ref.o(r(cl), CK + "imposes", r(slug))
        ref.a(r(slug), CK + "Obligation")
        ref.t(r(slug), RDFS + "label", lit(f"{action.removeprefix('action-').replace('-', ' ')} (point {num})", "en"))
        ref.o(r(slug), CK + "bearer", r(bearer))
        if benef:
            ref.o(r(slug), CK + "beneficiary", r(benef))
        ref.o(r(slug), CK + "requiredAction", self.vocab.pick(action))
        if obj:
            ref.o(r(slug), CK + "actionObject", r(obj))
        if deadline:
            b = self.blank()
            ref.o(r(slug), CK + "deadline", b)
            ref.t(b, RDF_TYPE, iri(TIME + "Instant"))
            ref.t(b, TIME + "inXSDDate", typed(deadline, "date"))
        if slug == "norm-tri2020-p4-term":
            ref.t(r(slug), CK + "validFrom", typed("2020-11-10", "date"))
            ref.t(r(slug), CK + "validUntil", typed("2025-11-10", "date"))
            ref.t(r(slug), CK + "renewalRule", lit("Automatically extended for further 5-year periods "
                                                  "unless a Party gives notice 6 months before expiry.", "en"))

    def attribution(self, place: str, parent: str, who: str) -> None:
        self.bnode += 1
        a = r(f"attribution-{place}-{self.bnode}")
        self.ref.a(a, CK + "AdministrativeAttribution")
        self.ref.o(a, CK + "attributedPlace", r(place))
        self.ref.o(a, CK + "adminParent", r(parent))
        self.ref.o(a, CK + "accordingTo", r(who))
        if self.sources:
            self.ref.o(a, CK + "attestedIn", r(self.rng.choice(self.sources)))

    def source(self, slug: str, publisher: str, issued: dt.date | None, cls: str) -> None:
        if not self.new(slug):
            return
        self.sources.append(slug)
        self.sources_by_publisher.setdefault(publisher, []).append(slug)
        s = r(slug)
        self.ref.a(s, CK + cls)
        self.ref.o(s, SCHEMA + "url", f"https://example.org/synth/{slug}")
        self.ref.o(s, DCT + "publisher", r(publisher))
        if issued:
            self.ref.t(s, DCT + "issued", date(issued))
        else:
            self.ref.t(s, CK + "dateNote", lit("publication date not shown in the excerpt", "en"))
        self.ref.t(s, DCT + "title", lit(f"Synthetic {cls} {slug[-6:]}", "en"))

    # ---- library examples ----------------------------------------------------------------------
    def examples_in(self) -> None:
        """Give every example IRI of the library a role (and a minimal definition if it has none)."""
        pooled = {"incident": self.example_incidents, "claim": self.example_claims, "event": self.example_events}
        for value in self.examples:
            if not value.startswith(CKR):
                continue
            slug = value[len(CKR):]
            kind = slug.split("-", 1)[0]
            undefined = value not in self.shipped_defined and value not in self.w.defined
            if kind == "agent":
                self.example_agent(value, slug, undefined)
            elif kind == "place":
                self.example_place(value, slug, undefined)
            elif kind in ("agreement", "norm"):
                if slug not in self.provisions:
                    self.provisions.append(slug)
                if undefined:
                    cls = "Clause" if re.search(r"-p\d+$", slug) else ("Agreement" if kind == "agreement" else "Obligation")
                    self.ref.a(value, CK + cls)
            elif kind == "source":
                self.example_sources.append(slug)
                if undefined:
                    self.source(slug, "agent-armenpress", dt.date(2022, 3, 26), "NewsArticle")
            elif kind in pooled:
                pooled[kind].append(slug)

    def example_agent(self, value: str, slug: str, undefined: bool) -> None:
        """An example agent, a claimant of its side unless it already has a role there."""
        self.example_agents.append(slug)
        if undefined:
            self.ref.a(value, CK + "GovernmentBody")
            self.ref.t(value, RDFS + "label", lit(slug, "en"))
        side = SIDE.get(slug, "3")
        if slug not in self.claimants[side] and slug not in self.forces[side] and slug not in self.media:
            self.claimants[side].append(slug)

    def example_place(self, value: str, slug: str, undefined: bool) -> None:
        """An example place, among the places claims happen at most often."""
        if slug not in self.hot_places:
            self.hot_places.append(slug)
            self.places.append(slug)
        if undefined:
            self.ref.a(value, CK + "Settlement")
            self.ref.t(value, RDFS + "label", lit(slug, "en"))
            self.names(slug, [(slug.removeprefix("place-"), "en", None)], "PlaceName")

    # ---- bulk ------------------------------------------------------------------------------------
    def bulk_reference(self) -> None:
        """Synthetic reference data in proportion to the size: outlets, sources, agents, places with
        their names and attributions, later agreements."""
        rng, size = self.rng, self.size
        self.core_provisions = list(self.provisions)  # the real agreement, its clauses and norms, examples
        n_agents = max(40, size // 2500)
        n_media = max(10, n_agents // 5)
        for i in range(n_media):
            slug = f"agent-synth-media-{i:04d}"
            self.media.append(slug)
            self.ref.a(r(slug), CK + "MediaOutlet")
            self.ref.t(r(slug), RDFS + "label", lit(f"Synthetic news outlet {i}", "en"))
        publishers = self.media + [a for side in ("am", "az", "ru", "3") for a in self.claimants[side]]
        for i in range(max(100, size // 120)):
            pub = rng.choice(publishers)
            cls = rng.choices([c for c, _ in SOURCE_CLASSES], [w for _, w in SOURCE_CLASSES])[0]
            self.source(f"source-synth-{i:06d}", pub, self.day() if rng.random() < 0.9 else None, cls)
        for i in range(n_agents - n_media):
            self.synth_agent(i)
        n_places = max(60, size // 500)
        n_admin = max(6, n_places // 25)
        for i in range(n_places):
            self.synth_place(i, is_admin=i < n_admin)
        for i in range(max(2, size // 100_000)):
            self.synth_agreement(i)

    def synth_agent(self, i: int) -> None:
        """A government body, armed force or person of one side, with names in a few languages."""
        rng = self.rng
        side = rng.choice(["am", "az", "ru", "3", "am", "az"])
        kind = rng.choices(["GovernmentBody", "ArmedForce", "Person"], [6, 3, 2])[0]
        slug = f"agent-synth-{side}-{i:04d}"
        self.agents_by_side[side].append(slug)
        st = {"am": "agent-armenia", "az": "agent-azerbaijan", "ru": "agent-russia",
              "3": rng.choice(["agent-usa", "agent-france", "agent-turkey"])}[side]
        self.ref.a(r(slug), CK + kind)
        self.ref.t(r(slug), RDFS + "label", lit(f"Synthetic {kind} {i} ({side})", "en"))
        if kind == "ArmedForce":
            self.forces[side].append(slug)
            self.ref.o(r(slug), CK + "forceOf", r(st))
        elif kind == "Person":
            self.persons.append(slug)
            self.ref.o(r(slug), CK + "affiliatedWith", r(st))
        else:
            self.claimants[side].append(slug)
            self.ref.o(r(slug), CK + "affiliatedWith", r(st))
        forms = [(f"Synthetic agent {i}", "en", None)]
        for lang in rng.sample(LANGS[1:], rng.randint(0, 2)):
            forms.append((form_in(f"agent {i}", lang), lang, rng.choice(self.claimants[side] or [st])))
        self.names(slug, forms, "AttestedName")

    def synth_place(self, i: int, is_admin: bool) -> None:
        """A place (or administrative unit) with coordinates, 2-8 names, and contested attributions."""
        rng = self.rng
        slug = f"place-synth-{i:05d}"
        cls = "AdministrativeUnit" if is_admin else rng.choices(["Settlement", "Height", "Zone"], [85, 12, 3])[0]
        base = "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 3))).capitalize()
        alt = "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 3))).capitalize()
        p = r(slug)
        self.ref.a(p, CK + cls)
        self.ref.t(p, RDFS + "label", lit(f"{base} / {alt}", "en"))
        self.ref.t(p, WGS + "lat", typed(f"{39.4 + rng.random() * 1.2:.5f}", "decimal"))
        self.ref.t(p, WGS + "long", typed(f"{46.3 + rng.random() * 1.3:.5f}", "decimal"))
        self.names(slug, self.place_forms(base, alt), "PlaceName")
        if is_admin:
            self.admin_units.append(slug)
            return
        self.places.append(slug)
        if self.admin_units:
            self.ref.o(p, CK + "partOfPlace", r(rng.choice(self.admin_units)))
        if rng.random() < 0.3:
            self.ref.o(p, CK + "partOfPlace", r("place-zone-ru-pk-responsibility"))
        if rng.random() < 0.25 and len(self.admin_units) > 1:
            a1, a2 = rng.sample(self.admin_units, 2)
            self.attribution(slug, a1, rng.choice(self.claimants["am"]))
            self.attribution(slug, a2, rng.choice(self.claimants["az"]))

    def place_forms(self, base: str, alt: str) -> list[tuple[str, str, str | None]]:
        """A place's names: one per side in English, then forms of either in other languages."""
        rng = self.rng
        n_names = rng.randint(2, 8)
        forms: list[tuple[str, str, str | None]] = [(base, "en", rng.choice(self.claimants["am"])),
                                                     (alt, "en", rng.choice(self.claimants["az"]))]
        for lang in rng.sample(LANGS[1:], min(n_names - 2, len(LANGS) - 1)):
            src = base if rng.random() < 0.5 else alt
            side = rng.choice(["am", "az", "ru", "3"])
            forms.append((form_in(src, lang), lang, rng.choice(self.claimants[side] or self.media)))
        return forms

    def synth_agreement(self, i: int) -> None:
        """A later synthetic agreement with a few clauses, each imposing one norm."""
        rng = self.rng
        ag = f"agreement-synth-{i:03d}"
        self.ref.a(r(ag), CK + "Agreement")
        self.ref.t(r(ag), RDFS + "label", lit(f"Synthetic follow-up statement {i}", "en"))
        self.ref.o(r(ag), CK + "relatedAgreement", r(AGREEMENT))
        self.provisions.append(ag)
        for n in range(1, rng.randint(3, 7)):
            cl = f"{ag}-p{n}"
            nm = f"norm-synth-{i:03d}-p{n}"
            self.ref.o(r(ag), CK + "hasClause", r(cl))
            self.ref.a(r(cl), CK + "Clause")
            self.ref.t(r(cl), CK + "clauseNumber", integer(n))
            self.ref.o(r(cl), CK + "imposes", r(nm))
            self.ref.a(r(nm), CK + rng.choice(["Obligation", "Prohibition", "Permission"]))
            self.ref.o(r(nm), CK + "bearer", r(rng.choice(self.states)))
            self.ref.o(r(nm), CK + "requiredAction", self.vocab.pick("action-unblock-transport-links"))
            self.provisions.append(cl)
            self.norms.append(nm)

    def pick_place(self) -> str:
        if self.rng.random() < 0.15:
            return self.rng.choice(self.hot_places)
        return self.rng.choice(self.places)

    def pick_provisions(self) -> list[str]:
        rng = self.rng
        k = rng.choices([1, 2, 3], [6, 3, 1])[0]
        pool = self.core_provisions if rng.random() < 0.85 else self.provisions
        return sorted(set(rng.sample(pool, min(k, len(pool)))))

    def claim(self, *, stance: str, claimant: str, side: str, when: dt.date, accused: str | None,
              responds: str | None, incident: str, events_from: list[str] | None,
              content: bool, slug: str | None = None) -> tuple[str, list[str]]:
        """One claim node in ckg:claims and, when ``content``, its content graph."""
        if slug is None:
            self.claim_no += 1
            slug = f"claim-synth-{self.claim_no:07d}"
        c = r(slug)
        self.claim_node(c, stance, claimant, when)
        self.claim_links(c, stance, accused, responds, incident)
        self.claim_words(c, stance, claimant, when)
        if not content:
            return slug, []
        return slug, self.claim_content(c, slug, stance, when, accused, events_from)

    def claim_node(self, c: str, stance: str, claimant: str, when: dt.date) -> None:
        """Who said it, when, how, and where it can be read."""
        rng, cg = self.rng, self.claims
        cg.a(c, CK + "Claim")
        cg.o(c, CK + "claimant", r(claimant))
        cg.t(c, CK + "claimDate", date(when))
        cg.o(c, CK + "stance", self.stance[stance])
        cg.o(c, CK + "epistemicStatus", rng.choice(self.epistemic))
        own = self.sources_by_publisher.get(claimant)
        if own and rng.random() < 0.7:
            cg.o(c, CK + "statedIn", r(rng.choice(own)))
        for s in rng.sample(self.sources, rng.randint(1, 3)):
            cg.o(c, CK + "citedIn", r(s))
        if self.example_sources and rng.random() < 0.02:
            cg.o(c, CK + "citedIn", r(rng.choice(self.example_sources)))

    def claim_links(self, c: str, stance: str, accused: str | None, responds: str | None, incident: str) -> None:
        """Whom it accuses of breaching what, what it answers, its incident and spokesperson."""
        rng, cg = self.rng, self.claims
        if accused:
            cg.o(c, CK + "accusedParty", r(accused))
        if stance in ("alleges", "counter-alleges", "calls-on", "interprets", "confirms"):
            for prov in self.pick_provisions():
                cg.o(c, CK + "allegesBreachOf", r(prov))
        if rng.random() < 0.5:
            cg.o(c, CK + "impliedBreachOf", r(rng.choice(self.clauses)))
        if responds:
            cg.o(c, CK + "respondsTo", r(responds))
        cg.o(c, CK + "aboutIncident", r(incident))
        if self.persons and rng.random() < 0.1:
            cg.o(c, CK + "spokesperson", r(rng.choice(self.persons)))

    def claim_words(self, c: str, stance: str, claimant: str, when: dt.date) -> None:
        """Its summary and, most of the time, a short quote."""
        rng, cg = self.rng, self.claims
        cg.t(c, CK + "summary", lit(f"Synthetic {stance} claim by {claimant} on {when.isoformat()}.", "en"))
        if rng.random() < 0.6:
            cg.t(c, CK + "quote", lit(f"We {stance.replace('-', ' ')} that the statement of 10 November was "
                                       f"{'violated' if stance != 'denies' else 'not violated'} near "
                                       f"settlement {rng.randint(1, 999)}.", "en"))

    def claim_content(self, c: str, slug: str, stance: str, when: dt.date, accused: str | None,
                      events_from: list[str] | None) -> list[str]:
        """The claim's content graph: one to three events (some retold from ``events_from``)."""
        rng = self.rng
        cgraph = CKG + slug
        self.claims.o(c, CK + "hasContent", cgraph)
        g = Graph(self.w, cgraph)
        n_events = rng.choices([1, 2, 3], [6, 3, 1])[0]
        perpetrator_side = {"am": "am", "az": "az", "ru": "3", "3": "3"}.get(
            next((k for k, v in self.agents_by_side.items() if accused in v), "3"), "3")
        events: list[str] = []
        for k in range(n_events):
            ev = self.event_iri(k, events_from)
            self.event(g, ev, perpetrator_side, accused, when)
            self.claims.o(c, CK + "describesEvent", ev)
            if rng.random() < 0.45:
                self.casualties(g, ev, k, stance)
            events.append(ev)
        return events

    def event_iri(self, k: int, events_from: list[str] | None) -> str:
        """The ``k``-th event of a claim: one it answers (sometimes), a pending example, or a new one."""
        rng = self.rng
        reuse = events_from and k < len(events_from) and rng.random() < 0.4
        ev = events_from[k] if reuse else r(f"event-synth-{self.claim_no:07d}-{k + 1}")
        if not reuse and self.pending_events:
            ev = r(self.pending_events.pop(0))  # an example event IRI no file defines yet
        elif not reuse and self.example_events and rng.random() < 0.01:
            ev = r(rng.choice(self.example_events))
        return ev

    def event(self, g: Graph, ev: str, perpetrator_side: str, accused: str | None, when: dt.date) -> None:
        """One event: class and type, perpetrator and target, place and dates."""
        rng = self.rng
        cls = rng.choices(self.event_classes, self.event_weights)[0]
        g.a(ev, CK + cls)
        g.o(ev, CK + "eventType", self.event_types[cls])
        g.t(ev, RDFS + "label", lit(f"{cls} near place {rng.randint(1, 9999)}", "en"))
        forces = self.forces.get(perpetrator_side) or self.forces["am"]
        perp = accused if accused and rng.random() < 0.15 else rng.choice(forces)
        g.o(ev, CK + "perpetrator", r(perp))
        if rng.random() < 0.7:
            other = "az" if perpetrator_side == "am" else "am"
            g.o(ev, CK + "target", r(rng.choice(self.forces[other])))
        g.o(ev, CK + "atPlace", r(self.pick_place()))
        begin = when - dt.timedelta(days=rng.randint(0, 3))
        end = begin + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2]))
        g.t(ev, CK + "earliestBegin", date(begin))
        g.t(ev, CK + "latestEnd", date(end))
        g.t(ev, CK + "edtf", lit(begin.isoformat() if begin == end else f"{begin.isoformat()}/{end.isoformat()}"))
        g.o(ev, CK + "timePrecision", self.precision[0 if begin == end else 1])
        if cls == "DroneStrike":
            g.t(ev, CK + "strikeCount", nonneg(rng.randint(1, 6)))

    def casualties(self, g: Graph, ev: str, k: int, stance: str) -> None:
        """One or two casualty reports of event ``ev`` (a denial reports none)."""
        rng = self.rng
        for j in range(rng.choices([1, 2], [3, 1])[0]):
            cr = r(f"casualty-synth-{self.claim_no:07d}-{k + 1}-{j + 1}")
            g.o(ev, CK + "hasCasualtyReport", cr)
            g.a(cr, CK + "CasualtyReport")
            g.o(cr, CK + "casualtyKind", rng.choices([self.killed, self.wounded, self.missing], [5, 4, 1])[0])
            g.o(cr, CK + "casualtyAffiliation", r(rng.choice(self.states)))
            g.t(cr, CK + "casualtyGroup", lit(rng.choice(["servicemen", "civilians", "peacekeepers"]), "en"))
            lo = 0 if stance == "denies" else rng.randint(0, 6)
            hi = lo + rng.choice([0, 0, 1, 3])
            g.t(cr, CK + "countMin", nonneg(lo))
            g.t(cr, CK + "countMax", nonneg(hi))
            if lo == hi:
                g.t(cr, CK + "countBest", nonneg(lo))

    def bulk_claims(self) -> None:
        """One thread of claims per incident (the example incidents first) until the size is reached."""
        pending = list(self.example_incidents)
        inc_no = next_example = 0
        while len(self.w) < self.size:
            inc_no += 1
            inc, day = self.incident(inc_no, pending)
            next_example = self.thread(inc, day, next_example)

    def incident(self, inc_no: int, pending: list[str]) -> tuple[str, dt.date]:
        """The next incident (a pending example, now and then an example again, else a new one) and
        its day; defined in ckg:reference unless some file does."""
        rng = self.rng
        if pending:
            inc = pending.pop(0)
        elif self.example_incidents and rng.random() < 0.01:
            inc = rng.choice(self.example_incidents)
        else:
            inc = f"incident-synth-{inc_no:06d}"
        day = self.day()
        if r(inc) not in self.w.defined and r(inc) not in self.shipped_defined:
            self.ref.a(r(inc), CK + "Incident")
            self.ref.t(r(inc), RDFS + "label", lit(f"Synthetic incident {inc_no} of {day.isoformat()}", "en"))
        return inc, day

    def thread(self, inc: str, day: dt.date, next_example: int) -> int:
        """An allegation about ``inc`` and the responses to it; returns the next example claim's index."""
        rng = self.rng
        side = rng.choice(["am", "az", "az", "am", "ru"])
        other = {"am": "az", "az": "am", "ru": rng.choice(["am", "az"])}[side]
        accused_state = {"am": "agent-armenia", "az": "agent-azerbaijan"}[other]
        accused = accused_state if rng.random() < 0.7 else rng.choice(self.forces[other] or [accused_state])
        claimant = rng.choice(self.claimants[side])
        head, events = self.claim(stance="alleges", claimant=claimant, side=side, when=day, accused=accused,
                                  responds=None, incident=inc, events_from=None, content=True)
        thread = [(head, side, events, claimant)]
        if self.example_claims and rng.random() < 0.03:
            target = self.example_claims[next_example % len(self.example_claims)]
            next_example += 1
            thread.append((target, "ru", [], "agent-ru-mod"))
        for _ in range(rng.choices([0, 1, 2, 3, 5, 7], [2, 4, 4, 3, 2, 1])[0]):
            thread.append(self.response(thread, inc, day, accused))
        if self.rng.random() < 0.2 and len(thread) > 1:
            # a curator's coreference link between events told by two claims
            a_ev = thread[0][2]
            b_ev = thread[-1][2]
            if a_ev and b_ev and a_ev[0] != b_ev[0]:
                self.ref.o(a_ev[0], CK + "sameEventAs", b_ev[0])
        return next_example

    def response(self, thread: list, inc: str, day: dt.date, accused: str) -> tuple[str, str, list[str], str]:
        """A claim answering one claim of ``thread``: a denial, counter-allegation, confirmation..."""
        rng = self.rng
        to, to_side, to_events, _to_claimant = rng.choice(thread)
        when = day + dt.timedelta(days=rng.randint(0, 10))
        resp_side = {"am": "az", "az": "am", "ru": rng.choice(["am", "az"]), "3": "am"}[to_side]
        stance = rng.choices(["denies", "counter-alleges", "confirms", "calls-on", "interprets", "reports"],
                             [10, 6, 2, 2, 1, 2])[0]
        if stance == "confirms":
            resp_side = to_side if to_side != "3" else "ru"
        if stance in ("calls-on", "reports"):
            resp_side = rng.choice(["3", "ru"])
        claimant = rng.choice(self.claimants[resp_side] or self.claimants["ru"])
        acc = None
        if stance == "counter-alleges":
            acc = {"am": "agent-azerbaijan", "az": "agent-armenia"}.get(to_side, "agent-armenia")
            if resp_side == "az":
                acc = "agent-armenia"
            elif resp_side == "am":
                acc = "agent-azerbaijan"
        elif stance in ("confirms", "calls-on"):
            acc = accused
        has_content = stance in ("counter-alleges", "confirms", "reports") or rng.random() < 0.4
        slug, evs = self.claim(stance=stance, claimant=claimant, side=resp_side, when=when, accused=acc,
                               responds=to, incident=inc, events_from=to_events or None, content=has_content)
        return (slug, resp_side, evs or to_events, claimant)

    def examples_claims(self) -> None:
        """Define example claims the shipped data does not (so responses to them are not dangling)."""
        for slug in self.example_claims:
            if r(slug) in self.shipped_defined or r(slug) in self.w.defined:
                continue
            self.claim(stance="alleges", claimant="agent-ru-mod", side="ru", when=dt.date(2022, 3, 26),
                       accused="agent-azerbaijan", responds=None, incident="incident-synth-000000",
                       events_from=None, content=True, slug=slug)
        self.pending_events = [ev for ev in self.example_events
                               if r(ev) not in self.shipped_subjects and r(ev) not in self.w.defined]
        if "incident-synth-000000" not in self.w.defined:
            self.ref.a(r("incident-synth-000000"), CK + "Incident")

    def run(self) -> list[str]:
        self.skeleton()
        self.examples_in()
        self.bulk_reference()
        self.examples_claims()
        self.bulk_claims()
        return self.w.lines


def generate(size: int = DEFAULT_SIZE, seed: int = DEFAULT_SEED, *, include_shipped: bool = True,
             queries_dir: Path = ROOT / "queries") -> tuple[bytes, int]:
    """The synthetic dataset as N-Quads bytes, and its number of quads (shipped input included)."""
    import pyoxigraph as ox

    shipped = shipped_quads(include_data=True) if include_shipped else shipped_quads(include_data=False)
    examples = library_examples(queries_dir)
    gen = Generator(max(size - (len(shipped) if include_shipped else 0), 0), seed, shipped, examples)
    lines = gen.run()
    head = ox.serialize(_stable_bnodes(shipped), format=ox.RdfFormat.N_QUADS) if include_shipped and shipped else b""
    body = "".join(lines).encode("utf-8")
    count = (len(shipped) if include_shipped else 0) + len(lines)
    return head + body, count


def _stable_bnodes(quads: list) -> list:
    """The same quads with blank nodes renamed in order of appearance (pyoxigraph's are random)."""
    import pyoxigraph as ox

    names: dict[str, ox.BlankNode] = {}

    def fix(term):  # type: ignore[no-untyped-def]
        if isinstance(term, ox.BlankNode):
            if term.value not in names:
                names[term.value] = ox.BlankNode(f"shipped{len(names) + 1}")
            return names[term.value]
        return term

    return [ox.Quad(fix(q.subject), q.predicate, fix(q.object), q.graph_name) for q in quads]


def write(path: Path, data: bytes) -> None:
    import pyoxigraph as ox

    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".trig":
        from conflictkg.rdf.namespaces import PREFIXES

        quads = ox.parse(data, format=ox.RdfFormat.N_QUADS)
        ox.serialize(quads, str(path), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    else:
        path.write_bytes(data)


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=DEFAULT_SIZE, help="target number of quads (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("-o", "--output", type=Path, required=True, help="output file, .nq or .trig")
    ap.add_argument("--no-shipped", action="store_true",
                    help="write only the synthetic part: no shipped ontology, vocabularies or data/ "
                         "(the shipped vocabularies are still read to pick concept IRIs)")
    args = ap.parse_args(list(argv) if argv is not None else None)
    t0 = time.perf_counter()
    data, count = generate(args.size, args.seed, include_shipped=not args.no_shipped)
    write(args.output, data)
    print(f"wrote {count:,} quads ({len(data) / 1e6:.1f} MB as N-Quads) to {args.output} "
          f"in {time.perf_counter() - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
