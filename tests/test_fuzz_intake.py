"""Bad input: generated visits (valid and hostile) thrown at the intake service, the ledger import and the
`intake --json` reader. No crash: the invalid are refused with Chinese messages, the valid are stored and
read back exactly (after the documented stripping). Most examples go to `validate` (no database); a few
thousand visits are registered in batches.

Budget, in visits: at least 11,000 at the intake service (see test_the_budget_is_ten_thousand_visits).
"""

from __future__ import annotations

import random
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.desk import Desk
from app.errors import ValidationError
from app.importing import FIELDS, ImportService, Table, TableRow, propose_mapping
from app.intake_json import REQUIRED, visit_from_json
from app.records import MaterialInput, PersonInput, VisitInput
from app.reference import ReferenceNames
from app.rules.vocabulary import CHANNELS, FLAGS, PURPOSES
from tests.accounts_helpers import open_signed_in
from tests.conftest import NOW, FixedClock
from tests.factories import id_number, person, visit

# Visits per test: BULK_* visits are built by a Random from a drawn seed (fast; a failure is reproduced
# from the seed hypothesis prints, but not shrunk); the others from shrinkable strategies (~30 ms a visit
# to draw, so fewer of them).
BULK_VALIDATE, BULK_REGISTER, BULK_SIZE = 300, 40, 30
VALIDATE_ANY, VALIDATE_VALID, VALIDATE_MUTATED = 400, 400, 400
REGISTER_BATCHES, REGISTER_ANY, IMPORT_TABLES, JSON_ANY, JSON_SHAPED = 60, 100, 150, 600, 300
FUZZ = settings(
    deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

HOSTILE = (
    "'; DROP TABLE matters;--",
    '" OR 1=1 --',
    "Robert'); DROP TABLE persons;--",
    "%' OR '1'='1",
    "<script>alert(1)</script>",
    "${jndi:ldap://x/a}",
    "%s%n\\x00",
    "NULL",
    "\x00",
    "\x1b[31m",
    "\x7f",
    "\t",
    "\r\n",
    "\r",
    "\u2028",
    "\ufeff",
    "\u200b",
    "\u202e",
    "\u3000",
    "😀",
    "👨‍👩‍👧",
    "🇨🇳",
    "e\u0301",
    "\u0e49",
    "𠮷",
)
# CJK Extensions B, C, D, E, F, G, H, I (H and I are newer than this Python's Unicode tables)
CJK_EXTENSIONS = (
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B739),
    (0x2B740, 0x2B81D),
    (0x2B820, 0x2CEA1),
    (0x2CEB0, 0x2EBE0),
    (0x30000, 0x3134A),
    (0x31350, 0x323AF),
    (0x2EBF0, 0x2EE5D),
)
_DOTS = str.maketrans(dict.fromkeys("•‧∙⋅・･", "·"))  # as documented in visit_rules: dots typed for "·"


def _cjk_ext_char(code: int) -> bool:
    return unicodedata.category(chr(code)) == "Lo" or code >= 0x2EBF0


cjk_ext = st.sampled_from(CJK_EXTENSIONS).flatmap(lambda r: st.integers(*r)).filter(_cjk_ext_char).map(chr)
any_char = st.characters(exclude_categories=["Cs"])  # lone surrogates: their own test below
fragment = st.one_of(st.sampled_from(HOSTILE), cjk_ext, st.text(any_char, max_size=4))
short_text = st.lists(fragment, max_size=10).map("".join)
long_text = st.tuples(st.sampled_from([*HOSTILE, "字", "𠮷"]), st.integers(1, 100_000)).map(
    lambda t: (t[0] * t[1])[: t[1]]
)
any_text = st.one_of(short_text, short_text, long_text, st.sampled_from(["", " ", "\u3000\n"]))
blank = st.sampled_from(["", " ", "\u3000", "\t", "  "])

# ---- valid values ----

letter = st.one_of(
    cjk_ext,
    st.integers(0x4E00, 0x9FA5).map(chr),
    st.characters(categories=["Lu", "Ll", "Lo"], exclude_characters="ǅ"),
)
name_part = st.tuples(
    st.lists(letter, min_size=1, max_size=5), st.sampled_from(["", "\u0301", "\u0e49"])
).map(lambda t: "".join(t[0]) + t[1])
valid_name = st.tuples(
    blank, st.lists(name_part, min_size=1, max_size=3), st.sampled_from(["·", "•", " ", "・"]), blank
).map(lambda t: t[0] + t[2].join(t[1]) + t[3])
DIRECTION_OVERRIDES = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # refused: they disguise text
line_char = st.characters(
    exclude_categories=["Cc", "Cs"], exclude_characters="\u2028\u2029" + DIRECTION_OVERRIDES
)


def _one_line(text: str) -> bool:
    return not any(
        unicodedata.category(c) == "Cc" or c in "\n\u2028\u2029" + DIRECTION_OVERRIDES for c in text
    )


safe_hostile = st.sampled_from([h for h in HOSTILE if _one_line(h)])
line = st.lists(st.one_of(safe_hostile, cjk_ext, st.text(line_char, max_size=6)), max_size=12).map("".join)
valid_summary = st.tuples(blank, line, cjk_ext, blank).map(lambda t: t[0] + (t[1] + t[2])[-190:] + t[3])
valid_appeal = st.one_of(
    st.lists(st.one_of(line, st.sampled_from(["\n", "\r\n", "\r", "\u2028"])), min_size=1, max_size=8)
    .map("".join)
    .filter(lambda t: t.strip()),
    st.integers(1, 20_000).map(lambda n: "𪚥" * n),
)
valid_phone = st.tuples(st.sampled_from("3456789"), st.integers(0, 10**9 - 1)).map(
    lambda t: f"1{t[0]}{t[1]:09d}"
)
valid_when = st.datetimes(datetime(2000, 1, 1), NOW)


@st.composite
def valid_visit(draw: st.DrawFn, names: ReferenceNames) -> VisitInput:
    persons = [
        PersonInput(
            name=draw(valid_name),
            phone=draw(valid_phone),
            representative=i == 0,
            address=draw(st.one_of(st.just(""), valid_summary)),
        )
        for i in range(draw(st.integers(1, 3)))
    ]
    return VisitInput(
        visited_at=draw(valid_when),
        channel=draw(st.sampled_from(CHANNELS)),
        headcount=len(persons) + draw(st.integers(0, 12)),
        persons=persons,
        township=draw(st.sampled_from(names.townships)),
        category=draw(st.sampled_from(sorted(names.category_names))),
        summary=draw(valid_summary),
        appeal=draw(valid_appeal),
        clerk="李娜",
        purpose=draw(st.sampled_from(["", *PURPOSES])),
        place=draw(st.one_of(st.just(""), valid_summary)),
        departments=draw(st.lists(st.sampled_from(names.departments), max_size=2)),
        materials=[MaterialInput(draw(valid_summary)[:90] or "材料", draw(st.integers(1, 9999)))],
        flags=draw(st.lists(st.sampled_from(FLAGS), max_size=2, unique=True)),
    )


# ---- anything at all ----

any_when: st.SearchStrategy[Any] = st.one_of(
    st.datetimes(),
    st.datetimes(timezones=st.just(timezone(timedelta(hours=8)))),
    st.none(),
    short_text,
)
any_int: st.SearchStrategy[Any] = st.one_of(
    st.integers(-(10**30), 10**30), st.integers(-2, 12), st.booleans(), st.floats(), st.none(), short_text
)


@st.composite
def any_person(draw: st.DrawFn) -> PersonInput:
    return PersonInput(
        name=draw(st.one_of(valid_name, any_text)),
        id_number=draw(st.one_of(st.none(), any_text, st.just(id_number()), st.just("11010519491231002Y"))),
        phone=draw(st.one_of(st.none(), any_text, valid_phone, st.just("+86 (138) 0013-8000 转 12"))),
        representative=draw(st.booleans()),
        address=draw(any_text),
        known_person_id=draw(st.one_of(st.none(), st.integers(1, 10**6))),  # huge ones: their own test
    )


@st.composite
def any_visit(draw: st.DrawFn, names: ReferenceNames) -> VisitInput:
    def pick(choices: list[str] | tuple[str, ...]) -> str:
        return draw(st.one_of(st.sampled_from(choices), any_text))

    return VisitInput(
        visited_at=draw(any_when),
        channel=pick(CHANNELS),
        headcount=draw(any_int),
        persons=draw(st.lists(any_person(), max_size=7)),
        township=pick(names.townships),
        category=pick(sorted(names.category_names)),
        summary=draw(any_text),
        appeal=draw(any_text),
        clerk=pick(["李娜", "王芳"]),
        matter_no=draw(st.one_of(st.none(), any_text)),
        purpose=pick(PURPOSES),
        place=draw(any_text),
        departments=draw(st.lists(st.one_of(st.sampled_from(names.departments), any_text), max_size=3)),
        materials=draw(st.lists(st.builds(MaterialInput, any_text, any_int), max_size=3)),
        flags=draw(st.lists(st.one_of(st.sampled_from(FLAGS), any_text), max_size=3)),
    )


# ---- the same, built fast from a drawn Random ----


def _code_point(rng: random.Random) -> str:
    code = rng.choice((rng.randint(0, 0x7F), rng.randint(0x80, 0xFFFF), rng.randint(0x10000, 0x10FFFF)))
    return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)  # lone surrogates: their own test below


def _cjk(rng: random.Random) -> str:
    low, high = rng.choice(CJK_EXTENSIONS)
    code = rng.randint(low, high)
    return chr(code) if _cjk_ext_char(code) else "𠮷"


def _hostile_text(rng: random.Random) -> str:
    if rng.random() < 0.05:
        size = rng.randint(1, 100_000)
        return (rng.choice(HOSTILE) * size)[:size]
    pieces = (lambda: rng.choice(HOSTILE), lambda: _cjk(rng), lambda: _code_point(rng))
    return "".join(rng.choice(pieces)() for _ in range(rng.randint(0, 8)))


_SAFE = [h for h in HOSTILE if _one_line(h)]


def _line_text(rng: random.Random, limit: int = 190) -> str:
    pieces = [rng.choice((rng.choice(_SAFE), _cjk(rng), _code_point(rng))) for _ in range(rng.randint(0, 10))]
    text = "".join(p for p in pieces if _one_line(p))[-limit:] + _cjk(rng)
    return rng.choice(["", " ", "\u3000"]) + text + rng.choice(["", " ", "\t"])


def _random_name(rng: random.Random) -> str:
    letters = (lambda: _cjk(rng), lambda: chr(rng.randint(0x4E00, 0x9FA5)), lambda: rng.choice("ÀéŁßАЖأ"))
    parts = [
        "".join(rng.choice(letters)() for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 3))
    ]
    return " " + rng.choice(["·", "•", " "]).join(parts) + rng.choice(["", "\u0301"]) + "\u3000"


def _random_valid(rng: random.Random, names: ReferenceNames) -> VisitInput:
    persons = [
        PersonInput(_random_name(rng), phone=f"13{rng.randint(0, 10**9 - 1):09d}", representative=i == 0)
        for i in range(rng.randint(1, 3))
    ]
    appeal = "\r\n".join(_line_text(rng, 300).strip(" \t") for _ in range(rng.randint(1, 4)))
    return VisitInput(
        visited_at=datetime(2000, 1, 1) + timedelta(minutes=rng.randint(0, 14_000_000)),
        channel=rng.choice(CHANNELS),
        headcount=len(persons) + rng.randint(0, 9),
        persons=persons,
        township=rng.choice(names.townships),
        category=rng.choice(sorted(names.category_names)),
        summary=_line_text(rng),
        appeal=appeal if rng.random() < 0.95 else "𪚥" * 20_000,
        clerk="李娜",
        place=rng.choice(["", _line_text(rng)]),
        flags=rng.sample(FLAGS, rng.randint(0, 2)),
    )


def _random_hostile(rng: random.Random, names: ReferenceNames) -> VisitInput:
    item = _random_valid(rng, names)
    changes: dict[str, Any] = {
        key: _hostile_text(rng)
        for key in ("summary", "appeal", "place", "township", "channel", "clerk", "matter_no")
        if rng.random() < 0.3
    }
    if rng.random() < 0.3:
        changes["headcount"] = rng.choice([0, -1, 10_001, 10**20, True, 2.5, None, "五"])
    if rng.random() < 0.3:
        changes["visited_at"] = rng.choice(
            [datetime(1999, 12, 31), datetime(9999, 12, 31), None, "2026-02-30"]
        )
    if rng.random() < 0.4:
        hostile = PersonInput(
            _hostile_text(rng), _hostile_text(rng), _hostile_text(rng), address=_hostile_text(rng)
        )
        changes["persons"] = [*item.persons, hostile][-rng.randint(0, 3) :]
    return replace(item, **changes)


@settings(FUZZ, max_examples=BULK_VALIDATE)
@given(seed=st.integers(0, 2**64))
def test_bulk_validate_refuses_the_bad_and_accepts_the_good(
    fuzz_desk: Desk, names: ReferenceNames, seed: int
) -> None:
    rng = random.Random(seed)
    for _ in range(BULK_SIZE):
        if rng.random() < 0.4:
            item = _random_valid(rng, names)
            clean = fuzz_desk.intake.validate(item, names)
            assert (clean.summary, clean.appeal) == (_line(item.summary), _appeal(item.appeal))
        else:
            _validated(fuzz_desk, names, _random_hostile(rng, names))


@settings(FUZZ, max_examples=BULK_REGISTER)
@given(seed=st.integers(0, 2**64))
def test_bulk_registration_reads_back_exactly(fuzz_desk: Desk, names: ReferenceNames, seed: int) -> None:
    rng = random.Random(seed)
    batch = [_random_valid(rng, names) for _ in range(BULK_SIZE)]
    for item, done in zip(batch, fuzz_desk.intake.register_many(batch), strict=True):
        _assert_read_back(fuzz_desk, done.matter_no, item)


# ---- fixtures and checks ----


@pytest.fixture(scope="module")
def fuzz_desk(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    path = tmp_path_factory.mktemp("fuzz") / "desk.sqlite"
    shutil.copyfile(template_db, path)
    desk = open_signed_in(str(path), clock=FixedClock())
    yield desk
    desk.close()


@pytest.fixture(scope="module")
def names(fuzz_desk: Desk) -> ReferenceNames:
    return fuzz_desk.reference.names()


_IDS = count(1)


def _fresh_id() -> str:
    """A valid ID number never used before in this run (two persons must not share one)."""
    k = next(_IDS)
    birth = datetime(1950, 1, 1) + timedelta(days=k // 900)
    return id_number(birth=f"{birth:%Y%m%d}", seq=k % 900 + 10)


def _chinese(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def _assert_refusal(error: ValidationError) -> None:
    assert error.errors, "a refusal without a reason"
    for problem in error.errors:
        assert _chinese(problem.message), problem


def _validated(desk: Desk, names: ReferenceNames, item: VisitInput) -> bool:
    try:
        desk.intake.validate(item, names)
    except ValidationError as error:
        _assert_refusal(error)
        return False
    return True


def _line(text: str) -> str:
    return text.strip()


def _appeal(text: str) -> str:
    return text.strip().replace("\r\n", "\n").replace("\r", "\n")


def _assert_read_back(desk: Desk, matter_no: str, item: VisitInput) -> None:
    detail = desk.matters.detail(matter_no)
    assert detail.summary == _line(item.summary)
    assert detail.appeal == _appeal(item.appeal)
    assert detail.place == _line(item.place)
    stored = sorted(p.name for p in detail.persons)
    assert stored == sorted(p.name.strip().translate(_DOTS) for p in item.persons)


# ---- the intake service ----


@settings(FUZZ, max_examples=VALIDATE_ANY)
@given(data=st.data())
def test_validate_refuses_anything_bad_with_a_chinese_message(
    fuzz_desk: Desk, names: ReferenceNames, data: st.DataObject
) -> None:
    _validated(fuzz_desk, names, data.draw(any_visit(names)))


@settings(FUZZ, max_examples=VALIDATE_VALID)
@given(data=st.data())
def test_validate_accepts_every_valid_visit_and_strips_as_documented(
    fuzz_desk: Desk, names: ReferenceNames, data: st.DataObject
) -> None:
    item = data.draw(valid_visit(names))
    clean = fuzz_desk.intake.validate(item, names)
    assert (clean.summary, clean.appeal) == (_line(item.summary), _appeal(item.appeal))
    assert [p.name for p in clean.persons] == [p.name.strip().translate(_DOTS) for p in item.persons]


MUTATIONS: dict[str, Any] = {
    "summary": lambda v, s: replace(v, summary="概" * 201 + s),
    "appeal": lambda v, s: replace(v, appeal=s + "\x00" + s),
    "persons[0].name": lambda v, s: replace(v, persons=[replace(v.persons[0], name=s + "1")] + v.persons[1:]),
    "persons[0].phone": lambda v, s: replace(
        v, persons=[replace(v.persons[0], phone="12" + s)] + v.persons[1:]
    ),
    "headcount": lambda v, s: replace(v, headcount=0),
    "visited_at": lambda v, s: replace(v, visited_at=NOW + timedelta(days=1)),
    "channel": lambda v, s: replace(v, channel=s + "飞鸽传书"),
    "township": lambda v, s: replace(v, township=s + "不存在镇"),
    "clerk": lambda v, s: replace(v, clerk=s + "不在名单"),
    "materials[0].pages": lambda v, s: replace(v, materials=[MaterialInput("合同", 10_000)]),
}


@settings(FUZZ, max_examples=VALIDATE_MUTATED)
@given(data=st.data(), field=st.sampled_from(sorted(MUTATIONS)), noise=short_text)
def test_one_bad_field_is_refused_and_named(
    fuzz_desk: Desk, names: ReferenceNames, data: st.DataObject, field: str, noise: str
) -> None:
    item = MUTATIONS[field](data.draw(valid_visit(names)), noise)
    with pytest.raises(ValidationError) as refused:
        fuzz_desk.intake.validate(item, names)
    _assert_refusal(refused.value)
    assert any(e.field.startswith(field) for e in refused.value.errors), refused.value.errors


@settings(FUZZ, max_examples=REGISTER_BATCHES)
@given(data=st.data(), size=st.integers(1, 15), with_ids=st.booleans())
def test_valid_batches_are_stored_and_read_back_exactly(
    fuzz_desk: Desk, names: ReferenceNames, data: st.DataObject, size: int, with_ids: bool
) -> None:
    batch = [data.draw(valid_visit(names)) for _ in range(size)]
    if with_ids:
        batch = [replace(v, persons=[replace(p, id_number=_fresh_id()) for p in v.persons]) for v in batch]
    registered = fuzz_desk.intake.register_many(batch)
    for item, done in zip(batch, registered, strict=True):
        _assert_read_back(fuzz_desk, done.matter_no, item)


@settings(FUZZ, max_examples=REGISTER_ANY)
@given(data=st.data(), size=st.integers(1, 5))
def test_any_batch_is_all_or_nothing(
    fuzz_desk: Desk, names: ReferenceNames, data: st.DataObject, size: int
) -> None:
    batch = [data.draw(st.one_of(valid_visit(names), any_visit(names))) for _ in range(size)]
    before = fuzz_desk.matters.count()
    try:
        registered = fuzz_desk.intake.register_many(batch)
    except ValidationError as error:
        _assert_refusal(error)
        assert fuzz_desk.matters.count() == before, "a refused batch wrote something"
        return
    assert all(_validated(fuzz_desk, names, v) for v in batch)
    for item, done in zip(batch, registered, strict=True):
        if not done.repeat:
            _assert_read_back(fuzz_desk, done.matter_no, item)


# ---- the ledger import ----

HEADERS = tuple(label for label, _ in FIELDS.values())
plausible_cell = st.one_of(
    st.sampled_from(
        ["张伟", "王𠮷、刘芳", "13800138000", "城关镇", "城乡建设", "来访", "2025-03-04", "2025年3月5日"]
    ),
    st.sampled_from(["5人", "是", "李娜", "45000", "20250304", "登记", "求决", "13900139002,13700137003"]),
    valid_summary,
    any_text,
)


@settings(FUZZ, max_examples=IMPORT_TABLES)
@given(
    rows=st.lists(
        st.lists(plausible_cell, min_size=len(HEADERS), max_size=len(HEADERS)), min_size=1, max_size=8
    )
)
def test_the_import_refuses_bad_rows_with_reasons_and_stores_good_ones(
    fuzz_desk: Desk, rows: list[list[str]]
) -> None:
    table = Table(
        "fuzz.csv", "", (), 1, HEADERS, tuple(TableRow(i + 2, tuple(r)) for i, r in enumerate(rows))
    )
    service = ImportService(fuzz_desk.intake, fuzz_desk.db, fuzz_desk.clock, default_clerk="李娜")
    mapping = propose_mapping(HEADERS)
    checked = service.dry_run(table, mapping)
    assert len(checked.accepted) + len(checked.rejected) + len(checked.skipped) == len(rows)
    for rejected in checked.rejected:
        assert rejected.reasons and all(_chinese(r) for r in rejected.reasons)
    done = service.run(table, mapping, only_valid=True)
    column = {key: mapping.columns[key] for key in ("summary", "appeal")}
    for accepted in done.accepted:
        cells = rows[accepted.row - 2]
        summary, appeal = cells[column["summary"]], cells[column["appeal"]]
        if accepted.matter_no and summary.strip() and appeal.strip() and not accepted.repeat:
            detail = fuzz_desk.matters.detail(accepted.matter_no)
            assert (detail.summary, detail.appeal) == (_line(summary), _appeal(appeal))


# ---- `intake --json` ----

json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), short_text),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(short_text, inner, max_size=4)),
    max_leaves=12,
)
json_person = st.fixed_dictionaries(
    {"name": st.one_of(valid_name, json_value)},
    optional={
        "id_number": json_value,
        "phone": st.one_of(valid_phone, json_value),
        "representative": json_value,
        "address": json_value,
        "known_person_id": st.one_of(st.integers(1, 10**6), st.booleans(), short_text),
    },
)
when_text = st.sampled_from(["2026-11-25T09:30", "2026-02-30T09:00", "2026-11-25T09:30+08:00", "昨天", ""])
shaped_visit = st.fixed_dictionaries(
    {key: json_value for key in REQUIRED}
    | {
        "persons": st.lists(json_person, max_size=3),
        "visited_at": st.one_of(when_text, json_value),
        "headcount": st.one_of(st.integers(-5, 20), json_value),
    },
    optional={"matter_no": json_value, "materials": json_value, "flags": json_value, "purpose": json_value},
)


def _json_path(desk: Desk, names: ReferenceNames, item: Any) -> None:
    try:
        parsed = visit_from_json(item)
    except ValidationError as error:
        _assert_refusal(error)
        return
    _validated(desk, names, parsed)


@settings(FUZZ, max_examples=JSON_ANY)
@given(item=json_value)
def test_intake_json_any_value_is_refused_or_read(fuzz_desk: Desk, names: ReferenceNames, item: Any) -> None:
    _json_path(fuzz_desk, names, item)


@settings(FUZZ, max_examples=JSON_SHAPED)
@given(item=shaped_visit)
def test_intake_json_visit_shaped_values_are_refused_or_read(
    fuzz_desk: Desk, names: ReferenceNames, item: dict[str, Any]
) -> None:
    _json_path(fuzz_desk, names, item)


def test_the_budget_is_ten_thousand_visits() -> None:
    """The fewest visits the tests above send to the intake service (batches counted at their minimum)."""
    bulk = (BULK_VALIDATE + BULK_REGISTER) * BULK_SIZE
    assert bulk + VALIDATE_ANY + VALIDATE_VALID + VALIDATE_MUTATED + REGISTER_BATCHES + REGISTER_ANY >= 10_000


# ---- found by fuzzing, not fixed yet (files owned by others): strict, so a fix turns these red ----


def test_a_lone_surrogate_is_refused_not_crashing(desk: Desk) -> None:
    with pytest.raises(ValidationError):
        desk.intake.register_visit(visit(summary="楼道漏水\ud800"))


def test_a_huge_known_person_id_is_refused_not_crashing(desk: Desk) -> None:
    with pytest.raises(ValidationError):
        desk.intake.register_visit(visit(persons=[replace(person(), known_person_id=2**70)]))
