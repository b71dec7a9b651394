"""Demo generator, enrollment part: the enrollments (with members, amount basis and changes) that
approved applications lead to, and the month's temporary-aid payment list.

Enrollments start the month after the confirmation date; temporary aid is a one-off (start ==
end month, members inactive), as :func:`reliefdesk.services.enrollments.enroll_in` does.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import benefits as b
from ..domain.months import add_months, month_start, next_month
from ..models import User
from ..services.context import Actor
from ..services.roster.oneoff import generate_temp_aid_in
from .case_base import CaseBase, _at
from .people import HouseholdDraft, Member


class EnrollmentMaker(CaseBase):
    """Makes enrollments, their members and changes for approved applications."""

    def enrollment(
        self,
        hh: HouseholdDraft,
        app: dict[str, Any],
        covered: list[Member],
        *,
        allow_status: bool = True,
    ) -> dict[str, Any]:
        rng = self.rng
        programme = app["programme"]
        decided: date = app["decided_on"]
        shared = programme != "temporary_aid"
        # a one-off grant is due in its decision month (paid within the month, bank or cash)
        start = next_month(decided) if shared else month_start(decided)
        working = app["working"] or {}
        stability = (
            "tekun"
            if programme == "tekun"
            else (
                "unstable" if any(m.row["labour_capacity"] == "full" for m in covered) else "stable"
            )
        )
        months = self.policy.recheck_months(stability)
        eid = self.take("enrollment")
        row: dict[str, Any] = {
            "id": eid,
            "household_id": hh.id,
            "application_id": app["id"],
            "payee_id": app["applicant_id"],
            "programme": programme,
            "status": "active",
            "start_month": start,
            "end_month": None if shared else start,
            "persons": max(len(covered), 1),
            "amount_fen": app["proposed_fen"] or 0,
            "per_capita_income_fen": int(working.get("per_capita_income_fen") or 0),
            "method": working.get("method") or "gap",
            "care_tier": app["care_tier"],
            "care_mode": app["care_mode"],
            "topup_categories": list(working.get("topup_categories") or []),
            "phase_out_start": None,
            "recheck_months": months,
            "next_recheck": None,
            "terminated_reason": None,
            "working": working,
            "version": 1,
            **self._basis(hh, programme, covered, working),
        }
        if not shared:
            due = decided >= self.as_of - timedelta(days=20)
            cash = eid % 5 == 0
            row.update(
                status="due" if due else "paid",
                paid_on=None if due else min(decided + timedelta(days=3), self.as_of),
                payment_method=None if due else ("cash" if cash else "bank"),
                receipt_no=None if due or not cash else f"LS{decided.year}-{eid:05d}",
            )
        for m in covered:
            self.rows.enrollment_member.append(
                {
                    "id": self.take("enrollment_member"),
                    "enrollment_id": eid,
                    "person_id": m.id,
                    "active": shared,
                }
            )
        self.rows.enrollment.append(row)
        if not shared:
            return row
        this_month = month_start(self.as_of)
        # periodic rechecks on their schedule: those whose turn is this month are due now
        # (the workbench's 本月到期核查), the others in a later month
        nxt = add_months(start, months)
        last_recheck: date | None = None
        while nxt < this_month:
            last_recheck = nxt
            nxt = add_months(nxt, months)
        row["next_recheck"] = nxt
        age_months = (this_month.year - start.year) * 12 + this_month.month - start.month
        r = rng.random() if allow_status else 1.0
        if age_months >= 2 and r < 0.07:
            end = add_months(start, rng.randint(0, age_months - 1))
            death = programme == "tekun" or (len(covered) == 1 and rng.random() < 0.5)
            reason = "death" if death else rng.choice(("ineligible", "moved", "voluntary"))
            text = {
                "death": "保障对象死亡",
                "ineligible": "家庭人均收入超过低保标准",
                "moved": "户籍迁出本地",
                "voluntary": "自愿申请退出",
            }[reason]
            row.update(
                status="terminated", end_month=end, next_recheck=None, terminated_reason=text
            )
            if death:
                covered[0].row["deceased_on"] = end + timedelta(days=rng.randint(0, 27))
            for mem in self.rows.enrollment_member[-len(covered) :]:
                mem["active"] = False
            self._change(row, "terminate", add_months(end, 1), row["amount_fen"], 0, text)
        elif programme != "tekun" and age_months >= 3 and r < 0.12 and self.schedule:
            po = add_months(this_month, -rng.randint(0, min(4, age_months - 1)))
            row.update(
                status="phase_out",
                phase_out_start=po,
                end_month=add_months(po, len(self.schedule) - 1),
            )
            self._change(
                row,
                "phase_out",
                po,
                row["amount_fen"],
                row["amount_fen"],
                "家庭成员实现就业，人均收入超过低保标准，实行渐退",
            )
        elif age_months >= 2 and r < 0.13:
            month = add_months(this_month, -rng.randint(0, 1))
            row["status"] = "suspended"
            self._change(
                row, "suspend", month, row["amount_fen"], 0, "无正当理由未配合定期核查，暂停发放"
            )
        elif last_recheck is not None:
            if rng.random() < 0.15:
                old = row["amount_fen"] + rng.choice((-1, 1)) * rng.randint(10, 60) * 100
                old = max(old, 100)
                kind = "decrease" if old > row["amount_fen"] else "increase"
                self._change(
                    row,
                    kind,
                    last_recheck,
                    old,
                    row["amount_fen"],
                    "定期核查后家庭收入变化，调整保障金",
                )
            else:
                self._change(
                    row,
                    "recheck",
                    last_recheck,
                    row["amount_fen"],
                    row["amount_fen"],
                    "定期核查，情况无变化",
                )
        return row

    def _basis(
        self,
        hh: HouseholdDraft,
        programme: str,
        covered: list[Member],
        working: dict[str, Any],
    ) -> dict[str, Any]:
        """The decided amount's basis stored on the enrollment, as confirmation stores it."""
        policy = self.policy
        pci = int(working.get("per_capita_income_fen") or 0)
        if programme == "tekun":
            standard = b.tekun_basic_fen(
                policy.dibao_standard_fen(hh.row["area_type"]), policy.tekun_basic_ratio
            )
            income = pci
        elif programme == "temporary_aid":
            standard, income = policy.dibao_standard_fen("urban"), 0
        else:
            standard = policy.standard_for_programme(programme)
            income = pci * (1 if working.get("method") == "single" else max(len(covered), 1))
        return {
            "standard_fen": standard,
            "income_fen": income,
            "policy_id": policy.id,
            "policy_name": policy.name,
            "amount_source": "formula",
            "amount_review": None,
            "paid_on": None,
            "payment_method": None,
            "receipt_no": None,
            "paid_roster_id": None,
        }

    def _change(
        self, enr: dict[str, Any], kind: str, month: date, old: int, new: int, reason: str
    ) -> None:
        role, user = (
            ("approver", self.users.approver)
            if kind == "terminate"
            else ("reviewer", self.users.reviewer)
        )
        self.rows.enrollment_change.append(
            {
                "id": self.take("enrollment_change"),
                "enrollment_id": enr["id"],
                "kind": kind,
                "effective_month": month,
                "old_fen": old,
                "new_fen": new,
                "reason": reason,
                "decided_by": user[0],
                "role": role,
                "at": _at(self.back_wd(min(month - timedelta(days=3), self.as_of), 0), self.rng),
            }
        )

    def self_care(self) -> tuple[dict[str, bool], str, str]:
        """Six indicators, the derived care tier and the supply mode for a tekun person."""
        rng = self.rng
        r = rng.random()
        missing = 0 if r < 0.72 else (rng.randint(1, 3) if r < 0.93 else rng.randint(4, 6))
        keys = ("eating", "dressing", "bed_transfer", "toileting", "indoor_walking", "bathing")
        lost = set(rng.sample(keys, missing))
        flags = {k: k not in lost for k in keys}
        tier = b.care_tier(**flags).value
        mode = (
            "centralised"
            if (tier != "full" and rng.random() < 0.4) or rng.random() < 0.08
            else "dispersed"
        )
        return flags, tier, mode


def temp_aid_list(s: Session, as_of: date) -> None:
    """The month's 临时救助发放名册 (draft) with the grants still due: in the demo office
    approved temporary aid is on a payment list, ready to validate, lock and export."""
    clerk = s.scalar(select(User).where(User.username == "clerk"))
    if clerk is None or clerk.role not in ("clerk", "reviewer", "approver"):
        return
    actor = Actor(clerk.id, clerk.username, clerk.display_name or clerk.username, clerk.role)
    generate_temp_aid_in(s, actor, as_of)
