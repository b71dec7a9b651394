"""帮助: a short in-app guide to each page and to the year's procedure, and 关于 (version and
where the data lives). F1 opens the guide at the page being shown."""

from __future__ import annotations

import importlib.metadata

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import reliefdesk


def app_version() -> str:
    """The installed package's version (the installer's), else the source tree's."""
    try:
        return importlib.metadata.version("reliefdesk")
    except importlib.metadata.PackageNotFoundError:
        return str(getattr(reliefdesk, "__version__", ""))


def topics() -> dict[str, tuple[str, str]]:
    """Topic key (a page key, or "year") -> (title, body as simple HTML)."""
    return {
        "workbench": (
            QCoreApplication.translate("HelpTopics", "Workbench"),
            QCoreApplication.translate(
                "HelpTopics",
                "<p>What is due today and this week, what is overdue, and the re-checks of the "
                "month. Double-click a line to open the case.</p>"
                "<p>The status bar counts the overdue cases; red means act today.</p>",
            ),
        ),
        "households": (
            QCoreApplication.translate("HelpTopics", "Households"),
            QCoreApplication.translate(
                "HelpTopics",
                "<p>Search by name, pinyin initials (e.g. <b>wdf</b>) or any digits of the ID "
                "number. Open a household to change members, income, assets and the payment "
                "account.</p><p><b>New application</b> on a household page starts the wizard "
                "with that household chosen.</p>",
            ),
        ),
        "applications": (
            QCoreApplication.translate("HelpTopics", "Applications"),
            QCoreApplication.translate(
                "HelpTopics",
                "<p>Filter by state and programme, search by name, pinyin, ID digits or file "
                "number, click a column title to sort. <b>Deadline</b> is the time limit of the "
                "step the case is in; red is overdue. 【Green channel】 marks aid given first.</p>"
                "<p><b>New application</b> (Ctrl+N): household, members, income (per month or "
                "per year), programme, payee and account, materials received, then the summary "
                "with the proposed amount. Cancel asks before anything typed is thrown away.</p>"
                "<p><b>Export Excel</b> writes the list as the ledger.</p>",
            ),
        ),
        "visits": (
            QCoreApplication.translate("HelpTopics", "Home visits"),
            QCoreApplication.translate(
                "HelpTopics",
                "<p>At least two investigators; tick <b>Signed</b> for each member present who "
                "signed. Save (Ctrl+S) before printing the survey form (Ctrl+P). Unsaved changes "
                "show * in the title and are asked about before leaving.</p>",
            ),
        ),
        "rosters": (
            QCoreApplication.translate("HelpTopics", "Payment rosters"),
            QCoreApplication.translate(
                "HelpTopics",
                "<p>Generate the month's roster, read every change and its reason, fix each "
                "problem from the roster (double-click), validate, have a second person lock it, "
                "then export the bank file and print the roster for signatures.</p>",
            ),
        ),
        "settings": (
            QCoreApplication.translate("HelpTopics", "Settings"),
            QCoreApplication.translate(
                "HelpTopics",
                "<p>Office details, users (with their real names: they print as 经办人 and "
                "制表人), the policy standards, holidays and security settings.</p>",
            ),
        ),
        "year": (
            QCoreApplication.translate("HelpTopics", "The year's procedure"),
            QCoreApplication.translate(
                "HelpTopics",
                "<ol><li>Every day: applications, home visits, 初审, 7-day publicity, "
                "confirmation, the notice within the time limit.</li>"
                "<li>Every month: department data compared with the register; re-checks due; the "
                "roster generated, locked, exported and signed; the bank's return file.</li>"
                "<li>When standards rise: new policy from its date, amounts recomputed with back "
                "pay.</li><li>At year end: the report, next year's holiday table, backups "
                "verified, the audit checkpoint printed for the county.</li></ol>",
            ),
        ),
    }


class HelpDialog(QDialog):
    """The guide: topics on the left, the text on the right."""

    def __init__(self, topic: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Guide"))
        self.resize(820, 520)
        self.topic_list = QListWidget()
        self.topic_list.setObjectName("helpTopicList")
        self.topic_list.setFixedWidth(190)
        self.topic_list.setSpacing(4)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self._topics = topics()
        for key, (title, _body) in self._topics.items():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.topic_list.addItem(item)
        self.topic_list.currentRowChanged.connect(self._on_topic_list_current_row_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.topic_list)
        row.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.show_topic(topic or "workbench")

    def show_topic(self, key: str) -> None:
        keys = list(self._topics)
        self.topic_list.setCurrentRow(keys.index(key) if key in keys else 0)

    def current_topic(self) -> str:
        item = self.topic_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def _on_topic_list_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        title, body = list(self._topics.values())[row]
        self.browser.setHtml(f"<h3>{title}</h3>{body}")


class AboutDialog(QDialog):
    """关于: version, database location, support line."""

    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About reliefdesk"))
        title = QLabel(self.tr("reliefdesk {version}").format(version=app_version()))
        title.setObjectName("aboutVersionLabel")
        title.setProperty("role", "dialogTitle")
        text = QLabel(self.tr("Casework for township social assistance."))
        self.database_label = QLabel(
            self.tr("Database: {location}").format(location=database or self.tr("not open"))
        )
        self.database_label.setObjectName("aboutDatabaseLabel")
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        for w in (title, text, self.database_label):
            layout.addWidget(w)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
