"""Display names shared by every page: the programme codes the services return."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def programme_labels() -> dict[str, str]:
    """Programme code -> its name (最低生活保障 urban/rural, 特困 tekun, 临时救助)."""
    return {
        "urban_dibao": QCoreApplication.translate("Programme", "Urban dibao"),
        "rural_dibao": QCoreApplication.translate("Programme", "Rural dibao"),
        "tekun": QCoreApplication.translate("Programme", "Tekun support"),
        "temporary_aid": QCoreApplication.translate("Programme", "Temporary aid"),
    }
