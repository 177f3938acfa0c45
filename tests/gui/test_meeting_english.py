"""English counts read as English: "1 compound", "1 facility", never "1 facilities"."""

from __future__ import annotations

import re

from gui.i18n import count_words
from tests.gui.gaps_fixtures import analysed_window, gaps_registered  # noqa: F401
from tests.gui.lifecircles_fixtures import lifecircles_registered  # noqa: F401
from tests.gui.test_english_layout import english  # noqa: F401

ONE_PLURAL = re.compile(r"(?<![\d,.])1 (compounds|facilities|zones|buildings|types)\b")


def test_count_words_picks_the_singular_and_groups_digits():
    assert count_words(1, "{n} facilities") == "1 facility"
    assert count_words(12345, "{n} facilities") == "12,345 facilities"


def test_gap_legend_status_and_life_circle_tree_say_one_in_the_singular(english, make_window, qtbot):
    from tests.gui import lifecircles_fixtures as lf

    win, ctl, project = analysed_window(make_window, qtbot)
    texts = [e.text for e in ctl.map.legend.entries] + [ctl.panel.status.text()]
    assert any(re.search(r"\b1 compound\b", t) for t in texts), texts  # one class holds a single compound
    life = lf.controller(win)
    life.panel.options.set_mode("buffer")
    lf.run(life, qtbot)
    tree = life.panel.legend
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    texts += [c.text(0) for it in items for c in (it.child(k) for k in range(it.childCount()))]
    texts.append(life.panel.status.text())
    assert any("(1 facility)" in t for t in texts), texts
    bad = [t for t in texts if ONE_PLURAL.search(t)]
    assert not bad, bad
