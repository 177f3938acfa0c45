"""Command-line entry points: ``python main.py COMMAND ...``.

Each command lives in its own module exposing ``main(argv: list[str]) -> int``. Output
contracts (JSON keys, exit codes) are part of the product: exit 0 on success, 2 with a
one-line message on stderr for unusable input, never a traceback.
"""

from __future__ import annotations

import importlib
import sys

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
    module = importlib.import_module(COMMANDS[argv[0]])
    return int(module.main(argv[1:]) or 0)


def fail(message: str, code: int = 2) -> int:
    """Print a one-line error to stderr and return *code*."""
    print(f"error: {message}".replace("\n", " "), file=sys.stderr)
    return code
