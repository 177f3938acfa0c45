"""Online basemaps: off by default, checked settings, tiles fetched once from the one host, offline noticed."""

from __future__ import annotations

import io
import urllib.error

import pytest

from gis.errors import DataReadError
from gis.raster.basemaps import Basemap, OnlineTiles, check_basemap
from gis.settings import Settings
from tests.gis.raster_samples import png_tile

KEY = "0123456789abcdef0123456789abcdef"


def test_off_by_default():
    assert not Basemap.from_settings(Settings().basemap).on
    assert Basemap.from_settings({"kind": "bogus", "key": KEY}).kind == "off"


def test_tianditu_needs_a_key_and_reaches_one_host():
    with pytest.raises(DataReadError, match="32 letters"):
        check_basemap(Basemap("tianditu_img", key="abc"))
    basemap = check_basemap(Basemap("tianditu_img", key=f" {KEY} "))
    assert basemap.key == KEY and basemap.host == "t0.tianditu.gov.cn" and basemap.credit() == "© 天地图"
    assert [t.split("T=")[1][:5] for t in basemap.templates()] == ["img_w", "cia_w"]  # imagery, then labels
    assert all(KEY not in t for t in basemap.templates())  # the key is filled in only when fetching


@pytest.mark.parametrize("url", ["ftp://x.cn/{z}/{x}/{y}.png", "https://x.cn/tiles/{z}/{x}.png", "tiles/{z}/{x}/{y}"])
def test_a_tile_url_needs_http_and_z_x_y(url):
    with pytest.raises(DataReadError, match="http"):
        check_basemap(Basemap("xyz", url=url))


class FakeWeb:
    def __init__(self, body: bytes | None) -> None:
        self.body, self.urls = body, []

    def __call__(self, request, timeout):
        self.urls.append(request.full_url)
        if self.body is None:
            raise urllib.error.URLError("no network")
        return io.BytesIO(self.body)


def test_tiles_are_fetched_once_then_served_from_the_cache(tmp_path):
    tile = png_tile((0, 200, 0))
    web = FakeWeb(tile)
    basemap = Basemap("tianditu_vec", key=KEY)
    layer = OnlineTiles(basemap, basemap.templates()[0], tmp_path, opener=web)
    assert layer.tile(14, 13500, 6200) == tile
    assert layer.tile(14, 13500, 6200) == tile
    assert len(web.urls) == 1 and web.urls[0].startswith("https://t") and f"tk={KEY}" in web.urls[0]
    assert "T=vec_w&x=13500&y=6200&l=14" in web.urls[0]
    assert not any(KEY.encode() in p.read_bytes() or KEY in str(p) for p in tmp_path.rglob("*") if p.is_file())
    assert layer.tile(14, 2 ** 14, 0) is None and len(web.urls) == 1  # not a tile: no request


def test_offline_is_told_once_and_not_retried_at_once(tmp_path):
    told = []
    web = FakeWeb(None)
    layer = OnlineTiles(Basemap("osm"), Basemap("osm").templates()[0], tmp_path, on_offline=told.append, opener=web)
    assert layer.tile(3, 1, 1) is None and layer.tile(3, 2, 2) is None
    assert told == ["tile.openstreetmap.org"] and len(web.urls) == 1


def test_an_answer_that_is_not_an_image_is_not_cached(tmp_path):
    web = FakeWeb(b"<html>key invalid</html>")
    layer = OnlineTiles(Basemap("osm"), Basemap("osm").templates()[0], tmp_path, opener=web)
    assert layer.tile(3, 1, 1) is None and not list(tmp_path.rglob("*.tile"))


def test_gcj02_servers_are_wrapped_and_others_are_not(tmp_path):
    from gis.raster.basemaps import basemap_layers
    from gis.raster.gcj_tiles import GcjCorrectedTiles

    amap = Basemap.from_settings({"kind": "xyz", "url": "https://x.cn/{z}/{x}/{y}.png", "datum": "gcj02"})
    assert [type(t) for t in basemap_layers(amap, tmp_path)] == [GcjCorrectedTiles]
    assert Basemap.from_settings({"kind": "osm", "datum": "gcj02"}).datum == "wgs84"  # OSM is WGS 84
    assert [type(t) for t in basemap_layers(Basemap("osm"), tmp_path)] == [OnlineTiles]
    assert basemap_layers(Basemap(), tmp_path) == []


def test_the_key_never_reaches_the_log(tmp_path, caplog):
    import http.client
    import logging

    def broken(request, timeout):
        raise http.client.IncompleteRead(b"")

    caplog.set_level(logging.DEBUG)
    basemap = Basemap("tianditu_vec", key=KEY)
    layer = OnlineTiles(basemap, basemap.templates()[0], tmp_path, opener=broken)
    assert layer.tile(10, 843, 395) is None
    assert KEY not in caplog.text
