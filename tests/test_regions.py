"""GB/T 2260 region names from the shipped table."""

from __future__ import annotations

import csv

from app.resources import resource_path
from app.rules.regions import province_name, region_name


def test_full_name_skips_the_municipal_district_level() -> None:
    assert region_name("110105") == "北京市朝阳区"  # 110100 is 市辖区, left out


def test_full_name_of_a_prefecture_county() -> None:
    assert region_name("440511") == "广东省汕头市金平区"


def test_abolished_code_keeps_its_last_name() -> None:
    assert region_name("440524") == "广东省汕头市潮阳县"  # abolished in the 1990s
    assert region_name("110103") == "北京市崇文区"  # merged into 东城区 in 2010


def test_county_directly_under_the_province() -> None:
    assert region_name("429004") == "湖北省仙桃市"  # 省直辖县级行政区划 left out


def test_province_and_prefecture_codes() -> None:
    assert region_name("440000") == "广东省"
    assert region_name("440500") == "广东省汕头市"
    assert region_name("810000") == "香港特别行政区"


def test_unknown_code_is_empty() -> None:
    assert region_name("999999") == ""
    assert region_name("") == ""
    assert province_name("990000") == ""


def test_province_name() -> None:
    assert province_name("110105") == "北京市"
    assert province_name("440524") == "广东省"
    assert province_name("650102") == "新疆维吾尔自治区"


def test_table_is_well_formed() -> None:
    with resource_path("tables", "regions.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 6000
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    assert all(r["name"] and r["full_name"] and r["last_revision"].isdigit() for r in rows)
