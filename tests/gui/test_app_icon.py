"""The application icon: set on the application, every size drawn, the .ico for the Windows exe."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QSize

from gui.app_icon import ICON_DIR, ICON_SIZES


def test_the_app_has_its_icon_in_every_size(app):
    icon = app.windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= set(ICON_SIZES)
    img = icon.pixmap(QSize(16, 16)).toImage()
    assert img.width() == 16
    corner, middle = img.pixelColor(0, 0), img.pixelColor(8, 8)
    assert corner.alpha() < 128 and middle.alpha() == 255  # rounded, opaque inside: drawn, not blank


def test_windows_icon_holds_the_sizes_explorer_uses():
    ico = Image.open(ICON_DIR / "app.ico")
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= ico.info["sizes"]
    for size in (16, 48, 256):
        ico.size = (size, size)
        frame = ico.convert("RGBA")
        assert frame.size == (size, size) and len(frame.getcolors(1 << 20)) > 4  # a picture, not one colour
