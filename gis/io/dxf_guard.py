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

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from gis.feedback import Feedback, ensure
from gis.io import limits

_BINARY_SENTINEL = b"AutoCAD Binary DXF\r\n\x1a\x00"
_NOT_COUNTED = {"VERTEX", "SEQEND", "ATTRIB", "ENDBLK", "BLOCK", "SECTION", "ENDSEC", "EOF"}
_CHECK_EVERY = 50_000  # tags between Cancel / time checks


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
    """The blocks by name and the ENTITIES section, from one pass over the group codes."""
    blocks: dict[str, _Block] = {}
    top = _Block()
    size = max(1, path.stat().st_size)
    section = current = None
    entity, name, cols, rows = "", "", 1, 1

    def close_entity() -> None:
        if current is None or not entity or entity in _NOT_COUNTED:
            return
        if entity == "INSERT" and name:
            current.inserts.append((name, cols * rows))
        else:
            current.plain += 1

    for k, (code, value, done) in enumerate(_tags(path)):
        if k % _CHECK_EVERY == 0:
            fb.check()
            fb.progress(done / size, "")
        if code == 0:
            close_entity()
            entity, name, cols, rows = value, "", 1, 1
            if value == "ENDSEC":
                section = current = None
            elif value == "BLOCK" and section == "BLOCKS":
                current = None  # until the block's name (group 2) is read
            elif value == "ENDBLK":
                current = None
        elif code == 2 and entity == "SECTION":
            section = value
            current = top if value == "ENTITIES" else None
        elif code == 2 and entity == "BLOCK" and section == "BLOCKS":
            current = blocks.setdefault(value, _Block())
        elif entity == "INSERT" and code in (2, 70, 71):
            if code == 2:
                name = value
            elif code == 70:
                cols = _count(value)
            else:
                rows = _count(value)
    close_entity()
    return blocks, top


def _count(value: str) -> int:
    """A MINSERT row or column count as GDAL takes it (absent, zero or junk: 1)."""
    try:
        return max(1, abs(int(float(value))))
    except ValueError:
        return 1


def _tags(path: Path) -> Iterator[tuple[int, str, int]]:
    """(group code, value, bytes read so far) of an ASCII or binary DXF."""
    with open(path, "rb") as f:
        if f.read(len(_BINARY_SENTINEL)) == _BINARY_SENTINEL:
            yield from _binary_tags(path)
            return
        f.seek(0)
        done = 0
        for code_line in f:
            value_line = f.readline()
            done += len(code_line) + len(value_line)
            try:
                code = int(code_line)
            except ValueError:
                continue  # damaged pair: GDAL decides what to make of it
            yield code, value_line.strip().decode("latin-1"), done


def _binary_tags(path: Path) -> Iterator[tuple[int, str, int]]:
    from ezdxf.lldxf.tagger import binary_tags_loader

    data = path.read_bytes()
    for tag in binary_tags_loader(data):
        value = tag.value
        yield tag.code, value.decode("latin-1") if isinstance(value, bytes) else str(value), 0
