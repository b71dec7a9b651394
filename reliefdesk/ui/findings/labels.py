"""Translated names of the comparison vocabulary: finding kinds, sources, statuses and the
actions a confirmed finding leads to (the services hand back codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# lupdate only sees literal ``QCoreApplication.translate("Context", "text")`` calls (no aliases).


def kind_labels() -> dict[str, str]:
    return {
        "death": QCoreApplication.translate("FindingLabels", "Death: stop next month, re-check"),
        "moved_out": QCoreApplication.translate("FindingLabels", "Moved away: re-check"),
        "vehicle": QCoreApplication.translate("FindingLabels", "Vehicle: asset re-check"),
        "business": QCoreApplication.translate("FindingLabels", "Business registration: re-check"),
        "property": QCoreApplication.translate("FindingLabels", "Real estate: asset re-check"),
        "public_employee": QCoreApplication.translate("FindingLabels", "Public employee: re-check"),
        "employment": QCoreApplication.translate("FindingLabels", "Employment: income re-check"),
        "pension": QCoreApplication.translate("FindingLabels", "Pension: income re-check"),
        "unemployment": QCoreApplication.translate(
            "FindingLabels", "Unemployment registration: re-check"
        ),
        "housing_fund": QCoreApplication.translate(
            "FindingLabels", "Housing fund: income re-check"
        ),
        "disability_topup": QCoreApplication.translate(
            "FindingLabels", "Disability: check top-up / tekun"
        ),
        "illness_topup": QCoreApplication.translate(
            "FindingLabels", "Serious illness: check top-up"
        ),
        "medical_discovery": QCoreApplication.translate(
            "FindingLabels", "Large medical self-pay: discovery"
        ),
        "disability_discovery": QCoreApplication.translate(
            "FindingLabels", "Severe disability, near-dibao: discovery"
        ),
        "monitoring_discovery": QCoreApplication.translate(
            "FindingLabels", "Poverty monitoring: discovery"
        ),
        "disaster_discovery": QCoreApplication.translate(
            "FindingLabels", "Disaster victim: temporary aid lead"
        ),
    }


def source_labels() -> dict[str, str]:
    return {
        "deaths": QCoreApplication.translate("FindingLabels", "Deaths"),
        "moves": QCoreApplication.translate("FindingLabels", "Household register moves"),
        "disability": QCoreApplication.translate("FindingLabels", "Disability certificates"),
        "medical": QCoreApplication.translate("FindingLabels", "Medical costs"),
        "employment": QCoreApplication.translate("FindingLabels", "Employment"),
        "pension": QCoreApplication.translate("FindingLabels", "Pensions"),
        "unemployment": QCoreApplication.translate("FindingLabels", "Unemployment"),
        "business": QCoreApplication.translate("FindingLabels", "Business registration"),
        "vehicle": QCoreApplication.translate("FindingLabels", "Vehicles"),
        "property": QCoreApplication.translate("FindingLabels", "Real estate"),
        "housing_fund": QCoreApplication.translate("FindingLabels", "Housing fund"),
        "public_employee": QCoreApplication.translate("FindingLabels", "Public employees"),
        "poverty_monitoring": QCoreApplication.translate("FindingLabels", "Poverty monitoring"),
        "disaster": QCoreApplication.translate("FindingLabels", "Disaster victims"),
    }


def status_labels() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("FindingLabels", "To check"),
        "confirmed": QCoreApplication.translate("FindingLabels", "Confirmed"),
        "unfounded": QCoreApplication.translate("FindingLabels", "Unfounded"),
        "handled": QCoreApplication.translate("FindingLabels", "Handled"),
    }


def action_labels() -> dict[str, str]:
    return {
        "death": QCoreApplication.translate(
            "FindingLabels", "Record the death (payment stops next month)"
        ),
        "recheck": QCoreApplication.translate("FindingLabels", "Start a re-check"),
        "topup": QCoreApplication.translate(
            "FindingLabels", "Start a re-check (top-up / tekun assessment)"
        ),
        "application": QCoreApplication.translate("FindingLabels", "New application (pre-filled)"),
    }


def field_labels() -> dict[str, str]:
    """The fields a department file's columns map to."""
    return {
        "name": QCoreApplication.translate("FindingLabels", "Name"),
        "id_number": QCoreApplication.translate("FindingLabels", "ID number"),
        "death_date": QCoreApplication.translate("FindingLabels", "Date of death"),
        "certificate_no": QCoreApplication.translate("FindingLabels", "Certificate no."),
        "cancel_kind": QCoreApplication.translate("FindingLabels", "Cancellation kind"),
        "reversed": QCoreApplication.translate("FindingLabels", "Reversal flag"),
        "reversed_on": QCoreApplication.translate("FindingLabels", "Reversal date"),
        "station": QCoreApplication.translate("FindingLabels", "Police station / funeral home"),
        "moved_on": QCoreApplication.translate("FindingLabels", "Moved on"),
        "destination": QCoreApplication.translate("FindingLabels", "Moved to"),
        "category": QCoreApplication.translate("FindingLabels", "Disability category"),
        "level": QCoreApplication.translate("FindingLabels", "Disability level"),
        "issued_on": QCoreApplication.translate("FindingLabels", "Issued on"),
        "self_pay": QCoreApplication.translate("FindingLabels", "Self-paid amount"),
        "total": QCoreApplication.translate("FindingLabels", "Total cost"),
        "diagnosis": QCoreApplication.translate("FindingLabels", "Diagnosis"),
        "settled_on": QCoreApplication.translate("FindingLabels", "Settled on"),
        "employer": QCoreApplication.translate("FindingLabels", "Employer"),
        "status": QCoreApplication.translate("FindingLabels", "Status"),
        "wage_base": QCoreApplication.translate("FindingLabels", "Contribution base"),
        "last_paid": QCoreApplication.translate("FindingLabels", "Last paid"),
        "kind": QCoreApplication.translate("FindingLabels", "Insurance kind"),
        "amount": QCoreApplication.translate("FindingLabels", "Amount"),
        "retired_on": QCoreApplication.translate("FindingLabels", "Retired on"),
        "registered_on": QCoreApplication.translate("FindingLabels", "Registered on"),
        "benefit": QCoreApplication.translate("FindingLabels", "Benefit"),
        "company": QCoreApplication.translate("FindingLabels", "Company"),
        "credit_code": QCoreApplication.translate("FindingLabels", "Credit code"),
        "capital": QCoreApplication.translate("FindingLabels", "Capital"),
        "founded_on": QCoreApplication.translate("FindingLabels", "Founded on"),
        "plate": QCoreApplication.translate("FindingLabels", "Plate"),
        "brand": QCoreApplication.translate("FindingLabels", "Brand"),
        "vehicle_type": QCoreApplication.translate("FindingLabels", "Vehicle type"),
        "use": QCoreApplication.translate("FindingLabels", "Use"),
        "value": QCoreApplication.translate("FindingLabels", "Value"),
        "location": QCoreApplication.translate("FindingLabels", "Location"),
        "area": QCoreApplication.translate("FindingLabels", "Floor area"),
        "monthly": QCoreApplication.translate("FindingLabels", "Monthly deposit"),
        "salary": QCoreApplication.translate("FindingLabels", "Salary"),
        "household_no": QCoreApplication.translate("FindingLabels", "Household no."),
        "type": QCoreApplication.translate("FindingLabels", "Monitoring type"),
        "risk_cleared": QCoreApplication.translate("FindingLabels", "Risk cleared"),
        "village": QCoreApplication.translate("FindingLabels", "Village"),
        "income": QCoreApplication.translate("FindingLabels", "Income"),
        "persons": QCoreApplication.translate("FindingLabels", "Persons"),
        "family_type": QCoreApplication.translate("FindingLabels", "Family type"),
    }


def label(table: dict[str, str], code: str) -> str:
    return table.get(code, code)
