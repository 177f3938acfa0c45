"""Which coordinate system a layer is in: declared, chosen by the user, or inferred.

Inference looks at where the features lie (the median and 5–95 % range of their bounding-box
centres, so a stray feature cannot mislead it):

* lon/lat inside China → CGCS2000 (EPSG:4490);
* an 8-digit easting whose first two digits are a Gauss-Krüger zone → that zone
  (3-degree zones 25–45 → EPSG:4513–4533, 6-degree zones 13–23 → EPSG:4491–4501);
* Web Mercator metres (EPSG:3857, web-map exports) → offered, never assumed: they overlap
  6-degree zones 13–15 and Baidu's own Mercator;
* an easting near 500,000 m → the zone cannot be read from the numbers: the user must
  choose. Candidates are the CGCS2000 3-degree central-meridian zones (EPSG:4534–4554),
  ranked by plausibility (does the zone put the data inside China's part of that zone, is it
  next to the project's other layers, did the user pick it for other files, how populous is
  the place it puts the data: see :mod:`cities`), then UTM zones.

Xian 1980 and Beijing 1954 (and their Gauss-Krüger projections) can be chosen; they have no
published transformation to CGCS2000, which the importer says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError as ProjCrsError
from pyproj.exceptions import ProjError

from gis.crs import GK_CM_FIRST_EPSG, GK_ZONE_FIRST_EPSG, WGS84, describe, in_china
from gis.errors import CrsError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.cities import nearest_city, population_weight
from gis.io.notices import Notice, coded, notice
from gis.io.reproject import exact_transformer

SOURCES = ("prj", "metadata", "inferred", "user")
GK6_ZONE_FIRST_EPSG = 4491  # CGCS2000 / Gauss-Kruger zone 13 (6-degree, easting with prefix)
XIAN80 = {"geographic": 4610, "gk3_zone": 2349, "gk3_cm": 2370}
BEIJING54 = {"geographic": 4214, "gk3_zone": 2401, "gk3_cm": 2422}
UTM_ZONES = range(43, 54)  # zones covering China
MAJORITY = 0.6  # share of features that must agree on the kind of numbers
LONLAT_UNDECLARED = "crs.lonlat_undeclared"  # code of the question about undeclared lon/lat

_ALIASES = {
    "cgcs2000": 4490, "4490": 4490, "wgs84": 4326, "wgs1984": 4326, "xian80": 4610,
    "xian1980": 4610, "西安80": 4610, "beijing54": 4214, "beijing1954": 4214, "北京54": 4214,
}
_DATUM_ALIASES = {"gcj02": "gcj02", "gcj": "gcj02", "火星坐标": "gcj02", "高德": "gcj02",
                  "amap": "gcj02", "gaode": "gcj02", "bd09": "bd09", "bd09ll": "bd09",
                  "baidu": "bd09", "百度": "bd09"}


@dataclass(frozen=True)
class CrsCandidate:
    """A coordinate system the data may be in, with why (and how likely, higher = better)."""

    epsg: int
    reasons: tuple[Notice, ...]
    score: float = 0.0
    datum: str | None = None  # gcj02 | bd09: web-map lon/lat, shifted to WGS 84 (epsg) when chosen

    @property
    def name(self) -> str:
        return dict(DATUM_CHOICES)[self.datum] if self.datum else crs_name(self.epsg)

    @property
    def answer(self) -> str:
        """What choosing it means to :func:`parse_source_crs` (``EPSG:4490``, ``gcj02``)."""
        return self.datum or f"EPSG:{self.epsg}"

    def to_json(self) -> dict:
        return {"epsg": self.epsg, "name": self.name, "answer": self.answer,
                "reason": "; ".join(r.message for r in self.reasons), "score": round(self.score, 2)}


@dataclass
class CrsInfo:
    """The layer's CRS (None while the user must still choose) and where it came from."""

    crs: CRS | None
    source: str  # prj | metadata | inferred | user
    candidates: list[CrsCandidate] = field(default_factory=list)
    needs_choice: bool = False
    datum_shift: str | None = None  # gcj02 | bd09: coordinates were shifted to WGS 84
    notices: list[Notice] = field(default_factory=list)

    @property
    def epsg(self) -> int | None:
        return self.crs.to_epsg() if self.crs is not None else None

    @property
    def unanswered(self) -> bool:
        """Whether no layer can be built yet: no CRS, or one the user must still confirm or change."""
        return self.crs is None or self.needs_choice

    def to_json(self) -> dict:
        return {"epsg": self.epsg, "name": describe(self.crs) if self.crs is not None else None,
                "source": self.source, "needs_choice": self.needs_choice,
                "datum_shift": self.datum_shift}


@lru_cache(maxsize=512)
def crs_name(epsg: int) -> str:
    """The CRS's name from the EPSG database ('EPSG:n' when unknown)."""
    try:
        return CRS.from_epsg(epsg).name
    except ProjCrsError:
        return f"EPSG:{epsg}"


# -- what the user typed ------------------------------------------------------------------
def parse_source_crs(text: str) -> tuple[CRS | None, str | None]:
    """Parse a user's CRS answer: ``gcj02``, ``bd09``, ``EPSG:4548``, ``4548``, WKT, aliases.

    Returns ``(crs, datum)``: a datum ('gcj02'/'bd09') means lon/lat to shift to WGS 84.
    """
    raw = text.strip()
    key = raw.lower().replace("-", "").replace("_", "").replace(" ", "")
    if key in _DATUM_ALIASES:
        return None, _DATUM_ALIASES[key]
    if key in _ALIASES:
        return CRS.from_epsg(_ALIASES[key]), None
    try:
        crs = CRS.from_user_input(int(raw) if raw.isdigit() else raw)
        to_wgs84(crs)  # a definition PROJ cannot convert (another planet's ellipsoid) is no answer
        return crs, None
    except (ProjError, ValueError, TypeError):
        raise CrsError(QT_TRANSLATE_NOOP(
            "errors", "Unknown coordinate system '{text}'. Give an EPSG code such as EPSG:4548, "
                      "or gcj02 / bd09 for AMap or Baidu coordinates."), text=text) from None


def is_legacy_datum(crs: CRS) -> bool:
    """Whether *crs* is on Xian 1980 or Beijing 1954 (no published shift to CGCS2000)."""
    name = (crs.geodetic_crs.name if crs.geodetic_crs is not None else crs.name).lower()
    return "xian 1980" in name or "beijing 1954" in name


def legacy_datum_notice(crs: CRS) -> Notice:
    """The warning shown for Xian 1980 / Beijing 1954 data."""
    return notice(QT_TRANSLATE_NOOP(
        "io", "{crs} has no published transformation to CGCS2000; coordinates are used without "
              "a datum shift and may be off by tens of metres (up to about 100 m). Use "
              "CGCS2000 data where you can."), crs=describe(crs))


# -- robust location of the data -----------------------------------------------------------
@dataclass(frozen=True)
class Spread:
    """Median and 5–95 % range of the features' centres (in the file's own numbers)."""

    cx: float
    cy: float
    x0: float
    y0: float
    x1: float
    y1: float

    @classmethod
    def of(cls, x: np.ndarray, y: np.ndarray) -> "Spread":
        ok = np.isfinite(x) & np.isfinite(y)
        x, y = x[ok], y[ok]
        if x.size == 0:
            raise CrsError(QT_TRANSLATE_NOOP("errors", "The layer has no usable coordinates."))
        qx = np.percentile(x, [5, 50, 95])
        qy = np.percentile(y, [5, 50, 95])
        return cls(float(qx[1]), float(qy[1]), float(qx[0]), float(qy[0]), float(qx[2]), float(qy[2]))

    def text(self) -> str:
        return f"x {self.x0:,.6g}…{self.x1:,.6g}, y {self.y0:,.6g}…{self.y1:,.6g}"


# -- inference -------------------------------------------------------------------------------
def infer_crs(x: np.ndarray, y: np.ndarray, *, geographic_epsg: int = 4490,
              near: tuple[float, float] | None = None, history: tuple[int, ...] = ()) -> CrsInfo:
    """Infer the CRS from feature centres *x*, *y* (see the module text for the rules).

    A kind of numbers wins when most features (:data:`MAJORITY`) show it, so a few stray
    features (a typo, a point at 0,0) cannot hide it; they are dropped later as out of range.
    *near* is a lon/lat the data is probably close to (the project's centre); *history*
    lists EPSG codes the user chose for other files, most recent first.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ok = np.isfinite(x) & np.isfinite(y)
    x, y = x[ok], y[ok]
    if x.size == 0:
        raise CrsError(QT_TRANSLATE_NOOP("errors", "The layer has no usable coordinates."))
    lonlat = (np.abs(x) <= 180) & (np.abs(y) <= 90)
    china = lonlat & (x >= 73) & (x <= 136) & (y >= 3) & (y <= 54)
    if china.mean() >= MAJORITY:
        return _infer_lonlat(Spread.of(x[china], y[china]), geographic_epsg)
    northing = (y >= 0) & (y <= 6_200_000)
    zones = np.floor(x / 1_000_000)
    rest = x - zones * 1_000_000
    zone = int(np.median(zones))
    prefixed = northing & (zones == zone) & (rest >= 100_000) & (rest <= 900_000)
    mercator = (x >= 8.1e6) & (x <= 1.52e7) & (y >= 3.0e5) & (y <= 7.2e6)  # China in EPSG:3857
    if (25 <= zone <= 45 or 13 <= zone <= 23) and prefixed.mean() >= MAJORITY:
        info = _infer_prefixed(Spread.of(x[prefixed], y[prefixed]), zone)
        if zone <= 23 and mercator.mean() >= MAJORITY:  # 6° zones 13–15 share Mercator's numbers
            return _either(info, Spread.of(x[mercator], y[mercator]))
        return info
    plain = northing & (x >= 100_000) & (x <= 900_000)
    if plain.mean() >= MAJORITY:
        s = Spread.of(x[plain], y[plain])
        ranked = _rank_central_meridians(s, near, history)
        ask = coded("crs.zone_unknown", QT_TRANSLATE_NOOP(
            "io", "Eastings near 500,000 m: the Gauss-Krüger zone cannot be read from the numbers. "
                  "Choose the coordinate system; most likely EPSG:{epsg} ({name})."),
            epsg=ranked[0].epsg, name=ranked[0].name)
        return CrsInfo(None, "inferred", ranked, needs_choice=True, notices=[ask])
    if mercator.mean() >= MAJORITY:
        info = CrsInfo(None, "inferred", [_mercator_candidate(Spread.of(x[mercator], y[mercator]))],
                       needs_choice=True)
        info.notices.append(notice(QT_TRANSLATE_NOOP(
            "io", "The numbers look like Web Mercator metres (EPSG:3857). Baidu's own Mercator "
                  "(BD-09MC) looks alike but is not supported: export lon/lat from it instead.")))
        return info
    s = Spread.of(x, y)
    if lonlat.mean() >= MAJORITY:
        reason = notice(QT_TRANSLATE_NOOP("io", "Lon/lat numbers, but outside China ({range})"),
                        range=s.text())
        return CrsInfo(None, "inferred", [CrsCandidate(4326, (reason,), 1.0)], needs_choice=True)
    return CrsInfo(None, "inferred", [], needs_choice=True, notices=[_unrecognised_notice(s)])


def _unrecognised_notice(s: Spread) -> Notice:
    if max(abs(s.x0), abs(s.x1), abs(s.y0), abs(s.y1)) < 100_000:
        return notice(QT_TRANSLATE_NOOP(
            "io", "The coordinates ({range}) look like a local drawing system, not a map "
                  "projection. Georeference the data, or choose its coordinate system."),
            range=s.text())
    return notice(QT_TRANSLATE_NOOP(
        "io", "The coordinates ({range}) fit no coordinate system used in China. Choose the "
              "coordinate system."), range=s.text())


def _infer_lonlat(s: Spread, geographic_epsg: int) -> CrsInfo:
    """Lon/lat in China. A format that is WGS 84 by definition (*geographic_epsg* 4326: GeoJSON,
    KML) is taken as such; otherwise nothing says whether the numbers are CGCS2000 / WGS 84 or
    GCJ-02 / BD-09 web-map coordinates (hundreds of metres apart): the user must choose, with
    CGCS2000 preselected (the data is held in it until then)."""
    main = (notice(QT_TRANSLATE_NOOP("io", "Lon/lat inside China ({lon:.3f}°E, {lat:.3f}°N)"),
                   lon=s.cx, lat=s.cy),)
    declared = geographic_epsg == 4326
    if declared:
        main += (notice(QT_TRANSLATE_NOOP("io", "This format is WGS 84 by definition")),)
    other = 4326 if geographic_epsg == 4490 else 4490
    alike = notice(QT_TRANSLATE_NOOP("io", "Agrees with CGCS2000 / WGS 84 to a few centimetres"))
    old = notice(QT_TRANSLATE_NOOP("io", "Older data; no published shift to CGCS2000"))
    cands = [CrsCandidate(geographic_epsg, main, 10.0), CrsCandidate(other, (alike,), 9.0)]
    if not declared:
        web = notice(QT_TRANSLATE_NOOP("io", "Web-map coordinates (scraped or exported from an online "
                                             "map), offset by several hundred metres; shifted to WGS 84"))
        cands += [CrsCandidate(4326, (web,), 8.0 - k, datum) for k, (datum, _) in enumerate(DATUM_CHOICES)]
    cands += [CrsCandidate(XIAN80["geographic"], (old,), 1.0),
              CrsCandidate(BEIJING54["geographic"], (old,), 0.5)]
    info = CrsInfo(CRS.from_epsg(geographic_epsg), "inferred", cands, needs_choice=not declared)
    if not declared:
        info.notices.append(coded(LONLAT_UNDECLARED, QT_TRANSLATE_NOOP(
            "io", "Lon/lat inside China, but the file does not say in which system: CGCS2000 / WGS 84, "
                  "or GCJ-02 (AMap, Tencent) / BD-09 (Baidu) web-map coordinates, which lie several "
                  "hundred metres away. Choose it.")))
    return info


def rank_datum_first(info: CrsInfo, datum: str) -> None:
    """Move the *datum* candidate (a name or column hint says GCJ-02 / BD-09) to the top."""
    info.candidates.sort(key=lambda c: c.datum != datum)


def _infer_prefixed(s: Spread, zone: int) -> CrsInfo:
    gk3 = zone >= 25
    epsg = GK_ZONE_FIRST_EPSG + zone - 25 if gk3 else GK6_ZONE_FIRST_EPSG + zone - 13
    lon, lat = _to_lonlat(epsg, s.cx, s.cy)
    where = _where(lon, lat)
    main = notice(QT_TRANSLATE_NOOP("io", "Eastings start with {zone}: {kind} Gauss-Krüger zone "
                                    "{zone}; the data lies at {lon:.3f}°E, {lat:.3f}°N ({where})"),
                  zone=zone, kind="3-degree" if gk3 else "6-degree", lon=lon, lat=lat, where=where)
    cands = [CrsCandidate(epsg, (main,), 10.0)]
    if gk3:
        old = notice(QT_TRANSLATE_NOOP("io", "Same zone on an older datum; no published shift to "
                                       "CGCS2000"))
        cands += [CrsCandidate(XIAN80["gk3_zone"] + zone - 25, (old,), 1.0),
                  CrsCandidate(BEIJING54["gk3_zone"] + zone - 25, (old,), 0.5)]
    return CrsInfo(CRS.from_epsg(epsg), "inferred", cands)


def _mercator_candidate(s: Spread) -> CrsCandidate:
    """EPSG:3857 (web-map exports), scored like a zone: by where it puts the data."""
    lon, lat = _to_lonlat(3857, s.cx, s.cy)
    reason = notice(QT_TRANSLATE_NOOP("io", "Web Mercator (web-map exports): the data would lie "
                                      "at {lon:.3f}°E, {lat:.3f}°N ({where})"),
                    lon=lon, lat=lat, where=_where(lon, lat))
    return CrsCandidate(3857, (reason,), float(np.log1p(population_weight(lon, lat))))


def _either(gk: CrsInfo, s: Spread) -> CrsInfo:
    """A 6-degree zone or Web Mercator: the numbers fit both, places 1,000 km apart."""
    lon, lat = _to_lonlat(gk.epsg, s.cx, s.cy)
    zone = CrsCandidate(gk.epsg, gk.candidates[0].reasons,
                        float(np.log1p(population_weight(lon, lat))))
    ranked = sorted([zone, _mercator_candidate(s)], key=lambda c: -c.score)
    ask = notice(QT_TRANSLATE_NOOP(
        "io", "The numbers fit both a 6-degree Gauss-Krüger zone and Web Mercator, which put the "
              "data far apart. Choose the coordinate system; most likely EPSG:{epsg} ({name})."),
        epsg=ranked[0].epsg, name=ranked[0].name)
    return CrsInfo(None, "inferred", ranked, needs_choice=True, notices=[ask])


def _where(lon: float, lat: float) -> str:
    return QT_TRANSLATE_NOOP("io", "inside China") if in_china(lon, lat) \
        else QT_TRANSLATE_NOOP("io", "outside China")


def to_wgs84(crs: CRS) -> Transformer:
    """A lon/lat (x = lon) transformer from *crs* to WGS 84 (gis.io.reproject's, cached: creating
    one can be slow)."""
    return exact_transformer(crs, WGS84)


def converts(crs: CRS) -> bool:
    """Whether *crs* can be converted to WGS 84: a damaged definition can name an ellipsoid
    of another planet (a .prj whose semi-major axis became 1 m)."""
    try:
        to_wgs84(crs)
    except ProjError:
        return False
    return True


def _transformer(epsg: int) -> Transformer:
    return to_wgs84(CRS.from_epsg(epsg))


def _to_lonlat(epsg: int, x: float, y: float) -> tuple[float, float]:
    lon, lat = _transformer(epsg).transform(x, y)
    return float(lon), float(lat)


@lru_cache(maxsize=64)
def _area(epsg: int) -> tuple[float, float, float, float]:
    area = CRS.from_epsg(epsg).area_of_use
    return area.bounds if area is not None else (-180.0, -90.0, 180.0, 90.0)


def _inside_area(epsg: int, lon: float, lat: float, margin: float = 0.25) -> bool:
    w, s, e, n = _area(epsg)
    return w - margin <= lon <= e + margin and s - margin <= lat <= n + margin


def _rank_central_meridians(s: Spread, near, history) -> list[CrsCandidate]:
    """All CGCS2000 3-degree CM zones, then UTM zones over China, best first."""
    # Transverse Mercator without a prefix: lon = CM + f(x, y), lat = g(x, y) for every zone.
    lon75, lat = _to_lonlat(GK_CM_FIRST_EPSG, s.cx, s.cy)
    cands = [_gk_candidate(GK_CM_FIRST_EPSG + k, 75 + 3 * k, lon75 + 3 * k, lat, near, history)
             for k in range(21)]
    utm_lon, utm_lat = _to_lonlat(32643, s.cx, s.cy)
    for k, zone in enumerate(UTM_ZONES):
        lon = utm_lon + 6 * k
        if in_china(lon, utm_lat):
            reason = notice(QT_TRANSLATE_NOOP("io", "WGS 84 / UTM zone {zone}N (international "
                                              "data): the data would lie at {lon:.3f}°E, "
                                              "{lat:.3f}°N"), zone=zone, lon=lon, lat=utm_lat)
            score = -10.0 + np.log1p(population_weight(lon, utm_lat)) + _bonus(lon, utm_lat, near)
            cands.append(CrsCandidate(32600 + zone, (reason,), score))
    return sorted(cands, key=lambda c: -c.score)


def _gk_candidate(epsg, cm, lon, lat, near, history) -> CrsCandidate:
    inside = _inside_area(epsg, lon, lat)
    reasons = [notice(QT_TRANSLATE_NOOP("io", "Central meridian {cm}°E: the data would lie at "
                                        "{lon:.3f}°E, {lat:.3f}°N ({where})"),
                      cm=cm, lon=lon, lat=lat, where=_where(lon, lat) if inside
                      else QT_TRANSLATE_NOOP("io", "outside China's part of this zone"))]
    score = np.log1p(population_weight(lon, lat)) + (0.0 if inside else -20.0)
    city = nearest_city(lon, lat) if inside else None
    if city:
        reasons.append(notice(QT_TRANSLATE_NOOP("io", "near {city}"), city=city))
    bonus = _bonus(lon, lat, near)
    if bonus:
        reasons.append(notice(QT_TRANSLATE_NOOP("io", "next to the project's other layers")))
        score += bonus
    if epsg in history:
        uses = history.count(epsg)
        reasons.append(notice(QT_TRANSLATE_NOOP("io", "you chose it for {n} other files"), n=uses))
        score += 4.0 + 0.1 * min(uses, 10)
    return CrsCandidate(epsg, tuple(reasons), float(score))


def _bonus(lon: float, lat: float, near) -> float:
    """Up to +8 for lying within about 100 km of *near* (the project's centre)."""
    if near is None:
        return 0.0
    d = np.hypot((lon - near[0]) * np.cos(np.radians(lat)), lat - near[1])
    return float(8.0 * max(0.0, 1.0 - d / 1.0)) if d < 1.0 else 0.0


# -- checking a CRS against the numbers ---------------------------------------------------------
def out_of_range(crs: CRS, x: np.ndarray, y: np.ndarray, *, margin: float = 5.0) -> np.ndarray:
    """Mask of centres that cannot be in *crs*: not finite, or far outside its area of use."""
    lon, lat = to_wgs84(crs).transform(x, y)
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    bad = ~(np.isfinite(lon) & np.isfinite(lat)) | (np.abs(lon) > 180) | (np.abs(lat) > 90)
    if crs.is_geographic:
        bad |= (np.abs(np.asarray(x)) > 180) | (np.abs(np.asarray(y)) > 90)
    area = crs.area_of_use
    if area is not None and (area.east - area.west) < 300:  # regional CRS: stay near its area
        w, s, e, n = area.bounds
        bad |= (lon < w - margin) | (lon > e + margin) | (lat < s - margin) | (lat > n + margin)
    return bad


def outside_area_notice(crs: CRS, lon: float, lat: float) -> Notice | None:
    """A notice when the data's centre lies outside *crs*'s area of use (allowed, but odd)."""
    area = crs.area_of_use
    if area is None:
        return None
    w, s, e, n = area.bounds
    if w <= lon <= e and s <= lat <= n:
        return None
    return notice(QT_TRANSLATE_NOOP("io", "The data ({lon:.3f}°E, {lat:.3f}°N) lies outside the "
                                    "area {crs} is meant for; check that the coordinate system "
                                    "is right."), lon=lon, lat=lat, crs=describe(crs))


# -- what the dialog offers --------------------------------------------------------------------
@lru_cache(maxsize=1)
def crs_choices() -> tuple[tuple[str, int, str], ...]:
    """(group, epsg, name) of every coordinate system offered to the user, in menu order."""
    groups = [
        (QT_TRANSLATE_NOOP("io", "Geographic"), [4490, 4326, 4610, 4214]),
        (QT_TRANSLATE_NOOP("io", "CGCS2000 3° Gauss-Krüger, central meridian"), range(4534, 4555)),
        (QT_TRANSLATE_NOOP("io", "CGCS2000 3° Gauss-Krüger, zone prefix"), range(4513, 4534)),
        (QT_TRANSLATE_NOOP("io", "CGCS2000 6° Gauss-Krüger"), range(4491, 4513)),
        (QT_TRANSLATE_NOOP("io", "Xian 1980 3° Gauss-Krüger"), range(2349, 2391)),
        (QT_TRANSLATE_NOOP("io", "Beijing 1954 3° Gauss-Krüger"), range(2401, 2443)),
        (QT_TRANSLATE_NOOP("io", "WGS 84 / UTM"), [32600 + z for z in UTM_ZONES]),
        (QT_TRANSLATE_NOOP("io", "Web Mercator"), [3857]),
    ]
    return tuple((group, code, crs_name(code)) for group, codes in groups for code in codes)


DATUM_CHOICES = (("gcj02", QT_TRANSLATE_NOOP("io", "GCJ-02 (AMap/Gaode, Tencent)")),
                 ("bd09", QT_TRANSLATE_NOOP("io", "BD-09 (Baidu)")))
