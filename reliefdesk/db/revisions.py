"""Where the Alembic migrations live and which revision is head: the one module both the
migration runner (:mod:`.migrate`) and backup/restore (:mod:`.backup`) read, so neither imports
the other for it."""

from __future__ import annotations

import functools
import re
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


_ASSIGN = re.compile(
    r"""^(revision|down_revision)\s*(?::[^=]*)?=\s*(None|(['"])([^'"]+)\3)\s*(?:#.*)?$""",
    re.MULTILINE,
)


@functools.cache
def scanned_head() -> str | None:
    """The single head revision read from the migration files' ``revision`` and
    ``down_revision`` lines, without importing Alembic (which costs a noticeable part of
    start-up); None when that is not clear-cut (several heads, a merge revision, an unreadable
    file), and the caller then asks Alembic. ``tests/unit/test_migrations.py`` pins it to
    Alembic's head. Read with a regular expression, not ``ast``: CPython 3.11's parser is not
    safe to run in two threads at once (SystemError: AST constructor recursion depth
    mismatch), and two worker threads may open databases at the same moment."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted(MIGRATIONS.glob("versions/*.py")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, ValueError):
            return None
        values: dict[str, str | None] = {}
        for m in _ASSIGN.finditer(text):
            values.setdefault(m.group(1), None if m.group(2) == "None" else m.group(4))
        rev = values.get("revision")
        if not isinstance(rev, str) or "down_revision" not in values:
            return None  # a tuple of parents or an unusual file: let Alembic decide
        revisions.add(rev)
        down = values["down_revision"]
        if down is not None:
            parents.add(down)
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None
