"""The engine must stay free of Qt: importing every gis module loads no Qt binding."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import gis

ROOT = Path(__file__).resolve().parents[2]


def all_gis_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(gis.__path__, "gis.")]


def test_importing_every_gis_module_loads_no_qt():
    mods = all_gis_modules()
    assert len(mods) > 5
    code = ("import importlib, sys\n"
            f"for m in {mods!r}: importlib.import_module(m)\n"
            "bad = sorted(k for k in sys.modules if k.split('.')[0] in ('PySide6','PyQt5','PyQt6','qtpy','shiboken6'))\n"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"gis imports Qt: {out.stdout}"


def test_no_gis_source_file_mentions_a_qt_import():
    offenders = []
    for path in (ROOT / "gis").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            s = line.strip()
            if s.startswith(("import PySide6", "from PySide6", "import PyQt", "from PyQt", "import shiboken")):
                offenders.append(f"{path}: {s}")
    assert offenders == []
