"""Every command: a closed pipe ends it quietly, an unexpected exception is one line on stderr
(exit 1), a GisError that escapes is one line (exit 2), and OCP_DEBUG=1 shows the traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gis import cli
from gis.errors import DataReadError
from tests.gis.io_samples import compounds, write_shp

ROOT = Path(__file__).resolve().parents[2]


def test_a_reader_that_closes_the_pipe_early_ends_the_command_quietly(tmp_path):
    """``inspect … --json | head -c 100``: the reader is gone before the JSON is written."""
    shp = write_shp(compounds(), tmp_path / "a.shp")
    env = dict(os.environ, OCP_CONFIG_DIR=str(tmp_path / "cfg"))
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "inspect", str(shp), "--json"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # long before the command has imported its modules and read the file
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == cli.EXIT_PIPE_CLOSED
    assert err == ""  # was: two BrokenPipeError tracebacks


@pytest.fixture
def broken_inspect(monkeypatch):
    from gis.cli import inspect as inspect_cli

    def main(argv):
        raise KeyError("surprise\nsecond line")

    monkeypatch.setattr(inspect_cli, "main", main)
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)


def test_an_unexpected_exception_is_one_line_with_exit_1(broken_inspect, capsys):
    assert cli.run(["inspect", "x"]) == cli.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("error: inspect failed: KeyError:") and "OCP_DEBUG=1" in err


_WARN = """
import sys, warnings
from gis import cli
from gis.cli import inspect as inspect_cli

def main(argv):
    warnings.warn("overflow encountered in multiply", RuntimeWarning)
    return cli.fail("the one line")

inspect_cli.main = main
sys.exit(cli.run(["inspect", "x"]))
"""


@pytest.mark.parametrize("debug", ["", "1"])
def test_warnings_add_no_stderr_lines_unless_debugging(debug):
    env = dict(os.environ, OCP_DEBUG=debug)
    out = subprocess.run([sys.executable, "-c", _WARN], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == cli.EXIT_INPUT
    assert (out.stderr == "error: the one line\n") is (not debug)


def test_debug_env_shows_the_traceback(broken_inspect, monkeypatch):
    monkeypatch.setenv(cli.DEBUG_ENV, "1")
    with pytest.raises(KeyError):
        cli.run(["inspect", "x"])


def test_a_gis_error_that_escapes_a_command_is_one_line_with_exit_2(monkeypatch, capsys):
    from gis.cli import inspect as inspect_cli

    def main(argv):
        raise DataReadError("{path} is damaged.", path="a.shp")

    monkeypatch.setattr(inspect_cli, "main", main)
    assert cli.run(["inspect", "x"]) == cli.EXIT_INPUT
    assert capsys.readouterr().err == "error: a.shp is damaged.\n"


def test_a_command_catch_all_keeps_exit_2_and_honours_debug(tmp_path, monkeypatch, capsys):
    """inspect's own catch-all (an unexpected error while reading) is one line, exit 2."""
    from gis.cli import inspect as inspect_cli

    def boom(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("gis.io.inspect_file", boom)
    monkeypatch.setenv("OCP_CONFIG_DIR", str(tmp_path))
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    assert inspect_cli.main(["a.shp", "--no-memory"]) == cli.EXIT_INPUT
    assert capsys.readouterr().err.startswith("error: a.shp cannot be read: ZeroDivisionError")
    monkeypatch.setenv(cli.DEBUG_ENV, "1")
    with pytest.raises(ZeroDivisionError):
        inspect_cli.main(["a.shp", "--no-memory"])
