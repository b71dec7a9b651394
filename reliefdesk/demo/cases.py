"""Demo generator, part 2: applications with their CaseStep history and home visits; the
enrollments that approved applications lead to are made by :mod:`.enrollments`.

Step codes, states and the shape of ``working`` follow :mod:`reliefdesk.domain.workflow`,
:mod:`reliefdesk.services.assessment` (``Assessment.working_json``) and
:func:`reliefdesk.services.enrollments.enroll_in`: enrollments start the month after the
confirmation date; temporary aid is a one-off (start == end month, members inactive). Dates are
built *backwards* from an anchor (the decision date, or a recent date for open cases) in working
days, so no open case is overdue on the demo's ``as_of`` date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from fractions import Fraction
from functools import cached_property, lru_cache
from typing import Any, ClassVar

from ..domain import benefits as b
from ..domain.idnumber import age_on
from ..domain.money import fen_to_yuan, round_half_up
from ..domain.workflow import step_deadline
from .case_base import _at
from .data import STAFF_NAMES
from .enrollments import EnrollmentMaker
from .people import HouseholdDraft, Member

# Open and closed (non-approved) states for applicant households, with weights.
PENDING_STATES = (
    "accepted",
    "investigating",
    "prelim_review",
    "publicity",
    "objection_review",
    "awaiting_confirmation",
    "refused",
    "withdrawn",
    "terminated",
)
PENDING_WEIGHTS = (10, 14, 10, 10, 4, 12, 22, 9, 9)
_SEVERE_MENTAL = ("智力", "精神")
_CODE = {"urban_dibao": "CB", "rural_dibao": "NB", "tekun": "TK", "temporary_aid": "LJ"}
_REASONS = {
    "dibao": (
        "家庭成员长期患病，收入低，生活困难",
        "主要劳动力残疾，无稳定收入",
        "年老体弱，无劳动能力，子女无力赡养",
        "因病致贫，医疗支出大，家庭收入低",
        "单亲家庭，子女在校就读，收入不足以维持基本生活",
    ),
    "tekun": (
        "无劳动能力、无生活来源、无法定赡养义务人",
        "法定赡养义务人无履行能力，本人重度残疾",
        "孤寡老人，无劳动能力，无生活来源",
    ),
    "temporary_aid": (
        "家庭成员突发重病，医疗费用支出大",
        "遭遇意外事故，基本生活暂时困难",
        "房屋失火，生活用品损毁",
        "子女就学费用支出较大，生活暂时困难",
    ),
}


#: Memoised dibao amounts (:meth:`CaseFactory.dibao_amount`).
DIBAO_MEMO = 8192


class CaseFactory(EnrollmentMaker):
    """Makes applications, steps, visits and enrollments for generated households."""

    # ------------------------------------------------------------------ amounts
    def categories(self, members: list[Member], on: date) -> list[str]:
        cats: list[str] = []
        for m in members:
            r = m.row
            age = age_on(r["birth_date"], on)
            fits: list[str] = []
            if age >= 60:
                fits.append("elderly")
            if age < 18:
                fits.append("minor")
            level = r["disability_level"]
            if level is not None and (
                level <= 2 or (level == 3 and r["disability_category"] in _SEVERE_MENTAL)
            ):
                fits.append("severe_disability")
            if r["health"] == "serious":
                fits.append("serious_illness")
            fits = [c for c in fits if c in self.rates]
            if fits:
                cats.append(max(fits, key=lambda c: self.rates[c]))
        return cats

    def dibao_amount(
        self,
        programme: str,
        covered: list[Member],
        single: bool,
        pci: int,
        on: date,
    ) -> tuple[int, dict[str, Any]]:
        """Amount and ``working`` exactly as ``assessment.assess`` computes them (memoised:
        the result depends only on programme, method, income, persons and categories)."""
        cats = self.categories(covered, on)
        fen, working = self._dibao_memo(programme, single, pci, len(covered), tuple(cats))
        return fen, dict(working)

    @cached_property
    def _dibao_memo(self) -> Callable[..., tuple[int, dict[str, Any]]]:
        """:meth:`_dibao_amount` for the most recent :data:`DIBAO_MEMO` keys (an unbounded
        memo kept ~16,000 results, ~40 MB, at 40,000 households for ~10% more hits)."""
        return lru_cache(maxsize=DIBAO_MEMO)(self._dibao_amount)

    def _dibao_amount(
        self, programme: str, single: bool, pci: int, persons: int, cats: tuple[str, ...]
    ) -> tuple[int, dict[str, Any]]:
        standard = self.policy.standard_for_programme(programme)
        if single:
            amount = b.single_person(standard, pci, self.policy.single_person_min_ratio)
            method = "single"
        else:
            amount = b.dibao_gap(standard, pci, persons, self.floor)
            method = "gap"
        lines = list(amount.working)
        fen = amount.fen
        if amount.eligible and cats and fen > 0:
            base = round_half_up(Fraction(fen, persons))
            top = b.classified_topups(base, cats, self.rates)
            lines += list(top.working)
            fen += top.fen
            lines.append(
                b.WorkingLine(
                    "月保障金合计",
                    f"{fen_to_yuan(amount.fen)} + {fen_to_yuan(top.fen)} = {fen_to_yuan(fen)} 元",
                )
            )
        warnings = [] if amount.eligible else ["家庭月人均收入不低于低保标准，计算金额为 0。"]
        return fen, {
            "formula": amount.formula,
            "method": method,
            "lines": [[w.label_zh, w.value] for w in lines],
            "warnings": warnings,
            "persons": persons,
            "per_capita_income_fen": pci,
            "topup_categories": list(cats) if amount.eligible and fen > 0 else [],
        }

    def tekun_amount(self, hh: HouseholdDraft, tier: str, pci: int) -> tuple[int, dict[str, Any]]:
        key = ("tekun", hh.row["area_type"], tier)
        amount = self._memo.get(key)
        if amount is None:
            amount = self._memo[key] = b.tekun(
                self.policy.dibao_standard_fen(hh.row["area_type"]),
                self.policy.tekun_basic_ratio,
                self.care,
                b.SelfCare(tier),
            )
        return amount.fen, {
            "formula": amount.formula,
            "method": "tekun",
            "lines": [[w.label_zh, w.value] for w in amount.working],
            "warnings": [],
            "persons": 1,
            "per_capita_income_fen": pci,
            "topup_categories": [],
        }

    def temp_amount(self, persons: int, months: int) -> tuple[int, dict[str, Any]]:
        d = self.policy.data
        ta = b.temporary_aid(
            self.policy.dibao_standard_fen("urban"),
            persons,
            months,
            d.get("temp_aid_township_limit_fen"),
            d.get("temp_aid_max_months"),
            d.get("temp_aid_case_by_case_fen"),
        )
        warnings = [] if ta.within_township_limit else ["金额超出乡镇审批限额，须报县级审批。"]
        return ta.fen, {
            "formula": ta.formula,
            "method": "fixed",
            "lines": [[w.label_zh, w.value] for w in ta.working],
            "warnings": warnings,
            "persons": persons,
            "per_capita_income_fen": 0,
            "topup_categories": [],
        }

    # ------------------------------------------------------------------ timelines
    def _path(self, target: str, green: bool, objection: bool) -> list[tuple[str, str, str]]:
        """(action, to_state, role) steps from acceptance to ``target``."""
        if green:
            return [
                ("accept", "accepted", "clerk"),
                ("submit_prelim", "prelim_review", "reviewer"),
                ("confirm", "approved", "approver"),
            ]
        head = [
            ("accept", "accepted", "clerk"),
            ("start_investigation", "investigating", "clerk"),
            ("request_info_check", "investigating", "clerk"),
        ]
        if target == "accepted":
            return head[:1]
        if target == "withdrawn":
            return [*head[:2], ("withdraw", "withdrawn", "clerk")]
        if target == "terminated":
            return [*head, ("terminate_noncooperation", "terminated", "clerk")]
        if target == "investigating":
            return head
        path = [
            *head,
            ("record_visit", "investigating", "clerk"),
            ("record_info_check", "investigating", "clerk"),
            ("submit_prelim", "prelim_review", "reviewer"),
        ]
        if target == "prelim_review":
            return path
        path.append(("start_publicity", "publicity", "clerk"))
        if target == "publicity":
            return path
        if objection or target == "objection_review":
            path.append(("record_objection", "objection_review", "clerk"))
            if target == "objection_review":
                return path
            path += [
                ("resolve_objection", "prelim_review", "reviewer"),
                ("submit_prelim", "prelim_review", "reviewer"),
                ("start_publicity", "publicity", "clerk"),
            ]
        path.append(("finish_publicity", "awaiting_confirmation", "clerk"))
        if target == "awaiting_confirmation":
            return path
        if target == "refused":
            return [
                *path,
                ("confirm", "refused", "approver"),
                ("record_notice", "refused", "clerk"),
            ]
        return [*path, ("confirm", "approved", "approver")]

    _GAPS: ClassVar[dict[str, tuple[int, int]]] = {
        "start_investigation": (1, 2),
        "request_info_check": (0, 0),
        "record_visit": (1, 4),
        "record_info_check": (0, 3),
        "submit_prelim": (1, 3),
        "start_publicity": (0, 1),
        "record_objection": (1, 4),
        "resolve_objection": (2, 6),
        "confirm": (1, 8),
        "record_notice": (1, 2),
        "withdraw": (1, 5),
        "terminate_noncooperation": (3, 8),
    }

    def _gap(self, action: str) -> int:
        lo, hi = self._GAPS.get(action, (1, 1))
        return lo + int(self.rng.random() * (hi - lo + 1))

    @staticmethod
    def _since(path: list[tuple[str, str, str]], dates: list[date]) -> date:
        """When the final state was entered (later self-loops do not move it)."""
        i = len(path) - 1
        while i > 0 and path[i - 1][1] == path[-1][1]:
            i -= 1
        return dates[i]

    def _dates(self, path: list[tuple[str, str, str]], anchor: date) -> list[date]:
        """Dates of the steps, last one on ``anchor``, computed backwards."""
        dates = [anchor] * len(path)
        for i in range(len(path) - 1, 0, -1):
            action = path[i][0]
            if action == "finish_publicity":
                start = dates[i] - timedelta(days=self.limits.publicity_days)
                dates[i - 1] = self.back_wd(start, 0)
            elif action == "record_objection":
                dates[i - 1] = self.back_wd(dates[i] - timedelta(days=self.rng.randint(1, 4)), 0)
            else:
                dates[i - 1] = self.back_wd(dates[i], self._gap(action))
        return dates

    # ------------------------------------------------------------------ applications
    def application(
        self,
        hh: HouseholdDraft,
        programme: str,
        target: str,
        anchor: date,
        applicant: Member,
        *,
        single: bool = False,
        green: bool = False,
        objection: bool = False,
        amount: tuple[int, dict[str, Any]] | None = None,
        tekun_care: tuple[dict[str, bool], str, str] | None = None,
        aid: tuple[str, int, int] | None = None,
    ) -> dict[str, Any]:
        rng = self.rng
        u = self.users
        path = self._path(target, green, objection)
        dates = self._dates(path, anchor)
        app_id = self.take("application")
        accepted_on = dates[0]
        row: dict[str, Any] = {
            "id": app_id,
            "file_no": f"{_CODE[programme]}{accepted_on.year}{app_id:06d}",
            "household_id": hh.id,
            "applicant_id": applicant.id,
            "programme": programme,
            "state": path[-1][1],
            "state_since": self._since(path, dates),
            "due_on": None,
            "accepted_on": accepted_on,
            "reason": rng.choice(_REASONS["dibao" if programme.endswith("dibao") else programme]),
            "single_person": single,
            "care_mode": None,
            "self_care": None,
            "care_tier": None,
            "aid_type": None,
            "aid_months": None,
            "aid_persons": None,
            "aid_cause": None,
            "green_channel": green,
            "paperwork_due": None,
            "info_check_requested_on": None,
            "info_check_result": None,
            "publicity_start": None,
            "publicity_end": None,
            "objection": None,
            "extended": False,
            "proposed_fen": None,
            "working": None,
            "decision": None,
            "decision_reasons": None,
            "decided_on": None,
            "created_by": u.clerk[0],
            "created_at": _at(accepted_on, rng),
            "version": 1,
        }
        if tekun_care is not None:
            row["self_care"], row["care_tier"], row["care_mode"] = tekun_care
        if aid is not None:
            row["aid_type"], row["aid_months"], row["aid_persons"] = aid
        actors = {"clerk": u.clerk, "reviewer": u.reviewer, "approver": u.approver}
        state: str | None = None
        prelim_done = False
        for (action, to, role), on in zip(path, dates, strict=True):
            uid, uname = actors[role]
            decision, opinion = "", ""
            if action == "accept":
                opinion = "申请材料齐全，予以受理"
            elif action == "start_investigation":
                opinion = "安排入户调查，发起家庭经济状况核对"
            elif action == "request_info_check":
                row["info_check_requested_on"] = on
                opinion = "已提请县级核对机构开展信息核对"
            elif action == "record_info_check":
                row["info_check_result"] = "经信息核对，未发现车辆、工商登记、住房公积金等异常信息"
                opinion = row["info_check_result"]
            elif action == "record_visit":
                self.visit(hh, app_id, on, applicant, target != "refused")
                opinion = "入户调查完成，调查人员 2 人"
            elif action == "submit_prelim":
                prelim_done = True
                if target == "refused":
                    decision, opinion = "disagree", "经初审，家庭月人均收入高于当地低保标准"
                else:
                    decision, opinion = "agree", "经初审，情况属实，符合条件，建议纳入"
            elif action == "start_publicity":
                end = on + timedelta(days=self.limits.publicity_days - 1)
                row["publicity_start"], row["publicity_end"] = on, end
                opinion = f"在村（居）务公开栏公示 {self.limits.publicity_days} 天"
            elif action == "record_objection":
                row["objection"] = "有群众反映申请人家庭有务工收入未申报"
                opinion = row["objection"]
            elif action == "resolve_objection":
                decision, opinion = "recheck", "经复查，务工收入已如实计入，异议不成立"
            elif action == "finish_publicity":
                opinion = "公示期满无异议"
            elif action == "confirm":
                if to == "approved":
                    decision, opinion = "approve", "同意，自次月起发放"
                    row["decision"] = "approved"
                else:
                    decision = "refuse"
                    opinion = "家庭月人均收入高于当地低保标准，不符合条件"
                    row["decision"] = "refused"
                    row["decision_reasons"] = opinion
                row["decided_on"] = on
            elif action == "record_notice":
                opinion = "已书面告知申请人不予确认的理由"
            elif action == "withdraw":
                opinion = "申请人书面申请撤回"
            elif action == "terminate_noncooperation":
                opinion = "申请人无正当理由拒不配合入户调查，终止审核"
            self.rows.case_step.append(
                {
                    "id": self.take("case_step"),
                    "application_id": app_id,
                    "action": action,
                    "from_state": state,
                    "to_state": to,
                    "user_id": uid,
                    "username": uname,
                    "role": role,
                    "at": _at(on, rng),
                    "on_date": on,
                    "decision": decision,
                    "opinion": opinion,
                }
            )
            state = to
        if prelim_done and amount is not None:
            row["proposed_fen"], row["working"] = amount
        if green:
            row["paperwork_due"] = self.fwd_wd(dates[-1], self.limits.paperwork_after_advance_wd)
            if row["paperwork_due"] < self.as_of:
                row["paperwork_due"] = None  # completed
                self.rows.case_step.append(
                    {
                        "id": self.take("case_step"),
                        "application_id": app_id,
                        "action": "complete_paperwork",
                        "from_state": "approved",
                        "to_state": "approved",
                        "user_id": u.clerk[0],
                        "username": u.clerk[1],
                        "role": "clerk",
                        "at": _at(dates[-1] + timedelta(days=2), rng),
                        "on_date": self.fwd_wd(dates[-1], 2),
                        "decision": "",
                        "opinion": "先行救助手续已补齐",
                    }
                )
        row["due_on"] = step_deadline(
            programme,
            row["state"],
            state_since=row["state_since"],
            accepted_on=accepted_on,
            limits=self.limits,
            calendar=self.cal,
            publicity_end_on=row["publicity_end"],
            decided_on=row["decided_on"],
            notice_pending=False,
            paperwork_due=row["paperwork_due"],
        )
        self.rows.application.append(row)
        return row

    def pending_anchor(self, state: str) -> date:
        """A recent date for the last step of an open case, so nothing is overdue."""
        rng = self.rng
        if state in ("accepted",):
            return self.back_wd(self.ref, rng.randint(0, 1))
        if state in ("publicity", "objection_review"):
            day = self.back_wd(self.ref, rng.randint(0, 3))
            if day + timedelta(days=self.limits.publicity_days - 1) < self.as_of:
                day = self.as_of - timedelta(days=rng.randint(0, 3))
            return day
        if state in ("refused", "withdrawn", "terminated"):
            return self.back_wd(self.as_of - timedelta(days=rng.randint(10, 300)), 0)
        return self.back_wd(self.ref, rng.randint(0, 5))

    def visit(
        self, hh: HouseholdDraft, app_id: int, on: date, applicant: Member, eligible: bool
    ) -> None:
        rng = self.rng
        others = [n for n in STAFF_NAMES if n != self.users.clerk_display]
        town = hh.village.township_name
        village = hh.village.name
        investigators = [
            {"name": self.users.clerk_display, "unit": f"{town}民政所"},
            {"name": rng.choice(others), "unit": f"{village}{'居委会' if hh.urban else '村委会'}"},
        ]
        if rng.random() < 0.2:
            investigators.append({"name": rng.choice(others), "unit": f"{town}民政所"})
        details = [
            {
                "name": m.name,
                "health": m.row["health"],
                "labour": m.row["labour_capacity"],
                "work": m.row["employment"],
            }
            for m in hh.members
        ]
        self.rows.visit.append(
            {
                "id": self.take("visit"),
                "household_id": hh.id,
                "application_id": app_id,
                "visit_date": on,
                "mode": "onsite",
                "investigators": investigators,
                "members_present": [
                    {"name": m.name, "signed": True} for m in hh.members if m.age >= 16
                ][:3]
                or [{"name": applicant.name, "signed": True}],
                "housing": {
                    "structure": rng.choice(("砖混", "砖木", "土坯")),
                    "area_m2": rng.randint(30, 140),
                    "rooms": rng.randint(1, 5),
                },
                "durable_goods": rng.choice(
                    ("电视机 1 台", "电视机 1 台、冰箱 1 台", "无大件家电")
                ),
                "vehicles": rng.choice(("无", "无", "电动自行车 1 辆", "电动三轮车 1 辆")),
                "livestock": "无" if hh.urban else rng.choice(("无", "无", "鸡 5 只", "羊 2 只")),
                "land": "" if hh.urban else f"承包地 {rng.randint(5, 50) / 10:.1f} 亩",
                "member_details": details,
                "supporters": [],
                "spending": {
                    "medical_fen": rng.randint(0, 800) * 100,
                    "education_fen": rng.randint(0, 300) * 100,
                },
                "opinion": "经入户调查，家庭生活困难，情况属实"
                if eligible
                else "经入户调查，家庭收入较为稳定",
                "recommendation": "eligible" if eligible else "not_eligible",
                "created_by": self.users.clerk[0],
                "created_at": _at(on, rng),
                "version": 1,
            }
        )
