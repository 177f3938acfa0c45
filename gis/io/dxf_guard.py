"""Count what a DXF drawing expands to before GDAL inlines its blocks.

A few hundred bytes of DXF can ask for a billion entities: one MINSERT of 30,000 × 30,000
copies, or blocks nested ten deep that each insert the one below several times. GDAL
inlines every copy in memory, so the drawing is scanned first (a streaming pass over its
group codes, no geometry built): each block's own entities and INSERTs are collected, and
the entity count after expansion is computed per block, recursively, with the nesting
depth. A drawing past ``max_cad_entities`` or ``max_block_depth`` (:mod:`gis.io.limits`)
is refused with the cap message before any copy is made.

>>> from pathlib import Path; import tempfile
>>> p = Path(tempfile.mkdtemp()) / "a.dxf"
>>> _ = p.write_text("0\\nSECTION\\n2\\nENTITIES\\n0\\nLINE\\n8\\n0\\n0\\nENDSEC\\n0\\nEOF\\n")
>>> expanded_entities(p)
1
"""

from __future__ import annotations

import mmap
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from gis.feedback import Feedback, ensure
from gis.io import limits

_BINARY_SENTINEL = b"AutoCAD Binary DXF\r\n\x1a\x00"
_NOT_COUNTED = {"VERTEX", "SEQEND", "ATTRIB", "EOF"}
_CHECK_EVERY = 20_000  # entities between Cancel / time checks
_DETAILED = {"SECTION", "BLOCK", "INSERT"}  # entities whose groups 2, 70, 71 are read
_DETAIL_BYTES = 8192  # an entity's groups are looked for this far after its type line
# a group code 0 line and the entity type after it; code lines are digits only, so a value
# "0" followed by the next code line never matches
_ENTITY = re.compile(rb"^[ \t]*0\r?\n[ \t]*([0-9A-Za-z_]*[A-Za-z][0-9A-Za-z_]*)[ \t]*\r?$", re.M)


@dataclass
class _Block:
    """Entities of one block (or of the ENTITIES section): plain ones, and INSERTs."""

    plain: int = 0
    inserts: list[tuple[str, int]] = field(default_factory=list)  # (block name, copies)


def expanded_entities(path: Path, *, feedback: Feedback | None = None) -> int:
    """Entities *path* yields once every INSERT/MINSERT is expanded; LimitExceeded past the
    caps (entities or nesting depth), Cancelled when the user stops."""
    blocks, top = _scan(path, ensure(feedback))
    caps = limits.active()
    memo: dict[str, int] = {}

    def expand(block: _Block, depth: int, trail: tuple[str, ...]) -> int:
        total = block.plain
        for name, copies in block.inserts:
            if name not in blocks:
                continue  # GDAL skips an INSERT of a missing block
            if depth + 1 > caps.max_block_depth or name in trail:
                raise limits.exceeded("max_block_depth", path=path.name, value=_depth_text(name, trail))
            if name not in memo:
                memo[name] = expand(blocks[name], depth + 1, trail + (name,))
            total += copies * memo[name]
            if total > caps.max_cad_entities:
                raise limits.exceeded("max_cad_entities", path=path.name, value=f"{total:,}+")
        return total

    total = expand(top, 0, ())
    if total > caps.max_cad_entities:
        raise limits.exceeded("max_cad_entities", path=path.name, value=f"{total:,}")
    return total


def _depth_text(name: str, trail: tuple[str, ...]) -> str:
    if name in trail:
        return " → ".join(trail + (name,)) + " (a block that contains itself)"
    return f"more than {len(trail)} levels"


def _scan(path: Path, fb: Feedback) -> tuple[dict[str, _Block], _Block]:
    """The blocks by name and the ENTITIES section, from one pass over the entities."""
    blocks: dict[str, _Block] = {}
    top = _Block()
    size = max(1, path.stat().st_size)
    section = current = None
    for k, (entity, tags, done) in enumerate(_entities(path)):
        if k % _CHECK_EVERY == 0:
            fb.check()
            fb.progress(done / size, "")
        if entity == "SECTION":
            section = tags.get(2)
            current = top if section == "ENTITIES" else None
        elif entity == "ENDSEC":
            section = current = None
        elif entity == "BLOCK" and section == "BLOCKS":
            current = blocks.setdefault(tags.get(2, ""), _Block())
        elif entity == "ENDBLK":
            current = None
        elif current is None or entity in _NOT_COUNTED:
            continue
        elif entity == "INSERT" and tags.get(2):
            current.inserts.append((tags[2], _count(tags.get(70)) * _count(tags.get(71))))
        else:
            current.plain += 1
    return blocks, top


def _count(value: str | None) -> int:
    """A MINSERT row or column count as GDAL takes it (absent, zero or junk: 1)."""
    try:
        return max(1, abs(int(float(value or 1))))
    except ValueError:
        return 1


def _entities(path: Path) -> Iterator[tuple[str, dict[int, str], int]]:
    """(entity type, its group 2/70/71 values if it is a SECTION, BLOCK or INSERT, byte
    offset) for every entity of an ASCII or binary DXF."""
    with open(path, "rb") as f:
        binary = f.read(len(_BINARY_SENTINEL)) == _BINARY_SENTINEL
        if binary or path.stat().st_size == 0:
            yield from ([] if not binary else _binary_entities(path))
            return
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
            for m in _ENTITY.finditer(data):
                entity = m.group(1).decode("ascii").upper()
                tags = _tags_after(data, m.end()) if entity in _DETAILED else {}
                yield entity, tags, m.start()


def _tags_after(data, start: int) -> dict[int, str]:
    """Groups 2, 70 and 71 of the entity whose type line ends at *start*."""
    lines = bytes(data[start:start + _DETAIL_BYTES]).splitlines()[1:]
    out: dict[int, str] = {}
    for code_line, value in zip(lines[::2], lines[1::2]):
        try:
            code = int(code_line)
        except ValueError:
            break
        if code == 0:
            break
        if code in (2, 70, 71) and code not in out:
            out[code] = value.strip().decode("latin-1")
    return out


def _binary_entities(path: Path) -> Iterator[tuple[str, dict[int, str], int]]:
    from ezdxf.lldxf.tagger import binary_tags_loader

    entity, tags = None, {}
    for tag in binary_tags_loader(path.read_bytes()):
        value = tag.value.decode("latin-1") if isinstance(tag.value, bytes) else str(tag.value)
        if tag.code == 0:
            if entity is not None:
                yield entity, tags, 0
            entity, tags = value.upper(), {}
        elif tag.code in (2, 70, 71) and tag.code not in tags:
            tags[tag.code] = value
    if entity is not None:
        yield entity, tags, 0
