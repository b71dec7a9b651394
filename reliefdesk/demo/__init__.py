"""Demo data: a realistic synthetic township (or the whole 汝州 county) for training, screenshots
and scale tests. ``reliefdesk-admin demo`` calls :func:`generate_demo`.

What it makes (DOMAIN §5.2 figures; policy read from the database):

* villages (X村, X社区 = urban) in one township or spread over the 21 Ruzhou townships;
* households of 1–6 people with realistic surnames (曾 单 解, a compound surname and rare
  characters included), unique valid ID numbers (410482 prefix), relations, disability, health,
  labour capacity, schooling; counted income items sized so the average monthly payment per
  person lands near Ruzhou 2023 (urban ≈ 257 元, rural ≈ 218 元, tekun ≈ 720 元); assets;
  Luhn-valid 19-digit cards at 汝州农商银行 / 中国农业银行 / 中国邮政储蓄银行; 代管 households with
  their agreement;
* applications in every workflow state with their CaseStep history, home visits with at least
  two investigators, decisions; enrollments whose start months spread over the past year (some
  older), some terminated, in 渐退 or suspended; tekun with six self-care booleans, care tier
  and supply mode; temporary-aid cases (one-off enrollments);
* users ``clerk``, ``reviewer``, ``approver``, ``admin``, ``auditor`` with :data:`DEMO_PASSWORDS`
  (existing users of those names are kept as they are);
* last month's department files (信息比对, a small sample of the register in every source's
  file, :mod:`reliefdesk.demo.comparison_month`) compared, so the findings queue has open
  leads; with ``clean`` no recipient is reported dead (the month's roster still locks);
* ONE audit event ``demo.generate`` with the counts.

Planted problems (unless ``clean=True``), one each, reported in :attr:`DemoResult.planted`
(problem kind → entity id) so ``check`` and the roster validator can be tested against them:

``bad_card_luhn``
    ``bank_account.id`` of an active enrollment's payee whose 19-digit card number fails the
    Luhn check (last digit changed).
``deceased_active``
    ``person.id`` of a recipient with ``deceased_on`` set (about 45 days before ``as_of``)
    who is still an active member of an active enrollment.
``entrusted_no_agreement``
    ``household.id`` of an enrolled 代管 household (``entrusted``) with no agreement number
    and no agreement date.
``holder_mismatch``
    ``bank_account.id`` of an active enrollment's payee account whose ``holder_name`` is not
    the payee's name (another member's, or another person's).

With ``clean=True`` none of these exist, and nothing else is knowingly inconsistent: open cases
are not overdue, rechecks are in the future, every 代管 household has its agreement.

Determinism: the same seed gives the same register (names, ID numbers, cards, amounts) whatever
the date; case dates are relative to ``as_of`` (default today), so the same seed and ``as_of``
give the same database. Speed: rows are built as dicts with pre-assigned primary keys and
written with Core ``executemany`` in chunks (about 100k persons in well under a minute).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..db.engine import Database, bulk_write_cache
from ..errors import ValidationError
from ..services import audit, keyslots
from ..services.context import SYSTEM, Actor
from . import year as _stats_demo
from .comparison_month import compare_demo_month
from .enrollments import temp_aid_list
from .generation import _Generation
from .monitoring import seed_monitoring
from .setup import (
    COUNTY_THRESHOLD,
    DEFAULT_HOUSEHOLDS,
    DEFAULT_TOWNSHIP,
    DEMO_PASSWORDS,
    DEMO_USERS,
    DemoResult,
)

__all__ = [
    "COUNTY_THRESHOLD",
    "DEFAULT_HOUSEHOLDS",
    "DEFAULT_TOWNSHIP",
    "DEMO_PASSWORDS",
    "DEMO_USERS",
    "DemoResult",
    "create_demo_database",
    "generate_demo",
]


def create_demo_database(path: Path) -> tuple[Database, str]:
    """A new, encrypted, empty demo database at ``path`` and its recovery code;
    :func:`generate_demo` then gives the demo users their key slots."""
    from ..db.connect import open_database
    from ..paths import to_url

    keys = keyslots.create_keys(path, office="演示乡镇民政所")
    return open_database(to_url(str(path)), key=keys.key), keys.recovery_code


def generate_demo(
    db: Database,
    actor: Actor,
    households: int = DEFAULT_HOUSEHOLDS,
    *,
    seed: int = 2023,
    clean: bool = False,
    township: str | None = None,
    as_of: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    """Fill ``db`` with a synthetic register (see the module docstring); one transaction.

    ``township``: a township code or name (all households there); otherwise one township for
    up to :data:`COUNTY_THRESHOLD` households (the office's, else 蟒川镇) and the whole county
    above it. ``progress(done, total)`` is called after each written batch.
    """
    if actor is not SYSTEM:
        actor.require("admin.users")
    if not 1 <= households <= 500_000:
        raise ValidationError(
            "户数须在 1 到 500000 之间。", code="demo.households", field="households"
        )
    started = time.perf_counter()
    as_of = as_of or date.today()
    gc_was_enabled = gc.isenabled()
    gc.disable()  # millions of fresh row dicts make cyclic collections the slowest part
    try:
        with db.session() as s:
            gen = _Generation(db, s, seed, as_of, clean)
            with bulk_write_cache(s):  # ~1M rows written, few read back (db/engine.py)
                result = gen.run(households, township, progress)
            _stats_demo.lock_demo_year(s, as_of, households)  # a year of locked rosters (统计 page)
            temp_aid_list(s, as_of)
            seed_monitoring(s, as_of)  # 低收入人口 entries, a month's visit plan (monitoring)
            compare_demo_month(s, actor, as_of, clean=clean)  # 信息比对 leads in the queue
            audit.record(
                s,
                actor,
                "demo.generate",
                "demo",
                seed,
                detail={
                    "seed": seed,
                    "clean": clean,
                    "as_of": as_of.isoformat(),
                    "households": result.households,
                    "persons": result.persons,
                    "applications": result.applications,
                    "enrollments": result.enrollments,
                    "by_programme": result.enrollments_by_programme,
                    "users_created": list(result.users_created),
                    "planted": result.planted,
                },
            )
    finally:
        if gc_was_enabled:
            gc.enable()
    # an encrypted demo office: the published demo logins open it, the townships' too (README)
    keyslots.add_slots(db, gen.new_logins, gen.new_slots)
    return DemoResult(**{**result.__dict__, "seconds": round(time.perf_counter() - started, 2)})
