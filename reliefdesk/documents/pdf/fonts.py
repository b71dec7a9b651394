"""Find and register an embeddable Chinese TrueType font for reportlab.

Order (DESIGN §5, ECOSYSTEM §3.1):

1. ``RELIEFDESK_PDF_FONT`` (a path to .ttf/.ttc, optionally ``path#index`` for a subfont);
2. Windows, in ``%WINDIR%\\Fonts`` and then the per-user font folder
   ``%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts``: SimSun ``simsun.ttc`` (subfont 0 = 宋体,
   1 = 新宋体), FangSong ``simfang.ttf``, SimHei ``simhei.ttf``, Microsoft YaHei ``msyh.ttc``
   (subfont 0; ``msyh.ttf`` on Windows 7), KaiTi ``simkai.ttf``;
   then any .ttf/.ttc bundled in ``reliefdesk/resources/fonts`` (none shipped yet);
3. Linux: WenQuanYi Zen Hei/Micro Hei, AR PL UMing, the CESI fonts of 银河麒麟/统信UOS, then a
   glob over common font directories;
4. last resort: the CID font ``STSong-Light`` which is *not embedded* (the viewer
   substitutes a face), with a logged warning; :func:`font_warning` then returns a one-line
   Chinese message for the clerk (the CLI prints it).

reportlab cannot embed CFF outlines (.otf, Noto CJK/Source Han), so those are skipped;
fonts whose ``fsType`` forbids embedding raise ``TTFError`` and are skipped as well.
"""

from __future__ import annotations

import glob
import logging
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

ENV_VAR = "RELIEFDESK_PDF_FONT"
FONT_NAME = "ReliefDeskCJK"
CID_FALLBACK = "STSong-Light"


@dataclass(frozen=True, slots=True)
class FontChoice:
    """Which font the PDFs use: the registered reportlab name, its file and whether embedded."""

    name: str
    path: str | None
    subfont_index: int
    embedded: bool


NO_FONT_MESSAGE = (
    "未找到可嵌入的中文 TrueType 字体（宋体、黑体、微软雅黑或文泉驿），打印的表格在不同电脑上"
    f"可能显示不一致。请安装中文字体，或设置环境变量 {ENV_VAR} 指向 .ttf/.ttc 字体文件。"
)

# (file name, subfont index) in preference order: official forms are set in 宋体/仿宋.
WINDOWS_FONTS: tuple[tuple[str, int], ...] = (
    ("simsun.ttc", 0),  # SimSun 宋体 (index 1 is NSimSun 新宋体)
    ("simfang.ttf", 0),  # FangSong 仿宋
    ("simhei.ttf", 0),  # SimHei 黑体
    ("msyh.ttc", 0),  # Microsoft YaHei 微软雅黑 (index 1 is Microsoft YaHei UI)
    ("msyh.ttf", 0),  # Microsoft YaHei on Windows 7
    ("simkai.ttf", 0),  # KaiTi 楷体
)


def _windows_font_dirs() -> list[Path]:
    """The system font folder, then the per-user one (fonts installed without admin rights)."""
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
    dirs = [Path(windir) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _windows_candidates() -> list[tuple[str, int]]:
    return [(str(d / name), index) for d in _windows_font_dirs() for name, index in WINDOWS_FONTS]


_LINUX_KNOWN = [
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/cesi/CESI_SS_GB2312.TTF", 0),  # 银河麒麟 (Kylin) 宋体
    ("/usr/share/fonts/truetype/cesi/CESI_FS_GB2312.TTF", 0),
    ("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", 0),  # Fedora layout
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
]

# Name fragments of TrueType-outline CJK faces worth trying when globbing.
_GLOB_HINTS = (
    "wqy-zenhei",
    "wqy-microhei",
    "uming",
    "ukai",
    "droidsansfallback",
    "simsun",
    "simfang",
    "simhei",
    "simkai",
    "msyh",
    "cesi_ss",
    "cesi_fs",
    "cesi_ht",
    "cesi_kt",
)
_FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
)


def _bundled_candidates() -> list[tuple[str, int]]:
    """Open-licensed fonts shipped with the app in ``reliefdesk/resources/fonts`` (if any)."""
    base = Path(__file__).resolve().parents[2] / "resources" / "fonts"
    return sorted((str(p), 0) for p in base.glob("*.tt[cf]")) if base.is_dir() else []


def _glob_candidates() -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for d in _FONT_DIRS:
        base = os.path.expanduser(d)
        if not os.path.isdir(base):
            continue
        for ext in ("ttf", "ttc", "TTF", "TTC"):
            for p in glob.glob(os.path.join(base, "**", f"*.{ext}"), recursive=True):
                low = os.path.basename(p).lower()
                if any(h in low for h in _GLOB_HINTS):
                    found.append((p, 0))
    return sorted(found)


def candidate_fonts() -> list[tuple[str, int]]:
    """Font files to try, in preference order (env override first)."""
    cands: list[tuple[str, int]] = []
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        cands.append(parse_font_spec(env))
    if sys.platform.startswith("win"):
        cands += _windows_candidates()
    cands += _bundled_candidates()
    cands += _LINUX_KNOWN
    cands += _glob_candidates()
    seen: set[tuple[str, int]] = set()
    out = []
    for c in cands:
        if c not in seen:
            seen.add(c)
            out.append(c)
    return out


_lock = threading.Lock()
_choice: FontChoice | None = None
_registered: dict[tuple[str, int], str] = {}  # (file, subfont) -> reportlab font name


def _try_register(path: str, index: int) -> FontChoice | None:
    if not os.path.isfile(path):
        return None
    # reportlab ignores a second registration under a name it already knows, so a different
    # face (another file or subfont, e.g. after a reset in tests) gets a name of its own.
    if (path, index) in _registered:
        return FontChoice(_registered[(path, index)], path, index, embedded=True)
    name = f"{FONT_NAME}-{len(_registered)}" if _registered else FONT_NAME
    try:
        font = TTFont(name, path, subfontIndex=index)
    except (TTFError, OSError, ValueError) as exc:  # CFF outlines, no embedding rights, damage
        log.info("PDF font %s#%d unusable: %s", path, index, exc)
        return None
    pdfmetrics.registerFont(font)
    _registered[(path, index)] = name
    return FontChoice(name, path, index, embedded=True)


def parse_font_spec(value: str) -> tuple[str, int]:
    """``"C:\\Windows\\Fonts\\simsun.ttc#1"`` -> (path, 1); no or a bad ``#index`` means 0."""
    path, sep, idx = value.strip().rpartition("#")
    if not sep or not idx.strip().isdigit():
        return value.strip(), 0
    return path, int(idx)


def ensure_font() -> FontChoice:
    """Register the document font once per process and say which one it is."""
    global _choice
    choice = _choice  # fast path without the lock: a form asks for every string it sets
    if choice is not None:
        return choice
    with _lock:
        if _choice is not None:
            return _choice
        for path, index in candidate_fonts():
            choice = _try_register(path, index)
            if choice is not None:
                log.info("PDF font: %s (subfont %d), embedded", path, index)
                _choice = choice
                return choice
        log.warning("%s (non-embedded CID font %s used)", NO_FONT_MESSAGE, CID_FALLBACK)
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        _choice = FontChoice(CID_FALLBACK, None, 0, embedded=False)
        return _choice


def font_warning() -> str | None:
    """The Chinese message to show when the PDFs cannot embed a Chinese font, else None."""
    return None if ensure_font().embedded else NO_FONT_MESSAGE


def reset_font_choice() -> None:
    """Forget the cached choice (tests that change ``RELIEFDESK_PDF_FONT`` use this).

    Faces already registered stay in reportlab's registry under their own names; choosing
    another file or subfont afterwards registers it under a new name (reportlab never replaces
    a registered name).
    """
    global _choice
    with _lock:
        _choice = None
