"""``/ontology`` and ``/vocab``: the ontology and the SKOS vocabularies, documented from the store.

Every class (label, definition, named superclasses) comes from ``ontology-classes``, every property
(kind, label, definition, domains, ranges) from ``ontology-properties`` and every concept scheme with
its concepts from ``vocab-concepts`` (all in ``queries/pages``). A term of the ontology gets the
anchor of its local name (``/ontology#Claim``), a vocabulary or concept the anchor of its own
(``/vocab#stances``). Classes are grouped under their top ``ck:`` ancestor, properties by kind, each
group sorted by local name.
"""

from __future__ import annotations

from typing import Any

from conflictkg.pages.context import PageContext
from conflictkg.pages.model import Cell, Page
from conflictkg.rdf.links import term_href, web_href
from conflictkg.rdf.namespaces import CK, CKV, compact_iri
from conflictkg.rdf.terms import term_to_str

OWL = "http://www.w3.org/2002/07/owl#"
#: Property kinds, in the order the page lists them: (owl class, group id, heading).
KINDS = ((OWL + "ObjectProperty", "object-properties", "Object properties"),
         (OWL + "DatatypeProperty", "datatype-properties", "Datatype properties"),
         (OWL + "AnnotationProperty", "annotation-properties", "Annotation properties"))


def anchor(iri: str) -> str:
    """The fragment a term is found under on its page: its local name.

    >>> anchor(CK + "Claim"), anchor(CKV + "stance-alleges")
    ('Claim', 'stance-alleges')
    """
    return iri.removeprefix(CK).removeprefix(CKV)


def term_cell(iri: str, label: str = "") -> Cell:
    """A link to a term: its anchor on /ontology or /vocab, else its IRI when it is a web address."""
    curie = compact_iri(iri)
    short = curie if curie != iri else iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    cell = {"text": label or short, "iri": iri, "curie": curie}
    href = term_href(iri) or web_href(iri)
    if href:
        cell["href"] = href
    return cell


def _entry(row: dict, var: str) -> dict[str, Any]:
    iri = term_to_str(row[var])
    return {"id": anchor(iri), "iri": iri, "curie": compact_iri(iri), "label": term_to_str(row["label"]),
            "definition": term_to_str(row["definition"])}


def _add(cells: list[Cell], row: dict, var: str) -> None:
    if row[var] is not None:
        cell = term_cell(term_to_str(row[var]), term_to_str(row[f"{var}_label"]))
        if cell not in cells:
            cells.append(cell)


def classes(ctx: PageContext) -> dict[str, dict[str, Any]]:
    """Every class of the ontology by IRI, with its superclasses (sorted as the query orders them)."""
    found: dict[str, dict[str, Any]] = {}
    for row in ctx.run("ontology-classes").dicts():
        entry = found.setdefault(term_to_str(row["class"]), {**_entry(row, "class"), "superclasses": []})
        _add(entry["superclasses"], row, "superclass")
    return found


def top_ancestor(iri: str, found: dict[str, dict[str, Any]]) -> str:
    """The first ``ck:`` ancestor of ``iri`` without a ``ck:`` superclass (first parent in IRI order)."""
    seen = {iri}
    while True:
        parents = [c["iri"] for c in found[iri]["superclasses"] if c["iri"] in found and c["iri"] not in seen]
        if not parents:
            return iri
        iri = parents[0]
        seen.add(iri)


def class_groups(found: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Classes grouped under their top ancestor, the ones alone under theirs last as "other classes";
    groups and members sorted by local name."""
    members: dict[str, list[dict[str, Any]]] = {}
    for iri in found:
        members.setdefault(top_ancestor(iri, found), []).append(found[iri])
    groups = [{"id": "classes-" + anchor(top), "title": found[top]["label"] or anchor(top),
               "terms": sorted(terms, key=lambda t: (t["iri"] != top, t["id"].lower(), t["id"]))}
              for top, terms in sorted(members.items(), key=lambda item: anchor(item[0]).lower()) if len(terms) > 1]
    alone = [terms[0] for terms in members.values() if len(terms) == 1]
    if alone:
        groups.append({"id": "classes-other", "title": "other classes",
                       "terms": sorted(alone, key=lambda t: (t["id"].lower(), t["id"]))})
    return groups


def property_groups(ctx: PageContext) -> list[dict[str, Any]]:
    """Every property, grouped by kind, with its domains and ranges (union members listed one by one)."""
    found: dict[str, dict[str, Any]] = {}
    for row in ctx.run("ontology-properties").dicts():
        iri = term_to_str(row["property"])
        entry = found.setdefault(iri, {**_entry(row, "property"), "kinds": [], "domain": [], "range": []})
        kind = term_to_str(row["kind"])
        if kind not in entry["kinds"]:
            entry["kinds"].append(kind)
        _add(entry["domain"], row, "domain")
        _add(entry["range"], row, "range")
    return [{"id": group_id, "title": title,
             "terms": sorted((t for t in found.values() if t["kinds"][0] == kind),
                             key=lambda t: (t["id"].lower(), t["id"]))}
            for kind, group_id, title in KINDS]


def ontology_page(ctx: PageContext) -> Page:
    page = Page("ontology", "The conflictkg ontology", iri=CK.rstrip("#"),
                subtitle="Every class and property of the ontology (namespace ck:), with its label and definition, "
                         "read from the store's ontology graph. The vocabularies of its values are on the "
                         "vocabularies page.")
    found = classes(ctx)
    page.extra["classes"] = class_groups(found)
    page.extra["properties"] = property_groups(ctx)
    page.extra["namespace"] = CK
    counts = [("classes", len(found)), ("properties", sum(len(g["terms"]) for g in page.extra["properties"]))]
    page.facts += [(name, {"text": str(n)}) for name, n in counts]
    page.facts.append(("namespace", {"text": CK}))
    page.facts.append(("download", {"text": "Turtle (ontology graph)", "href": "/ontology.ttl"}))
    page.facts.append(("vocabularies", {"text": "SKOS concept schemes", "href": "/vocab"}))
    return page


def vocab_page(ctx: PageContext) -> Page:
    page = Page("vocab", "The conflictkg vocabularies",
                subtitle="Each SKOS concept scheme of the store's vocabulary graph, with its concepts: the values "
                         "of the ontology's coded properties (stances, statuses, precisions, ...).")
    schemes: dict[str, dict[str, Any]] = {}
    for row in ctx.run("vocab-concepts").dicts():
        iri = term_to_str(row["scheme"])
        scheme = schemes.setdefault(iri, {"id": anchor(iri), "iri": iri, "curie": compact_iri(iri),
                                          "label": term_to_str(row["scheme_label"]),
                                          "definition": term_to_str(row["scheme_definition"]), "concepts": []})
        if row["concept"] is not None:
            scheme["concepts"].append(_entry(row, "concept"))
    page.extra["schemes"] = sorted(schemes.values(), key=lambda s: (s["label"].lower(), s["iri"]))
    page.facts.append(("vocabularies", {"text": str(len(schemes))}))
    page.facts.append(("concepts", {"text": str(sum(len(s["concepts"]) for s in schemes.values()))}))
    page.facts.append(("ontology", {"text": "classes and properties", "href": "/ontology"}))
    return page
