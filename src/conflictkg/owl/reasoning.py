"""OWL consistency with HermiT through owlready2 (the only module that imports owlready2).

HermiT grows steeply with the number of individuals, so callers hand in a bounded projection
(the TBox, the vocabularies and the reference data, never every claim's content graph).
HermiT rejects ``xsd:date`` and some other XSD types, so :func:`owl_projection` drops literals
outside the OWL 2 datatype map before reasoning.
"""

from __future__ import annotations

import ctypes
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from conflictkg.errors import Inconsistent, OntologyError

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#: The OWL 2 datatype map that HermiT accepts; any other datatype is converted (see below).
OWL2_DATATYPES = frozenset(
    XSD + name
    for name in (
        "string normalizedString token language Name NCName NMTOKEN anyURI base64Binary hexBinary "
        "boolean decimal integer nonNegativeInteger positiveInteger nonPositiveInteger negativeInteger "
        "long int short byte unsignedLong unsignedInt unsignedShort unsignedByte double float "
        "dateTime dateTimeStamp"
    ).split()
) | {RDF + "PlainLiteral", RDF + "XMLLiteral", RDF + "langString", "http://www.w3.org/2000/01/rdf-schema#Literal"}


@dataclass(frozen=True)
class ReasonerReport:
    """What a consistency check saw (it returns one only when HermiT found the data consistent)."""

    triples: int
    seconds: float
    #: the claim nodes merged into representatives for the check, and how many (0: no summary)
    merged_nodes: int = 0
    representatives: int = 0


def reasoner_literal(lit: ox.Literal) -> ox.Literal:
    """Map a literal into the OWL 2 datatype map: ``xsd:date`` becomes ``xsd:dateTime`` at
    midnight, any other unsupported datatype (``geo:wktLiteral``, ``xsd:gYear``…) a plain string."""
    if lit.language or lit.datatype.value in OWL2_DATATYPES:
        return lit
    if lit.datatype.value == XSD + "date":
        lexical = lit.value
        return ox.Literal(lexical[:10] + "T00:00:00" + lexical[10:], datatype=ox.NamedNode(XSD + "dateTime"))
    return ox.Literal(lit.value)


def owl_projection(triples: Iterable[ox.Triple]) -> bytes:
    """Sorted N-Triples of ``triples`` with every literal made acceptable to HermiT, each triple once
    (the same triple in two graphs, e.g. ``ckg:reference`` and ``ckg:claims``, is one line)."""
    kept = sorted({
        ox.Triple(t.subject, t.predicate, reasoner_literal(t.object)) if isinstance(t.object, ox.Literal) else t
        for t in triples
    }, key=str)
    return ox.serialize(kept, format=ox.RdfFormat.N_TRIPLES) or b""


def check_consistency(ntriples: bytes, scratch: Path | None = None,
                      before_java: Callable[[], None] | None = None) -> ReasonerReport:
    """Load ``ntriples`` into a fresh owlready2 world, then ask HermiT whether it is consistent.

    owlready2's ``sync_reasoner`` would also classify every class and property and realise every
    individual (HermiT ``-c -O -D -I``), then discard all of it here: 11 s on the shipped
    projection, where HermiT's consistency check alone (``-k``: is owl:Thing satisfiable) takes
    under 2 s. So owlready2 loads and saves the projection and HermiT, as shipped with owlready2,
    runs with ``-k``.

    HermiT's input is written to a temporary directory in ``scratch`` (default: the system's), and
    HermiT is killed if this process dies (:func:`die_with_parent`). ``before_java`` is called once the
    input is written, before the JVM starts (a build gives back the memory the projection took).

    Raises:
        Inconsistent: the ontology plus data is inconsistent (:mod:`conflictkg.owl.clashes` explains).
        OntologyError: Java is missing or broken, HermiT rejected the input or ran out of memory.
    """
    if shutil.which("java") is None:
        raise OntologyError("the OWL consistency check needs Java (HermiT), and `java` is not on PATH",
                            hint="install a Java runtime (e.g. Debian's default-jre-headless) or pass --no-reason")
    started, triples = time.perf_counter(), ntriples.count(b"\n")
    with tempfile.TemporaryDirectory(prefix="conflictkg-hermit-", dir=scratch) as tmp:
        path = Path(tmp) / "projection.nt"
        _save_through_owlready(ntriples, path)
        if before_java is not None:
            before_java()
        _hermit_consistency(path)
    return ReasonerReport(triples, time.perf_counter() - started)


def _save_through_owlready(ntriples: bytes, path: Path) -> None:
    """Load ``ntriples`` into a fresh owlready2 world and save it to ``path`` as HermiT's input; the
    world is closed before HermiT starts, so its copy of the projection is not held beside the JVM."""
    import owlready2  # heavy: imported only when reasoning

    world = owlready2.World()
    try:
        world.get_ontology(PROJECTION).load(fileobj=io.BytesIO(ntriples), format="ntriples")
        with path.open("wb") as out:
            world.save(out, format="ntriples")
    finally:
        world.close()


PROJECTION = "https://w3id.org/conflictkg/projection"


#: HermiT's JVM runs one short single-threaded check: the serial collector keeps its heap near what
#: the check uses (the default collector grew it towards the -Xmx cap, owlready2's 2,000 MB: 1.7 GB
#: resident at 1M quads), and the quick compiler alone spares the optimising compiler's threads,
#: which competed with HermiT for this machine's two cores (bench/README.md, "Session 16").
JVM_OPTIONS = ("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")


def _hermit_consistency(path: Path) -> None:
    """Run HermiT's consistency check on the N-Triples file ``path``; raise unless it is consistent."""
    import owlready2
    import owlready2.reasoning

    hermit = Path(owlready2.__file__).parent / "hermit"
    command = [owlready2.JAVA_EXE, f"-Xmx{owlready2.reasoning.JAVA_MEMORY}M", *JVM_OPTIONS,
               "-cp", os.pathsep.join([str(hermit), str(hermit / "HermiT.jar")]),
               "org.semanticweb.HermiT.cli.CommandLine", "-k", path.as_uri()]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False,
                              preexec_fn=die_with_parent())
    except OSError as exc:
        raise OntologyError(f"could not start Java for HermiT: {exc}",
                            hint="check that `java -version` works (Java 8 or later)") from exc
    said = done.stdout + done.stderr
    if "Inconsistent ontology" in said or "#Thing is not satisfiable" in said:
        raise Inconsistent("the ontology and reference data are logically inconsistent (HermiT)",
                           said=" ".join(said.split())[:500])
    if done.returncode != 0 or "#Thing is satisfiable" not in done.stdout:
        raise hermit_failure(done.returncode, said)


def hermit_failure(returncode: int, said: str) -> OntologyError:
    """Tell "HermiT rejected the input" (a Java exception thrown by HermiT or the OWL API, e.g. a
    malformed literal) from "HermiT ran out of memory" and from "Java itself is broken"; only the
    last one is about `java -version`."""
    lines = [line.strip() for line in said.strip().splitlines() if line.strip()]
    if "OutOfMemoryError" in said:
        return OntologyError(f"HermiT ran out of memory (Java heap limit {_java_memory()} MB)",
                             hint="raise owlready2.reasoning.JAVA_MEMORY, or pass --no-reason")
    thrown = next((line for line in lines if "Exception" in line and not line.startswith("at ")), "")
    in_hermit = any(line.startswith(("at org.semanticweb.", "at uk.ac.manchester.")) for line in lines)
    if thrown and in_hermit and "Could not find or load main class" not in said:
        what = thrown.removeprefix('Exception in thread "main" ')
        return OntologyError(f"HermiT rejected the input: {what}",
                             hint="HermiT reads the ontology, vocabularies, reference data and claim nodes; "
                                  "`conflictkg validate` reports ill-typed values with file and line")
    tail = "\n".join(lines[-5:]) or "(no output)"
    return OntologyError(f"HermiT did not finish its consistency check: Java could not run it (exit {returncode}): {tail}",
                         hint="check that `java -version` works (Java 8 or later)")


def _java_memory() -> int:
    import owlready2.reasoning

    return int(owlready2.reasoning.JAVA_MEMORY)


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` that makes the child (HermiT's JVM) get SIGKILL when this process dies,
    even by ``kill -9``: a killed build must not leave Java running on for minutes (``None``, i.e.
    nothing to do, where ``prctl`` does not exist).

    libc and ``prctl`` are looked up here, in the parent: between fork and exec the child only calls
    them (no imports, no allocation by Python). If the parent died before ``prctl`` took effect, the
    child is already an orphan and exits at once.
    """
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    parent, kill = os.getpid(), int(signal.SIGKILL)

    def in_child() -> None:
        prctl(PR_SET_PDEATHSIG, kill, 0, 0, 0)
        if os.getppid() != parent:
            os._exit(1)

    return in_child
