"""A 300-dpi A4 map layout of a synthetic city: our renderer beside the one-path-per-colour way.

    .venv/bin/python bench/bench_layout.py [N_COMPOUNDS=3000]

Ours draws each polygon on its own on images (Qt's raster engine fills small polygons
fast) and one path per colour in PDFs (small files). The peer draws one QPainterPath per
colour on the image too, the obvious way. Prints seconds for the PNG both ways, the PDF,
and the ratio ours/peer for the PNG.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_city import city  # noqa: E402

from gis.domain import FieldRole, Role  # noqa: E402
from gis.layer import Layer, LayerStyle  # noqa: E402
from gis.project import Project  # noqa: E402
from gui.layout import mapdraw  # noqa: E402
from gui.layout.export import ensure_gui_app, export_pdf, layout_image  # noqa: E402
from gui.layout.page import LayoutSpec  # noqa: E402


def project(n: int) -> Project:
    compounds, _ = city(n)
    compounds = compounds.reset_index(drop=True)
    compounds["名称"] = [f"小区{i}" for i in range(len(compounds))]
    p = Project()
    p.add_layer(Layer("小区", Role.COMPOUNDS, compounds, fields={FieldRole.NAME: "名称"},
                      style=LayerStyle(fill="#f3e0b5", stroke="#b07c3a", by_field="households", method="graduated",
                                       label_field="名称")))
    return p


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main(n: int) -> None:
    ensure_gui_app()
    proj = project(n)
    spec = LayoutSpec(title="bench")
    layout_image(LayoutSpec(dpi=30), proj)  # warm fonts and PROJ
    ours = timed(lambda: layout_image(spec, proj))
    vector = mapdraw._is_vector
    mapdraw._is_vector = lambda painter: True  # the peer: one path per colour on the image as well
    try:
        peer = timed(lambda: layout_image(spec, proj))
    finally:
        mapdraw._is_vector = vector
    with tempfile.TemporaryDirectory() as tmp:
        pdf = timed(lambda: export_pdf(Path(tmp) / "a.pdf", spec, proj))
        size = (Path(tmp) / "a.pdf").stat().st_size
    print(f"{len(proj.layers[0]):,} compounds, A4 landscape at 300 dpi")
    print(f"png  ours {ours:6.2f} s   peer (one path per colour) {peer:6.2f} s   ratio {ours / peer:5.2f}")
    print(f"pdf  {pdf:6.2f} s, {size / 1e6:.1f} MB (vector)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
