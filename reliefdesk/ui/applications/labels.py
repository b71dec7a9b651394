"""Display text for the codes the casework services return (programme, state, action, role...).

The services hand back codes; the UI turns them into (translated) words here, so the zh_CN
catalog, not the service, decides what a clerk reads.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("CaseLabels", text)


def programme_labels() -> dict[str, str]:
    return {
        "urban_dibao": _t("Urban dibao"),
        "rural_dibao": _t("Rural dibao"),
        "tekun": _t("Tekun support"),
        "temporary_aid": _t("Temporary aid"),
    }


def state_labels() -> dict[str, str]:
    return {
        "accepted": _t("Accepted"),
        "investigating": _t("Investigating"),
        "prelim_review": _t("Preliminary review"),
        "publicity": _t("In publicity"),
        "objection_review": _t("Objection review"),
        "awaiting_confirmation": _t("Awaiting confirmation"),
        "approved": _t("Approved"),
        "refused": _t("Refused"),
        "withdrawn": _t("Withdrawn"),
        "terminated": _t("Terminated"),
    }


# Display order of states on the workbench and in filters.
STATE_ORDER = ("accepted", "investigating", "prelim_review", "publicity", "objection_review",
               "awaiting_confirmation", "approved", "refused", "withdrawn", "terminated")


def action_labels() -> dict[str, str]:
    return {
        "accept": _t("Accept"),
        "self_care": _t("Self-care assessment"),
        "extend": _t("Extend time limit"),
        "start_investigation": _t("Start investigation"),
        "request_info_check": _t("Request information check"),
        "record_info_check": _t("Record check result"),
        "record_visit": _t("Record home visit"),
        "submit_prelim": _t("Submit preliminary opinion"),
        "start_publicity": _t("Start publicity"),
        "record_objection": _t("Record objection"),
        "resolve_objection": _t("Resolve objection"),
        "finish_publicity": _t("End publicity"),
        "confirm": _t("Confirm"),
        "record_notice": _t("Record written notice"),
        "complete_paperwork": _t("Complete paperwork"),
        "withdraw": _t("Withdraw"),
        "terminate_noncooperation": _t("Terminate review"),
    }


def role_labels() -> dict[str, str]:
    return {
        "clerk": _t("Clerk"),
        "reviewer": _t("Reviewer"),
        "approver": _t("Approver"),
        "admin": _t("Administrator"),
        "auditor": _t("Auditor"),
    }


def aid_type_labels() -> dict[str, str]:
    return {"emergency": _t("Emergency"), "expenditure": _t("Expenditure")}


def care_mode_labels() -> dict[str, str]:
    return {"dispersed": _t("Dispersed support"), "centralised": _t("Centralised support")}


def care_tier_labels() -> dict[str, str]:
    return {"full": _t("Fully self-caring"), "partial": _t("Partly lost self-care"),
            "none": _t("Fully lost self-care")}


def self_care_labels() -> dict[str, str]:
    """The six indicators of the self-care assessment, in the service's order."""
    return {
        "eating": _t("Eats unaided"),
        "dressing": _t("Dresses unaided"),
        "bed_transfer": _t("Gets in and out of bed unaided"),
        "toileting": _t("Uses the toilet unaided"),
        "indoor_walking": _t("Walks indoors unaided"),
        "bathing": _t("Bathes unaided"),
    }


def decision_labels() -> dict[str, str]:
    return {"approve": _t("Approve"), "refuse": _t("Refuse"), "approved": _t("Approved"),
            "refused": _t("Refused"), "withdrawn": _t("Withdrawn"),
            "terminated": _t("Terminated"), "recheck": _t("Re-investigation"),
            "democratic_review": _t("Democratic review")}


def overdue_kind_labels() -> dict[str, str]:
    return {"step": _t("Current step"), "total": _t("Whole case"),
            "refusal_notice": _t("Refusal notice"), "paperwork": _t("Paperwork")}


def area_labels() -> dict[str, str]:
    return {"urban": _t("Urban"), "rural": _t("Rural")}


def relation_labels() -> dict[str, str]:
    return {"head": _t("Head"), "spouse": _t("Spouse"), "child": _t("Child"),
            "parent": _t("Parent"), "grandchild": _t("Grandchild"),
            "grandparent": _t("Grandparent"), "sibling": _t("Sibling"),
            "child_in_law": _t("Child-in-law"), "other": _t("Other")}


def income_labels() -> dict[str, str]:
    return {
        "wage": _t("Wages"), "business": _t("Business income"),
        "property": _t("Property income"), "transfer_in": _t("Transfers received"),
        "transfer_out": _t("Transfers paid (deducted)"), "other": _t("Other income"),
        "pension_basic": _t("Basic pension (not counted)"),
        "award": _t("Allowances and awards (not counted)"),
        "assistance": _t("Social assistance (not counted)"),
    }


def asset_labels() -> dict[str, str]:
    return {"deposit": _t("Deposits"), "securities": _t("Securities"), "fund": _t("Funds"),
            "insurance": _t("Commercial insurance"), "claim": _t("Claims"),
            "internet_finance": _t("Internet finance"), "vehicle": _t("Vehicle"),
            "house": _t("House"), "timber": _t("Timber and fixtures"), "other": _t("Other")}


def health_labels() -> dict[str, str]:
    return {"healthy": _t("Healthy"), "chronic": _t("Chronic illness"),
            "serious": _t("Serious illness")}


def label(table: dict[str, str], code: str | None) -> str:
    """``table[code]``, falling back to the code itself (never raises)."""
    if code is None:
        return ""
    return table.get(code, code)
