"""Where the Alembic migrations live and which revision is head: the one module both the
migration runner (:mod:`.migrate`) and backup/restore (:mod:`.backup`) read, so neither imports
the other for it."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

__all__ = ["MIGRATIONS", "alembic_config", "head_revision"]

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head
