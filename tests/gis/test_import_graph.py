"""The engine's modules import each other without a cycle (also through imports inside functions)."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

GIS = Path(__file__).resolve().parents[2] / "gis"


def modules() -> dict[str, Path]:
    out = {}
    for path in GIS.rglob("*.py"):
        name = ".".join(path.relative_to(GIS.parent).with_suffix("").parts)
        out[name.removesuffix(".__init__")] = path
    return out


def import_graph() -> dict[str, set[str]]:
    mods = modules()
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in mods.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "gis":
                targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in mods else node.module
                           for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            graph[name] |= {t for t in targets if t in mods and t != name and not name.startswith(t + ".")}
    return graph


def cycle_from(graph, start) -> list[str] | None:
    """A path start → … → start, if there is one (depth-first)."""
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for nxt in graph.get(node, ()):
            if nxt == start:
                return path + [start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, path + [nxt]))
    return None


def test_gis_has_no_import_cycle():
    graph = import_graph()
    assert len(graph) > 50
    cycles = [c for c in (cycle_from(graph, m) for m in sorted(graph)) if c]
    assert cycles == [], " ; ".join(" → ".join(c) for c in cycles[:5])


def test_the_checker_sees_a_cycle():
    assert cycle_from({"a": {"b"}, "b": {"c"}, "c": {"a"}}, "a") == ["a", "b", "c", "a"]


def package_pairs(graph) -> set[tuple[str, str]]:
    """(a, b) for every two subpackages of gis that import each other, both ways."""
    def package(module: str) -> str | None:
        parts = module.split(".")
        return parts[1] if len(parts) > 2 else None

    deps = {(package(a), package(b)) for a, targets in graph.items() for b in targets}
    deps = {(a, b) for a, b in deps if a and b and a != b}
    return {(a, b) for a, b in deps if (b, a) in deps and a < b}


def test_gis_subpackages_depend_one_way():
    assert package_pairs(import_graph()) == set()


def test_the_checker_sees_two_packages_leaning_on_each_other():
    graph = {"gis.a.x": {"gis.b.y"}, "gis.b.z": {"gis.a.w"}, "gis.c.v": {"gis.a.x"}}
    assert package_pairs(graph) == {("a", "b")}
