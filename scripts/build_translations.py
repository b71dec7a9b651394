"""Refresh the translation source and compile it.

The UI is split into catalogs (one ``.ts`` per area, so people working on different pages
never edit the same file); ``CATALOGS`` maps each catalog to the source files it covers.

1. PySide6's ``lupdate`` scans a catalog's sources and updates
   ``resources/translations/<catalog>_<lang>.ts`` (new strings come in as unfinished,
   strings no longer in the code are dropped, existing translations are kept).
   A string whose code moved (another class or catalog: a new context) gets the Chinese it
   had before, taken from any catalog's previous .ts (run this before committing a move).
2. ``lrelease`` compiles the ``.ts`` into ``reliefdesk/ui/translations/<catalog>_<lang>.qm``,
   which is committed and shipped inside the package; ``ui/i18n.py`` loads every catalog.

Usage::

    python scripts/build_translations.py                      # update all .ts and .qm
    python scripts/build_translations.py --catalog households # only that catalog
    python scripts/build_translations.py --check              # exit 1 if anything is stale
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "reliefdesk" / "ui"
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = UI_DIR / "translations"
LANGUAGES = ("zh_CN",)
# catalog -> glob patterns (relative to reliefdesk/ui) of the sources it covers
CATALOGS: dict[str, tuple[str, ...]] = {
    "reliefdesk": ("*.py", "widgets/*.py", "labels/*.py"),
    "households": ("households/*.py", "visits/*.py"),
    "casework": ("applications/*.py", "workbench/*.py", "admin/*.py"),
    "rosters": ("rosters/*.py", "printing/*.py"),
    "enrollments": ("enrollments/*.py",),
    "importing": ("admin/importing/*.py",),
    "statistics": ("statistics/*.py",),
    "monitoring": ("monitoring/*.py",),
    "findings": ("findings/*.py",),
}


def tool(name: str) -> str:
    """Path of a Qt tool shipped in the PySide6 wheel (or the pyside6-* wrapper on PATH)."""
    exe = name + (".exe" if sys.platform == "win32" else "")
    bundled = Path(PySide6.__file__).parent / exe
    if bundled.exists():
        return str(bundled)
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper:
        return wrapper
    raise SystemExit(f"Cannot find Qt's {name}; install PySide6-Essentials.")


def sources(catalog: str) -> list[str]:
    found = {p for pattern in CATALOGS[catalog] for p in UI_DIR.glob(pattern)}
    return sorted(str(p.relative_to(ROOT)) for p in found)


def ts_path(catalog: str, language: str) -> Path:
    return TS_DIR / f"{catalog}_{language}.ts"


def qm_file(catalog: str, language: str) -> Path:
    return QM_DIR / f"{catalog}_{language}.qm"


def run_lupdate(ts: Path, language: str, catalog: str) -> None:
    subprocess.run(
        [
            tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            language,
            *sources(catalog),
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
    )


def run_lrelease(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [tool("lrelease"), "-silent", "-removeidentical", str(ts), "-qm", str(qm)],
        cwd=ROOT,
        check=True,
    )


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <message> element."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            out[(name, message.findtext("source", ""))] = message
    return out


def _finished_forms(message: ET.Element) -> list[str] | None:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return None
    forms = translation.findall("numerusform")
    texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
    return texts if all(t.strip() for t in texts) else None


def harvest(language: str) -> tuple[dict[tuple[str, str], list[str]], dict[str, list[str]]]:
    """Every finished translation of every catalog: by (context, source), and by source alone
    when all contexts agree (a method moved to another class changes its context)."""
    by_key: dict[tuple[str, str], list[str]] = {}
    by_source: dict[str, list[str] | None] = {}
    for ts in sorted(TS_DIR.glob(f"*_{language}.ts")):
        for (context, source), message in messages(ts).items():
            texts = _finished_forms(message)
            if texts is None:
                continue
            by_key[(context, source)] = texts
            seen = by_source.get(source, texts)
            by_source[source] = texts if seen == texts else None
    return by_key, {k: v for k, v in by_source.items() if v is not None}


def carry_over(
    ts: Path, known: tuple[dict[tuple[str, str], list[str]], dict[str, list[str]]]
) -> int:
    """Fill unfinished messages of ``ts`` from ``known`` (moved code keeps its Chinese)."""
    by_key, by_source = known
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            if _finished_forms(message) is not None:
                continue
            source = message.findtext("source", "")
            texts = by_key.get((name, source)) or by_source.get(source)
            translation = message.find("translation")
            if texts is None or translation is None:
                continue
            forms = translation.findall("numerusform")
            if forms and len(forms) == len(texts):
                for form, text in zip(forms, texts, strict=True):
                    form.text = text
            elif not forms and len(texts) == 1:
                translation.text = texts[0]
            else:
                continue
            translation.attrib.pop("type", None)
            filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def unfinished(ts: Path) -> list[str]:
    """Sources whose translation is missing, empty or marked unfinished."""
    bad = []
    for (context, source), message in messages(ts).items():
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            bad.append(f"{context}: {source}")
            continue
        forms = translation.findall("numerusform")
        texts = [f.text for f in forms] if forms else [translation.text]
        if not all(t and t.strip() for t in texts):
            bad.append(f"{context}: {source}")
    return bad


def check(catalogs: list[str] | None = None) -> list[str]:
    """Problems that mean the committed .ts/.qm do not match the code (empty when in sync)."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for catalog, language in _pairs(catalogs):
            if not sources(catalog):
                continue
            ts = ts_path(catalog, language)
            qm = qm_file(catalog, language)
            if not ts.exists() or not qm.exists():
                problems.append(f"missing {ts.name} or {qm.name}")
                continue
            fresh_ts = Path(tmp) / ts.name
            shutil.copy(ts, fresh_ts)
            run_lupdate(fresh_ts, language, catalog)
            new = set(messages(fresh_ts)) - set(messages(ts))
            gone = set(messages(ts)) - set(messages(fresh_ts))
            problems += [f"{ts.name}: new string not in .ts: {c}: {s}" for c, s in sorted(new)]
            problems += [f"{ts.name}: string no longer in code: {c}: {s}" for c, s in sorted(gone)]
            problems += [f"{ts.name}: untranslated: {u}" for u in unfinished(ts)]
            fresh_qm = Path(tmp) / qm.name
            run_lrelease(ts, fresh_qm)
            if not filecmp.cmp(fresh_qm, qm, shallow=False):
                problems.append(
                    f"{qm.name} is older than {ts.name}; run scripts/build_translations.py"
                )
    return problems


def _pairs(catalogs: list[str] | None) -> list[tuple[str, str]]:
    names = catalogs or list(CATALOGS)
    return [(c, lang) for c in names for lang in LANGUAGES]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, change nothing")
    parser.add_argument(
        "--catalog",
        action="append",
        choices=sorted(CATALOGS),
        help="limit to this catalog (repeatable)",
    )
    args = parser.parse_args()
    if args.check:
        problems = check(args.catalog)
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    TS_DIR.mkdir(parents=True, exist_ok=True)
    known = {language: harvest(language) for language in LANGUAGES}
    for catalog, language in _pairs(args.catalog):
        if not sources(catalog):
            continue
        ts = ts_path(catalog, language)
        qm = qm_file(catalog, language)
        run_lupdate(ts, language, catalog)
        if carry_over(ts, known[language]):
            run_lupdate(ts, language, catalog)  # back to lupdate's own layout
        run_lrelease(ts, qm)
        left = unfinished(ts)
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} strings, {len(left)} untranslated")
        print(f"{qm.relative_to(ROOT)} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
