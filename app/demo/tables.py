"""The demo's words (names, places, templates), read once from `resources/tables/demo_texts.json`.

The generator draws from these lists by position, so each keeps the order it has in the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from app.resources import resource_path

Material = tuple[str, int, int]  # (材料, fewest pages, most pages)


@dataclass(frozen=True)
class Template:
    """The words of a matter in one category; {…} are filled per matter. An empty purpose: the usual mix."""

    summary: str  # 概况
    appeal: str  # 诉求
    purpose: str  # 信访目的


@dataclass(frozen=True)
class DemoTables:
    surnames: tuple[tuple[str, float], ...]  # weighted by their share of the population (percent)
    male_chars: str
    female_chars: str
    rare_chars: str
    phone_prefixes: tuple[str, ...]
    home_region: str
    home_region_old: str  # the county's code on numbers issued before 1994 (still valid)
    province_regions: tuple[str, ...]
    other_regions: tuple[str, ...]
    villages: tuple[str, ...]
    estates: tuple[str, ...]
    roads: tuple[str, ...]
    company_words: tuple[str, ...]
    company_kinds: tuple[str, ...]
    projects: tuple[str, ...]
    schools: tuple[str, ...]
    hospitals: tuple[str, ...]
    shops: tuple[str, ...]
    repeat_openers: tuple[str, ...]
    department_keys: dict[str, tuple[str, ...]]  # top-level category → words in a department's name
    common_materials: tuple[Material, ...]
    materials: dict[str, tuple[Material, ...]]  # by top-level category
    templates: dict[str, tuple[Template, ...]]  # by second-level category


@cache
def demo_tables() -> DemoTables:
    data = json.loads(resource_path("tables", "demo_texts.json").read_text(encoding="utf-8"))
    chars, regions, materials = data["given_name_chars"], data["regions"], data["materials"]
    return DemoTables(
        surnames=tuple((name, group["percent"]) for group in data["surnames"] for name in group["names"]),
        male_chars=chars["male"],
        female_chars=chars["female"],
        rare_chars=chars["rare"],
        phone_prefixes=tuple(data["phone_prefixes"]),
        home_region=regions["home"],
        home_region_old=regions["home_before_1994"],
        province_regions=tuple(regions["province"]),
        other_regions=tuple(regions["elsewhere"]),
        villages=tuple(data["villages"]),
        estates=tuple(data["estates"]),
        roads=tuple(data["roads"]),
        company_words=tuple(data["company_words"]),
        company_kinds=tuple(data["company_kinds"]),
        projects=tuple(data["projects"]),
        schools=tuple(data["schools"]),
        hospitals=tuple(data["hospitals"]),
        shops=tuple(data["shops"]),
        repeat_openers=tuple(data["repeat_openers"]),
        department_keys={top: tuple(words) for top, words in data["department_keywords"].items()},
        common_materials=_materials(materials["common"]),
        materials={top: _materials(items) for top, items in materials["by_category"].items()},
        templates={name: tuple(Template(**t) for t in items) for name, items in data["templates"].items()},
    )


def _materials(items: list[list[Any]]) -> tuple[Material, ...]:
    return tuple((name, fewest, most) for name, fewest, most in items)
