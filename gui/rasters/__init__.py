"""Raster layers in the window: adding them (overviews with progress), relinking moved files."""
