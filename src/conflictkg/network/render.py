"""One self-contained HTML page per view, drawn by pyvis with our own template and assets in line.

:func:`conflictkg.network.drawing.to_pyvis` builds the pyvis network (nodes with fixed positions,
edges, options); pyvis's ``generate_html`` renders it with our template in the place of its own,
which links bootstrap and tom-select from a CDN and writes node titles into the page as HTML.
Ours fetches nothing: vis-network 9.1.2 is the copy pyvis bundles
(``pyvis/templates/lib/vis-9.1.2``, dual-licensed Apache-2.0/MIT; its licence header is kept),
inlined with our script and styles in the offline file (``conflictkg viz``) and served once as
static files, cached by the browser, for the pages of ``conflictkg serve``; the view and pyvis's nodes, edges and options are one JSON
block escaped for ``<script>`` (Jinja's ``tojson``), and the page script puts every label in with
``textContent``. Only ``generate_html`` is called: pyvis's ``write_html`` writes into the current
directory and, for ``cdn_resources="local"``, copies a ``lib/`` folder beside it.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, Template
from markupsafe import Markup

from conflictkg import __version__
from conflictkg.errors import ConflictKGError
from conflictkg.naming import Perspective
from conflictkg.network.drawing import to_pyvis
from conflictkg.network.model import Network
from conflictkg.network.paging import PHONE_MEDIA, PHONE_PER_PAGE
from conflictkg.templating import environment

TEMPLATES = Path(__file__).parent / "templates"
VIS_VERSION = "9.1.2"
#: The page's scripts, inlined in this order (the label placement first: network.js uses it).
PAGE_SCRIPTS = ("network_labels.js", "network.js")
#: The names the web app serves vis-network's script and style sheet under (versioned: cached for good).
VIS_FILES = {"js": f"vis-network-{VIS_VERSION}.min.js", "css": f"vis-network-{VIS_VERSION}.css"}


@dataclass(frozen=True)
class NameLink:
    """One entry of the naming-perspective switch (``href`` None: not a link)."""

    text: str
    value: str
    href: str | None = None
    current: bool = False


def vis_assets() -> tuple[str, str]:
    """vis-network's script and style sheet from the pyvis package (read, never fetched).

    Raises:
        ConflictKGError: pyvis is not installed, or its copy cannot be inlined safely.
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or spec.origin is None:
        raise ConflictKGError("pyvis is not installed: it ships the vis-network script the network views inline",
                              hint="pip install pyvis")
    lib = Path(spec.origin).parent / "templates" / "lib" / f"vis-{VIS_VERSION}"
    script = _without_source_map((lib / "vis-network.min.js").read_text(encoding="utf-8"))
    style = (lib / "vis-network.css").read_text(encoding="utf-8")
    return _inline_safe(script, "script"), _inline_safe(style, "style")


def _without_source_map(script: str) -> str:
    """The script less its ``sourceMappingURL`` comment (the map is not shipped; nothing to fetch)."""
    # split on "\n" only: str.splitlines() would also split inside string literals (U+2028, \x0c, …)
    return "\n".join(line for line in script.split("\n") if not line.startswith("//# sourceMappingURL="))


def _inline_safe(text: str, element: str) -> str:
    if f"</{element}" in text.lower():
        raise ConflictKGError(f"cannot inline an asset containing '</{element}'")
    return text


def perspective_links(current: Perspective, href_for: Any = None) -> list[NameLink]:
    """The naming switch: every perspective, linked with ``href_for(perspective)`` when given."""
    return [NameLink(p.label, p.value, href_for(p) if href_for and p is not current else None, p is current)
            for p in Perspective]


@dataclass(frozen=True)
class PageTemplate:
    """Our page template with the page's own values bound, set as the pyvis network's ``template``.

    pyvis's ``generate_html`` calls ``render`` with what it holds (``nodes``, ``edges``, ``options``
    as JSON text, ``heading``, and settings of its own template the page does not use); ``values``
    adds the rest of the page (the view's data, filters, legend, assets).
    """

    template: Template
    values: dict[str, Any]

    def render(self, **drawing: Any) -> str:
        return self.template.render(**drawing, **self.values)


def to_html(network: Network, *, base_url: str = "", name_links: list[NameLink] | None = None,
            views_href: str | None = None, env: Environment | None = None, assets_href: str | None = None,
            files: list[dict[str, str]] | None = None, site: dict[str, Any] | None = None) -> str:
    """The view as one offline HTML page; resource pages are linked at ``{base_url}/resource/{local}``.

    ``name_links`` is the naming switch (default: the view's perspective alone, not a link) and
    ``views_href`` the list of views (default: none), both for the served pages. ``env`` is the
    web app's one Jinja2 environment (it loads ``TEMPLATES`` too); the offline file builds its own.
    ``assets_href``: where the served page links vis-network's script and style sheet
    (``{assets_href}/vis-network-9.1.2.min.js`` and ``.css``, see :data:`VIS_FILES`), fetched once and
    cached by the browser; without it (the offline file) they are inlined. ``files``: the view's graph
    file links (``format``, ``text``, ``href``). ``site``: the site layout's values (``base.html``'s
    ``page``, ``request``, ``perspective``…): the page is then drawn in the site's header and footer
    (``network_site.html``, which needs ``assets_href``) instead of on its own (``network.html``).
    """
    env = env or environment(TEMPLATES)
    data = network.to_json(base_url)
    net = to_pyvis(network, {clause["id"]: clause["color"] for clause in data["clauses"]})
    values = page_values(network, data, name_links, views_href, assets_href)
    values.update(files=files or [], **(site or {}))
    net.template = PageTemplate(env.get_template("network_site.html" if site else "network.html"), values)
    # notebook=True: render net.template (not pyvis's template.html); generate_html writes no file
    return net.generate_html(notebook=True)


def page_values(network: Network, data: dict[str, Any], name_links: list[NameLink] | None,
                views_href: str | None, assets_href: str | None = None) -> dict[str, Any]:
    """What the page shows beside pyvis's drawing: the view's data, filters, legend, switches, assets."""
    vis_js, vis_css = ("", "") if assets_href else vis_assets()
    vis_href = {kind: f"{assets_href}/{name}" for kind, name in VIS_FILES.items()} if assets_href else {}
    page_js = _inline_safe("\n".join((TEMPLATES / name).read_text(encoding="utf-8") for name in PAGE_SCRIPTS), "script")
    page_css = _inline_safe((TEMPLATES / "network.css").read_text(encoding="utf-8"), "style")
    standalone_css = (TEMPLATES / "network_standalone.css").read_text(encoding="utf-8")
    current = Perspective(network.perspective)
    links = name_links if name_links is not None else [NameLink(current.label, current.value, None, True)]
    return {
        "description": network.description, "version": __version__, "data": data, "legend": data["legend"],
        "filters": filter_options(data), "dates": _date_range(data),
        "totals": {"nodes": len(data["nodes"]), "edges": len(data["edges"])}, "edge_labels": False,
        "edge_colors": network.view == "allegations", "name_links": links, "views_href": views_href,
        "vis_href": vis_href, "vis_js": Markup(vis_js), "vis_css": Markup(vis_css), "page_js": Markup(page_js), "page_css": Markup(page_css),
        "standalone_css": Markup(_inline_safe(standalone_css, "style")), "phone_per_page": PHONE_PER_PAGE,
        "phone_media": PHONE_MEDIA,
    }


def filter_options(data: dict[str, Any]) -> dict[str, list[dict[str, str]]]:
    """The choices of the clause, claimant and stance filters: only values the view's claims have."""
    claimants = _by_label({c["claimant"]: c["claimant_label"] for c in data["claims"]})
    stances = _by_label({c["stance"]: c["stance_label"] for c in data["claims"]})
    used = Counter(clause for c in data["claims"] for clause in c["clauses"])
    used.update(e["clause"] for e in data["edges"] if e["clause"])
    return {
        "clauses": [c for c in data["clauses"] if c["id"] in used],
        "claimants": claimants,
        "stances": stances,
    }


def _by_label(labels: dict[str, str]) -> list[dict[str, str]]:
    return [{"id": i, "label": label} for i, label in sorted(labels.items(), key=lambda kv: (kv[1], kv[0]))]


def _date_range(data: dict[str, Any]) -> dict[str, str]:
    dates = sorted(c["date"] for c in data["claims"] if c["date"])
    return {"first": dates[0] if dates else "", "last": dates[-1] if dates else ""}


def views_index_html(entries: list[dict[str, Any]], env: Environment, site: dict[str, Any]) -> str:
    """The list of views: ``entries`` of ``{name, title, description, links: [{text, href, json}]}``, in
    the site's layout (``env`` the web app's environment, which has ``base.html``; ``site`` its values)."""
    return env.get_template("views.html").render(views=entries, **site)
