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
    "demo": {"demo", "services", "domain", "models", "db"},
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
                    names += [".".join(base + [a.name]) for a in node.names]
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
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
