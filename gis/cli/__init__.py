"""Command-line entry points: ``python main.py COMMAND ...``.

Each command lives in its own module exposing ``main(argv: list[str]) -> int``. Output
contracts (JSON keys, exit codes) are part of the product: exit 0 on success, 2 with a
one-line message on stderr for unusable input, never a traceback.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from pathlib import Path

COMMANDS = {
    "inspect": "gis.cli.inspect",
    "zones": "gis.cli.zones",
    "service-areas": "gis.cli.service_areas",
    "gaps": "gis.cli.gaps",
    "export": "gis.cli.export",
    "project": "gis.cli.project",
}


def is_command(argv: list[str]) -> bool:
    return bool(argv) and argv[0] in COMMANDS


def run(argv: list[str]) -> int:
    """Run ``argv[0]`` with the remaining arguments and return its exit code."""
    _start_up()
    module = importlib.import_module(COMMANDS[argv[0]])
    return int(module.main(argv[1:]) or 0)


def fail(message: str, code: int = 2) -> int:
    """Print a one-line error to stderr and return *code*."""
    print(f"error: {message}".replace("\n", " "), file=sys.stderr)
    return code


def settings_folder() -> Path:
    """The GUI's settings folder, found without Qt: $OCP_CONFIG_DIR, else the per-user
    config folder Qt's AppConfigLocation names for this application."""
    if os.environ.get("OCP_CONFIG_DIR"):
        return Path(os.environ["OCP_CONFIG_DIR"])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Preferences"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "OldCompoundPlanner" / "OldCompoundPlanner"


def _start_up() -> None:
    """The user's read caps in force; library warnings (GDAL, numpy) go to the log, not to
    stderr, so a command prints only its own output (readers turn GDAL's into notices)."""
    from gis.io import limits
    from gis.settings import load_settings

    limits.configure(load_settings(settings_folder()).read_limits)
    logging.captureWarnings(True)
    quiet = logging.getLogger("py.warnings")
    quiet.addHandler(logging.NullHandler())
    quiet.propagate = False
