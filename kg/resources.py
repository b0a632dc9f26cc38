"""Find the files shipped beside the code: the ontology folder and the ready-made queries."""
from __future__ import annotations

from pathlib import Path

from kg.errors import ConfigError

_PACKAGE = Path(__file__).resolve().parent


def ontology_dir() -> Path:
    """The ontology folder: `kg/ontology` in an installed wheel, the repository's `ontology/` in a checkout."""
    for candidate in (_PACKAGE / "ontology", _PACKAGE.parent / "ontology"):
        if (candidate / "regiokg.ttl").is_file():
            return candidate
    raise ConfigError(f"{_PACKAGE / 'ontology'}: the regiokg ontology is missing from this installation")


def ontology_file(name: str) -> Path:
    """One file of the ontology folder, e.g. `shapes.ttl`."""
    path = ontology_dir() / name
    if not path.is_file():
        raise ConfigError(f"{path}: missing from this installation")
    return path


def queries_dir() -> Path:
    """The ready-made SPARQL queries shipped in `kg/queries`."""
    return _PACKAGE / "queries"
