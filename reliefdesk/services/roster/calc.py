"""The monthly amount of one enrollment in one month (pure: facts + policy → amount).

What is decided is what is paid: a roster line pays the enrollment's DECIDED monthly amount
(stored at confirmation from the 初审 amount, DOMAIN §2.12–§2.13), as changed since by
recorded events only (EnrollmentChange rows with an ``effective_month``: 增发/减发 decisions,
调标 runs when a standard changes, 恢复 with a new amount; 停发/终止 stop it; 渐退 (§2.15)
pays a share of it by month index). A policy edit by itself never changes a payment.

:class:`Calculator` also keeps the formula (standards of a policy version applied to an
enrollment's basis: persons, per-capita income, method, care tier, 分类施保 categories); the
调标 run (``services.restandard``) uses it to propose the new amounts it records.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple

from ...domain import benefits as b
from ...domain.benefit_text import as_ratio
from ...domain.changes import AMOUNT_CODES, CHANGE_LABELS
from ...domain.money import fen_to_yuan, round_half_up
from ...domain.months import months_between
from ...domain.programmes import MONTHLY_PROGRAMMES, PROGRAMME_LABELS
from ...errors import ReliefError
from ..policy import Policy

# Change codes and labels: :mod:`reliefdesk.domain.changes` (the loaders normalise legacy
# Chinese kinds with ``change_code``, so only the codes appear here).
SUSPEND_KINDS = frozenset({"suspend"})
RESUME_KINDS = frozenset({"resume"})
TERMINATE_KINDS = frozenset({"terminate"})
PHASE_OUT_KINDS = frozenset({"phase_out"})
AMOUNT_KINDS = AMOUNT_CODES
KIND_LABELS = CHANGE_LABELS


_PLAIN_BASIS_SIZE = 9  # the number of keys in the plain basis of basis_for

# The facts below are NamedTuples, not frozen dataclasses: a roster builds tens of thousands
# of them, and a frozen dataclass's __init__ (one object.__setattr__ per field) costs about
# ten times a tuple's. They stay immutable; ``_replace`` makes changed copies.


class ChangeFact(NamedTuple):
    id: int
    kind: str
    effective_month: date
    old_fen: int
    new_fen: int
    reason: str


class BasisFact(NamedTuple):
    """A dated re-decision of the basis (``amount_change.reassess_in``): persons, income,
    standard, care tier and policy version ``before`` and ``after`` ``effective_month``."""

    id: int
    effective_month: date
    before: dict[str, Any]
    after: dict[str, Any]


class EnrollmentFacts(NamedTuple):
    """What the roster needs to know about an enrollment (read in bulk, no ORM objects)."""

    enrollment_id: int
    household_id: int
    payee_id: int
    programme: str
    status: str
    start_month: date
    end_month: date | None
    persons: int
    amount_fen: int
    per_capita_income_fen: int
    method: str
    care_tier: str | None
    care_mode: str | None
    topup_categories: tuple[str, ...]
    phase_out_start: date | None
    area_type: str
    changes: tuple[ChangeFact, ...] = ()
    standard_fen: int | None = None  # the standard the decided amount rests on
    amount_source: str = "formula"
    policy_name: str | None = None
    income_fen: int | None = None  # net household income behind per_capita_income_fen
    bases: tuple[BasisFact, ...] = ()  # dated re-decisions of the basis, oldest first


class MonthState(NamedTuple):
    """``payable`` False gives the reason (Chinese) in ``reason``."""

    state: str  # active | phase_out | suspended | terminated | not_started | ended
    payable: bool
    reason: str
    change: ChangeFact | None = None
    phase_out_start: date | None = None
    phase_out_base_fen: int | None = None
    decided: ChangeFact | None = None  # the 增发/减发 decision in force


_WHEN = attrgetter("effective_month", "id")


def chronological(changes: tuple[ChangeFact, ...]) -> tuple[ChangeFact, ...] | list[ChangeFact]:
    """``changes`` oldest first (effective month, then id); most enrollments have none or
    one, which need no sorting (a roster replays tens of thousands)."""
    return sorted(changes, key=_WHEN) if changes[1:] else changes


def state_in_month(f: EnrollmentFacts, month: date) -> MonthState:
    """Replay the change history up to ``month``."""
    if month < f.start_month:
        return MonthState("not_started", False, f"自 {f.start_month:%Y-%m} 起发放")
    state, last, po_start, po_base = "active", None, f.phase_out_start, None
    explained = False
    decided: ChangeFact | None = None
    before_suspension = "active"
    for ch in chronological(f.changes):
        if ch.effective_month > month:
            break
        if ch.kind in SUSPEND_KINDS:
            if state in ("active", "phase_out"):
                before_suspension = state
            state, last, explained = "suspended", ch, True
        elif ch.kind in RESUME_KINDS:
            # a resume carries on where the suspension interrupted: 渐退 stays 渐退 (as
            # enrollment_changes.resume_in sets the status); its amount is decided_fen_in's
            state, last = before_suspension, ch
        elif ch.kind in TERMINATE_KINDS:
            state, last, explained = "terminated", ch, True
        elif ch.kind in PHASE_OUT_KINDS:
            state, last, po_start = "phase_out", ch, ch.effective_month
            po_base = ch.old_fen if ch.old_fen > 0 else None
            explained = True
        elif ch.kind in AMOUNT_KINDS:
            decided, last = ch, ch
        else:
            last = ch
    if f.end_month is not None and month > f.end_month and state not in ("terminated", "suspended"):
        why = "渐退期满，停止发放" if state == "phase_out" else f"已于 {f.end_month:%Y-%m} 停止发放"
        return MonthState("ended", False, why, last)
    if state == "active" and not explained:
        # status changed without a dated change row: trust the status
        if f.status in ("suspended", "terminated"):
            return MonthState(
                f.status, False, "已停发" if f.status == "suspended" else "已终止", last
            )
        if f.status == "phase_out" and f.phase_out_start is not None and month >= f.phase_out_start:
            state = "phase_out"
    if state == "suspended":
        return MonthState(state, False, f"停发：{last.reason if last else ''}", last)
    if state == "terminated":
        return MonthState(state, False, f"终止：{last.reason if last else ''}", last)
    if state == "phase_out":
        return MonthState(state, True, "", last, po_start or month, po_base, decided)
    return MonthState(state, True, "", last, decided=decided)


def status_state(
    month: date,
    status: str,
    start_month: date,
    end_month: date | None,
    phase_out_start: date | None,
    changes: tuple[ChangeFact, ...],
) -> MonthState:
    """:func:`state_in_month` of an enrollment known by what that replay reads (its status,
    months and changes): how validation re-checks a stored line."""
    facts = EnrollmentFacts(
        0, 0, 0, "", status, start_month, end_month, 0, 0, 0, "gap", None, None, (),
        phase_out_start, "rural", changes,
    )  # fmt: skip
    return state_in_month(facts, month)


_BASIS_FIELDS = (
    "persons",
    "per_capita_income_fen",
    "income_fen",
    "standard_fen",
    "care_tier",
    "policy_name",
)


def facts_in_month(f: EnrollmentFacts, month: date) -> EnrollmentFacts:
    """``f`` with the basis in force in ``month`` (persons, income, standard, care tier,
    policy version): after the last re-decision effective by then, or before the first one
    effective later; ``f`` itself when nothing was re-decided (most enrollments)."""
    if not f.bases:
        return f
    chosen: dict[str, Any] | None = None
    span = (month, month)  # months between the chosen basis and ``month``
    for b_ in sorted(f.bases, key=lambda x: (x.effective_month, x.id)):
        if b_.effective_month <= month:
            chosen, span = b_.after, (b_.effective_month, month)
        else:
            if chosen is None:
                chosen, span = b_.before, (month, b_.effective_month)
            break
    if not chosen:
        return f
    keys: tuple[str, ...] = _BASIS_FIELDS
    if any(c.kind == "restandard" and span[0] < c.effective_month <= span[1] for c in f.changes):
        keys = tuple(k for k in keys if k not in ("standard_fen", "policy_name"))  # 调标 since
    return f._replace(
        **{
            k: chosen[k]
            for k in keys
            if k in chosen and (chosen[k] is not None or k in ("income_fen", "standard_fen"))
        },
    )


def decided_fen_in(f: EnrollmentFacts, month: date) -> int:
    """The decided monthly amount in force in ``month``: the new amount of the last
    amount-setting change (增发/减发/调标/恢复 with an amount) effective by then; before the
    first one, that change's old amount; with none, the enrollment's amount."""
    if not f.changes:  # most enrollments
        return f.amount_fen
    ordered = [
        c
        for c in chronological(f.changes)
        if c.kind in AMOUNT_KINDS or (c.kind in RESUME_KINDS and c.new_fen > 0)
    ]
    current: int | None = None
    for ch in ordered:
        if ch.effective_month > month:
            if current is None and ch.kind in AMOUNT_KINDS:
                return ch.old_fen
            break
        current = ch.new_fen
    return f.amount_fen if current is None else current


def formula_basis(f: EnrollmentFacts, exact: bool = False) -> dict[str, Any]:
    """The facts the formula needs (persons, income, method, care, categories, area).
    ``exact``: per-capita income as the exact quotient income ÷ persons where the income is
    known (for computing, not for storing: a Fraction is not JSON)."""
    pci: int | Fraction = f.per_capita_income_fen
    if exact and f.income_fen is not None and f.persons > 0 and f.method in ("gap", "tier"):
        pci = Fraction(f.income_fen, f.persons)
    return {
        "programme": f.programme,
        "method": f.method,
        "persons": f.persons,
        "per_capita_income_fen": pci,
        "care_tier": f.care_tier,
        "care_mode": f.care_mode,
        "topups": list(f.topup_categories),
        "area_type": f.area_type,
        "fixed_fen": f.amount_fen,
    }


_SOURCE_TEXT = {
    "formula": "确认决定",
    "manual": "初审人工核定、确认决定",
    "adjusted": "变更决定",
    "legacy": "原核定金额",
    "import": "存量导入原核定金额",
}


def basis_for(
    f: EnrollmentFacts,
    st: MonthState,
    month: date,
    decided_policy_id: int | None = None,  # noqa: ARG001 - old signature
) -> dict[str, Any]:
    """The basis stored in the line: the formula facts plus the decided amount in force in
    ``month`` (``decided_fen``) and what it rests on. The line pays ``decided_fen``;
    ``decided_policy_id`` is ignored (kept for callers of the old signature)."""
    basis = formula_basis(f)
    basis["decided_fen"] = decided_fen_in(f, month)
    basis["standard_fen"] = f.standard_fen
    basis["decided_basis"] = _SOURCE_TEXT.get(f.amount_source, f.amount_source) + (
        f"（{f.policy_name}）" if f.policy_name else ""
    )
    if st.decided is not None:
        basis["decided_reason"] = (
            f"{KIND_LABELS.get(st.decided.kind, st.decided.kind)}：{st.decided.reason}"
        )
    if st.state == "phase_out":
        basis["phase_out_index"] = months_between(st.phase_out_start or month, month)
        basis["phase_out_base_fen"] = st.phase_out_base_fen or basis["decided_fen"]
    return basis


class LineAmount(NamedTuple):
    fen: int
    standard_fen: int
    per_capita_income_fen: int | None
    eligible: bool
    category: str
    working: dict[str, Any]


CATEGORY = {p: PROGRAMME_LABELS[p] for p in MONTHLY_PROGRAMMES}
_FORMULA_KEYS = (
    "programme",
    "method",
    "persons",
    "per_capita_income_fen",
    "care_tier",
    "care_mode",
    "topups",
    "area_type",
    "fixed_fen",
)
#: the formula keys but the list of topups (a memo key holds them as a tuple)
_PLAIN_FIELDS = itemgetter(*(k for k in _FORMULA_KEYS if k != "topups"))


class Calculator:
    """Computes line amounts under one policy version. The policy's ratios are parsed once and
    results are memoised by basis (many households share the same facts), which keeps a
    40,000-line month fast."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.ref = {
            "id": policy.id,
            "name": policy.name,
            "effective_from": policy.effective_from.isoformat(),
        }
        self.floor = policy.floor_ratio
        self.single_min = policy.single_person_min_ratio
        self.topup_rates = policy.topup_rates
        self.basic_ratio = policy.tekun_basic_ratio
        self.care = {b.SelfCare(k): v for k, v in policy.tekun_care_fen.items()}
        self.schedule = policy.phase_out_schedule
        self.tiers = [
            b.Tier(
                str(t["name"]), Fraction(str(t["max_income_ratio"])), Fraction(str(t["pay_ratio"]))
            )
            for t in policy.data.get("tiers", [])
        ]
        self.memo: dict[Any, LineAmount] = {}
        self.caps: dict[tuple[str, int, int], int] = {}
        # the domain calculators' results by their arguments (households share them)
        # with their working as JSON-ready [label, value] rows
        self._amounts: dict[tuple[Any, ...], tuple[b.Amount, list[list[str]]]] = {}
        # 分类施保 categories whose rate is set and valid: the formula cannot fail on them
        self._safe_topups = frozenset(c for c, r in self.topup_rates.items() if _valid_ratio(r))

    def _amount(
        self, key: tuple[Any, ...], fn: Any, *args: Any
    ) -> tuple[b.Amount, list[list[str]]]:
        found = self._amounts.get(key)
        if found is None:
            amount = fn(*args)
            found = self._amounts[key] = (amount, _rows(amount.working))
        return found

    @staticmethod
    def _key(basis: dict[str, Any]) -> Any:
        """A memo key equal for equal bases (cheaper than ``repr(sorted(items))``)."""
        if len(basis) == _PLAIN_BASIS_SIZE and "fixed_fen" in basis:  # the plain basis of basis_for
            try:
                return (
                    basis["programme"],
                    basis["method"],
                    basis["persons"],
                    basis["per_capita_income_fen"],
                    basis["care_tier"],
                    basis["care_mode"],
                    tuple(basis["topups"]),
                    basis["area_type"],
                    basis["fixed_fen"],
                )
            except (KeyError, TypeError):
                pass
        return repr(sorted(basis.items()))

    def compute(self, basis: dict[str, Any]) -> LineAmount:
        """Amount for one month: the decided amount when the basis carries one
        (``decided_fen``, see :func:`basis_for`), else the formula under this policy.
        Formula errors become a 0 line whose working carries ``error`` (validation reports
        it) instead of aborting a 40,000-line roster."""
        if "decided_fen" in basis:
            return self._decided(basis)
        key = self._key(basis)
        hit = self.memo.get(key)
        if hit is not None:
            return hit
        programme = str(basis["programme"])
        category = CATEGORY.get(programme, programme)
        try:
            result = self._compute(basis, category)
        except ReliefError as exc:
            result = LineAmount(
                0,
                0,
                None,
                False,
                category,
                {"error": str(exc), "basis": basis, "lines": [], "formula": "", "policy": self.ref},
            )
        self.memo[key] = result
        return result

    def _decided(self, basis: dict[str, Any]) -> LineAmount:
        """The decided amount; the formula under this policy only supplies the printed
        category (e.g. the 档次) and, for records without one, the standard shown. Memoised
        like the formula (equal bases share one result and one working dict)."""
        try:
            key: Any = (
                "decided",
                *_PLAIN_FIELDS(basis),
                tuple(basis["topups"]),
                basis["decided_fen"],
                basis.get("standard_fen"),
                basis.get("decided_basis"),
                basis.get("decided_reason"),
                basis.get("phase_out_index"),
                basis.get("phase_out_base_fen"),
            )
        except (KeyError, TypeError):
            key = repr(sorted(basis.items()))
        hit = self.memo.get(key)
        if hit is None:
            hit = self.memo[key] = self._decided_line(basis)
        return hit

    def _outline_basis(self, basis: dict[str, Any]) -> dict[str, Any]:
        """The formula basis of a decided line, reduced to what the line takes from the
        formula: its category, standard and whether it fails (or is tekun, with no per-capita
        income). Equal outlines then share one formula result instead of one per household.

        Amounts do not matter here, only failures and the 档次: with every 分类施保 category
        set (their rates valid) the 分类施保 step cannot fail, so it is left out; the income
        only chooses the 档次 (``tier``) or, negative, fails, so a non-negative income is
        read as 0 by the other methods; the fixed amount is read only for its own amount."""
        fb = {k: basis[k] for k in _FORMULA_KEYS}
        if not all(isinstance(c, str) and c in self._safe_topups for c in fb["topups"] or ()):
            return fb  # the 分类施保 step may fail: the full basis decides
        fb["topups"] = []
        pci = fb["per_capita_income_fen"]
        if fb["method"] != "tier" and type(pci) is int and pci >= 0:
            fb["per_capita_income_fen"] = 0
        if type(fb["fixed_fen"]) is int:
            fb["fixed_fen"] = 0
        return fb

    def _decided_line(self, basis: dict[str, Any]) -> LineAmount:
        formula = self.compute(self._outline_basis(basis))
        fen = int(basis["decided_fen"])
        standard = basis.get("standard_fen") or formula.standard_fen
        pci = None if formula.per_capita_income_fen is None else int(basis["per_capita_income_fen"])
        lines = [["核定月保障金", f"{fen_to_yuan(fen)} 元（{basis.get('decided_basis', '')}）"]]
        if basis.get("decided_reason"):
            lines.append(["最近变更", str(basis["decided_reason"])])
        category = formula.category.removesuffix("·渐退")
        eligible, text = fen > 0, "按核定金额发放"
        if "phase_out_index" in basis:
            po = b.phase_out(
                int(basis["phase_out_base_fen"]), int(basis["phase_out_index"]), self.schedule
            )
            lines = _rows(po.working)
            fen, text, eligible = po.fen, po.formula, po.eligible
            category += "·渐退"
        working = {
            "method": "decided",
            "formula": text,
            "lines": lines,
            "basis": basis,
            "policy": self.ref,
        }
        return LineAmount(fen, int(standard), pci, eligible, category, working)

    def _compute(self, basis: dict[str, Any], category: str) -> LineAmount:
        policy = self.policy
        programme, method = str(basis["programme"]), str(basis["method"])
        raw = basis["per_capita_income_fen"]
        persons = int(basis["persons"])
        pci: int | Fraction = raw if isinstance(raw, Fraction) else int(raw)
        pci_out: int | None = round_half_up(pci)
        if programme == "tekun" or method == "tekun":
            std = policy.dibao_standard_fen(str(basis.get("area_type") or "rural"))
            tier = b.SelfCare(basis.get("care_tier") or "full")
            amount, lines = self._amount(
                ("tekun", std, tier), b.tekun, std, self.basic_ratio, self.care, tier
            )
            standard = b.tekun_basic_fen(std, self.basic_ratio)
            mode = "集中供养" if basis.get("care_mode") == "centralised" else "分散供养"
            category = f"特困（{mode}·{tier.label_zh}）"
            pci_out = None
            fen = amount.fen
        else:
            standard = policy.standard_for_programme(programme)
            if method == "tier":
                amount, lines = self._amount(
                    ("tier", standard, pci, persons),
                    b.dibao_tier,
                    standard,
                    self.tiers,
                    pci,
                    persons,
                )
                chosen = next((w.value for w in amount.working if w.label_zh == "适用档次"), "")
                if chosen:
                    category += "·" + chosen.split("（")[0]
            elif method == "single":
                amount, lines = self._amount(
                    ("single", standard, pci), b.single_person, standard, pci, self.single_min
                )
                category += "·单人保"
            elif method == "gap":
                amount, lines = self._amount(
                    ("gap", standard, pci, persons), b.dibao_gap, standard, pci, persons, self.floor
                )
            else:
                fixed = int(basis.get("fixed_fen") or 0)
                amount = b.Amount(
                    fixed,
                    (b.WorkingLine("核定月保障金", f"{fen_to_yuan(fixed)} 元"),),
                    "按核定金额发放",
                )
                lines = _rows(amount.working)
            fen = amount.fen
            cats = [str(c) for c in basis.get("topups") or []]
            if amount.eligible and cats and fen > 0 and method in ("gap", "tier", "single"):
                n = max(persons, 1)
                base = (2 * fen + n) // (2 * n)  # round_half_up(fen / n), fen > 0
                top, top_lines = self._amount(
                    ("topups", base, tuple(cats)), b.classified_topups, base, cats, self.topup_rates
                )
                lines = [
                    *lines,
                    *top_lines,
                    [
                        "月保障金合计",
                        f"{fen_to_yuan(fen)} + {fen_to_yuan(top.fen)} = "
                        f"{fen_to_yuan(fen + top.fen)} 元",
                    ],
                ]
                fen += top.fen
        formula = amount.formula
        eligible = amount.eligible
        working = {
            "method": method,
            "formula": formula,
            "lines": list(lines),
            "basis": basis,
            "policy": self.ref,
        }
        return LineAmount(fen, standard, pci_out, eligible, category, working)

    def cap(self, programme: str, persons: int, standard_fen: int, ratio: Fraction) -> int:
        key = (programme, persons, standard_fen)
        if key not in self.caps:
            self.caps[key] = amount_cap(self.policy, programme, persons, standard_fen, ratio)
        return self.caps[key]


def _valid_ratio(value: Any) -> bool:
    try:
        as_ratio(value, "分类施保比例")
    except Exception:  # an invalid rate only keeps the full basis (the formula fails on it)
        return False
    return True


def _rows(working: tuple[b.WorkingLine, ...]) -> list[list[str]]:
    return [[w.label_zh, w.value] for w in working]


def compute(basis: dict[str, Any], policy: Policy) -> LineAmount:
    """One amount under ``policy`` (see :class:`Calculator` for many)."""
    return Calculator(policy).compute(basis)


def amount_cap(
    policy: Policy, programme: str, persons: int, standard_fen: int, ratio: Fraction
) -> int:
    """Highest plausible monthly amount for a line: standard × persons × ratio (dibao);
    (basic + highest care) × persons × ratio (tekun)."""
    per_person = standard_fen
    if programme == "tekun":
        per_person += max(policy.tekun_care_fen.values(), default=0)
    return round_half_up(Fraction(per_person) * max(persons, 1) * ratio)
