"""The import contract of docs/architecture.md, enforced: layers, no loops, who imports what.

The contract is read from the document itself (the layer table and the heavy-dependency table), so
the document cannot drift from the code. Imports are collected from the syntax tree of every module,
including imports deferred into functions and ``TYPE_CHECKING`` blocks: a loop hidden behind a
deferred import is still a loop.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "src" / "conflictkg"
DOC = REPO / "docs" / "architecture.md"

#: Loops that another change opens; each names its issue. Remove an entry when its loop is gone
#: (the test fails on an entry whose loop no longer exists).
KNOWN_LOOPS: set[tuple[str, str]] = set()


@dataclass(frozen=True)
class Contract:
    """Layers bottom first (each a tuple of module or package names), and who may import what."""

    layers: tuple[tuple[str, tuple[str, ...]], ...]
    importers: dict[str, tuple[str, ...]]

    def layer_of(self, module: str) -> int | None:
        """Index of the layer whose entry is ``module`` or the package holding it (longest wins)."""
        best, found = -1, None
        for i, (_name, entries) in enumerate(self.layers):
            for entry in entries:
                if covers(entry, module) and len(entry) > best:
                    best, found = len(entry), i
        return found


def covers(entry: str, module: str) -> bool:
    """Whether a table entry names ``module``: itself, or a package holding it (the root package
    stands for its ``__init__`` only, else it would hold everything)."""
    return module == entry or ("." in entry and module.startswith(entry + "."))


def table_rows(text: str, header: str) -> list[list[str]]:
    """The cells of the markdown table whose header row starts with ``header``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.replace(" ", "").startswith(header.replace(" ", "")))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def names_in(cell: str, package: str) -> tuple[str, ...]:
    """Full dotted names of the `code` spans in a cell (``package`` itself stands for the root)."""
    spans = re.findall(r"`([^`]+)`", cell)
    return tuple(s if s == package else f"{package}.{s}" for s in spans)


def read_contract(doc: Path, package: str) -> Contract:
    """The layer table (``| layer | modules |``, top layer first) and the dependency table."""
    text = doc.read_text(encoding="utf-8")
    layers = tuple((row[0], names_in(row[1], package)) for row in reversed(table_rows(text, "| layer | modules |")))
    importers = {re.sub(r"`", "", row[0]): names_in(row[1], package)
                 for row in table_rows(text, "| dependency | imported only by |")}
    return Contract(layers, importers)


def modules(root: Path) -> dict[str, Path]:
    """Every module of the package at ``root`` by dotted name (a package by its own name)."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def imported_names(module: str, path: Path, known: set[str]) -> set[str]:
    """Everything ``module`` imports anywhere in its body: modules of ours, top-level names otherwise."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            for alias in node.names:
                out.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return out


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the names it imports (our modules in full, others by their top-level name)."""
    mods = modules(root)
    graph = {}
    for name, path in mods.items():
        names = imported_names(name, path, set(mods))
        graph[name] = {n if n in mods else n.split(".")[0] for n in names}
    return graph


def loops(graph: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """The import loops: strongly connected sets of our modules (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v] & graph.keys()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph[v]:
                found.append(tuple(sorted(component)))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def violations(graph: dict[str, set[str]], contract: Contract) -> list[str]:
    """Every way the code breaks the contract, sorted (loops are reported by :func:`loops`)."""
    out = []
    for module, names in sorted(graph.items()):
        layer = contract.layer_of(module)
        if layer is None:
            out.append(f"{module}: in no layer of the table")
            continue
        for name in sorted(names & graph.keys()):
            target = contract.layer_of(name)
            if target is not None and target > layer:
                out.append(f"{module} ({contract.layers[layer][0]}) imports {name} ({contract.layers[target][0]})")
        for dep in sorted(names & contract.importers.keys()):
            if not any(covers(e, module) for e in contract.importers[dep]):
                out.append(f"{module} imports {dep}, which only {', '.join(contract.importers[dep])} may import")
    return out


# ---------------------------------------------------------------- the real package


@pytest.fixture(scope="module")
def contract() -> Contract:
    return read_contract(DOC, "conflictkg")


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(PACKAGE)


def test_the_doc_states_six_layers_and_the_heavy_dependencies(contract: Contract) -> None:
    assert [name for name, _ in contract.layers] == ["foundation", "core", "features", "pipeline", "web", "skins"]
    assert {"rdflib", "pyshacl", "owlready2", "networkx", "pyvis", "starlette", "uvicorn", "jinja2"} <= set(
        contract.importers)


def test_every_name_in_the_doc_exists(contract: Contract, graph: dict[str, set[str]]) -> None:
    listed = [e for _, entries in contract.layers for e in entries] + [
        e for entries in contract.importers.values() for e in entries]
    assert [e for e in listed if e not in graph] == []
    layered = [e for _, entries in contract.layers for e in entries]
    assert len(layered) == len(set(layered)), "a module is in two layers"


def test_no_import_breaks_the_contract(contract: Contract, graph: dict[str, set[str]]) -> None:
    assert violations(graph, contract) == []


def test_no_import_loops(graph: dict[str, set[str]]) -> None:
    found = loops(graph)
    assert [loop for loop in found if loop not in KNOWN_LOOPS] == []
    assert [loop for loop in KNOWN_LOOPS if loop not in found] == [], "a known loop is gone: drop its entry"


def test_the_features_do_not_import_each_other(contract: Contract, graph: dict[str, set[str]]) -> None:
    """As the document says: each feature builds on core and foundation only."""
    features = dict(contract.layers)["features"]

    def feature(module: str) -> str | None:
        return next((f for f in features if covers(f, module)), None)

    crossing = [(m, n) for m, names in graph.items() for n in names
                if feature(m) and feature(n) and feature(m) != feature(n)]
    assert sorted(crossing) == []


def test_only_the_command_line_imports_the_web_skin(graph: dict[str, set[str]]) -> None:
    """As the document says: ``web`` is imported only by ``cli_serve`` (the ``serve`` command)."""
    importers = {m for m, names in graph.items() if not covers("conflictkg.web", m)
                 and any(covers("conflictkg.web", n) for n in names)}
    assert importers == {"conflictkg.cli_serve"}


def test_every_package_has_an_init() -> None:
    folders = {p.parent for p in PACKAGE.rglob("*.py")}
    assert sorted(str(f.relative_to(PACKAGE)) for f in folders if not (f / "__init__.py").is_file()) == []


# ---------------------------------------------------------------- the checker itself

TOY_DOC = """\
| layer | modules | job |
|---|---|---|
| top | `app` | the skin |
| bottom | `toy`, `base`, `other` | the base |

| dependency | imported only by | why |
|---|---|---|
| `rdflib` | `base` | |
"""


def write_toy(root: Path, files: dict[str, str]) -> Path:
    package = root / "toy"
    for name, body in {"__init__.py": "", **files}.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(body, encoding="utf-8")
    (root / "architecture.md").write_text(TOY_DOC, encoding="utf-8")
    return package


def test_the_checker_reports_an_upward_import_a_loop_and_a_stray_dependency(tmp_path: Path) -> None:
    package = write_toy(tmp_path, {
        "app.py": "from toy import base\n",
        "base.py": "import rdflib\n\ndef f():\n    from toy.app import main  # deferred, still upward\n",
        "other.py": "from . import base\nimport rdflib.term\n",
    })
    graph = import_graph(package)
    contract = read_contract(tmp_path / "architecture.md", "toy")
    assert violations(graph, contract) == [
        "toy.base (bottom) imports toy.app (top)",
        "toy.other imports rdflib, which only toy.base may import",
    ]
    assert loops(graph) == [("toy.app", "toy.base")]


def test_the_checker_sees_loops_behind_type_checking_and_unlisted_modules(tmp_path: Path) -> None:
    package = write_toy(tmp_path, {
        "base.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from toy.other import X\n",
        "other.py": "from toy.base import Y\n",
        "extra/__init__.py": "",
    })
    graph = import_graph(package)
    assert loops(graph) == [("toy.base", "toy.other")]
    assert violations(graph, read_contract(tmp_path / "architecture.md", "toy")) == [
        "toy.extra: in no layer of the table"]


def test_the_checker_passes_a_clean_tree(tmp_path: Path) -> None:
    package = write_toy(tmp_path, {"app.py": "import toy.base\n", "base.py": "import rdflib\n", "other.py": ""})
    graph = import_graph(package)
    assert loops(graph) == [] and violations(graph, read_contract(tmp_path / "architecture.md", "toy")) == []
