"""The visit editor's form (split from ``editor.py`` along its seam: the editor loads, saves
and guards a visit; this module makes its input widgets and lays them out in sections: the
visit, housing and property, members and support obligors, monthly spending, opinion and
photos). ``VisitFormFields`` is mixed into ``VisitEditor``, so the widgets stay the editor's
attributes; strings keep the editor's translation context ("VisitEditor").
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.ui import forms
from reliefdesk.ui.visits.grids import _labels, grid
from reliefdesk.ui.widgets.inputs import code_combo, date_edit

translate = QCoreApplication.translate

THUMB = 96


class VisitFormFields:
    """The visit form's input widgets (``_build_fields``) and sections (``_build_sections``)."""

    def _build_fields(self) -> None:
        """Create every input widget of the form as an attribute of the editor."""
        labels = _labels()
        # basics
        self.date_edit = date_edit("visitDateEdit", date.today(), maximum=date.today())
        self.mode_combo = code_combo("visitModeCombo", labels["mode"], "onsite")
        self.investigators = grid(
            "visitInvestigatorsTable",
            [translate("VisitEditor", "Investigator"), translate("VisitEditor", "Unit")],
            3,
        )
        self.present = grid(
            "visitPresentTable",
            [
                translate("VisitEditor", "Member present"),
                translate("VisitEditor", "Relation"),
                translate("VisitEditor", "Signed"),
            ],
            3,
        )
        # housing and property
        self.housing_type = code_combo(
            "visitHousingTypeCombo", labels["housing_type"], "self_built"
        )
        self.structure = code_combo("visitStructureCombo", labels["structure"], "brick_concrete")
        self.area_spin = QDoubleSpinBox()
        self.area_spin.setObjectName("visitAreaSpin")
        self.area_spin.setRange(0, 10000)
        self.area_spin.setSuffix(" m²")
        self.decoration_edit = QLineEdit()
        self.decoration_edit.setObjectName("visitDecorationEdit")
        self.goods_edit = QLineEdit()
        self.goods_edit.setObjectName("visitGoodsEdit")
        self.vehicles_edit = QLineEdit()
        self.vehicles_edit.setObjectName("visitVehiclesEdit")
        self.livestock_edit = QLineEdit()
        self.livestock_edit.setObjectName("visitLivestockEdit")
        self.land_edit = QLineEdit()
        self.land_edit.setObjectName("visitLandEdit")
        # people
        self.members = grid(
            "visitMembersTable",
            [
                translate("VisitEditor", "Member"),
                translate("VisitEditor", "Health"),
                translate("VisitEditor", "Disability"),
                translate("VisitEditor", "Work"),
                translate("VisitEditor", "Annual income (yuan)"),
            ],
            2,
        )
        self.supporters = grid(
            "visitSupportersTable",
            [
                translate("VisitEditor", "Support obligor"),
                translate("VisitEditor", "Relation"),
                translate("VisitEditor", "Household size"),
                translate("VisitEditor", "Monthly income (yuan)"),
                translate("VisitEditor", "Address"),
            ],
            2,
        )
        # spending
        self.spending: dict[str, QLineEdit] = {}
        for key in ("utilities", "phone", "property", "medical", "education"):
            edit = QLineEdit()
            edit.setObjectName(f"visitSpending_{key}_Edit")
            edit.setPlaceholderText(translate("VisitEditor", "yuan/month"))
            self.spending[key] = edit
        # conclusion
        self.opinion_edit = QPlainTextEdit()
        self.opinion_edit.setObjectName("visitOpinionEdit")
        self.opinion_edit.setFixedHeight(80)
        self.recommendation_combo = code_combo(
            "visitRecommendationCombo", labels["recommendation"], "approve"
        )
        self.recommendation_edit = QLineEdit()
        self.recommendation_edit.setObjectName("visitRecommendationEdit")
        # photos
        self.photo_list = QListWidget()
        self.photo_list.setObjectName("visitPhotoList")
        self.photo_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(THUMB, THUMB))
        self.photo_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.photo_list.setMovement(QListWidget.Movement.Static)
        self.photo_list.setFixedHeight(THUMB + 48)
        self.add_photo_button = QPushButton(translate("VisitEditor", "Add photos..."))
        self.add_photo_button.setObjectName("visitAddPhotoButton")

    def _build_sections(self, errors: forms.FormErrors) -> QScrollArea:
        """Lay the fields out in their group boxes; ``errors`` gives the rows with an error
        label. Returns the scroll area holding the form body."""
        basics = QGroupBox(translate("VisitEditor", "Visit"))
        bl = QFormLayout(basics)
        bl.addRow(translate("VisitEditor", "Date:"), errors.row("visit_date"))
        bl.addRow(translate("VisitEditor", "Mode:"), errors.row("mode"))
        bl.addRow(
            translate("VisitEditor", "Investigators (at least 2):"), errors.row("investigators")
        )
        bl.addRow(translate("VisitEditor", "Members present:"), self.present)
        housing = QGroupBox(translate("VisitEditor", "Housing and property"))
        hl = QFormLayout(housing)
        hl.addRow(translate("VisitEditor", "Housing:"), self.housing_type)
        hl.addRow(translate("VisitEditor", "Structure:"), self.structure)
        hl.addRow(translate("VisitEditor", "Floor area:"), self.area_spin)
        hl.addRow(translate("VisitEditor", "Decoration:"), self.decoration_edit)
        hl.addRow(translate("VisitEditor", "Durable goods:"), self.goods_edit)
        hl.addRow(translate("VisitEditor", "Vehicles:"), self.vehicles_edit)
        hl.addRow(translate("VisitEditor", "Livestock:"), self.livestock_edit)
        hl.addRow(translate("VisitEditor", "Land:"), self.land_edit)
        people = QGroupBox(translate("VisitEditor", "Members and support obligors"))
        pl = QVBoxLayout(people)
        pl.addWidget(self.members)
        pl.addWidget(self.supporters)
        spending = QGroupBox(translate("VisitEditor", "Monthly spending"))
        sl = QGridLayout(spending)
        names = {
            "utilities": translate("VisitEditor", "Water, power, gas:"),
            "phone": translate("VisitEditor", "Phone:"),
            "property": translate("VisitEditor", "Property fees:"),
            "medical": translate("VisitEditor", "Medical:"),
            "education": translate("VisitEditor", "Education:"),
        }
        for i, (key, edit) in enumerate(self.spending.items()):
            sl.addWidget(QLabel(names[key]), i // 3, (i % 3) * 2)
            sl.addWidget(edit, i // 3, (i % 3) * 2 + 1)
        conclusion = QGroupBox(translate("VisitEditor", "Opinion and recommendation"))
        cl = QFormLayout(conclusion)
        cl.addRow(translate("VisitEditor", "Investigators' opinion:"), self.opinion_edit)
        rec = QHBoxLayout()
        rec.addWidget(self.recommendation_combo)
        rec.addWidget(self.recommendation_edit, 1)
        cl.addRow(translate("VisitEditor", "Recommendation:"), rec)
        photos = QGroupBox(translate("VisitEditor", "Photos"))
        phl = QHBoxLayout(photos)
        phl.addWidget(errors.row("photos"), 1)
        phl.addWidget(self.add_photo_button, 0, Qt.AlignmentFlag.AlignTop)

        body = QWidget()
        body.setObjectName("visitEditorBody")
        g = QGridLayout(body)
        g.addWidget(basics, 0, 0)
        g.addWidget(housing, 0, 1)
        g.addWidget(people, 1, 0, 1, 2)
        g.addWidget(spending, 2, 0)
        g.addWidget(conclusion, 2, 1)
        g.addWidget(photos, 3, 0, 1, 2)
        g.setColumnStretch(0, 1)
        g.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setObjectName("visitEditorScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        return scroll
