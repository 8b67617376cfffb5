"""What the demo matters are raised against (被反映对象), and the clusters planted for the hotspot board.

Noise: a pool of entities with aliases (companies, estates, village committees, projects), each new matter
linked to one now and then, thinly enough that none of them crosses the board's default thresholds by
chance. Signal: the clusters of the seed's own example, planted over the last weeks before ``today`` and
peaking in the last complete ISO week — an unfinished housing estate whose buyers come from three
townships, and a season that hits catering, drivers, poultry farmers and market stall tenants.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from app.demo.tables import demo_tables
from app.errors import ValidationError
from app.sources.entities import create_entity, find_by_name

NOISE_PER_14_DAYS = 0.6  # expected matters per noise entity in a fortnight: a 集访风险 warning needs 5
NOISE_SHARE_MAX = 0.3


@dataclass(frozen=True)
class Cluster:
    key: str
    entity: tuple[str, str, tuple[str, ...]]  # (name, kind, aliases)
    category: str
    weekly: tuple[int, ...]  # new matters per week, oldest first, the last in the last complete week
    texts: tuple[tuple[str, str], ...]  # (概况, 诉求) variants
    townships: int = 1  # how many townships its visitors come from


CLUSTERS = (
    Cluster(
        "estate",
        ("锦绣华庭项目", "项目或小区", ("锦绣华庭小区", "鑫盛置业锦绣华庭开发商", "鑫盛置业有限公司")),
        "住房保障与房地产",
        (2, 3, 5, 8, 16),
        (
            (
                "锦绣华庭逾期不交房",
                "购买锦绣华庭商品房已两年，开发商鑫盛置业停工烂尾，逾期不交房，要求尽快复工交房。",
            ),
            (
                "锦绣华庭烂尾要求退款",
                "锦绣华庭项目烂尾停工，购房款和首付款打给开发商后无法交房，要求退还购房款。",
            ),
            (
                "锦绣华庭办不了房产证",
                "锦绣华庭开发商鑫盛置业拖延交房，网签备案后至今不能办理不动产权证，要求协调。",
            ),
        ),
        townships=3,
    ),
    Cluster(
        "catering",
        ("老城区美食街改造项目", "项目或小区", ("美食街改造", "老城美食街")),
        "市场管理",
        (1, 2, 3, 5, 10),
        (
            (
                "美食街改造停业无补偿",
                "老城区美食街改造施工，餐饮店被要求停业三个月，租金照交却没有任何停业补偿。",
            ),
            ("美食街餐饮商户经营困难", "美食街围挡施工，餐饮商户客流断绝，要求减免租金并给予停业损失补偿。"),
        ),
    ),
    Cluster(
        "drivers",
        ("顺达出租汽车有限公司", "企业", ("顺达出租", "顺达出租车公司")),
        "客运出租",
        (1, 2, 3, 5, 10),
        (
            (
                "出租车份子钱过高",
                "顺达出租车公司上调份子钱，旺季过后营运收入下降，驾驶员无力承担，要求降低承包费。",
            ),
            ("出租车驾驶员押金不退", "驾驶员退出顺达出租车营运后，公司拒不退还风险押金，要求退还押金。"),
        ),
    ),
    Cluster(
        "poultry",
        ("县活禽交易市场", "项目或小区", ("活禽市场", "活禽交易市场")),
        "惠农补贴",
        (1, 1, 2, 4, 9),
        (
            (
                "活禽市场关闭养殖户损失",
                "活禽交易市场季节性关闭，家禽养殖户的鸡鸭卖不出去，要求给予扑杀和滞销补贴。",
            ),
            ("家禽扑杀补助未发放", "防疫扑杀家禽后，承诺的扑杀补助至今未发放到养殖户手中，要求尽快兑现。"),
        ),
    ),
    Cluster(
        "stalls",
        ("城东农贸市场管理有限公司", "企业", ("城东农贸市场", "东关菜市场")),
        "市场管理",
        (1, 2, 3, 4, 9),
        (
            ("农贸市场摊位费上涨", "城东农贸市场提高摊位租金和管理费，摊主经营困难，要求恢复原摊位费标准。"),
            (
                "农贸市场摊位被收回",
                "城东农贸市场改造后收回原有摊位重新招租，摊位租户要求保留摊位并退还押金。",
            ),
        ),
    ),
)


@dataclass(frozen=True)
class PlantedVisit:
    at: datetime
    cluster: Cluster
    township: str
    text: tuple[str, str]


def noise_entities(
    rng: random.Random, townships: list[str], wanted: int
) -> list[tuple[str, str, tuple[str, ...]]]:
    """``wanted`` distinct (name, kind, aliases), or as many as the demo's words can make."""
    tables = demo_tables()
    made: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    companies = [(w, k) for w in tables.company_words for k in tables.company_kinds]
    candidates: list[tuple[str, str, tuple[str, ...]]]
    candidates = [
        (f"{w}{k}有限公司", "企业", (f"{w}公司",)) for w, k in companies
    ]  # the short name: first come
    candidates += [(f"{e}小区", "项目或小区", (f"{e}物业", e)) for e in tables.estates]
    candidates += [(p, "项目或小区", (f"{p}项目",)) for p in tables.projects]
    candidates += [
        (f"{t}{v}村民委员会", "村（居）委会", (f"{t}{v}村委会", f"{t}{v}村"))
        for t in townships
        for v in tables.villages
    ]
    candidates += [
        (f"{t}{w}{k}有限公司", "企业", (f"{w}{k}有限公司",)) for t in townships for w, k in companies
    ]
    rng.shuffle(candidates)
    for name, kind, aliases in candidates:
        made.setdefault(name, (name, kind, aliases))
        if len(made) >= wanted:
            break
    return list(made.values())


def noise_pool_size(visits: int) -> int:
    return max(30, round(visits * 0.004))


def noise_share(visits: int, pool: int) -> float:
    """The share of new matters linked to a noise entity: thin enough for no entity to look like a cluster."""
    new_matters_per_14_days = visits * 0.75 / 730 * 14
    return min(NOISE_SHARE_MAX, NOISE_PER_14_DAYS * pool / max(new_matters_per_14_days, 1))


def create_entities(
    session: Session, entities: list[tuple[str, str, tuple[str, ...]]], now: datetime
) -> dict[str, int]:
    """Create the entities (an alias another entity already holds is left out); name → id."""
    ids: dict[str, int] = {}
    for name, kind, aliases in entities:
        known = find_by_name(session, name)
        if known is not None:
            ids[name] = known
            continue
        free = [a for a in aliases if find_by_name(session, a) is None]
        try:
            ids[name] = create_entity(session, name, kind, None, free, now).id
        except ValidationError:  # two aliases of this entity normalise alike: keep the name alone
            ids[name] = create_entity(session, name, kind, None, (), now).id
    return ids


def planted_visits(rng: random.Random, today: date, townships: list[str]) -> list[PlantedVisit]:
    """The clusters' visits in time order, the last week of each being the last complete ISO week."""
    last_monday = today - timedelta(days=today.weekday() + 7)
    planted = []
    for cluster in CLUSTERS:
        places = rng.sample(townships, min(cluster.townships, len(townships)))
        for back, count in enumerate(reversed(cluster.weekly)):
            monday = last_monday - timedelta(weeks=back)
            for _ in range(count):
                day = monday + timedelta(days=rng.randrange(5))
                at = datetime.combine(day, time(rng.randrange(9, 17), rng.randrange(60)))
                planted.append(PlantedVisit(at, cluster, rng.choice(places), rng.choice(cluster.texts)))
    return sorted(planted, key=lambda p: p.at)
