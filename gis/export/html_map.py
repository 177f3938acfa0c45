"""One self-contained HTML map (folium) that opens offline in any browser.

Leaflet's JavaScript and CSS are inlined from ``resources/web/leaflet`` (its icons as
data URIs) instead of folium's CDN links, and the map has no tile layer, so the file
needs no network, holds no API key and no local path. Zones, gaps, service areas,
compounds and facilities are toggleable layers (Leaflet's layer control) with popups.

Data is never code here. Popups are built in the browser with ``textContent`` — never
``innerHTML`` — and the data is embedded with Jinja's HTML-safe ``tojson``, so a compound
called ``<img src=x onerror=alert(1)>`` shows as that text (folium's own GeoJsonPopup
would run it). Layer names (file or table names) are HTML-escaped before Leaflet's layer
control writes them with ``innerHTML``; the title, legend and note are escaped text;
colours, widths and opacities are checked (:mod:`gis.export.styling`). On top of that the
page carries a Content-Security-Policy: scripts run only with this export's random
nonce, and nothing may be fetched (``default-src 'none'``, ``connect-src 'none'``).
"""

from __future__ import annotations

import base64
import html
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import Element, MacroElement
from jinja2 import Template

from gis.crs import WGS84
from gis.errors import ExportError
from gis.export.columns import flatten_value
from gis.export.result import ExportResult, atomic_path
from gis.export.styling import DEFAULT_FILL, safe_colour, safe_number
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.paths import RESOURCES

LEAFLET = RESOURCES / "web" / "leaflet"
DECIMALS = 6  # ~0.1 m
FONT = ('"Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC", '
        '"Source Han Sans SC", sans-serif')


@dataclass
class HtmlLayer:
    """One toggleable layer: features, how to colour them, what the popup lists.

    ``colours`` is one #rrggbb per feature or one for all; ``popup_fields`` maps column ->
    label (all attribute columns when None); ``label_field`` titles each popup.
    """

    name: str
    frame: gpd.GeoDataFrame
    colours: Sequence[str] | str = DEFAULT_FILL
    stroke: str | None = None
    fill_opacity: float = 0.45
    weight: float = 1.0
    radius: float = 5.0
    popup_fields: dict[str, str] | None = None
    label_field: str | None = None
    show: bool = True
    labels_from: int | None = None  # label each feature with label_field from this zoom on (None: no labels)


@dataclass
class LegendItem:
    label: str
    colour: str


class TextPopup(MacroElement):
    """Binds a popup that writes titles and values as text nodes (no HTML from data)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.bindPopup(function (layer) {
            var props = (layer.feature && layer.feature.properties) || {};
            var fields = {{ this.fields | tojson }};
            var box = document.createElement("div");
            box.className = "ocp-popup";
            var title = props[{{ this.title | tojson }}];
            if (title !== undefined && title !== null && title !== "") {
                var head = document.createElement("div");
                head.className = "ocp-popup-title";
                head.textContent = String(title);
                box.appendChild(head);
            }
            var table = document.createElement("table");
            fields.forEach(function (pair) {
                var value = props[pair[0]];
                if (value === undefined || value === null || value === "") { return; }
                var row = table.insertRow();
                var th = document.createElement("th");
                th.textContent = pair[1];
                row.appendChild(th);
                row.insertCell().textContent = String(value);
            });
            box.appendChild(table);
            return box;
        }, {maxWidth: 360});
        {% endmacro %}
    """)

    def __init__(self, fields: list[tuple[str, str]], title: str | None) -> None:
        super().__init__()
        self._name = "TextPopup"
        self.fields = [list(f) for f in fields]
        self.title = title or ""


class TextLabels(MacroElement):
    """Permanent labels (label_field) shown from a zoom on; written as text nodes, never HTML."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (layer, map) {
            var key = {{ this.key | tojson }}, from = {{ this.from_zoom | tojson }};
            layer.eachLayer(function (f) {
                var text = ((f.feature && f.feature.properties) || {})[key];
                if (text === undefined || text === null || text === "") { return; }
                var span = document.createElement("span");
                span.textContent = String(text);
                f.bindTooltip(span, {permanent: true, direction: "center", className: "ocp-label"});
            });
            function sync() {
                var on = map.getZoom() >= from && map.hasLayer(layer);
                layer.eachLayer(function (f) {
                    if (f.getTooltip()) { on ? f.openTooltip() : f.closeTooltip(); }
                });
            }
            map.on("zoomend overlayadd overlayremove", sync);
            sync();
        })({{ this._parent.get_name() }}, {{ this._parent._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, key: str, from_zoom: int) -> None:
        super().__init__()
        self._name = "TextLabels"
        self.key = key
        self.from_zoom = int(from_zoom)


# The whole page: our own frame instead of branca's, for the CSP and the nonce.
PAGE = Template("""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ this.csp }}">
<title>{{ this.title | e }}</title>
{{ this.header.render(**kwargs) }}
</head>
<body>
{{ this.html.render(**kwargs) }}
<script nonce="{{ this.nonce }}">
{{ this.script.render(**kwargs) }}
</script>
</body>
</html>
""")
CSP = ("default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; img-src data:; "
       "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")
SCRIPTS = 2  # Leaflet and the map: the only <script> elements a page may hold
# folium's header script sets two globals *after* Leaflet has read them: useless, and not ours
_FOLIUM_SWITCHES = re.compile(r"<script>\s*L_NO_TOUCH = false;\s*L_DISABLE_3D = false;\s*</script>")


class MetricScale(MacroElement):
    """Leaflet's scale bar in metres only."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.control.scale({imperial: false, position: "bottomleft"}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)


def write_html_map(layers: Sequence[HtmlLayer], path: str | Path, *, title: str,
                   legend: Sequence[LegendItem] = (), note: str = "", images: Sequence = (),
                   feedback: Feedback | None = None) -> ExportResult:
    """Write *layers* (bottom first) as one offline HTML page titled *title*; *images*
    (gis/raster/html_overlay.py HtmlImage, data URIs) go under them."""
    fb = ensure(feedback)
    bounds = _bounds(layers)
    fmap = folium.Map(location=None, tiles=None, control_scale=False, prefer_canvas=True,
                      zoom_snap=0.25, attribution_control=False)
    nonce = secrets.token_urlsafe(18)
    _inline_leaflet(fmap, nonce)
    MetricScale().add_to(fmap)
    for image in images:  # local rasters, each one image (a data: URI: the page's CSP allows only those)
        w, s, e, n = image.bounds
        folium.raster_layers.ImageOverlay(image.uri, bounds=[[s, w], [n, e]], opacity=image.opacity,
                                          name=html.escape(image.name), show=image.show).add_to(fmap)
    for k, spec in enumerate(layers):
        fb.check()
        fb.progress(k / max(1, len(layers)), spec.name)
        if len(spec.frame):
            _add_layer(fmap, spec)
    folium.LayerControl(collapsed=False).add_to(fmap)
    if bounds is not None:
        fmap.fit_bounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]])
    _add_panel(fmap, title, legend, note)
    page = _render(fmap, title, nonce)
    with atomic_path(path) as tmp:
        Path(tmp).write_text(page, encoding="utf-8")
    fb.progress(1.0)
    return ExportResult([Path(path)])


def _render(fmap: folium.Map, title: str, nonce: str) -> str:
    """The page's HTML, refused if it holds any script element besides Leaflet and the map."""
    root = fmap.get_root()
    root._template = PAGE
    root.title, root.nonce, root.csp = title, nonce, CSP.format(nonce=nonce)
    page = _FOLIUM_SWITCHES.sub("", root.render(), count=1)
    if len(re.findall(r"<script\b", page, re.IGNORECASE)) != SCRIPTS:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "The HTML map could not be made safe: a name or "
                                            "value in the data still reads as script. Rename it and "
                                            "export again."))
    return page


# -- Leaflet, inlined --------------------------------------------------------------------
def _inline_leaflet(fmap: folium.Map, nonce: str) -> None:
    """Drop folium's CDN links (Leaflet, jQuery, Bootstrap, ...) and inline Leaflet."""
    fmap.default_js = []
    fmap.default_css = []
    header = fmap.get_root().header
    header.add_child(Element(f"<style>{leaflet_css()}</style>"), name="leaflet_css_inline")
    header.add_child(Element(f'<script nonce="{nonce}">{_script_safe(leaflet_js())}</script>'),
                     name="leaflet_js_inline")
    header.add_child(Element(f"<style>{_PAGE_CSS}</style>"), name="ocp_css")


def leaflet_js() -> str:
    return (LEAFLET / "leaflet.js").read_text(encoding="utf-8")


def leaflet_css() -> str:
    """leaflet.css with its images/*.png turned into data URIs."""
    css = (LEAFLET / "leaflet.css").read_text(encoding="utf-8")

    def data_uri(match: re.Match) -> str:
        png = LEAFLET / "images" / match.group(1)
        if not png.exists():
            return "url()"
        return f"url(data:image/png;base64,{base64.b64encode(png.read_bytes()).decode('ascii')})"

    return re.sub(r"url\(\s*['\"]?images/([\w.-]+\.png)['\"]?\s*\)", data_uri, css)


def _script_safe(js: str) -> str:
    """Make sure inlined code cannot close its <script> element early."""
    return js.replace("</script", "<\\/script")


_PAGE_CSS = f"""
html, body {{ font-family: {FONT}; }}
.folium-map {{ background: #f4f1ea; }}
.ocp-panel {{ position: absolute; bottom: 24px; right: 10px; z-index: 1000; max-height: 45vh; overflow: auto;
  background: rgba(255,255,255,.92);
  padding: 8px 12px; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 420px;
  font-family: {FONT}; font-size: 13px; }}
.ocp-panel h1 {{ font-size: 18px; margin: 0 0 6px 0; }}
.ocp-panel .swatch {{ display: inline-block; width: 14px; height: 10px; margin-right: 6px;
  border: 1px solid #555; vertical-align: middle; }}
.ocp-panel .note {{ color: #555; margin-top: 6px; font-size: 11px; }}
.ocp-label {{ background: rgba(255,255,255,.8); border: none; box-shadow: none; padding: 0 3px;
  font-family: {FONT}; font-size: 12px; color: #222; }}
.ocp-label::before {{ display: none; }}
.ocp-popup {{ font-family: {FONT}; font-size: 12px; }}
.ocp-popup-title {{ font-weight: bold; font-size: 14px; margin-bottom: 4px; }}
.ocp-popup th {{ text-align: left; padding-right: 8px; color: #555; font-weight: normal; white-space: nowrap; }}
"""


# -- layers ----------------------------------------------------------------------------
def _bounds(layers: Sequence[HtmlLayer]) -> np.ndarray | None:
    boxes = [spec.frame.to_crs(WGS84).total_bounds for spec in layers if len(spec.frame)]
    boxes = [b for b in boxes if np.all(np.isfinite(b))]
    if not boxes:
        return None
    b = np.array(boxes)
    return np.array([b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()])


def _add_layer(fmap: folium.Map, spec: HtmlLayer) -> None:
    frame = spec.frame.to_crs(WGS84)
    geom_col = frame.geometry.name
    fields = spec.popup_fields or {str(c): str(c) for c in frame.columns if c != geom_col}
    n = len(frame)
    colours = [spec.colours] * n if isinstance(spec.colours, str) else list(spec.colours)
    colours = [safe_colour(c) for c in colours]
    props = {key: [_json_value(flatten_value(v)) for v in frame[key]] for key in fields if key in frame}
    if spec.label_field and spec.label_field in frame and spec.label_field not in props:
        props[spec.label_field] = [_json_value(v) for v in frame[spec.label_field]]
    geoms = shapely.set_precision(frame.geometry.values, 10.0 ** -DECIMALS, mode="pointwise")
    features = []
    for i, geom in enumerate(geoms):
        if geom is None or geom.is_empty:
            continue
        properties = {k: v[i] for k, v in props.items()}
        properties["_fill"] = colours[i]
        features.append({"type": "Feature", "id": i, "properties": properties,
                         "geometry": shapely.geometry.mapping(geom)})
    data = {"type": "FeatureCollection", "features": features}
    stroke = safe_colour(spec.stroke) if spec.stroke else None
    opacity = safe_number(spec.fill_opacity, HtmlLayer.fill_opacity, 0.0, 1.0)
    weight = safe_number(spec.weight, HtmlLayer.weight, 0.0, 20.0)
    radius = safe_number(spec.radius, HtmlLayer.radius, 0.0, 50.0)

    def style(feature: dict) -> dict:
        fill = feature["properties"]["_fill"]
        return {"color": stroke or fill, "weight": weight, "fillColor": fill, "fillOpacity": opacity,
                "opacity": 0.9}

    # Leaflet's layer control writes the name with innerHTML: hand it HTML, i.e. escaped text
    layer = folium.GeoJson(data, name=html.escape(spec.name), show=spec.show, style_function=style,
                           marker=folium.CircleMarker(radius=radius, fill=True), zoom_on_click=False)
    TextPopup([(k, fields[k]) for k in fields if k in props], spec.label_field).add_to(layer)
    layer.add_to(fmap)
    if spec.labels_from is not None and spec.label_field in props:
        TextLabels(spec.label_field, spec.labels_from).add_to(layer)


def _json_value(value: object) -> object:
    """A JSON-ready value: numpy scalars to Python, NaN/NA to None."""
    if value is None:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


# -- title, legend, note ---------------------------------------------------------------
def _add_panel(fmap: folium.Map, title: str, legend: Sequence[LegendItem], note: str) -> None:
    """A fixed box with the title, the legend and the source note (all escaped text)."""
    rows = "".join(f'<div><span class="swatch" style="background:{safe_colour(item.colour)}"></span>'
                   f"{html.escape(item.label)}</div>" for item in legend)
    note_html = f'<div class="note">{html.escape(note)}</div>' if note else ""
    panel = f'<div class="ocp-panel"><h1>{html.escape(title)}</h1>{rows}{note_html}</div>'
    fmap.get_root().html.add_child(Element(panel), name="ocp_panel")
