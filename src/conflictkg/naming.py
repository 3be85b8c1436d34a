"""The naming perspective switch: which attested name to show for a place (or agent).

Contested places keep every attested name with the perspective it belongs to
(``ck:namePerspective``, scheme ``ckv:perspectives``). A :class:`Gazetteer` picks one display
name per resource and perspective; the neutral perspective shows the neutral compound label
(``rdfs:label``). Pages, the network views and their JSON twins all take names from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from conflictkg.rdf.namespaces import CKV
from conflictkg.rdf.terms import term_to_str
from conflictkg.resources import Resources
from conflictkg.sparql.queries import Query, load_query
from conflictkg.store import Store


class Perspective(str, Enum):
    """Whose usage the displayed names follow."""

    NEUTRAL = "neutral"
    ARMENIAN = "armenian"
    AZERBAIJANI = "azerbaijani"
    RUSSIAN = "russian"

    @property
    def concept(self) -> str:
        """The ``ckv:perspectives`` concept IRI."""
        return f"{CKV}perspective-{self.value}"

    @property
    def label(self) -> str:
        return {"neutral": "Neutral", "armenian": "Armenian usage", "azerbaijani": "Azerbaijani usage",
                "russian": "Russian usage"}[self.value]

    @classmethod
    def parse(cls, value: str | None) -> Perspective:
        """The perspective named ``value`` (case-insensitive); neutral for None or an unknown value."""
        try:
            return cls((value or "neutral").strip().lower())
        except ValueError:
            return cls.NEUTRAL


#: Preferred languages of a display name, best first (the site is in English).
_LANGUAGE_RANK = {"en": 0, "": 1}


@dataclass(frozen=True)
class _Name:
    text: str
    language: str
    users: int
    attestations: int

    def rank(self) -> tuple[int, int, int, str]:
        """Sort key: English first, then the best-evidenced name, then alphabetical."""
        return (_LANGUAGE_RANK.get(self.language.split("-")[0], 2), -self.attestations, -self.users, self.text)


@dataclass
class Gazetteer:
    """Display names per resource IRI and perspective, read once from a store."""

    neutral: dict[str, str] = field(default_factory=dict)
    by_perspective: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Every attested name of every place, sorted (for search by any name).
    names: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, store: Store, resources: Resources) -> Gazetteer:
        """Read every attested name (query ``queries/pages/attested-names.rq``)."""
        query = attested_names_query(resources)
        candidates: dict[tuple[str, str], list[_Name]] = {}
        every: dict[str, set[str]] = {}
        gazetteer = cls()
        for row in store.query(query.text).dicts():
            iri = term_to_str(row["resource"])
            every.setdefault(iri, set()).add(term_to_str(row["name"]))
            if row["label"] is not None:
                gazetteer.neutral[iri] = term_to_str(row["label"])
            if row["perspective"] is None:
                continue
            name = _Name(term_to_str(row["name"]), term_to_str(row["language"]),
                         int(term_to_str(row["users"]) or 0), int(term_to_str(row["attestations"]) or 0))
            candidates.setdefault((iri, term_to_str(row["perspective"])), []).append(name)
        for (iri, concept), names in sorted(candidates.items()):
            gazetteer.by_perspective.setdefault(concept, {})[iri] = min(names, key=_Name.rank).text
        gazetteer.names = {iri: sorted(found) for iri, found in sorted(every.items())}
        return gazetteer

    def name(self, iri: str, perspective: Perspective, fallback: str | None = None) -> str | None:
        """The name of ``iri`` in ``perspective``; else its neutral label; else ``fallback``."""
        if perspective is not Perspective.NEUTRAL:
            chosen = self.by_perspective.get(perspective.concept, {}).get(iri)
            if chosen:
                return chosen
        return self.neutral.get(iri, fallback)

    def has_names(self, iri: str) -> bool:
        return iri in self.names


def attested_names_query(resources: Resources) -> Query:
    return load_query(resources.pages_queries_dir / "attested-names.rq")
