"""Font discovery per platform (Windows system and per-user folders, subfont indexes, the
Chinese no-font message), with fake font folders in temp dirs holding a copy of a real CJK TTC,
and subfont embedding checked in a real PDF read back with pypdf."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from reliefdesk.documents.pdf import fonts

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")  # installed by scripts/setup.sh


@pytest.fixture(autouse=True)
def _fresh_choice() -> Iterator[None]:
    fonts.reset_font_choice()
    yield
    fonts.reset_font_choice()
    fonts.ensure_font()  # leave the normal choice registered for other tests


@pytest.fixture()
def windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[Path, Path]:
    """A fake Windows: %WINDIR%\\Fonts and %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts in tmp."""
    system = tmp_path / "Windows" / "Fonts"
    user = tmp_path / "Local" / "Microsoft" / "Windows" / "Fonts"
    system.mkdir(parents=True)
    user.mkdir(parents=True)
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    monkeypatch.setattr(fonts.sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    return system, user


def _embedded_base_fonts(choice: fonts.FontChoice) -> set[str]:
    """Draw 民政所 with the chosen font into a PDF and return the embedded BaseFont names."""
    buf = io.BytesIO()
    canvas = Canvas(buf)
    canvas.setFont(choice.name, 12)
    canvas.drawString(72, 720, "民政所 最低生活保障")
    canvas.save()
    names = set()
    for page in PdfReader(io.BytesIO(buf.getvalue())).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                names.add(str(font["/BaseFont"]))
    return names


def test_windows_order_covers_simsun_simhei_and_yahei(windows: tuple[Path, Path]) -> None:
    """Windows tries SimSun, FangSong, SimHei, Microsoft YaHei (msyh.ttc, then msyh.ttf) in the system folder, then the same in the per-user folder."""
    system, user = windows
    cands = fonts.candidate_fonts()
    names = [(Path(p).parent, Path(p).name) for p, _ in cands[:12]]
    expected = [n for n, _ in fonts.WINDOWS_FONTS]
    assert names[:6] == [(system, n) for n in expected]
    assert names[6:12] == [(user, n) for n in expected]
    assert all(index == 0 for _p, index in cands[:12])


def test_windows_simsun_ttc_is_embedded(windows: tuple[Path, Path]) -> None:
    """A simsun.ttc in %WINDIR%\\Fonts is chosen first and embedded (subfont 0) in a real PDF."""
    system, _user = windows
    shutil.copy(WQY, system / "simsun.ttc")
    shutil.copy(WQY, system / "simhei.ttf")
    choice = fonts.ensure_font()
    assert choice.path == str(system / "simsun.ttc") and choice.subfont_index == 0
    assert choice.embedded and fonts.font_warning() is None
    assert any("WenQuanYi" in n for n in _embedded_base_fonts(choice))


def test_per_user_yahei_is_found(windows: tuple[Path, Path]) -> None:
    """With no system CJK font, Microsoft YaHei installed per user (msyh.ttc) is used."""
    _system, user = windows
    shutil.copy(WQY, user / "msyh.ttc")
    choice = fonts.ensure_font()
    assert choice.path == str(user / "msyh.ttc") and choice.embedded


def test_subfont_index_picks_the_face_in_a_ttc(monkeypatch: pytest.MonkeyPatch) -> None:
    """path#1 embeds the second face of a TrueType collection, not the first."""
    monkeypatch.setenv(fonts.ENV_VAR, f"{WQY}#1")
    choice = fonts.ensure_font()
    assert (choice.path, choice.subfont_index) == (str(WQY), 1)
    second = _embedded_base_fonts(choice)
    fonts.reset_font_choice()
    monkeypatch.setenv(fonts.ENV_VAR, f"{WQY}#0")
    first = _embedded_base_fonts(fonts.ensure_font())
    assert second and first and second != first


def test_bad_subfont_index_falls_through(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An out-of-range subfont index is skipped like an unusable file; the next font is used."""
    other = tmp_path / "fallback.ttc"
    shutil.copy(WQY, other)
    monkeypatch.setattr(fonts, "candidate_fonts", lambda: [(str(WQY), 9), (str(other), 0)])
    choice = fonts.ensure_font()
    assert choice.path == str(other) and choice.embedded


def test_parse_font_spec_handles_windows_paths() -> None:
    """RELIEFDESK_PDF_FONT accepts path#index; a drive letter or a missing index means subfont 0."""
    assert fonts.parse_font_spec(r"C:\Windows\Fonts\simsun.ttc#1") == (
        r"C:\Windows\Fonts\simsun.ttc",
        1,
    )
    assert fonts.parse_font_spec(r"C:\Windows\Fonts\simhei.ttf") == (
        r"C:\Windows\Fonts\simhei.ttf",
        0,
    )
    assert fonts.parse_font_spec("/fonts/a#b.ttc") == ("/fonts/a#b.ttc", 0)


def test_linux_cesi_font_of_kylin_is_a_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Linux desktops (银河麒麟/统信UOS) with the CESI 宋体 are covered by the known paths."""
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    monkeypatch.setattr(fonts.sys, "platform", "linux")
    paths = [p for p, _ in fonts.candidate_fonts()]
    assert "/usr/share/fonts/truetype/cesi/CESI_SS_GB2312.TTF" in paths


def test_no_font_gives_a_chinese_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Empty font folders: the PDFs fall back to a non-embedded font and font_warning() says so in Chinese."""
    monkeypatch.setattr(
        fonts,
        "candidate_fonts",
        lambda: [(str(tmp_path / "simsun.ttc"), 0), (str(tmp_path / "x.ttf"), 0)],
    )
    assert fonts.font_warning() == fonts.NO_FONT_MESSAGE
    assert "未找到可嵌入的中文" in fonts.NO_FONT_MESSAGE and fonts.ENV_VAR in fonts.NO_FONT_MESSAGE
