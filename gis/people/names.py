"""Compound names as keys that survive the ways one name is written.

A 街道 spreadsheet and a boundary file rarely spell a compound alike: full-width digits and
brackets (（１期）), spaces, a district or street prefix (海淀区…, 八里庄街道…), a generic suffix
present or not (小区/花园/新村/宿舍), a phase (一期/1期) or building range (1-5号楼) and 号院 for 号.
:func:`name_key` gives three views of a name:

- ``full``: width, case, spaces and brackets evened out, Chinese phase numerals as digits and
  号院 as 号; equal ``full`` keys are the same written name;
- ``core``: also without dashes, the generic suffix, the building range and bracketed notes;
  the ``phase`` (一期 → 1) and the courtyard number (``yard``: 二区-3号院 → 3) are kept apart so
  phases and courtyards never merge by accident;
- ``trimmed``: cores with a leading administrative prefix removed (…区, …街道, …社区).

>>> k = name_key("海淀区 阳光花园（一期）1-5号楼")
>>> k.full, k.core, k.phase, k.trimmed
('海淀区阳光花园1期15号楼', '海淀区阳光', '1', ('阳光',))
>>> k = name_key("星荷路二区-3号院")
>>> k.core, k.yard, name_key("复兴路32号院").core
('星荷路二区', '3', '复兴路32号')
>>> name_key("复兴路３２号院").full == name_key("复兴路32号").full
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SUFFIXES = ("住宅小区", "小区", "花园", "新村", "宿舍区", "宿舍", "家属院", "家属区", "生活区",
            "住宅区", "公寓")
ADMIN_MARKERS = ("街道办事处", "办事处", "街道", "社区居委会", "居委会", "社区", "省", "市", "区",
                 "县", "镇", "乡")
_MARKER_ENDS = frozenset(m[-1] for m in ADMIN_MARKERS)
_NOT_ADMIN_BEFORE_QU = "小园校片厂东西南北中新老"  # 小区, 园区, 东区 … are parts of a name
_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SPACE_PUNCT = re.compile(r"[\s·•・\.,，、。:：;；'\"“”‘’_/\\|]+")
_BRACKETS = re.compile(r"[()\[\]{}<>【】〔〕《》「」『』]")
_BRACKETED = re.compile(r"[(\[【〔《「『][^)\]】〕》」』]*[)\]】〕》」』]")
_PHASE = re.compile(r"(?:第)?([0-9]+|[一二两三四五六七八九十]+)期")
_UNIT = r"(?:号楼|号|栋|幢|座|#|楼)"
_BUILDING = r"(?:号楼|栋|幢|座|#|楼)"  # a bare 号 ends a door or courtyard number, not a building
_BUILDINGS = re.compile(rf"[0-9]+{_UNIT}?(?:[-~～至到和及,，、]+[0-9]+{_UNIT}?)*{_BUILDING}$")
_YARD = re.compile(r"(?<![路街巷道里弄胡同0-9])([0-9]+)号$")  # 二区-3号(院); 复兴路32号 is the name itself
_DASHES = re.compile(r"[-~～—]+")
_HAO_YUAN = re.compile(r"([0-9]+)号院")
_MIN_CORE = 2  # a trimmed key shorter than this says nothing
MAX_CHARS = 100  # a longer cell is not a name: keys use its first 100 characters (and stay fast)


@dataclass(frozen=True)
class NameKey:
    """The keys of one written name (see the module text)."""

    full: str
    core: str
    phase: str
    trimmed: tuple[str, ...]
    suffix: str = ""  # the generic suffixes removed from the core ('小区', '新村小区')
    yard: str = ""  # a courtyard number kept apart like a phase: 星荷路二区-3号院 → '3'


def plain_text(value) -> str:
    """NFKC (full-width → half-width), lower case, spaces and punctuation removed, at most
    :data:`MAX_CHARS` characters."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    text = unicodedata.normalize("NFKC", str(value)[:MAX_CHARS * 2]).lower()
    text = text.replace("—", "-").replace("－", "-").replace("–", "-")
    return _SPACE_PUNCT.sub("", text)[:MAX_CHARS]


def chinese_number(text: str) -> str:
    """'一' → '1', '十二' → '12', digits unchanged (phases are small numbers)."""
    if text.isdigit():
        return str(int(text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        return str(_NUMERALS.get(tens, 1) * 10 + _NUMERALS.get(ones, 0))
    return str(_NUMERALS.get(text, 0)) if len(text) == 1 else text


def _phases(text: str) -> str:
    return _PHASE.sub(lambda m: chinese_number(m.group(1)) + "期", text)


def full_key(value) -> str:
    """The written name evened out: width, case, spaces, brackets, 一期 → 1期, 号院 → 号."""
    text = _BRACKETS.sub("", plain_text(value))
    return _HAO_YUAN.sub(r"\1号", _phases(text))


def name_key(value) -> NameKey:
    """The :class:`NameKey` of a compound name as written in a table or a boundary file."""
    text = _HAO_YUAN.sub(r"\1号", _phases(plain_text(value)))
    full = _DASHES.sub("", _BRACKETS.sub("", text))
    phases = _PHASE.findall(full)
    phase = chinese_number(phases[-1]) if phases else ""
    core = _BRACKETS.sub("", _BRACKETED.sub("", _PHASE.sub("", text)))
    core = _unless_empty(_BUILDINGS.sub("", core), core)
    yard = _YARD.search(core)
    if yard and len(_DASHES.sub("", core[:yard.start()])) >= _MIN_CORE:
        core, yard = core[:yard.start()], str(int(yard.group(1)))
    else:
        yard = ""
    core = _DASHES.sub("", core)
    base = strip_suffixes(core)
    trimmed = tuple(dict.fromkeys(v for v in map(strip_suffixes, trimmed_variants(core)) if v != base))
    return NameKey(full, base, phase, trimmed, core[len(base):], yard)


def _unless_empty(text: str, fallback: str) -> str:
    """*text*, or *fallback* when *text* is too short to be a name ('3号楼' alone stays)."""
    return text if len(_DASHES.sub("", text)) >= _MIN_CORE else fallback


def strip_suffixes(core: str) -> str:
    """'阳光新村小区' → '阳光'; a name that is only a suffix ('花园') stays."""
    changed = True
    while changed:
        changed = False
        for suffix in SUFFIXES:
            if core.endswith(suffix) and len(core) - len(suffix) >= _MIN_CORE:
                core, changed = core[: -len(suffix)], True
    return core


def trimmed_variants(core: str) -> tuple[str, ...]:
    """*core* without each leading administrative prefix ('海淀区八里庄街道阳光' → '八里庄街道阳光',
    '阳光'), longest remainder first; remainders shorter than two characters are dropped."""
    out = []
    for i in range(1, len(core) - _MIN_CORE + 1):
        if core[i - 1] not in _MARKER_ENDS:
            continue
        for marker in ADMIN_MARKERS:
            if core.endswith(marker, 0, i):
                if marker == "区" and i >= 2 and core[i - 2] in _NOT_ADMIN_BEFORE_QU:
                    continue
                out.append(core[i:])
                break
    return tuple(dict.fromkeys(out))
