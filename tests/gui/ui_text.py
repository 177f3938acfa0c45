"""Collect the text a user sees in a widget tree, and find English words in it.

Used by the run-time language check: strings built at run time (formatted keys, field
names, enum values) escape the translation test, which only sees strings marked in code.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QDockWidget, QGroupBox,
                               QLabel, QLineEdit, QMenu, QTabBar, QWidget)

# Names, units, formats and codes that stay Latin in a Chinese UI (compared in lower case);
# gs/sg: the map review number's prefix (审图号 GS(2024)1号, 鲁SG(2024)001号).
ALLOWED = {w.lower() for w in """
    m km ha mm cm dpi px pt min s kg a3 a4 a0 a1 a2
    gcj bd wgs cgcs epsg utm xian beijing gauss krüger kruger osm openstreetmap amap baidu
    csv xlsx xls excel dxf kml kmz geopackage gpkg geojson json shapefile shp dbf shx prj cpg pbf
    pdf png svg html cad gis qgis arcgis leaflet qt gdal proj ogr
    ctrl shift alt del esc tab enter f5 pgup pgdn
    id gbk utf gb big mclp spopt poi aoi xyz worldpop tiff geotiff sfca e2sfca 2sfca
    english gdb google earth esri gs sg
""".split()}

WORD = re.compile(r"[A-Za-z][A-Za-z_]+")
TAG = re.compile(r"<[^>]+>")
CRS_NAME = re.compile(r"EPSG:\d+[\s—（(]*[A-Za-z][\w\s/\-.]*")  # EPSG names stay as EPSG writes them
PATH = re.compile(r"[A-Za-z]+://\S+|(?:[A-Za-z]:)?[/\\][^\s，。；、)）]+|\S+\.(?:shp|gpkg|csv|xlsx|json|geojson|kml|dxf|png|pdf)\b")


def english_words(text: str) -> list[str]:
    """Latin words in *text* that are not names, units, formats or codes."""
    plain = TAG.sub(" ", text or "").replace("&nbsp;", " ")
    plain = PATH.sub(" ", CRS_NAME.sub(" ", plain))
    return [w for w in WORD.findall(plain) if w.lower() not in ALLOWED and not _code(w, plain)]


def _code(word: str, text: str) -> bool:
    """A code such as MH001, SS016 or EPSG:4527 (letters joined to digits or a colon)."""
    return bool(re.search(rf"\b{re.escape(word)}(?:\d|:\d)", text))


def texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every visible text under *root*: labels, buttons, menus, headers, tabs…"""
    out: list[tuple[str, str]] = [(type(root).__name__ + ".title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        out += _widget_texts(w)
    for menu in root.findChildren(QMenu):
        out += [(f"menu {menu.title()}", a.text()) for a in menu.actions()]
    return [(where, t) for where, t in out if t]


def _widget_texts(w: QWidget) -> list[tuple[str, str]]:
    name = type(w).__name__
    if isinstance(w, QLabel):
        return [(name, w.text())]
    if isinstance(w, QAbstractButton):
        return [(name, w.text()), (name + ".tip", w.toolTip())]
    if isinstance(w, QGroupBox):
        return [(name, w.title())]
    if isinstance(w, QLineEdit):
        return [(name + ".placeholder", w.placeholderText())]
    if isinstance(w, QComboBox):
        return [(name, w.itemText(i)) for i in range(w.count())]
    if isinstance(w, QTabBar):
        return [(name, w.tabText(i)) for i in range(w.count())]
    if isinstance(w, QDockWidget):
        return [(name, w.windowTitle())]
    if isinstance(w, QAbstractItemView) and w.model() is not None:
        return _view_texts(w)
    return []


def _view_texts(view: QAbstractItemView, rows: int = 20) -> list[tuple[str, str]]:
    model = view.model()
    name = type(view).__name__
    out = []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model hides columnCount
        columns = 1
    for c in range(columns):
        out.append((name + ".header", str(model.headerData(c, Qt.Orientation.Horizontal) or "")))
        for r in range(min(rows, model.rowCount(QModelIndex()))):
            value = model.index(r, c).data()
            if isinstance(value, str):
                out.append((f"{name}[{r},{c}]", value))
    return out


def english_in(root: QWidget, *, ignore: set[str] = frozenset()) -> list[tuple[str, str, list[str]]]:
    """(where, text, words) for every text under *root* that holds English words."""
    found = []
    for where, text in texts(root):
        words = [w for w in english_words(text) if w not in ignore]
        if words:
            found.append((where, text, words))
    return found
