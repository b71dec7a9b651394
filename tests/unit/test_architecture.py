"""The layer rules of DESIGN.md §1, written down as checks rather than wiki pages."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "reliefdesk"
LEAVES = {"errors", "paths", "settings", "logsetup", "version", "options", "__init__"}
# package -> the reliefdesk packages it may import (besides the leaf modules)
ALLOWED: dict[str, set[str]] = {
    "domain": {"domain"},
    "models": {"models"},
    "db": {"db", "models", "domain"},
    "documents": {"documents", "domain"},
    "services": {"services", "domain", "models", "db", "documents"},
    "demo": {"demo", "services", "domain", "models", "db", "documents"},
    "cli": {"cli", "services", "domain", "db", "documents", "models", "demo"},
    "ui": {"ui", "services", "domain", "db", "documents", "models", "demo"},
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    pkg_parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg_parts[: len(pkg_parts) - node.level]
                mod = ".".join(base + ([node.module] if node.module else []))
                names.append(mod)
                if node.module is None:
                    names += [".".join([*base, a.name]) for a in node.names]
            elif node.module:
                names.append(node.module)
    return names


def _modules() -> list[Path]:
    return [p for p in PKG.rglob("*.py") if "migrations" not in p.parts]


def test_pyside6_only_inside_ui():
    """Nothing outside reliefdesk/ui/ imports PySide6 or shiboken6."""
    offenders = []
    for path in _modules():
        rel = path.relative_to(PKG)
        if rel.parts[0] == "ui":
            continue
        for name in _imports(path):
            if name.split(".")[0] in {"PySide6", "shiboken6"}:
                offenders.append(f"{rel}: {name}")
    assert offenders == []


def test_imports_flow_one_way():
    """Each layer imports only the layers DESIGN.md allows (ui -> services -> domain...)."""
    offenders = []
    for path in _modules():
        rel = path.relative_to(PKG)
        layer = rel.parts[0] if len(rel.parts) > 1 else None
        if layer is None or layer not in ALLOWED:
            continue
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "reliefdesk" or len(parts) < 2:
                continue
            target = parts[1]
            if target in LEAVES or target in ALLOWED[layer]:
                continue
            offenders.append(f"{rel}: {name}")
    assert offenders == []


def test_core_import_does_not_load_qt():
    """Importing the services, CLI and documents in a fresh interpreter never loads PySide6."""
    code = (
        "import sys, importlib, pkgutil, reliefdesk\n"
        "for pkg in ('reliefdesk.domain','reliefdesk.models','reliefdesk.db',"
        "'reliefdesk.services','reliefdesk.documents'):\n"
        "    m = importlib.import_module(pkg)\n"
        "    for info in pkgutil.walk_packages(m.__path__, pkg + '.'):\n"
        "        if '.migrations' in info.name: continue\n"
        "        importlib.import_module(info.name)\n"
        "import reliefdesk.cli\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- the module graph ------------------------------------------------------------------------
#
# Decision (docs/architecture.md, "Gates"): an import counts if it can run. Imports inside
# functions count too, because a deferred import hides a circle rather than removing it (the
# three circles issue 11 removed were all function-level). Imports under ``if TYPE_CHECKING:``
# do not count: they never run, and annotations may name any layer-legal type.
# ``from pkg import name`` is an edge to ``pkg.name`` when that is a module, else to ``pkg``;
# importing ``a.b.c`` is not an edge to ``a.b``'s ``__init__`` (a facade re-exporting its
# sub-modules is not a circle with them).

MAX_LINES = 600
# ui/ sub-packages that are shared by every page rather than pages themselves
SHARED_UI_PACKAGES = {"printing", "widgets", "labels", "shared", "common", "translations", "assets"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _all_modules() -> dict[str, Path]:
    return {_module_name(p): p for p in _modules()}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of ``tree`` except the bodies of ``if TYPE_CHECKING:`` blocks."""
    out: list[ast.AST] = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        out.append(node)
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))
    return out


def _top_level_imports(tree: ast.Module) -> set[int]:
    """ids of the import statements that run when the module is imported (module body, and
    inside its top-level if/try blocks), as opposed to those inside functions."""
    found: set[int] = set()
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.add(id(node))
        elif isinstance(node, (ast.If, ast.Try)):
            pending += node.body + node.orelse
            if isinstance(node, ast.Try):
                pending += node.finalbody + [s for h in node.handlers for s in h.body]
    return found


def _edges(path: Path, known: dict[str, Path], *, at_load: bool = False) -> set[str]:
    """The reliefdesk modules ``path`` imports at run time (see the decision above)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = _module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    targets: set[str] = set()
    at_import: set[str] = set()  # imported while this module itself is being imported
    top = _top_level_imports(tree)
    for node in _runtime_nodes(tree):
        before = set(targets)
        if isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.name
                while name and name not in known:
                    name = name.rpartition(".")[0]
                if name:
                    targets.add(name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names if base.startswith("reliefdesk") else ():
                sub = f"{base}.{alias.name}"
                if sub in known:
                    targets.add(sub)
                elif base in known:
                    targets.add(base)
        if id(node) in top:
            at_import |= targets - before
    if at_load:
        # Importing a.b.c first runs the packages a.b and a (their __init__): while this
        # module loads, a cycle through a package's __init__ is as real as one through a
        # module (ImportError: partially initialized module). The packages that contain this
        # module are already loading, so they are no new edge.
        mine = {me.rsplit(".", n)[0] for n in range(me.count(".") + 1)}
        targets = set(at_import)
        for target in at_import:
            parent = target.rpartition(".")[0]
            while parent:
                if parent in known and parent not in mine:
                    targets.add(parent)
                parent = parent.rpartition(".")[0]
    targets.discard(me)
    return targets


def test_no_cycles_while_modules_load():
    """No circle of imports that run while modules load, counting the package ``__init__``
    each import runs first; such a circle fails with "partially initialized module" as soon
    as a program imports one of its modules before the others (services.visits did)."""
    known = _all_modules()
    graph = {name: _edges(path, known, at_load=True) for name, path in known.items()}
    cycles = _strongly_connected(graph)
    assert cycles == [], "load-time cycles: " + "; ".join(" <-> ".join(c) for c in cycles)


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm (iterative): the components with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, list[str]]] = [(root, sorted(graph[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, pending = work[-1]
            if pending:
                nxt = pending.pop()
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, sorted(graph.get(nxt, ()))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_strongly_connected_finds_a_planted_circle():
    """The cycle finder itself: a three-module circle is one component, a chain is none."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _strongly_connected(graph) == [["a", "b", "c"]]
    assert _strongly_connected({"x": {"y"}, "y": set()}) == []


def test_no_import_cycles():
    """No two reliefdesk modules import each other, directly or around a circle (run time)."""
    known = _all_modules()
    graph = {name: _edges(path, known) for name, path in known.items()}
    cycles = _strongly_connected(graph)
    assert cycles == [], "import cycles: " + "; ".join(" <-> ".join(c) for c in cycles)


def _opens_session(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr in {"session", "read_session", "write_session", "sessionmaker"} or (
            func.attr == "Session"
        )
    return isinstance(func, ast.Name) and func.id in {"Session", "sessionmaker"}


def test_no_session_opened_under_ui():
    """ui/ never opens a database session: every read and write goes through a service."""
    offenders = []
    for path in _modules():
        rel = path.relative_to(PKG)
        if rel.parts[0] != "ui":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [f"{rel}:{n.lineno}" for n in ast.walk(tree) if _opens_session(n)]
    assert offenders == []


def test_pages_do_not_import_each_other():
    """A page package under ui/ imports only ui-level modules and shared packages, no other page."""
    ui = PKG / "ui"
    pages = {
        p.name
        for p in ui.iterdir()
        if p.is_dir() and (p / "__init__.py").exists() and p.name not in SHARED_UI_PACKAGES
    }
    known = _all_modules()
    offenders = []
    for path in _modules():
        rel = path.relative_to(PKG)
        if rel.parts[0] != "ui" or len(rel.parts) < 3 or rel.parts[1] not in pages:
            continue
        own = rel.parts[1]
        for target in _edges(path, known):
            parts = target.split(".")
            if (
                parts[:2] == ["reliefdesk", "ui"]
                and len(parts) > 2
                and parts[2] in pages
                and parts[2] != own
            ):
                offenders.append(f"{rel}: {target}")
    assert offenders == []


def test_no_module_over_600_lines():
    """Every module (migrations aside) stays under 600 lines: split along the seams instead."""
    offenders = []
    for path in _modules():
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES:
            offenders.append(f"{path.relative_to(PKG)}: {n}")
    assert offenders == []
