"""Build the knowledge graph: parse, validate, reason, and only then publish the store.

Order of work in :func:`build_store`:

1. parse the ontology, vocabularies and curated data into named graphs (errors name file and line),
   find ill-typed literals (reported alone, before SHACL or HermiT see them), and derive the
   name-search index (``ckg:index``: a case- and diacritic-folded key per name);
2. stage them in a new, unpublished on-disk generation (``storedir.new_generation``), so that the
   data is written once (``check`` alone, e.g. ``conflictkg validate``, stages in memory). Files are
   parsed one at a time straight into the store; what later stages need of each file (its ill-typed
   literals, the file each subject IRI comes from, its names) is noted as it goes by, and the stages
   read the quads back from the store: no Python list of every quad is kept (1.15 GB at 1M quads);
3. validate: SHACL shapes on the union of all graphs, then ``queries/checks/*.rq`` (no rows allowed);
4. check OWL consistency with HermiT on a bounded projection (ontology, vocabularies, reference
   data and claim nodes; never the claims' content graphs); an inconsistency is explained by
   :mod:`conflictkg.owl.clashes` (node, axiom, files) when one of the usual causes is in the data;
5. materialise what the ontology entails (class membership through subclasses, defined classes,
   sub-properties, inverse and transitive properties, claim → clause through norms) into the
   graph ``ckg:inferred`` with the rules of ``queries/inference/`` (:mod:`conflictkg.owl.inference`);
6. seal the generation (compact, close) and swap it in atomically.

Any failure before step 6 removes the new generation and leaves the published store exactly as it was.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox

from conflictkg.drafting.lexicon import Lexicon, load_lexicon
from conflictkg.errors import ConflictKGError, DataNotConformant, Inconsistent, OntologyError
from conflictkg.names import SKOSXL_LITERAL_FORM, name_index
from conflictkg.owl import reasoning, summary
from conflictkg.owl.clashes import find_clashes
from conflictkg.owl.inference import INPUT_GRAPHS, Inference, materialise
from conflictkg.owl.reasoning import ReasonerReport
from conflictkg.rdf.io import SourceFile, note_origins, read_files, read_quads
from conflictkg.rdf.namespaces import GRAPH_CLAIMS, GRAPH_ONTOLOGY, GRAPH_REFERENCE, GRAPH_VOCAB
from conflictkg.resources import Resources
from conflictkg.sparql.queries import load_library
from conflictkg.store import directory as storedir
from conflictkg.store.oxigraph import OxigraphStore
from conflictkg.validate import (Report, clash_report, ill_typed_literals, run_checks, shacl_validate,
                                 sparql_shacl_validate, to_graph, with_suggestions)

REASONED_GRAPHS = (GRAPH_ONTOLOGY, GRAPH_VOCAB, GRAPH_REFERENCE, GRAPH_CLAIMS)


@dataclass
class Staged:
    """Parsed data, not yet published: it lives in ``store`` only (no Python copy of the quads is kept;
    at 1M quads that copy held 1.15 GB for the whole build), and is read back from it stage by stage."""

    store: OxigraphStore
    #: per subject IRI, the first file that describes it (each file's name held once)
    origin: dict[str, str]
    #: the files parsed, in order (read again only to explain an OWL inconsistency)
    files: list[SourceFile] = field(default_factory=list)
    #: ill-typed literals found while parsing (reported before SHACL or HermiT see the data)
    ill_typed: Report = field(default_factory=Report)
    #: quads parsed, derived and inferred, counting a quad once per file that states it (the store holds it once)
    count: int = 0

    @property
    def quads(self) -> Iterator[ox.Quad]:
        """Every staged quad, read from the store (each once)."""
        return self.store.quads()

    def graph_quads(self, graphs: Iterable[str]) -> Iterator[ox.Quad]:
        """The staged quads of the named ``graphs``, one graph after the other."""
        for graph in graphs:
            yield from self.store.native.quads_for_pattern(None, None, None, ox.NamedNode(graph))


@dataclass
class BuildResult:
    """What a build did."""

    store_dir: Path | None
    quads: int
    graphs: int
    report: Report
    reasoner: ReasonerReport | None
    timings: dict[str, float] = field(default_factory=dict)
    #: what the build materialised into ``ckg:inferred`` (counts per rule)
    inference: Inference | None = None


def sources(res: Resources, extra: Sequence[Path] = ()) -> list[SourceFile]:
    """Every file a build loads, in a fixed order, with the graph of each triple file."""
    files = [SourceFile(p, GRAPH_ONTOLOGY) for p in res.ontology_files()]
    files += [SourceFile(p, GRAPH_VOCAB) for p in res.vocab_files()]
    files += [SourceFile(p) for p in res.data_files()]
    files += [SourceFile(Path(p)) for p in extra]
    return files


def stage(files: Iterable[SourceFile], at: Path | None = None) -> Staged:
    """Parse ``files`` one at a time into an Oxigraph store (in memory, or on disk at ``at``), noting
    each file's ill-typed literals, origins and names as it goes by; then add the name-search index."""
    files = list(files)
    reader = _Reader()
    store = OxigraphStore.create(at, reader.read(files))
    staged = Staged(store, reader.origin, files, reader.ill_typed, reader.count)
    try:
        index = name_index(reader.names)
        store.extend(index)
    except BaseException:
        store.close()
        raise
    staged.count += len(index)
    return staged


class _Reader:
    """Parses files one at a time for :func:`stage`, keeping only what later stages need of them."""

    def __init__(self) -> None:
        self.origin: dict[str, str] = {}
        self.ill_typed = Report()
        #: the ``skosxl:literalForm`` quads (what :func:`name_index` reads)
        self.names: list[ox.Quad] = []
        self.count = 0
        self._literal_form = ox.NamedNode(SKOSXL_LITERAL_FORM)

    def read(self, files: Iterable[SourceFile]) -> Iterator[ox.Quad]:
        for source in files:
            quads = read_quads(source)
            self.ill_typed.extend(ill_typed_literals([(source.path, quads)]))
            note_origins(self.origin, source.path, quads)
            self.names += [q for q in quads if q.predicate == self._literal_form]
            self.count += len(quads)
            yield from quads


def validate_staged(staged: Staged, res: Resources, shacl: str = "sparql") -> Report:
    """SHACL on the union of all graphs, then the check queries; ill-typed literals alone when
    there are any (pyshacl crashes on some of them). ``shacl`` names the engine (``settings.SHACL_ENGINES``)."""
    if not staged.ill_typed.conforms:
        return staged.ill_typed
    shapes = to_graph(q.triple for q in read_quads(SourceFile(res.shapes_file, GRAPH_ONTOLOGY)))
    if shacl == "sparql":
        report = sparql_shacl_validate(staged.store, shapes, staged.origin)
    else:
        union = to_graph(q.triple for q in staged.quads)
        ontology = to_graph(q.triple for q in staged.graph_quads((GRAPH_ONTOLOGY, GRAPH_VOCAB)))
        report = shacl_validate(union, shapes, ontology, staged.origin)
    report.extend(run_checks(staged.store, load_library(res.checks_dir), staged.origin))
    return with_suggestions(report, staged.quads)


def reason_staged(staged: Staged) -> ReasonerReport:
    """HermiT on the bounded projection (see module docstring), its claim nodes merged by shape
    (:mod:`conflictkg.owl.summary`; when that summary is inconsistent, on the whole projection). HermiT's input file goes into the
    staged generation when there is one, so a killed build leaves nothing elsewhere (the abandoned
    generation is removed by the next command).

    Raises:
        DataNotConformant: HermiT found an inconsistency and :mod:`conflictkg.owl.clashes` explains it
            (each clash with node, axiom and files).
        OntologyError: an inconsistency nothing here explains (HermiT's own words kept), or HermiT
            or Java failed.
    """
    merged = _summary(staged)
    try:
        report = reasoning.check_consistency(reasoning.owl_projection(merged.triples), scratch=staged.store.path,
                                             before_java=give_back_memory)
        return replace(report, merged_nodes=merged.merged_nodes, representatives=merged.representatives)
    except Inconsistent:
        pass  # the merge itself may clash (owl.summary): the whole projection decides, and explains
    projection = reasoning.owl_projection(q.triple for q in staged.graph_quads(REASONED_GRAPHS))
    try:
        # the projection's Python objects and owlready2's world are freed by then: give their memory back
        # before the JVM starts, or the build's peak is the two summed (#14)
        return reasoning.check_consistency(projection, scratch=staged.store.path, before_java=give_back_memory)
    except Inconsistent as exc:
        raise explain_inconsistency(staged, exc) from exc


def _summary(staged: Staged) -> summary.Summary:
    """The reasoned graphs with the claim nodes merged by shape (:mod:`conflictkg.owl.summary`)."""
    fixed, claims = summary.split(staged.graph_quads(REASONED_GRAPHS), GRAPH_CLAIMS)
    return summary.summarise(fixed, claims)


def infer_staged(staged: Staged, res: Resources) -> Inference:
    """Materialise the rules of ``queries/inference/`` into ``ckg:inferred`` of the staged store;
    the new quads join the staged store and its count."""
    inference = materialise(staged.graph_quads(INPUT_GRAPHS), load_library(res.inference_queries_dir))
    staged.store.extend(inference.quads)
    staged.count += len(inference.quads)
    return inference


def explain_inconsistency(staged: Staged, exc: Inconsistent) -> ConflictKGError:
    """The clashes behind HermiT's verdict as a data report (exit 3), or HermiT's verdict with an
    honest "not explained" when none of the usual causes is in the data."""
    tbox = [q.triple for q in staged.graph_quads((GRAPH_ONTOLOGY, GRAPH_VOCAB))]
    parsed = read_files(staged.files)  # read again: which file states each triple (not kept while building)
    found = find_clashes(tbox, parsed, (GRAPH_VOCAB, GRAPH_REFERENCE, GRAPH_CLAIMS))
    if found:
        report = clash_report(found, staged.origin)
        return DataNotConformant(
            f"the data is logically inconsistent with the ontology (HermiT): {len(report.errors)} clash(es)",
            report, hint="each line names the node, the axiom it breaks and the files; change one of the statements")
    return OntologyError(
        f"{exc.message}; none of the usual causes was found in the data (a node in two disjoint classes, "
        f"also through rdfs:domain or rdfs:range; a functional datatype property with two values; a value "
        f"outside a datatype property's range). HermiT said: {exc.said}",
        hint="look at other axioms the data may contradict (owl:hasValue restrictions, owl:sameAs, "
             "cardinalities), e.g. by removing recently changed files until the check passes")


def _graph_count(store: OxigraphStore) -> int:
    """Named graphs in ``store``, plus the default graph when it holds anything."""
    default = next(store.native.quads_for_pattern(None, None, None, ox.DefaultGraph()), None)
    return len(store.graph_names()) + (default is not None)


#: Told the name of each stage as it begins, with what it works on (``conflictkg build`` prints it).
Progress = Callable[[str, str], None]


class Stages:
    """Times the stages of a build and says when each begins (``progress(stage, what)``)."""

    def __init__(self, progress: Progress | None = None) -> None:
        self.timings: dict[str, float] = {}
        self._progress = progress

    def begin(self, name: str, what: str) -> float:
        """Say that stage ``name`` begins; its start time, for :meth:`end`."""
        if self._progress is not None:
            self._progress(name, what)
        return time.perf_counter()

    def end(self, name: str, began: float) -> None:
        self.timings[name] = time.perf_counter() - began

    @contextlib.contextmanager
    def stage(self, name: str, what: str) -> Iterator[None]:
        """A stage as a ``with`` block: said when it begins, timed when it ends without error, and
        what it freed given back to the system (:func:`give_back_memory`) before the next begins."""
        began = self.begin(name, what)
        yield
        self.end(name, began)
        give_back_memory()


def give_back_memory() -> None:
    """Collect garbage, then ask the C allocator (glibc's ``malloc_trim``; nothing elsewhere) to return
    freed memory to the system. A stage's garbage (pyshacl's rdflib graph, Oxigraph's query buffers in
    the inference rules) is freed when it ends, but glibc kept most of it mapped: at 10x the inference
    stage's process stayed at 741 MB where 304 MB was in use, and the next stage's peak came on top."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def check(res: Resources, extra: Sequence[Path] = (), *, reason: bool = True, shacl: str = "sparql",
          stage_at: Path | None = None, stages: Stages | None = None) -> tuple[Staged, BuildResult]:
    """Parse, validate, (optionally) reason, then materialise the inferred graph; the data is staged
    in memory, or at ``stage_at`` (a new generation directory) by a build. On failure the staged
    store is closed. ``stages`` times them and reports each as it begins; ``shacl`` names the SHACL engine.

    Raises:
        InputError: a file does not parse.
        DataNotConformant: SHACL or a check query found errors (``exc.report`` has them all).
        OntologyError: HermiT found an inconsistency, or Java is missing.
    """
    stages = stages or Stages()
    files = sources(res, extra)
    with stages.stage("parse", f"reading {len(files)} files"):
        staged = stage(files, stage_at)
    try:
        report, reasoner = _validate_and_reason(staged, res, reason, shacl, stages)
        with stages.stage("infer", "the inference rules over the curated graphs"):
            inference = infer_staged(staged, res)
    except BaseException:
        staged.store.close()
        raise
    graphs = _graph_count(staged.store)
    # the quads the store holds, each once ("Built N quads"); staged.count counts one per file stating it
    return staged, BuildResult(None, len(staged.store), graphs, report, reasoner, stages.timings, inference)


def _validate_and_reason(staged: Staged, res: Resources, reason: bool, shacl: str,
                         stages: Stages) -> tuple[Report, ReasonerReport | None]:
    with stages.stage("validate", f"SHACL and the check queries over {staged.count:,} quads"):
        report = validate_staged(staged, res, shacl)
    if not report.conforms:
        hint = None
        if report is staged.ill_typed:
            hint = "write each value in its datatype's form; SHACL and the OWL check run once every typed literal is valid"
        raise DataNotConformant(f"the data does not conform: {len(report.errors)} error(s)", report, hint=hint)
    reasoner = None
    if reason:
        with stages.stage("reason", "HermiT's consistency check of the ontology, reference data and claim nodes"):
            reasoner = reason_staged(staged)
    return report, reasoner


def build_store(store_dir: Path, res: Resources, *, reason: bool = True, shacl: str = "sparql",
                progress: Progress | None = None) -> BuildResult:
    """Stage into a new generation, check everything there, then publish it atomically;
    ``progress(stage, what)`` is told each stage as it begins."""
    stages = Stages(progress)
    with storedir.build_lock(store_dir):
        with storedir.new_generation(store_dir) as gen:
            staged, result = check(res, reason=reason, shacl=shacl, stage_at=gen, stages=stages)
            writing = stages.begin("write", f"publishing {result.quads:,} quads as the new generation")
            storedir.seal(staged.store)
        storedir.publish(store_dir, gen)
        stages.end("write", writing)
        result.store_dir = store_dir
    return result


def shipped_lexicon(res: Resources) -> Lexicon:
    """The drafter's name tables from the shipped data, staged in memory (no build, no store on disk)."""
    staged = stage(sources(res))
    try:
        return load_lexicon(staged.store, res)
    finally:
        staged.store.close()
