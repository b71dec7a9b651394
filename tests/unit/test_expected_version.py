"""Every window passes the version it showed: a call from ``reliefdesk/ui`` to a service that
takes ``expected_version`` must pass it, so a save never overwrites another clerk's change."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import reliefdesk.services

ROOT = Path(__file__).resolve().parents[2]


def _versioned_services() -> dict[str, int]:
    """Public service functions taking ``expected_version``: name -> its positional index."""
    found: dict[str, int] = {}
    for info in pkgutil.walk_packages(reliefdesk.services.__path__, "reliefdesk.services."):
        module = importlib.import_module(info.name)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or not fn.__module__.startswith("reliefdesk.services"):
                continue
            params = list(inspect.signature(fn).parameters.values())
            for i, p in enumerate(params):
                if p.name == "expected_version":
                    positional = p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
                    found[name] = i if positional else 10_000
    return found


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return None


def _passes_db(call: ast.Call) -> bool:
    """The call's first argument is the database (``db``, ``ctx.db``, ``page.ctx.db``...)."""
    if not call.args:
        return False
    first = call.args[0]
    return (isinstance(first, ast.Name) and first.id == "db") or (
        isinstance(first, ast.Attribute) and first.attr == "db"
    )


def test_the_service_list_is_found():
    """The scan sees the versioned services (so the check below cannot pass by finding none)."""
    names = _versioned_services()
    assert {"update_household", "update_person", "stop_account", "lock", "perform"} <= set(names)


def test_every_window_call_to_a_versioned_service_passes_the_version():
    """No call under reliefdesk/ui to a service with ``expected_version`` leaves it out."""
    versioned = _versioned_services()
    missing: list[str] = []
    for path in sorted((ROOT / "reliefdesk" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _callee(node)
            if name not in versioned:
                continue
            if not _passes_db(node):  # a service call: (db, actor, ...); not a same-named helper
                continue
            by_keyword = any(k.arg == "expected_version" for k in node.keywords)
            by_position = len(node.args) > versioned[name]
            if not (by_keyword or by_position):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}()")
    assert missing == [], "windows saving without the version they showed:\n" + "\n".join(missing)
