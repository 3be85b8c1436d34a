"""The about page: what the graph is, how claims are curated, licences and how to cite.

The text is the template's; the data here is what the page must not type by hand: the package
version and the record's size (``record-counts``, as on the home page).
"""

from __future__ import annotations

from conflictkg import __version__
from conflictkg.pages.context import PageContext
from conflictkg.pages.home import record_fact
from conflictkg.pages.model import Page

CODE_LICENCE = ("MIT", "https://opensource.org/license/mit")
DATA_LICENCE = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")


def about_page(ctx: PageContext) -> Page:
    page = Page("about", "About conflictkg",
                subtitle="A knowledge graph of claims about compliance with the 9/10 November 2020 "
                         "trilateral statement: who alleged, denied or confirmed a breach of which point, "
                         "in which source, on which date.")
    page.facts.append(("version", {"text": __version__}))
    page.facts.append(("the record", record_fact(ctx)))
    page.facts.append(("code licence", {"text": CODE_LICENCE[0], "href": CODE_LICENCE[1]}))
    page.facts.append(("data and ontology licence", {"text": DATA_LICENCE[0], "href": DATA_LICENCE[1]}))
    page.extra["citation"] = (f"the conflictkg authors (2026). conflictkg: a knowledge graph of claims about "
                              f"compliance with the 9/10 November 2020 Nagorno-Karabakh trilateral statement, "
                              f"version {__version__}. Code MIT, data CC BY 4.0.")
    return page
