"""Build the Windows installer (packaging/installer.nsi) from an app folder with NSIS's makensis.

    python tools/build_installer.py [PAYLOAD] [--out SETUP.exe] [--makensis PATH] [--fast]

PAYLOAD defaults to dist/OldCompoundPlanner (built by ``bash dev.sh package`` or
``packaging\\build.ps1``); the setup program goes to dist/installer/OldCompoundPlanner-VERSION-setup.exe.
makensis runs on Windows and on Linux (Debian: ``apt-get install nsis``); on Linux the Linux folder
only checks the script: the installer it makes copies Linux files (--fast: zlib instead of solid
LZMA, for such checks; several times quicker, a larger file). The version comes from
pyproject.toml. Writes beside the output the list of the payload's top-level entries (PAYLOAD_NSH)
that an update replaces and the uninstaller removes, so the uninstaller deletes what it installed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "packaging" / "installer.nsi"
APP_EXE = "OldCompoundPlanner.exe"
UNINSTALLER = "uninstall.exe"  # written by the installer itself, never part of the payload


class InstallerError(Exception):
    """The installer cannot be built (the message says why and what to do)."""


def version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def numeric_version(text: str) -> str:
    """The X.X.X.X form Windows' version resource needs: 0.1.0rc1 -> 0.1.0.0."""
    parts = [int(p) for p in re.findall(r"\d+", text.split("+")[0])[:3]]
    return ".".join(str(p) for p in parts + [0] * (4 - len(parts)))


def _nsis_quote(name: str) -> str:
    return name.replace("$", "$$").replace('"', '$\\"')


def payload_nsh(payload: Path) -> str:
    """The macro removing the payload's top-level entries from $INSTDIR (files, then folders)."""
    lines = ["; written by tools/build_installer.py: the top-level entries of " + payload.name,
             "!macro PAYLOAD_REMOVE"]
    for entry in sorted(payload.iterdir(), key=lambda p: (p.is_dir(), p.name)):
        if entry.name.lower() == UNINSTALLER:
            raise InstallerError(f"{entry} would be overwritten by the installer's own uninstaller")
        verb = 'RMDir /r' if entry.is_dir() else 'Delete'
        lines.append(f'  {verb} "$INSTDIR\\{_nsis_quote(entry.name)}"')
    lines.append("!macroend")
    return "\n".join(lines) + "\n"


def find_makensis(given: str | None = None) -> str:
    candidates = [given] if given else [shutil.which("makensis")] + [
        str(Path(os.environ.get(var, "")) / "NSIS" / "makensis.exe")
        for var in ("ProgramFiles(x86)", "ProgramFiles") if os.environ.get(var)]
    for c in candidates:
        if c and Path(c).is_file():
            return c
    raise InstallerError("makensis not found: install NSIS 3 (Debian: apt-get install nsis; "
                         "Windows: https://nsis.sourceforge.io or choco install nsis)")


def build(payload: Path, out: Path | None = None, makensis: str | None = None, fast: bool = False) -> Path:
    """Compile the installer of *payload*; returns the setup program's path."""
    payload = payload.resolve()
    if not payload.is_dir() or not any(payload.iterdir()):
        raise InstallerError(f"{payload} is missing or empty: build the app folder first (bash dev.sh package)")
    ver = version()
    out = (out or ROOT / "dist" / "installer" / f"OldCompoundPlanner-{ver}-setup.exe").resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    nsh = out.with_name(out.stem + "-payload.nsh")
    nsh.write_text(payload_nsh(payload), encoding="utf-8-sig")
    defines = {"VERSION": ver, "VIVERSION": numeric_version(ver), "PAYLOAD": payload,
               "PAYLOAD_NSH": nsh, "OUTFILE": out, "ROOT": ROOT}
    cmd = [find_makensis(makensis), "-V2", "-INPUTCHARSET", "UTF8"]
    cmd += [f"-D{k}={v}" for k, v in defines.items()] + ["-DFAST"] * fast + [str(SCRIPT)]
    result = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if result.returncode != 0:
        raise InstallerError(f"makensis failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("payload", nargs="?", type=Path, default=ROOT / "dist" / "OldCompoundPlanner")
    parser.add_argument("--out", type=Path, help="the setup program to write")
    parser.add_argument("--makensis", help="path of makensis (default: PATH, then Program Files\\NSIS)")
    parser.add_argument("--fast", action="store_true", help="zlib, not solid LZMA: a quick check of the script")
    args = parser.parse_args(argv)
    try:
        setup = build(args.payload, args.out, args.makensis, args.fast)
    except InstallerError as exc:
        print(exc, file=sys.stderr)
        return 1
    if not (args.payload / APP_EXE).is_file():
        print(f"note: {args.payload} has no {APP_EXE} (a Linux build?): this installer only checks the "
              "script; build the Windows folder with packaging\\build.ps1 for a real one")
    print(f"Built {setup} ({setup.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
