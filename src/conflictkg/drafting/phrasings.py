"""The drafting lexicon (``data/drafting/lexicon.yaml``): how articles refer to agents, read into
the drafter's name tables and nowhere else.

It sits outside the graph on purpose: a phrasing is a reading aid, not a name of the agent, and
one-sided phrasings ("separatist authorities") are stored with the side whose usage they are, so
that no published page presents them as what the agent is called. Speakers (spokespersons,
ministers) are persons whose words the drafter gives to the body they speak for.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml

from conflictkg.drafting.lexicon import PERSON, AgentInfo, Lexicon
from conflictkg.errors import InputError
from conflictkg.names import name_keys
from conflictkg.rdf.namespaces import CKR


def read_lexicon_file(path: Path) -> dict:
    """The file's three sections (``phrasings``, ``contested``, ``speakers``), each a mapping."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"cannot read the drafting lexicon: {exc}", str(path),
                         hint="restore data/drafting/lexicon.yaml from the repository") from exc
    if not isinstance(data, dict):
        raise InputError("the drafting lexicon is not a mapping of sections", str(path))
    return {section: data.get(section) or {} for section in ("phrasings", "contested", "speakers")}


def _agent(lex: Lexicon, local: str, path: Path) -> str:
    iri = CKR + local
    if iri not in lex.agents:
        raise InputError(f"the drafting lexicon names {local}, which is no agent in the data", str(path),
                         hint="use the local name of a recorded agent's IRI (ckr:agent-...)")
    return iri


def _index(lex: Lexicon, iri: str, phrases: list[str]) -> None:
    for phrase in phrases:
        for key in name_keys(phrase):
            lex.agent_keys[key].add(iri)


def add_phrasings(lex: Lexicon, path: Path) -> Lexicon:
    """Add the file's phrasings, contested phrasings (noted per side) and speakers to ``lex``."""
    data = read_lexicon_file(path)
    for local, phrases in sorted(data["phrasings"].items()):
        _index(lex, _agent(lex, local, path), phrases)
    for local, sides in sorted(data["contested"].items()):
        iri = _agent(lex, local, path)
        for perspective, phrases in sorted(sides.items()):
            _index(lex, iri, phrases)
            for phrase in phrases:
                for key in name_keys(phrase):
                    lex.contested[key] = perspective
    for local, entry in sorted(data["speakers"].items()):
        iri = _agent(lex, local, path)
        body = _agent(lex, entry["body"], path)
        _index(lex, iri, entry.get("names", []))
        info = lex.agents[iri]
        lex.agents[iri] = dataclasses.replace(info, voice_of=body, kinds=info.kinds | {PERSON})
    return lex


def contested_phrases(text: str, lex: Lexicon) -> list[tuple[str, str]]:
    """(phrase, perspective) of every one-sided phrasing in ``text``, in order."""
    from conflictkg.drafting.scan import scan

    out = []
    for m in scan(text, lex.agent_keys, lex.longest):
        sides = sorted(lex.contested[k] for k in name_keys(m.text) if k in lex.contested)
        if sides:
            out.append((m.text, sides[0]))
    return out
