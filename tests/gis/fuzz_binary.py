"""Damage to binary containers (zip, xlsx and KMZ members, SQLite/GeoPackage, OSM PBF, File
Geodatabase tables) and :func:`mutate`, which picks the mutators for a file by its name."""

from __future__ import annotations

import io
import random
import re
import struct
import warnings
import zipfile

from tests.gis import fuzz_mutators as m


# -- zip (shapefile zips, KMZ, XLSX) ---------------------------------------------------------------
def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return [(info, zf.read(info)) for info in zf.infolist()]
    except Exception:  # noqa: BLE001 - an earlier step broke it: fall back to byte damage
        return None


def _rezip(members: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w") as zf:
        warnings.simplefilter("ignore")  # duplicate names are one of the mutations
        for info, body in members:
            zf.writestr(info, body)
    return buf.getvalue()


def _pick_member(data: bytes, rng: random.Random):
    """(members, index, info, body) of a random member, or None when *data* is no readable zip."""
    members = _members(data)
    if not members:
        return None
    i = rng.randrange(len(members))
    return members, i, *members[i]


def zip_member(data, rng):
    """Damage one member with the mutators of its own kind, then zip again."""
    picked = _pick_member(data, rng)
    if picked is None:
        return m.bit_flips(data, rng)
    members, i, info, body = picked
    new, what = mutate_bytes(body, info.filename, rng, steps=1)
    if new is None:
        del members[i]
    else:
        members[i] = (info, new)
    return _rezip(members), f"member {info.filename}: {'; '.join(what)}"


def zip_names(data, rng):
    """Members renamed out of the folder, duplicated, made symlinks or a zero-filled bomb."""
    picked = _pick_member(data, rng)
    if picked is None:
        return m.truncate(data, rng)
    members, i, info, body = picked
    op = rng.choice(("slip", "absolute", "duplicate", "symlink", "bomb", "stored"))
    new = zipfile.ZipInfo(info.filename, info.date_time)
    new.compress_type = zipfile.ZIP_DEFLATED
    if op == "slip":
        new.filename = "../../" + info.filename
    elif op == "absolute":
        new.filename = "/tmp/" + info.filename.rsplit("/", 1)[-1]
    elif op == "symlink":
        new.external_attr = 0o120777 << 16
        body = rng.choice((b"/etc/passwd", b"../../../../etc/hostname"))
    elif op == "bomb":
        body = b"\0" * rng.choice((1 << 20, 20 << 20))
    elif op == "stored":
        new.compress_type = zipfile.ZIP_STORED
    members.insert(i + 1, (new, body)) if op in ("duplicate", "slip", "absolute") else members.__setitem__(i, (new, body))
    return _rezip(members), f"zip_{op} {info.filename}"


def _zip_records(data: bytes, signature: bytes) -> list[int]:
    return [hit.start() for hit in re.finditer(re.escape(signature), data)]


def zip_directory(data, rng):
    """Overwrite a size, count, offset or method field of the central directory, EOCD or a
    local header with an extreme integer."""
    choices = [(at, field) for at in _zip_records(data, b"PK\x05\x06")
               for field in ((8, 2), (10, 2), (12, 4), (16, 4), (20, 2))]
    choices += [(at, field) for at in _zip_records(data, b"PK\x01\x02")
                for field in ((10, 2), (20, 4), (24, 4), (28, 2), (30, 2), (38, 4), (42, 4))]
    choices += [(at, field) for at in _zip_records(data, b"PK\x03\x04")
                for field in ((6, 2), (8, 2), (18, 4), (22, 4), (26, 2), (28, 2))]
    if not choices:
        return m.extreme_int(data, rng)
    at, (off, width) = rng.choice(choices)
    value = rng.choice(m.INTS + (8, 12, 14, 99))
    return m.put_int(data, at + off, width, "<", value), f"zip_field@{at}+{off}={value}"


ZIP = (zip_member, zip_member, zip_names, zip_directory, zip_directory)


# -- SQLite / GeoPackage ---------------------------------------------------------------------------
_SQLITE_FIELDS = ((16, 2), (18, 1), (19, 1), (20, 1), (21, 1), (28, 4), (32, 4), (36, 4), (40, 4),
                  (44, 4), (52, 4), (56, 4), (64, 4), (92, 4))


def sqlite_header(data, rng):
    at, width = rng.choice(_SQLITE_FIELDS)
    value = rng.choice(m.INTS + (3, 4, 512, 1024))
    return m.put_int(data, at, width, ">", value), f"sqlite_header@{at}={value}"


def sqlite_page(data, rng):
    """Damage a b-tree page header: type, freeblock, cell count, content start, right pointer."""
    size = struct.unpack(">H", data[16:18])[0] if len(data) >= 18 else 0
    size = 65536 if size == 1 else size
    if size < 512 or len(data) < size:
        return m.extreme_int(data, rng)
    page = rng.randrange(len(data) // size)
    base = page * size + (100 if page == 0 else 0)
    off, width = rng.choice(((0, 1), (1, 2), (3, 2), (5, 2), (7, 1), (8, 4)))
    value = rng.choice(m.INTS + (2, 5, 10, 13))
    return m.put_int(data, base + off, width, ">", value), f"sqlite_page{page}+{off}={value}"


def gpkg_blob(data, rng):
    """Damage a GeoPackage geometry blob header ('GP', version, flags, srs_id, envelope) or
    the WKB type and counts that follow it."""
    blobs = [hit.start() for hit in re.finditer(rb"GP\x00[\x00-\x0f]", data)]
    if not blobs:
        return m.extreme_int(data, rng)
    at = rng.choice(blobs)
    off, width = rng.choice(((3, 1), (4, 4), (8, 8), (40, 1), (41, 4), (45, 4), (49, 4)))
    value = rng.choice(m.INTS)
    return m.put_int(data, at + off, width, "<", value), f"gpkg_blob@{at}+{off}={value}"


SQLITE = (sqlite_header, sqlite_page, gpkg_blob, gpkg_blob)


# -- OSM PBF ---------------------------------------------------------------------------------------
def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def pbf_sizes(data, rng):
    """Blob header length, a datasize / raw_size / zlib length varint set to extreme values."""
    if rng.random() < 0.3 or len(data) < 8:
        value = rng.choice(m.INTS)
        return m.put_int(data, 0, 4, ">", value), f"pbf_blobheader_len={value}"
    tags = [hit.start() for hit in re.finditer(rb"[\x10\x18\x1a]", data[:4096])]
    if not tags:
        return m.extreme_int(data, rng)
    at = rng.choice(tags)
    end = at + 1
    while end < len(data) and data[end] & 0x80:
        end += 1
    value = rng.choice((0, 1, 2**31 - 1, 2**32, 2**63, 33 << 20))
    return data[:at + 1] + _varint(value) + data[end + 1:], f"pbf_varint@{at}={value}"


PBF = (pbf_sizes, pbf_sizes)
GDB = (m.extreme_int, m.extreme_int, m.remove)  # header ints of .gdbtable / .gdbtablx


# -- dispatch --------------------------------------------------------------------------------------
def kind_mutators(name: str) -> tuple:
    """The format-aware mutators for a file called *name*."""
    low = name.lower()
    table = ((".shp", m.SHP), (".shx", m.SHX), (".dbf", m.DBF), (".prj", m.TEXT), (".cpg", m.TEXT),
             (".zip", ZIP), (".kmz", ZIP), (".xlsx", ZIP), (".gpkg", SQLITE), (".geojson", m.JSON),
             (".json", m.JSON), (".kml", m.XML), (".osm", m.XML), (".xml", m.XML), (".rels", m.XML),
             (".dxf", m.DXF), (".csv", m.CSV), (".pbf", PBF))
    for suffix, mutators in table:
        if low.endswith(suffix):
            return mutators
    return GDB if ".gdb" in low or low.endswith(("gdb", "timestamps")) else ()


def mutate_bytes(data: bytes, name: str, rng: random.Random, steps: int | None = None):
    """Apply 1-3 mutations (generic or format-aware for *name*); ``(bytes | None, descriptions)``."""
    aware = kind_mutators(name)
    done = []
    for _ in range(steps or rng.choice((1, 1, 1, 2, 2, 3))):
        mutator = rng.choice(aware) if aware and rng.random() < 0.7 else rng.choice(m.GENERIC)
        new, what = mutator(data, rng)
        done.append(what)
        if new is None:
            return None, done
        if len(new) <= m.MAX_BYTES:
            data = new
    return data, done
