"""Search keys for names: one normalisation, used when indexing names and when binding a search.

``name_key`` folds case and diacritics so that every spelling a user may type of an attested
name reaches it: "Fərrux", "FƏRRUX" and "ferrux" share a key, as do "Parukh" and "parukh".
Different transliterations (Farrukh, Farux, Փառուխ, Фарух) stay different keys; they meet
because each is an attested name of the same place.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import pyoxigraph as ox

from conflictkg.rdf.namespaces import CK, GRAPH_INDEX, PREFIXES

SKOSXL_LITERAL_FORM = PREFIXES["skosxl"] + "literalForm"

# Letters that Unicode does not decompose into a base letter plus a combining mark.
_SPECIAL = str.maketrans({"ə": "e", "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŀ": "l", "ǝ": "e"})
_SEPARATORS = str.maketrans({c: " " for c in "-‐‑–—_/.,'’`ʼ\"()"})


def name_key(text: str) -> str:
    """Case- and diacritic-insensitive key of a name.

    >>> name_key("Fərrux"), name_key("FƏRRUX"), name_key("Mount  Karaglukh"), name_key("Փառուխ")
    ('ferrux', 'ferrux', 'mount karaglukh', 'փառուխ')
    >>> name_key("Şuşa") == name_key("susa") == name_key("Shusha".replace("h", ""))
    True
    """
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL))
    # ASCII has no combining mark: most labels skip the per-character filter (a search index of #14's sizes)
    base = folded if folded.isascii() else "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(base.translate(_SEPARATORS).split())


def name_keys(text: str) -> set[str]:
    """Every key under which a name is indexed: :func:`name_key`, plus the reading of the
    Azerbaijani schwa as "a" (Fərrux is also transliterated Farrux/Farrukh).

    >>> sorted(name_keys("Fərrux"))
    ['farrux', 'ferrux']
    """
    key = name_key(text)
    if "ə" not in text and "Ə" not in text:  # most names: one key, folded once
        return {key}
    return {key, name_key(text.replace("ə", "a").replace("Ə", "A"))}


def name_index(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """``(name, ck:nameKey, key)`` in graph ``ckg:index`` for every ``skosxl:literalForm``.

    The index is derived at every build from the curated names; it is never edited by hand.
    """
    literal_form = ox.NamedNode(SKOSXL_LITERAL_FORM)
    key_pred = ox.NamedNode(CK + "nameKey")
    graph = ox.NamedNode(GRAPH_INDEX)
    out = {
        ox.Quad(q.subject, key_pred, ox.Literal(key), graph)
        for q in quads
        if q.predicate == literal_form and isinstance(q.object, ox.Literal)
        for key in name_keys(q.object.value)
    }
    return sorted(out, key=str)
