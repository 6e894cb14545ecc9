"""Files no corpus should hold, in a corpus folder: the loader neither hangs nor fills memory.

Named pipes, devices and sockets are never opened (``Corpus.skipped`` says what
they are); a file over its size limit is refused before it is read; archives
and JSON that unpack or nest without end are refused; a stray control character
is kept, with exact offsets, and noted.
"""

from __future__ import annotations

import io
import os
import socket
import zipfile

import pytest

from analysis import CorpusError, load_corpus
from analysis.load import ReadLimits

ARTICLE = "Leaders Talk\n\nThe two leaders spoke on Tuesday about trade.\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def skipped(corpus) -> dict[str, str]:
    return dict(zip(corpus.skipped["path"], corpus.skipped["reason"], strict=True))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_listed_and_never_opened(folder):
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would wait for a writer for ever
    for errors in ("raise", "collect"):
        corpus = load_corpus(folder, errors=errors)
        assert list(corpus.articles["article_id"]) == ["good"]
        assert (
            skipped(corpus)["pipe.txt"] == "a named pipe (FIFO), not a regular file: never opened"
        )
    with pytest.raises(CorpusError, match=r"pipe.txt: a named pipe \(FIFO\), not a regular file"):
        load_corpus(folder / "pipe.txt")


def test_a_link_to_a_device_is_listed_and_never_read(folder):
    (folder / "zero.txt").symlink_to("/dev/zero")  # a file that never ends
    corpus = load_corpus(folder)
    assert skipped(corpus)["zero.txt"] == (
        "a character device (through a symbolic link), not a regular file: never opened"
    )


def test_a_socket_is_listed(folder):
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / "s.txt"))
        assert "a socket" in skipped(load_corpus(folder))["s.txt"]


def test_a_link_to_a_folder_is_listed_and_not_followed(folder):
    (folder / "loop").symlink_to(folder)  # a folder that holds itself
    corpus = load_corpus(folder)
    assert list(corpus.articles["article_id"]) == ["good"]
    assert skipped(corpus)["loop"].startswith("a symbolic link to a folder: not followed")


def test_a_broken_link_is_a_corpus_error(folder):
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    with pytest.raises(CorpusError, match="gone.txt: a symbolic link to a file that does not"):
        load_corpus(folder)
    assert "gone.txt" in skipped(load_corpus(folder, errors="collect"))


def test_a_file_over_the_limit_is_refused_unread(folder):
    with open(folder / "dump.txt", "wb") as dump:
        dump.truncate(60_000_000)  # sparse: 60 MB that take no disk
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    message = str(info.value)
    assert message.startswith("dump.txt: the file is 60,000,000 bytes")
    assert "over the limit of 10,000,000 bytes" in message
    assert "max_file_bytes=N" in message
    assert list(load_corpus(folder, errors="collect").articles["article_id"]) == ["good"]


def test_max_file_bytes_sets_one_limit_for_every_file(folder):
    (folder / "records.jsonl").write_text('{"text": "A headline\\n\\nA body."}\n' * 10)
    with pytest.raises(CorpusError, match="records.jsonl: the file is 340 bytes, over the lim"):
        load_corpus(folder, max_file_bytes=100)
    assert len(load_corpus(folder, max_file_bytes=340).articles) == 11
    with pytest.raises(ValueError, match="positive"):
        load_corpus(folder, max_file_bytes=0)


def test_records_files_have_a_larger_limit_than_articles():
    limits = ReadLimits()
    assert limits.bytes_for("a.TXT") == limits.bytes_for("b.docx") == limits.article_bytes
    assert limits.bytes_for("b.html") == limits.page_bytes < limits.article_bytes
    assert limits.bytes_for("c.csv") == limits.bytes_for("d.parquet") == limits.records_bytes
    assert limits.records_bytes > limits.article_bytes


def test_a_word_file_that_unpacks_without_end_is_refused(folder):
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 30_000_000)  # 30 MB in about 30 KB
    (folder / "bomb.docx").write_bytes(packed.getvalue())
    assert (folder / "bomb.docx").stat().st_size < 100_000
    with pytest.raises(
        CorpusError,
        match=r"bomb.docx: the Word file unpacks to 30,000,000 bytes \(30,000,000 of text\)",
    ):
        load_corpus(folder, max_file_bytes=1_000_000)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("deep.jsonl", "[" * 200_000, "line 1: JSON nested too deeply"),
        ("deep.jsonl", '{"text": ' + "[" * 200_000, "line 1: JSON nested too deeply"),
    ],
)
def test_json_nested_without_end_is_a_corpus_error(folder, name, data, message):
    (folder / name).write_text(data)
    with pytest.raises(CorpusError, match=message):
        load_corpus(folder)


def test_a_manifest_nested_without_end_is_a_corpus_error(folder):
    (folder / "manifest.toml").write_text("x = " + "[" * 200_000)
    with pytest.raises(CorpusError, match="manifest.toml: TOML nested too deeply|not valid TOML"):
        load_corpus(folder)


def test_a_stray_control_character_is_kept_and_noted(folder):
    text = "Leaders Talk\n\nThe minister\x1b said the “talks” went well.\n\nMore text.\n"
    (folder / "esc.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(folder)
    row = corpus.article("esc")
    assert row["text"] == text  # kept, so every offset indexes the text as read
    assert "1 control character (U+001B) kept in the text, the first on line 3" in row["notes"]
    for frame in (corpus.blocks, corpus.sentences, corpus.quotes):
        for span in frame.loc[frame["article_id"] == "esc"].itertuples():
            assert text[span.start : span.end] == span.text
    assert corpus.quotes.loc[corpus.quotes["article_id"] == "esc", "text"].tolist() == ["talks"]


def test_mostly_binary_text_is_refused(folder):
    (folder / "blob.txt").write_bytes(b"Head\n\n" + bytes(range(1, 9)) * 50)
    with pytest.raises(CorpusError, match="blob.txt: line 3: 400 control characters in 406"):
        load_corpus(folder, encoding="latin-1")
