"""How demo matters spread over channels, purposes, categories, townships and departments."""

from __future__ import annotations

from app.demo.tables import demo_tables
from app.demo.weighted import Choice, Weighted
from app.reference import CategoryItem, ReferenceNames

CHANNEL_WEIGHTS: Weighted = (("来访", 62), ("来信", 10), ("网上信访", 17), ("电话", 7), ("领导信箱", 4))
PURPOSE_WEIGHTS: Weighted = (
    ("求决", 55),
    ("申诉", 10),
    ("意见建议", 8),
    ("检举控告", 12),
    ("咨询", 10),
    ("其他", 5),
)
TOP_CATEGORY_WEIGHTS = {
    "城乡建设": 22.0,
    "劳动和社会保障": 18.0,
    "自然资源": 14.0,
    "农村农业": 14.0,
    "政法": 7.0,
    "民政": 5.0,
    "卫生健康": 4.0,
    "生态环境": 4.0,
    "教育文体": 3.0,
    "交通运输": 3.0,
    "经济管理": 3.0,
    "党务政务": 2.0,
    "商贸旅游": 1.5,
    "纪检监察": 1.5,
    "组织人事": 1.0,
    "其他": 1.0,
    "科技与信息产业": 0.5,
}
SUBCATEGORY_SHARE = 0.85  # clerks usually pick the second level


def category_choice(categories: list[CategoryItem]) -> Choice:
    """Top-level weights shared among a category's children; most picks land on the second level."""
    children: dict[str, int] = {}
    for item in categories:
        if item.parent:
            children[item.parent] = children.get(item.parent, 0) + 1
    table = []
    for item in categories:
        weight = TOP_CATEGORY_WEIGHTS.get(item.parent or item.name, 1.0)
        if item.parent:
            weight *= SUBCATEGORY_SHARE / children[item.parent]
        elif children.get(item.name):
            weight *= 1 - SUBCATEGORY_SHARE
        table.append((item.name, weight))
    return Choice(table)


def township_choice(townships: list[str]) -> Choice:
    """The county seat and the urban streets bring more matters than the villages."""
    return Choice([(t, 3.0 if "城关" in t or t.endswith("街道") else 1.0) for t in townships])


def departments_by_top(names: ReferenceNames) -> dict[str, list[str]]:
    """The configured departments that handle each top-level category, matched by words in their names."""
    return {
        top: [d for d in names.departments if any(k in d for k in keys)]
        for top, keys in demo_tables().department_keys.items()
    }
