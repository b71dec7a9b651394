"""Display text for the register's codes (programme, status, relation...), through ``tr()``.

The services return codes; the UI turns them into words here so the translation catalog
carries them. Unknown codes fall back to the code itself.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from reliefdesk.domain.money import fen_to_yuan
from reliefdesk.domain.programmes import MONTHLY_PROGRAMMES
from reliefdesk.ui.labels import programme_labels


def programmes() -> dict[str, str]:
    return programme_labels()


def enrollment_statuses() -> dict[str, str]:
    return {
        "active": QCoreApplication.translate("HouseholdLabels", "Receiving"),
        "phase_out": QCoreApplication.translate("HouseholdLabels", "Phasing out"),
        "suspended": QCoreApplication.translate("HouseholdLabels", "Suspended"),
        "terminated": QCoreApplication.translate("HouseholdLabels", "Terminated"),
        "due": QCoreApplication.translate("HouseholdLabels", "One-off aid, awaiting payment"),
        "paid": QCoreApplication.translate("HouseholdLabels", "One-off aid, paid"),
        "none": QCoreApplication.translate("HouseholdLabels", "Never enrolled"),
    }


def area_types() -> dict[str, str]:
    return {
        "urban": QCoreApplication.translate("HouseholdLabels", "Urban"),
        "rural": QCoreApplication.translate("HouseholdLabels", "Rural"),
    }


def relations() -> dict[str, str]:
    return {
        "head": QCoreApplication.translate("HouseholdLabels", "Head of household"),
        "spouse": QCoreApplication.translate("HouseholdLabels", "Spouse"),
        "child": QCoreApplication.translate("HouseholdLabels", "Child"),
        "parent": QCoreApplication.translate("HouseholdLabels", "Parent"),
        "grandchild": QCoreApplication.translate("HouseholdLabels", "Grandchild"),
        "grandparent": QCoreApplication.translate("HouseholdLabels", "Grandparent"),
        "sibling": QCoreApplication.translate("HouseholdLabels", "Sibling"),
        "child_in_law": QCoreApplication.translate("HouseholdLabels", "Child-in-law"),
        "other": QCoreApplication.translate("HouseholdLabels", "Other"),
    }


def exclusion_reasons() -> dict[str, str]:
    return {
        "clergy_3y": QCoreApplication.translate(
            "HouseholdLabels", "Clergy away from home 3+ years"
        ),
        "prison": QCoreApplication.translate("HouseholdLabels", "Serving a prison sentence"),
        "drug_rehab": QCoreApplication.translate(
            "HouseholdLabels", "Compulsory drug rehabilitation"
        ),
        "missing": QCoreApplication.translate("HouseholdLabels", "Declared missing"),
        "conscript": QCoreApplication.translate("HouseholdLabels", "Conscript on active service"),
        "provincial_other": QCoreApplication.translate(
            "HouseholdLabels", "Other case set by the province"
        ),
    }


def health() -> dict[str, str]:
    return {
        "healthy": QCoreApplication.translate("HouseholdLabels", "Healthy"),
        "chronic": QCoreApplication.translate("HouseholdLabels", "Chronic illness"),
        "serious": QCoreApplication.translate("HouseholdLabels", "Serious illness"),
    }


def labour() -> dict[str, str]:
    return {
        "full": QCoreApplication.translate("HouseholdLabels", "Able to work"),
        "partial": QCoreApplication.translate("HouseholdLabels", "Partly unable to work"),
        "none": QCoreApplication.translate("HouseholdLabels", "Unable to work"),
    }


def disability_categories() -> dict[str, str]:
    """Keys are the stored values (the services keep the Chinese category names)."""
    return {
        "视力": QCoreApplication.translate("HouseholdLabels", "Visual"),
        "听力": QCoreApplication.translate("HouseholdLabels", "Hearing"),
        "言语": QCoreApplication.translate("HouseholdLabels", "Speech"),
        "肢体": QCoreApplication.translate("HouseholdLabels", "Physical"),
        "智力": QCoreApplication.translate("HouseholdLabels", "Intellectual"),
        "精神": QCoreApplication.translate("HouseholdLabels", "Mental"),
        "多重": QCoreApplication.translate("HouseholdLabels", "Multiple"),
    }


def disability_levels() -> dict[int, str]:
    return {
        1: QCoreApplication.translate("HouseholdLabels", "Grade 1"),
        2: QCoreApplication.translate("HouseholdLabels", "Grade 2"),
        3: QCoreApplication.translate("HouseholdLabels", "Grade 3"),
        4: QCoreApplication.translate("HouseholdLabels", "Grade 4"),
    }


def income_categories() -> dict[str, str]:
    return {
        "wage": QCoreApplication.translate("HouseholdLabels", "Wages"),
        "business": QCoreApplication.translate("HouseholdLabels", "Net business income"),
        "property": QCoreApplication.translate("HouseholdLabels", "Net property income"),
        "transfer_in": QCoreApplication.translate("HouseholdLabels", "Transfers received"),
        "transfer_out": QCoreApplication.translate("HouseholdLabels", "Transfers paid (deducted)"),
        "other": QCoreApplication.translate("HouseholdLabels", "Other income"),
        "pension_basic": QCoreApplication.translate(
            "HouseholdLabels", "Basic resident pension (not counted)"
        ),
        "award": QCoreApplication.translate(
            "HouseholdLabels", "Preferential or reward payments (not counted)"
        ),
        "assistance": QCoreApplication.translate(
            "HouseholdLabels", "Social assistance payments (not counted)"
        ),
    }


def asset_kinds() -> dict[str, str]:
    return {
        "deposit": QCoreApplication.translate("HouseholdLabels", "Savings"),
        "securities": QCoreApplication.translate("HouseholdLabels", "Securities"),
        "fund": QCoreApplication.translate("HouseholdLabels", "Funds"),
        "insurance": QCoreApplication.translate("HouseholdLabels", "Commercial insurance"),
        "claim": QCoreApplication.translate("HouseholdLabels", "Claims"),
        "internet_finance": QCoreApplication.translate(
            "HouseholdLabels", "Online financial assets"
        ),
        "vehicle": QCoreApplication.translate("HouseholdLabels", "Vehicle"),
        "house": QCoreApplication.translate("HouseholdLabels", "House"),
        "timber": QCoreApplication.translate("HouseholdLabels", "Timber and fixtures"),
        "other": QCoreApplication.translate("HouseholdLabels", "Other"),
    }


def account_kinds() -> dict[str, str]:
    return {
        "bank_card": QCoreApplication.translate("HouseholdLabels", "Bank card"),
        "bank_book": QCoreApplication.translate("HouseholdLabels", "Passbook"),
        "social_security_card": QCoreApplication.translate(
            "HouseholdLabels", "Social security card"
        ),
    }


def sexes() -> dict[str, str]:
    return {
        "M": QCoreApplication.translate("HouseholdLabels", "Male"),
        "F": QCoreApplication.translate("HouseholdLabels", "Female"),
    }


def visit_modes() -> dict[str, str]:
    return {
        "onsite": QCoreApplication.translate("HouseholdLabels", "On site"),
        "phone": QCoreApplication.translate("HouseholdLabels", "By phone"),
        "video": QCoreApplication.translate("HouseholdLabels", "By video"),
    }


def changes() -> dict[str, str]:
    return {
        "start": QCoreApplication.translate("HouseholdLabels", "Enrolled"),
        "increase": QCoreApplication.translate("HouseholdLabels", "Increased"),
        "decrease": QCoreApplication.translate("HouseholdLabels", "Reduced"),
        "suspend": QCoreApplication.translate("HouseholdLabels", "Suspended"),
        "resume": QCoreApplication.translate("HouseholdLabels", "Resumed"),
        "phase_out": QCoreApplication.translate("HouseholdLabels", "Phase-out"),
        "terminate": QCoreApplication.translate("HouseholdLabels", "Terminated"),
        "recheck": QCoreApplication.translate("HouseholdLabels", "Periodic recheck"),
        "restandard": QCoreApplication.translate("HouseholdLabels", "New standard applied"),
    }


def audit_actions() -> dict[str, str]:
    return {
        "household.create": QCoreApplication.translate("HouseholdLabels", "Household registered"),
        "household.update": QCoreApplication.translate("HouseholdLabels", "Household edited"),
        "person.add": QCoreApplication.translate("HouseholdLabels", "Member added"),
        "person.update": QCoreApplication.translate("HouseholdLabels", "Member edited"),
        "income.add": QCoreApplication.translate("HouseholdLabels", "Income added"),
        "income.delete": QCoreApplication.translate("HouseholdLabels", "Income deleted"),
        "asset.add": QCoreApplication.translate("HouseholdLabels", "Asset added"),
        "asset.delete": QCoreApplication.translate("HouseholdLabels", "Asset deleted"),
        "account.add": QCoreApplication.translate("HouseholdLabels", "Account registered"),
        "account.deactivate": QCoreApplication.translate("HouseholdLabels", "Account stopped"),
        "pii.reveal": QCoreApplication.translate("HouseholdLabels", "Full numbers shown"),
    }


def label(table: dict[str, str], code: str | None, empty: str = "") -> str:
    if code is None or code == "":
        return empty
    return table.get(code, code)


def yuan(fen: int | None) -> str:
    """``12345`` → ``"123.45"``; None → ''."""
    return "" if fen is None else fen_to_yuan(fen)


def benefit(programme: str | None, fen: int | None) -> str:
    """A household's benefit: the monthly amount as is, a one-off grant (临时救助) marked
    （一次性） so that it is never read as 元/月."""
    text = yuan(fen)
    if text and programme is not None and programme not in MONTHLY_PROGRAMMES:
        return text + QCoreApplication.translate("HouseholdLabels", " (one-off)")
    return text


def day(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("HouseholdLabels", "Yes")
        if value
        else QCoreApplication.translate("HouseholdLabels", "No")
    )
