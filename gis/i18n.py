"""Marking user-visible strings in the Qt-free engine.

``gis`` may not import Qt, yet its messages reach the user. Strings are marked with
:func:`QT_TRANSLATE_NOOP` (the name ``pyside6-lupdate`` looks for) and translated by the
GUI with ``QCoreApplication.translate(context, text)``. The CLI prints the English source.

Counts: an English source is the plural ("{n} features were dropped."); its singular lives in
``resources/i18n/app_en.ts`` as a Qt numerus message, and :func:`fill` picks it when the count
is 1 (window, exports and command line alike). Chinese has one form for every count.
"""

import re


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (name fixed by lupdate)
    """Return *text* unchanged; lupdate collects it under *context*."""
    return text


def localised_params(params: dict, language: str) -> dict:
    """*params* with each ``X_zh`` value in place of ``X`` when *language* is Chinese (a name
    given in both languages, e.g. ``rule="Changchun", rule_zh="长春"``)."""
    if not language.startswith("zh"):
        return dict(params)
    return {k: params.get(f"{k}_zh") or v for k, v in params.items()}


# the count of a message: a number placeholder before a plural noun ("{n} features", "{count} road
# lines"), not one before a verb ("{path} has") nor one holding a name ("{family} features")
COUNT = re.compile(r"\{(\w+)(?::[^}]*)?\}\s+(?:[a-z-]+\s+){0,2}?"
                   r"(?!(?:is|was|has|does|holds|lacks|says|needs|belongs|contains|goes|gives|applies|refers|mixes"
                   r"|counts|its|this|bytes)\b)[a-z]+[^s\W]?s\b")
TEXT_PARAMS = frozenset({"path", "family", "driver", "allowed", "format", "column", "type", "kind", "layer",
                         "where", "name", "file", "text", "how", "mode"})


def count_params(template: str) -> list[str]:
    """The params of *template* that count things (the first one found holding a number is the count)."""
    names = [m.group(1) for m in COUNT.finditer(template)]
    return [n for i, n in enumerate(names) if n not in TEXT_PARAMS and n not in names[:i]]


def count_of(template: str, params: dict):
    """The count that chooses *template*'s English form: the first count param holding a number."""
    for name in count_params(template):
        value = params.get(name)
        if isinstance(value, str) and re.fullmatch(r"\d[\d,]*(\.\d+)?", value):
            value = float(value.replace(",", ""))  # digit-grouped already ("1,234")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
    return None


def fill(text: str, params: dict) -> str:
    """*text* (an English source or its translation) filled with *params*; an English source whose
    count is 1 takes its singular form from app_en.ts ("1 feature was dropped.")."""
    singular = _english().get(text)
    if singular and count_of(text, params) == 1:
        text = singular
    return text.format(**params)


def bilingual(context: str, **names: str) -> dict:
    """*names* (English, marked in *context*) with their Chinese beside them as ``X_zh`` params,
    so a notice names things in the language it is shown in (:func:`localised_params`)."""
    out = dict(names)
    out.update({f"{k}_zh": translate(context, v, "zh_CN") for k, v in names.items()})
    return out


def translate(context: str, text: str, language: str) -> str:
    """*text* in *language* ("zh"/"zh_CN" or "en") from the app's translation file, without Qt
    (the command line writes names such as 片区 1 into its outputs). English is the source."""
    if not language.startswith("zh"):
        return text
    return _catalogue().get((context, text)) or text


def translate_any(text: str, language: str) -> str:
    """*text* in *language*, whichever engine context marked it (notices are marked in several)."""
    if not language.startswith("zh"):
        return text
    _catalogue()
    return _BY_SOURCE.get(text) or text


_ENGLISH: dict | None = None
_CATALOGUE: dict | None = None
_BY_SOURCE: dict = {}


def _english() -> dict:
    """English plural source → its singular form, read once from resources/i18n/app_en.ts."""
    global _ENGLISH
    if _ENGLISH is None:
        _ENGLISH = {}
        for _, msg in _messages("app_en.ts"):
            forms = [f.text for f in msg.iter("numerusform")]
            if forms and forms[0]:
                _ENGLISH[msg.findtext("source")] = forms[0]
    return _ENGLISH


def _catalogue() -> dict:
    """(context, source) → zh_CN translation, read once from resources/i18n/app_zh_CN.ts."""
    global _CATALOGUE
    if _CATALOGUE is None:
        _CATALOGUE = {}
        for name, msg in _messages("app_zh_CN.ts"):
            tr = msg.find("translation")
            if tr is not None and tr.text and tr.get("type") not in ("unfinished", "obsolete", "vanished"):
                _CATALOGUE[(name, msg.findtext("source"))] = tr.text
                _BY_SOURCE.setdefault(msg.findtext("source"), tr.text)
    return _CATALOGUE


def _messages(filename: str):
    """(context name, message element) of the translation file *filename* in resources/i18n."""
    import xml.etree.ElementTree as ET

    from gis.paths import RESOURCES

    path = RESOURCES / "i18n" / filename
    if path.exists():
        for ctx in ET.parse(path).getroot().iter("context"):
            for msg in ctx.iter("message"):
                yield ctx.findtext("name"), msg
