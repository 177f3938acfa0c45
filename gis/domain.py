"""Vocabulary of the domain: layer roles, field roles and facility types.

The enum values are stable English keys used in files, JSON and the CLI. The ``label``
helpers give the English text marked for translation; the GUI translates it.
"""

from __future__ import annotations

from enum import Enum

from gis.i18n import QT_TRANSLATE_NOOP


class Role(str, Enum):
    """What a layer holds."""

    COMPOUNDS = "compounds"
    BUILDINGS = "buildings"
    FACILITIES = "facilities"
    ROADS = "roads"
    ENTRANCES = "entrances"
    BARRIERS = "barriers"
    ZONES = "zones"
    SERVICE_AREAS = "service_areas"
    OTHER = "other"


class FieldRole(str, Enum):
    """What an attribute column means, whatever it is called in the file."""

    ID = "id"
    NAME = "name"
    BUILD_YEAR = "build_year"
    HOUSEHOLDS = "households"
    FLOORS = "floors"
    ELEVATOR = "elevator"
    FACILITY_TYPE = "facility_type"
    POPULATION = "population"
    ELDERLY = "elderly"
    CHILDREN = "children"
    COMPOUND_ID = "compound_id"
    ROAD_CLASS = "road_class"
    CAPACITY = "capacity"  # places, beds or seats of a facility
    FLOOR_AREA = "floor_area"  # a facility's floor area, m²


class FacilityType(str, Enum):
    """Facility types of the 一老一小 analysis (keys fixed by the CLI contract)."""

    CLINIC = "clinic"
    ELDERLY_CANTEEN = "elderly_canteen"
    DAY_CARE = "day_care"
    NURSING_HOME = "nursing_home"
    KINDERGARTEN = "kindergarten"
    NURSERY = "nursery"
    PLAY_AREA = "play_area"


ELDERLY_TYPES = (
    FacilityType.CLINIC,
    FacilityType.ELDERLY_CANTEEN,
    FacilityType.DAY_CARE,
    FacilityType.NURSING_HOME,
)
CHILD_TYPES = (FacilityType.KINDERGARTEN, FacilityType.NURSERY, FacilityType.PLAY_AREA)

ROLE_LABELS = {
    Role.COMPOUNDS: QT_TRANSLATE_NOOP("domain", "Compounds"),
    Role.BUILDINGS: QT_TRANSLATE_NOOP("domain", "Buildings"),
    Role.FACILITIES: QT_TRANSLATE_NOOP("domain", "Facilities"),
    Role.ROADS: QT_TRANSLATE_NOOP("domain", "Roads"),
    Role.ENTRANCES: QT_TRANSLATE_NOOP("domain", "Entrances"),
    Role.BARRIERS: QT_TRANSLATE_NOOP("domain", "Barriers"),
    Role.ZONES: QT_TRANSLATE_NOOP("domain", "Renovation zones"),
    Role.SERVICE_AREAS: QT_TRANSLATE_NOOP("domain", "Service areas"),
    Role.OTHER: QT_TRANSLATE_NOOP("domain", "Other"),
}

FIELD_ROLE_LABELS = {
    FieldRole.ID: QT_TRANSLATE_NOOP("domain", "ID"),
    FieldRole.NAME: QT_TRANSLATE_NOOP("domain", "Name"),
    FieldRole.BUILD_YEAR: QT_TRANSLATE_NOOP("domain", "Build year"),
    FieldRole.HOUSEHOLDS: QT_TRANSLATE_NOOP("domain", "Households"),
    FieldRole.FLOORS: QT_TRANSLATE_NOOP("domain", "Floors"),
    FieldRole.ELEVATOR: QT_TRANSLATE_NOOP("domain", "Elevator"),
    FieldRole.FACILITY_TYPE: QT_TRANSLATE_NOOP("domain", "Facility type"),
    FieldRole.POPULATION: QT_TRANSLATE_NOOP("domain", "Population"),
    FieldRole.ELDERLY: QT_TRANSLATE_NOOP("domain", "Elderly (60+)"),
    FieldRole.CHILDREN: QT_TRANSLATE_NOOP("domain", "Children (0-6)"),
    FieldRole.COMPOUND_ID: QT_TRANSLATE_NOOP("domain", "Compound ID"),
    FieldRole.ROAD_CLASS: QT_TRANSLATE_NOOP("domain", "Road class"),
    FieldRole.CAPACITY: QT_TRANSLATE_NOOP("domain", "Capacity (places, beds, seats)"),
    FieldRole.FLOOR_AREA: QT_TRANSLATE_NOOP("domain", "Floor area (m²)"),
}

FACILITY_LABELS = {
    FacilityType.CLINIC: QT_TRANSLATE_NOOP("domain", "Clinic"),
    FacilityType.ELDERLY_CANTEEN: QT_TRANSLATE_NOOP("domain", "Elderly canteen"),
    FacilityType.DAY_CARE: QT_TRANSLATE_NOOP("domain", "Elderly day care"),
    FacilityType.NURSING_HOME: QT_TRANSLATE_NOOP("domain", "Nursing home"),
    FacilityType.KINDERGARTEN: QT_TRANSLATE_NOOP("domain", "Kindergarten"),
    FacilityType.NURSERY: QT_TRANSLATE_NOOP("domain", "Nursery"),
    FacilityType.PLAY_AREA: QT_TRANSLATE_NOOP("domain", "Children's play area"),
}
