"""The editor of a NEW policy version, filled from an existing one (history is never edited).

Money is shown in 元 with two decimals and stored in fen; ratios are shown as percentages (or
a multiple for the tekun basic ratio) and stored as exact fractions ("1/5"). Fields whose key is
listed in ``data["estimated"]`` carry a visible 估算 badge; a value the administrator changes
loses the mark when the version is saved.
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.domain.months import next_month
from reliefdesk.errors import ValidationError
from reliefdesk.services.policy import Policy
from reliefdesk.ui.admin.common import (
    decimal_to_ratio,
    fen_to_spin,
    int_spin,
    money_spin,
    percent_spin,
    percent_to_ratio,
    ratio_to_percent,
    spin_to_fen,
)
from reliefdesk.ui.forms import FormErrors, make_error_label, with_error_label
from reliefdesk.ui.labels import admin as lbl


class EstimatedBadge(QLabel):
    """The visible 估算 mark next to a placeholder value."""

    def __init__(self, key: str) -> None:
        super().__init__(self.tr("Estimate"))
        self.setObjectName(f"estimated_{key}_Badge")
        self.setToolTip(
            self.tr(
                "Estimated placeholder, not an official figure: replace it with "
                "the value from the county's standards notice."
            )
        )
        self.setStyleSheet(
            "background:#fff4e5; color:#8a4b00; border:1px solid #f0c36d;"
            " border-radius:3px; padding:0 4px;"
        )
        self.setVisible(False)


class PolicyEditor(QWidget):
    """Fields of one policy pack. ``load(policy)`` fills them; ``collect()`` returns
    ``(effective_from, name, data, note)`` or raises ValidationError for a form entry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyEditor")
        self.base: Policy | None = None
        self.badges: dict[str, EstimatedBadge] = {}
        self._fields: dict[str, QWidget] = {}
        self._boxes: list[QGroupBox] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        # -- version ----------------------------------------------------------------------
        self.effective_edit = QDateEdit()
        self.effective_edit.setObjectName("policyEffectiveFromEdit")
        self.effective_edit.setCalendarPopup(True)
        self.effective_edit.setDisplayFormat("yyyy-MM-dd")
        self.effective_edit.setMinimumWidth(140)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("policyNameEdit")
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("policyNoteEdit")
        self.name_edit.setMinimumWidth(420)
        self.note_edit.setMinimumWidth(420)
        self.note_edit.setPlaceholderText(self.tr("e.g. the notice's document number"))
        self._fields.update(
            effective_from=self.effective_edit, name=self.name_edit, note=self.note_edit
        )
        version = self._group("policyVersionGroup", self.tr("New version"))
        vform = QFormLayout()
        version.layout().addLayout(vform)  # type: ignore[union-attr]

        # -- dibao --------------------------------------------------------------------------
        self.urban_spin = money_spin("policyUrbanStandardSpin")
        self.rural_spin = money_spin("policyRuralStandardSpin")
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("policyMethodCombo")
        self.method_combo.addItem(self.tr("Actual gap (补差)"), "gap")
        self.method_combo.addItem(self.tr("Tiers (分档)"), "tier")
        self.floor_spin = percent_spin("policyFloorRatioSpin", 100.0)
        self.single_spin = percent_spin("policySingleMinRatioSpin", 100.0)
        self.near_spin = percent_spin("policyNearDibaoRatioSpin", 500.0)
        self._fields.update(
            urban_dibao_standard_fen=self.urban_spin,
            rural_dibao_standard_fen=self.rural_spin,
            method=self.method_combo,
            floor_ratio=self.floor_spin,
            single_person_min_ratio=self.single_spin,
            near_dibao_ratio=self.near_spin,
        )
        self.tiers_table = QTableWidget(0, 3)
        self.tiers_table.setObjectName("policyTiersTable")
        self.tiers_table.setHorizontalHeaderLabels(
            [
                self.tr("Tier"),
                self.tr("Income up to (% of standard)"),
                self.tr("Pays (% of standard)"),
            ]
        )
        self.tiers_table.horizontalHeader().setStretchLastSection(True)
        self.tiers_table.setColumnWidth(0, 90)
        self.tiers_table.verticalHeader().setVisible(False)
        self.tiers_table.setMinimumHeight(150)
        self.tiers_table.setMinimumWidth(520)
        self.tiers_table.setColumnWidth(1, 210)
        self._fields["tiers"] = self.tiers_table
        self.add_tier_button = QPushButton(self.tr("Add tier"))
        self.add_tier_button.setObjectName("policyAddTierButton")
        self.add_tier_button.clicked.connect(lambda: self._add_tier("", "", ""))
        self.remove_tier_button = QPushButton(self.tr("Remove tier"))
        self.remove_tier_button.setObjectName("policyRemoveTierButton")
        self.remove_tier_button.clicked.connect(self._remove_tier)
        self.topup_spins = {
            k: percent_spin(f"policyTopup_{k}_Spin", 100.0) for k in lbl.topup_groups()
        }

        # -- tekun --------------------------------------------------------------------------
        self.tekun_ratio_spin = QDoubleSpinBox()
        self.tekun_ratio_spin.setObjectName("policyTekunRatioSpin")
        self.tekun_ratio_spin.setDecimals(2)
        self.tekun_ratio_spin.setRange(1.0, 5.0)
        self.tekun_ratio_spin.setSingleStep(0.05)
        self.tekun_ratio_spin.setPrefix("× ")
        self.tekun_ratio_spin.setMinimumWidth(110)
        self.min_wage_spin = money_spin("policyMinWageSpin")
        self.care_spins = {k: money_spin(f"policyCare_{k}_Spin") for k in lbl.care_tiers()}
        self._fields.update(
            tekun_basic_ratio=self.tekun_ratio_spin, min_wage_fen=self.min_wage_spin
        )

        # -- temporary aid ------------------------------------------------------------------
        self.temp_limit_spin = money_spin("policyTempLimitSpin", 10_000_000.0)
        self.temp_case_spin = money_spin("policyTempCaseSpin", 10_000_000.0)
        self.temp_months_spin = int_spin("policyTempMonthsSpin", 1, 24, self.tr("months"))
        # 先行救助 cap: 0 shows "the township limit" and is stored as empty (None)
        self.temp_advance_spin = money_spin("policyTempAdvanceCapSpin", 10_000_000.0)
        self.temp_advance_spin.setSpecialValueText(self.tr("same as the township limit"))
        self.temp_advance_spin.setMinimumWidth(190)
        self._fields.update(
            temp_aid_township_limit_fen=self.temp_limit_spin,
            temp_aid_case_by_case_fen=self.temp_case_spin,
            temp_aid_advance_cap_fen=self.temp_advance_spin,
            temp_aid_max_months=self.temp_months_spin,
        )

        # -- procedure ------------------------------------------------------------------------
        self.phase_edit = QLineEdit()
        self.phase_edit.setObjectName("policyPhaseOutEdit")
        self.phase_edit.setPlaceholderText("100, 100, 80, 80, 60, 60")
        self.publicity_spin = int_spin("policyPublicityDaysSpin", 1, 60, self.tr("days"))
        self.publicity_kind_combo = QComboBox()
        self.publicity_kind_combo.setObjectName("policyPublicityKindCombo")
        self.publicity_kind_combo.addItem(self.tr("calendar days"), False)
        self.publicity_kind_combo.addItem(self.tr("working days"), True)
        self.delegated_check = QCheckBox(self.tr("The township confirms (delegated by the county)"))
        self.delegated_check.setObjectName("policyDelegatedCheck")
        self._fields.update(
            phase_out_schedule=self.phase_edit,
            publicity_days=self.publicity_spin,
            confirmation_delegated=self.delegated_check,
        )
        self.limit_spins = {
            k: int_spin(f"policyLimit_{k}_Spin", 1, 120, self.tr("working days"))
            for k in lbl.limit_labels()
        }
        self.recheck_spins = {
            k: int_spin(f"policyRecheck_{k}_Spin", 1, 60, self.tr("months"))
            for k in lbl.recheck_labels()
        }

        self.general_error = make_error_label("policyGeneralError", word_wrap=True)
        self.errors = FormErrors(self._fields, general=self.general_error)

        vform.addRow(self.tr("Effective from:"), self._row("effective_from"))
        vform.addRow(self.tr("Name:"), self._row("name"))
        vform.addRow(self.tr("Note:"), self._row("note"))
        outer.addWidget(version)

        dibao = self._group("policyDibaoGroup", self.tr("Dibao"))
        dform = QFormLayout()
        dibao.layout().addLayout(dform)  # type: ignore[union-attr]
        dform.addRow(
            self.tr("Urban standard (per person per month):"), self._row("urban_dibao_standard_fen")
        )
        dform.addRow(
            self.tr("Rural standard (per person per month):"), self._row("rural_dibao_standard_fen")
        )
        dform.addRow(self.tr("Calculation method:"), self._row("method"))
        dform.addRow(self.tr("Minimum payment (% of standard):"), self._row("floor_ratio"))
        tiers_box = QWidget()
        tl = QVBoxLayout(tiers_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self._row("tiers"))
        tb = QHBoxLayout()
        tb.addWidget(self.add_tier_button)
        tb.addWidget(self.remove_tier_button)
        tb.addStretch(1)
        tl.addLayout(tb)
        dform.addRow(self.tr("Tiers:"), tiers_box)
        dform.addRow(
            self.tr("Individual application, at least (% of standard):"),
            self._row("single_person_min_ratio"),
        )
        dform.addRow(self.tr("Near-dibao line (% of standard):"), self._row("near_dibao_ratio"))
        topups = QWidget()
        grid = QGridLayout(topups)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (k, text) in enumerate(lbl.topup_groups().items()):
            grid.addWidget(QLabel(text), i // 2, (i % 2) * 2)
            grid.addWidget(self.topup_spins[k], i // 2, (i % 2) * 2 + 1)
        self.badges["topup_rates"] = EstimatedBadge("topup_rates")
        grid.addWidget(self.badges["topup_rates"], 0, 4)
        grid.setColumnStretch(5, 1)
        dform.addRow(self.tr("Class-based top-ups (% of own subsidy):"), topups)
        outer.addWidget(dibao)

        tekun = self._group("policyTekunGroup", self.tr("Tekun"))
        kform = QFormLayout()
        tekun.layout().addLayout(kform)  # type: ignore[union-attr]
        kform.addRow(
            self.tr("Basic living (multiple of the dibao standard, at least 1.3):"),
            self._row("tekun_basic_ratio"),
        )
        kform.addRow(self.tr("Minimum wage (reference):"), self._row("min_wage_fen"))
        care = QWidget()
        cg = QGridLayout(care)
        cg.setContentsMargins(0, 0, 0, 0)
        for i, (k, text) in enumerate(lbl.care_tiers().items()):
            cg.addWidget(QLabel(text), i // 2, (i % 2) * 2)
            cg.addWidget(self.care_spins[k], i // 2, (i % 2) * 2 + 1)
        self.badges["tekun_care_fen"] = EstimatedBadge("tekun_care_fen")
        cg.addWidget(self.badges["tekun_care_fen"], 0, 4)
        cg.setColumnStretch(5, 1)
        kform.addRow(self.tr("Care amounts per month:"), care)
        outer.addWidget(tekun)

        temp = self._group("policyTempGroup", self.tr("Temporary aid"))
        tform = QFormLayout()
        temp.layout().addLayout(tform)  # type: ignore[union-attr]
        tform.addRow(
            self.tr("Township may approve up to:"), self._row("temp_aid_township_limit_fen")
        )
        tform.addRow(
            self.tr("Case-by-case decision above:"), self._row("temp_aid_case_by_case_fen")
        )
        tform.addRow(
            self.tr("Emergency aid first (先行救助) up to:"), self._row("temp_aid_advance_cap_fen")
        )
        tform.addRow(self.tr("At most:"), self._row("temp_aid_max_months"))
        outer.addWidget(temp)

        proc = self._group("policyProcedureGroup", self.tr("Procedure"))
        pform = QFormLayout()
        proc.layout().addLayout(pform)  # type: ignore[union-attr]
        pform.addRow(self.tr("Phase-out schedule (% per month):"), self._row("phase_out_schedule"))
        pub = QWidget()
        pl = QHBoxLayout(pub)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.errors.row("publicity_days"))
        pl.addWidget(self.publicity_kind_combo)
        pl.addStretch(1)
        pform.addRow(self.tr("Public notice:"), pub)
        pform.addRow(self.tr("Confirmation:"), self._row("confirmation_delegated"))
        outer.addWidget(proc)

        limits = self._group("policyLimitsGroup", self.tr("Time limits"))
        lg = QGridLayout()
        limits.layout().addLayout(lg)  # type: ignore[union-attr]
        for i, (k, text) in enumerate(lbl.limit_labels().items()):
            lg.addWidget(QLabel(text + "："), i // 2, (i % 2) * 2)
            lg.addWidget(self.limit_spins[k], i // 2, (i % 2) * 2 + 1)
        base = (len(self.limit_spins) + 1) // 2
        for i, (k, text) in enumerate(lbl.recheck_labels().items()):
            lg.addWidget(
                QLabel(self.tr("Re-check: %1").replace("%1", text) + "："),
                base + i // 2,
                (i % 2) * 2,
            )
            lg.addWidget(self.recheck_spins[k], base + i // 2, (i % 2) * 2 + 1)
        outer.addWidget(limits)
        outer.addWidget(self.general_error)
        outer.addStretch(1)

    # -- layout helpers -------------------------------------------------------------------
    def _group(self, name: str, title: str) -> QGroupBox:
        box = QGroupBox(title)
        box.setObjectName(name)
        QVBoxLayout(box)
        self._boxes.append(box)
        return box

    def _row(self, key: str) -> QWidget:
        """Field (with its error label) and the 估算 badge for ``key``."""
        badge = EstimatedBadge(key)
        self.badges[key] = badge
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(with_error_label(self._fields[key], self.errors.error_label(key)))
        layout.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addStretch(1)
        return box

    def _add_tier(self, name: str, max_income: str, pay: str) -> None:
        row = self.tiers_table.rowCount()
        self.tiers_table.insertRow(row)
        for col, text in enumerate((name, max_income, pay)):
            self.tiers_table.setItem(row, col, QTableWidgetItem(text))

    def _remove_tier(self) -> None:
        row = self.tiers_table.currentRow()
        if row >= 0:
            self.tiers_table.removeRow(row)

    def set_read_only(self, read_only: bool) -> None:
        for w in self._fields.values():
            if isinstance(w, QLineEdit):
                w.setReadOnly(read_only)
            elif isinstance(w, QAbstractSpinBox):
                w.setReadOnly(read_only)
                w.setButtonSymbols(
                    QAbstractSpinBox.ButtonSymbols.NoButtons
                    if read_only
                    else QAbstractSpinBox.ButtonSymbols.UpDownArrows
                )
            else:
                w.setEnabled(not read_only)
        for spins in (self.topup_spins, self.care_spins, self.limit_spins, self.recheck_spins):
            for s in spins.values():
                s.setReadOnly(read_only)
                s.setButtonSymbols(
                    QAbstractSpinBox.ButtonSymbols.NoButtons
                    if read_only
                    else QAbstractSpinBox.ButtonSymbols.UpDownArrows
                )
        self.publicity_kind_combo.setEnabled(not read_only)
        self.add_tier_button.setVisible(not read_only)
        self.remove_tier_button.setVisible(not read_only)
        if read_only:
            self.tiers_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    # -- data -------------------------------------------------------------------------------
    def load(self, policy: Policy, effective_from: date | None = None) -> None:
        """Fill the editor from ``policy`` as the base of a new version."""
        self.base = policy
        self.errors.clear()
        d = policy.data
        start = effective_from or next_month(date.today())
        self.effective_edit.setDate(QDate(start.year, start.month, start.day))
        self.name_edit.setText(policy.name)
        self.note_edit.clear()
        self.urban_spin.setValue(fen_to_spin(d.get("urban_dibao_standard_fen", 0)))
        self.rural_spin.setValue(fen_to_spin(d.get("rural_dibao_standard_fen", 0)))
        self.method_combo.setCurrentIndex(
            max(0, self.method_combo.findData(d.get("method", "gap")))
        )
        self.floor_spin.setValue(ratio_to_percent(d.get("floor_ratio") or "0"))
        self.single_spin.setValue(ratio_to_percent(d.get("single_person_min_ratio", "7/10")))
        self.near_spin.setValue(ratio_to_percent(d.get("near_dibao_ratio", "3/2")))
        self.tiers_table.setRowCount(0)
        for t in d.get("tiers", []):
            self._add_tier(
                str(t.get("name", "")),
                _pct_text(t.get("max_income_ratio", "0")),
                _pct_text(t.get("pay_ratio", "0")),
            )
        for k, s in self.topup_spins.items():
            s.setValue(ratio_to_percent((d.get("topup_rates") or {}).get(k, "0")))
        self.tekun_ratio_spin.setValue(
            float(ratio_to_percent(d.get("tekun_basic_ratio", "13/10"))) / 100
        )
        self.min_wage_spin.setValue(fen_to_spin(d.get("min_wage_fen", 0)))
        for k, s in self.care_spins.items():
            s.setValue(fen_to_spin((d.get("tekun_care_fen") or {}).get(k, 0)))
        self.temp_limit_spin.setValue(fen_to_spin(d.get("temp_aid_township_limit_fen", 0)))
        self.temp_case_spin.setValue(fen_to_spin(d.get("temp_aid_case_by_case_fen", 0)))
        self.temp_months_spin.setValue(int(d.get("temp_aid_max_months", 6)))
        self.temp_advance_spin.setValue(fen_to_spin(d.get("temp_aid_advance_cap_fen") or 0))
        self.phase_edit.setText(", ".join(_pct_text(v) for v in d.get("phase_out_schedule", [])))
        self.publicity_spin.setValue(int(d.get("publicity_days", 7)))
        self.publicity_kind_combo.setCurrentIndex(1 if d.get("publicity_working_days") else 0)
        self.delegated_check.setChecked(bool(d.get("confirmation_delegated", False)))
        for k, spin in self.limit_spins.items():
            spin.setValue(int((d.get("limits") or {}).get(k, 10)))
        for k, spin in self.recheck_spins.items():
            spin.setValue(int((d.get("recheck_months") or {}).get(k, 12)))
        estimated = set(d.get("estimated", []))
        for key, badge in self.badges.items():
            badge.setVisible(key in estimated)

    def collect(self) -> tuple[date, str, dict[str, Any], str]:
        """The new version's values; raises ValidationError naming the field for a bad entry."""
        if self.base is None:
            raise ValidationError("请先选择作为基础的政策版本。", code="policy.base")
        data: dict[str, Any] = copy.deepcopy(self.base.data)
        qd = self.effective_edit.date()
        effective = date(qd.year(), qd.month(), qd.day())
        name = self.name_edit.text().strip()
        if not name:
            raise ValidationError("请填写版本名称。", code="policy.name", field="name")
        data["urban_dibao_standard_fen"] = spin_to_fen(self.urban_spin)
        data["rural_dibao_standard_fen"] = spin_to_fen(self.rural_spin)
        data["method"] = self.method_combo.currentData()
        data["floor_ratio"] = percent_to_ratio(self.floor_spin.value())
        data["single_person_min_ratio"] = percent_to_ratio(self.single_spin.value())
        data["near_dibao_ratio"] = percent_to_ratio(self.near_spin.value())
        data["tiers"] = self._collect_tiers()
        data["topup_rates"] = {k: percent_to_ratio(s.value()) for k, s in self.topup_spins.items()}
        data["tekun_basic_ratio"] = decimal_to_ratio(self.tekun_ratio_spin.value())
        data["min_wage_fen"] = spin_to_fen(self.min_wage_spin)
        data["tekun_care_fen"] = {k: spin_to_fen(s) for k, s in self.care_spins.items()}
        data["temp_aid_township_limit_fen"] = spin_to_fen(self.temp_limit_spin)
        data["temp_aid_case_by_case_fen"] = spin_to_fen(self.temp_case_spin)
        data["temp_aid_max_months"] = self.temp_months_spin.value()
        data["temp_aid_advance_cap_fen"] = spin_to_fen(self.temp_advance_spin) or None
        data["phase_out_schedule"] = self._collect_phase_out()
        data["publicity_days"] = self.publicity_spin.value()
        data["publicity_working_days"] = bool(self.publicity_kind_combo.currentData())
        data["confirmation_delegated"] = self.delegated_check.isChecked()
        data["limits"] = {
            **(data.get("limits") or {}),
            **{k: s.value() for k, s in self.limit_spins.items()},
        }
        data["recheck_months"] = {
            **(data.get("recheck_months") or {}),
            **{k: s.value() for k, s in self.recheck_spins.items()},
        }
        # A value the administrator changed is no longer the placeholder estimate.
        data["estimated"] = [
            k for k in self.base.data.get("estimated", []) if data.get(k) == self.base.data.get(k)
        ]
        return effective, name, data, self.note_edit.text().strip()

    def _collect_tiers(self) -> list[dict[str, str]]:
        tiers = []
        for row in range(self.tiers_table.rowCount()):
            items = [self.tiers_table.item(row, c) for c in range(3)]
            cells = [item.text().strip() if item else "" for item in items]
            if not any(cells):
                continue
            try:
                max_income, pay = (percent_to_ratio(float(Decimal(c))) for c in cells[1:])
            except (InvalidOperation, ValueError):
                raise ValidationError(
                    f"第 {row + 1} 档的百分比须为数字。", code="policy.tiers", field="tiers"
                ) from None
            tiers.append(
                {"name": cells[0] or f"{row + 1}", "max_income_ratio": max_income, "pay_ratio": pay}
            )
        return tiers

    def _collect_phase_out(self) -> list[str]:
        text = self.phase_edit.text().replace("，", ",").replace("%", "")
        parts = [p.strip() for p in text.split(",") if p.strip()]
        try:
            values = [Decimal(p) for p in parts]
        except InvalidOperation:
            raise ValidationError(
                "渐退比例须为用逗号分隔的百分数，如 100, 80, 60。",
                code="policy.phase_out",
                field="phase_out_schedule",
            ) from None
        if any(v < 0 or v > 100 for v in values):
            raise ValidationError(
                "渐退比例须在 0 到 100 之间。", code="policy.phase_out", field="phase_out_schedule"
            )
        return [percent_to_ratio(float(v)) for v in values]


def _pct_text(value: Any) -> str:
    pct = Decimal(str(ratio_to_percent(value))).quantize(Decimal("0.01"))
    return f"{pct.normalize():f}"
