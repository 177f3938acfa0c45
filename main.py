"""老旧小区改造规划 — Old Compound Renewal Planner.

    python main.py [PATH ...]                   open the app (the demo district by default)
    python main.py --screenshot OUT.png [--size 1600x1000] [PATH ...]   projects, data, rasters; fit to all
    python main.py inspect|zones|service-areas|gaps|export ...   command-line tools
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from gis import cli

    if cli.is_command(argv):
        return cli.run(argv)
    from gui.app import run_app

    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
