"""Drop a background op's callback when its widget was deleted meanwhile (page closed, dialog
gone): calling into a deleted Qt object would crash."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def alive(owner: QObject, callback: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any) -> Any:
        if shiboken6.isValid(owner):
            return callback(*args)
        return None

    return call
