"""Place names inside incident and event titles (#13).

A title (``rdfs:label``) names some of its resource's curated places (``dcterms:spatial``) in one of
their spellings: the neutral label ("Parukh / Farrukh", either order of a compound, with or without
spaces around the slash) or an attested name ("Parukh", "Kalbajar district"), sometimes with a second
spelling of the same name written beside it ("Kalbajar / Kelbajar"). :func:`place_spans` finds where;
the naming switch puts the chosen usage's name there (``Labeller.title``) and search indexes the title
with each attested name there (:func:`title_variants`), so "Фарух" finds the Parukh incident.

A name is matched whole (not inside "Aghdamkend"), never inside a quotation ('Nakhchivan corridor' is a
speaker's words, not the project's), never inside the attribution that ends a title ("(as alleged by the
Artsakh emergency service)" names a claimant, not a place), never as the first word of a proper name
("Artsakh Defence Army", "Nagorno-Karabakh Republic": a body's name is its own) nor as a side's name before its
people, forces or offices, or as its speaker ("Artsakh positions", "the Artsakh presidency", "a Nagorno-Karabakh
serviceman", "Artsakh denies", "denied by Artsakh": a party, not a place),
and inside a hyphenated
compound ("Aghavno-Berdzor section") it is replaced by a one-word name only ("Akhavno-Berdzor", but
"Kalbajar-Lachin", not "Kelbajar region-Lachin").
Nothing here is a hand-made list: the spellings are the gazetteer's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from difflib import SequenceMatcher
from functools import lru_cache

#: A single-quoted span: a quotation, not an apostrophe ("Aliyev's" opens none).
_QUOTED = re.compile(r"(?<![\w])'[^']*'(?![\w])")
#: An attribution in parentheses: "(as alleged by ...)", "(as the Kremlin states it)", "(figures of ...)".
_ATTRIBUTION = re.compile(r"\((?:as |figures of |[^()]* by )[^()]*\)")
#: A capitalised word right after a name: the name begins a proper name ("Artsakh Defence Army").
_PROPER = re.compile(r" (?:[A-Z][a-z]|[A-Z]{2,}\b)")
#: A side's people, forces or officials right after a name: the name is the party's ("Artsakh positions").
_PARTY = re.compile(r" (?:positions?|residents?|servicem[ae]n|soldiers?|police|authorities|leaders?|officials?|"
                    r"posts?|side|units?|forces|army|troops|government|presiden(?:cy|t|tial)|ministry|ministers?|"
                    r"spokes(?:person|man|woman)|parliament|ombudsman|deny|denies|say|says|answers?|replies|"
                    r"responds?|accuses|alleges)\b")
#: What makes a name the speaker's: "denied by Artsakh".
_BY = " by "
#: A second spelling written after a name: " / Word".
_BESIDE = re.compile(r"\s*/\s*([^\W\d_][\w'’]*)(?![\w-])")
#: How alike (0-1, of their case-folded letters) a word after a slash must be to the name before it to be
#: another spelling of it ("Kalbajar / Kelbajar": 0.88; "Hadrut region / Khojavend": 0.36).
SAME_NAME = 0.75


def compound_spellings(label: str) -> list[str]:
    """The ways a title writes a place's neutral label: the label itself and, for a compound of two names
    ("Shusha / Shushi"), the two in either order, with or without spaces around the slash, as curators
    wrote them ("Shushi / Shusha direction", "Stepanakert/Khankendi, 21 September 2023"; #13).

    >>> compound_spellings("Shusha / Shushi")
    ['Shusha / Shushi', 'Shusha/Shushi', 'Shushi / Shusha', 'Shushi/Shusha']
    >>> compound_spellings("Aghavno"), compound_spellings("Hadrut region / district")
    (['Aghavno'], ['Hadrut region / district'])

    A part that is not a name ("district" in "Hadrut region / district") is not a compound.
    """
    parts = [part.strip() for part in label.split("/")]
    if len(parts) != 2 or not all(part[:1].isupper() for part in parts):
        return [label]
    first, second = parts
    return sorted({label, f"{first} / {second}", f"{first}/{second}", f"{second} / {first}", f"{second}/{first}"})


def spellings(neutral: str | None, names: Iterable[str]) -> set[str]:
    """Every way a title may write a place: its neutral label's spellings and its attested names."""
    return {*(compound_spellings(neutral) if neutral else ()), *(name for name in names if name.strip())}


def place_spans(text: str, by_spelling: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """``(start, end, place)`` of every whole, unquoted spelling in ``text`` (``by_spelling``: spelling to
    place), longest spellings first, left to right; a span takes in a second spelling of the same place
    written after a slash: an attested one ("Ghapanlu / Qapanlı") or one that reads as the same name
    ("Kalbajar / Kelbajar"), never another place's.

    A span in a hyphenated compound is marked (its place after a "-": see :func:`replace_spans`).

    >>> place_spans("Kalbajar / Kelbajar, 'Kalbajar corridor', Kalbajar-Lachin", {"Kalbajar": "p"})
    [(0, 19, 'p'), (42, 50, 'p-')]
    >>> place_spans("Ghapanlu / Qapanlı direction", {"Ghapanlu": "g", "Qapanlı": "g"})
    [(0, 18, 'g')]
    >>> place_spans("Hadrut region / Khojavend district", {"Hadrut region": "h", "Khojavend district": "k"})
    [(0, 13, 'h'), (16, 34, 'k')]
    >>> place_spans("Fire in Artsakh (as alleged by the Artsakh Defence Army)", {"Artsakh": "a"})
    [(8, 15, 'a')]
    >>> place_spans("Artsakh Ombudsman, Artsakh MoD", {"Artsakh": "a"})
    []
    >>> place_spans("Fire on Artsakh positions near Artsakh's border", {"Artsakh": "a"})
    [(31, 38, 'a')]
    >>> place_spans("Artsakh denies; fire denied by Artsakh; Armenia and Artsakh deny it", {"Artsakh": "a"})
    []
    >>> place_spans("Movement into Artsakh; the Artsakh presidency answers; the Artsakh ministry replies", {"Artsakh": "a"})
    [(14, 21, 'a')]
    """
    if not by_spelling:
        return []
    kept = [m.span() for pattern in (_QUOTED, _ATTRIBUTION) for m in pattern.finditer(text)]
    spans = []
    for match in _pattern(tuple(sorted(by_spelling, key=lambda n: (-len(n), n)))).finditer(text):
        start, end = match.span()
        if _not_a_place(text, start, end, kept):
            continue
        if spans and start < spans[-1][1]:
            continue  # taken in by the span before
        place = by_spelling[match.group(0)]
        beside = _BESIDE.match(text, end)
        other = by_spelling.get(beside.group(1)) if beside else None
        if beside and (other == place or other is None and _alike(match.group(0), beside.group(1))):
            end = beside.end()
        joined = text[start - 1:start] == "-" or text[end:end + 1] == "-"
        spans.append((start, end, place + "-" if joined else place))
    return spans


def _not_a_place(text: str, start: int, end: int, kept: list[tuple[int, int]]) -> bool:
    """Whether the name at ``text[start:end]`` is kept as written: inside a quotation or the closing attribution
    (``kept``), the first word of a proper name, or a side's name (its people or forces after it, or its speaker:
    "denied by Artsakh")."""
    return (any(a <= start < b for a, b in kept) or bool(_PROPER.match(text, end)) or bool(_PARTY.match(text, end))
            or text.endswith(_BY, 0, start))


def replace_spans(text: str, spans: list[tuple[int, int, str]], name: Callable[[str], str | None]) -> str:
    """``text`` with each span's place written ``name(place)``; a span whose name is None is kept, as is one
    in a hyphenated compound (place marked with a trailing "-") whose name has more than one word.

    >>> replace_spans("Kalbajar-Lachin, Aghavno-Berdzor", [(0, 8, "k-"), (17, 24, "a-")],
    ...               {"k": "Kelbajar region", "a": "Akhavno"}.get)
    'Kalbajar-Lachin, Akhavno-Berdzor'
    """
    out, at = [], 0
    for start, end, marked in spans:
        place = marked.removesuffix("-")
        chosen = name(place)
        if chosen is not None and marked != place and len(chosen.split()) > 1:
            continue
        if chosen is not None and start >= at:
            out += [text[at:start], chosen]
            at = end
    return "".join(out) + text[at:]


def title_variants(text: str, places: Iterable[str], neutral: Mapping[str, str],
                   names: Mapping[str, list[str]]) -> set[str]:
    """``text`` with the places it names written in each of their other spellings, one place at a time:
    what search indexes a title under besides the title itself (never ``text`` itself).

    >>> sorted(title_variants("Near Parukh / Farrukh, 12 April", ["p"], {"p": "Parukh / Farrukh"},
    ...                       {"p": ["Farukh", "Parukh", "Фарух"]}))
    ['Near Farukh, 12 April', 'Near Parukh, 12 April', 'Near Фарух, 12 April']
    """
    variants = set()
    for place in places:
        label = neutral.get(place)
        spans = place_spans(text, dict.fromkeys(spellings(label, names.get(place, ())), place))
        if spans:
            variants |= {replace_spans(text, spans, lambda _p, n=name: n)
                         for name in {*names.get(place, ()), *([label] if label else [])}}
    variants.discard(text)
    return variants


@lru_cache(maxsize=4096)
def _pattern(spelled: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``spelled`` (longest first), whole: not inside a word."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in spelled) + r")(?!\w)")


def _alike(name: str, other: str) -> bool:
    """Whether ``other`` reads as another spelling of ``name`` (or of its first word)."""
    first = name.split()[0].casefold()
    return SequenceMatcher(None, first, other.casefold()).ratio() >= SAME_NAME
