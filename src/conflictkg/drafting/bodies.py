"""The drafting lexicon of bodies (``data/drafting/bodies.toml``): the ministries, services,
agencies, ombudspersons and organisations that speak in articles, with the names articles use for
them, their side and a page that names them. Read into the drafter's name tables
(:func:`conflictkg.drafting.lexicon.load_lexicon`) and nowhere else: like the phrasings, a name
here is a reading aid, not an attested name, so it never enters the graph.

A body the data records is found by these names. A body the data does not record yet carries its
own label and side: the drafter proposes it as a new agent with that label, flagged for the
curator, instead of a new agent named by whatever words preceded the cue.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from conflictkg.errors import InputError

_KEYS = frozenset({"side", "names", "source", "label", "contested"})


@dataclass(frozen=True)
class Body:
    """One body of the file, by the local name of its IRI (``agent-icrc``)."""

    local: str
    side: str  # the local name of its state or authority, "" for an international body
    names: tuple[str, ...]
    source: str  # a page that names the body with these wordings
    label: str = ""  # only for a body the data does not record yet
    contested: dict[str, list[str]] = field(default_factory=dict)  # perspective -> one side's wordings


def _strings(value: object, where: str, path: Path) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(f"{where} must be a non-empty list of names", str(path))
    return value


def _body(local: str, entry: object, path: Path) -> Body:
    where = f"bodies.{local}"
    if not isinstance(entry, dict):
        raise InputError(f"{where} must be a table", str(path))
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise InputError(f"{where} has unknown keys {', '.join(unknown)}", str(path),
                         hint="the keys are side, names, source, label and contested")
    source, side, label = entry.get("source"), entry.get("side"), entry.get("label", "")
    if not isinstance(source, str) or not source.startswith(("https://", "http://")):
        raise InputError(f"{where} needs source = \"https://...\": a page that names the body", str(path))
    if not isinstance(side, str) or not isinstance(label, str):
        raise InputError(f"{where} needs side = \"agent-...\" (\"\" for an international body)", str(path))
    contested = entry.get("contested", {})
    if not isinstance(contested, dict):
        raise InputError(f"{where}.contested must be a table of perspectives", str(path))
    sides = {p: _strings(v, f"{where}.contested.{p}", path) for p, v in contested.items()}
    return Body(local, side, tuple(_strings(entry.get("names"), f"{where}.names", path)), source, label, sides)


def read_bodies(path: Path) -> list[Body]:
    """The bodies at ``path``, checked for shape (the agents are checked against the data by
    :func:`conflictkg.drafting.lexicon.add_bodies`)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read the drafting lexicon of bodies: {exc}", str(path),
                         hint="restore data/drafting/bodies.toml from the repository") from exc
    bodies = data.get("bodies", {})
    if not isinstance(bodies, dict):
        raise InputError("bodies must be a table of [bodies.agent-...] entries", str(path))
    return [_body(local, entry, path) for local, entry in sorted(bodies.items())]
