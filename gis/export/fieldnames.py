"""Shapefile field names: at most 10 bytes in the DBF's encoding, unique, never cut mid-character.

A DBF field name has 10 bytes. In UTF-8 a Chinese character takes 3 bytes, so 小区名称
(12 bytes) does not fit; GDAL would cut it after the tenth byte and leave a broken
character. In GBK it takes 2 bytes and 小区名称 (8 bytes) fits. Names are shortened on
character boundaries, clashes get a numeric suffix, and the mapping is returned so the
user is told which fields were renamed.

>>> shapefile_names(["小区名称", "户数", "elderly_2020", "elderly_2024"], "utf-8")
{'小区名称': '小区名', '户数': '户数', 'elderly_2020': 'elderly_20', 'elderly_2024': 'elderly_1'}
>>> shapefile_names(["小区名称"], "gbk")
{'小区名称': '小区名称'}
"""

from __future__ import annotations

from typing import Iterable

MAX_BYTES = 10


def fits(name: str, encoding: str) -> bool:
    return len(name.encode(encoding, errors="replace")) <= MAX_BYTES


def shorten(name: str, encoding: str, limit: int = MAX_BYTES) -> str:
    """The longest prefix of *name* that encodes to at most *limit* bytes."""
    out = ""
    for ch in name:
        if len((out + ch).encode(encoding, errors="replace")) > limit:
            break
        out += ch
    return out or "field"


def shapefile_names(columns: Iterable[str], encoding: str) -> dict[str, str]:
    """Map every column to a unique DBF field name of at most 10 bytes in *encoding*.

    Names that already fit are kept (case-insensitively unique, as DBF readers compare
    them that way); the others are shortened, and a clash gets ``_1``, ``_2`` ... or, when
    that does not fit, a digit suffix replacing the tail.
    """
    columns = [str(c) for c in columns]
    taken: set[str] = {c.lower() for c in columns if fits(c, encoding)}
    result: dict[str, str] = {}
    used: set[str] = set()
    for col in columns:
        if fits(col, encoding) and col.lower() not in used:
            result[col] = col
            used.add(col.lower())
            continue
        base = shorten(col, encoding)
        name = base if base.lower() not in taken | used else _unique(base, encoding, taken | used)
        result[col] = name
        used.add(name.lower())
    return result


def _unique(base: str, encoding: str, taken: set[str]) -> str:
    for k in range(1, 10_000):
        suffix = f"_{k}" if k < 10 else str(k)
        stem = shorten(base, encoding, MAX_BYTES - len(suffix)).rstrip("_") or "f"
        name = stem + suffix
        if name.lower() not in taken:
            return name
    raise ValueError("too many similar field names")  # 10,000 clashes: not a real table


def renamed(mapping: dict[str, str]) -> dict[str, str]:
    """Only the entries whose name changed (what to tell the user)."""
    return {old: new for old, new in mapping.items() if old != new}
