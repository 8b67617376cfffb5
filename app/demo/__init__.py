"""Realistic synthetic data for demonstrations and load tests (`python -m app demo`).

Up to a few thousand visits go through `IntakeService.register_many`, so demo data obeys exactly what the
form enforces, and repeat visits take the same 重访 path (back to the first clerk) as real ones. Larger runs
(a million visits for the benchmarks) take the bulk path (`app/demo/bulk.py`): the same planned visits,
checked by the same rules, written with Core inserts in large batches. One `random.Random(seed)`
drives everything: the same seed on a fresh database gives the same persons, visits and matter numbers.
The words come from `resources/tables/demo_texts.json`.

Glossary: 来访人 person; 信访事项 matter; 重访 repeat visit; 集体访 group visit; 代表 representative;
首接人 first clerk; 概况 summary; 诉求 appeal; 材料 materials.
"""

from app.demo.generator import DemoReport, generate_demo

__all__ = ["DemoReport", "generate_demo"]
