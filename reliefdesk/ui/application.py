"""Composition root of the desktop: logging, crash handler, translations, database, setup,
sign-in, main window and its pages.

Start-up is a chain of callbacks so that the slow parts (opening and migrating the database,
generating the demo office, hashing passwords) run off the GUI thread through ``QueryOp``.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reliefdesk import __version__
from reliefdesk.db.connect import is_encrypted, open_database
from reliefdesk.db.engine import Database
from reliefdesk.options import Options
from reliefdesk.paths import demo_db_path, log_dir, resolve_db_url, sqlite_path, to_url
from reliefdesk.services import export_staging, keyslots, users
from reliefdesk.services.context import Actor
from reliefdesk.services.settings import OfficeInfo, get_office, read_settings, update_office
from reliefdesk.services.signin import sign_in
from reliefdesk.ui import gc_guard, i18n
from reliefdesk.ui.crash import CrashHandler
from reliefdesk.ui.export_folders import export_folders
from reliefdesk.ui.idle import clamp_idle_minutes
from reliefdesk.ui.logging_setup import setup_logging
from reliefdesk.ui.login_dialog import LoginDialog
from reliefdesk.ui.ops import QueryOp
from reliefdesk.ui.style import apply_style
from reliefdesk.version import icon_path

if TYPE_CHECKING:  # the main window, its context and the setup dialog load after sign-in
    from reliefdesk.services.changes import Changes
    from reliefdesk.ui.context import AppContext
    from reliefdesk.ui.main_window import MainWindow
    from reliefdesk.ui.setup_dialog import SetupData

log = logging.getLogger(__name__)

# Packaging smoke test (installer/smoke.sh): with this variable set to 1 the program quits with
# exit code 0 as soon as the sign-in window is shown, after printing SMOKE_LOGIN_LINE on stdout.
ENV_SMOKE_QUIT = "RELIEFDESK_SMOKE_QUIT_AFTER_LOGIN_SHOWN"
SMOKE_LOGIN_LINE = "reliefdesk-smoke: login window shown"

# (navigation key, module, class): each page class takes (ctx: AppContext, parent=None).
PAGES: tuple[tuple[str, str, str], ...] = (
    ("workbench", "reliefdesk.ui.workbench.page", "WorkbenchPage"),
    ("households", "reliefdesk.ui.households.page", "HouseholdsPage"),
    ("applications", "reliefdesk.ui.applications.page", "ApplicationsPage"),
    ("visits", "reliefdesk.ui.visits.page", "VisitsPage"),
    ("enrollments", "reliefdesk.ui.enrollments.page", "EnrollmentsPage"),
    ("monitoring", "reliefdesk.ui.monitoring.page", "MonitoringPage"),
    ("findings", "reliefdesk.ui.findings.page", "FindingsPage"),
    ("rosters", "reliefdesk.ui.rosters.page", "RostersPage"),
    ("statistics", "reliefdesk.ui.statistics.page", "StatisticsPage"),
    ("settings", "reliefdesk.ui.admin.page", "SettingsPage"),
)


def link_findings(window: MainWindow, workbench: Any) -> None:
    """The workbench's "待核实比对线索 N" link, opening the findings page (issue 14); wired
    here because one page package never imports another."""
    from reliefdesk.ui.findings.link import FindingsLink

    link = FindingsLink(workbench.ctx, workbench)
    link.clicked.connect(lambda: window.show_page("findings"))
    workbench.add_header_widget(link)


class PageLoader:
    """Builds the pages: the workbench at once, the others one per event-loop turn after the
    window is up (so the clerk sees the to-do list sooner), and any page on demand the moment
    it is navigated to or asked for (open a household, an application, a visit...)."""

    def __init__(
        self, window: MainWindow, ctx: AppContext, eager: tuple[str, ...] = ("workbench",)
    ) -> None:
        self.window, self.ctx = window, ctx
        self.pages: dict[str, QWidget] = {}
        self._specs = {key: (module, cls) for key, module, cls in PAGES}
        self._pending = [key for key, _m, _c in PAGES if key not in eager]
        for key in eager:
            self.ensure(key)
        window.pageChanged.connect(self.ensure)
        ctx.householdRequested.connect(
            lambda i: self._route("households", ctx.householdRequested, i)
        )
        ctx.applicationRequested.connect(
            lambda i: self._route("applications", ctx.applicationRequested, i)
        )
        ctx.visitRequested.connect(lambda v, a: self._route("visits", ctx.visitRequested, v, a))
        ctx.newApplicationRequested.connect(
            lambda h: self._route("applications", ctx.newApplicationRequested, h)
        )
        ctx.enrollmentRequested.connect(
            lambda i: self._route("enrollments", ctx.enrollmentRequested, i)
        )
        window.newApplicationRequested.connect(lambda: ctx.newApplicationRequested.emit(0))

    def ensure(self, key: str) -> bool:
        """Build page ``key`` if it is not built yet; True when it was built just now."""
        if key in self.pages or key not in self._specs:
            return False
        module_name, class_name = self._specs[key]
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # a page not built into this version
            if exc.name is None or not module_name.startswith(exc.name):
                raise
            log.warning("page %s not available: %s", key, exc)
            self._specs.pop(key)
            return False
        page = getattr(module, class_name)(self.ctx, self.window)
        self.window.register_page(key, page)
        if key == "workbench" and "findings" in self._specs:
            link_findings(self.window, page)
        self.pages[key] = page
        if key in self._pending:
            self._pending.remove(key)
        return True

    def build_rest_later(self) -> None:
        """Build the remaining pages one per event-loop turn, keeping the GUI responsive.

        The timers have the window as context: once it is deleted (sign-out) they never fire.
        """
        if self._pending:
            QTimer.singleShot(0, self.window, self._build_next)

    def stop(self) -> None:
        """Build no more pages and route no more requests (the window is going away)."""
        self._pending.clear()
        self._specs.clear()

    def _build_next(self) -> None:
        if self._pending:
            self.ensure(self._pending[0])
            self.build_rest_later()

    def _route(self, key: str, signal: Any, *args: object) -> None:
        if self.ensure(key):
            # the page did not exist when the request was emitted: ask again next turn so
            # its own handler (connected at construction) sees it
            QTimer.singleShot(0, self.window, lambda: signal.emit(*args))
            return
        self.window.show_page(key)


def build_pages(window: MainWindow, ctx: AppContext) -> dict[str, QWidget]:
    """Build every page now (tests and screenshots); start-up uses :class:`PageLoader`."""
    loader = PageLoader(window, ctx, eager=tuple(k for k, _m, _c in PAGES))
    return loader.pages


def later(fn: Callable[..., None]) -> Callable[..., None]:
    """Wrap a QueryOp callback so it runs on the next event-loop turn.

    Start-up steps open modal dialogs (``exec()`` runs a nested event loop). Doing that
    inside the op's own callback lets Qt delete the finished op while its slot is still on
    the stack, which crashed PySide at random; deferring returns from the slot first.
    """

    def deferred(*args: object) -> None:
        QTimer.singleShot(0, lambda: fn(*args))

    return deferred


class Startup:
    """Drives start-up; keeps references so nothing is garbage-collected mid-way."""

    def __init__(self, app: QApplication, options: Options, settings: QSettings) -> None:
        self.app = app
        self.options = options
        self.settings = settings
        self.db: Database | None = None
        self.url = ""
        self.window: MainWindow | None = None
        self.ctx: AppContext | None = None
        self.pages: PageLoader | None = None
        self.dialogs: list[QWidget] = []

    # -- step 1: open (and migrate / create) the database ------------------------------
    def start(self) -> None:
        url = to_url(str(demo_db_path())) if self.options.demo else resolve_db_url(self.options.db)
        self.url = url
        households = self.options.demo_households
        path = sqlite_path(url)
        new_file = path is not None and keyslots.holds_nothing(path)
        if is_encrypted(url) and not new_file:  # the password unwraps the key, then opens it
            self._login()
            return
        if new_file and not self.options.demo:
            # a new office: the set-up dialog first, then an encrypted database is made
            self._on_users_checked(False)
            return

        def op() -> Database:
            if self.options.demo and new_file and path is not None:
                from reliefdesk.demo import create_demo_database

                db, _code = create_demo_database(path)  # the demo office is encrypted too
            else:
                db = open_database(url)
            if self.options.demo and not users.has_users(db):
                from reliefdesk import demo
                from reliefdesk.services.context import SYSTEM

                demo.generate_demo(db, SYSTEM, households=households)
            return db

        if self.options.demo:
            label = QCoreApplication.translate("Application", "Creating the demo office...")
        else:
            label = QCoreApplication.translate("Application", "Opening the database...")
        QueryOp(parent=None, op=op, success=later(self._on_database_opened)).failure(
            later(self._fatal)
        ).with_progress(label).run_in_background()

    def _fatal(self, error: Exception) -> None:
        title = QCoreApplication.translate("Application", "reliefdesk")
        box = QMessageBox(QMessageBox.Icon.Critical, title, str(error))
        box.setObjectName("fatalErrorBox")
        box.exec()
        self.app.exit(2)

    def _on_database_opened(self, db: Database) -> None:
        self.db = db
        if db.backup_path is not None:
            log.info("database upgraded; backup at %s", db.backup_path)
        QueryOp(
            parent=None, op=lambda: users.has_users(db), success=later(self._on_users_checked)
        ).failure(later(self._fatal)).run_in_background()

    # -- step 2: first run -> office and first admin ------------------------------------
    def _on_users_checked(self, has_users: bool) -> None:
        if has_users:
            self._login()
            return
        from reliefdesk.ui.setup_dialog import SetupDialog

        dialog = SetupDialog()
        self.dialogs.append(dialog)
        if dialog.exec() != SetupDialog.DialogCode.Accepted or dialog.data is None:
            self.app.exit(0)
            return
        data = dialog.data
        existing, url = self.db, self.url

        def op() -> tuple[Database, str]:
            if existing is not None:  # a plain database without users
                create_office_and_admin(existing, data)
                return existing, ""
            return create_encrypted_office(url, data)

        QueryOp(
            parent=None,
            op=op,
            success=later(lambda result: self._on_office_created(result, data)),
        ).failure(later(self._setup_failed)).with_progress(
            QCoreApplication.translate("Application", "Saving...")
        ).run_in_background()

    def _on_office_created(self, result: tuple[Database, str], data: SetupData) -> None:
        self.db, code = result
        if code:
            from reliefdesk.ui.recovery_dialog import RecoveryCodeDialog

            dialog = RecoveryCodeDialog(
                code,
                office_name=data.office_name,
                database=self.db.location_label,
                admin=data.admin_username,
            )
            self.dialogs.append(dialog)
            dialog.exec()
        self._login()

    def _setup_failed(self, error: Exception) -> None:
        QMessageBox.warning(
            None, QCoreApplication.translate("Application", "reliefdesk"), str(error)
        )
        self._on_users_checked(False)

    # -- step 3: sign in ----------------------------------------------------------------
    def _login(self) -> None:
        url = self.url
        office = get_office(self.db) if self.db is not None else None
        subtitle = office.office_name if office else keyslots.office_label(url)
        if self.options.demo:
            subtitle = QCoreApplication.translate(
                "Application", "Demo office - user clerk, password Demo#clerk1"
            )
        last_user = str(
            self.settings.value("login/last_user", "clerk" if self.options.demo else "")
        )
        dialog = LoginDialog(
            lambda u, p: sign_in(url, u, p, db=self.db), office_name=subtitle, username=last_user
        )
        self.dialogs.append(dialog)
        if os.environ.get(ENV_SMOKE_QUIT) == "1":
            QTimer.singleShot(0, lambda: _smoke_quit(dialog))
        if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.user is None:
            self.app.exit(0)
            return
        signed_in = dialog.user
        assert isinstance(signed_in, tuple)  # (Database, Actor) from sign_in
        db, actor = signed_in
        assert isinstance(db, Database) and isinstance(actor, Actor)
        self.db = db
        if office is None:
            office = get_office(db)
        self.settings.setValue("login/last_user", actor.username)
        self._show_main_window(actor, office)

    # -- step 4: the main window ----------------------------------------------------------
    def _show_main_window(self, actor: Actor, office: OfficeInfo | None) -> None:
        from reliefdesk.ui.context import AppContext
        from reliefdesk.ui.main_window import MainWindow

        assert self.db is not None
        db = self.db
        # the lock screen shows the sign-in's own message (还可尝试 N 次; locked until ...)
        window = MainWindow(
            settings=self.settings, verify_password=lambda pw: users.unlock_check(db, actor, pw)
        )
        window.signOutRequested.connect(lambda: QTimer.singleShot(0, self._sign_out))
        ctx = AppContext(db, actor, office, self.settings, window)
        self.window, self.ctx = window, ctx
        window.set_user(actor.display_name or actor.username, actor.role_label)
        window.set_database_label(db.location_label)
        self.pages = PageLoader(window, ctx)
        window.show_restored()
        self.pages.build_rest_later()
        refresh_overdue(window, ctx)
        apply_office_settings(window, ctx)
        sweep_export_leftovers(window, ctx)

        def on_changed(changes: Changes, _initiator: object) -> None:
            if changes.kinds() - {"audit"}:
                refresh_overdue(window, ctx)

        def on_settings_changed(changes: Changes, _initiator: object) -> None:
            if changes.touches("settings"):
                apply_office_settings(window, ctx)

        ctx.changed.connect(on_changed)
        ctx.changed.connect(on_settings_changed)

    def _sign_out(self) -> None:
        """注销 / 切换用户 (unsaved work was already asked about): close the window and its
        pages, and sign in again (possibly as someone else)."""
        window, pages = self.window, self.pages
        self.window, self.ctx, self.pages = None, None, None
        if pages is not None:
            pages.stop()
        if window is not None:
            # Deleting the window deletes its pages, their dialogs and the AppContext; ops
            # still running for them drop their outcome (ui/ops.py), and the window-bound
            # timers (page building, routing) never fire.
            window.hide()
            window.deleteLater()
        log.info("signed out")
        self._login()


def _smoke_quit(dialog: LoginDialog) -> None:
    """Smoke-test exit: report that the sign-in window is on screen, then cancel it (exit 0)."""
    if dialog.isVisible():
        print(f"{SMOKE_LOGIN_LINE}: {dialog.windowTitle()}", flush=True)
        log.info(SMOKE_LOGIN_LINE)
    dialog.reject()


def create_encrypted_office(url: str, data: SetupData) -> tuple[Database, str]:
    """A new office in a new encrypted SQLite file: the key file (recovery slot), the
    database, the first admin (their slot) and the office. Returns the open database and the
    recovery code; on failure nothing is left behind."""
    path = sqlite_path(url)
    assert path is not None
    keys = keyslots.create_keys(
        path, office=data.office_name, admin=(data.admin_username, data.admin_password)
    )
    db: Database | None = None
    try:
        db = open_database(url, key=keys.key)
        create_office_and_admin(db, data)
    except BaseException:
        if db is not None:
            db.close()
        for leftover in (path, keys.keyfile, path.with_name(path.name + "-wal")):
            leftover.unlink(missing_ok=True)
        path.with_name(path.name + "-shm").unlink(missing_ok=True)
        raise
    return db, keys.recovery_code


def create_office_and_admin(db: Database, data: SetupData) -> None:
    """Persist what the setup dialog collected: the first admin, then the office as that admin."""
    users.create_first_admin(db, data.admin_username, data.admin_password, data.admin_display_name)
    admin = users.login(db, data.admin_username, data.admin_password)
    update_office(
        db,
        admin,
        OfficeInfo(
            county=data.county,
            township_code="",
            office_name=data.office_name,
            phone=data.phone,
            policy_url=data.policy_url,
            township_name=data.township,
        ),
    )


def apply_office_settings(window: MainWindow, ctx: AppContext) -> None:
    """The idle-lock minutes are an office setting (系统设置—安全), kept in the database."""

    def op() -> int:
        return int(read_settings(ctx.db, {"ui.idle_lock_minutes": 15})["ui.idle_lock_minutes"])

    def done(minutes: int) -> None:
        window.idle_monitor.set_interval_ms(clamp_idle_minutes(minutes) * 60_000)

    QueryOp(parent=window, op=op, success=done).failure(
        lambda e: log.warning("idle setting not read: %s", e)
    ).run_in_background()


def sweep_export_leftovers(window: MainWindow, ctx: AppContext) -> None:
    """Remove the staging folders a crashed export left in the folders exported into before."""
    folders = export_folders(ctx.settings)
    if folders:
        QueryOp(parent=window, op=lambda: export_staging.sweep_folders(folders)).failure(
            lambda _e: None
        ).run_in_background()


def refresh_overdue(window: MainWindow, ctx: AppContext) -> None:
    """Count overdue applications off the GUI thread and show it in the status bar."""
    from datetime import date

    from reliefdesk.services import casework

    def op() -> int:
        return len(casework.overdue(ctx.db, ctx.actor, date.today()))

    QueryOp(parent=window, op=op, success=window.set_overdue_count).failure(
        lambda e: log.warning("overdue count failed: %s", e)
    ).run_in_background()


def run(options: Options, argv: list[str] | None = None) -> int:
    QApplication.setOrganizationName("reliefdesk")
    QApplication.setApplicationName("reliefdesk")
    QApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setWindowIcon(QIcon(str(icon_path())))
    gc_guard.install(app)  # Python's GC must never collect Qt objects on a worker thread
    log_path = setup_logging(log_dir())
    crash = CrashHandler(log_path=log_path)
    crash.activate()
    settings = QSettings()
    language = options.language or i18n.saved_language(settings)
    i18n.install_translators(app, language)
    apply_style(app)
    startup = Startup(app, options, settings)
    QTimer.singleShot(0, startup.start)
    code = app.exec()
    if startup.db is not None:
        startup.db.close()
    return int(code)
