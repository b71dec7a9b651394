"""Where the Alembic migrations live and which revision is head: the one module both the
migration runner (:mod:`.migrate`) and backup/restore (:mod:`.backup`) read, so neither imports
the other for it."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["MIGRATIONS", "alembic_config", "head_revision", "scanned_head"]

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    from alembic.config import Config  # Alembic loads only when a migration tool is needed

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def scanned_head() -> str | None:
    """The single head revision read from the migration files' ``revision`` and
    ``down_revision`` assignments, without importing Alembic (which costs a noticeable part of
    start-up); None when that is not clear-cut (several heads, an unreadable file), and the
    caller then asks Alembic. ``tests/unit/test_migrations.py`` pins it to Alembic's head."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in MIGRATIONS.glob("versions/*.py"):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (OSError, SyntaxError, ValueError):
            return None
        values: dict[str, object] = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            else:
                continue
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                try:
                    values[target.id] = ast.literal_eval(value)
                except ValueError:
                    return None
        rev, down = values.get("revision"), values.get("down_revision")
        if not isinstance(rev, str):
            return None
        revisions.add(rev)
        if isinstance(down, str):
            parents.add(down)
        elif isinstance(down, (tuple, list)):
            parents.update(str(d) for d in down)
        elif down is not None:
            return None
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None
