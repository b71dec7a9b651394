"""The members page of the new-application wizard.

Existing members are listed read-only; new ones are added with live ID validation (birth date
and sex derived from the number) and checked against the register at once, so a duplicate ID
is caught here and not after the last page. Labour capacity, schooling and employment default
from the age the ID number gives (:func:`reliefdesk.domain.persons.defaults_for_age`); 民族 and
户籍性质 are asked. Every new member can be edited and removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWizardPage,
)

from reliefdesk.domain.idnumber import age_on, parse_id
from reliefdesk.domain.masking import mask_id
from reliefdesk.domain.persons import defaults_for_age
from reliefdesk.errors import ReliefError
from reliefdesk.services import register
from reliefdesk.services.intake import MemberRef
from reliefdesk.ui import forms
from reliefdesk.ui.applications.wizard_pages import RowActions, fill_row, table
from reliefdesk.ui.labels import casework as lbl
from reliefdesk.ui.ops import QueryOp
from reliefdesk.ui.widgets.inputs import code_combo, set_combo_code

if TYPE_CHECKING:
    from reliefdesk.ui.applications.wizard import NewApplicationWizard

SCHOOLING = (
    "",
    "学龄前",
    "小学在读",
    "初中在读",
    "高中在读",
    "中职在读",
    "大学在读",
    "文盲",
    "小学",
    "初中",
    "高中",
    "中专",
    "大专",
    "本科及以上",
)
EMPLOYMENT = ("", "在校", "务农", "务工", "灵活就业", "临时工", "个体经营", "失业", "退休", "无")


@dataclass(frozen=True)
class MemberRow:
    """A member as listed on the members page."""

    ref: MemberRef
    name: str
    id_text: str
    relation: str
    birth: str
    sex: str
    health: str
    counted: bool = True
    labour: str = ""


def _text_combo(name: str, values: tuple[str, ...]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.addItems(list(values))
    return combo


class MembersPage(QWizardPage):
    """The household members: existing ones (read-only) and new ones."""

    def __init__(self, wizard: NewApplicationWizard) -> None:
        super().__init__()
        self.setObjectName("wizardMembersPage")
        self.w = wizard
        self.setTitle(self.tr("Members"))
        self.setSubTitle(
            self.tr(
                "Everyone living in the household. The first new member of a "
                "new household is its head."
            )
        )
        self.new_members: list[register.PersonInput] = []
        self.editing: int | None = None  # index in new_members being edited
        self._checking = False

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("memberNameEdit")
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("memberIdEdit")
        self.id_edit.setMaxLength(20)
        self.id_edit.textChanged.connect(self._on_id_edit_text_changed)
        self.id_info = QLabel()
        self.id_info.setObjectName("memberIdInfoLabel")
        self.id_info.setProperty("role", "hint")
        self.id_info.setWordWrap(True)
        self.relation_combo = code_combo("memberRelationCombo", lbl.relation_labels(), "head")
        self.health_combo = code_combo("memberHealthCombo", lbl.health_labels(), "healthy")
        self.disability_combo = QComboBox()
        self.disability_combo.setObjectName("memberDisabilityCombo")
        self.disability_combo.addItem(self.tr("None"), None)
        for cat in register.DISABILITY_CATEGORIES:
            self.disability_combo.addItem(cat, cat)
        self.disability_level = QSpinBox()
        self.disability_level.setObjectName("memberDisabilityLevelSpin")
        self.disability_level.setRange(1, 4)
        self.ethnicity_combo = QComboBox()
        self.ethnicity_combo.setObjectName("memberEthnicityCombo")
        self.ethnicity_combo.addItem(self.tr("Not recorded"), "")
        for e in register.ETHNICITIES:
            self.ethnicity_combo.addItem(e, e)
        self.ethnicity_combo.setCurrentIndex(1)  # 汉族, the usual answer; asked, not assumed
        self.hukou_combo = code_combo("memberHukouCombo", lbl.hukou_labels(), "")
        self.labour_combo = code_combo("memberLabourCombo", lbl.labour_labels(), "full")
        self.schooling_combo = _text_combo("memberSchoolingCombo", SCHOOLING)
        self.employment_combo = _text_combo("memberEmploymentCombo", EMPLOYMENT)
        self.add_button = QPushButton(self.tr("Add member"))
        self.add_button.setObjectName("memberAddButton")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.errors = forms.FormErrors(
            {
                "name": self.name_edit,
                "id_number": self.id_edit,
                "relation": self.relation_combo,
                "health": self.health_combo,
                "disability_category": self.disability_combo,
                "ethnicity": self.ethnicity_combo,
                "hukou_type": self.hukou_combo,
                "labour_capacity": self.labour_combo,
            },
            general=forms.make_error_label("membersGeneralError", word_wrap=True),
        )
        self.errors.error_label("id_number").setWordWrap(True)

        self.members_table = table(
            "membersTable",
            [
                self.tr("Name"),
                self.tr("ID number"),
                self.tr("Relation"),
                self.tr("Birth date"),
                self.tr("Sex"),
                self.tr("Health"),
                self.tr("Labour capacity"),
                self.tr("Status"),
            ],
        )
        self.row_actions = RowActions(self.members_table, "member", self.edit_row, self.remove_row)
        self.remove_button = self.row_actions.remove_button

        g = QGridLayout()
        g.addWidget(QLabel(self.tr("Name:")), 0, 0)
        g.addWidget(self.errors.row("name"), 0, 1)
        g.addWidget(QLabel(self.tr("ID number:")), 0, 2)
        g.addWidget(self.errors.row("id_number"), 0, 3)
        g.addWidget(self.id_info, 1, 3)
        g.addWidget(QLabel(self.tr("Relation to head:")), 2, 0)
        g.addWidget(self.errors.row("relation"), 2, 1)
        g.addWidget(QLabel(self.tr("Health:")), 2, 2)
        g.addWidget(self.errors.row("health"), 2, 3)
        g.addWidget(QLabel(self.tr("Disability:")), 3, 0)
        dis = QHBoxLayout()
        dis.addWidget(self.errors.row("disability_category"), 1)
        dis.addWidget(QLabel(self.tr("Level:")))
        dis.addWidget(self.disability_level)
        g.addLayout(dis, 3, 1)
        g.addWidget(QLabel(self.tr("Labour capacity:")), 3, 2)
        g.addWidget(self.errors.row("labour_capacity"), 3, 3)
        g.addWidget(QLabel(self.tr("Ethnicity:")), 4, 0)
        g.addWidget(self.errors.row("ethnicity"), 4, 1)
        g.addWidget(QLabel(self.tr("Hukou type:")), 4, 2)
        g.addWidget(self.errors.row("hukou_type"), 4, 3)
        g.addWidget(QLabel(self.tr("Schooling:")), 5, 0)
        g.addWidget(self.schooling_combo, 5, 1)
        g.addWidget(QLabel(self.tr("Employment:")), 5, 2)
        g.addWidget(self.employment_combo, 5, 3)
        g.setColumnStretch(1, 1)
        g.setColumnStretch(3, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.row_actions)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.addLayout(g)
        layout.addLayout(buttons)
        layout.addWidget(self.errors.general_label())
        layout.addWidget(self.members_table, 1)

    def initializePage(self) -> None:
        self.w.set_step_title(self)
        if self.w.existing is not None and not self.new_members:
            self.relation_combo.setCurrentIndex(max(1, self.relation_combo.currentIndex()))
        self._refresh_table()

    def rows(self) -> list[MemberRow]:
        out: list[MemberRow] = []
        relations, health, labour = lbl.relation_labels(), lbl.health_labels(), lbl.labour_labels()
        if self.w.existing is not None:
            for p in self.w.existing.members:
                if p.deceased_on is not None:
                    continue
                out.append(
                    MemberRow(
                        MemberRef(person_id=p.id),
                        p.name,
                        p.id_number,
                        lbl.label(relations, p.relation),
                        p.birth_date.isoformat(),
                        self._sex(p.sex),
                        lbl.label(health, p.health),
                        p.counted,
                        lbl.label(labour, p.labour_capacity),
                    )
                )
        for i, m in enumerate(self.new_members):
            info = parse_id(m.id_number)
            out.append(
                MemberRow(
                    MemberRef(new_index=i),
                    m.name,
                    mask_id(info.number),
                    lbl.label(relations, m.relation),
                    info.birth_date.isoformat(),
                    self._sex(info.sex),
                    lbl.label(health, m.health),
                    True,
                    lbl.label(labour, m.labour_capacity),
                )
            )
        return out

    def has_input(self) -> bool:
        return bool(
            self.new_members or self.name_edit.text().strip() or self.id_edit.text().strip()
        )

    def _sex(self, code: str) -> str:
        return self.tr("Male") if code == "M" else self.tr("Female")

    def _refresh_table(self) -> None:
        rows = self.rows()
        self.members_table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            status = self.tr("New") if r.ref.new_index is not None else self.tr("On file")
            fill_row(
                self.members_table,
                i,
                [r.name, r.id_text, r.relation, r.birth, r.sex, r.health, r.labour, status],
            )
        self.completeChanged.emit()
        self.w.mark_modified()

    @Slot(str)
    def _on_id_edit_text_changed(self, text: str) -> None:
        text = text.strip()
        if len(text) < 15:
            self.id_info.setText(
                self.tr("{n} characters typed").format(n=len(text)) if text else ""
            )
            self.id_info.setProperty("role", "hint")
        else:
            try:
                info = parse_id(text)
            except ReliefError as exc:
                self.id_info.setText(str(exc))
                self.id_info.setProperty("role", "error")
            else:
                age = age_on(info.birth_date, date.today())
                self.id_info.setText(
                    self.tr("Born {birth}, {sex}, {age} years old").format(
                        birth=info.birth_date.isoformat(), sex=self._sex(info.sex), age=age
                    )
                )
                self.id_info.setProperty("role", "hint")
                if self.editing is None:
                    self.apply_age_defaults(age)
        self.id_info.style().unpolish(self.id_info)
        self.id_info.style().polish(self.id_info)

    def apply_age_defaults(self, age: int) -> None:
        """Labour capacity, schooling and employment a clerk would usually enter at ``age``."""
        d = defaults_for_age(age)
        set_combo_code(self.labour_combo, d.labour_capacity)
        self.schooling_combo.setCurrentText(d.schooling)
        self.employment_combo.setCurrentText(d.employment)

    def _person(self) -> register.PersonInput | None:
        """The form as a PersonInput, or None after showing what is wrong."""
        self.errors.clear()
        name = " ".join(self.name_edit.text().split())
        if not name:
            self.errors.set_field_error("name", self.tr("Please enter the name."))
            return None
        try:
            info = parse_id(self.id_edit.text())
        except ReliefError as exc:
            self.errors.set_field_error("id_number", str(exc))
            return None
        known = {
            parse_id(m.id_number).number
            for i, m in enumerate(self.new_members)
            if i != self.editing
        }
        if info.number in known:
            self.errors.set_field_error(
                "id_number", self.tr("This ID number is already in the list.")
            )
            return None
        category = self.disability_combo.currentData()
        return register.PersonInput(
            name=name,
            id_number=info.number,
            relation=str(self.relation_combo.currentData()),
            health=str(self.health_combo.currentData()),
            disability_category=category,
            disability_level=self.disability_level.value() if category else None,
            labour_capacity=str(self.labour_combo.currentData()),
            schooling=self.schooling_combo.currentText().strip(),
            employment=self.employment_combo.currentText().strip(),
            ethnicity=str(self.ethnicity_combo.currentData() or ""),
            hukou_type=str(self.hukou_combo.currentData() or ""),
        )

    @Slot()
    def _on_add_button_clicked(self) -> None:
        person = self._person()
        if person is None or self._checking:
            return
        db, actor = self.w.ctx.db, self.w.ctx.actor
        self._checking = True
        self.add_button.setEnabled(False)

        def done() -> None:
            self._checking = False
            self.add_button.setEnabled(True)

        QueryOp(
            parent=self,
            op=lambda: register.check_new_id_number(db, actor, person.id_number),
            success=lambda _r: self._add(person),
        ).failure(self.errors.show_error).always(done).run_in_background()

    def _add(self, person: register.PersonInput) -> None:
        if self.editing is not None and self.editing < len(self.new_members):
            self.new_members[self.editing] = person
        else:
            self.new_members.append(person)
        self.editing = None
        self.add_button.setText(self.tr("Add member"))
        self.name_edit.clear()
        self.id_edit.clear()
        self.disability_combo.setCurrentIndex(0)
        relation = person.relation
        if relation == "head":
            set_combo_code(self.relation_combo, "spouse")
        elif relation == "spouse":  # one spouse: the next member is most likely a child
            set_combo_code(self.relation_combo, "child")
        self.name_edit.setFocus()
        self._refresh_table()

    def _new_index(self, row: int) -> int | None:
        rows = self.rows()
        if not 0 <= row < len(rows):
            return None
        if rows[row].ref.new_index is None:
            self.errors.general_label().setText(
                self.tr("Members on file are changed on the household page.")
            )
            self.errors.general_label().setVisible(True)
            return None
        return rows[row].ref.new_index

    def edit_row(self, row: int) -> None:
        """Load a new member back into the form; Add saves the change."""
        index = self._new_index(row)
        if index is None:
            return
        m = self.new_members[index]
        self.editing = index
        self.name_edit.setText(m.name)
        self.id_edit.setText(m.id_number)
        set_combo_code(self.relation_combo, m.relation)
        set_combo_code(self.health_combo, m.health)
        set_combo_code(self.disability_combo, m.disability_category)
        if m.disability_level:
            self.disability_level.setValue(m.disability_level)
        set_combo_code(self.labour_combo, m.labour_capacity)
        self.schooling_combo.setCurrentText(m.schooling)
        self.employment_combo.setCurrentText(m.employment)
        set_combo_code(self.ethnicity_combo, m.ethnicity)
        set_combo_code(self.hukou_combo, m.hukou_type)
        self.add_button.setText(self.tr("Save member"))
        self.name_edit.setFocus()

    def remove_row(self, row: int) -> None:
        index = self._new_index(row)
        if index is None:
            return
        del self.new_members[index]
        if self.editing == index:
            self.editing = None
            self.add_button.setText(self.tr("Add member"))
        self.w.forget_member(index)
        self._refresh_table()

    def show_member_error(self, error: ReliefError) -> None:
        index = error.params.get("member_index")
        if isinstance(index, int):
            offset = len(self.rows()) - len(self.new_members)
            self.members_table.selectRow(offset + index)
            name = self.new_members[index].name if index < len(self.new_members) else ""
            self.errors.general_label().setText(f"{name}：{error}")
        else:
            self.errors.general_label().setText(str(error))
        self.errors.general_label().setVisible(True)

    def isComplete(self) -> bool:
        return bool(self.rows())


__all__ = ["MemberRow", "MembersPage"]
