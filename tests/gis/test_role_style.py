"""Layers are styled by role when read: compounds labelled, water blue, facilities apart."""

from __future__ import annotations

from gis.domain import FieldRole, Role
from gis.io import inspect_file
from gis.io.importer import build_layer
from gis.role_style import ROLE_STYLES, role_style, variant_for
from tests.gis import io_samples


def test_read_layer_takes_its_role_style(tmp_path):
    path = io_samples.write_shp(io_samples.compounds(), tmp_path / "小区.shp")
    layer = build_layer(inspect_file(path))
    assert layer.role is Role.COMPOUNDS
    assert layer.style.fill == ROLE_STYLES[Role.COMPOUNDS].fill
    assert layer.style.label_field == layer.fields[FieldRole.NAME]


def test_roles_and_variants_differ():
    fills = {role_style(role).fill for role in ROLE_STYLES}
    assert len(fills) == len(ROLE_STYLES), "every role its own colour"
    variants = {role_style(Role.FACILITIES, variant=k).fill for k in range(4)}
    assert len(variants) == 4
    assert role_style(Role.ROADS, variant=2).stroke == role_style(Role.ROADS, variant=2).fill  # a line is its colour


def test_variant_counts_layers_of_the_role():
    class L:
        def __init__(self, role):
            self.role = role

    assert variant_for(Role.FACILITIES, [L(Role.COMPOUNDS), L(Role.FACILITIES), L(Role.FACILITIES)]) == 2
    assert variant_for("compounds", []) == 0
