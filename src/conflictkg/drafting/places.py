"""Places named in a sentence, found through the gazetteer by any attested name in any script.

Matching tolerates case endings, so the gazetteer's base form finds the inflected one: "Şuşada",
"Laçının" (Azerbaijani), "Степанакерте", "Шуши" (Russian), "Փառուխում" (Armenian). Only the last
word of a name is inflected, only long enough words (5 letters or more) are tried, and only the
endings of ``ENDINGS`` are taken off. The peacekeepers' zone is found by its usual wordings
("the area of responsibility of the Russian peacekeepers"), which vary too much for a list of
names. A capitalised word in another transliteration of a recorded name ("Xankendi" for
"Khankendi") and a place before "-based", "-bound" or "-held" count too. A district given as
the address of a place named before it ("Parukh in the Askeran district") is left out. The region
(Nagorno-Karabakh) is proposed after the places inside it, as the curators record it. A name that is also an agent's (Stepanakert as the authorities) still counts as a place.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from conflictkg.drafting.lexicon import STATE_KINDS, Lexicon
from conflictkg.drafting.scan import scan
from conflictkg.names import name_key
from conflictkg.rdf.namespaces import CKR

REGIONS = frozenset({CKR + "place-nagorno-karabakh"})
ZONE = CKR + "place-zone-ru-pk-responsibility"
ZONE_WORDING = re.compile(
    r"\b(area|zone)s?\s+of\s+(the\s+)?(russian\s+)?peacekeep\w*['’]?\s+(responsibility|control|deployment)"
    r"|\b(area|zone)\s+of\s+(responsibility|deployment)\s+of\s+the\s+(russian\s+)?(federation['’]s\s+)?peacekeep"
    r"|\bpeacekeep\w*['’]?\s+(area|zone)\s+of\s+(responsibility|control)\b|\bpeacekeeping\s+zone\b"
    r"|\b(area|zone|territory)\s+(controlled\s+by|under\s+the\s+(control|jurisdiction)\s+of)\s+(the\s+)?(russian\s+)?peacekeep",
    re.I)
# Case endings taken off a folded word (after name_key: ə→e, ı→i, ş→s): Azerbaijani locative,
# ablative, genitive, dative, accusative and -dakı; Russian noun endings; Armenian case endings.
ENDINGS = re.compile(r"[aeiouy]?(?:d[ae]n?|t[ae]n?|n?[iu]n|n?[iu]|y?[ae]|d[ae]ki)"
                     r"|[аяоеыиуюйь]?(?:ом|ем|ой|ей|ою|ею|ах|ях|ам|ям|ами|ями|[аяоеыиуюй])"
                     r"|[աեիոօըւ]?(?:ում|ից|ով|ին|ի|ն|ը|ու)")
VOWELS = ("", "a", "e", "i", "а", "я", "о", "е", "ь", "й", "ա", "ի")


def base_forms(word: str) -> Iterator[str]:
    """Candidate base forms of an inflected word: an ending off, and the name's own final vowel
    back ("шуше" → "шуша", "susada" → "susa")."""
    if len(word) < 5:
        return
    for cut in range(1, min(5, len(word) - 3) + 1):
        if ENDINGS.fullmatch(word[-cut:]):
            yield from (word[:-cut] + v for v in VOWELS)


def _names_a_state(text: str, lex: Lexicon) -> bool:
    """"Moscow said", "Baku denies": a capital named as a state's voice is not a place."""
    return any(lex.agents[i].kinds & STATE_KINDS for i in lex.agent_keys.get(name_key(text), ()) if i in lex.agents)


# One spelling for the usual transliterations of the region's names: x/kh/h, q/k, gh/g, dzh/dj/j,
# zh/j, sh/sch/ş, ch/ç, c/ts, w/v, y/i, e/ə/a, doubled letters. Only for capitalised words of 5
# letters or more, matched against names of 5 letters or more.
_LOOSE = (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("kh", "h"), ("x", "h"),
          ("gh", "g"), ("q", "k"), ("ts", "c"), ("w", "v"), ("y", "i"), ("e", "a"))
COMPOUND = re.compile(r"\b([^\W\d_][\w'’]+)[-‐‑](?:based|bound|controlled|held|area|side|region)\b")


def loose_key(key: str) -> str:
    """A name key with transliteration variants folded ("Xankendi" and "Khankendi", "Qaraglukh"
    and "Karaglukh", "Aghdam" and "Agdam" meet)."""
    for a, b in _LOOSE:
        key = key.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", key)


def _loose_places(text: str, taken: list, lex: Lexicon) -> list[str]:
    """Places named by a capitalised word in another transliteration, or before "-based", "-held"."""
    table: dict[str, set[str]] = {}
    for key, iris in lex.place_keys.items():
        if len(key) >= 5:
            table.setdefault(loose_key(key), set()).update(iris)
    out: list[str] = []
    for m in re.finditer(r"\b[^\W\d_][\w'’]{4,}", text):
        word = COMPOUND.match(text, m.start())
        word_text = word.group(1) if word else m.group(0)
        if any(t.start <= m.start() < t.end for t in taken) and not word or not word_text[0].isupper():
            continue
        key = name_key(word_text)
        for candidate in [key, *base_forms(key)]:
            iris = lex.place_keys.get(candidate) or table.get(loose_key(candidate))
            if iris and not _names_a_state(word_text, lex):
                out += sorted(iris)
                break
    return out


_UNIT_AFTER = re.compile(r"\s+(district|region|province|rayon)\b", re.I)
_IN_BEFORE = re.compile(r"\b(in|of)\s+(the\s+)?([\w'’-]+['’]s?\s+)?$", re.I)


def _address(text: str, mention, earlier: list, lex: Lexicon) -> bool:
    """"Parukh village in the Askeran district": a district named after a place as its address is
    not a place of its own (the curators place the event at the village)."""
    unit = _UNIT_AFTER.match(text, mention.end) or re.search(r"\b(district|region|province|rayon)$", mention.text, re.I)
    return bool(unit and _IN_BEFORE.search(text[:mention.start])
                and any(not set(m.iris) & REGIONS for m in earlier))


def find_places(text: str, lex: Lexicon) -> list[str]:
    """IRIs of the places named in ``text``, in order of first mention, the region last."""
    out: list[str] = []
    mentions = scan(text, lex.place_keys, lex.longest, base_forms)
    for i, mention in enumerate(mentions):
        if _names_a_state(mention.text, lex) or _address(text, mention, mentions[:i], lex):
            continue
        out += [iri for iri in mention.iris if iri not in out]
    out += [iri for iri in _loose_places(text, mentions, lex) if iri not in out]
    if ZONE_WORDING.search(text) and ZONE not in out:
        out.append(ZONE)
    return [p for p in out if p not in REGIONS] + [p for p in out if p in REGIONS]


def region_with_a_place_inside(claim) -> None:
    """The region (Nagorno-Karabakh) is a claim's place only next to a place inside it (a village,
    a district, the peacekeepers' zone); named alone it is the conflict's name or background ("the
    Nagorno-Karabakh conflict", "peacekeepers in Karabakh"), and is left out, of the events too."""
    if any(p not in REGIONS for p in claim.places):
        return
    claim.places = []
    claim.events = [dataclasses.replace(e, places=tuple(p for p in e.places if p not in REGIONS)) for e in claim.events]
