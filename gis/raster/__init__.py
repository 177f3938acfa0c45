"""Raster layers (orthophotos, scanned maps, tile caches) shown under the vector layers.

:mod:`source` opens and checks a file, :mod:`pyramid` builds overviews once, :mod:`tiles`
renders Web Mercator tiles from it, :mod:`layer` is what the project holds. No Qt here.
"""
