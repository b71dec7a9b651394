"""Find and register an embeddable Chinese TrueType font for reportlab.

Order (DESIGN §5, ECOSYSTEM §3.1):

1. ``RELIEFDESK_PDF_FONT`` (a path to .ttf/.ttc, optionally ``path#index`` for a subfont);
2. Windows: ``%WINDIR%\\Fonts\\simsun.ttc`` (subfont 0), ``simfang.ttf``, ``simhei.ttf``;
   then any .ttf/.ttc bundled in ``reliefdesk/resources/fonts`` (none shipped yet);
3. Linux: WenQuanYi Zen Hei, AR PL UMing, then a glob over common font directories;
4. last resort: the CID font ``STSong-Light`` which is *not embedded* (the viewer
   substitutes a face), with a logged warning.

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


def _windows_candidates() -> list[tuple[str, int]]:
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows"
    fonts = Path(windir) / "Fonts"
    return [
        (str(fonts / "simsun.ttc"), 0),
        (str(fonts / "simfang.ttf"), 0),
        (str(fonts / "simhei.ttf"), 0),
    ]


_LINUX_KNOWN = [
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", 0),  # Fedora layout
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
]

# Name fragments of TrueType-outline CJK faces worth trying when globbing.
_GLOB_HINTS = ("wqy-zenhei", "wqy-microhei", "uming", "ukai", "droidsansfallback", "simsun",
               "simfang", "simhei", "simkai")
_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
              "/Library/Fonts", "/System/Library/Fonts", "~/Library/Fonts")


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
        path, _, idx = env.partition("#")
        cands.append((path, int(idx) if idx.isdigit() else 0))
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


def _try_register(path: str, index: int) -> FontChoice | None:
    if not os.path.isfile(path):
        return None
    try:
        font = TTFont(FONT_NAME, path, subfontIndex=index)
    except (TTFError, OSError, ValueError) as exc:  # CFF outlines, no embedding rights, damage
        log.info("PDF font %s#%d unusable: %s", path, index, exc)
        return None
    pdfmetrics.registerFont(font)
    return FontChoice(FONT_NAME, path, index, embedded=True)


def ensure_font() -> FontChoice:
    """Register the document font once per process and say which one it is."""
    global _choice
    with _lock:
        if _choice is not None:
            return _choice
        for path, index in candidate_fonts():
            choice = _try_register(path, index)
            if choice is not None:
                log.info("PDF font: %s (subfont %d), embedded", path, index)
                _choice = choice
                return choice
        log.warning(
            "No embeddable Chinese TrueType font found (set %s to a .ttf/.ttc); falling back "
            "to the non-embedded CID font %s - printed forms will look different per viewer",
            ENV_VAR, CID_FALLBACK,
        )
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        _choice = FontChoice(CID_FALLBACK, None, 0, embedded=False)
        return _choice


def reset_font_choice() -> None:
    """Forget the cached choice (tests that change ``RELIEFDESK_PDF_FONT`` use this).

    A TrueType face already registered under ``FONT_NAME`` stays in reportlab's registry;
    the next ``ensure_font`` re-registers under the same name, which replaces it.
    """
    global _choice
    with _lock:
        _choice = None
