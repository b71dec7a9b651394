"""The 入户调查 editor (DOMAIN §2.9): date and mode, at least two investigators, members present,
housing, durable goods, vehicles, livestock, land, per-member health/work/income, support
obligors, monthly spending, the opinion and recommendation, and photos kept with the record.

Saving goes through ``services.visits.save_visit`` off the GUI thread; a refusal (e.g. fewer
than two investigators) is shown next to its field and nothing typed is lost. A saved visit
prints as the 入户调查表 (打印调查表, Ctrl+P). The choices use the codes of
``services.visits`` (HOUSING_TYPES, STRUCTURES, RECOMMENDATIONS, SPENDING_ITEMS), so the form
prints the same words. Unsaved changes show in the title (*) and leaving asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError, StaleDataError
from reliefdesk.services import casework, register, visits
from reliefdesk.services.visits import VisitInput, VisitView
from reliefdesk.ui import forms, printing
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import MutationOp, QueryOp
from reliefdesk.ui.visits.form import THUMB, VisitFormFields
from reliefdesk.ui.visits.grids import _labels, fill_grid, grid_rows
from reliefdesk.ui.widgets.inputs import (
    set_combo_code,
    to_date,
    to_qdate,
)

__all__ = ["VisitEditor", "_labels"]

T = TypeVar("T")


class VisitEditor(VisitFormFields, QWidget):
    """Edit one visit. ``new_for_application(app_id)`` or ``load(visit_id)``; ``save()``.

    Signals:
        saved(VisitView): the service stored the visit.
        closeRequested: back to the list.
    """

    saved = Signal(object)
    closeRequested = Signal()
    modifiedChanged = Signal(bool)

    INVESTIGATOR_KEYS: ClassVar[list[str]] = ["name", "unit"]
    PRESENT_KEYS: ClassVar[list[str]] = ["name", "relation", "signed"]
    MEMBER_KEYS: ClassVar[list[str]] = ["name", "health", "disability", "work", "annual_income"]
    SUPPORTER_KEYS: ClassVar[list[str]] = [
        "name",
        "relation",
        "household_size",
        "monthly_income",
        "address",
    ]

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitEditor")
        self.ctx = ctx
        self.visit: VisitView | None = None
        self.household_id: int | None = None
        self.application_id: int | None = None
        self.new_photos: list[str] = []
        self._busy = 0
        self._after_save: Callable[[], object] | None = None

        self.title_label = QLabel(self.tr("Home visit"))
        self.title_label.setObjectName("visitTitleLabel")
        self.title_label.setProperty("role", "pageTitle")
        self.context_label = QLabel()
        self.context_label.setObjectName("visitContextLabel")
        self.context_label.setProperty("role", "hint")
        self.back_button = QPushButton(self.tr("< Back to list"))
        self.back_button.setObjectName("visitBackButton")
        self.back_button.clicked.connect(self.request_close)
        self.unsaved_label = QLabel(self.tr("Unsaved changes"))
        self.unsaved_label.setObjectName("visitUnsavedLabel")
        self.unsaved_label.setProperty("role", "error")
        self.unsaved_label.setVisible(False)
        self.unsaved_box: QMessageBox | None = None
        self._modified = False
        self._filling = 0
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("visitSaveButton")
        self.save_button.setProperty("role", "primary")
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("Print survey form"))
        self.print_button.setObjectName("visitPrintButton")
        self.print_button.clicked.connect(self.print_visit)
        # Ctrl+P: the 调查表 (only while the editor is shown; the preview has its own Ctrl+P)
        self.print_shortcut = QShortcut(QKeySequence.StandardKey.Print, self)
        self.print_shortcut.activated.connect(self.print_visit)

        self._build_fields()
        self.add_photo_button.clicked.connect(self._on_add_photo_button_clicked)

        self.errors = forms.FormErrors(
            {
                "visit_date": self.date_edit,
                "mode": self.mode_combo,
                "investigators": self.investigators,
                "photos": self.photo_list,
                "application_id": self.context_label,
            },
            general=forms.make_error_label("visitGeneralError", word_wrap=True),
        )

        for name in ("investigators", "photos"):
            self.errors.error_label(name).setWordWrap(True)
        scroll = self._build_sections(self.errors)

        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addSpacing(10)
        head.addWidget(self.title_label)
        head.addSpacing(10)
        head.addWidget(self.errors.row("application_id"), 1)
        head.addWidget(self.unsaved_label)
        head.addWidget(self.print_button)
        head.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.addLayout(head)
        layout.addWidget(self.errors.general_label())
        layout.addWidget(scroll, 1)
        self._update_print_button()
        self._watch_changes()

    # -- unsaved changes -----------------------------------------------------------------------
    def _watch_changes(self) -> None:
        """Any edit marks the visit modified (loading and saving clear it)."""
        for t in (self.investigators, self.present, self.members, self.supporters):
            t.itemChanged.connect(self._on_edited)
        for e in (
            self.decoration_edit,
            self.goods_edit,
            self.vehicles_edit,
            self.livestock_edit,
            self.land_edit,
            self.recommendation_edit,
            *self.spending.values(),
        ):
            e.textEdited.connect(self._on_edited)
        self.opinion_edit.textChanged.connect(self._on_edited)
        for c in (self.mode_combo, self.housing_type, self.structure, self.recommendation_combo):
            c.activated.connect(self._on_edited)
        self.area_spin.valueChanged.connect(self._on_edited)
        self.date_edit.dateChanged.connect(self._on_edited)

    @Slot()
    def _on_edited(self, *_args: object) -> None:
        if not self._filling and self.household_id is not None:
            self.set_modified(True)

    def set_modified(self, modified: bool) -> None:
        if modified != self._modified:
            self._modified = modified
            self.unsaved_label.setVisible(modified)
            text = self.title_label.text().removesuffix(" *")
            self.title_label.setText(text + " *" if modified else text)
            self.modifiedChanged.emit(modified)

    def has_unsaved(self) -> bool:
        return self._modified or bool(self.new_photos)

    @Slot()
    def request_close(self) -> None:
        """Back to the list; with unsaved changes ask 保存 / 不保存 / 取消 first."""
        self.ask_unsaved(self.closeRequested.emit)

    def ask_unsaved(self, then: Callable[[], object]) -> None:
        """Run ``then()`` now if nothing is unsaved; otherwise ask: 保存 saves and runs it
        once saved, 不保存 drops the changes and runs it, 取消 stays."""
        if not self.has_unsaved():
            then()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved home visit"),
            self.tr("The home visit has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("visitUnsavedBox")
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("Save"))
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Don't save"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            self.unsaved_box = None
            if result == QMessageBox.StandardButton.Save:
                self._after_save = then
                self.save()
            elif result == QMessageBox.StandardButton.Discard:
                self.discard()
                then()

        box.finished.connect(finished)
        self.unsaved_box = box
        box.open()

    def discard(self) -> None:
        """Forget the unsaved changes (不保存)."""
        self.new_photos = []
        self.set_modified(False)

    # -- state -------------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return self._busy > 0

    def _run(
        self,
        op: Callable[[], T],
        success: Callable[[T], object],
        failure: Callable[[ReliefError], object] | None = None,
        progress: str | None = None,
        *,
        write: bool = False,
    ) -> None:
        self._busy += 1

        def done() -> None:
            self._busy -= 1

        q = (MutationOp if write else QueryOp)(parent=self, op=op, success=success).always(done)
        if failure is not None:
            q = q.failure(failure)
        if progress is not None:
            q = q.with_progress(progress)
        q.run_in_background()

    def clear(self) -> None:
        self._filling += 1
        try:
            self._clear()
        finally:
            self._filling -= 1
        self.set_modified(False)

    def _clear(self) -> None:
        self.errors.clear()
        self.visit = None
        self._update_print_button()
        self.new_photos = []
        self.photo_list.clear()
        self.date_edit.setDate(to_qdate(date.today()))
        set_combo_code(self.mode_combo, "onsite")
        for t, keys, n in (
            (self.investigators, self.INVESTIGATOR_KEYS, 3),
            (self.present, self.PRESENT_KEYS, 3),
            (self.members, self.MEMBER_KEYS, 2),
            (self.supporters, self.SUPPORTER_KEYS, 2),
        ):
            fill_grid(t, keys, [], n)
        self.area_spin.setValue(0)
        for edit in (
            self.decoration_edit,
            self.goods_edit,
            self.vehicles_edit,
            self.livestock_edit,
            self.land_edit,
            self.recommendation_edit,
            *self.spending.values(),
        ):
            edit.clear()
        self.opinion_edit.clear()

    def new_for_application(self, application_id: int) -> None:
        """Start a new visit for an application; members come from its household."""
        self.clear()
        self.application_id = application_id
        db, actor = self.ctx.db, self.ctx.actor

        def op() -> tuple[Any, Any]:
            app = casework.get_application(db, actor, application_id)
            return app, register.get_household(db, actor, app.household_id)

        self._run(op, self._on_new_loaded, progress=self.tr("Loading..."))

    def _on_new_loaded(self, result: tuple[Any, register.HouseholdDetail]) -> None:
        self._filling += 1
        try:
            self._fill_new(result)
        finally:
            self._filling -= 1

    def _fill_new(self, result: tuple[Any, register.HouseholdDetail]) -> None:
        app, detail = result
        self.household_id = app.household_id
        self.title_label.setText(self.tr("New home visit"))
        self.context_label.setText(
            self.tr("{file} {name}, household no. {hh}").format(
                file=app.file_no, name=app.applicant_name, hh=app.household_id
            )
        )
        living = [p for p in detail.members if p.deceased_on is None]
        relations = register.RELATION_LABELS
        fill_grid(
            self.present,
            self.PRESENT_KEYS,
            [{"name": p.name, "relation": relations.get(p.relation, p.relation)} for p in living],
            3,
        )
        health = register.HEALTH
        fill_grid(
            self.members,
            self.MEMBER_KEYS,
            [
                {
                    "name": p.name,
                    "health": health.get(p.health, p.health),
                    "disability": f"{p.disability_category}{p.disability_level}级"
                    if p.disability_category
                    else "",
                    "work": p.employment,
                }
                for p in living
            ],
            2,
        )
        self.investigators.setFocus()

    def load(self, visit_id: int) -> None:
        """Open an existing visit, with thumbnails of its photos."""
        self.clear()
        db, actor = self.ctx.db, self.ctx.actor

        def op() -> tuple[VisitView, list[tuple[int, str, bytes]]]:
            v = visits.get_visit(db, actor, visit_id)
            photos = []
            for p in v.photos:
                name, _mime, data = visits.get_photo(db, actor, p.id)
                photos.append((p.id, name, data))
            return v, photos

        self._run(op, self._on_loaded, progress=self.tr("Loading..."))

    def _on_loaded(self, result: tuple[VisitView, list[tuple[int, str, bytes]]]) -> None:
        self._filling += 1
        try:
            self._fill(result)
        finally:
            self._filling -= 1
        self.set_modified(False)

    def _fill(self, result: tuple[VisitView, list[tuple[int, str, bytes]]]) -> None:
        v, photos = result
        self.visit = v
        self._update_print_button()
        self.household_id, self.application_id = v.household_id, v.application_id
        self.title_label.setText(self.tr("Home visit no. {id}").format(id=v.id))
        self.context_label.setText(
            self.tr("{file} {name}, household no. {hh}").format(
                file=v.file_no, name=v.applicant_name, hh=v.household_id
            )
        )
        self.date_edit.setDate(to_qdate(v.visit_date))
        set_combo_code(self.mode_combo, v.mode)
        fill_grid(self.investigators, self.INVESTIGATOR_KEYS, list(v.investigators), 3)
        fill_grid(self.present, self.PRESENT_KEYS, list(v.members_present), 3)
        set_combo_code(self.housing_type, v.housing.get("type"))
        set_combo_code(self.structure, v.housing.get("structure"))
        self.area_spin.setValue(float(v.housing.get("area_m2") or 0))
        self.decoration_edit.setText(str(v.housing.get("decoration", "")))
        self.goods_edit.setText(v.durable_goods)
        self.vehicles_edit.setText(v.vehicles)
        self.livestock_edit.setText(v.livestock)
        self.land_edit.setText(v.land)
        fill_grid(self.members, self.MEMBER_KEYS, list(v.member_details), 2)
        fill_grid(self.supporters, self.SUPPORTER_KEYS, list(v.supporters), 2)
        for key, edit in self.spending.items():
            edit.setText(str(v.spending.get(key, "")))
        self.opinion_edit.setPlainText(v.opinion)
        code, _sep, text = v.recommendation.partition("|")
        if self.recommendation_combo.findData(code) >= 0:
            set_combo_code(self.recommendation_combo, code)
            self.recommendation_edit.setText(text)
        else:
            self.recommendation_edit.setText(v.recommendation)
        for _pid, name, data in photos:
            self._add_thumbnail(name, QImage.fromData(data), stored=True)

    # -- printing ----------------------------------------------------------------------------
    def _update_print_button(self) -> None:
        if not self.ctx.actor.can("print"):
            self.print_button.setEnabled(False)
            self.print_button.setToolTip(self.tr("Your role cannot print."))
        elif self.visit is None:
            self.print_button.setEnabled(False)
            self.print_button.setToolTip(
                self.tr("Save the visit first: the survey form prints the saved record.")
            )
        else:
            self.print_button.setEnabled(True)
            self.print_button.setToolTip(
                self.tr("The household economic survey form of this visit as saved (Ctrl+P)")
            )

    @Slot()
    def print_visit(self) -> None:
        """打印调查表 (Ctrl+P): the 入户调查表 of the saved visit."""
        if self.visit is not None and self.print_button.isEnabled():
            printing.preview_visit(self.ctx, self, self.visit.id)

    # -- photos ------------------------------------------------------------------------------
    @Slot()
    def _on_add_photo_button_clicked(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Images (*.jpg *.jpeg *.png *.bmp)")
        )
        self.add_photos(files)

    def add_photos(self, files: list[str]) -> None:
        """Attach image files (kept with the record when it is saved)."""
        for f in files:
            image = QImage(f)
            self.new_photos.append(f)
            self._add_thumbnail(Path(f).name, image, stored=False)
        if files:
            self.set_modified(True)

    def _add_thumbnail(self, name: str, image: QImage, *, stored: bool) -> None:
        item = QListWidgetItem(name if stored else self.tr("{name} (new)").format(name=name))
        if not image.isNull():
            thumb = image.scaled(
                THUMB,
                THUMB,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            item.setIcon(QIcon(QPixmap.fromImage(thumb)))
        item.setToolTip(name)
        self.photo_list.addItem(item)

    # -- save --------------------------------------------------------------------------------
    def collect(self) -> VisitInput:
        """The form as the service's input."""
        present = grid_rows(self.present, self.PRESENT_KEYS)
        code = self.recommendation_combo.currentData()
        text = self.recommendation_edit.text().strip()
        return VisitInput(
            household_id=int(self.household_id or 0),
            visit_date=to_date(self.date_edit.date()),
            investigators=grid_rows(self.investigators, self.INVESTIGATOR_KEYS),
            mode=str(self.mode_combo.currentData()),
            application_id=self.application_id,
            members_present=present,
            housing={
                "type": self.housing_type.currentData(),
                "structure": self.structure.currentData(),
                "area_m2": round(self.area_spin.value(), 1),
                "decoration": self.decoration_edit.text().strip(),
            },
            durable_goods=self.goods_edit.text().strip(),
            vehicles=self.vehicles_edit.text().strip(),
            livestock=self.livestock_edit.text().strip(),
            land=self.land_edit.text().strip(),
            member_details=grid_rows(self.members, self.MEMBER_KEYS),
            supporters=grid_rows(self.supporters, self.SUPPORTER_KEYS),
            spending={k: e.text().strip() for k, e in self.spending.items() if e.text().strip()},
            opinion=self.opinion_edit.toPlainText().strip(),
            recommendation=f"{code}|{text}" if text else str(code),
            photos=tuple(self.new_photos),
            id=self.visit.id if self.visit else None,
            expected_version=self.visit.version if self.visit else None,
        )

    @Slot()
    def save(self) -> None:
        """Save the visit (Ctrl+S); errors appear next to their field."""
        if self.is_busy() or self.household_id is None:
            return
        self.errors.clear()
        for t in (self.investigators, self.present, self.members, self.supporters):
            t.setCurrentCell(-1, -1)  # commit an open cell editor
        data = self.collect()
        db, actor = self.ctx.db, self.ctx.actor
        self.save_button.setEnabled(False)
        self._run(
            lambda: visits.save_visit(db, actor, data),
            self._on_saved,
            self._on_failed,
            progress=self.tr("Saving the visit..."),
            write=True,
        )

    def _on_saved(self, view: VisitView) -> None:
        self.save_button.setEnabled(True)
        self.visit = view
        self.new_photos = []
        self._update_print_button()
        self.title_label.setText(self.tr("Home visit no. {id}").format(id=view.id))
        self.set_modified(False)
        then, self._after_save = self._after_save, None
        if then is not None:
            then()
        self.saved.emit(view)

    def _on_failed(self, error: ReliefError) -> None:
        self.save_button.setEnabled(True)
        self._after_save = None  # stay: the clerk sees what to fix
        if isinstance(error, StaleDataError):
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Changed by someone else"),
                str(error),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("visitStaleBox")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return
        self.errors.show_error(error)
