"""Idle detection: an application-wide event filter that restarts a timer on user input."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, Signal, Slot

IDLE_MINUTES_SETTING = "security/idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 15
# The documented range (等保 2.0 practice, 系统设置—安全): lock after 10 to 30 idle minutes.
IDLE_MINUTES_RANGE = (10, 30)


def clamp_idle_minutes(minutes: int) -> int:
    """Keep an idle-lock delay inside IDLE_MINUTES_RANGE (a stored value outside it, e.g. from
    an older version, is brought back in)."""
    low, high = IDLE_MINUTES_RANGE
    return min(max(int(minutes), low), high)


_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


def idle_minutes_from(settings: QSettings) -> int:
    """The idle-lock delay from settings (minutes within IDLE_MINUTES_RANGE; default 15)."""
    try:
        raw = settings.value(IDLE_MINUTES_SETTING, DEFAULT_IDLE_MINUTES)
        minutes = int(raw) if isinstance(raw, int | float | str) else DEFAULT_IDLE_MINUTES
    except (TypeError, ValueError):
        minutes = DEFAULT_IDLE_MINUTES
    return clamp_idle_minutes(minutes)


class IdleMonitor(QObject):
    """Emits ``idleTimeout`` once after ``interval_ms`` without keyboard, mouse or touch input.

    Args:
        interval_ms: idle time before the signal (``minutes * 60_000`` in the app).
        parent: owner; the filter is removed when the monitor is destroyed.

    Signals:
        idleTimeout: no input for the interval. The monitor then pauses until ``start()``.
    """

    idleTimeout = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idleMonitor")
        self._timer = QTimer(self)
        self._timer.setObjectName("idleTimer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._installed = False

    @classmethod
    def from_minutes(cls, minutes: int, parent: QObject | None = None) -> IdleMonitor:
        return cls(minutes * 60_000, parent)

    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_interval_ms(self, interval_ms: int) -> None:
        self._timer.setInterval(interval_ms)
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        """Install the event filter (once) and start counting."""
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._timer.start()

    def stop(self) -> None:
        """Stop counting and remove the filter (e.g. while the lock dialog is up)."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def is_active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        """Override QObject::eventFilter: any user input restarts the timer; nothing is eaten."""
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.idleTimeout.emit()
