"""kg/vocab.py is generated from ontology/regiokg.ttl: they must not drift."""
import importlib.util
from pathlib import Path

import pytest

from kg.vocab import KG

ROOT = Path(__file__).resolve().parent.parent


def _gen():
    spec = importlib.util.spec_from_file_location("gen_vocab", ROOT / "scripts" / "gen_vocab.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_vocab_module_matches_the_ontology():
    gen = _gen()
    expected = gen.render(gen.terms(ROOT / "ontology" / "regiokg.ttl"))
    assert (ROOT / "kg" / "vocab.py").read_text(encoding="utf-8") == expected, "run: python scripts/gen_vocab.py"


def test_the_namespace_is_closed():
    with pytest.raises(AttributeError):
        KG.locatedInn  # noqa: B018 (a misspelt term must fail where it is written)
