"""DXF drawings: closed polylines become polygons, CAD layer names are kept.

GDAL reads the entities (blocks inlined, arcs and splines as lines, hatches as polygons);
its DXF driver takes the text encoding from ``$DWGCODEPAGE`` but R2007+ files are always
UTF-8, so the encoding is set from the header here. Polylines that are closed (flag or
first = last vertex, at least 3 distinct points) become polygons. CAD layers are offered
as the dataset's layers; a text lying inside a polygon on the same layer becomes its
``Text`` (CAD drawings label compounds this way).
"""

from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gis.errors import DataReadError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.dxf_guard import expanded_entities
from gis.io.encoding import SAMPLE_BYTES, EncodingInfo, canonical, decoder_name, verify
from gis.io.gdal_read import gdal_config, read_frame
from gis.io.notices import notice
from gis.io.raw import RawLayer

_HEADER_BYTES = 256 * 1024
_UTF8_VERSIONS = ("AC1021", "AC1024", "AC1027", "AC1032")  # R2007 and later
_KEEP = ["Layer", "Text", "EntityHandle"]


def dxf_encoding(path: Path, *, user: str | None = None) -> EncodingInfo:
    """UTF-8 for R2007+ drawings, else the ``$DWGCODEPAGE`` (ANSI_936 → GBK), checked against
    the text: Chinese text under a Western code page is read as GB18030, with a warning."""
    if user:
        return EncodingInfo(canonical(user), "user")
    with open(path, "rb") as f:
        data = f.read(SAMPLE_BYTES)
    head = data[:_HEADER_BYTES].decode("latin-1")
    version = _header_value(head, "$ACADVER")
    if version is None or version >= "AC1021":
        return EncodingInfo("UTF-8", "format")
    digits = re.sub(r"\D", "", _header_value(head, "$DWGCODEPAGE") or "")
    try:
        declared = canonical(digits or "1252")
    except DataReadError:
        declared = "CP1252"
    return verify(declared, "format", data)


def _header_value(head: str, name: str) -> str | None:
    m = re.search(r"\r?\n\s*9\r?\n" + re.escape(name) + r"\r?\n\s*\d+\r?\n([^\r\n]*)", head)
    return m.group(1).strip() if m else None


def read_dxf(path: Path, *, layer: str | None = None, encoding: str | None = None,
             feedback: Feedback | None = None) -> RawLayer:
    """Entities of *path* (of one CAD *layer* if given) with closed polylines as polygons.

    The block expansion is counted first (:mod:`gis.io.dxf_guard`): a drawing past the
    entity or nesting caps is refused before GDAL inlines a single copy."""
    fb = ensure(feedback)
    enc = dxf_encoding(path, user=encoding)
    notes = list(enc.notices)
    expanded_entities(path, feedback=fb.sub(0.0, 0.3))
    with gdal_config(DXF_ENCODING=decoder_name(enc.name), DXF_INLINE_BLOCKS="TRUE"):
        frame = read_frame(path, feedback=fb.sub(0.3, 1.0), notices=notes)
    frame = frame[[c for c in _KEEP if c in frame.columns] + [frame.geometry.name]]
    frame = frame.set_geometry(_close_rings(np.asarray(frame.geometry.values, dtype=object)))
    cad_layers = sorted(frame["Layer"].dropna().unique().tolist()) if "Layer" in frame else []
    if layer is not None:
        if layer not in cad_layers:
            raise DataReadError(QT_TRANSLATE_NOOP(
                "errors", "{path} has no CAD layer '{layer}'. It has: {names}."),
                path=str(path), layer=layer, names=", ".join(cad_layers))
        frame = frame.loc[frame["Layer"] == layer]
    elif len(cad_layers) > 1:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "The drawing has {n} CAD layers ({names}); all were read. Choose one to import "
                  "only its entities."), n=len(cad_layers), names=", ".join(cad_layers[:12])))
    frame = _label_polygons(frame.reset_index(drop=True))
    return RawLayer(frame, "DXF", layer, cad_layers, None, None, enc, {}, notes,
                    prefer_family="polygon")


def _close_rings(geoms: np.ndarray) -> np.ndarray:
    """Closed (Multi)LineStrings with ≥ 3 distinct vertices → (Multi)Polygons."""
    out = geoms.copy()
    lines = shapely.get_type_id(geoms) == 1
    if not lines.any():
        return out
    candidates = geoms[lines]
    closed = shapely.is_closed(candidates) & (shapely.get_num_coordinates(candidates) >= 4)
    rings = shapely.linearrings(shapely.get_coordinates(candidates[closed], include_z=False),
                                indices=np.repeat(np.arange(closed.sum()),
                                                  shapely.get_num_coordinates(candidates[closed])))
    idx = np.flatnonzero(lines)[closed]
    out[idx] = shapely.polygons(rings)
    return out


def _label_polygons(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Give each polygon without text the text of a TEXT/MTEXT point inside it (same layer)."""
    if "Text" not in frame.columns:
        return frame
    geoms = np.asarray(frame.geometry.values, dtype=object)
    is_text = frame["Text"].notna().to_numpy() & (shapely.get_type_id(geoms) == 0)
    is_poly = np.isin(shapely.get_type_id(geoms), (3, 6))
    if not (is_text.any() and is_poly.any()):
        return frame
    tree = shapely.STRtree(geoms[is_poly])
    text_rows = np.flatnonzero(is_text)
    pt_idx, poly_idx = tree.query(shapely.force_2d(geoms[text_rows]), predicate="within")
    poly_rows = np.flatnonzero(is_poly)[poly_idx]
    pairs = pd.DataFrame({"poly": poly_rows, "text": text_rows[pt_idx]})
    if "Layer" in frame.columns:
        layers = frame["Layer"].to_numpy()
        pairs = pairs[layers[pairs["poly"]] == layers[pairs["text"]]]
    texts = frame["Text"].to_numpy(object)
    labels = pairs.groupby("poly")["text"].agg(lambda rows: " ".join(str(texts[r]) for r in rows))
    frame = frame.copy()
    target = frame["Text"].isna().to_numpy()[labels.index.to_numpy()]
    frame.loc[labels.index[target], "Text"] = labels[target].to_numpy()
    return frame
