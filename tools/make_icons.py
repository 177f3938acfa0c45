"""Draw the application icon's PNG sizes and the Windows .ico from resources/icons/*.svg.

    python tools/make_icons.py

app-small.svg (no windows) gives the 16 and 24 px images, app.svg the larger ones. The output
is committed (resources/icons/app-<size>.png, app.ico), so neither the app nor the build
needs this script; run it again after editing an SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SMALL = (16, 24)  # drawn from app-small.svg
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> bytes:
    """*svg* drawn into a transparent *size* x *size* image, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(buf.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images = []
    for size in SIZES:
        png = render(ICONS / ("app-small.svg" if size in SMALL else "app.svg"), size)
        (ICONS / f"app-{size}.png").write_bytes(png)
        images.append(Image.open(io.BytesIO(png)))
    largest = images[-1]
    largest.save(ICONS / "app.ico", format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    print(f"wrote {len(SIZES)} PNGs and app.ico ({', '.join(map(str, SIZES))} px) into {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
