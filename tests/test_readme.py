"""The README opens with the two set-up commands, and CI runs the second one as written."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_commands() -> list[str]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```sh") + 1 : lines.index("```")]
    return [line for line in block if line and not line.startswith("#")]


def test_readme_starts_with_exactly_two_commands() -> None:
    run, test = setup_commands()
    assert run.endswith("python -m app") and "pip install -e ." in run
    assert test.endswith("python -m pytest -n 2") and "'.[test]'" in test


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "grep -A1 '^# 2\\. ' README.md" in ci and 'bash -c "$readme_test_command"' in ci
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert (
        lines[lines.index(next(line for line in lines if line.startswith("# 2. "))) + 1]
        == setup_commands()[1]
    )


def test_ci_builds_and_runs_the_executable_the_readme_describes() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.index('bash -c "$readme_test_command"') < ci.index("\n.ci/exe-check\n")
    check = (ROOT / ".ci" / "exe-check").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    assert "pyinstaller --noconfirm --clean --log-level WARN build_installer.spec" in check
    assert "pyinstaller --noconfirm build_installer.spec -- --onedir" in readme
    assert '"--onedir" in sys.argv' in spec
    assert "MAX_BYTES=$((150 * 1000 * 1000))" in check and "over 150 MB" in readme
    for step in ("--version", "--self-test", "pdftotext", "--startup-timing"):
        assert step in check, step
