"""OWL consistency with HermiT through owlready2 (the only module that imports owlready2).

HermiT grows steeply with the number of individuals, so callers hand in a bounded projection
(the TBox, the vocabularies and the reference data, never every claim's content graph).
HermiT rejects ``xsd:date`` and some other XSD types, so :func:`owl_projection` drops literals
outside the OWL 2 datatype map before reasoning.
"""

from __future__ import annotations

import io
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from conflictkg.errors import OntologyError

XSD = "http://www.w3.org/2001/XMLSchema#"
# Datatypes HermiT does not accept (outside the OWL 2 datatype map).
_UNSUPPORTED = {XSD + t for t in ("date", "gYear", "gYearMonth", "duration", "time", "gMonthDay")}
_EDTF = "http://id.loc.gov/datatypes/edtf/"


@dataclass(frozen=True)
class ReasonerReport:
    """What a consistency check saw."""

    consistent: bool
    triples: int
    seconds: float


def owl_projection(triples: Iterable[ox.Triple]) -> bytes:
    """N-Triples of ``triples`` without literals HermiT cannot read."""
    kept = [
        t
        for t in triples
        if not (isinstance(t.object, ox.Literal) and
                (t.object.datatype.value in _UNSUPPORTED or t.object.datatype.value.startswith(_EDTF)))
    ]
    kept.sort(key=str)
    return ox.serialize(kept, format=ox.RdfFormat.N_TRIPLES) or b""


def check_consistency(ntriples: bytes) -> ReasonerReport:
    """Run HermiT on ``ntriples`` in a fresh owlready2 world.

    Raises:
        OntologyError: Java is missing, or the ontology plus data is inconsistent.
    """
    if shutil.which("java") is None:
        raise OntologyError("the OWL consistency check needs Java (HermiT), and `java` is not on PATH",
                            hint="install a Java runtime (e.g. Debian's default-jre-headless) or pass --no-reason")
    import owlready2  # heavy: imported only when reasoning

    world = owlready2.World()
    onto = world.get_ontology("https://w3id.org/conflictkg/projection")
    started = time.perf_counter()
    onto.load(fileobj=io.BytesIO(ntriples), format="ntriples")
    try:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError as exc:
        raise OntologyError("the ontology and reference data are logically inconsistent (HermiT)",
                            hint="look for an individual typed with two disjoint classes") from exc
    finally:
        world.close()
    count = ntriples.count(b"\n")
    return ReasonerReport(True, count, time.perf_counter() - started)
