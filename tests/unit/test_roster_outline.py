"""A decided line takes its category, standard and failure from the formula run on the
basis's outline (services.roster.calc.Calculator._outline_basis): the line must be exactly the
one the full basis gives, whatever the method, income, persons and 分类施保 categories."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from test_roster_support import round_policy

from reliefdesk.services.policy import Policy
from reliefdesk.services.roster.calc import Calculator


class _FullBasis(Calculator):
    """The calculator as it was: the formula runs on the decided line's full basis."""

    def _outline_basis(self, basis: dict[str, Any]) -> dict[str, Any]:
        return {
            k: basis[k]
            for k in (
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
        }


def _policy(**over: Any) -> Policy:
    return Policy(1, date(2025, 1, 1), "测试标准", round_policy(**over))


def _bases() -> list[dict[str, Any]]:
    out = []
    for programme, method, persons, pci, topups, tier, extra in itertools.product(
        ("rural_dibao", "urban_dibao", "tekun"),
        ("gap", "tier", "single", "fixed", "tekun"),
        (0, 1, 3),
        (-5, 0, 9999, 10000, 20001, 30000, 39999, 40000, 70000),
        ([], ["elderly"], ["elderly", "severe_disability"], ["unknown"]),
        (None, "partial", "bogus"),
        ({}, {"standard_fen": 0}, {"phase_out_index": 1, "phase_out_base_fen": 30000}),
    ):
        out.append(
            {
                "programme": programme,
                "method": method,
                "persons": persons,
                "per_capita_income_fen": pci,
                "care_tier": tier,
                "care_mode": "centralised" if persons == 1 else None,
                "topups": topups,
                "area_type": "urban" if programme == "urban_dibao" else "rural",
                "fixed_fen": 12300,
                "decided_fen": 45600,
                "standard_fen": 40000,
                "decided_basis": "确认决定",
                **extra,
            }
        )
    return out


def _line(calc: Calculator, basis: dict[str, Any]) -> Any:
    try:
        return calc.compute(dict(basis))
    except ValueError as exc:  # an unknown care tier is a bug either way, not a line
        return ("raised", type(exc), str(exc))


def test_decided_line_from_outline_equals_full_basis() -> None:
    """Every decided line (tier, gap, single, fixed, tekun; failing incomes, persons and
    categories; a missing standard; 渐退) is the same from the outline as from the full basis."""
    for over in ({}, {"topup_rates": {"elderly": "1/10", "severe_disability": "-1/5"}}):
        policy = _policy(**over)
        fast, full = Calculator(policy), _FullBasis(policy)
        for basis in _bases():
            assert _line(fast, basis) == _line(full, basis), basis
