"""Application look: Fusion style, a CJK-capable UI font and one quiet office stylesheet."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# First installed family wins. Windows ships Microsoft YaHei UI; Linux test boxes have WenQuanYi.
UI_FONT_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
)

ACCENT = "#1f5fa8"
ERROR = "#c62828"

STYLESHEET = f"""
QMainWindow, QDialog {{ background: #f5f6f8; }}
QListWidget#navList {{
    background: #24364b; color: #dde4ec; border: none; outline: 0; padding-top: 8px;
}}
QListWidget#navList::item {{ padding: 10px 16px; border-left: 3px solid transparent; }}
QListWidget#navList::item:hover {{ background: #2d4560; }}
QListWidget#navList::item:selected {{
    background: #31506f; color: white; border-left: 3px solid #6fb1ff;
}}
QLabel[role="pageTitle"] {{ font-size: 16pt; font-weight: bold; color: #1d2733; }}
QLabel[role="hint"] {{ color: #5d6b7a; }}
QLabel[role="error"] {{ color: {ERROR}; }}
QLabel[role="dialogTitle"] {{ font-size: 14pt; font-weight: bold; color: #1d2733; }}
QLabel[role="sectionTitle"] {{ font-weight: bold; color: {ACCENT}; padding-top: 6px; }}
QGroupBox {{
    background: white; border: 1px solid #d6dbe1; border-radius: 4px;
    margin-top: 14px; padding: 12px 10px 8px 10px; font-weight: bold; color: {ACCENT};
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDateEdit {{
    background: white; border: 1px solid #b9c2cc; border-radius: 3px; padding: 4px 6px;
    selection-background-color: {ACCENT};
}}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border: 1px solid {ACCENT}; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] {{
    border: 1px solid {ERROR}; background: #fff6f6;
}}
QPushButton {{
    background: white; border: 1px solid #aeb8c3; border-radius: 3px;
    padding: 5px 16px; min-width: 64px;
}}
QPushButton:hover {{ background: #eef3f9; }}
QPushButton:default, QPushButton[role="primary"] {{
    background: {ACCENT}; color: white; border: 1px solid #174a84;
}}
QPushButton:default:hover, QPushButton[role="primary"]:hover {{ background: #2a6fbd; }}
QPushButton:disabled {{ color: #9aa4ae; background: #f0f1f3; border-color: #d0d5db; }}
QStatusBar {{ background: #e9ecf0; color: #2c3a48; border-top: 1px solid #d0d5db; }}
QStatusBar QLabel {{ padding: 0 10px; }}
QLabel#overdueLabel[alert="true"] {{ color: {ERROR}; font-weight: bold; }}
QFrame#pageCard, QFrame#lockCover {{ background: white; border: 1px solid #d6dbe1; }}
QMenuBar {{ background: #f5f6f8; }}
"""


def ui_font() -> QFont:
    """The preferred installed CJK UI font at 10 pt (the platform default if none is found)."""
    installed = set(QFontDatabase.families())
    for family in UI_FONT_FAMILIES:
        if family in installed:
            return QFont(family, 10)
    font = QFont()
    font.setPointSize(10)
    return font


def apply_style(app: QApplication) -> None:
    """Apply the Fusion style, the UI font and the stylesheet to ``app``."""
    if sys.platform != "darwin":
        app.setStyle("Fusion")
    app.setFont(ui_font())
    app.setStyleSheet(STYLESHEET)
