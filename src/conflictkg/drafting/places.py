"""Places named in a sentence, found through the gazetteer by any attested name in any script.

The region's own names (Nagorno-Karabakh, Artsakh, Karabakh) are found but not proposed as the
place of an event: they locate nothing a curator could check. A name that is also an agent's
(Stepanakert as the authorities) still counts as a place here.
"""

from __future__ import annotations

from conflictkg.drafting.lexicon import STATE_KINDS, Lexicon
from conflictkg.drafting.scan import scan
from conflictkg.names import name_key
from conflictkg.rdf.namespaces import CKR

REGIONS = frozenset({CKR + "place-nagorno-karabakh"})


def _names_a_state(text: str, lex: Lexicon) -> bool:
    """"Moscow said", "Baku denies": a capital named as a state's voice is not a place."""
    return any(lex.agents[i].kinds & STATE_KINDS for i in lex.agent_keys.get(name_key(text), ()) if i in lex.agents)


def find_places(text: str, lex: Lexicon) -> list[str]:
    """IRIs of the places named in ``text``, in order of first mention, regions left out."""
    out: list[str] = []
    for mention in scan(text, lex.place_keys, lex.longest):
        if _names_a_state(mention.text, lex):
            continue
        for iri in mention.iris:
            if iri not in REGIONS and iri not in out:
                out.append(iri)
    return out
