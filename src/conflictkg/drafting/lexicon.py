"""The names the drafter looks for, read from the project's own data by the queries in
``queries/drafting/``: agents (labels, attested names, persons' surnames),
places (every attested name in any script) and recorded sources (by URL); then the drafting
lexicon's phrasings and bodies, which are not in the graph (``data/drafting/lexicon.toml``, read by
:mod:`conflictkg.drafting.phrasings`; ``data/drafting/bodies.toml``, read by
:mod:`conflictkg.drafting.bodies`)."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from conflictkg.drafting.bodies import Body, read_bodies
from conflictkg.drafting.phrasings import Phrasings, read_phrasings
from conflictkg.errors import InputError
from conflictkg.names import name_key, name_keys
from conflictkg.rdf.namespaces import CK, CKR
from conflictkg.resources import Resources
from conflictkg.sparql.queries import load_library
from conflictkg.store import Store

MEDIA = CK + "MediaOutlet"
PERSON = CK + "Person"
STATE_KINDS = frozenset({CK + "State", CK + "DeFactoAuthority"})
NEW = "new"  # the kind of an agent the data does not record, proposed by the drafter


@dataclass(frozen=True)
class AgentInfo:
    """What the drafter needs to know of one agent."""

    iri: str
    label: str
    kinds: frozenset[str]
    state: str = ""  # the state or authority it belongs to ("" for a state itself or unknown)
    body: str = ""  # for a person: the body in which they hold a post
    voice_of: str = ""  # for a spokesperson or minister: the body their words are credited to

    @property
    def is_media(self) -> bool:
        return MEDIA in self.kinds

    @property
    def side(self) -> str:
        """The state or authority an accusation against this agent is about."""
        return self.iri if self.kinds & STATE_KINDS else self.state


@dataclass
class Lexicon:
    """Name tables keyed by :func:`conflictkg.names.name_key`."""

    agents: dict[str, AgentInfo] = field(default_factory=dict)
    agent_keys: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    place_keys: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    place_labels: dict[str, str] = field(default_factory=dict)
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)  # url -> (source, publisher)
    contested: dict[str, str] = field(default_factory=dict)  # phrasing key -> perspective whose usage it is
    body_sources: dict[str, str] = field(default_factory=dict)  # body IRI -> a page that names it (bodies.toml)

    @property
    def longest(self) -> int:
        """Length in words of the longest name (bounds the scan)."""
        keys = list(self.agent_keys) + list(self.place_keys)
        return max((k.count(" ") + 1 for k in keys), default=1)


def _value(row: dict, key: str) -> str:
    term = row.get(key)
    return "" if term is None else str(term.value)


def _add_agents(lex: Lexicon, rows: list[dict]) -> None:
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        agent = _value(row, "agent")
        kinds[agent].add(_value(row, "kind"))
        for key in name_keys(_value(row, "name")):
            lex.agent_keys[key].add(agent)
    labels = {_value(r, "agent"): _value(r, "label") for r in rows if r.get("label") is not None}
    for row in rows:
        agent = _value(row, "agent")
        if agent in lex.agents:
            continue
        info = AgentInfo(agent, labels.get(agent, agent), frozenset(kinds[agent]), _value(row, "state"),
                         _value(row, "body"))
        lex.agents[agent] = info
        if info.kinds & {PERSON}:  # "Zakharova said": a person's surname alone names them
            surname = name_key(info.label.split("(")[0]).split(" ")[-1]  # "Peskov (Kremlin spokesperson)"
            if len(surname) >= 5:
                lex.agent_keys[surname].add(agent)


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{2,}")  # "PACE", "OIC": never a common word
_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*")
_LEADING = frozenset({"a", "an", "the", "for", "in", "on", "of", "to", "and", "news"})  # "The National", "For Rights"
_SMALL = frozenset({"of", "the", "for", "and", "on", "in", "to", "de", "del", "du"})


def _is_title(part: str) -> bool:
    """A name of its own: an acronym, or two words or more, not led by an article or "for", each
    capitalised but the small ones,
    with no web address, comma or digit ("Parliamentary Assembly of the Council of Europe")."""
    words = part.split()
    if len(words) == 1:
        return bool(_ACRONYM.fullmatch(part))
    return (words[0].lower() not in _LEADING and not re.search(r"[.,;:\d]", part) and words[0][0].isupper()
            and all(w[0].isupper() or w in _SMALL for w in words))


def label_parts(label: str) -> list[str]:
    """The names a label "X (Y) Z" holds apart from the whole: "X Z" (the bracket dropped), the
    bracket "Y" if it is an acronym ("PACE"), and "X Z" with Y for the word before the bracket when Y
    is one capitalised word (another name of it: "Ministry of Foreign Affairs of Nagorno-Karabakh").
    Labels with no bracket, or with more than one, give nothing."""
    found = _BRACKET.findall(label)
    if len(found) != 1:
        return []
    inner = found[0].strip()
    head, tail = _BRACKET.split(label, maxsplit=1)[0::2]
    outer = " ".join(f"{head} {tail}".split())
    parts = [outer] if _is_title(outer) else []
    parts += [inner] if _ACRONYM.fullmatch(inner) else []  # "(PACE)"; a longer bracket may say where or what it is
    words = head.split()
    if len(words) >= 2 and re.fullmatch(r"[A-Z][\w-]+", inner) and not _ACRONYM.fullmatch(inner):
        swapped = " ".join(words[:-1] + [inner] + tail.split())
        parts += [swapped] if _is_title(swapped) else []
    return parts


def _add_label_parts(lex: Lexicon) -> None:
    """Give each bracketed label's parts as names of their own, unless a part is already a name of
    another agent or is the part of several labels (an ambiguous key resolves to nobody)."""
    taken = {key for key, iris in lex.agent_keys.items() if iris}
    claims: dict[str, set[str]] = defaultdict(set)
    for iri, info in lex.agents.items():
        for part in label_parts(info.label):
            for key in name_keys(part):
                claims[key].add(iri)
    for key, iris in claims.items():
        if len(iris) == 1 and key not in taken:
            lex.agent_keys[key] |= iris


def load_lexicon(store: Store, res: Resources) -> Lexicon:
    """All name tables from ``store`` (the shipped data staged in memory, or a built store)."""
    library = load_library(res.drafting_queries_dir)
    lex = Lexicon()
    _add_agents(lex, store.query(library["agent-names"].text).dicts())
    _add_label_parts(lex)
    for row in store.query(library["place-names"].text).dicts():
        place, name = _value(row, "place"), _value(row, "name")
        lex.place_labels.setdefault(place, name)
        for key in name_keys(name):
            lex.place_keys[key].add(place)
    for row in store.query(library["source-urls"].text).dicts():
        lex.sources.setdefault(_value(row, "url"), (_value(row, "source"), _value(row, "publisher")))
    lex = add_phrasings(lex, read_phrasings(res.drafting_lexicon_file), res.drafting_lexicon_file)
    return add_bodies(lex, read_bodies(res.drafting_bodies_file), res.drafting_bodies_file)


def _iri(lex: Lexicon, local: str, path: Path) -> str:
    iri = CKR + local
    if iri not in lex.agents:
        raise InputError(f"the drafting lexicon names {local}, which is no agent in the data", str(path),
                         hint="use the local name of a recorded agent's IRI (ckr:agent-...)")
    return iri


def _index(lex: Lexicon, iri: str, phrases: list[str]) -> None:
    for phrase in phrases:
        for key in name_keys(phrase):
            lex.agent_keys[key].add(iri)


def add_phrasings(lex: Lexicon, phrasings: Phrasings, path: Path) -> Lexicon:
    """Add the drafting lexicon to ``lex``: phrasings find their agent, one-sided ones are
    remembered with their side, and a speaker's words go to their body (``voice_of``)."""
    for local, phrases in sorted(phrasings.neutral.items()):
        _index(lex, _iri(lex, local, path), phrases)
    for local, sides in sorted(phrasings.contested.items()):
        iri = _iri(lex, local, path)
        for perspective, phrases in sorted(sides.items()):
            _index(lex, iri, phrases)
            lex.contested.update({key: perspective for phrase in phrases for key in name_keys(phrase)})
    for local, (body, names) in sorted(phrasings.speakers.items()):
        iri, body_iri = _iri(lex, local, path), _iri(lex, body, path)
        _index(lex, iri, names)
        lex.agents[iri] = dataclasses.replace(lex.agents[iri], voice_of=body_iri)
    return lex



def _side(lex: Lexicon, body: Body, path: Path) -> str:
    side = _iri(lex, body.side, path) if body.side else ""
    if side and not lex.agents[side].kinds & STATE_KINDS:
        raise InputError(f"bodies.{body.local}: side {body.side} is no state or authority", str(path),
                         hint="give the ckr:agent-... of a ck:State or ck:DeFactoAuthority, or \"\"")
    return side


def _body_info(lex: Lexicon, body: Body, path: Path) -> AgentInfo:
    """The recorded agent (its side checked against the data's), or a new one with the file's label."""
    iri, side = CKR + body.local, _side(lex, body, path)
    if iri not in lex.agents:
        if not body.label:
            raise InputError(f"bodies.{body.local} is no agent in the data and has no label", str(path),
                             hint="give label = \"...\" for a body the data does not record, or fix the IRI")
        return AgentInfo(iri, body.label, frozenset({NEW}), side)
    known = lex.agents[iri]
    if body.label:
        raise InputError(f"bodies.{body.local} is recorded in the data: its label is the data's", str(path),
                         hint=f"drop label = \"{body.label}\"")
    if known.state != side:
        data_side = known.state.removeprefix(CKR) or "none"
        raise InputError(f"bodies.{body.local}: side {body.side or 'none'} is not the data's ({data_side})",
                         str(path), hint=f"the data records it under {data_side}")
    return known


def add_bodies(lex: Lexicon, bodies: list[Body], path: Path) -> Lexicon:
    """Add the lexicon of bodies to ``lex``: their names find them, one side's wordings are
    remembered with their side, and a body the data does not record becomes a known new agent."""
    for body in bodies:
        info = _body_info(lex, body, path)
        lex.agents[info.iri] = info
        lex.body_sources[info.iri] = body.source
        _index(lex, info.iri, list(body.names))
        for perspective, phrases in sorted(body.contested.items()):
            _index(lex, info.iri, phrases)
            lex.contested.update({key: perspective for phrase in phrases for key in name_keys(phrase)})
    return lex
