"""Degrees-minutes-seconds text ('116°23′45.6″E', '39度54分北', '116:23:45') to degrees.

Parsed in one pass over tokens (numbers, marks), so time grows linearly with the text;
a pattern with nested optional parts took a minute on a 30 KB cell. Callers skip cells
longer than ``ReadLimits.max_cell_chars``.

>>> parse_dms("116°23′45.6″E")
116.396
>>> parse_dms("S 33°52'")
-33.86666666666667
"""

from __future__ import annotations

import math
import re

_TOKEN = re.compile(r"\d+(?:\.\d+)?|\S")  # a number or one other visible character
_HEMISPHERES = {"N": 1, "E": 1, "S": -1, "W": -1, "北": 1, "东": 1, "南": -1, "西": -1}
_DEGREE_MARKS = frozenset("°度:")
_LATER_MARKS = (frozenset("'′’分:"), frozenset('"″”秒'))  # after minutes, after seconds


def parse_dms(text: str) -> float:
    """Degrees from DMS *text*; NaN when it is not DMS."""
    tokens = _TOKEN.findall(text.replace("，", ".").replace("＋", "+"))
    i, sign = 0, 1
    if i < len(tokens) and tokens[i].upper() in _HEMISPHERES:
        sign, i = _HEMISPHERES[tokens[i].upper()], i + 1
    if i + 1 >= len(tokens) or not _is_number(tokens[i]) or tokens[i + 1] not in _DEGREE_MARKS:
        return math.nan
    degrees, i = float(tokens[i]), i + 2
    for scale, marks in zip((60, 3600), _LATER_MARKS):
        if i < len(tokens) and _is_number(tokens[i]):
            degrees, i = degrees + float(tokens[i]) / scale, i + 1
            i += 1 if i < len(tokens) and tokens[i] in marks else 0
    if i < len(tokens) and tokens[i].upper() in _HEMISPHERES:
        sign, i = sign * _HEMISPHERES[tokens[i].upper()], i + 1
    return sign * degrees if i == len(tokens) else math.nan


def _is_number(token: str) -> bool:
    return token[0].isdecimal()
