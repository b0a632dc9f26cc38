"""The README and the help texts keep up with the code."""
from pathlib import Path

import kg
from kg.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_every_command_has_help_and_is_in_the_readme():
    for cmd in app.registered_commands:
        name = cmd.name or cmd.callback.__name__
        assert cmd.callback.__doc__, f"kg {name} has no help text"
        assert f"kg {name}" in README, f"README does not document `kg {name}`"


def test_public_api_is_complete_and_sorted():
    assert kg.__all__ == sorted(kg.__all__)
    for name in kg.__all__:
        assert hasattr(kg, name), name


def test_readme_commands_are_the_ci_commands():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python -m pytest" in README and ".venv/bin/python -m pytest" in ci
    assert 'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/kg build --out out' in README
