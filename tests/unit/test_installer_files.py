"""Packaging files name only things that exist: the PyInstaller spec, the Inno Setup script, the
.deb menu entries and the build scripts agree with each other and with the source tree."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import re
import tomllib
from pathlib import Path

import pytest

import reliefdesk
from reliefdesk.version import app_version, icon_path

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "reliefdesk.spec"
ISS = INSTALLER / "reliefdesk.iss"
BASES = {"ROOT": ROOT, "PKG": ROOT / "reliefdesk", "SPECPATH": INSTALLER}


def _spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"))


def _join_path(call: ast.Call) -> Path | None:
    """``os.path.join(BASE, "a", "b")`` -> the path it names, else None."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr == "join" and call.args):
        return None
    base = call.args[0]
    if not (isinstance(base, ast.Name) and base.id in BASES):
        return None
    parts = [a.value for a in call.args[1:] if isinstance(a, ast.Constant)]
    if len(parts) != len(call.args) - 1:
        return None
    return BASES[base.id].joinpath(*parts)


def _calls(name: str) -> list[ast.Call]:
    return [
        n
        for n in ast.walk(_spec_tree())
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == name
    ]


def test_spec_paths_exist() -> None:
    """Every os.path.join(ROOT/PKG/SPECPATH, ...) in the spec (launchers, icon, data folders) exists."""
    paths = [
        p
        for n in ast.walk(_spec_tree())
        if isinstance(n, ast.Call)
        for p in [_join_path(n)]
        if p is not None
    ]
    assert len(paths) >= 8
    missing = [str(p) for p in paths if not p.exists()]
    assert missing == []


def test_spec_data_folders_land_where_the_package_reads_them() -> None:
    """Each tree(src, dest, suffixes) collects at least one file and keeps its package-relative place."""
    calls = _calls("tree")
    assert len(calls) >= 5
    for call in calls:
        src = _join_path(call.args[0])  # type: ignore[arg-type]
        dest = ast.literal_eval(call.args[1])
        suffixes = ast.literal_eval(call.args[2])
        assert src is not None
        assert dest == src.relative_to(ROOT).as_posix()
        assert [f for f in src.iterdir() if f.name.endswith(suffixes)], src


def test_spec_collects_alembic_sources_and_runtime_data() -> None:
    """The Alembic env.py and versions/*.py, the holiday seed, the .qm files and the icon are collected as files."""
    collected = {
        (
            _join_path(c.args[0]).relative_to(ROOT).as_posix(),  # type: ignore[union-attr, arg-type]
            ast.literal_eval(c.args[2]),
        )
        for c in _calls("tree")
    }
    wanted = {
        "reliefdesk/db/migrations": ".py",
        "reliefdesk/db/migrations/versions": ".py",
        "reliefdesk/domain": ".json",
        "reliefdesk/ui/translations": ".qm",
        "reliefdesk/ui/assets": ".png",
    }
    for folder, suffix in wanted.items():
        assert any(f == folder and suffix in s for f, s in collected), folder


def test_spec_hidden_imports_are_importable() -> None:
    """Every module named for collect_submodules/collect_data_files or as a hidden import exists."""
    names: list[str] = []
    for fn in ("collect_submodules", "collect_data_files"):
        names += [ast.literal_eval(c.args[0]) for c in _calls(fn)]
    for node in ast.walk(_spec_tree()):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "hidden":
            names += [
                e.value
                for e in ast.walk(node.value)
                if isinstance(e, ast.List)
                for e in e.elts
                if isinstance(e, ast.Constant)
            ]
    assert "reportlab.graphics.barcode" in names and "alembic.ddl" in names
    missing = [n for n in names if importlib.util.find_spec(n) is None]
    assert missing == []


def test_launchers_call_real_entry_points() -> None:
    """installer/launch_gui.py and launch_cli.py import main() functions that exist."""
    for launcher in ("launch_gui.py", "launch_cli.py"):
        tree = ast.parse((INSTALLER / launcher).read_text(encoding="utf-8"))
        imports = [
            n
            for n in tree.body
            if isinstance(n, ast.ImportFrom) and n.module and n.module.startswith("reliefdesk")
        ]
        assert imports, launcher
        for imp in imports:
            module = importlib.import_module(imp.module)  # type: ignore[arg-type]
            assert all(hasattr(module, a.name) for a in imp.names)


def _iss_lines() -> list[str]:
    text = ISS.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf"), "the .iss must be UTF-8 with BOM (Chinese texts)"
    return [
        line.strip()
        for line in text.decode("utf-8-sig").splitlines()
        if line.strip() and not line.strip().startswith(";")
    ]


def test_iss_references_existing_files_and_the_spec_outputs() -> None:
    """The .iss icon exists; it installs what the spec builds (dist/reliefdesk, reliefdesk.exe)."""
    lines = _iss_lines()
    icon = next(line.split("=", 1)[1] for line in lines if line.startswith("SetupIconFile="))
    assert (INSTALLER / icon.replace("\\", "/")).resolve() == icon_path("ico").resolve()
    sources = [m.group(1) for line in lines for m in [re.search(r'Source: "([^"]+)"', line)] if m]
    assert sources == ["..\\dist\\reliefdesk\\*"]
    spec = SPEC.read_text(encoding="utf-8")
    assert re.search(r'COLLECT\([^)]*name="reliefdesk"', spec, re.S)
    for script in ("build.sh", "build.ps1"):
        assert "--distpath dist" in (INSTALLER / script).read_text(encoding="utf-8")
    exes = set(re.findall(r"\{app\}\\([\w-]+\.exe)", "\n".join(lines)))
    spec_exes = {f"{n}.exe" for n in re.findall(r'EXE\([^)]*?name="([\w-]+)"', spec, re.S)}
    assert exes and exes <= spec_exes


def test_iss_is_per_user_and_keeps_data() -> None:
    """No admin rights, %LOCALAPPDATA%\\Programs, app and demo Start-menu entries, data deleted only on request."""
    lines = _iss_lines()
    assert "PrivilegesRequired=lowest" in lines
    assert "DefaultDirName={localappdata}\\Programs\\reliefdesk" in lines
    icons = [line for line in lines if line.startswith('Name: "{group}')]
    assert any('Parameters: "--demo"' in line for line in icons)
    assert any(
        '"{app}\\reliefdesk.exe"; WorkingDir' in line and "--demo" not in line for line in icons
    )
    code = "\n".join(lines)
    assert "MB_DEFBUTTON2" in code and "UninstallSilent" in code
    assert not any("{commondesktop}" in line or "{autopf}" in line for line in lines)


def test_desktop_entries_and_deb_layout() -> None:
    """The .deb menu entries start the installed programs and use the shipped icon."""
    entries = sorted((INSTALLER / "linux").glob("*.desktop"))
    assert [e.name for e in entries] == ["reliefdesk-demo.desktop", "reliefdesk.desktop"]
    for entry in entries:
        cp = configparser.ConfigParser(interpolation=None)
        cp.optionxform = str  # type: ignore[assignment, method-assign]
        cp.read(entry, encoding="utf-8")
        section = cp["Desktop Entry"]
        assert section["Type"] == "Application" and section["Icon"] == "reliefdesk"
        assert section["Exec"].split()[0] == "reliefdesk"
        assert "Office" in section["Categories"]
    deb = (INSTALLER / "build_deb.sh").read_text(encoding="utf-8")
    assert "reliefdesk/ui/assets/reliefdesk.png" in deb and "installer/linux/*.desktop" in deb


def test_version_and_icon_are_shared() -> None:
    """One version (package = pyproject) and real icon files for window, About box and installers."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert app_version() == reliefdesk.__version__ == meta["project"]["version"]
    assert "pyinstaller>=6" in meta["project"]["optional-dependencies"]["build"]
    png, ico = icon_path(), icon_path("ico")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and ico.read_bytes()[:4] == b"\0\0\1\0"
    assert png.stat().st_size < 64_000 and ico.stat().st_size < 128_000
    with pytest.raises(ValueError):
        icon_path("svg")
