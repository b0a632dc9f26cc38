"""load_nlp: the only place a spaCy Language is built, from default.cfg plus overrides."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import Config

from kg.errors import ConfigError

DEFAULT_CONFIG = Path(__file__).with_name("default.cfg")


def load_config(config_path: Path | None = None, overrides: Mapping[str, Any] | None = None) -> Config:
    path = config_path or DEFAULT_CONFIG
    try:
        return Config().from_disk(path, overrides=dict(overrides or {}))
    except FileNotFoundError as e:
        raise ConfigError(f"{path}: config file not found") from e
    except Exception as e:  # thinc raises several kinds for bad syntax or unknown override keys
        raise ConfigError(f"{path}: cannot load config: {str(e).splitlines()[0]}") from e


def load_nlp(config_path: Path | None = None, overrides: Mapping[str, Any] | None = None) -> Language:
    """A blank `zh` pipeline with the kg components, built from the config (default.cfg unless given)."""
    from kg.pipeline import factories  # noqa: F401  (registers the kg_* factories)

    config = load_config(config_path, overrides)
    try:
        return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    except Exception as e:
        first = str(e).strip().splitlines()
        raise ConfigError(f"{config_path or DEFAULT_CONFIG}: invalid pipeline config: {' '.join(first[:3])}") from e
