"""One file of each bad kind: each is read correctly or skipped with one exact warning line, and the build goes on."""
from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from kg import build as build_module
from kg.atomic import write_with
from kg.cli import app
from kg.ingest import MAX_BYTES, Skip, clean, read_or_skip, scan
from kg.model import Document

DATA = Path(__file__).parent / "data" / "bad"
ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
SENTENCE = "2021年，某某区新签约项目12个，某某科技有限公司年内建成投产。\n"


def warnings(stderr: str) -> list[str]:
    return [line for line in re.split(r"[\r\n]", stderr) if line.startswith("warning:")]


# ----------------------------------------------------------------------------- decoding: read correctly


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),            # UTF-8 with a BOM
    ("gbk", b""),
    ("gb18030", b""),
    ("utf-16-le", b"\xff\xfe"),            # UTF-16 with a BOM (Windows Notepad's "Unicode")
    ("utf-16-be", b"\xfe\xff"),
    ("utf-16-le", b""),                    # UTF-16 without a BOM, mostly ASCII
])
def test_every_encoding_reads_the_same_text(tmp_path: Path, encoding: str, prefix: bytes):
    f = tmp_path / "doc.txt"
    text = SENTENCE + "Total: 8.6 billion yuan in 2021, up 12 percent on the year before.\n"
    f.write_bytes(prefix + text.encode(encoding))
    got = read_or_skip(f)
    assert isinstance(got, Document)
    assert got.text == text.strip()


def test_gb18030_four_byte_characters(tmp_path: Path):
    f = tmp_path / "doc.txt"
    f.write_bytes("某某区𠀀𪚥新材料产业园开工。".encode("gb18030"))
    assert read_or_skip(f).text == "某某区𠀀𪚥新材料产业园开工。"


# ----------------------------------------------------------------------------- skipped, one exact reason each


def _binary(p: Path) -> None:
    rnd = random.Random(9)
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rnd.randrange(256) for _ in range(4000)))


@pytest.mark.parametrize("name, setup, reason", [
    ("empty.txt", lambda p: p.write_bytes(b""), "file is empty"),
    ("blank.txt", lambda p: p.write_bytes(b" \n\t\r\n  "), "file is empty"),
    ("image.txt", _binary, "binary file, not text"),
    ("zeros.txt", lambda p: p.write_bytes(b"\x00" * 64), "binary file, not text"),
    ("tags-only.md", lambda p: p.write_text("<div><br/></div>\n\n**\n", encoding="utf-8"), "no text left after cleaning"),
    ("vanished.txt", lambda p: None, "vanished before it could be read"),
    ("loop.txt", lambda p: p.symlink_to(p.name), "symbolic link loop"),
    ("dangling.txt", lambda p: p.symlink_to("nowhere.txt"), "broken symbolic link"),
    ("pipe.txt", lambda p: os.mkfifo(p), "not a regular file"),
])
def test_a_bad_file_is_one_skip_with_its_reason(tmp_path: Path, name, setup, reason):
    f = tmp_path / name
    setup(f)
    got = read_or_skip(f)
    assert got == Skip(f, reason)
    assert got.line() == f"warning: skipped {f}: {reason}"


def test_a_huge_single_document_is_skipped_before_it_is_read(tmp_path: Path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as out:  # 10 MB of real text
        line = SENTENCE.encode("utf-8")
        out.write(line * (10_000_000 // len(line) + 1))
    size = f.stat().st_size
    assert read_or_skip(f) == Skip(f, f"too large: {size / 1e6:.1f} MB, more than {MAX_BYTES / 1e6:g} MB "
                                      "(split it, or raise the limit with --max-mb)")
    assert isinstance(read_or_skip(f, max_bytes=20_000_000), Document)  # the limit is a choice


def test_an_unreadable_file(tmp_path: Path, monkeypatch):
    f = tmp_path / "secret.txt"
    f.write_text(SENTENCE, encoding="utf-8")
    f.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the read fail as it does for everyone else
        real = Path.read_bytes

        def denied(self: Path) -> bytes:
            if self == f:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)
        monkeypatch.setattr(Path, "read_bytes", denied)
    assert read_or_skip(f) == Skip(f, "cannot read: Permission denied")


def test_scan_reports_loops_and_does_not_follow_folder_links(tmp_path: Path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to("..")            # a folder loop: never followed
    (tmp_path / "sub" / "self.txt").symlink_to("self.txt")  # a file loop: reported
    files, skips = scan([tmp_path])
    assert files == [tmp_path / "a.txt"]
    assert skips == [Skip(tmp_path / "sub" / "self.txt", "symbolic link loop")]


# ----------------------------------------------------------------------------- debris and odd text: read correctly


def test_html_debris_is_removed_with_offsets_kept():
    raw = (DATA / "html_debris.txt").read_text(encoding="utf-8")
    text, origin = clean(raw)
    assert "<" not in text and "不是正文" not in text and "页面注释" not in text and "&nbsp;" not in text
    assert "新签约项目12个" in text and "“86亿元”" in text and "一&&bogus;" in text
    assert len(origin) == len(text) and all(0 <= o < len(raw) for o in origin)
    for i, ch in enumerate(text):  # every Chinese character points at itself, or at the reference it came from
        if "\u4e00" <= ch <= "\u9fff":
            assert raw[origin[i]] in (ch, "&")


def test_markdown_debris_is_removed():
    raw = (DATA / "markdown_debris.md").read_text(encoding="utf-8")
    text, origin = clean(raw)
    assert "**" not in text and "#" not in text and "example.com" not in text and "链接文字" in text
    # a link's text points at its `[` (known limit: the text of a line after an image is dropped with the image)
    assert all(raw[origin[i]] in (ch, "[") for i, ch in enumerate(text) if "\u4e00" <= ch <= "\u9fff")


def test_control_characters_are_removed(tmp_path: Path):
    f = tmp_path / "ctl.txt"
    f.write_bytes(("某某\x01科技\x7f有限\x00公司\x1b[1m成立\ufeff。\x85" + SENTENCE * 3).encode("utf-8"))
    assert read_or_skip(f).text == "某某科技有限公司[1m成立。" + (SENTENCE * 3).strip()


def test_english_text_is_read_without_a_warning(nlp):
    doc = read_or_skip(DATA / "english.txt")
    assert isinstance(doc, Document)
    ex = build_module.extract_document(nlp, doc)
    assert all(doc.text[m.start:m.end] == m.text for m in ex.mentions)


def test_a_one_line_document_is_read_and_extracted(nlp):
    doc = read_or_skip(DATA / "one_line.txt")
    assert isinstance(doc, Document) and "\n" not in doc.text
    ex = build_module.extract_document(nlp, doc)
    assert all(0 <= r.sent_start < r.sent_end <= len(doc.text) for r in ex.relations)


@pytest.mark.parametrize("name", ["年报 2021.txt", "甘井子区“报告”.txt", "it's \"quoted\".txt", "<b>&amp;.md",
                                  "a#b?c%20d.txt", "tab\there.txt", "new\nline.txt"])
def test_odd_file_names_are_read_and_give_valid_rdf(tmp_path: Path, name: str):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_text(SENTENCE, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(folder), "--out", str(out), "-q", "--no-html"])
    assert result.exit_code == 0, result.output
    g = Graph().parse(out / "graph.ttl")
    assert name in {str(o) for o in g.objects(None, None)}  # kg:sourceFile, exactly
    import pyoxigraph as ox
    assert len(list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))) == len(g)


def test_a_file_name_that_is_not_utf8(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"gbk-\xb8\xca\xbe\xae\xd7\xd3.txt")
    (folder / name).write_text(SENTENCE, encoding="utf-8")
    (folder / os.fsdecode(b"empty-\xff.txt")).write_bytes(b"")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(folder), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert warnings(result.stderr) == [f"warning: skipped {folder}/empty-\\xff.txt: file is empty"]
    Graph().parse(out / "graph.ttl")


# ----------------------------------------------------------------------------- the build goes on


def bad_corpus(root: Path) -> tuple[Path, list[str]]:
    """A folder of every bad kind next to good documents, and the warning lines a build must print."""
    folder = root / "corpus"
    folder.mkdir()
    for f in DATA.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "good 年报.txt").write_text(SENTENCE, encoding="utf-8")
    (folder / "gbk.txt").write_bytes(SENTENCE.encode("gbk"))
    (folder / "utf16.txt").write_bytes(b"\xff\xfe" + SENTENCE.encode("utf-16-le"))
    (folder / "empty.txt").write_bytes(b"")
    _binary(folder / "image.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")
    with (folder / "huge.txt").open("wb") as out:
        out.write(SENTENCE.encode("utf-8") * (MAX_BYTES // 40))
    expected = [f"warning: skipped {folder / 'loop.txt'}: symbolic link loop",
                f"warning: skipped {folder / 'empty.txt'}: file is empty",
                f"warning: skipped {folder / 'huge.txt'}: too large: "
                f"{(folder / 'huge.txt').stat().st_size / 1e6:.1f} MB, more than {MAX_BYTES / 1e6:g} MB "
                "(split it, or raise the limit with --max-mb)",
                f"warning: skipped {folder / 'image.txt'}: binary file, not text"]
    return folder, expected


def test_the_build_goes_on_and_counts_the_skips(tmp_path: Path):
    folder, expected = bad_corpus(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output + result.stderr
    assert warnings(result.stderr) == expected
    assert "files skipped: 4 (see the warnings above)" in result.stdout
    assert "documents read: 8" in result.stdout  # 5 fixtures + good, gbk, utf16
    Graph().parse(out / "graph.ttl")


def test_strict_turns_skips_into_a_failure_and_writes_nothing(tmp_path: Path):
    folder, expected = bad_corpus(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(folder), "--out", str(out), "--strict", "-q"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [*expected,
                                          "Error: 4 input file(s) skipped and --strict is set; nothing written"]
    assert not (out / "graph.ttl").exists()


def test_strict_passes_a_clean_corpus(tiny_corpus: Path, tmp_path: Path):
    result = runner.invoke(app, ["build", str(tiny_corpus), "--out", str(tmp_path / "o"), "--strict", "-q"])
    assert result.exit_code == 0 and result.stderr == ""


def test_a_file_that_vanishes_mid_run(tmp_path: Path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(SENTENCE, encoding="utf-8")
    skips: list[Skip] = []
    listed = build_module.scan

    def scan_then_lose_one(paths):
        got = listed(paths)
        (folder / "1.txt").unlink()  # gone after the folder was listed, before it is read
        return got
    monkeypatch.setattr(build_module, "scan", scan_then_lose_one)

    kg = build_module.build_graph([folder], on_skip=skips.append)
    assert [d.id for d in kg.documents] == ["0", "2"]
    assert [s.line() for s in skips] == [f"warning: skipped {folder / '1.txt'}: vanished before it could be read"]


def test_a_pipeline_failure_costs_one_document(tmp_path: Path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(2):
        (folder / f"{n}.txt").write_text(SENTENCE + str(n), encoding="utf-8")
    from kg.extract import entities
    real = entities.recognize

    def fragile(sentence, words, user):  # fails inside the pipeline, on the one document that ends in "1"
        if sentence.endswith("1"):
            raise RuntimeError("boom\nsecond line")
        return real(sentence, words, user)
    monkeypatch.setattr(entities, "recognize", fragile)
    result = runner.invoke(app, ["build", str(folder), "--out", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 0, result.output
    assert warnings(result.stderr) == [
        f"warning: skipped {folder / '1.txt'}: extraction failed (RuntimeError: boom second line); "
        "please report this as a bug"]


def test_the_library_raises_without_on_skip(tmp_path: Path):
    from kg.errors import InputError

    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="file is empty"):
        build_module.extract([tmp_path / "empty.txt"])


# ----------------------------------------------------------------------------- outputs


def test_identical_input_gives_byte_identical_outputs(tiny_corpus: Path, tmp_path: Path):
    for out in ("a", "b"):
        assert runner.invoke(app, ["build", str(tiny_corpus), "--out", str(tmp_path / out), "-q"]).exit_code == 0
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_other_files_in_the_output_folder_are_left_alone(tiny_corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    (out / "mine").mkdir(parents=True)
    (out / "notes.txt").write_text("keep me")
    (out / "mine" / "data.csv").write_text("1,2")
    assert runner.invoke(app, ["build", str(tiny_corpus), "--out", str(out), "-q"]).exit_code == 0
    assert (out / "notes.txt").read_text() == "keep me" and (out / "mine" / "data.csv").read_text() == "1,2"
    assert sorted(p.name for p in out.iterdir()) == [".cache", "graph.html", "graph.ttl", "mine", "notes.txt"]


def test_a_write_interrupted_halfway_leaves_the_old_file(tmp_path: Path):
    target = tmp_path / "graph.ttl"
    target.write_text("old")

    def half(f) -> None:
        f.write(b"new, but only half")
        raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        write_with(target, half)
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def _start_build(corpus: Path, out: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out)],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)


def _wait_for(process: subprocess.Popen[str], text: str, timeout: float = 120) -> None:
    """Read the build's stderr until `text` appears (its progress line)."""
    seen, deadline = "", time.monotonic() + timeout
    while text not in seen:
        ch = process.stderr.read(1)
        assert ch and time.monotonic() < deadline, f"the build ended or stalled before {text!r}: {seen!r}"
        seen += ch


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_a_killed_build_leaves_the_previous_outputs_intact(tmp_path: Path, sig):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SENTENCE, encoding="utf-8")
    out = tmp_path / "out"
    first = _start_build(corpus, out)
    first.communicate(timeout=300)
    assert first.returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}   # the cache folder may grow
    for n in range(30):  # a bigger corpus: the second build is still reading when it is killed (its
        # progress lines run ahead of this test reading them, so each document must take a while)
        (corpus / f"b{n:02d}.txt").write_text(SENTENCE.replace("12", str(n + 20)) * 200, encoding="utf-8")
    second = _start_build(corpus, out)
    try:
        _wait_for(second, " 2/31 ")
        second.send_signal(sig)
    finally:
        rest = second.communicate(timeout=60)[1]
    assert second.returncode != 0
    assert "Traceback" not in rest
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before  # same files and bytes, no temporary
