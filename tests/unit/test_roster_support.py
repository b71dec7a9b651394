"""Builders shared by the roster tests (no tests here): households, persons, accounts and
enrollments created directly with the ORM, and a policy version with round figures."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from reliefdesk.db.defaults import default_policy
from reliefdesk.db.engine import Database
from reliefdesk.domain.accounts import make_card_number
from reliefdesk.domain.idnumber import make_id
from reliefdesk.models import (
    Application,
    BankAccount,
    Enrollment,
    EnrollmentChange,
    EnrollmentMember,
    Household,
    Person,
    PolicyVersion,
    Township,
    Village,
)
from reliefdesk.services.policy import policy_on
from reliefdesk.services.roster.calc import compute

_seq = itertools.count(1)

START = date(2026, 1, 1)


def round_policy(**over: Any) -> dict[str, Any]:
    """The default policy with round standards: rural 400.00, urban 600.00 元; care tiers
    100/200/400 元; no top-ups unless given."""
    data = default_policy()
    data.update(
        {
            "rural_dibao_standard_fen": 40000,
            "urban_dibao_standard_fen": 60000,
            "tekun_care_fen": {"full": 10000, "partial": 20000, "none": 40000},
            "topup_rates": {"elderly": "1/10", "severe_disability": "1/5"},
        }
    )
    data.update(over)
    return data


def add_policy(db: Database, effective_from: date, **over: Any) -> None:
    with db.session() as s:
        s.add(
            PolicyVersion(
                effective_from=effective_from,
                name=f"测试标准{effective_from:%Y%m}",
                data=round_policy(**over),
            )
        )


def make_household(
    db: Database,
    *,
    persons: int = 3,
    pci_fen: int = 20000,
    programme: str = "rural_dibao",
    method: str = "gap",
    start: date = START,
    care_tier: str | None = None,
    topups: list[str] | None = None,
    village: str = "东村",
    account: str | None = None,
    holder: str | None = None,
    amount_fen: int | None = None,
    members_alive: int | None = None,
    amount_source: str = "formula",
) -> dict[str, int]:
    """One household with ``persons`` members (the first is the payee), an active Luhn-valid
    19-digit card, an application and an active enrollment from ``start``. Its decided amount
    is ``amount_fen``, or (None) the formula under the policy in force at ``start``, as a
    confirmation would have decided it."""
    n = next(_seq)
    with db.session() as s:
        standard = None
        if amount_fen is None:
            policy = policy_on(s, start)
            amount = compute(
                {
                    "programme": programme,
                    "method": method,
                    "persons": persons,
                    "per_capita_income_fen": pci_fen,
                    "care_tier": care_tier,
                    "care_mode": None,
                    "topups": topups or [],
                    "area_type": "urban" if programme == "urban_dibao" else "rural",
                    "fixed_fen": 0,
                },
                policy,
            )
            amount_fen, standard = amount.fen, amount.standard_fen
        town = s.query(Township).filter_by(code="410482101").one()
        vil = s.query(Village).filter_by(township_id=town.id, name=village).one_or_none()
        if vil is None:
            vil = Village(township_id=town.id, name=village)
            s.add(vil)
            s.flush()
        hh = Household(
            village_id=vil.id, area_type="urban" if programme == "urban_dibao" else "rural"
        )
        s.add(hh)
        s.flush()
        people = []
        for i in range(persons):
            p = Person(
                household_id=hh.id,
                name=f"户{n}成员{i}",
                id_number=make_id(
                    "410482", date(1960 + (n % 40), 1 + i % 12, 1 + n % 28), (n * 7 + i) % 1000
                ),
                birth_date=date(1960 + (n % 40), 1 + i % 12, 1 + n % 28),
                sex="M",
                relation="head" if i == 0 else "child",
            )
            s.add(p)
            people.append(p)
        s.flush()
        number = account if account is not None else make_card_number("621700", 19, f"{n:012d}")
        s.add(
            BankAccount(
                household_id=hh.id,
                payee_person_id=people[0].id,
                kind="bank_card",
                bank_name="汝州农商银行",
                holder_name=holder if holder is not None else people[0].name,
                number=number,
            )
        )
        app = Application(
            household_id=hh.id,
            applicant_id=people[0].id,
            programme=programme,
            state="confirmed",
            state_since=start,
            accepted_on=start,
            created_by=1,
        )
        s.add(app)
        s.flush()
        e = Enrollment(
            household_id=hh.id,
            application_id=app.id,
            payee_id=people[0].id,
            programme=programme,
            status="active",
            start_month=start,
            persons=persons,
            amount_fen=amount_fen,
            per_capita_income_fen=pci_fen,
            method=method,
            care_tier=care_tier,
            topup_categories=topups or [],
            standard_fen=standard,
            income_fen=pci_fen * persons,
            amount_source=amount_source,
        )
        s.add(e)
        s.flush()
        for p in people[: members_alive if members_alive is not None else persons]:
            s.add(EnrollmentMember(enrollment_id=e.id, person_id=p.id, active=True))
        return {"household_id": hh.id, "enrollment_id": e.id, "payee_id": people[0].id, "n": n}


def add_change(
    db: Database,
    enrollment_id: int,
    kind: str,
    month: date,
    old: int = 0,
    new: int = 0,
    reason: str = "测试",
    status: str | None = None,
    **fields: Any,
) -> None:
    with db.session() as s:
        s.add(
            EnrollmentChange(
                enrollment_id=enrollment_id,
                kind=kind,
                effective_month=month,
                old_fen=old,
                new_fen=new,
                reason=reason,
                decided_by=1,
                role="approver",
            )
        )
        e = s.get(Enrollment, enrollment_id)
        assert e is not None
        if status:
            e.status = status
        for k, v in fields.items():
            setattr(e, k, v)


def setup_policy(db: Database) -> None:
    """Round standards in force from 2025-01 (the seeded default starts 2023-01)."""
    add_policy(db, date(2025, 1, 1))
