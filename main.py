"""老旧小区改造规划 — Old Compound Renewal Planner.

    python main.py [PATH ...]                   open the app (the demo district by default)
    python main.py --screenshot OUT.png [--size 1600x1000] [--source-crs CRS] [PATH ...]   fit to all
    python main.py inspect|zones|service-areas|gaps|export ...   command-line tools

The frozen build (packaging/OldCompoundPlanner.spec) runs this same file.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from gis.allocator import keep_freed_memory

    keep_freed_memory()  # freed arrays' memory is reused, not faulted in afresh (glibc; see gis/allocator.py)
    from gis import cli
    from gis.paths import FROZEN

    if FROZEN:
        from gui.frozen_start import check

        stop = check(argv, command=cli.is_command(argv))
        if stop is not None:
            return stop
    if cli.is_command(argv):
        utf8_when_redirected()
        return cli.run(argv)
    from gui.app import run_app

    return run_app(argv)


def utf8_when_redirected() -> None:
    """Output piped or written to a file is UTF-8 (JSON's encoding), not the Windows code page
    (cp1252 cannot write Chinese at all; cp936 output would not parse as JSON)."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8")


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the autosave helper process of the frozen app
    sys.exit(main(sys.argv[1:]))
