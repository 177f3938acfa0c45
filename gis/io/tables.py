"""Point tables (CSV, Excel): find the coordinate columns and make points.

Coordinate columns are found by name: 经度/纬度, lon/lng/longitude + lat/latitude, X/Y
(X坐标/Y坐标, POINT_X/POINT_Y), 东坐标/北坐标 (easting/northing), 横坐标/纵坐标. When a table
has several pairs (wgs84_lon and gcj02_lng), WGS 84 / CGCS2000 ones win over GCJ-02 and BD-09.
Lon/lat columns whose names state WGS 84 or CGCS2000 (lng_wgs84) declare that system; otherwise a
table declares none (the importer asks).
Values may be numbers, text or degrees-minutes-seconds (116°23′45.6″E). Two habits are
corrected with a warning: lon/lat typed the other way round, and X holding northings (the
surveying convention: X north, Y east). Excel sheets may have title rows above the header.
"""

from __future__ import annotations

import csv
import re
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from gis.errors import DataReadError
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io import limits, sheets
from gis.io.dms import parse_dms
from gis.io.encoding import EncodingInfo, decoder_name, text_file_encoding
from gis.io.notices import Notice, notice, short_list
from gis.io.raw import RawLayer, unique_names

_AXIS_TOKENS = {"lon": "lon", "lng": "lon", "long": "lon", "longitude": "lon", "lat": "lat",
                "latitude": "lat", "x": "x", "y": "y", "easting": "e", "northing": "n",
                "pointx": "x", "pointy": "y", "xcoord": "x", "ycoord": "y", "coordx": "x",
                "coordy": "y"}
_AXIS_WORDS = (("经度", "lon"), ("纬度", "lat"), ("东坐标", "e"), ("东向坐标", "e"),
               ("北坐标", "n"), ("北向坐标", "n"), ("横坐标", "e"), ("纵坐标", "n"),
               ("x坐标", "x"), ("y坐标", "y"))
_PAIRS = (("lon", "lat"), ("e", "n"), ("x", "y"))
_WKT_NAMES = ("wkt", "geometry", "geom", "the_geom", "shape", "wkt_geom")
_HEADER_ROWS = 15
_HEADER_CHARS_PER_COLUMN = 256  # how far the header line is read: enough to count past the cap
_CSV_CHUNK_ROWS = 100_000


def datum_tag(name: str) -> str | None:
    """'gcj02' / 'bd09' when a column name says so (gcj_lng, 百度经度), else None."""
    low = str(name).lower()
    if re.search(r"gcj|火星|高德|amap|gaode", low):
        return "gcj02"
    if re.search(r"(?<![a-z])bd|baidu|百度", low):
        return "bd09"
    return None


def stated_epsg(*names: str) -> int | None:
    """4326 / 4490 when every lon/lat column name states WGS 84 / CGCS2000 (lng_wgs84, 经度_CGCS2000)."""
    found = {4326 if re.search(r"wgs", str(n).lower()) else 4490 if re.search(r"cgcs|国家2000", str(n).lower())
             else None for n in names}
    return found.pop() if len(found) == 1 else None


def axis_of(name: str) -> str | None:
    """Which coordinate a column name holds: lon, lat, x, y, e (east), n (north), or None."""
    low = re.sub(r"\s+", "", str(name)).lower()
    for word, axis in _AXIS_WORDS:
        if word in low:
            return axis
    tokens = [t for t in re.split(r"[^a-z]+", re.sub(r"([a-z])([A-Z])", r"\1_\2", str(name)).lower())
              if t]
    for token in tokens:
        if token in _AXIS_TOKENS:
            return _AXIS_TOKENS[token]
    return None


def find_xy(columns) -> tuple[str, str, str, str | None] | None:
    """(x column, y column, pair kind, datum tag) of the best coordinate pair, or None."""
    by_axis: dict[str, list[str]] = {}
    for col in columns:
        axis = axis_of(col)
        if axis:
            by_axis.setdefault(axis, []).append(col)
    position = {}
    for i, col in enumerate(columns):
        position.setdefault(col, i)
    options = []  # linear in the columns: a damaged header can repeat 经度/纬度 thousands of times
    for rank, (ax, ay) in enumerate(_PAIRS):
        first_y: dict[str | None, str] = {}
        for cy in by_axis.get(ay, []):
            tag = datum_tag(cy)
            first_y[tag] = min(first_y.get(tag, cy), cy)
        for cx in by_axis.get(ax, []):
            tag = datum_tag(cx)
            if tag in first_y:
                penalty = {None: 0, "gcj02": 1, "bd09": 2}[tag]
                options.append((penalty, rank, position[cx], cx, first_y[tag], ax, tag))
    if not options:
        return None
    _, _, _, cx, cy, kind, tag = min(options)
    return cx, cy, kind, tag


def parse_coordinate(values: pd.Series) -> tuple[pd.Series, int]:
    """Numbers from numbers, text or degrees-minutes-seconds ('116°23′45.6″E'), and how many
    cells were too long (over ``max_cell_chars``) to be read as text."""
    num = pd.to_numeric(values, errors="coerce")
    todo = num.isna() & values.notna()
    if not todo.any():
        return num.astype(float), 0
    text = values[todo].astype(str)
    short = text.str.len() <= limits.active().max_cell_chars
    num = num.copy()
    num[todo] = [parse_dms(t) if ok else np.nan for t, ok in zip(text, short)]
    return num.astype(float), int((~short).sum())


def _easting_like(v: np.ndarray) -> bool:
    v = v[np.isfinite(v)]
    if v.size == 0:
        return False
    zone = np.floor(np.median(v) / 1e6)
    prefixed = 13 <= zone <= 45 and np.all(np.floor(v / 1e6) == zone)
    return bool(prefixed or np.all((v > 1e5) & (v < 9e5)))


def _northing_like(v: np.ndarray) -> bool:
    v = v[np.isfinite(v)]
    return v.size > 0 and bool(np.all((v > 1e6) & (v < 6.2e6)))


def _lat_like(v: np.ndarray) -> bool:
    v = v[np.isfinite(v)]
    return v.size > 0 and bool(np.all((v >= 3) & (v <= 54)))


def _lon_like(v: np.ndarray) -> bool:
    v = v[np.isfinite(v)]
    return v.size > 0 and bool(np.all((v >= 73) & (v <= 136)))


def points_from_table(df: pd.DataFrame, *, path: Path) -> tuple[gpd.GeoDataFrame, dict, list[Notice]]:
    """Points from *df*'s coordinate (or WKT) columns; rows without coordinates are dropped."""
    found = find_xy(df.columns)
    if found is None:
        return _from_wkt(df, path)
    cx, cy, kind, tag = found
    (x, long_x), (y, long_y) = parse_coordinate(df[cx]), parse_coordinate(df[cy])
    x, y = x.to_numpy(), y.to_numpy()
    notes: list[Notice] = []
    if long_x + long_y:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "{n} coordinate cells exceed the length limit of {limit} and were not read as "
                  "degrees-minutes-seconds (raise \"max_cell_chars\" under \"read_limits\" in the "
                  "settings if they are genuine)."), n=long_x + long_y,
            limit=limits.active().max_cell_chars))
    if kind == "lon" and _lat_like(x) and _lon_like(y):
        x, y = y, x
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "Columns '{x}' and '{y}' hold latitude and longitude the other way round; "
                  "they were swapped."), x=cx, y=cy))
    elif kind in ("x", "e") and _northing_like(x) and _easting_like(y):
        x, y = y, x
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "Column '{x}' holds northings and '{y}' eastings (the surveying convention, X "
                  "north and Y east); they were swapped."), x=cx, y=cy))
    if tag:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "The coordinate columns '{x}', '{y}' are named as {datum}. If so, mark the "
                  "layer as {datum} so it is shifted to WGS 84."), x=cx, y=cy, datum=tag))
    stated = stated_epsg(cx, cy) if kind == "lon" and not tag else None
    if stated:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "The coordinate columns '{x}', '{y}' are named as EPSG:{epsg}; read as such."),
            x=cx, y=cy, epsg=stated))
    ok = np.isfinite(x) & np.isfinite(y)
    counts = {"no_coordinates_dropped": int((~ok).sum())}
    if counts["no_coordinates_dropped"]:
        notes.append(notice(QT_TRANSLATE_NOOP(
            "io", "{n} rows have no usable coordinates in '{x}' / '{y}' and were dropped."),
            n=counts["no_coordinates_dropped"], x=cx, y=cy))
    data = df.loc[ok].reset_index(drop=True)
    geometry = gpd.points_from_xy(x[ok], y[ok])
    return gpd.GeoDataFrame(data, geometry=geometry, crs=stated), counts, notes


def _from_wkt(df: pd.DataFrame, path: Path):
    import shapely

    for col in df.columns:
        if str(col).strip().lower() in _WKT_NAMES:
            geoms = shapely.from_wkt(df[col].astype("string").fillna("").to_numpy(object),
                                     on_invalid="ignore")
            data = df.drop(columns=[col])
            return gpd.GeoDataFrame(data, geometry=geoms), {}, []
    raise DataReadError(QT_TRANSLATE_NOOP(
        "errors", "{path} has no coordinate columns. Found: {columns}. Name them 经度/纬度 "
                  "(lon/lat) or X/Y, or add a WKT column."),
        path=str(path), columns=short_list(df.columns, 12) or "none")


# -- CSV ------------------------------------------------------------------------------------
def read_csv_layer(path: Path, *, encoding: str | None = None,
                   feedback: Feedback | None = None) -> RawLayer:
    """A CSV point table: encoding detected (or given), delimiter sniffed, points made.

    The header line is counted before pandas sees the file (``max_columns``), and the rows
    are read in chunks so Cancel, progress, ``max_rows`` and ``max_cells`` are honoured.
    """
    df, enc = read_csv_frame(path, encoding=encoding, feedback=feedback)
    return _table_layer(_infer_types(df), path, "CSV", enc)


def read_csv_frame(path: Path, *, encoding: str | None = None,
                   feedback: Feedback | None = None) -> tuple[pd.DataFrame, EncodingInfo]:
    """A CSV table as text cells (stripped column names) and its encoding, within the caps."""
    enc = text_file_encoding(path, user=encoding)
    codec = decoder_name(enc.name)
    try:
        sep = _checked_header(path, codec)
        df = _read_csv_chunks(path, codec, sep, limits.Watch(path, feedback))
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeError, OSError) as exc:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} cannot be read as a CSV table ({reason})."),
            path=str(path), reason=str(exc).strip()) from None
    df.columns = [str(c).strip() for c in df.columns]
    return df, enc


def _checked_header(path: Path, codec: str) -> str:
    """The delimiter, after refusing a header line with more than ``max_columns`` names."""
    cap = limits.active().max_columns
    with open(path, encoding=codec, errors="replace", newline="") as f:
        line = f.readline(_HEADER_CHARS_PER_COLUMN * cap)
    sep = _sniff(line[:64 * 1024])
    found = len(next(csv.reader([line], delimiter=sep), []))
    if found > cap:
        cut = not line.endswith(("\n", "\r"))
        raise limits.exceeded("max_columns", path=path, value=f"≥ {found}" if cut else found)
    return sep


def _read_csv_chunks(path: Path, codec: str, sep: str, watch: limits.Watch) -> pd.DataFrame:
    caps, size = limits.active(), max(path.stat().st_size, 1)
    parts, rows = [], 0
    with open(path, "rb") as f:
        chunks = pd.read_csv(f, encoding=codec, sep=sep, dtype=str, skipinitialspace=True,
                             encoding_errors="replace", chunksize=_CSV_CHUNK_ROWS,
                             index_col=False)  # rows longer than the header (a trailing comma) must
        # not make their first cells a row index, shifting every column
        for part in chunks:
            rows += len(part)
            if rows > caps.max_rows:
                raise limits.exceeded("max_rows", path=path, value=f"> {caps.max_rows}")
            if rows * len(part.columns) > caps.max_cells:
                raise limits.exceeded("max_cells", path=path, value=f"> {caps.max_cells}")
            parts.append(part)
            watch.step(f.tell() / size)
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def _sniff(head: str) -> str:
    try:
        return csv.Sniffer().sniff(head.split("\n", 20)[0] + "\n", delimiters=",\t;|").delimiter
    except csv.Error:
        return ","


def _infer_types(df: pd.DataFrame) -> pd.DataFrame:
    """Numbers where a whole column is numeric (but keep codes with leading zeros as text)."""
    out = df.copy()
    for col in out.columns:
        text = out[col].dropna().astype(str).str.strip()
        if text.empty or text.str.match(r"^0\d").any():
            continue
        num = pd.to_numeric(text, errors="coerce")
        if num.notna().all():
            out[col] = pd.to_numeric(out[col], errors="coerce")
    return out


def _table_layer(df: pd.DataFrame, path: Path, driver: str, enc: EncodingInfo,
                 layer: str | None = None, layers: list[str] | None = None) -> RawLayer:
    gdf, counts, notes = points_from_table(df, path=path)
    stated = gdf.crs  # lon/lat columns whose names state WGS 84 or CGCS2000
    return RawLayer(gdf, driver, layer, layers or [], stated, "metadata" if stated else None, enc, counts,
                    list(enc.notices) + notes)


# -- Excel ----------------------------------------------------------------------------------
def xlsx_sheets(path: Path) -> list[str]:
    """Sheet names of a workbook; DataReadError when it is not a readable .xlsx."""
    return sheets.sheet_names(path)


def read_xlsx_layer(path: Path, *, sheet: str | None = None,
                    feedback: Feedback | None = None) -> RawLayer:
    """The chosen sheet, else the first sheet that has coordinate columns."""
    names = xlsx_sheets(path)
    if sheet is not None and sheet not in names:
        raise DataReadError(QT_TRANSLATE_NOOP(
            "errors", "{path} has no sheet '{layer}'. It has: {names}."),
            path=str(path), layer=sheet, names=", ".join(names))
    enc = EncodingInfo("UTF-8", "format")
    order = [sheet] if sheet is not None else names
    fb = ensure(feedback)
    for i, name in enumerate(order):
        df = _sheet_frame(path, name, fb.sub(i / len(order), (i + 1) / len(order)))
        if sheet is not None or find_xy(df.columns) is not None or name == order[-1]:
            return _table_layer(df, path, "XLSX", enc, name, names)
    raise AssertionError("unreachable")


def _sheet_frame(path: Path, sheet: str, feedback: Feedback) -> pd.DataFrame:
    raw = sheets.read_sheet(path, sheet, feedback)
    if raw.empty:
        return pd.DataFrame()
    return _infer_types(frame_below(raw, _header_row(raw)))


def frame_below(raw: pd.DataFrame, row: int) -> pd.DataFrame:
    """The rows of a sheet grid below its header *row*, named by the header's cells."""
    names = unique_names([_cell_name(v, i) for i, v in enumerate(raw.iloc[row])])
    body = raw.iloc[row + 1:].reset_index(drop=True)
    body.columns = names
    return body.astype(object).where(body.notna(), None)


def _header_row(raw: pd.DataFrame) -> int:
    """The first of the top rows whose cells name a coordinate pair (title rows above)."""
    for i in range(min(_HEADER_ROWS, len(raw))):
        cells = [str(v) for v in raw.iloc[i] if v is not None and not pd.isna(v)]
        if find_xy(cells) is not None:
            return i
    return 0


def _cell_name(value, index: int) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return f"column_{index + 1}"
    return str(value).strip()
