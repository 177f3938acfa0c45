"""Money as planning documents write it (gis.money): 万元 / 亿元 with decimals only when they say
something; CNY millions in English; one formatter for window, presentation and print."""

from __future__ import annotations

import math

import pytest

from gis.money import grouped, money, money_params, wan_number, yuan


@pytest.mark.parametrize("yuan, zh, en", [
    (39_800_000, "3,980 万元", "CNY 39.8 million"),
    (125_000, "12.5 万元", "CNY 125,000"),
    (1_234_567, "123.46 万元", "CNY 1.23 million"),
    (3_343_200_000, "33.43 亿元", "CNY 3.34 billion"),
    (200_000_000, "2 亿元", "CNY 200 million"),
    (0, "0 万元", "CNY 0"),
])
def test_money_in_both_languages(yuan, zh, en):
    assert money(yuan) == zh and money(yuan, "en") == en


def test_missing_amounts_and_cells_under_a_wan_header():
    assert money(None) == money(math.nan, "en") == wan_number(None) == "—"
    assert wan_number(39_800_000) == "3,980" and wan_number(1_234_567) == "123.46"
    assert grouped(-0.001) == "0"  # never "-0"


def test_whole_yuan_under_a_yuan_header_and_params_for_messages():
    assert yuan(1_234_567.4) == "1,234,567" and yuan(None) == "—" and yuan(-0.2) == "0"
    assert money_params("cost", 39_800_000) == {"cost": "CNY 39.8 million", "cost_zh": "3,980 万元"}
