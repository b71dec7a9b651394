"""Display text for the register's codes (programme, status, relation...), through ``tr()``.

The services return codes; the UI turns them into words here so the translation catalog
carries them. Unknown codes fall back to the code itself.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from reliefdesk.domain.money import fen_to_yuan


def _t(text: str) -> str:
    return QCoreApplication.translate("HouseholdLabels", text)


def programmes() -> dict[str, str]:
    return {
        "urban_dibao": _t("Urban dibao"),
        "rural_dibao": _t("Rural dibao"),
        "tekun": _t("Tekun support"),
        "temporary_aid": _t("Temporary aid"),
    }


def enrollment_statuses() -> dict[str, str]:
    return {
        "active": _t("Receiving"),
        "phase_out": _t("Phasing out"),
        "suspended": _t("Suspended"),
        "terminated": _t("Terminated"),
        "none": _t("Never enrolled"),
    }


def area_types() -> dict[str, str]:
    return {"urban": _t("Urban"), "rural": _t("Rural")}


def relations() -> dict[str, str]:
    return {
        "head": _t("Head of household"),
        "spouse": _t("Spouse"),
        "child": _t("Child"),
        "parent": _t("Parent"),
        "grandchild": _t("Grandchild"),
        "grandparent": _t("Grandparent"),
        "sibling": _t("Sibling"),
        "child_in_law": _t("Child-in-law"),
        "other": _t("Other"),
    }


def exclusion_reasons() -> dict[str, str]:
    return {
        "clergy_3y": _t("Clergy away from home 3+ years"),
        "prison": _t("Serving a prison sentence"),
        "drug_rehab": _t("Compulsory drug rehabilitation"),
        "missing": _t("Declared missing"),
        "conscript": _t("Conscript on active service"),
        "provincial_other": _t("Other case set by the province"),
    }


def health() -> dict[str, str]:
    return {"healthy": _t("Healthy"), "chronic": _t("Chronic illness"),
            "serious": _t("Serious illness")}


def labour() -> dict[str, str]:
    return {"full": _t("Able to work"), "partial": _t("Partly unable to work"),
            "none": _t("Unable to work")}


def disability_categories() -> dict[str, str]:
    """Keys are the stored values (the services keep the Chinese category names)."""
    return {"视力": _t("Visual"), "听力": _t("Hearing"), "言语": _t("Speech"),
            "肢体": _t("Physical"), "智力": _t("Intellectual"), "精神": _t("Mental"),
            "多重": _t("Multiple")}


def disability_levels() -> dict[int, str]:
    return {1: _t("Grade 1"), 2: _t("Grade 2"), 3: _t("Grade 3"), 4: _t("Grade 4")}


def income_categories() -> dict[str, str]:
    return {
        "wage": _t("Wages"),
        "business": _t("Net business income"),
        "property": _t("Net property income"),
        "transfer_in": _t("Transfers received"),
        "transfer_out": _t("Transfers paid (deducted)"),
        "other": _t("Other income"),
        "pension_basic": _t("Basic resident pension (not counted)"),
        "award": _t("Preferential or reward payments (not counted)"),
        "assistance": _t("Social assistance payments (not counted)"),
    }


def asset_kinds() -> dict[str, str]:
    return {
        "deposit": _t("Savings"), "securities": _t("Securities"), "fund": _t("Funds"),
        "insurance": _t("Commercial insurance"), "claim": _t("Claims"),
        "internet_finance": _t("Online financial assets"), "vehicle": _t("Vehicle"),
        "house": _t("House"), "timber": _t("Timber and fixtures"), "other": _t("Other"),
    }


def account_kinds() -> dict[str, str]:
    return {"bank_card": _t("Bank card"), "bank_book": _t("Passbook"),
            "social_security_card": _t("Social security card")}


def sexes() -> dict[str, str]:
    return {"M": _t("Male"), "F": _t("Female")}


def visit_modes() -> dict[str, str]:
    return {"onsite": _t("On site"), "phone": _t("By phone"), "video": _t("By video")}


def changes() -> dict[str, str]:
    return {"start": _t("Enrolled"), "increase": _t("Increased"), "decrease": _t("Reduced"),
            "suspend": _t("Suspended"), "resume": _t("Resumed"), "phase_out": _t("Phase-out"),
            "terminate": _t("Terminated"), "recheck": _t("Periodic recheck")}


def label(table: dict[str, str], code: str | None, empty: str = "") -> str:
    if code is None or code == "":
        return empty
    return table.get(code, code)


def yuan(fen: int | None) -> str:
    """``12345`` → ``"123.45"``; None → ''."""
    return "" if fen is None else fen_to_yuan(fen)


def day(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def yes_no(value: bool) -> str:
    return _t("Yes") if value else _t("No")
