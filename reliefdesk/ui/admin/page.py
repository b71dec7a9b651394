"""系统设置 page: a list of sections on the left, the chosen section on the right.

Sections: 单位信息, 用户与角色, 政策标准, 节假日, 安全, 审计日志, 存量导入 (ui/importing). Every read and write goes
through the services off the GUI thread; roles without the permission see everything read only
with a visible notice (administrators write; the auditor reads). A section loads when first
shown and again when ``ctx.changed`` reports "settings".
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from reliefdesk.ui.admin.audit_section import AuditSection
from reliefdesk.ui.admin.common import Section
from reliefdesk.ui.admin.holidays_section import HolidaysSection
from reliefdesk.ui.admin.importing import ImportSection  # hook (issue 12): 存量导入
from reliefdesk.ui.admin.office import OfficeSection
from reliefdesk.ui.admin.policy_section import PolicySection
from reliefdesk.ui.admin.security_section import SecuritySection
from reliefdesk.ui.admin.users_section import UsersSection
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.refresh import PageRefresh


class SettingsPage(QWidget):
    """The settings page. ``show_section(key)`` switches; ``save()`` (Ctrl+S) saves the
    current section if it has a form."""

    KEYS = ("office", "users", "policy", "holidays", "security", "audit", "import")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.ctx = ctx
        self.office = OfficeSection(ctx)
        self.users = UsersSection(ctx)
        self.policy = PolicySection(ctx)
        self.holidays = HolidaysSection(ctx)
        self.security = SecuritySection(ctx)
        self.audit = AuditSection(ctx)
        self.importing = ImportSection(ctx)
        self.sections: dict[str, Section] = {
            "office": self.office,
            "users": self.users,
            "policy": self.policy,
            "holidays": self.holidays,
            "security": self.security,
            "audit": self.audit,
            "import": self.importing,
        }
        titles = {
            "office": self.tr("Office"),
            "users": self.tr("Users and roles"),
            "policy": self.tr("Policy and standards"),
            "holidays": self.tr("Holidays"),
            "security": self.tr("Security"),
            "audit": self.tr("Audit log"),
            "import": ImportSection.title(),
        }
        self.nav = QListWidget()
        self.nav.setObjectName("settingsNav")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        self.stack.setObjectName("settingsStack")
        for key in self.KEYS:
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(0, 36))
            self.nav.addItem(item)
            self.stack.addWidget(self.sections[key])
        self.nav.setStyleSheet(
            "QListWidget#settingsNav { font-size: 11pt; }"
            "QListWidget#settingsNav::item { padding-left: 12px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self._loaded: set[str] = set()
        self.nav.currentRowChanged.connect(self._on_row_changed)
        self.refresher = PageRefresh(
            self, ctx, ("settings", "policy", "users"), self._on_changed, always=True
        )
        self.nav.setCurrentRow(0)

    def current_key(self) -> str:
        return self.KEYS[max(0, self.nav.currentRow())]

    def show_section(self, key: str) -> Section:
        self.nav.setCurrentRow(self.KEYS.index(key))
        return self.sections[key]

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        key = self.KEYS[row]
        if key not in self._loaded:
            self._loaded.add(key)
            self.sections[key].refresh()

    def _on_changed(self) -> None:
        # Other sections reload when next shown; the current one refreshed itself.
        self._loaded = {self.current_key()}

    def refresh(self) -> None:
        self._loaded = {self.current_key()}
        self.sections[self.current_key()].refresh()

    def save(self) -> None:
        save = getattr(self.sections[self.current_key()], "save", None)
        if callable(save):
            save()
