"""The W3C SPARQL 1.1 Service Description of the endpoint (answered at ``GET /sparql``).

It states what a client needs to know before querying: SPARQL 1.1 Query only (read-only), the
result formats, and the dataset: every named graph of the store, with its size, and a default
graph that is the *union of all named graphs* (``sd:UnionDefaultGraph``), as everywhere in
conflictkg. The time limit and row cap are stated in the service's description text.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from conflictkg.rdf.namespaces import PREFIXES
from conflictkg.settings import Settings
from conflictkg.store.oxigraph import OxigraphStore

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
DCT = PREFIXES["dcterms"]
RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
FORMATS = "http://www.w3.org/ns/formats/"
SD_PREFIXES = {"sd": SD, "void": VOID, "dcterms": DCT, "ckg": PREFIXES["ckg"], "formats": FORMATS}
#: The W3C format IRIs of what the endpoint answers with (see conflictkg.web.formats).
RESULT_FORMAT_NAMES = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                       "Turtle", "N-Triples", "JSON-LD", "RDF_XML")

_GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


@dataclass(frozen=True)
class ServiceDescription:
    """What the description says about the store: its named graphs and their sizes."""

    graph_sizes: tuple[tuple[str, int], ...]
    timeout_s: float
    max_rows: int

    @classmethod
    def of(cls, store: OxigraphStore, settings: Settings) -> ServiceDescription:
        """Read the named graphs and their triple counts from ``store`` (once, at start-up)."""
        result = store.query(_GRAPH_SIZES)
        sizes = {str(row[0].value): int(row[1].value) for row in result.rows if row[0] and row[1]}
        return cls(tuple(sorted(sizes.items())), settings.query_timeout_s, settings.max_rows)

    def triples(self, endpoint: str) -> list[ox.Triple]:
        """The description of the service at ``endpoint`` as triples."""
        service, dataset, default = ox.NamedNode(endpoint), ox.BlankNode("dataset"), ox.BlankNode("default")
        out = [ox.Triple(service, RDF_TYPE, _sd("Service")),
               ox.Triple(service, _sd("endpoint"), service),
               ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
               ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
               ox.Triple(service, ox.NamedNode(DCT + "description"), ox.Literal(self._text()))]
        out += [ox.Triple(service, _sd("resultFormat"), ox.NamedNode(FORMATS + name)) for name in RESULT_FORMAT_NAMES]
        out += [ox.Triple(service, _sd("defaultDataset"), dataset),
                ox.Triple(dataset, RDF_TYPE, _sd("Dataset")),
                ox.Triple(dataset, _sd("defaultGraph"), default),
                ox.Triple(default, RDF_TYPE, _sd("Graph")),
                ox.Triple(default, ox.NamedNode(DCT + "description"),
                          ox.Literal("The union of all named graphs of the dataset."))]
        for index, (name, size) in enumerate(self.graph_sizes):
            out += _named_graph(dataset, ox.BlankNode(f"ng{index}"), name, size)
        return out

    def _text(self) -> str:
        return ("Read-only SPARQL 1.1 endpoint of conflictkg. Without default-graph-uri or "
                "named-graph-uri (or FROM clauses), the default graph is the union of all named "
                "graphs. The conflictkg prefixes (ck:, ckr:, ckg:, …) are predeclared. Queries "
                f"are stopped after {self.timeout_s:g} s; answers carry at most {self.max_rows} "
                "rows or triples (header X-Conflictkg-Truncated: true when cut).")

    def serialize(self, endpoint: str, fmt: ox.RdfFormat) -> bytes:
        """The description in ``fmt``."""
        return ox.serialize(self.triples(endpoint), format=fmt, prefixes=SD_PREFIXES) or b""


def _named_graph(dataset: ox.BlankNode, node: ox.BlankNode, name: str, size: int) -> list[ox.Triple]:
    graph = ox.BlankNode(node.value + "g")
    return [ox.Triple(dataset, _sd("namedGraph"), node),
            ox.Triple(node, RDF_TYPE, _sd("NamedGraph")),
            ox.Triple(node, _sd("name"), ox.NamedNode(name)),
            ox.Triple(node, _sd("graph"), graph),
            ox.Triple(graph, RDF_TYPE, _sd("Graph")),
            ox.Triple(graph, ox.NamedNode(VOID + "triples"), ox.Literal(size))]
