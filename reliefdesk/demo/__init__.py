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
import random
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from ..db.defaults import RUZHOU_COUNTY
from ..db.engine import Database
from ..errors import NotFound, ValidationError
from ..models import Office, Person, Township, User, Village
from ..services import audit
from ..services.context import SYSTEM, Actor
from ..services.policy import policy_on, work_calendar
from ..services.users import hash_password
from . import year as _stats_demo
from .cases import PENDING_STATES, PENDING_WEIGHTS, CaseFactory, Rows, Users, temp_aid_list
from .people import HouseholdDraft, Member, PeopleFactory, VillageInfo
from .writer import _KEYS, _Writer

__all__ = [
    "DEFAULT_HOUSEHOLDS",
    "DEFAULT_TOWNSHIP",
    "DEMO_PASSWORDS",
    "DEMO_USERS",
    "DemoResult",
    "generate_demo",
]

#: Demo logins (the README lists them). Each meets ``check_password_strength``.
DEMO_PASSWORDS: dict[str, str] = {
    "clerk": "Demo#clerk1",
    "reviewer": "Demo#reviewer1",
    "approver": "Demo#approver1",
    "admin": "Demo#admin1",
    "auditor": "Demo#auditor1",
}
#: username → (role, display name)
DEMO_USERS: dict[str, tuple[str, str]] = {
    "clerk": ("clerk", "刘晓燕"),
    "reviewer": ("reviewer", "王建军"),
    "approver": ("approver", "张丽娟"),
    "admin": ("admin", "系统管理员"),
    "auditor": ("auditor", "赵永刚"),
}
DEFAULT_HOUSEHOLDS = 1500
DEFAULT_TOWNSHIP = "410482106"  # 蟒川镇
COUNTY_THRESHOLD = 3000  # more households than this (and no township given) → whole county
CHUNK = 2000  # households per write batch


@dataclass(frozen=True)
class DemoResult:
    """What :func:`generate_demo` wrote."""

    households: int
    persons: int
    villages_created: int
    townships: int
    applications: int
    enrollments: int
    applications_by_state: dict[str, int]
    enrollments_by_programme: dict[str, int]
    enrollments_by_status: dict[str, int]
    users_created: tuple[str, ...]
    planted: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def _cum(weights: tuple[float, ...] | list[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def _pick(rng: random.Random, items: Any, cum: list[float]) -> Any:
    return items[min(bisect_right(cum, rng.random() * cum[-1]), len(items) - 1)]


def _ensure_users(
    s: Session, pool: ThreadPoolExecutor
) -> tuple[dict[str, tuple[int, str]], dict[str, Future[str]]]:
    """Create the missing demo users now (ids are needed at once); their Argon2 hashes are
    computed on a worker thread (argon2 releases the GIL) and stored at the end."""
    pending: dict[str, Future[str]] = {}
    existing = {
        u.username: u for u in s.scalars(select(User).where(User.username.in_(list(DEMO_USERS))))
    }
    for name, (role, display) in DEMO_USERS.items():
        if name not in existing:
            user = User(username=name, display_name=display, role=role, password_hash="!")
            s.add(user)
            pending[name] = pool.submit(hash_password, DEMO_PASSWORDS[name])
            existing[name] = user
    s.flush()
    return {n: (u.id, u.username) for n, u in existing.items()}, pending


def _townships(s: Session, township: str | None, households: int) -> tuple[list[Township], bool]:
    towns = list(s.scalars(select(Township).order_by(Township.code)))
    if not towns:
        raise NotFound("数据库中没有乡镇(街道)数据。", code="demo.no_township")
    if township:
        chosen = [t for t in towns if township in (t.code, t.name)]
        if not chosen:
            raise NotFound(f"找不到乡镇(街道)：{township}", code="demo.township")
        return chosen, False
    if households > COUNTY_THRESHOLD:
        ruzhou = [t for t in towns if t.code.startswith(RUZHOU_COUNTY[1])]
        return (ruzhou or towns), True
    office = s.scalar(select(Office).limit(1))
    if office is not None and office.township_id is not None:
        for t in towns:
            if t.id == office.township_id:
                return [t], False
    for t in towns:
        if t.code == DEFAULT_TOWNSHIP:
            return [t], False
    return [towns[0]], False


def _next_ids(s: Session) -> dict[str, int]:
    out: dict[str, int] = {}
    for name, model in _KEYS.items():
        out[name] = int(s.scalar(select(func.coalesce(func.max(model.id), 0))) or 0) + 1
    return out


def _fix_sequences(s: Session) -> None:
    if s.get_bind().dialect.name != "postgresql":
        return
    for name in _KEYS:
        s.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
            )
        )


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
            gen = _Generation(s, seed, as_of, clean)
            result = gen.run(households, township, progress)
            _stats_demo.lock_demo_year(s, as_of, households)  # a year of locked rosters (统计 page)
            temp_aid_list(s, as_of)
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
    return DemoResult(**{**result.__dict__, "seconds": round(time.perf_counter() - started, 2)})


class _Generation:
    """One run of the generator inside one session."""

    def __init__(self, s: Session, seed: int, as_of: date, clean: bool) -> None:
        self.s = s
        self.rng = random.Random(seed)  # the register (people, incomes, accounts)
        self.recent_grant = False
        self.case_rng = random.Random(seed * 7919 + 1)  # case histories (date dependent)
        self.as_of = as_of
        self.clean = clean
        self.planted: dict[str, int] = {}

    # ------------------------------------------------------------------ set-up
    def _villages(self, towns: list[Township]) -> tuple[list[VillageInfo], int]:
        s = self.s
        result: list[VillageInfo] = []
        created = 0
        for t in towns:
            rows = list(
                s.scalars(select(Village).where(Village.township_id == t.id).order_by(Village.id))
            )
            if not rows:
                names = self.people.village_names(t.name, set())
                for name, community in names:
                    v = Village(township_id=t.id, name=name, is_community=community)
                    s.add(v)
                    rows.append(v)
                    created += 1
                s.flush()
            result += [VillageInfo(v.id, v.name, t.name, v.is_community) for v in rows]
        return result, created

    def _office(self, towns: list[Township], county: bool) -> None:
        if self.s.scalar(select(Office.id).limit(1)) is not None:
            return
        town = None if county else towns[0]
        self.s.add(
            Office(
                county=RUZHOU_COUNTY[0],
                county_code=RUZHOU_COUNTY[1],
                township_id=town.id if town else None,
                office_name=f"{town.name}民政所" if town else "汝州市民政局社会救助科",
                phone="0375-6" + "".join(str(self.rng.randint(0, 9)) for _ in range(6)),
                policy_url="",
            )
        )

    # ------------------------------------------------------------------ main loop
    def run(
        self, n: int, township: str | None, progress: Callable[[int, int], None] | None
    ) -> DemoResult:
        s = self.s
        towns, county = _townships(s, township, n)
        sqlite = s.get_bind().dialect.name == "sqlite"
        if sqlite:  # index pages of ~1M new rows stay in memory (default is 2 MB)
            s.execute(text("PRAGMA cache_size=-131072"))
        with ThreadPoolExecutor(max_workers=1) as pool:
            user_ids, hashes = _ensure_users(s, pool)
            result = self._run(n, towns, county, user_ids, progress)
            for name, fut in hashes.items():
                s.execute(
                    update(User).where(User.username == name).values(password_hash=fut.result())
                )
        if sqlite:
            s.execute(text("PRAGMA cache_size=-2000"))
        return DemoResult(**{**result.__dict__, "users_created": tuple(hashes)})

    def _run(
        self,
        n: int,
        towns: list[Township],
        county: bool,
        user_ids: dict[str, tuple[int, str]],
        progress: Callable[[int, int], None] | None,
    ) -> DemoResult:
        s = self.s
        rng = self.rng
        used_ids = set(s.scalars(select(Person.id_number)))
        s.flush()
        self.people = PeopleFactory(rng, self.as_of, used_ids, {})
        villages, villages_created = self._villages(towns)
        self._office(towns, county)
        s.flush()
        self.people.next = _next_ids(s)
        policy = policy_on(s, self.as_of)
        cal = work_calendar(s)
        rows = Rows()
        clerk_display = DEMO_USERS["clerk"][1]
        if "clerk" in user_ids:
            u = s.scalar(select(User).where(User.username == "clerk"))
            clerk_display = u.display_name if u is not None and u.display_name else clerk_display
        users = Users(user_ids["clerk"], user_ids["reviewer"], user_ids["approver"], clerk_display)
        self.cases = CaseFactory(
            self.case_rng, self.as_of, policy, cal, users, self.people.take, rows
        )
        self.policy = policy
        writer = _Writer(s)
        weights = [
            (1.0 if v.is_community else 1.0)
            * (0.35 if v.is_community and not v.township_name.endswith("街道") else 1.0)
            for v in villages
        ]
        vcum = _cum(weights)
        urban_villages = [v for v in villages if v.is_community]
        rural_villages = [v for v in villages if not v.is_community] or villages
        forced = [
            ("dibao", urban_villages[0] if urban_villages else None),
            ("tekun", rural_villages[0]),
            ("applicant", None),
            ("temp", None),
            ("dibao", rural_villages[0]),
        ]
        state_cycle = list(PENDING_STATES)
        app_states: Counter[str] = Counter()
        by_prog: Counter[str] = Counter()
        by_status: Counter[str] = Counter()
        drafts: list[HouseholdDraft] = []
        candidates: dict[str, list[tuple[HouseholdDraft, dict[str, Any], dict[str, Any]]]] = {}
        persons = 0
        done = 0
        for i in range(n):
            if i < len(forced):
                kind, village = forced[i]
                village = village or _pick(rng, villages, vcum)
            else:
                village = _pick(rng, villages, vcum)
                r = rng.random()
                kind = (
                    "tekun"
                    if r < 0.16
                    else "dibao"
                    if r < 0.85
                    else "applicant"
                    if r < 0.95
                    else "temp"
                )
            hh = self._household(
                kind, village, state_cycle, app_states, by_prog, by_status, candidates
            )
            drafts.append(hh)
            persons += len(hh.members)
            if len(drafts) >= CHUNK or i == n - 1:
                if not self.clean and not self.planted:
                    self._plant(candidates)
                self._flush(writer, drafts, rows)
                done += len(drafts)
                drafts = []
                candidates = {}
                if progress is not None:
                    progress(done, n)
        s.flush()
        _fix_sequences(s)
        return DemoResult(
            households=n,
            persons=persons,
            villages_created=villages_created,
            townships=len(towns),
            applications=sum(app_states.values()),
            enrollments=sum(by_prog.values()),
            applications_by_state=dict(app_states),
            enrollments_by_programme=dict(by_prog),
            enrollments_by_status=dict(by_status),
            users_created=(),
            planted=dict(self.planted),
        )

    def _flush(self, writer: _Writer, drafts: list[HouseholdDraft], rows: Rows) -> None:
        people = self.people
        buffers: dict[str, list[dict[str, Any]]] = {
            "household": [h.row for h in drafts],
            "person": [m.row for h in drafts for m in h.members],
            "person_search_key": people.search_rows,
            "income_item": [r for h in drafts for r in h.income_rows],
            "asset": people.asset_rows,
            "bank_account": people.account_rows,
            "application": rows.application,
            "case_step": rows.case_step,
            "visit": rows.visit,
            "enrollment": rows.enrollment,
            "enrollment_member": rows.enrollment_member,
            "enrollment_change": rows.enrollment_change,
        }
        writer.flush(buffers)

    # ------------------------------------------------------------------ one household
    def _household(
        self,
        kind: str,
        village: VillageInfo,
        state_cycle: list[str],
        app_states: Counter[str],
        by_prog: Counter[str],
        by_status: Counter[str],
        candidates: dict[str, list[Any]],
    ) -> HouseholdDraft:
        rng = self.rng
        people, cases, policy = self.people, self.cases, self.policy
        size = (
            1 if kind == "tekun" else _pick(rng, (1, 2, 3, 4, 5, 6), _cum((22, 26, 20, 16, 10, 6)))
        )
        hh = people.household(village, size, kind)
        area = hh.row["area_type"]
        programme = "urban_dibao" if area == "urban" else "rural_dibao"
        standard = policy.dibao_standard_fen(area)
        head = hh.members[0]
        counted = hh.counted()
        if kind == "applicant" and rng.random() < 0.1:
            kind = "tekun_applicant"
        if kind == "dibao":
            # tuned so the average payment per person is near Ruzhou 2023 (DOMAIN §5.2)
            frac = (
                rng.triangular(0.35, 0.95, 0.7)
                if area == "urban"
                else rng.triangular(0.22, 0.87, 0.6)
            )
            if rng.random() < 0.05:
                frac = 0.0
            pci = int(standard * frac) // 100 * 100  # whole yuan, as declared incomes are
            people.income(hh, pci)
            single = len(hh.members) >= 3 and rng.random() < 0.04
            applicant, covered = head, counted
            if single:
                weak = [
                    m
                    for m in hh.members[1:]
                    if m.row["counted"]
                    and m.age >= 18
                    and (m.row["disability_level"] in (1, 2) or m.row["health"] == "serious")
                ]
                if weak:
                    applicant, covered = weak[0], [weak[0]]
                    pci = sum(
                        r["monthly_fen"]
                        for r in hh.income_rows
                        if r["counted"] and r["person_id"] == applicant.id
                    )
                else:
                    single = False
            anchor = self._decision_date()
            amount = cases.dibao_amount(
                programme, hh, covered, single, pci, anchor - timedelta(days=30)
            )
            app = cases.application(
                hh,
                programme,
                "approved",
                anchor,
                applicant,
                single=single,
                objection=self.case_rng.random() < 0.03,
                amount=amount,
            )
            app_states["approved"] += 1
            self._enroll(hh, app, covered, applicant, by_prog, by_status, candidates)
            if rng.random() < 0.03:
                self._temp_aid(hh, app_states, by_prog, by_status, head)
        elif kind == "tekun":
            pci = rng.choice((0, 0, 0, 5000, 10000))
            people.income(hh, pci)
            care = cases.self_care()
            anchor = self._decision_date()
            amount = cases.tekun_amount(hh, care[1], pci)
            app = cases.application(
                hh, "tekun", "approved", anchor, head, tekun_care=care, amount=amount
            )
            app_states["approved"] += 1
            self._enroll(hh, app, [head], head, by_prog, by_status, candidates)
            if self.case_rng.random() < 0.06:
                self._entrust(hh, app["decided_on"])
        elif kind in ("applicant", "tekun_applicant"):
            state = (
                state_cycle.pop(0)
                if state_cycle
                else _pick(rng, PENDING_STATES, _cum(PENDING_WEIGHTS))
            )
            refused = state == "refused"
            frac = rng.uniform(1.02, 1.45) if refused else rng.triangular(0.2, 0.9, 0.6)
            pci = int(standard * frac) // 100 * 100
            if kind == "tekun_applicant":
                prog, applicant, covered = "tekun", head, [head]
                people.income(hh, min(pci, 10000) if not refused else pci)
                care = cases.self_care()
                amount = cases.tekun_amount(hh, care[1], pci)
            else:
                prog, applicant, covered = programme, head, counted
                people.income(hh, pci)
                care = None
                amount = cases.dibao_amount(programme, hh, covered, False, pci, self.as_of)
            if refused and frac <= 1.5:
                hh.row["near_dibao"] = True
            cases.application(
                hh,
                prog,
                state,
                cases.pending_anchor(state),
                applicant,
                tekun_care=care,
                amount=amount,
            )
            app_states[state] += 1
        else:  # temporary aid only
            pci = int(standard * rng.uniform(0.8, 1.3))
            people.income(hh, pci)
            self._temp_aid(hh, app_states, by_prog, by_status, head)
        people.assets(hh)
        return hh

    def _decision_date(self) -> date:
        rng = self.case_rng
        days = rng.randint(420, 1400) if rng.random() < 0.15 else rng.randint(3, 380)
        return self.cases.back_wd(self.as_of - timedelta(days=days), 0)

    def _enroll(
        self,
        hh: HouseholdDraft,
        app: dict[str, Any],
        covered: list[Member],
        payee: Member,
        by_prog: Counter[str],
        by_status: Counter[str],
        candidates: dict[str, list[Any]],
    ) -> None:
        account = self.people.account(hh, payee)
        enr = self.cases.enrollment(hh, app, covered)
        if enr["status"] == "terminated" and any(m.row["deceased_on"] for m in covered):
            account["active"] = False
        by_prog[enr["programme"]] += 1
        by_status[enr["status"]] += 1
        if enr["status"] == "active" and enr["programme"] != "temporary_aid":
            candidates.setdefault(enr["programme"], []).append((hh, enr, account))
        if self.case_rng.random() < 0.01 and hh.members[0].age >= 70:
            self._entrust(hh, app["decided_on"])

    def _entrust(self, hh: HouseholdDraft, on: date) -> None:
        self.cases.entrust_seq += 1
        hh.row["entrusted"] = True
        hh.row["entrust_agreement_no"] = (
            f"{hh.village.township_name[:2]}民代〔{on.year}〕{self.cases.entrust_seq:03d}号"
        )
        hh.row["entrust_agreement_date"] = on
        hh.row["entrust_agent"] = "村民政协理员"

    def _temp_aid(
        self,
        hh: HouseholdDraft,
        app_states: Counter[str],
        by_prog: Counter[str],
        by_status: Counter[str],
        applicant: Member,
    ) -> None:
        if not any(
            a["household_id"] == hh.id and a["payee_person_id"] == applicant.id
            for a in self.people.account_rows[-3:]
        ):
            self.people.account(hh, applicant)  # registered with the application
        if applicant.row["deceased_on"] is not None:
            return  # the dibao recipient died (terminated enrollment): no later aid
        rng = self.case_rng
        cases = self.cases
        persons = 1 if rng.random() < 0.75 else max(1, len(hh.counted()))
        months = _pick(rng, (1, 2, 3), _cum((30, 45, 25)))
        aid_type = "emergency" if rng.random() < 0.4 else "expenditure"
        amount = cases.temp_amount(persons, months)
        r = rng.random()
        state = (
            "approved"
            if r < 0.85
            else rng.choice(("accepted", "investigating", "awaiting_confirmation"))
        )
        recent = not self.recent_grant  # the office always has a grant to pay this month
        if recent:
            state, self.recent_grant = "approved", True
        green = state == "approved" and aid_type == "emergency" and rng.random() < 0.4
        anchor = self._decision_date() if state == "approved" else cases.pending_anchor(state)
        if recent:
            anchor = cases.back_wd(self.as_of - timedelta(days=3), 0)
        app = cases.application(
            hh,
            "temporary_aid",
            state,
            anchor,
            applicant,
            green=green,
            aid=(aid_type, months, persons),
            amount=amount,
        )
        app_states[state] += 1
        if state == "approved":
            covered = [m for m in hh.counted()][:persons] or [applicant]
            enr = cases.enrollment(hh, app, covered)
            by_prog["temporary_aid"] += 1
            by_status[enr["status"]] += 1

    # ------------------------------------------------------------------ planted problems
    def _plant(self, candidates: dict[str, list[Any]]) -> None:
        pool = [
            c for prog in ("rural_dibao", "tekun", "urban_dibao") for c in candidates.get(prog, [])
        ]
        used: set[int] = set()

        def take(pred: Callable[[Any], bool] = lambda c: True) -> Any:
            for c in pool:
                if c[0].id not in used and pred(c):
                    used.add(c[0].id)
                    return c
            return None

        c = take()
        if c is not None:
            account = c[2]
            num = account["number"]
            account["number"] = num[:-1] + str((int(num[-1]) + 1) % 10)
            self.planted["bad_card_luhn"] = account["id"]
        c = take(lambda c: c[1]["programme"] == "tekun") or take()
        if c is not None:
            hh, enr = c[0], c[1]
            payee = next(m for m in hh.members if m.id == enr["payee_id"])
            payee.row["deceased_on"] = self.as_of - timedelta(days=45)
            self.planted["deceased_active"] = payee.id
        c = take(lambda c: not c[0].row["entrusted"])
        if c is not None:
            c[0].row.update(entrusted=True, entrust_agreement_no="", entrust_agreement_date=None)
            self.planted["entrusted_no_agreement"] = c[0].id
        c = take(lambda c: len(c[0].members) > 1) or take()
        if c is not None:
            hh, account = c[0], c[2]
            others = [m.name for m in hh.members if m.name != account["holder_name"]]
            account["holder_name"] = others[0] if others else account["holder_name"][0] + "某某"
            self.planted["holder_mismatch"] = account["id"]
