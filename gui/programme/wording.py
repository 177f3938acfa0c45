"""Words and numbers of the programme in the UI language: money as planners write it
(gis.money: whole yuan in item rows, 万元 in summaries), item, class, unit,
channel and stage names, and the engine's notices."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import localised_params
from gis.money import money
from gis.programme.catalogue import CHANNELS, CLASSES, UNITS
from gui.i18n import notice_text as any_notice_text
from gui.i18n import error_text, fill, tr_gis, translated, ui_language


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanWording", text)


def wan_text(value) -> str:
    """Money with its unit in the UI language (gis.money): 123.46 万元, CNY 1.23 million."""
    return money(value, ui_language())


def item_label(item) -> str:
    return item.label(ui_language())


def class_label(key: str) -> str:
    return tr_gis("programme", CLASSES[key][0])


def unit_label(key: str) -> str:
    return tr_gis("programme", UNITS[key][0])


def channel_label(key: str) -> str:
    return tr_gis("programme", CHANNELS[key][0])


STAGE_NAMES = {
    "enter": QT_TRANSLATE_NOOP("PlanWording", "Agree to enter the plan"),
    "design": QT_TRANSLATE_NOOP("PlanWording", "Approve the design"),
    "acceptance": QT_TRANSLATE_NOOP("PlanWording", "Satisfied at acceptance"),
}


def stage_label(stage: str) -> str:
    return tr(STAGE_NAMES[stage])


def notice_text(note) -> str:
    """A programme or consent notice (context "programme") or any other engine notice."""
    template = getattr(note, "template", None)
    if template is not None:
        text = tr_gis("programme", template)
        if text != template:
            try:
                return fill(text, localised_params(note.params, ui_language()))
            except (KeyError, IndexError, ValueError):
                return note.message
    return any_notice_text(note)



def refusal_text(err, catalogue=None) -> str:
    """A catalogue refusal in the UI language, naming its item (if *catalogue* knows it) and
    channel in words instead of by their keys."""
    params = getattr(err, "params", None)
    if not isinstance(params, dict) or not {"item", "channel"} & set(params):
        return error_text(err)
    named = err.params_in(ui_language())
    known = {it.key: it for it in (catalogue.items if catalogue is not None else ())}
    if named.get("item") in known:
        named["item"] = item_label(known[named["item"]])
    if named.get("channel") in CHANNELS:
        named["channel"] = channel_label(named["channel"])
    try:
        return fill(translated(err.template, err.context), named)
    except (KeyError, IndexError, ValueError):
        return error_text(err)


def name_list(names, language: str | None = None) -> str:
    """Names joined as the language lists them: 甲、乙 in Chinese, "a, b" in English."""
    return ("、" if (language or ui_language()).startswith("zh") else ", ").join(str(n) for n in names)
