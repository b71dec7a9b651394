"""Default data for a new database: the 21 汝州 townships, the default policy pack, the
holiday calendar and office settings. Everything here is editable data, not code."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import AuditHead, Holiday, PolicyVersion, Setting, Township

GENESIS_HASH = "0" * 64

# NBS 统计用区划代码, data as of 2022-10-31 (DOMAIN.md §9.2).
RUZHOU_COUNTY = ("汝州市", "410482")
RUZHOU_TOWNSHIPS: tuple[tuple[str, str], ...] = (
    ("410482001", "煤山街道"),
    ("410482002", "风穴路街道"),
    ("410482003", "钟楼街道"),
    ("410482004", "洗耳河街道"),
    ("410482005", "汝南街道"),
    ("410482006", "紫云路街道"),
    ("410482101", "寄料镇"),
    ("410482102", "温泉镇"),
    ("410482103", "临汝镇"),
    ("410482104", "小屯镇"),
    ("410482105", "杨楼镇"),
    ("410482106", "蟒川镇"),
    ("410482107", "庙下镇"),
    ("410482108", "米庙镇"),
    ("410482109", "陵头镇"),
    ("410482110", "纸坊镇"),
    ("410482111", "大峪镇"),
    ("410482112", "夏店镇"),
    ("410482113", "焦村镇"),
    ("410482202", "王寨乡"),
    ("410482207", "骑岭乡"),
)


def default_policy() -> dict[str, Any]:
    """Henan/Ruzhou-like policy (DOMAIN.md §5). Keys listed in ``estimated`` are placeholders
    to be replaced by the county's official notice."""
    return {
        "estimated": [
            "urban_dibao_standard_fen",
            "rural_dibao_standard_fen",
            "floor_ratio",
            "topup_rates",
            "tekun_care_fen",
            "temp_aid_township_limit_fen",
            "temp_aid_case_by_case_fen",
            "temp_aid_advance_cap_fen",
            "temp_aid_max_months",
            "phase_out_schedule",
            "confirmation_delegated",
            "tiers",
        ],
        "source": "2022 河南 630/420 元 +5%（估算，DOMAIN.md §5.2）；特困 1.3 倍；护理 5%/10%/20% × 1800",
        "urban_dibao_standard_fen": 66150,
        "rural_dibao_standard_fen": 44100,
        "method": "gap",  # gap | tier
        "floor_ratio": "1/5",  # a gap below 20% of the standard is paid as 20%
        "tiers": [
            {"name": "一档", "max_income_ratio": "1/4", "pay_ratio": "1"},
            {"name": "二档", "max_income_ratio": "1/2", "pay_ratio": "7/10"},
            {"name": "三档", "max_income_ratio": "3/4", "pay_ratio": "1/2"},
            {"name": "四档", "max_income_ratio": "1", "pay_ratio": "3/10"},
        ],
        "single_person_min_ratio": "7/10",
        "topup_rates": {
            "elderly": "1/10",
            "minor": "1/10",
            "severe_disability": "1/5",
            "serious_illness": "1/5",
        },
        "tekun_basic_ratio": "13/10",
        "min_wage_fen": 180000,
        "tekun_care_fen": {"full": 9000, "partial": 18000, "none": 36000},
        "temp_aid_township_limit_fen": 198450,  # 3 × urban standard
        # 一事一议 above 5,000 元: the office this is modelled on sent a 5,000 元 case through
        # it (DOMAIN §4.4); the old 50,000 元 default could never trigger for a township case.
        "temp_aid_case_by_case_fen": 500000,
        # 先行救助 cap; None = the township approval limit (DOMAIN §4.2 小额先行救助)
        "temp_aid_advance_cap_fen": None,
        "temp_aid_max_months": 6,
        "phase_out_schedule": ["1", "1", "4/5", "4/5", "3/5", "3/5"],
        "publicity_days": 7,
        "publicity_working_days": False,
        "confirmation_delegated": False,
        "limits": {
            "investigate_start_wd": 3,
            "info_check_start_wd": 3,
            "county_confirm_wd": 10,
            "refusal_notice_wd": 3,
            "total_county_wd": 30,
            "total_delegated_wd": 20,
            "total_extended_wd": 45,
            "tekun_prelim_wd": 15,
            "tekun_confirm_wd": 15,
            "temp_aid_wd": 10,
            "paperwork_after_advance_wd": 5,
        },
        "recheck_months": {"stable": 12, "unstable": 6, "tekun": 12},
        "near_dibao_ratio": "3/2",
    }


DEFAULT_SETTINGS: dict[str, Any] = {
    "login.max_failures": 5,
    "login.lock_minutes": 15,
    "ui.idle_lock_minutes": 15,
    "ui.language": "zh_CN",
    "audit.retention_days": 190,
    "roster.bank_template": None,
    "roster.amount_cap_ratio": "3/2",
    # who may export the bank file (full ID and account numbers): roles holding roster.export
    "roster.bank_export_roles": ["approver"],
    # 公示 first day at most this many days before the day it is recorded (no backdating)
    "casework.publicity_grace_days": 0,
    # separation of duties, stricter option: whoever started or ended the 公示 may not confirm
    "casework.separation_publicity": False,
    # 存量导入: the office's column-mapping corrections, field -> header label (issue 12)
    "import.column_mapping": {},
    # 信息比对 (issue 14, DOMAIN §8.3): medical self-pay that makes a lead, in fen: half of
    # Henan's 2023 rural per-capita disposable income (about 20,000 元), estimated
    "comparison.self_pay_threshold_fen": 1000000,
    # severe disability: these levels, or level 3 of these categories (§8.3 rule 5)
    "comparison.severe_levels": [1, 2],
    "comparison.severe_level3_categories": ["智力", "精神"],
    # vehicles the county exempts from the asset check (farm vehicles, disability vehicles)
    "comparison.vehicle_exempt_words": ["农用", "拖拉机", "三轮", "残疾人专用"],
    # finding kinds switched off by the office (all rules on by default)
    "comparison.disabled_kinds": [],
    # calendar days to check a lead: a death quickly (payment stops next
    # month), the others within a month
    "comparison.due_days": {"death": 10, "default": 30},
    # months between comparisons per source (重点信息每月一比对; 0 = whenever delivered);
    # empty = the defaults of reliefdesk.domain.comparison.SOURCES
    "comparison.calendar": {},
    # county server (issue 18): the county confirms (审核确认) a township's dibao/tekun cases
    # unless delegated; per township in township_setting. False: the township records it.
    "casework.county_confirms": False,
    # bank file per township, or one county file when the county pays centrally
    "roster.bank_file_scope": "township",
    # the bank file of a township roster only after the county's review (县级审核)
    "roster.county_review_required": False,
}


def seed_defaults(session: Session) -> None:
    """Idempotent: fills only what is missing."""
    if session.scalar(select(Township.id).limit(1)) is None:
        for code, name in RUZHOU_TOWNSHIPS:
            kind = "街道" if name.endswith("街道") else ("乡" if name.endswith("乡") else "镇")
            session.add(Township(code=code, name=name, kind=kind))
    if session.scalar(select(PolicyVersion.id).limit(1)) is None:
        session.add(
            PolicyVersion(
                effective_from=date(2023, 1, 1),
                name="默认政策（河南估算）",
                data=default_policy(),
                note="标注为估算的数值须按县级通知更新",
            )
        )
    if session.get(AuditHead, 1) is None:
        session.add(AuditHead(id=1, last_hash=GENESIS_HASH, count=0))
    for key, value in DEFAULT_SETTINGS.items():
        if session.get(Setting, key) is None:
            session.add(Setting(key=key, value=value))
    if session.scalar(select(Holiday.day).limit(1)) is None:
        for day, kind, name in _holiday_seed():
            session.add(Holiday(day=day, kind=kind, name=name))


def missing_default_data(session: Session) -> list[str]:
    """Names of the default data :func:`seed_defaults` would add (empty when complete)."""
    missing: list[str] = []
    if session.scalar(select(Township.id).limit(1)) is None:
        missing.append("乡镇(街道)")
    if session.scalar(select(PolicyVersion.id).limit(1)) is None:
        missing.append("政策参数")
    if session.get(AuditHead, 1) is None:
        missing.append("审计链起点")
    keys = set(session.scalars(select(Setting.key)))
    missing += [f"设置 {k}" for k in DEFAULT_SETTINGS if k not in keys]
    if session.scalar(select(Holiday.day).limit(1)) is None and _holiday_seed():
        missing.append("节假日")
    return missing


def _holiday_seed() -> list[tuple[date, str, str]]:
    try:
        from ..domain.calendar import default_holiday_table
    except ImportError:  # pragma: no cover - domain always ships it
        return []
    rows: list[tuple[date, str, str]] = []
    for _year, (holidays, workdays) in sorted(default_holiday_table().items()):
        rows += [(d, "holiday", "") for d in holidays]
        rows += [(d, "workday", "") for d in workdays]
    return rows
