"""Column definitions of the household page's tables (members, income, assets, accounts,
applications, visits, payments and history)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from reliefdesk.ui.households.rows_model import Column
from reliefdesk.ui.labels import register as labels


def member_columns() -> list[Column]:
    rel, sexes, hl, lb = labels.relations(), labels.sexes(), labels.health(), labels.labour()
    excl, dis = labels.exclusion_reasons(), labels.disability_categories()
    lv = labels.disability_levels()

    def counted(p: Any) -> str:
        if p.counted:
            return QCoreApplication.translate("HouseholdTabs", "Yes")
        return QCoreApplication.translate("HouseholdTabs", "No: {reason}").format(
            reason=labels.label(excl, p.exclusion_reason)
        )

    def disability(p: Any) -> str:
        if not p.disability_category:
            return ""
        return f"{labels.label(dis, p.disability_category)} {lv.get(p.disability_level, '')}"

    return [
        (
            QCoreApplication.translate("HouseholdTabs", "Name"),
            lambda p: (
                p.name
                + (
                    QCoreApplication.translate("HouseholdTabs", " (deceased)")
                    if p.deceased_on
                    else ""
                )
            ),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "Relation"),
            lambda p: labels.label(rel, p.relation),
        ),
        (QCoreApplication.translate("HouseholdTabs", "ID number"), lambda p: p.id_number),
        (QCoreApplication.translate("HouseholdTabs", "Sex"), lambda p: labels.label(sexes, p.sex)),
        (
            QCoreApplication.translate("HouseholdTabs", "Date of birth"),
            lambda p: labels.day(p.birth_date),
        ),
        (QCoreApplication.translate("HouseholdTabs", "Counted"), counted),
        (QCoreApplication.translate("HouseholdTabs", "Disability"), disability),
        (
            QCoreApplication.translate("HouseholdTabs", "Health"),
            lambda p: labels.label(hl, p.health),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "Capacity to work"),
            lambda p: labels.label(lb, p.labour_capacity),
        ),
        (QCoreApplication.translate("HouseholdTabs", "Schooling"), lambda p: p.schooling),
        (QCoreApplication.translate("HouseholdTabs", "Employment"), lambda p: p.employment),
        (
            QCoreApplication.translate("HouseholdTabs", "Staff relative"),
            lambda p: p.staff_relation_note if p.near_relative_of_staff else "",
        ),
    ]


def income_columns(names: dict[int, str]) -> list[Column]:
    cats = labels.income_categories()
    return [
        (
            QCoreApplication.translate("HouseholdTabs", "Member"),
            lambda i: (
                names.get(
                    i.person_id, QCoreApplication.translate("HouseholdTabs", "Whole household")
                )
                if i.person_id is not None
                else QCoreApplication.translate("HouseholdTabs", "Whole household")
            ),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "Category"),
            lambda i: labels.label(cats, i.category),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "Monthly (yuan)"),
            lambda i: labels.yuan(i.monthly_fen),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "Counted"),
            lambda i: labels.yes_no(i.counted),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "Effect on total (yuan)"),
            lambda i: labels.yuan(i.effect_fen),
        ),
        (QCoreApplication.translate("HouseholdTabs", "Description"), lambda i: i.description),
    ]


def asset_columns() -> list[Column]:
    kinds = labels.asset_kinds()
    return [
        (
            QCoreApplication.translate("HouseholdTabs", "Kind"),
            lambda a: labels.label(kinds, a.kind),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "Value (yuan)"),
            lambda a: labels.yuan(a.value_fen),
        ),
        (QCoreApplication.translate("HouseholdTabs", "Exempt"), lambda a: labels.yes_no(a.exempt)),
        (QCoreApplication.translate("HouseholdTabs", "Description"), lambda a: a.description),
    ]


def account_columns() -> list[Column]:
    kinds = labels.account_kinds()
    return [
        (QCoreApplication.translate("HouseholdTabs", "Payee"), lambda a: a.payee_name),
        (
            QCoreApplication.translate("HouseholdTabs", "Kind"),
            lambda a: labels.label(kinds, a.kind),
        ),
        (QCoreApplication.translate("HouseholdTabs", "Bank"), lambda a: a.bank_name),
        (QCoreApplication.translate("HouseholdTabs", "Holder"), lambda a: a.holder_name),
        (QCoreApplication.translate("HouseholdTabs", "Account number"), lambda a: a.number),
        (QCoreApplication.translate("HouseholdTabs", "In use"), lambda a: labels.yes_no(a.active)),
        (
            QCoreApplication.translate("HouseholdTabs", "Months"),
            lambda a: (
                (f"{a.effective_month:%Y-%m}" if a.effective_month else "")
                + (f" – {a.end_month:%Y-%m}" if a.end_month else "")
            ),
        ),
    ]


def application_columns() -> list[Column]:
    progs = labels.programmes()
    return [
        (QCoreApplication.translate("HouseholdTabs", "File no."), lambda a: a.file_no),
        (
            QCoreApplication.translate("HouseholdTabs", "Programme"),
            lambda a: labels.label(progs, a.programme),
        ),
        (QCoreApplication.translate("HouseholdTabs", "Applicant"), lambda a: a.applicant_name),
        (
            QCoreApplication.translate("HouseholdTabs", "Accepted on"),
            lambda a: labels.day(a.accepted_on),
        ),
        (QCoreApplication.translate("HouseholdTabs", "State"), lambda a: a.state_label),
        (QCoreApplication.translate("HouseholdTabs", "Since"), lambda a: labels.day(a.state_since)),
        (QCoreApplication.translate("HouseholdTabs", "Due"), lambda a: labels.day(a.due_on)),
        (
            QCoreApplication.translate("HouseholdTabs", "Proposed (yuan/month)"),
            lambda a: labels.yuan(a.proposed_fen),
        ),
    ]


def visit_columns() -> list[Column]:
    modes = labels.visit_modes()
    return [
        (QCoreApplication.translate("HouseholdTabs", "Date"), lambda v: labels.day(v.visit_date)),
        (
            QCoreApplication.translate("HouseholdTabs", "Mode"),
            lambda v: labels.label(modes, v.mode),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "Investigators"),
            lambda v: "、".join(str(i.get("name", "")) for i in v.investigators),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "Application"),
            lambda v: str(v.application_id) if v.application_id else "",
        ),
        (QCoreApplication.translate("HouseholdTabs", "Recommendation"), lambda v: v.recommendation),
        (QCoreApplication.translate("HouseholdTabs", "Photos"), lambda v: str(len(v.photos))),
    ]


def payment_columns() -> list[Column]:
    progs, stat, kinds = labels.programmes(), labels.enrollment_statuses(), labels.changes()
    return [
        (
            QCoreApplication.translate("HouseholdTabs", "Programme"),
            lambda r: labels.label(progs, r.programme),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "From month"),
            lambda r: r.month.strftime("%Y-%m"),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "Change"),
            lambda r: labels.label(kinds, r.kind),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "Before (yuan/month)"),
            lambda r: labels.yuan(r.old_fen),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "After (yuan/month)"),
            lambda r: labels.yuan(r.new_fen),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "Status now"),
            lambda r: labels.label(stat, r.status),
        ),
        (QCoreApplication.translate("HouseholdTabs", "Reason"), lambda r: r.reason),
    ]


def history_columns() -> list[Column]:
    """操作历史 in words: the user's real name, the action and the record (no internal code)."""
    from reliefdesk.ui.history_labels import action_text, object_text

    return [
        (
            QCoreApplication.translate("HouseholdTabs", "Time"),
            lambda e: e.at.strftime("%Y-%m-%d %H:%M"),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "User"),
            lambda e: e.display_name or e.username,
        ),
        (QCoreApplication.translate("HouseholdTabs", "Action"), lambda e: action_text(e.action)),
        (
            QCoreApplication.translate("HouseholdTabs", "Object"),
            lambda e: object_text(e.entity, e.detail),
        ),
        (
            QCoreApplication.translate("HouseholdTabs", "Result"),
            lambda e: (
                QCoreApplication.translate("HouseholdTabs", "Done")
                if e.success
                else QCoreApplication.translate("HouseholdTabs", "Refused")
            ),
        ),
    ]
