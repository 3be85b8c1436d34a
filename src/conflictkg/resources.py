"""The only module that knows where the shipped files live (a checkout or an installed wheel).

In a checkout the top-level ``ontology/``, ``queries/`` and ``data/`` folders are used directly;
in an installed wheel, hatchling's force-include copies them to ``conflictkg/_data/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Resources:
    """Paths of the shipped ontology, query library and curated data."""

    root: Path

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def shapes_file(self) -> Path:
        return self.ontology_dir / "shapes.ttl"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def checks_dir(self) -> Path:
        return self.queries_dir / "checks"

    @property
    def pages_queries_dir(self) -> Path:
        """Queries behind the web pages (``queries/pages/``), not part of the question library."""
        return self.queries_dir / "pages"

    @property
    def views_queries_dir(self) -> Path:
        """Queries behind the network views (``queries/views/``)."""
        return self.queries_dir / "views"

    @property
    def exports_queries_dir(self) -> Path:
        """Queries behind the flat downloads and releases (``queries/exports/``)."""
        return self.queries_dir / "exports"

    @property
    def inference_queries_dir(self) -> Path:
        """The rules the build materialises into ``ckg:inferred`` (``queries/inference/``, CONSTRUCT queries)."""
        return self.queries_dir / "inference"

    @property
    def drafting_queries_dir(self) -> Path:
        """Queries behind ``conflictkg draft`` (``queries/drafting/``): whole name tables at once."""
        return self.queries_dir / "drafting"

    @property
    def citation_file(self) -> Path:
        """``CITATION.cff``: how to cite the project (a release copies it with its version and date)."""
        return self.root / "CITATION.cff"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def drafting_lexicon_file(self) -> Path:
        """The drafter's phrasings (``data/drafting/lexicon.toml``): read by ``conflictkg draft``
        only, never loaded into the graph (a phrasing is not a name of the agent)."""
        return self.data_dir / "drafting" / "lexicon.toml"

    @property
    def drafting_bodies_file(self) -> Path:
        """The drafter's bodies (``data/drafting/bodies.toml``): names, side and a source page of
        the bodies that speak in articles; read by ``conflictkg draft`` only, never loaded into the graph."""
        return self.data_dir / "drafting" / "bodies.toml"

    def ontology_files(self) -> list[Path]:
        """TBox files (graph ``ckg:ontology``), sorted."""
        return sorted(p for p in self.ontology_dir.glob("*.ttl") if p.name != "shapes.ttl")

    def vocab_files(self) -> list[Path]:
        """SKOS vocabulary files (graph ``ckg:vocab``), sorted."""
        return sorted((self.ontology_dir / "vocab").glob("*.ttl"))

    def data_files(self) -> list[Path]:
        """Curated TriG data files, sorted for a deterministic load order."""
        return sorted(self.data_dir.rglob("*.trig"))


def default_resources() -> Resources:
    """Locate the shipped files: the checkout when running from source, else the wheel's copy."""
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "ontology" / "conflictkg.ttl").is_file() and (checkout / "pyproject.toml").is_file():
        return Resources(checkout)
    packaged = Path(str(resources.files("conflictkg") / "_data"))
    return Resources(packaged)
