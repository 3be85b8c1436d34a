"""What the review form offers: claimants, accused parties, outlets, stances, points and places,
all read from the data by the library's queries (``queries/drafting/``), never typed into a form
by hand. A curator picks an IRI the data knows; a new speaker the drafter minted is offered too."""

from __future__ import annotations

from dataclasses import dataclass

from conflictkg.drafting.lexicon import Lexicon
from conflictkg.rdf.namespaces import CKV
from conflictkg.resources import Resources
from conflictkg.sparql.queries import load_library
from conflictkg.store import Store

STANCE_PREFIX = CKV + "stance-"


@dataclass(frozen=True)
class Option:
    """One choice of a select list: the value posted and the label shown."""

    value: str
    label: str


@dataclass(frozen=True)
class Choices:
    """Every list the review form draws from, sorted by label."""

    agents: tuple[Option, ...]
    outlets: tuple[Option, ...]
    stances: tuple[Option, ...]
    points: tuple[Option, ...]
    places: tuple[Option, ...]

    def with_new_agents(self, new: dict[str, str]) -> Choices:
        """The same lists with the speakers a draft minted (IRI → name) among the agents."""
        extra = tuple(Option(iri, f"{name} (new, not in the data)") for iri, name in sorted(new.items()))
        return Choices(extra + self.agents, self.outlets, self.stances, self.points, self.places)


def _sorted(options: list[Option]) -> tuple[Option, ...]:
    return tuple(sorted(options, key=lambda o: (o.label.casefold(), o.value)))


def load_choices(store: Store, lexicon: Lexicon, res: Resources) -> Choices:
    """The lists from ``store`` (the shipped data staged in memory) and its name tables."""
    library = load_library(res.drafting_queries_dir)
    stances = [Option(str(row["stance"].value).removeprefix(STANCE_PREFIX), str(row["label"].value))
               for row in store.query(library["stances"].text).dicts()]
    points = [Option(str(row["number"].value), str(row["label"].value) if row.get("label") else f"Point {row['number'].value}")
              for row in store.query(library["clauses"].text).dicts()]
    agents = [Option(a.iri, a.label) for a in lexicon.agents.values()]
    outlets = [Option(a.iri, a.label) for a in lexicon.agents.values() if a.is_media]
    places = [Option(iri, label) for iri, label in lexicon.place_labels.items()]
    return Choices(_sorted(agents), _sorted(outlets), tuple(stances), tuple(sorted(points, key=lambda o: int(o.value))),
                   _sorted(places))
