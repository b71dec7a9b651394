"""The folders the clerk exported into, remembered per PC (QSettings).

The export dialog opens at the last one, and at start-up the staging folders a crashed export
left in any of them are removed (:func:`reliefdesk.services.export_staging.sweep`), so no
half-written bank file lingers until the next export into the same folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "export/folders"
KEEP = 8


def export_folders(settings: QSettings) -> list[str]:
    """The remembered export folders, most recent first."""
    value = settings.value(KEY, [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    if not isinstance(value, list):
        return []
    return [str(v) for v in value if str(v)]


def remember_export_folder(settings: QSettings, folder: str | Path) -> None:
    """Put ``folder`` first in the remembered list (at most ``KEEP`` folders)."""
    text = str(folder)
    folders = [text] + [f for f in export_folders(settings) if f != text]
    settings.setValue(KEY, folders[:KEEP])
