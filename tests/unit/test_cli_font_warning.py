"""reliefdesk-admin forms: a machine without an embeddable Chinese font gets a Chinese warning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reliefdesk.cli import main
from reliefdesk.documents.pdf import fonts


@pytest.fixture(autouse=True)
def _fresh_choice() -> Iterator[None]:
    fonts.reset_font_choice()
    yield
    fonts.reset_font_choice()
    fonts.ensure_font()  # leave the normal choice registered for other tests


@pytest.fixture
def demo_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("RELIEFDESK_DB", raising=False)
    db = tmp_path / "demo.sqlite3"
    assert main(["--db", str(db), "demo", "--plain", "--households", "20", "--clean"]) == 0
    monkeypatch.setenv("RELIEFDESK_PASSWORD", "Demo#clerk1")
    return db


def test_forms_warns_in_chinese_without_cjk_font(
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With no CJK TrueType font the form is still written (exit 0) and stderr says why it may look wrong."""
    monkeypatch.setattr(fonts, "candidate_fonts", lambda: [(str(tmp_path / "simsun.ttc"), 0)])
    out = tmp_path / "a.pdf"
    capsys.readouterr()
    assert (
        main(
            [
                "--db",
                str(demo_db),
                "--user",
                "clerk",
                "forms",
                "application",
                "--id",
                "1",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert out.read_bytes().startswith(b"%PDF-")
    assert err.strip() == f"警告：{fonts.NO_FONT_MESSAGE}"


def test_forms_silent_with_cjk_font(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With the system's CJK font found, forms prints no warning."""
    capsys.readouterr()
    assert (
        main(
            [
                "--db",
                str(demo_db),
                "--user",
                "clerk",
                "forms",
                "application",
                "--id",
                "1",
                "--out",
                str(tmp_path / "b.pdf"),
            ]
        )
        == 0
    )
    assert capsys.readouterr().err == ""
