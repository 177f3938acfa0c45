"""Overviews built once into the cache folder: progress, Cancel, a full disk, reuse."""

from __future__ import annotations

from collections import namedtuple

import pytest

from gis.errors import Cancelled, DataReadError
from gis.feedback import Feedback
from gis.raster import pyramid
from gis.raster.source import open_raster
from gis.raster.tiles import TileSource
from tests.gis.raster_samples import ORIGIN, geotiff
from gis.raster.tiles import tile_bounds
from tests.gis.test_raster_source import colour_at, lonlat, tile_pixel


@pytest.fixture
def big(tmp_path, monkeypatch):
    monkeypatch.setattr(pyramid, "PYRAMID_FROM_PX", 512)
    return open_raster(geotiff(tmp_path / "big.tif", size=1100, pixel=0.5))


def test_levels_are_built_once_with_progress_and_used_for_tiles(big, tmp_path):
    cache = tmp_path / "cache"
    assert pyramid.needs_pyramid(big) and pyramid.factors(big) == [2, 4, 8]
    seen = []
    levels = pyramid.build_pyramid(big, cache, feedback=Feedback(lambda f, _m: seen.append(f)))
    assert [f for f, _ in levels] == [2, 4, 8] and all(p.is_file() for _, p in levels)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    assert pyramid.build_pyramid(big, cache) == levels  # found, not rebuilt
    source = TileSource(big, levels)
    # zoomed out (z 15: ~3.8 m a tile pixel here, 0.5 m source pixels) reads level 1:8
    z, tx, ty, _, _ = tile_pixel(*lonlat(ORIGIN[0] + 100, ORIGIN[1] - 100), 15)
    assert source.level_for(source._to_source.transform_bounds(*tile_bounds(z, tx, ty)))[0] == 8
    red = colour_at(source, ORIGIN[0] + 100, ORIGIN[1] - 100, z=15)  # JPEG levels: near, not exact
    assert red[0] > 245 and red[1] < 10 and red[2] < 10
    assert colour_at(source, ORIGIN[0] + 400, ORIGIN[1] - 400, z=19) == (255, 255, 255, 255)  # full size


def test_cancel_leaves_no_files(big, tmp_path):
    cache = tmp_path / "cache"
    calls = []
    fb = Feedback(lambda f, _m: calls.append(f), lambda: len(calls) >= 1)
    with pytest.raises(Cancelled):
        pyramid.build_pyramid(big, cache, feedback=fb)
    assert list((cache / "rasters").iterdir()) == []
    assert pyramid.existing_levels(big, cache) == []


def test_full_disk_says_how_much_is_needed_and_leaves_nothing(big, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(pyramid.shutil, "disk_usage", lambda _p: usage(10**9, 10**9 - 10**6, 10**6))
    with pytest.raises(DataReadError) as err:
        pyramid.build_pyramid(big, cache)
    assert "Not enough disk space" in err.value.message and err.value.params["free"] == 0
    assert list((cache / "rasters").iterdir()) == []


def test_disk_filling_up_while_writing_is_the_same_message(big, tmp_path, monkeypatch):
    import errno

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pyramid, "_halve", full)
    with pytest.raises(DataReadError, match="Not enough disk space"):
        pyramid.build_pyramid(big, tmp_path / "cache")
    assert list((tmp_path / "cache" / "rasters").iterdir()) == []


def test_a_changed_file_gets_new_overviews(big, tmp_path):
    cache = tmp_path / "cache"
    first = pyramid.pyramid_dir(big.path, cache)
    pyramid.build_pyramid(big, cache)
    geotiff(tmp_path / "big.tif", size=1100, pixel=0.25)
    assert pyramid.pyramid_dir(big.path, cache) != first


def test_without_overviews_far_zoomed_out_tiles_stay_empty_instead_of_reading_everything(big, monkeypatch):
    import gis.raster.tiles as tiles

    monkeypatch.setattr(tiles, "MAX_DECIMATION", 2)  # this small image stands for a 20,000 px one
    source = TileSource(big)  # overviews not built yet
    z, tx, ty, _, _ = tile_pixel(*lonlat(ORIGIN[0] + 100, ORIGIN[1] - 100), 13)  # the whole image in a tile
    assert source.lacks_overviews and source.render(z, tx, ty) is None
    assert colour_at(source, ORIGIN[0] + 100, ORIGIN[1] - 100, z=18)[:3] == (255, 0, 0)  # ~1 px a px: drawn
