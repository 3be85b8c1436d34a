"""What a resource is, in one query: its classes, label and description, and the layout it gets.

Both the page of a resource (``resource``) and the per-class layouts (``layouts``) read a
:class:`Summary`, so it lives apart from both: ``resource`` imports ``layouts``, never the reverse.
"""

from __future__ import annotations

from dataclasses import dataclass

from conflictkg.errors import NotFound
from conflictkg.pages.context import PageContext
from conflictkg.rdf.namespaces import CK, compact_iri
from conflictkg.rdf.terms import iri_problem, term_to_str

#: Page layouts by class, most specific first (a resource gets the first that applies).
KINDS = ("Clause", "Norm", "Agreement", "Incident", "Claim", "StatusAssessment", "Event", "Place",
         "SourceDocument", "Agent")


@dataclass(frozen=True)
class Summary:
    """What the ``resource-summary`` page query says about a resource."""

    iri: str
    kind: str
    label: str
    description: str
    types: tuple[str, ...]
    clause_number: str = ""
    agreement: str = ""


def summarize(ctx: PageContext, iri: str) -> Summary:
    """Classes, label and description of ``iri``; NotFound when the graph does not mention it
    (an IRI no graph can hold, e.g. one with a space or ``<``, is not in it either)."""
    rows = [] if iri_problem(iri) else ctx.run("resource-summary", {"resource": iri}).dicts()
    if not rows:
        raise NotFound(f"no resource {compact_iri(iri)} in the graph",
                       hint="search a place by name on the query page (place-by-name), or start from the home page")
    kinds = {term_to_str(r["kind"]).removeprefix(CK) for r in rows if r["kind"] is not None}
    kind = next((k for k in KINDS if k in kinds), "Resource")
    first = rows[0]
    types = tuple(sorted({term_to_str(r["type_label"]) or compact_iri(term_to_str(r["type"]))
                          for r in rows if r["type"] is not None}))
    return Summary(iri, kind, term_to_str(first["label"]), term_to_str(first["description"]), types,
                   term_to_str(first["clause_number"]), term_to_str(first["agreement"]))
