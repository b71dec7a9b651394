"""Chinese line-breaking rules (禁则) for reportlab's CJK wrapping.

reportlab's ``wordWrap='CJK'`` splitter (``platypus.paragraph.cjkFragSplit``) only knows
a Japanese-leaning list of characters that may not start a line: it lacks the full-width
``，；：！？》”`` (ECOSYSTEM §3.2 measured 85 of 1,111 lines starting with "，"), and it
hangs at most one such character, so "。”" at a line end still leaves "”" at the start
of the next line.  It also lets an opening bracket or quote end a line.

``install()`` replaces the module-level splitters (``cjkFragSplit`` for multi-fragment
paragraphs, ``textsplit.dumbSplit`` which single-fragment paragraphs reach through
``wordSplit``) with the versions below, which
keeps reportlab's handling of Latin runs but chooses the break so that the next line
never starts with a character of ``CANNOT_START`` and the line never ends with one of
``CANNOT_END`` (it pulls characters down to the next line rather than hanging several).
The patch is process-wide and idempotent; importing ``reliefdesk.documents.pdf`` does it.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import textsplit as _textsplit
from reportlab.platypus import paragraph as _paragraph
from reportlab.rl_config import _FUZZ

# This module patches reportlab internals (cjkU, makeCJKParaLine, cjkFragSplit, dumbSplit,
# ALL_CANNOT_START) that the type stubs leave out or mark Final: typed as Any on purpose.
textsplit: Any = _textsplit
_para: Any = _paragraph

#: Characters that must never begin a line (Chinese and Western closing punctuation).
CANNOT_START = textsplit.ALL_CANNOT_START + "，。；：！？、）》」』】〕〉”’…—·%％,.;:!?)]}"
#: Characters that must never end a line (opening brackets and quotes).
CANNOT_END = "（《「『【〔〈“‘([{"

_installed = False


def _break_lines(
    chars: list[str], widths: list[float], max_widths: list[float], hard: set[int] | None = None
) -> list[tuple[int, int, float]]:
    """Greedy line breaking with 禁则; returns (start, end, max width) per line.

    ``hard`` holds indices of characters that force a break after themselves (<br/>).
    """
    out: list[tuple[int, int, float]] = []
    hard = hard or set()
    n = len(chars)
    i = start = 0
    used = 0.0
    max_width = max_widths[0]
    while i < n:
        used += widths[i]
        i += 1
        line_break = (i - 1) in hard
        if not (line_break or (used > max_width + _FUZZ and used > 0)):
            continue
        if line_break:
            brk = i
        else:
            brk = i - 1  # the overflowing character goes to the next line
            c = chars[i - 1]
            if c and ord(c[0]) < 0x3000 and not c.isspace():
                # Inside a Latin/digit run: break after the last space or CJK character in
                # the second half of the line (reportlab's heuristic) to keep the run whole.
                limit = (start + i) >> 1
                for j in range(i - 2, limit, -1):
                    cj = chars[j]
                    if cj and (cj.isspace() or ord(cj[0]) >= 0x3000):
                        brk = j + 1
                        break
            # Pull characters down until the next line may start at ``brk`` and this line
            # does not end on an opening bracket; always keep at least one character.
            while start + 1 < brk < n and (
                chars[brk] in CANNOT_START or chars[brk - 1] in CANNOT_END
            ):
                brk -= 1
            brk = max(brk, start + 1)
        out.append((start, brk, max_width))
        try:
            max_width = max_widths[len(out)]
        except IndexError:
            max_width = max_widths[-1]
        i = start = brk
        used = 0
    if start < n:
        out.append((start, n, max_width))
    return out


def dumb_split(word: str, widths: list[float], maxWidths: Any) -> list[list[Any]]:
    """Drop-in replacement for ``reportlab.lib.textsplit.dumbSplit`` (single-frag paragraphs)."""
    max_widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
    lines: list[list[Any]] = []
    for a, b, mw in _break_lines(list(word), list(widths), max_widths):
        text = word[a:b]
        w = float(sum(widths[a:b]))
        if b < len(word):
            text = text.strip()
        lines.append([mw - w, text])
    return lines


def cjk_frag_split(
    frags: Any, maxWidths: list[float], calcBounds: Any, encoding: str = "utf8"
) -> Any:
    """Drop-in replacement for ``reportlab.platypus.paragraph.cjkFragSplit`` with 禁则."""
    units: list[Any] = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend([_para.cjkU(t, f, encoding) for t in text])
        else:
            units.append(_para.cjkU(text, f, encoding))
    widths: list[float] = []
    hard: set[int] = set()
    for k, u in enumerate(units):
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = maxWidths[0]
            w = w.normalizedValue(maxWidths[0])
        widths.append(float(w))
        if hasattr(u.frag, "lineBreak"):
            hard.add(k)
    lines = []
    for a, b, mw in _break_lines(list(units), widths, list(maxWidths), hard):
        used = float(sum(widths[a:b]))
        lines.append(
            _para.makeCJKParaLine(units[a:b], mw, used, mw - used, (b - 1) in hard, calcBounds)
        )
    return _para.ParaLines(kind=1, lines=lines)


#: Single-fragment line breaks already computed: (text, widths, font, size) -> lines. A form
#: batch wraps the same labels hundreds of times, and a table wraps every cell twice (to size
#: the rows, then to draw); the result depends on nothing else. Cleared when it grows large.
_SPLITS: dict[tuple[str, tuple[float, ...], str, float], list[list[Any]]] = {}
_SPLITS_MAX = 50_000


def word_split(
    word: str, maxWidths: Any, fontName: str, fontSize: float, encoding: str = "utf8"
) -> list[list[Any]]:
    """``textsplit.wordSplit`` (which breaks with :func:`dumb_split`), remembered: the same
    text broken to the same widths in the same font gives the same lines."""
    widths = tuple(maxWidths) if isinstance(maxWidths, (list, tuple)) else (maxWidths,)
    key = (word, widths, fontName, fontSize)
    lines = _SPLITS.get(key)
    if lines is None:
        if len(_SPLITS) >= _SPLITS_MAX:
            _SPLITS.clear()
        lines = _SPLITS[key] = textsplit.wordSplit(word, maxWidths, fontName, fontSize, encoding)
    return [list(line) for line in lines]  # callers get their own [space, text] pairs


def install() -> None:
    """Make reportlab's CJK wrapping use ``cjk_frag_split`` (idempotent)."""
    global _installed
    if _installed:
        return
    _para.cjkFragSplit = cjk_frag_split
    textsplit.dumbSplit = dumb_split  # used by wordSplit
    _para.wordSplit = word_split  # single-fragment paragraphs (most table cells)
    # Also widen the shared list for any other reportlab code that consults it.
    textsplit.ALL_CANNOT_START = CANNOT_START
    _para.ALL_CANNOT_START = CANNOT_START
    _installed = True
