"""The application icon (resources/icons/, drawn by tools/make_icons.py from app.svg)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from gis.paths import RESOURCES

ICON_DIR = RESOURCES / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # app-<size>.png; app.ico holds the same sizes
DESKTOP_ID = "oldcompoundplanner"  # the Linux menu entry and icon name (packaging/linux/add-to-menu.sh)


def app_icon() -> QIcon:
    """Every drawn size, so each place (title bar, task bar, Alt+Tab) takes a sharp one."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(ICON_DIR / f"app-{size}.png"))
    return icon
