"""Font discovery: env override, TrueType preference, and the logged CID fallback."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import pytest

from reliefdesk.documents.pdf import fonts

WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"


@pytest.fixture(autouse=True)
def _fresh_choice() -> Iterator[None]:
    fonts.reset_font_choice()
    yield
    fonts.reset_font_choice()
    fonts.ensure_font()  # leave the normal choice registered for other tests


def test_env_var_font_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """RELIEFDESK_PDF_FONT (path#subfont) is tried before any platform font."""
    if not os.path.isfile(UMING):
        pytest.skip("AR PL UMing not installed")
    monkeypatch.setenv(fonts.ENV_VAR, UMING + "#0")
    assert fonts.candidate_fonts()[0] == (UMING, 0)
    choice = fonts.ensure_font()
    assert choice.path == UMING and choice.embedded


def test_windows_candidates_are_simsun_simfang_simhei(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows the search order starts simsun.ttc (subfont 0), simfang.ttf, simhei.ttf under %WINDIR%\\Fonts."""
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    monkeypatch.setattr(fonts.sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", "C:\\Windows")
    names = [os.path.basename(p.replace("\\", "/")) for p, _ in fonts.candidate_fonts()[:3]]
    assert names == ["simsun.ttc", "simfang.ttf", "simhei.ttf"]


def test_linux_prefers_an_embeddable_truetype_face(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without an override, a Linux machine with WenQuanYi/UMing gets an embedded TrueType font."""
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    if not (os.path.isfile(WQY) or os.path.isfile(UMING)):
        pytest.skip("no CJK TrueType font installed")
    choice = fonts.ensure_font()
    assert choice.embedded and choice.path in (WQY, UMING)


def test_unusable_files_are_skipped(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A missing file or a file that is not a TrueType font is skipped, not fatal."""
    junk = tmp_path / "broken.ttf"
    junk.write_bytes(b"OTTO" + b"\0" * 64)  # CFF-flavoured header: reportlab cannot embed it
    monkeypatch.setattr(
        fonts,
        "candidate_fonts",
        lambda: (
            [(str(tmp_path / "nope.ttc"), 0), (str(junk), 0)]
            + ([(WQY, 0)] if os.path.isfile(WQY) else [])
        ),
    )
    choice = fonts.ensure_font()
    if os.path.isfile(WQY):
        assert choice.path == WQY and choice.embedded


def test_cid_fallback_is_logged_and_not_embedded(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """With no TrueType font at all, STSong-Light is used, flagged as not embedded, and a warning is logged."""
    monkeypatch.setattr(fonts, "candidate_fonts", lambda: [])
    with caplog.at_level(logging.WARNING, logger=fonts.__name__):
        choice = fonts.ensure_font()
    assert choice.name == "STSong-Light" and not choice.embedded and choice.path is None
    assert any(
        "STSong-Light" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records
    )


def test_choice_is_cached() -> None:
    """The font is looked up once per process (parsing a CJK TTC takes ~0.2 s)."""
    assert fonts.ensure_font() is fonts.ensure_font()
