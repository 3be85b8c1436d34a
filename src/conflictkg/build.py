"""Build the knowledge graph: parse, validate, reason, and only then publish the store.

Order of work in :func:`build_store`:

1. parse the ontology, vocabularies and curated data into named graphs (errors name file and line),
   and derive the name-search index (``ckg:index``: a case- and diacritic-folded key per name);
2. stage them in a new, unpublished on-disk generation (``storedir.new_generation``), so that the
   data is written once (``check`` alone, e.g. ``conflictkg validate``, stages in memory);
3. validate: SHACL shapes on the union of all graphs, then ``queries/checks/*.rq`` (no rows allowed);
4. check OWL consistency with HermiT on a bounded projection (ontology, vocabularies, reference
   data and claim nodes; never the claims' content graphs);
5. seal the generation (compact, close) and swap it in atomically.

Any failure before step 5 removes the new generation and leaves the published store exactly as it was.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from conflictkg import reasoning, storedir
from conflictkg.errors import DataNotConformant
from conflictkg.namespaces import GRAPH_CLAIMS, GRAPH_ONTOLOGY, GRAPH_REFERENCE, GRAPH_VOCAB
from conflictkg.names import name_index
from conflictkg.queries import load_library
from conflictkg.rdfio import SourceFile, read_all, read_quads
from conflictkg.reasoning import ReasonerReport
from conflictkg.resources import Resources
from conflictkg.store import OxigraphStore
from conflictkg.validate import Report, run_checks, shacl_validate, to_graph, with_suggestions

REASONED_GRAPHS = (GRAPH_ONTOLOGY, GRAPH_VOCAB, GRAPH_REFERENCE, GRAPH_CLAIMS)


@dataclass
class Staged:
    """Parsed data, not yet published."""

    quads: list[ox.Quad]
    origin: dict[str, str]
    store: OxigraphStore


@dataclass
class BuildResult:
    """What a build did."""

    store_dir: Path | None
    quads: int
    graphs: int
    report: Report
    reasoner: ReasonerReport | None
    timings: dict[str, float] = field(default_factory=dict)


def sources(res: Resources, extra: Sequence[Path] = ()) -> list[SourceFile]:
    """Every file a build loads, in a fixed order, with the graph of each triple file."""
    files = [SourceFile(p, GRAPH_ONTOLOGY) for p in res.ontology_files()]
    files += [SourceFile(p, GRAPH_VOCAB) for p in res.vocab_files()]
    files += [SourceFile(p) for p in res.data_files()]
    files += [SourceFile(Path(p)) for p in extra]
    return files


def stage(files: Iterable[SourceFile], at: Path | None = None) -> Staged:
    """Parse ``files`` and load them into an Oxigraph store: in memory, or on disk at ``at``."""
    quads, origin = read_all(files)
    quads += name_index(quads)
    return Staged(quads, origin, OxigraphStore.create(at, quads))


def validate_staged(staged: Staged, res: Resources) -> Report:
    """SHACL on the union of all graphs, then the check queries."""
    union = to_graph(q.triple for q in staged.quads)
    ontology = to_graph(q.triple for q in staged.quads if _graph(q) in (GRAPH_ONTOLOGY, GRAPH_VOCAB))
    shapes = to_graph(q.triple for q in read_quads(SourceFile(res.shapes_file, GRAPH_ONTOLOGY)))
    report = shacl_validate(union, shapes, ontology, staged.origin)
    report.extend(run_checks(staged.store, load_library(res.checks_dir), staged.origin))
    return with_suggestions(report, staged.quads)


def reason_staged(staged: Staged) -> ReasonerReport:
    """HermiT on the bounded projection (see module docstring). HermiT's input file goes into the
    staged generation when there is one, so a killed build leaves nothing elsewhere (the abandoned
    generation is removed by the next command)."""
    triples = [q.triple for q in staged.quads if _graph(q) in REASONED_GRAPHS]
    return reasoning.check_consistency(reasoning.owl_projection(triples), scratch=staged.store.path)


def _graph(quad: ox.Quad) -> str:
    return quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""


def check(res: Resources, extra: Sequence[Path] = (), *, reason: bool = True,
          stage_at: Path | None = None) -> tuple[Staged, BuildResult]:
    """Parse, validate and (optionally) reason; the data is staged in memory, or at ``stage_at``
    (a new generation directory) by a build. On failure the staged store is closed.

    Raises:
        InputError: a file does not parse.
        DataNotConformant: SHACL or a check query found errors (``exc.report`` has them all).
        OntologyError: HermiT found an inconsistency, or Java is missing.
    """
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    staged = stage(sources(res, extra), stage_at)
    timings["parse"] = time.perf_counter() - t0
    try:
        report, reasoner = _validate_and_reason(staged, res, reason, timings)
    except BaseException:
        staged.store.close()
        raise
    graphs = len({_graph(q) for q in staged.quads})
    return staged, BuildResult(None, len(staged.quads), graphs, report, reasoner, timings)


def _validate_and_reason(staged: Staged, res: Resources, reason: bool,
                         timings: dict[str, float]) -> tuple[Report, ReasonerReport | None]:
    t1 = time.perf_counter()
    report = validate_staged(staged, res)
    timings["validate"] = time.perf_counter() - t1
    if not report.conforms:
        raise DataNotConformant(f"the data does not conform: {len(report.errors)} error(s)", report)
    reasoner = None
    if reason:
        t2 = time.perf_counter()
        reasoner = reason_staged(staged)
        timings["reason"] = time.perf_counter() - t2
    return report, reasoner


def build_store(store_dir: Path, res: Resources, *, reason: bool = True) -> BuildResult:
    """Stage into a new generation, check everything there, then publish it atomically."""
    with storedir.build_lock(store_dir):
        with storedir.new_generation(store_dir) as gen:
            staged, result = check(res, reason=reason, stage_at=gen)
            t0 = time.perf_counter()
            storedir.seal(staged.store)
        storedir.publish(store_dir, gen)
        result.timings["write"] = time.perf_counter() - t0
        result.store_dir = store_dir
    return result
