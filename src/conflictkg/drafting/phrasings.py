"""The drafting lexicon file (``data/drafting/lexicon.toml``): how articles refer to agents. Read
into the drafter's name tables (:func:`conflictkg.drafting.lexicon.load_lexicon`) and nowhere else.

It sits outside the graph on purpose: a phrasing is a reading aid, not a name of the agent, and
one-sided phrasings ("separatist authorities") are stored with the side whose usage they are, so
that no published page presents them as what the agent is called. Speakers (spokespersons,
ministers) are persons whose words the drafter gives to the body they speak for. TOML, read by the
standard library, because the file is a few tables of strings.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from conflictkg.errors import InputError


@dataclass(frozen=True)
class Phrasings:
    """The file's three tables, agents by the local name of their IRI (``agent-ru-mod``)."""

    neutral: dict[str, list[str]] = field(default_factory=dict)  # agent -> phrasings
    contested: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # agent -> perspective -> phrasings
    speakers: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # person -> (body, names)

    def agents(self) -> set[str]:
        """Every agent the file names (they must all exist in the data)."""
        return set(self.neutral) | set(self.contested) | set(self.speakers) | {b for b, _n in self.speakers.values()}


def _strings(value: object, where: str, path: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where} must be a list of strings", str(path))
    return value


def read_phrasings(path: Path) -> Phrasings:
    """The drafting lexicon at ``path``, checked for shape (not for the agents: see the lexicon)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read the drafting lexicon: {exc}", str(path),
                         hint="restore data/drafting/lexicon.toml from the repository") from exc
    neutral = {a: _strings(v, f"phrasings.{a}", path) for a, v in data.get("phrasings", {}).items()}
    contested = {a: {side: _strings(v, f"contested.{a}.{side}", path) for side, v in sides.items()}
                 for a, sides in data.get("contested", {}).items()}
    speakers = {}
    for person, entry in data.get("speakers", {}).items():
        if not isinstance(entry, dict) or not isinstance(entry.get("body"), str):
            raise InputError(f"speakers.{person} needs body = \"agent-...\" and names = [...]", str(path))
        speakers[person] = (entry["body"], _strings(entry.get("names", []), f"speakers.{person}.names", path))
    return Phrasings(neutral, contested, speakers)
