"""Counts read right in English: every translatable message with a count, rendered with 1 and 2."""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import i18n  # noqa: E402

from gis.i18n import COUNT, TEXT_PARAMS, count_params, fill  # noqa: E402

ONE_VERB = re.compile(r"(?<![\d.,])(?<!of )1 (?:(?!would|can|will)[a-z-]+ ){1,2}?"
                      r"(?:are|were|have|lie|sit|stand|repeat|belong|reach|wait|cost|do|exceed)\b")


def counted():
    return [(ctx, src) for ctx, src, _ in i18n.messages(i18n.TS) if count_params(src)]


def plural_after_one(src: str, name: str) -> re.Pattern:
    """"1" followed by the plural the source puts after its count *name* ("1 road lines")."""
    words = next(m.group(0) for m in COUNT.finditer(src) if m.group(1) == name).split("}", 1)[1]
    return re.compile(r"(?<![\d.,])1" + re.escape(words) + r"\b")


def render(src: str, plain: bool = False, **given) -> str:
    """*src* in English with 2 for every param but *given*; *plain*: the source itself, no form chosen."""
    names = {f for _, f, _, _ in string.Formatter().parse(src) if f}
    params = {name: given.get(name, 2) for name in names}
    return src.format(**params) if plain else fill(src, params)


def test_every_count_reads_right_with_one_and_two():
    messages = counted()
    assert len(messages) > 100
    wrong = []
    for ctx, src in messages:
        for name in count_params(src):
            one, two = render(src, **{name: 1}), render(src)
            if plural_after_one(src, name).search(one) or ONE_VERB.search(one) or two != render(src, plain=True):
                wrong.append((ctx, name, one))
    assert wrong == [], f"{len(wrong)} messages read wrong in English, e.g. {wrong[:5]}"


def test_the_check_catches_a_plural_after_one():
    one = plural_after_one("{n} road lines were dropped.", "n")
    assert one.search("1 road lines were dropped.") and not one.search("1 road line was dropped.")
    assert not one.search("21 road lines were dropped.") and not one.search("1 of 5 road lines")
    assert ONE_VERB.search("1 feature were dropped.") and not ONE_VERB.search("1 feature was dropped; 2 were kept.")
    assert not ONE_VERB.search("Z values of 1 feature were dropped.") and not ONE_VERB.search("1 zone would exceed")


def test_fill_picks_the_singular_for_one_only():
    src = "{n} features without a usable geometry (empty, or with missing coordinates) were dropped."
    assert fill(src, {"n": 1}).startswith("1 feature without") and "was dropped" in fill(src, {"n": 1})
    assert fill(src, {"n": 0}).startswith("0 features") and fill(src, {"n": 3}).startswith("3 features")
    assert fill("{n} 个要素", {"n": 1}) == "1 个要素"


def test_counted_gui_strings_are_filled_through_plural():
    """A counted tr() string formatted with str.format keeps "1 features": it must go through plural()."""
    import ast

    wrong = []
    for path in sorted((ROOT / "gui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
                inner = node.func.value
                if isinstance(inner, ast.Call) and inner.args and isinstance(inner.args[-1], ast.Constant):
                    text = inner.args[-1].value
                    if isinstance(text, str) and count_params(text):
                        wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} {text[:40]}")
    assert wrong == []


# a count that does not choose the form ("{n} of {total} facilities", "{n} were read") must not be
# followed by a verb that agrees with it: "1 of 5 facilities have", "holds 1; 1 were read"
OTHER_ONE = re.compile(r"(?<![\d.,'])1 (?:of (?:the |its )?\d+ (?:[a-z-]+ ){0,2}?)?"
                       r"(?:are|were|have|lack|lie|sit|stand|wait|do)\b")


def test_a_second_count_gets_no_verb_that_agrees_with_it():
    wrong = []
    for ctx, src in counted():
        chooser = count_params(src)[0]
        names = {f for _, f, _, _ in string.Formatter().parse(src) if f} - {chooser} - TEXT_PARAMS
        for name in names:
            for choose in (1, 2):
                text = render(src, **{name: 1, chooser: choose})
                if OTHER_ONE.search(text):
                    wrong.append((ctx, name, text))
    assert wrong == [], f"{len(wrong)} messages agree with a count that does not choose: {wrong[:5]}"


def test_the_second_count_check_catches_what_it_should():
    assert OTHER_ONE.search("1 of 5 facilities have no value") and OTHER_ONE.search("holds 1; 1 were read.")
    assert OTHER_ONE.search("1 of its 5 compounds lack a service.")
    assert not OTHER_ONE.search("No value for 1 of the 5 facilities.") and not OTHER_ONE.search("21 were read")
