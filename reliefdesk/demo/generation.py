"""One run of the demo generator inside one session: villages, office, households with their
cases and enrollments written in batches, and the planted problems."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.defaults import RUZHOU_COUNTY
from ..db.engine import Database
from ..db.keyfile import KeyFile
from ..models import Office, Person, Township, User, Village
from ..services import keyslots
from ..services.policy import policy_on, work_calendar
from .case_base import Rows, Users
from .cases import PENDING_STATES, PENDING_WEIGHTS, CaseFactory
from .people import HouseholdDraft, Member, PeopleFactory, VillageInfo
from .setup import (
    CHUNK,
    DEMO_PASSWORDS,
    DEMO_USERS,
    DemoResult,
    _ensure_township_users,
    _ensure_users,
    _fix_sequences,
    _next_ids,
    _townships,
)
from .writer import _Writer


def _cum(weights: tuple[float, ...] | list[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def _pick(rng: random.Random, items: Any, cum: list[float]) -> Any:
    return items[min(bisect_right(cum, rng.random() * cum[-1]), len(items) - 1)]


class _Generation:
    """One run of the generator inside one session."""

    def __init__(self, db: Database, s: Session, seed: int, as_of: date, clean: bool) -> None:
        self.db = db
        self.s = s
        self.rng = random.Random(seed)  # the register (people, incomes, accounts)
        self.recent_grant = False
        self.case_rng = random.Random(seed * 7919 + 1)  # case histories (date dependent)
        self.as_of = as_of
        self.clean = clean
        self.planted: dict[str, int] = {}
        self.new_slots: KeyFile | None = None  # the new demo users' key slots (run)
        self.new_logins: dict[str, str] = {}  # their user names and passwords (run)

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
        user_ids, created = _ensure_users(s)
        self.new_logins = {name: DEMO_PASSWORDS[name] for name in created}
        if county:
            self.new_logins.update(_ensure_township_users(s, towns))
        with ThreadPoolExecutor(max_workers=1) as pool:
            # the new users' key slots, meanwhile (Argon2 releases the GIL): 64 MiB a
            # derivation, which came on top of the whole register when done after the commit
            slots = pool.submit(keyslots.wrap_slots, self.db, self.new_logins)
            result = self._run(n, towns, county, user_ids, progress)
            self.new_slots = slots.result()
        return DemoResult(**{**result.__dict__, "users_created": tuple(created)})

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
            0.35 if v.is_community and not v.township_name.endswith("街道") else 1.0
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
                programme, covered, single, pci, anchor - timedelta(days=30)
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
                amount = cases.dibao_amount(programme, covered, False, pci, self.as_of)
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

        def take(pred: Callable[[Any], bool] = lambda _c: True) -> Any:
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
