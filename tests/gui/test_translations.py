"""Tests for the zh_CN translation and its loading (reliefdesk.ui.i18n)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from reliefdesk.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "scripts" / "build_translations.py"


@pytest.fixture
def zh(qapp):
    """Chinese translators installed for one test, removed afterwards."""
    yield i18n.install_translators(qapp, "zh_CN")
    i18n.install_translators(qapp, "en")


def test_ts_is_complete_and_qm_is_current():
    """Every source string is in the .ts and translated, and the committed .qm matches the .ts."""
    result = subprocess.run(
        [sys.executable, str(BUILD), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_qm_ships_inside_the_package():
    """The compiled catalogue lives in the package (importlib.resources), not only in resources/."""
    assert i18n.qm_path("zh_CN").is_file()
    assert i18n.qm_path("zh_CN").is_relative_to(ROOT / "reliefdesk" / "ui")


def test_chinese_is_loaded_for_ours_and_qts_strings(zh):
    """zh_CN installs every one of our catalogues and Qt's qtbase one, so both kinds of text
    are Chinese."""
    assert len(zh) == len(i18n.qm_files("zh_CN")) + 1 >= 3
    assert QCoreApplication.translate("MainWindow", "Households") == "家庭档案"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_english_installs_nothing(qapp):
    """'en' (the source language) removes earlier translators and installs none."""
    i18n.install_translators(qapp, "zh_CN")
    assert i18n.install_translators(qapp, "en") == []
    assert QCoreApplication.translate("MainWindow", "Households") == "Households"
