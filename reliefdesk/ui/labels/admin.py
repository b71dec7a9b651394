"""Display texts for the settings page: roles, holiday kinds, audit actions, policy keys."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def role_labels() -> dict[str, str]:
    return {
        "clerk": QCoreApplication.translate("AdminLabels", "Clerk"),
        "reviewer": QCoreApplication.translate("AdminLabels", "Reviewer"),
        "approver": QCoreApplication.translate("AdminLabels", "Approver"),
        "admin": QCoreApplication.translate("AdminLabels", "Administrator"),
        "auditor": QCoreApplication.translate("AdminLabels", "Auditor"),
    }


def holiday_kinds() -> dict[str, str]:
    return {
        "holiday": QCoreApplication.translate("AdminLabels", "Public holiday"),
        "workday": QCoreApplication.translate("AdminLabels", "Make-up working day"),
    }


def care_tiers() -> dict[str, str]:
    """Keys of ``tekun_care_fen`` by self-care ability."""
    return {
        "full": QCoreApplication.translate("AdminLabels", "Fully self-caring"),
        "partial": QCoreApplication.translate("AdminLabels", "Partly self-caring"),
        "none": QCoreApplication.translate("AdminLabels", "Unable to care for self"),
    }


def topup_groups() -> dict[str, str]:
    return {
        "elderly": QCoreApplication.translate("AdminLabels", "Elderly"),
        "minor": QCoreApplication.translate("AdminLabels", "Minors"),
        "severe_disability": QCoreApplication.translate("AdminLabels", "Severely disabled"),
        "serious_illness": QCoreApplication.translate("AdminLabels", "Seriously ill"),
    }


def limit_labels() -> dict[str, str]:
    """The time limits in ``data["limits"]`` (working days)."""
    return {
        "investigate_start_wd": QCoreApplication.translate(
            "AdminLabels", "Start of investigation after acceptance"
        ),
        "info_check_start_wd": QCoreApplication.translate(
            "AdminLabels", "Start of information check after the request"
        ),
        "county_confirm_wd": QCoreApplication.translate(
            "AdminLabels", "County confirmation after receiving the file"
        ),
        "refusal_notice_wd": QCoreApplication.translate(
            "AdminLabels", "Written refusal after the decision"
        ),
        "total_county_wd": QCoreApplication.translate(
            "AdminLabels", "Total, confirmed by the county"
        ),
        "total_delegated_wd": QCoreApplication.translate(
            "AdminLabels", "Total, confirmed by the township"
        ),
        "total_extended_wd": QCoreApplication.translate("AdminLabels", "Total, extended"),
        "tekun_prelim_wd": QCoreApplication.translate("AdminLabels", "Tekun: township review"),
        "tekun_confirm_wd": QCoreApplication.translate("AdminLabels", "Tekun: county confirmation"),
        "temp_aid_wd": QCoreApplication.translate("AdminLabels", "Temporary aid: decision"),
        "paperwork_after_advance_wd": QCoreApplication.translate(
            "AdminLabels", "Paperwork after advance aid"
        ),
    }


def recheck_labels() -> dict[str, str]:
    return {
        "stable": QCoreApplication.translate("AdminLabels", "Stable households"),
        "unstable": QCoreApplication.translate("AdminLabels", "Households with changing income"),
        "tekun": QCoreApplication.translate("AdminLabels", "Tekun persons"),
    }


def audit_actions() -> dict[str, str]:
    return {
        "login": QCoreApplication.translate("AdminLabels", "Sign-in"),
        "user.add": QCoreApplication.translate("AdminLabels", "User added"),
        "user.password": QCoreApplication.translate("AdminLabels", "Password set"),
        "user.role": QCoreApplication.translate("AdminLabels", "Role or status changed"),
        "user.unlock": QCoreApplication.translate("AdminLabels", "Account unlocked"),
        "office.save": QCoreApplication.translate("AdminLabels", "Office saved"),
        "setting.set": QCoreApplication.translate("AdminLabels", "Setting changed"),
        "policy.save": QCoreApplication.translate("AdminLabels", "Policy version added"),
        "holiday.set": QCoreApplication.translate("AdminLabels", "Holiday changed"),
        "household.create": QCoreApplication.translate("AdminLabels", "Household registered"),
        "household.update": QCoreApplication.translate("AdminLabels", "Household edited"),
        "person.add": QCoreApplication.translate("AdminLabels", "Member added"),
        "person.update": QCoreApplication.translate("AdminLabels", "Member edited"),
        "income.add": QCoreApplication.translate("AdminLabels", "Income added"),
        "income.delete": QCoreApplication.translate("AdminLabels", "Income deleted"),
        "asset.add": QCoreApplication.translate("AdminLabels", "Asset added"),
        "asset.delete": QCoreApplication.translate("AdminLabels", "Asset deleted"),
        "account.add": QCoreApplication.translate("AdminLabels", "Account registered"),
        "account.deactivate": QCoreApplication.translate("AdminLabels", "Account stopped"),
        "pii.reveal": QCoreApplication.translate("AdminLabels", "Full numbers shown"),
        "print": QCoreApplication.translate("AdminLabels", "Printed"),
        "village.add": QCoreApplication.translate("AdminLabels", "Village added"),
        "village.rename": QCoreApplication.translate("AdminLabels", "Village renamed"),
        "visit.create": QCoreApplication.translate("AdminLabels", "Home visit recorded"),
        "application.create": QCoreApplication.translate("AdminLabels", "Application accepted"),
        "application.extend": QCoreApplication.translate("AdminLabels", "Time limit extended"),
        "application.self_care": QCoreApplication.translate("AdminLabels", "Self-care assessed"),
        "enrollment.create": QCoreApplication.translate("AdminLabels", "Enrollment created"),
        "roster.lock": QCoreApplication.translate("AdminLabels", "Roster locked"),
        "roster.unlock": QCoreApplication.translate("AdminLabels", "Roster unlocked"),
        "roster.export": QCoreApplication.translate("AdminLabels", "Roster exported"),
        "roster.discard": QCoreApplication.translate("AdminLabels", "Roster discarded"),
        "roster.import_return": QCoreApplication.translate("AdminLabels", "Bank return imported"),
        "demo.generate": QCoreApplication.translate("AdminLabels", "Demo data generated"),
    }


def label(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    return table.get(code, code)
