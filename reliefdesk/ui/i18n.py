"""Load translations: our ``reliefdesk_zh_CN.qm`` plus Qt's own ``qtbase_zh_CN.qm``, so the
file chooser, message-box buttons and other Qt dialogs speak Chinese too. ``qtbase_zh_CN.qm``
is shipped in ``reliefdesk/ui/translations/qt/`` (an installer bundle may leave out Qt's
translations folder); Qt's own folder is the fallback.

Sources are English (``self.tr()`` / ``QCoreApplication.translate()``); Chinese is the default
language. Packaging: the editable ``.ts`` lives in ``resources/translations/`` (the translator's
file); ``scripts/build_translations.py`` compiles it into ``reliefdesk/ui/translations/*.qm``,
which is committed and shipped inside the package, so a pip install or a PyInstaller bundle
needs no build step. The ``.qm`` is found with ``importlib.resources``.
"""

from __future__ import annotations

import importlib.resources
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGE_SETTING = "ui/language"
# Language code -> name shown in the language menu (each in its own language, never translated).
LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """Folder holding our compiled ``.qm`` files (inside the installed package)."""
    return Path(str(importlib.resources.files("reliefdesk.ui") / "translations"))


def qm_path(language: str, catalog: str = "reliefdesk") -> Path:
    return translations_dir() / f"{catalog}_{language}.qm"


def qm_files(language: str) -> list[Path]:
    """Every catalog compiled for ``language`` (one per UI area, see build_translations.py)."""
    return sorted(translations_dir().glob(f"*_{language}.qm"))


def saved_language(settings: QSettings) -> str:
    """The language chosen in the Language menu, or the default (Chinese)."""
    value = settings.value(LANGUAGE_SETTING, DEFAULT_LANGUAGE)
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(settings: QSettings, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    settings.setValue(LANGUAGE_SETTING, language)


def install_translators(
    app: QCoreApplication, language: str = DEFAULT_LANGUAGE
) -> list[QTranslator]:
    """Install the translators for ``language`` on ``app`` and return them.

    Earlier translators installed here are removed first. ``"en"`` (the source language)
    installs none. Call before creating windows: texts are set when widgets are built.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []

    if not qm_path(language).exists():
        log.error("Missing translation file %s", qm_path(language))
    for path in qm_files(language):
        ours = QTranslator(app)
        if ours.load(str(path)):
            _installed.append(ours)
        else:
            log.error("Cannot load translation file %s", path)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", str(translations_dir() / "qt")) or qtbase.load(
        f"qtbase_{language}", qt_dir
    ):
        _installed.append(qtbase)
    else:
        log.warning("Qt's own translation qtbase_%s not found in %s", language, qt_dir)
    for translator in _installed:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    return list(_installed)
