"""The curators' logs: what was searched for each month (``data/coverage/YYYY-MM.yaml``, with the
searches for the other side of one-sided incidents under ``other_side``) and how each claim was
checked against its page (``data/audit/*.yaml``).

Both are plain YAML that a curator writes beside the TriG. They are read here into small typed
records; a malformed entry is an :class:`~conflictkg.errors.InputError` naming the file and the
line of the entry, never a traceback. The shapes are documented in ``docs/curating/logs.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from conflictkg.errors import InputError

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
INCIDENT = re.compile(r"^incident-[a-z0-9][a-z0-9-]*$")
INCIDENT_MONTH = re.compile(r"^incident-(\d{4}-\d{2})-")
KINDS = frozenset({"line-of-contact", "border", "peacekeepers", "lachin", "gas-electricity", "mines", "prisoners",
                   "transport-links", "offensive-2023", "departure", "authorities-end", "ru-mod-bulletin",
                   "diplomacy", "other"})
RESULTS = frozenset({"ok", "changed", "issue"})


@dataclass(frozen=True)
class Search:
    on: date
    query: str
    kinds: tuple[str, ...]
    found: int


@dataclass(frozen=True)
class OtherSideSearch:
    """A search for the other side's answer (and third parties' statements) about one incident whose
    claims come from one side: what was asked, on which day, how many relevant pages were found."""

    incident: str
    path: str
    line: int
    on: date
    queries: tuple[str, ...]
    found: int
    note: str


@dataclass(frozen=True)
class MonthLog:
    """What was searched for one month, what was recorded, and what was left out and why."""

    month: str
    path: str
    searches: tuple[Search, ...]
    recorded: tuple[str, ...]
    left_out: tuple[tuple[str, str], ...]
    other_side: tuple[OtherSideSearch, ...] = field(default=())


@dataclass(frozen=True)
class AuditEntry:
    """One claim checked against its stored page(s)."""

    claim: str
    path: str
    line: int
    checked: date
    pages: tuple[str, ...]
    result: str
    changes: tuple[str, ...] = field(default=())
    issues: tuple[str, ...] = field(default=())


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping (as the key ``__line__``)."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    """Keys are kept as written (YAML 1.1 would read the key ``on`` as ``True``)."""
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else loader.construct_object(key_node)
        mapping[str(key)] = loader.construct_object(value_node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _load(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 - a SafeLoader
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the log: {exc}", path=str(path)) from None
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else None
        raise InputError(f"not valid YAML: {getattr(exc, 'problem', exc)}", path=str(path), line=line) from None


def _need(entry: Any, key: str, kind: type | tuple[type, ...], path: Path, what: str) -> Any:
    if not isinstance(entry, dict):
        raise InputError(f"{what} must be a mapping", path=str(path))
    value = entry.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise InputError(f"{what}: '{key}' must be a {names} (found {type(value).__name__})",
                         path=str(path), line=entry.get("__line__"),
                         hint="the logs' shape is in docs/curating/logs.md")
    return value


def _date(entry: Any, key: str, path: Path, what: str) -> date:
    """A YAML date, or a quoted ISO date ('2026-12-02'), as a date."""
    value = entry.get(key) if isinstance(entry, dict) else None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    return _need(entry, key, date, path, what)


def _strings(entry: dict, key: str, path: Path, what: str) -> tuple[str, ...]:
    values = entry.get(key) or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise InputError(f"{what}: '{key}' must be a list of strings", path=str(path), line=entry.get("__line__"))
    return tuple(values)


def _search(entry: Any, path: Path) -> Search:
    kinds = _strings(entry, "kinds", path, "a search") if isinstance(entry, dict) else ()
    unknown = sorted(set(kinds) - KINDS)
    if unknown:
        raise InputError(f"a search: unknown kind(s) {', '.join(unknown)}", path=str(path),
                         line=entry.get("__line__"), hint=f"kinds are: {', '.join(sorted(KINDS))}")
    found = _need(entry, "found", int, path, "a search")
    if found < 0:
        raise InputError("a search: 'found' must be 0 or more", path=str(path), line=entry.get("__line__"))
    return Search(_date(entry, "on", path, "a search"), _need(entry, "query", str, path, "a search"),
                  kinds, found)


def _other_side(entry: Any, path: Path, month: str) -> OtherSideSearch:
    what = "an other-side search"
    incident = _need(entry, "incident", str, path, what)
    line = entry.get("__line__")
    if not INCIDENT.match(incident):
        raise InputError(f"{what}: incident '{incident}' must be an incident's local name (incident-...)",
                         path=str(path), line=line, hint="the name after ckr: in data/incidents/*.trig")
    begins = INCIDENT_MONTH.match(incident)
    if begins and begins.group(1) != month:
        raise InputError(f"{what}: {incident} begins in {begins.group(1)}, not {month}", path=str(path), line=line,
                         hint=f"log it in data/coverage/{begins.group(1)}.yaml, the month the incident begins")
    queries = _strings(entry, "queries", path, what)
    if not queries:
        raise InputError(f"{what}: 'queries' must list at least one query", path=str(path), line=line)
    found = _need(entry, "found", int, path, what)
    if found < 0:
        raise InputError(f"{what}: 'found' must be 0 or more", path=str(path), line=line)
    note = _need(entry, "note", str, path, what)
    if not note.strip():
        raise InputError(f"{what}: 'note' must say what the pages found hold (or that none answers)",
                         path=str(path), line=line)
    return OtherSideSearch(incident, str(path), line, _date(entry, "on", path, what), queries, found, note)


def _list(data: dict, key: str, path: Path) -> list:
    values = data.get(key) or []
    if not isinstance(values, list):
        raise InputError(f"'{key}' must be a list", path=str(path), line=data.get("__line__"))
    return values


def read_month_log(path: Path) -> MonthLog:
    """One coverage log file; its ``month`` must match its file name."""
    data = _load(path)
    month = str(_need(data, "month", str, path, "the log"))
    if not MONTH.match(month) or path.stem != month:
        raise InputError(f"month '{month}' must be YYYY-MM and match the file name", path=str(path),
                         line=data.get("__line__"), hint=f"name the file {month}.yaml or fix 'month'")
    searches = _list(data, "searches", path)
    left_out = tuple((_need(e, "url", str, path, "a left-out page"), _need(e, "why", str, path, "a left-out page"))
                     for e in _list(data, "left_out", path))
    other_side = tuple(_other_side(e, path, month) for e in _list(data, "other_side", path))
    return MonthLog(month, str(path), tuple(_search(s, path) for s in searches),
                    _strings(data, "recorded", path, "the log"), left_out, other_side)


def _audit_entry(entry: Any, path: Path) -> AuditEntry:
    result = _need(entry, "result", str, path, "an audit entry")
    if result not in RESULTS:
        raise InputError(f"an audit entry: result '{result}' is not one of {', '.join(sorted(RESULTS))}",
                         path=str(path), line=entry.get("__line__"))
    return AuditEntry(_need(entry, "claim", str, path, "an audit entry"), str(path), entry["__line__"],
                      _date(entry, "checked", path, "an audit entry"),
                      _strings(entry, "pages", path, "an audit entry"), result,
                      _strings(entry, "changes", path, "an audit entry"),
                      _strings(entry, "issues", path, "an audit entry"))


def read_audit_log(path: Path) -> list[AuditEntry]:
    """One audit file: a list of entries, one per claim."""
    data = _load(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise InputError("an audit log must be a list of entries (one per claim)", path=str(path))
    return [_audit_entry(entry, path) for entry in data]


def read_month_logs(data_dir: Path) -> list[MonthLog]:
    """Every coverage log under ``data_dir`` (``coverage/*.yaml``), in file-name order."""
    return [read_month_log(p) for p in sorted((data_dir / "coverage").glob("*.yaml"))]


def read_logs(data_dir: Path) -> tuple[list[MonthLog], list[AuditEntry]]:
    """Every coverage log and every audit entry under ``data_dir``, in file-name order."""
    months = read_month_logs(data_dir)
    audits = [e for p in sorted((data_dir / "audit").glob("*.yaml")) for e in read_audit_log(p)]
    return months, audits
