"""Display text for the codes the casework services return (programme, state, action, role...).

The services hand back codes; the UI turns them into (translated) words here, so the zh_CN
catalog, not the service, decides what a clerk reads.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reliefdesk.ui.labels import programme_labels as programme_labels  # noqa: PLC0414 - one shared table, explicitly re-exported

# lupdate only sees literal ``QCoreApplication.translate("Context", "text")`` calls (no aliases).


def state_labels() -> dict[str, str]:
    return {
        "accepted": QCoreApplication.translate("CaseLabels", "Accepted"),
        "investigating": QCoreApplication.translate("CaseLabels", "Investigating"),
        "prelim_review": QCoreApplication.translate("CaseLabels", "Preliminary review"),
        "publicity": QCoreApplication.translate("CaseLabels", "In publicity"),
        "objection_review": QCoreApplication.translate("CaseLabels", "Objection review"),
        "awaiting_confirmation": QCoreApplication.translate("CaseLabels", "Awaiting confirmation"),
        "approved": QCoreApplication.translate("CaseLabels", "Approved"),
        "refused": QCoreApplication.translate("CaseLabels", "Refused"),
        "withdrawn": QCoreApplication.translate("CaseLabels", "Withdrawn"),
        "terminated": QCoreApplication.translate("CaseLabels", "Terminated"),
    }


# Display order of states on the workbench and in filters.
STATE_ORDER = (
    "accepted",
    "investigating",
    "prelim_review",
    "publicity",
    "objection_review",
    "awaiting_confirmation",
    "approved",
    "refused",
    "withdrawn",
    "terminated",
)


def action_labels() -> dict[str, str]:
    return {
        "accept": QCoreApplication.translate("CaseLabels", "Accept"),
        "self_care": QCoreApplication.translate("CaseLabels", "Self-care assessment"),
        "extend": QCoreApplication.translate("CaseLabels", "Extend time limit"),
        "start_investigation": QCoreApplication.translate("CaseLabels", "Start investigation"),
        "request_info_check": QCoreApplication.translate("CaseLabels", "Request information check"),
        "record_info_check": QCoreApplication.translate("CaseLabels", "Record check result"),
        "record_visit": QCoreApplication.translate("CaseLabels", "Record home visit"),
        "submit_prelim": QCoreApplication.translate("CaseLabels", "Submit preliminary opinion"),
        "start_publicity": QCoreApplication.translate("CaseLabels", "Start publicity"),
        "record_objection": QCoreApplication.translate("CaseLabels", "Record objection"),
        "resolve_objection": QCoreApplication.translate("CaseLabels", "Resolve objection"),
        "finish_publicity": QCoreApplication.translate("CaseLabels", "End publicity"),
        "confirm": QCoreApplication.translate("CaseLabels", "Confirm"),
        "record_notice": QCoreApplication.translate("CaseLabels", "Record written notice"),
        "complete_paperwork": QCoreApplication.translate("CaseLabels", "Complete paperwork"),
        "withdraw": QCoreApplication.translate("CaseLabels", "Withdraw"),
        "terminate_noncooperation": QCoreApplication.translate("CaseLabels", "Terminate review"),
        "record_county_approval": QCoreApplication.translate(
            "CaseLabels", "Record county approval"
        ),
        "record_case_by_case": QCoreApplication.translate(
            "CaseLabels", "Record case-by-case decision"
        ),
        "record_county_visit": QCoreApplication.translate("CaseLabels", "Record county home visit"),
        "authorise_green": QCoreApplication.translate(
            "CaseLabels", "Admit at once (green channel)"
        ),
        "stop_green": QCoreApplication.translate("CaseLabels", "Stop green-channel payment"),
    }


def role_labels() -> dict[str, str]:
    return {
        "clerk": QCoreApplication.translate("CaseLabels", "Clerk"),
        "reviewer": QCoreApplication.translate("CaseLabels", "Reviewer"),
        "approver": QCoreApplication.translate("CaseLabels", "Approver"),
        "admin": QCoreApplication.translate("CaseLabels", "Administrator"),
        "auditor": QCoreApplication.translate("CaseLabels", "Auditor"),
    }


def aid_type_labels() -> dict[str, str]:
    return {
        "emergency": QCoreApplication.translate("CaseLabels", "Emergency"),
        "expenditure": QCoreApplication.translate("CaseLabels", "Expenditure"),
    }


def aid_cause_labels() -> dict[str, str]:
    """致困原因 of temporary aid (codes of ``domain.admission.TEMP_AID_CAUSES``)."""
    return {
        "fire": QCoreApplication.translate("CaseLabels", "Fire"),
        "accident": QCoreApplication.translate("CaseLabels", "Traffic or other accident"),
        "illness": QCoreApplication.translate("CaseLabels", "Sudden serious illness"),
        "disaster": QCoreApplication.translate("CaseLabels", "Natural disaster"),
        "medical": QCoreApplication.translate("CaseLabels", "Medical costs"),
        "education": QCoreApplication.translate("CaseLabels", "Education costs"),
        "other": QCoreApplication.translate("CaseLabels", "Other"),
    }


def care_mode_labels() -> dict[str, str]:
    return {
        "dispersed": QCoreApplication.translate("CaseLabels", "Dispersed support"),
        "centralised": QCoreApplication.translate("CaseLabels", "Centralised support"),
    }


def care_tier_labels() -> dict[str, str]:
    return {
        "full": QCoreApplication.translate("CaseLabels", "Fully self-caring"),
        "partial": QCoreApplication.translate("CaseLabels", "Partly lost self-care"),
        "none": QCoreApplication.translate("CaseLabels", "Fully lost self-care"),
    }


def self_care_labels() -> dict[str, str]:
    """The six indicators of the self-care assessment, in the service's order."""
    return {
        "eating": QCoreApplication.translate("CaseLabels", "Eats unaided"),
        "dressing": QCoreApplication.translate("CaseLabels", "Dresses unaided"),
        "bed_transfer": QCoreApplication.translate("CaseLabels", "Gets in and out of bed unaided"),
        "toileting": QCoreApplication.translate("CaseLabels", "Uses the toilet unaided"),
        "indoor_walking": QCoreApplication.translate("CaseLabels", "Walks indoors unaided"),
        "bathing": QCoreApplication.translate("CaseLabels", "Bathes unaided"),
    }


def decision_labels() -> dict[str, str]:
    return {
        "approve": QCoreApplication.translate("CaseLabels", "Approve"),
        "refuse": QCoreApplication.translate("CaseLabels", "Refuse"),
        "approved": QCoreApplication.translate("CaseLabels", "Approved"),
        "refused": QCoreApplication.translate("CaseLabels", "Refused"),
        "withdrawn": QCoreApplication.translate("CaseLabels", "Withdrawn"),
        "terminated": QCoreApplication.translate("CaseLabels", "Terminated"),
        "recheck": QCoreApplication.translate("CaseLabels", "Re-investigation"),
        "county_approval": QCoreApplication.translate("CaseLabels", "County approval"),
        "case_by_case": QCoreApplication.translate("CaseLabels", "Case-by-case decision"),
        "county_visit": QCoreApplication.translate("CaseLabels", "County home visit"),
        "green_channel": QCoreApplication.translate("CaseLabels", "Green channel"),
        "democratic_review": QCoreApplication.translate("CaseLabels", "Democratic review"),
    }


def overdue_kind_labels() -> dict[str, str]:
    return {
        "step": QCoreApplication.translate("CaseLabels", "Current step"),
        "total": QCoreApplication.translate("CaseLabels", "Whole case"),
        "refusal_notice": QCoreApplication.translate("CaseLabels", "Refusal notice"),
        "paperwork": QCoreApplication.translate("CaseLabels", "Paperwork"),
    }


def area_labels() -> dict[str, str]:
    return {
        "urban": QCoreApplication.translate("CaseLabels", "Urban"),
        "rural": QCoreApplication.translate("CaseLabels", "Rural"),
    }


def relation_labels() -> dict[str, str]:
    return {
        "head": QCoreApplication.translate("CaseLabels", "Head"),
        "spouse": QCoreApplication.translate("CaseLabels", "Spouse"),
        "child": QCoreApplication.translate("CaseLabels", "Child"),
        "parent": QCoreApplication.translate("CaseLabels", "Parent"),
        "grandchild": QCoreApplication.translate("CaseLabels", "Grandchild"),
        "grandparent": QCoreApplication.translate("CaseLabels", "Grandparent"),
        "sibling": QCoreApplication.translate("CaseLabels", "Sibling"),
        "child_in_law": QCoreApplication.translate("CaseLabels", "Child-in-law"),
        "other": QCoreApplication.translate("CaseLabels", "Other"),
    }


def income_labels() -> dict[str, str]:
    return {
        "wage": QCoreApplication.translate("CaseLabels", "Wages"),
        "business": QCoreApplication.translate("CaseLabels", "Business income"),
        "property": QCoreApplication.translate("CaseLabels", "Property income"),
        "transfer_in": QCoreApplication.translate("CaseLabels", "Transfers received"),
        "transfer_out": QCoreApplication.translate("CaseLabels", "Transfers paid (deducted)"),
        "other": QCoreApplication.translate("CaseLabels", "Other income"),
        "pension_basic": QCoreApplication.translate("CaseLabels", "Basic pension (not counted)"),
        "award": QCoreApplication.translate("CaseLabels", "Allowances and awards (not counted)"),
        "assistance": QCoreApplication.translate("CaseLabels", "Social assistance (not counted)"),
    }


def asset_labels() -> dict[str, str]:
    return {
        "deposit": QCoreApplication.translate("CaseLabels", "Deposits"),
        "securities": QCoreApplication.translate("CaseLabels", "Securities"),
        "fund": QCoreApplication.translate("CaseLabels", "Funds"),
        "insurance": QCoreApplication.translate("CaseLabels", "Commercial insurance"),
        "claim": QCoreApplication.translate("CaseLabels", "Claims"),
        "internet_finance": QCoreApplication.translate("CaseLabels", "Internet finance"),
        "vehicle": QCoreApplication.translate("CaseLabels", "Vehicle"),
        "house": QCoreApplication.translate("CaseLabels", "House"),
        "timber": QCoreApplication.translate("CaseLabels", "Timber and fixtures"),
        "other": QCoreApplication.translate("CaseLabels", "Other"),
    }


def health_labels() -> dict[str, str]:
    return {
        "healthy": QCoreApplication.translate("CaseLabels", "Healthy"),
        "chronic": QCoreApplication.translate("CaseLabels", "Chronic illness"),
        "serious": QCoreApplication.translate("CaseLabels", "Serious illness"),
    }


def labour_labels() -> dict[str, str]:
    return {
        "full": QCoreApplication.translate("CaseLabels", "Able to work"),
        "partial": QCoreApplication.translate("CaseLabels", "Partly unable to work"),
        "none": QCoreApplication.translate("CaseLabels", "Unable to work"),
    }


def hukou_labels() -> dict[str, str]:
    """户籍性质 ("" = not recorded)."""
    return {
        "": QCoreApplication.translate("CaseLabels", "Not recorded"),
        "rural": QCoreApplication.translate("CaseLabels", "Agricultural"),
        "urban": QCoreApplication.translate("CaseLabels", "Non-agricultural"),
        "resident": QCoreApplication.translate("CaseLabels", "Resident"),
    }


def account_kind_labels() -> dict[str, str]:
    return {
        "bank_card": QCoreApplication.translate("CaseLabels", "Bank card"),
        "bank_book": QCoreApplication.translate("CaseLabels", "Passbook"),
        "social_security_card": QCoreApplication.translate("CaseLabels", "Social security card"),
    }


def material_labels() -> dict[str, str]:
    """申请材料 checklist items (services.materials.MATERIAL_KINDS)."""
    return {
        "application_form": QCoreApplication.translate("CaseLabels", "Written application"),
        "authorization": QCoreApplication.translate(
            "CaseLabels", "Authorisation to check finances"
        ),
        "commitment": QCoreApplication.translate("CaseLabels", "Signed commitment"),
        "id_card": QCoreApplication.translate("CaseLabels", "ID card copies"),
        "hukou_book": QCoreApplication.translate("CaseLabels", "Household register copies"),
        "other_proof": QCoreApplication.translate("CaseLabels", "Other proof"),
    }


def label(table: dict[str, str], code: str | None) -> str:
    """``table[code]``, falling back to the code itself (never raises)."""
    if code is None:
        return ""
    return table.get(code, code)
