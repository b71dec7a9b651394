"""The roster page's toolbar (split from ``page.py`` along its seam): the title, the chosen
period (month, programme), the status line, the refresh button and the action buttons. The
widgets become attributes of the page; strings keep the page's translation context.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QSizePolicy

from . import fixes
from . import labels as lbl

if TYPE_CHECKING:
    from .page import RostersPage

translate = QCoreApplication.translate


def build_toolbar(page: RostersPage) -> tuple[QHBoxLayout, QHBoxLayout]:
    """Create the toolbar widgets on ``page``; returns (head row, action row)."""
    actor = page.ctx.actor
    title = QLabel(translate("RostersPage", "Payment rosters"))
    title.setObjectName("rostersTitle")
    title.setProperty("role", "pageTitle")
    page.month_edit = QDateEdit()
    page.month_edit.setObjectName("rosterMonthEdit")
    page.month_edit.setDisplayFormat("yyyy-MM")
    page.month_edit.setDate(QDate(date.today().year, date.today().month, 1))
    page.month_edit.setMinimumWidth(104)
    page.programme_combo = QComboBox()
    page.programme_combo.setObjectName("rosterProgrammeCombo")
    programmes = lbl.programme_labels()
    for code in lbl.PROGRAMME_CODES:
        page.programme_combo.addItem(programmes[code], code)
    month_label = QLabel(translate("RostersPage", "&Month"))
    month_label.setBuddy(page.month_edit)
    programme_label = QLabel(translate("RostersPage", "&Programme"))
    programme_label.setBuddy(page.programme_combo)
    page.status_label = QLabel()
    page.status_label.setObjectName("rosterStatusLabel")
    page.status_label.setProperty("role", "hint")
    page.status_label.setWordWrap(True)
    page.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    page.refresh_button = QPushButton(translate("RostersPage", "Refresh"))
    page.refresh_button.setObjectName("rosterRefreshButton")
    page.refresh_button.setShortcut("F5")
    page.refresh_button.setToolTip(
        translate("RostersPage", "Reload the roster and the history (F5)")
    )
    page.refresh_button.clicked.connect(page.refresh)
    # 乡镇: a county user picks the township whose roster to generate, review and export
    # (全县: one county roster, where the county pays centrally); a township user works on
    # their own township's rosters only and gets no selector
    page.township_combo = None
    township_label = None
    if actor.township_id is None:
        combo = QComboBox()
        combo.setObjectName("rosterTownshipCombo")
        combo.setMinimumWidth(150)
        combo.addItem(translate("RostersPage", "Whole county"), None)
        combo.setToolTip(
            translate(
                "RostersPage",
                "Whose roster: a township's, or one roster for the whole county "
                "where the county pays centrally",
            )
        )
        page.township_combo = combo
        township_label = QLabel(translate("RostersPage", "&Township"))
        township_label.setBuddy(combo)
    head = QHBoxLayout()
    head.addWidget(title)
    head.addSpacing(16)
    if page.township_combo is not None and township_label is not None:
        head.addWidget(township_label)
        head.addWidget(page.township_combo)
    head.addWidget(month_label)
    head.addWidget(page.month_edit)
    head.addWidget(programme_label)
    head.addWidget(page.programme_combo)
    head.addSpacing(8)
    head.addWidget(page.status_label, 1)
    head.addWidget(page.refresh_button)

    def button(name: str, text: str, slot: object, primary: bool = False) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        if primary:
            b.setProperty("role", "primary")
        b.clicked.connect(slot)
        return b

    page.generate_button = button(
        "rosterGenerateButton", translate("RostersPage", "Generate"), page.generate, primary=True
    )
    page.validate_button = button(
        "rosterValidateButton", translate("RostersPage", "Validate"), page.validate
    )
    page.discard_button = button(
        "rosterDiscardButton",
        translate("RostersPage", "Discard draft..."),
        lambda: fixes.confirm_discard(page),
    )
    page.lock_button = button(
        "rosterLockButton", translate("RostersPage", "Lock"), page._on_lock_clicked
    )
    page.unlock_button = button(
        "rosterUnlockButton", translate("RostersPage", "Unlock..."), page._on_unlock_clicked
    )
    page.unlock_button.setVisible(actor.can("roster.unlock"))
    page.export_button = button(
        "rosterExportButton", translate("RostersPage", "Export..."), page._on_export_clicked
    )
    page.import_button = button(
        "rosterImportButton",
        translate("RostersPage", "Import bank return..."),
        page._on_import_clicked,
    )
    page.print_button = button(
        "rosterPrintButton", translate("RostersPage", "Print roster"), page._on_print_clicked
    )
    page.print_changes_button = button(
        "rosterPrintChangesButton",
        translate("RostersPage", "Print change roster"),
        page._on_print_changes_clicked,
    )
    page.review_button = button(
        "rosterCountyReviewButton",
        translate("RostersPage", "County review..."),
        page._on_review_clicked,
    )
    page.review_button.setVisible(actor.township_id is None and actor.can("roster.county_review"))
    actions = QHBoxLayout()
    for b in (
        page.generate_button,
        page.validate_button,
        page.discard_button,
        page.lock_button,
        page.unlock_button,
        page.review_button,
        page.export_button,
        page.import_button,
    ):
        actions.addWidget(b)
    actions.addStretch(1)
    actions.addWidget(page.print_button)
    actions.addWidget(page.print_changes_button)

    return head, actions
