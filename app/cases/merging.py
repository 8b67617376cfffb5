"""合并: a duplicate matter folded into another open one. Its visits and persons move to the target; the
merged matter keeps its number (still findable) and points to the target; its deadlines are cancelled.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from app import deadline_book
from app.case_records import CaseResult
from app.cases.step import CaseBase, Step, joined, load_matter
from app.errors import ValidationError
from app.rules.vocabulary import OPEN_STATUSES
from db.models import Matter, MatterDepartment, MatterEntity, MatterEvent, MatterPerson


class Merging(CaseBase):
    def merge(
        self, matter_no: str, into: str, clerk: str, note: str = "", expected_version: int | None = None
    ) -> CaseResult:
        """Merge ``matter_no`` into the open matter ``into``."""
        with self._step(matter_no, "merge", clerk, expected_version) as step:
            target = _target(step, into)
            visits, persons = _move_visits(step.matter, target), _move_persons(step.matter, target)
            _copy_departments(step.matter, target)
            _copy_entities(step, target)
            deadline_book.cancel(step.session, step.matter, step.now)
            step.matter.merged_into = target
            step.move()
            step.session.add(
                MatterEvent(
                    matter=target,
                    kind=step.action.label,
                    at=step.now,
                    clerk=step.clerk,
                    note=f"{step.matter.matter_no}并入本事项（来访{visits}批次、来访人{persons}人）",
                )
            )
            flag_modified(target, "status")  # the target changed too: a window showing it must refresh
            text = f"合并至{target.matter_no}，来访{visits}批次、来访人{persons}人移至该事项"
            return step.finish(joined(text, note))


def _target(step: Step, into: str) -> Matter:
    if not into.strip():
        raise ValidationError.single("into", "请填写要合并到的事项编号")
    target = load_matter(step.session, into)
    if target.id == step.matter.id:
        raise ValidationError.single("into", "不能把事项合并到它自身")
    if target.status not in OPEN_STATUSES:
        raise ValidationError.single(
            "into", f"{target.matter_no}当前状态为{target.status}，只能合并到尚未办结的事项"
        )
    return target


def _move_visits(matter: Matter, target: Matter) -> int:
    visits = list(matter.visits)
    for visit in visits:
        visit.matter = target
    return len(visits)


def _move_persons(matter: Matter, target: Matter) -> int:
    moving = list(matter.persons)
    on_target = {mp.person_id for mp in target.persons}
    for link in moving:
        if link.person_id not in on_target:
            target.persons.append(MatterPerson(person_id=link.person_id))
        matter.persons.remove(link)  # delete-orphan: the link row goes
    return len(moving)


def _copy_entities(step: Step, target: Matter) -> None:
    """What the merged matter was raised against, the target is raised against too (被反映对象)."""
    on_target = select(MatterEntity.entity_id).where(MatterEntity.matter_id == target.id)
    entities = step.session.scalars(
        select(MatterEntity.entity_id).where(
            MatterEntity.matter_id == step.matter.id, MatterEntity.entity_id.not_in(on_target)
        )
    )
    step.session.add_all(MatterEntity(matter_id=target.id, entity_id=e) for e in list(entities))


def _copy_departments(matter: Matter, target: Matter) -> None:
    on_target = {md.department_id for md in target.departments}
    for link in matter.departments:
        if link.department_id not in on_target:
            target.departments.append(MatterDepartment(department_id=link.department_id))
