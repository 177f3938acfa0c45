"""Command-line entry points: ``python main.py COMMAND ...``.

Each command lives in its own module exposing ``main(argv: list[str]) -> int``. Output
contracts (JSON keys, exit codes) are part of the product: exit 0 on success, 2 with a
one-line message on stderr for unusable input, 1 with one line for an internal error, never
a traceback or a stray Python warning (``OCP_DEBUG=1`` in the environment shows them). A reader that closes the output
early (``| head``) ends the command quietly with 141, as a shell reports SIGPIPE.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import warnings
from pathlib import Path

COMMANDS = {
    "inspect": "gis.cli.inspect",
    "zones": "gis.cli.zones",
    "service-areas": "gis.cli.service_areas",
    "gaps": "gis.cli.gaps",
    "access": "gis.cli.access",
    "export": "gis.cli.export",
    "project": "gis.cli.project",
    "plan": "gis.cli.plan",
    "join": "gis.cli.join",
    "estimate": "gis.cli.estimate",
}
DEBUG_ENV = "OCP_DEBUG"
EXIT_INTERNAL, EXIT_INPUT, EXIT_INTERRUPTED, EXIT_PIPE_CLOSED = 1, 2, 130, 141


def is_command(argv: list[str]) -> bool:
    return bool(argv) and argv[0] in COMMANDS


def debugging() -> bool:
    """Whether tracebacks were asked for (``OCP_DEBUG=1``)."""
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


def run(argv: list[str]) -> int:
    """Run ``argv[0]`` with the remaining arguments and return its exit code."""
    _start_up()
    from gis.errors import GisError

    try:
        with warnings.catch_warnings():
            if not debugging():  # what users should know is in the output's warnings/notes
                warnings.simplefilter("ignore")
            module = importlib.import_module(COMMANDS[argv[0]])
            code = int(module.main(argv[1:]) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not at exit after the handlers are gone
        return code
    except BrokenPipeError:
        return _pipe_closed()
    except KeyboardInterrupt:
        return fail("interrupted", EXIT_INTERRUPTED)
    except Exception as exc:  # noqa: BLE001 - the CLI contract: never a traceback
        if debugging():
            raise
        if isinstance(exc, GisError):
            return fail(exc.message)
        return crashed(exc, f"{argv[0]} failed", EXIT_INTERNAL)


def crashed(exc: BaseException, what: str, code: int = EXIT_INPUT) -> int:
    """One line for an unexpected exception (re-raised when debugging)."""
    if debugging():
        raise exc
    return fail(f"{what}: {type(exc).__name__}: {exc} (set {DEBUG_ENV}=1 for details)", code)


def fail(message: str, code: int = EXIT_INPUT) -> int:
    """Print a one-line error to stderr and return *code*."""
    try:
        print(f"error: {message}".replace("\r", " ").replace("\n", " "), file=sys.stderr)
    except OSError:  # stderr closed too: the exit code is all that is left
        pass
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
    if debugging():  # OCP_DEBUG=1: warnings and tracebacks on stderr
        return
    logging.captureWarnings(True)
    quiet = logging.getLogger("py.warnings")
    quiet.addHandler(logging.NullHandler())
    quiet.propagate = False


def _pipe_closed() -> int:
    """Stdout's reader went away: send what is still buffered nowhere and end quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_PIPE_CLOSED
