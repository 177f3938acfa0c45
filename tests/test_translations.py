"""Every user-visible string is translated to 简体中文, and the shipped .qm matches the .ts."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import i18n  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?::[^}]*)?\}")


def test_ts_holds_every_string_in_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    i18n.lupdate(fresh)
    in_code = {(c, s) for c, s, _ in i18n.messages(fresh)}
    committed = {(c, s) for c, s, _ in i18n.messages(i18n.TS)}
    missing = sorted(in_code - committed)
    assert len(in_code) > 100
    assert missing == [], f"run `python tools/i18n.py update` and translate: {missing[:10]}"


def test_every_string_is_translated_with_the_same_placeholders():
    assert i18n.untranslated() == {}
    for ctx, src, tr in i18n.messages(i18n.TS):
        assert sorted(PLACEHOLDER.findall(src)) == sorted(PLACEHOLDER.findall(tr.text or "")), (ctx, src)


def test_compiled_qm_is_current(tmp_path):
    qm = tmp_path / "app.qm"
    i18n.release(i18n.TS, qm)
    assert i18n.QM.read_bytes() == qm.read_bytes(), "run `python tools/i18n.py release`"


def test_every_engine_context_is_searched_for_notices():
    """A notice marked in a gis context the window does not search shows in English in the Chinese UI
    (the access notices in the plan dock did)."""
    import re
    from pathlib import Path

    from gui.i18n import NOTICE_CONTEXTS

    gis = Path(__file__).resolve().parent.parent / "gis"
    used = {m.group(1) for p in gis.rglob("*.py")
            for m in re.finditer(r'QT_TRANSLATE_NOOP\(\s*"([a-z_]+)"', p.read_text(encoding="utf-8"))}
    assert used - set(NOTICE_CONTEXTS) == set()


def test_update_keeps_translations_of_module_level_tr_strings(tmp_path):
    """lupdate drops module-level tr() strings as obsolete: update must restore them."""
    ts = tmp_path / "app.ts"
    i18n.shutil.copy(i18n.TS, ts)
    module_ctx = {c for c, _, _ in i18n.messages(i18n.TS) if c in ("PlanWording", "YearTour")}
    assert module_ctx, "the module-level tr() contexts this test guards are gone"
    i18n.lupdate(ts)
    lost = {c: s for c, s in i18n.untranslated(ts).items() if c in module_ctx}
    assert lost == {}
