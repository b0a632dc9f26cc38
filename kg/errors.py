"""Every error kg raises. The CLI turns a KgError into one line `Error: …` and exit code 1.

    KgError
    ├── InputError        a corpus file or folder that is missing, empty, unreadable or undecodable
    ├── OutputError       an output path that cannot be written
    ├── ConfigError       a pipeline config or override that does not load
    ├── GraphError        a graph file that does not parse, or a query that fails
    └── ValidationError   a graph that breaks the SHACL shapes of the extraction contract
"""
from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KgError):
    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class OutputError(KgError):
    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ConfigError(KgError):
    """A pipeline config file or override that does not load."""


class GraphError(KgError):
    """A graph file that does not parse, or a query that does not run."""


class ValidationError(KgError):
    """A graph that breaks the shapes; `violations` holds one readable line each."""

    def __init__(self, message: str, violations: list[str]) -> None:
        super().__init__(message)
        self.violations = violations
