"""Column definitions of the household page's tables (members, income, assets, accounts,
applications, visits, payments and history)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from reliefdesk.ui.households import labels
from reliefdesk.ui.households.rows_model import Column


def _t(text: str) -> str:
    return QCoreApplication.translate("HouseholdTabs", text)


def member_columns() -> list[Column]:
    rel, sexes, hl, lb = labels.relations(), labels.sexes(), labels.health(), labels.labour()
    excl, dis = labels.exclusion_reasons(), labels.disability_categories()
    lv = labels.disability_levels()

    def counted(p: Any) -> str:
        if p.counted:
            return _t("Yes")
        return _t("No: {reason}").format(reason=labels.label(excl, p.exclusion_reason))

    def disability(p: Any) -> str:
        if not p.disability_category:
            return ""
        return f"{labels.label(dis, p.disability_category)} {lv.get(p.disability_level, '')}"

    return [
        (_t("Name"), lambda p: p.name + (_t(" (deceased)") if p.deceased_on else "")),
        (_t("Relation"), lambda p: labels.label(rel, p.relation)),
        (_t("ID number"), lambda p: p.id_number),
        (_t("Sex"), lambda p: labels.label(sexes, p.sex)),
        (_t("Date of birth"), lambda p: labels.day(p.birth_date)),
        (_t("Counted"), counted),
        (_t("Disability"), disability),
        (_t("Health"), lambda p: labels.label(hl, p.health)),
        (_t("Capacity to work"), lambda p: labels.label(lb, p.labour_capacity)),
        (_t("Schooling"), lambda p: p.schooling),
        (_t("Employment"), lambda p: p.employment),
        (_t("Staff relative"), lambda p: p.staff_relation_note if p.near_relative_of_staff
         else ""),
    ]


def income_columns(names: dict[int, str]) -> list[Column]:
    cats = labels.income_categories()
    return [
        (_t("Member"), lambda i: names.get(i.person_id, _t("Whole household"))
         if i.person_id is not None else _t("Whole household")),
        (_t("Category"), lambda i: labels.label(cats, i.category)),
        (_t("Monthly (yuan)"), lambda i: labels.yuan(i.monthly_fen)),
        (_t("Counted"), lambda i: labels.yes_no(i.counted)),
        (_t("Effect on total (yuan)"), lambda i: labels.yuan(i.effect_fen)),
        (_t("Description"), lambda i: i.description),
    ]


def asset_columns() -> list[Column]:
    kinds = labels.asset_kinds()
    return [
        (_t("Kind"), lambda a: labels.label(kinds, a.kind)),
        (_t("Value (yuan)"), lambda a: labels.yuan(a.value_fen)),
        (_t("Exempt"), lambda a: labels.yes_no(a.exempt)),
        (_t("Description"), lambda a: a.description),
    ]


def account_columns() -> list[Column]:
    kinds = labels.account_kinds()
    return [
        (_t("Payee"), lambda a: a.payee_name),
        (_t("Kind"), lambda a: labels.label(kinds, a.kind)),
        (_t("Bank"), lambda a: a.bank_name),
        (_t("Holder"), lambda a: a.holder_name),
        (_t("Account number"), lambda a: a.number),
        (_t("In use"), lambda a: labels.yes_no(a.active)),
    ]


def application_columns() -> list[Column]:
    progs = labels.programmes()
    return [
        (_t("File no."), lambda a: a.file_no),
        (_t("Programme"), lambda a: labels.label(progs, a.programme)),
        (_t("Applicant"), lambda a: a.applicant_name),
        (_t("Accepted on"), lambda a: labels.day(a.accepted_on)),
        (_t("State"), lambda a: a.state_label),
        (_t("Since"), lambda a: labels.day(a.state_since)),
        (_t("Due"), lambda a: labels.day(a.due_on)),
        (_t("Proposed (yuan/month)"), lambda a: labels.yuan(a.proposed_fen)),
    ]


def visit_columns() -> list[Column]:
    modes = labels.visit_modes()
    return [
        (_t("Date"), lambda v: labels.day(v.visit_date)),
        (_t("Mode"), lambda v: labels.label(modes, v.mode)),
        (_t("Investigators"), lambda v: "、".join(str(i.get("name", "")) for i in
                                                  v.investigators)),
        (_t("Application"), lambda v: str(v.application_id) if v.application_id else ""),
        (_t("Recommendation"), lambda v: v.recommendation),
        (_t("Photos"), lambda v: str(len(v.photos))),
    ]


def payment_columns() -> list[Column]:
    progs, stat, kinds = labels.programmes(), labels.enrollment_statuses(), labels.changes()
    return [
        (_t("Programme"), lambda r: labels.label(progs, r.programme)),
        (_t("From month"), lambda r: r.month.strftime("%Y-%m")),
        (_t("Change"), lambda r: labels.label(kinds, r.kind)),
        (_t("Before (yuan/month)"), lambda r: labels.yuan(r.old_fen)),
        (_t("After (yuan/month)"), lambda r: labels.yuan(r.new_fen)),
        (_t("Status now"), lambda r: labels.label(stat, r.status)),
        (_t("Reason"), lambda r: r.reason),
    ]


def history_columns() -> list[Column]:
    return [
        (_t("Time"), lambda e: e.at.strftime("%Y-%m-%d %H:%M")),
        (_t("User"), lambda e: e.username),
        (_t("Action"), lambda e: e.action),
        (_t("Object"), lambda e: f"{e.entity} #{e.entity_id}"),
        (_t("Result"), lambda e: _t("Done") if e.success else _t("Refused")),
    ]
