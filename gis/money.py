"""Money as Chinese planning documents write it, the one formatter of the window, presentations,
print-outs and text in workbooks (sheets keep numbers as numbers in 万元 or yuan columns).

Amounts are yuan. Chinese: 万元, or 亿元 from one hundred million, digits grouped and decimals
only when they say something (two at most). English: CNY, in millions or billions from a million.

>>> money(39_800_000), money(125_000), money(3_343_200_000), money(200_000_000)
('3,980 万元', '12.5 万元', '33.43 亿元', '2 亿元')
>>> money(39_800_000, "en"), money(350_000, "en"), money(3_343_200_000, "en")
('CNY 39.8 million', 'CNY 350,000', 'CNY 3.34 billion')
"""

from __future__ import annotations

import math

WAN = 10_000.0  # yuan in one 万元
YI = 100_000_000.0  # yuan in one 亿元
MISSING = "—"


def _known(value) -> bool:
    return value is not None and not isinstance(value, bool) and math.isfinite(float(value))


def grouped(value: float, digits: int = 2) -> str:
    """*value* with grouped digits and at most *digits* decimals, trailing zeros dropped: 3,980 / 12.5."""
    text = f"{round(float(value), digits) + 0.0:,.{digits}f}"  # + 0.0: no "-0"
    return text.rstrip("0").rstrip(".") if digits else text


def wan_number(value) -> str:
    """Yuan as a number of 万元 without the unit (a cell under a 万元 header): 3,980 / 12.5."""
    return grouped(float(value) / WAN) if _known(value) else MISSING


def money(value, language: str = "zh_CN") -> str:
    """Yuan with its unit in *language*: 3,980 万元 / 33.43 亿元, CNY 39.8 million / CNY 350,000."""
    if not _known(value):
        return MISSING
    value = float(value)
    if language.startswith("zh"):
        return f"{grouped(value / YI)} 亿元" if abs(value) >= YI else f"{grouped(value / WAN)} 万元"
    if abs(value) >= 1e9:
        return f"CNY {grouped(value / 1e9)} billion"
    if abs(value) >= 1e6:
        return f"CNY {grouped(value / 1e6)} million"
    return f"CNY {grouped(value, 0)}"


def yuan(value) -> str:
    """Whole yuan with grouped digits, a figure under a yuan header (item rows, per household): 1,234,567."""
    return grouped(value, 0) if _known(value) else MISSING


def money_params(key: str, value) -> dict[str, str]:
    """Message params giving *value* with its unit in both languages (``{key}`` and ``{key}_zh``,
    see gis.i18n.localised_params), so a notice or an error says money as :func:`money` does.

    >>> money_params("budget", 20_000_000)
    {'budget': 'CNY 20 million', 'budget_zh': '2,000 万元'}
    """
    return {key: money(value, "en"), f"{key}_zh": money(value, "zh_CN")}
