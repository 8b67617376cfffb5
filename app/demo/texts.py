"""The words of a demo matter: a template of its category, filled with varied details."""

from __future__ import annotations

import random
from datetime import date

from app.demo.tables import DemoTables, Template, demo_tables
from app.reference import CategoryItem


def wording(rng: random.Random, category: CategoryItem, township: str, visited: date) -> tuple[str, ...]:
    """(概况, 诉求, 问题发生地, 信访目的) from a template of the category, filled with varied details."""
    tables = demo_tables()
    template = rng.choice(tables.templates.get(category.name) or _plain_templates(category.name))
    details = _details(rng, tables, township, visited)
    where = "estate" if "{estate}" in template.summary + template.appeal else "village"
    place = f"{township}{details[where]}" + ("村" if where == "village" else "")
    summary, appeal = template.summary.format(**details), template.appeal.format(**details)
    return summary, appeal, place, template.purpose


def _plain_templates(category: str) -> tuple[Template, ...]:
    """For a category without templates (the administrator may add any): plain words that still read well."""
    summary = f"反映{{village}}村{category}方面的问题"
    appeal = f"反映{{township}}{{village}}村{category}方面的问题，请求依法依规处理。"
    return (Template(summary, appeal, purpose=""),)


def _details(rng: random.Random, tables: DemoTables, township: str, visited: date) -> dict[str, object]:
    return {
        "township": township,
        "village": rng.choice(tables.villages),
        "estate": rng.choice(tables.estates),
        "road": rng.choice(tables.roads),
        "company": f"{rng.choice(tables.company_words)}{rng.choice(tables.company_kinds)}有限公司",
        "project": rng.choice(tables.projects),
        "school": rng.choice(tables.schools),
        "hospital": rng.choice(tables.hospitals),
        "shop": rng.choice(tables.shops),
        "wan": round(rng.uniform(1.2, 180), 1),
        "yuan": rng.randrange(3, 90) * 100,
        "small": rng.randrange(2, 60) * 10,
        "n": rng.randrange(5, 80),
        "family": rng.randrange(3, 7),
        "floors": rng.randrange(1, 4),
        "months": rng.randrange(2, 19),
        "year": visited.year - rng.randrange(0, 6),
        "mu": rng.randrange(2, 40),
    }
