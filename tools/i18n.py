"""Translation upkeep: collect strings, merge translations, compile.

    python tools/i18n.py update              # lupdate gis/ and gui/ into resources/i18n/app_zh_CN.ts
    python tools/i18n.py untranslated        # list (context, source) pairs still unfinished, as JSON
    python tools/i18n.py apply FILE.json     # merge {"context": {"source": "译文"}} into the .ts
    python tools/i18n.py release             # compile the .ts into the .qm the app loads
    python tools/i18n.py singulars FILE.json # merge {"context": {"source": "English singular"}} into app_en.ts

The .ts file is the single source of truth (editable in Qt Linguist); English is the source
language. Messages with a count ("{n} features were dropped.") also have an English singular
("{n} feature was dropped.") in resources/i18n/app_en.ts, a numerus message whose plural is the
source; ``update`` adds new ones there unfinished (write the singular in Linguist or the file).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
TS = I18N / "app_zh_CN.ts"
QM = I18N / "app_zh_CN.qm"
EN = I18N / "app_en.ts"


def tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    files = sorted(p for d in ("gis", "gui") for p in (ROOT / d).rglob("*.py"))
    return [str(p.relative_to(ROOT)) for p in files]


def lupdate(ts: Path) -> None:
    """Collect every tr()/translate()/QT_TRANSLATE_NOOP string into *ts* (keeps translations).

    Modules may define ``def tr(text): return QCoreApplication.translate("Ctx", text)``;
    lupdate files their strings under an empty context, so they are moved to "Ctx".
    """
    done = {(c, s): tr.text for c, s, tr in messages(ts) if _finished(tr)} if ts.exists() else {}
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "relative",
                    "-target-language", "zh_CN", "-ts", str(ts)], cwd=ROOT, check=True,
                   capture_output=True)
    _assign_module_contexts(ts)
    # lupdate files module-``tr`` strings under "" and marks them unfinished; they keep their translation
    lost = untranslated(ts)
    restore: dict[str, dict[str, str]] = {}
    for (c, s), text in done.items():
        if s in lost.get(c, {}):
            restore.setdefault(c, {})[s] = text
    apply(restore, ts)


MODULE_TR = re.compile(r"def tr\(text[^)]*\)[^:]*:\s*\n\s*return QCoreApplication\.translate\((\"\w+\"|\w+), text\)")


def _module_context(source: str) -> str | None:
    """The context of a module-level ``tr`` helper in *source* (a literal or a constant)."""
    match = MODULE_TR.search(source)
    if not match:
        return None
    name = match.group(1)
    if name.startswith('"'):
        return name.strip('"')
    const = re.search(rf"^{name}\s*=\s*\"(\w+)\"", source, re.M)
    return const.group(1) if const else None


def _assign_module_contexts(ts: Path) -> None:
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    orphan = contexts.get("")
    if orphan is None:
        return
    filename = None  # a location without a filename is in the previous message's file
    for msg in list(orphan.iter("message")):
        loc = msg.find("location")
        target = None
        if loc is not None:
            filename = loc.get("filename") or filename
            src = (ts.parent / filename).resolve() if filename else None
            target = _module_context(src.read_text(encoding="utf-8")) if src and src.is_file() else None
        if target is None:
            continue
        orphan.remove(msg)
        ctx = contexts.get(target)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = target
            contexts[target] = ctx
        if not any(m.findtext("source") == msg.findtext("source") for m in ctx.iter("message")):
            ctx.append(msg)
    if not list(orphan.iter("message")):
        root.remove(orphan)
    _write(tree, ts)


def update_english(ts: Path = TS, en: Path = EN) -> int:
    """Keep *en* holding exactly the counted messages of *ts*, with their singulars; return how
    many still lack one."""
    sys.path.insert(0, str(ROOT))
    from gis.i18n import count_params

    old = {}
    if en.exists():
        for ctx in ET.parse(en).getroot().iter("context"):
            for msg in ctx.iter("message"):
                old[(ctx.findtext("name"), msg.findtext("source"))] = [f.text for f in msg.iter("numerusform")]
    root = ET.Element("TS", version="2.1", language="en", sourcelanguage="en")
    missing = 0
    contexts: dict[str, ET.Element] = {}
    for name, src, _ in messages(ts):
        if not count_params(src):
            continue
        if name not in contexts:
            contexts[name] = ET.SubElement(root, "context")
            ET.SubElement(contexts[name], "name").text = name
        msg = ET.SubElement(contexts[name], "message", numerus="yes")
        ET.SubElement(msg, "source").text = src
        singular = (old.get((name, src)) or [None])[0]
        tr = ET.SubElement(msg, "translation", **({} if singular else {"type": "unfinished"}))
        ET.SubElement(tr, "numerusform").text = singular or ""
        ET.SubElement(tr, "numerusform").text = src
        missing += not singular
    ET.indent(root, space="    ")
    _write(ET.ElementTree(root), en)
    return missing


def apply_singulars(mapping: dict[str, dict[str, str]], en: Path = EN) -> int:
    """Merge English singulars ``{context: {plural source: singular}}`` into *en*."""
    return apply(mapping, en, lambda tr: tr.find("numerusform"))


def messages(ts: Path):
    """Yield (context, source, translation element) for every message in *ts*."""
    root = ET.parse(ts).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            yield name, msg.findtext("source"), msg.find("translation")


def _finished(tr) -> bool:
    return (tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete")
            and bool((tr.text or "").strip()))


def untranslated(ts: Path = TS) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for ctx, src, tr in messages(ts):
        if not _finished(tr):
            out.setdefault(ctx, {})[src] = ""
    return out


def apply(mapping: dict[str, dict[str, str]], ts: Path = TS, target=lambda tr: tr) -> int:
    """Merge ``{context: {source: text}}`` into *ts*; *target* picks the element of a translation
    that takes the text (the translation itself, or the singular numerus form of app_en.ts)."""
    tree = ET.parse(ts)
    done = 0
    for ctx in tree.getroot().iter("context"):
        table = mapping.get(ctx.findtext("name"), {})
        for msg in ctx.iter("message"):
            text = table.get(msg.findtext("source"))
            if text:
                tr = msg.find("translation")
                target(tr).text = text
                tr.attrib.pop("type", None)
                done += 1
    _write(tree, ts)
    return done


def _write(tree: ET.ElementTree, ts: Path) -> None:
    """Write *tree* the way lupdate does, so the two tools never churn the file's format."""
    body = ET.tostring(tree.getroot(), encoding="unicode").replace(" />", "/>")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def release(ts: Path = TS, qm: Path = QM) -> None:
    """Compile *ts* to *qm* via a temporary file: running apps map the .qm into memory."""
    tmp = qm.with_name(qm.name + ".tmp")
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(tmp)], check=True, capture_output=True)
    os.replace(tmp, qm)


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "update"
    if cmd == "update":
        lupdate(TS)
        print(f"{sum(1 for _ in messages(TS))} messages, "
              f"{sum(len(v) for v in untranslated().values())} untranslated, "
              f"{update_english()} English singulars missing ({EN.name})")
    elif cmd == "untranslated":
        print(json.dumps(untranslated(), ensure_ascii=False, indent=1))
    elif cmd == "apply":
        print(apply(json.loads(Path(argv[1]).read_text(encoding="utf-8"))), "translations applied")
    elif cmd == "singulars":
        print(apply_singulars(json.loads(Path(argv[1]).read_text(encoding="utf-8"))), "English singulars applied")
    elif cmd == "release":
        release()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
