import hashlib
import json
import re
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import CorpusError, load_corpus
from analysis.schema import (
    ARTICLE_COLUMNS,
    BLOCK_COLUMNS,
    FRAMES,
    QUOTE_COLUMNS,
    SENTENCE_COLUMNS,
)

REPO = Path(__file__).parents[2]
SEED = REPO / "seeds" / "000_aeb9b40009e01b77.txt"
ARTICLE = "Leaders Talk\n\nThe two leaders spoke on Tuesday about trade.\n"


def write(folder, name, data):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="")
    return path


def test_seed_is_byte_identical_to_the_shared_copy():
    # Pinned here, so a clone without ../shared still checks the bytes.
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == (
        "a1c2fc282db4446277a9641b1011ea1a5c5f4d76e40e168052c2193713890021"
    )
    shared = REPO.parent / "shared" / "seeds" / SEED.name
    if shared.exists():
        assert SEED.read_bytes() == shared.read_bytes()


def test_seed_frames_have_the_documented_columns():
    corpus = load_corpus(REPO / "seeds")
    assert list(corpus.articles.columns[: len(ARTICLE_COLUMNS)]) == list(ARTICLE_COLUMNS)
    assert list(corpus.blocks.columns) == list(BLOCK_COLUMNS)
    assert list(corpus.sentences.columns) == list(SENTENCE_COLUMNS)
    assert list(corpus.quotes.columns) == list(QUOTE_COLUMNS)
    news = corpus.article("000_aeb9b40009e01b77")
    assert news["text"] == SEED.read_text("utf-8")
    assert news["kind"] == "news"
    assert news["outlet"] == "" and pd.isna(news["published"])  # unknown: left empty
    assert set(corpus.blocks["role"]) <= set(analysis.ROLES)


def test_front_matter_and_manifest_metadata(tmp_path):
    write(
        tmp_path,
        "a.md",
        "---\noutlet: Example Times\npublished: 2021-04-13\n---\n" + ARTICLE,
    )
    write(tmp_path, "b.txt", "Readout\n\nThe President spoke today with the Prime Minister.\n")
    corpus = load_corpus(tmp_path)
    a = corpus.article("a")
    assert a["outlet"] == "Example Times"
    assert a["published"] == pd.Timestamp("2021-04-13", tz="UTC")
    assert a["text"] == ARTICLE
    assert "front matter" in a["notes"]


def test_jsonl_and_csv_records(tmp_path):
    lines = [
        json.dumps({"id": "r1", "text": ARTICLE, "outlet": "Wire", "kind": "news"}),
        "",
        json.dumps({"text": ARTICLE, "pairs_with": ["r1"], "section": "world"}),
    ]
    write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    write(tmp_path, "more.csv", 'article_id,text,outlet\nc1,"Head\n\nBody, with comma.",Paper\n')
    corpus = load_corpus(tmp_path)
    ids = corpus.articles["article_id"].tolist()
    assert ids == ["r1", "batch-3", "c1"]
    assert corpus.article("batch-3")["pairs_with"] == "r1"
    assert corpus.article("batch-3")["section"] == "world"  # extra fields are kept
    assert corpus.article("c1")["text"] == "Head\n\nBody, with comma."


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty or whitespace only"),
        ("blank.txt", "  \n\u00a0\n\t\n".encode(), "empty or whitespace only"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary data"),
        (
            "latin.txt",
            b"Caf\xe9 talks\n\nThe leaders met.",
            "byte 3 (line 1): byte 0xe9 is not UTF-8",
        ),
        ("smart.txt", b"He said \x93no\x94.", 'encoding="cp1252"'),
        ("utf16.txt", "hello".encode("utf-16"), 'encoding="utf-16"'),
        ("binary.txt", b"Head\n\n" + bytes(range(1, 32)) * 3, "control characters in 99"),
        ("long.txt", ("word " * 30_000).encode(), "a line of 150,000 characters"),
        ("page.xml", b"<html></html>", "unknown extension '.xml'"),
        ("page.html", b"<html></html>", "no article text found in the page"),
        ("letter.docx", b"PK\x03\x04 not really a zip", "not a readable Word document"),
        ("empty.docx", b"", "not a readable Word document"),
        ("bad.jsonl", b'{"text": "ok"}\n{"text": broken}\n', "line 2, column 10: not valid JSON"),
        ("notext.jsonl", b'{"title": "x"}\n', "line 1: the record has no 'text' field"),
        ("nottext.jsonl", b'{"text": 5}\n', "'text' is int, not a string"),
        ("nocol.csv", b"title,body\nx,y\n", "the header has no 'text' column"),
        (
            "ragged.csv",
            b"article_id,text\na,b,c\n",
            "row 1 (line 2): 3 fields where the header has 2",
        ),
    ],
)
def test_bad_files_raise_a_clear_error(tmp_path, name, data, message):
    write(tmp_path, name, data)
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    text = str(info.value)
    assert text.startswith(name), text
    assert message in text
    assert ";" in text  # problem; fix


def test_error_names_the_file_the_byte_and_the_fix(tmp_path):
    write(tmp_path, "x.txt", b"Headline\n\nThe minister\x92s visit.")
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    assert str(info.value) == (
        'x.txt: byte 22 (line 3): byte 0x92 is not UTF-8; re-save as UTF-8 or pass encoding="cp1252"'
    )
    corpus = load_corpus(tmp_path, encoding="cp1252")
    assert "minister’s" in corpus.article("x")["text"]


def test_bom_crlf_and_lone_cr_are_kept_and_noted(tmp_path):
    write(tmp_path, "bom.txt", b"\xef\xbb\xbfHead\r\n\r\nBody one.\r\n")
    write(tmp_path, "cr.txt", b"Head\r\rBody one.\r")
    corpus = load_corpus(tmp_path)
    bom = corpus.article("bom")
    assert bom["text"] == "Head\r\n\r\nBody one.\r\n"
    assert "byte-order mark" in bom["notes"] and "CRLF" in bom["notes"]
    assert "lone-CR" in corpus.article("cr")["notes"]
    assert corpus.blocks.groupby("article_id").size().to_dict() == {"bom": 2, "cr": 2}


def test_duplicate_ids(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "recs.jsonl", json.dumps({"id": "a", "text": ARTICLE}) + "\n")
    with pytest.raises(
        CorpusError, match=r"recs.jsonl: line 1: duplicate article_id 'a' \(also in a.txt\)"
    ):
        load_corpus(tmp_path)


def test_manifest_problems(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "manifest.csv", "article_id,path,kind\na,a.txt,news\nb,missing.txt,news\n")
    with pytest.raises(
        CorpusError, match=r"manifest.csv: line 3: file 'missing.txt' does not exist"
    ):
        load_corpus(tmp_path)
    write(tmp_path, "manifest.csv", "article_id,path,kind\na,../outside.txt,news\n")
    with pytest.raises(CorpusError, match="leaves the corpus folder"):
        load_corpus(tmp_path)
    write(tmp_path, "manifest.csv", "article_id,path,kind\na,a.txt,editorial\n")
    with pytest.raises(CorpusError, match="kind 'editorial' is not news or official"):
        load_corpus(tmp_path)
    write(tmp_path, "manifest.csv", "article_id,path,pairs_with\na,a.txt,nowhere\n")
    with pytest.raises(CorpusError, match="pairs_with names 'nowhere'"):
        load_corpus(tmp_path)
    write(tmp_path, "manifest.csv", "article_id,path,published\na,a.txt,last Tuesday\n")
    with pytest.raises(CorpusError, match="is not a date"):
        load_corpus(tmp_path)


def test_manifest_lists_the_corpus_and_reports_other_files(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "notes.docx", b"PK\x03\x04")
    write(
        tmp_path,
        "manifest.toml",
        '[[article]]\narticle_id = "a"\npath = "a.txt"\noutlet = "Paper"\n',
    )
    corpus = load_corpus(tmp_path)
    assert corpus.article("a")["outlet"] == "Paper"
    assert corpus.skipped.values.tolist() == [["notes.docx", "", "not listed in manifest.toml"]]


def test_collect_loads_what_it_can_and_lists_the_rest(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "latin.txt", b"\xe9")
    write(tmp_path, "recs.jsonl", '{"text": "A\\n\\nB."}\nnot json\n')
    corpus = load_corpus(tmp_path, errors="collect")
    assert sorted(corpus.articles["article_id"]) == ["good", "recs-1"]
    skipped = corpus.skipped.sort_values("path")
    assert skipped["path"].tolist() == ["empty.txt", "latin.txt", "recs.jsonl"]
    assert skipped["place"].tolist() == ["", "byte 0 (line 1)", "line 2, column 1"]
    assert skipped["reason"].str.contains(";").all()


def test_path_errors(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no articles found"):
        load_corpus(tmp_path)
    with pytest.raises(ValueError, match="errors must be"):
        load_corpus(tmp_path, errors="ignore")


def test_corpus_error_renders_without_a_traceback_in_ipython():
    error = CorpusError("x.txt", "line 3", "a problem", "the fix")
    assert error._render_traceback_() == ["CorpusError: x.txt: line 3: a problem; the fix"]


def test_script_text_is_kept_verbatim(tmp_path):
    write(tmp_path, "x.txt", "Head <b>\n\nBody <script>alert(1)</script> here.\n")
    corpus = load_corpus(tmp_path)
    assert "<script>alert(1)</script>" in corpus.article("x")["text"]


def test_progress_bar_only_for_large_corpora_or_on_request(tmp_path, capsys):
    write(tmp_path, "a.txt", ARTICLE)
    load_corpus(tmp_path)
    assert "segmenting" not in capsys.readouterr().err
    load_corpus(tmp_path, progress=True)
    assert "segmenting" in capsys.readouterr().err


def test_two_process_segmentation_equals_one_process(monkeypatch):
    from analysis import parallel
    from analysis.segment import articles as segment_articles

    folder = REPO / "tests" / "fixtures" / "layouts"
    single = load_corpus(folder)
    monkeypatch.setattr(segment_articles, "PARALLEL_MIN_CHARS", 4)
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)  # even on a one-CPU runner
    double = load_corpus(folder)
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(double, name), getattr(single, name))


def test_changed_limits_reach_the_forked_worker(monkeypatch):
    from analysis import parallel
    from analysis.segment import RoleLimits, SpeakerLimits
    from analysis.segment import articles as segment_articles

    folder = REPO / "tests" / "fixtures" / "layouts"
    # No share of quoted characters is a quotation block; no cue-less quotation
    # continues the speaker of a block above, nor runs on from one left open.
    limits = {
        "role_limits": RoleLimits(quote_share=1.01, quote_share_opening=1.01),
        "speaker_limits": SpeakerLimits(continue_blocks=0, run_on_blocks=0),
    }
    default = load_corpus(folder)
    single = load_corpus(folder, **limits)
    monkeypatch.setattr(segment_articles, "PARALLEL_MIN_CHARS", 4)
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)  # even on a one-CPU runner
    double = load_corpus(folder, **limits)
    for name in ("articles", "blocks", "sentences", "quotes", "pairs"):
        pd.testing.assert_frame_equal(getattr(double, name), getattr(single, name))
    # The last file is always in the second half, which the forked worker segments.
    last = default.articles.loc[default.articles["derived_from"] == "", "article_id"].iloc[-1]
    roles = default.blocks.loc[default.blocks["article_id"] == last, "role"]
    assert (roles == "quote").any()
    assert not (double.blocks.loc[double.blocks["article_id"] == last, "role"] == "quote").any()
    assert (double.blocks["role"] != default.blocks["role"]).any()
    assert (double.quotes["speaker"] != default.quotes["speaker"]).any()


def test_read_documents_reads_a_frame_as_records_and_a_folder_as_files(tmp_path):
    from analysis.load import read_documents

    problems, left_out = [], []
    options = {
        "encoding": "utf-8",
        "limits": analysis.load.ReadLimits(max_line_chars=1_000),
        "problem": problems.append,
        "unlisted": lambda rel, reason: left_out.append(rel),
    }
    frame = pd.DataFrame({"body": ["Some text here."], "id": ["x"]})
    (doc,) = read_documents(frame, columns={"text": "body"}, **options)
    assert (doc.meta["article_id"], doc.text, doc.place) == ("x", "Some text here.", "row 1")
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "README.md", "About this corpus.")
    (doc,) = read_documents(tmp_path, columns={}, **options)
    assert (doc.meta["article_id"], doc.path) == ("a", "a.txt")
    assert left_out == ["README.md"] and problems == []


def test_a_line_over_the_limit_is_named_and_one_at_it_loads(tmp_path):
    long_line = "word " * 12  # 60 characters
    write(tmp_path, "a.txt", f"Title\n\n{long_line}\nshort\n")
    with pytest.raises(CorpusError, match=r"a.txt: line 3: a line of 60 characters.*limit is 50"):
        load_corpus(tmp_path, max_line_chars=50)
    assert len(load_corpus(tmp_path, max_line_chars=60).articles) == 1


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2021-04-13", "2021-04-13"),
        ("2021-04-13T18:00:00Z", "2021-04-13"),
        ("2021-04-13T23:30:00-05:00", "2021-04-14"),  # in UTC, the next day
        ("Tue, 13 Apr 2021 18:00:00 GMT", "2021-04-13"),
        ("April 13, 2021", "2021-04-13"),
        ("13 April 2021", "2021-04-13"),
        ("13/04/2021", "2021-04-13"),
    ],
)
def test_publication_dates_in_the_forms_feeds_and_exports_use(tmp_path, written, day):
    (tmp_path / "a.csv").write_text(
        f'id,published,text\nx,"{written}","Leaders meet\n\nThey met on Friday."\n',
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    assert corpus.articles["published"].iloc[0].strftime("%Y-%m-%d") == day


def test_an_ambiguous_day_and_month_is_refused_unless_dayfirst_is_given(tmp_path):
    (tmp_path / "a.csv").write_text(
        'id,published,text\nx,04/05/2021,"Leaders meet\n\nThey met on Friday."\n',
        encoding="utf-8",
    )
    with pytest.raises(CorpusError, match=r"a.csv: row 1: published '04/05/2021' could be"):
        load_corpus(tmp_path)
    assert load_corpus(tmp_path, dayfirst=True).articles["published"].iloc[0].month == 5
    assert load_corpus(tmp_path, dayfirst=False).articles["published"].iloc[0].month == 4


def test_a_bad_date_with_collect_is_skipped_not_raised(tmp_path):
    (tmp_path / "a.csv").write_text(
        'id,published,text\nx,yesterday,"One.\n\nTwo."\ny,2021-04-13,"Three.\n\nFour."\n',
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path, errors="collect")
    assert corpus.articles["article_id"].tolist() == ["y"]
    assert "yesterday" in corpus.skipped["reason"].iloc[0]


def test_a_manifest_naming_one_file_twice_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("Head\n\nBody.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "article_id,path\nfirst,a.txt\nsecond,a.txt\n", encoding="utf-8"
    )
    with pytest.raises(CorpusError, match=r"manifest.csv: line 3: 'a.txt' is listed again"):
        load_corpus(tmp_path)


def test_an_unclosed_front_matter_block_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("---\noutlet: Example\n\nHead\n\nBody.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"a.txt: line 1: a front-matter block .* never closed"):
        load_corpus(tmp_path)


FORMATS = Path(__file__).parents[1] / "fixtures" / "formats"


@pytest.mark.parametrize(
    ("name", "article_id", "outlet", "day", "url"),
    [
        ("mediacloud.csv", "9001", "Example Times", "2024-03-05", "https://example.org/a"),
        (
            "trafilatura.jsonl",
            "trafilatura-1",
            "example.net",
            "2024-05-03",
            "https://example.net/harbour",
        ),
        ("gdelt.csv", "20240305180000-1", "example.com", "2024-03-05", "https://example.com/x"),
    ],
)
def test_export_columns_fill_the_metadata_and_are_kept(name, article_id, outlet, day, url):
    corpus = load_corpus(FORMATS / name)
    first = corpus.articles.iloc[0]
    assert first["article_id"] == article_id
    assert first["outlet"] == outlet
    assert first["published"].strftime("%Y-%m-%d") == day
    assert first["url"] == url
    original = {"mediacloud.csv": "media_name", "trafilatura.jsonl": "hostname"}.get(
        name, "SourceCommonName"
    )
    assert first[original] == outlet  # the export's own column stays


def test_parquet_files_load_one_article_per_row(tmp_path):
    rows = pd.read_csv(FORMATS / "mediacloud.csv", dtype=str)
    rows.to_parquet(tmp_path / "stories.parquet")
    corpus = load_corpus(tmp_path)
    assert corpus.articles["article_id"].tolist() == ["9001", "9002"]
    assert corpus.articles["outlet"].tolist() == ["Example Times", "Daily Example"]
    (tmp_path / "stories.parquet").write_bytes(b"not a parquet file")
    with pytest.raises(CorpusError, match="stories.parquet: not a readable Parquet file"):
        load_corpus(tmp_path)


def test_a_dataframe_in_memory_loads_with_named_columns():
    frame = pd.read_csv(FORMATS / "mediacloud.csv", dtype=str).rename(columns={"text": "body"})
    corpus = load_corpus(frame, text="body", outlet="media_name")
    assert corpus.articles["article_id"].tolist() == ["9001", "9002"]
    assert corpus.blocks["role"].iloc[0] == "headline"
    with pytest.raises(CorpusError, match=r"<DataFrame>: columns: no column 'nope'"):
        load_corpus(frame, text="nope")
    frame.loc[1, "body"] = None
    with pytest.raises(CorpusError, match=r"<DataFrame>: row 2: 'text' is NoneType"):
        load_corpus(frame, text="body")
    assert len(load_corpus(frame, text="body", errors="collect").skipped) == 1
    with pytest.raises(TypeError):
        load_corpus(frame, body="text")


@pytest.mark.parametrize(
    ("name", "titles", "outlet", "day"),
    [
        (
            "nexis_export.txt",
            ["Harbour to reopen to ferries in June", "Fisheries talks end without a deal"],
            "Example Coast Gazette",
            "2024-05-03",
        ),
        (
            "factiva_export.txt",
            ["Ministers agree on rail link", "Bridge closes for repairs"],
            "Example Daily",
            "2024-03-05",
        ),
    ],
)
def test_news_database_exports_split_into_stories_with_their_headers_as_metadata(
    name, titles, outlet, day
):
    corpus = load_corpus(FORMATS / name)
    articles = corpus.articles
    assert articles["title"].tolist() == titles
    assert articles["outlet"].iloc[0] == outlet
    assert articles["published"].iloc[0].strftime("%Y-%m-%d") == day
    assert articles["length"].iloc[0].endswith("words")
    for text in articles["text"]:  # header and footer lines are metadata, never prose
        assert not any(
            marker in text
            for marker in ("Length:", "Load-Date:", "End of Document", "Copyright", "words\n")
        )
    raw = (FORMATS / name).read_text(encoding="utf-8")
    for text, note, title in zip(articles["text"], articles["notes"], titles, strict=True):
        found = re.search(r"characters (\d+)-(\d+)\) and starts at offset (\d+)", note)
        start, end, offset = map(int, found.groups())
        assert raw[start:end] == text[offset:]  # where each story's body stands in the file
        assert text[:offset].strip() == title
    # The header's title, set above the body, is each story's headline.
    first = corpus.blocks[corpus.blocks["block_no"] == 0]
    assert first["role"].tolist() == ["headline"] * len(titles)
    assert first["text"].tolist() == titles


HTML = FORMATS / "html"


def test_saved_web_pages_load_their_article_text_and_metadata_through_trafilatura():
    corpus = load_corpus(HTML)
    articles = corpus.articles.set_index("article_id")
    assert articles.loc["courier-harbour", "title"] == (
        "Ministers agree to share harbour dredging costs"
    )
    assert articles.loc["courier-harbour", "outlet"] == "Coastal Courier"  # og:site_name
    assert articles.loc["ledger-harbour", "outlet"] == "The Estmark Ledger"  # the manifest's
    assert articles.loc["courier-harbour", "author"] == "Dana Whitlow"
    assert articles.loc["courier-harbour", "url"].startswith("https://courier.example/news/")
    assert (articles["published"].dt.strftime("%Y-%m-%d") == "2024-05-03").all()
    assert articles.loc["ministry-harbour", "kind"] == "official"
    for article_id, row in articles.iterrows():
        raw = (HTML / row["path"]).read_bytes()
        assert row["page_sha256"] == hashlib.sha256(raw).hexdigest()
        assert row["sha256"] == hashlib.sha256(row["text"].encode("utf-8")).hexdigest()
        assert "trafilatura" in row["notes"]
        # The page's furniture stays out of the article text.
        for furniture in ("Subscribe", "cookies", "Privacy", "Related", "morning briefing", "<p>"):
            assert furniture not in row["text"], (article_id, furniture)
    # A windows-1252 page is decoded by its declared charset: its curly quotes survive.
    assert "“a practical answer to a practical problem”" in articles.loc["ledger-harbour", "text"]
    headlines = corpus.blocks[corpus.blocks["block_no"] == 0]
    assert headlines["role"].tolist() == ["headline"] * 3
    assert set(corpus.pairs["official_id"]) == {"ministry-harbour"}


def test_a_page_states_its_date_or_has_none_never_one_guessed_from_a_copyright_line(tmp_path):
    page = (
        "<html><body><article><h1>Ferry timetable changes</h1><p>The ferry company said on "
        "Monday that the early crossing would leave half an hour later from next week, "
        "because the harbour works close the inner berth until the autumn.</p></article>"
        "<footer>Copyright 2019 Example Ferries</footer></body></html>"
    )
    write(tmp_path, "ferry.html", page)
    articles = load_corpus(tmp_path).articles
    assert articles["published"].isna().all()
    assert articles["text"].iloc[0].startswith("Ferry timetable changes")


def _docx(path, paragraphs):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(path)


def test_a_word_document_is_one_article_with_a_block_per_paragraph(tmp_path):
    paragraphs = [
        "Council approves new cycle lanes",
        "",
        "The city council voted on Tuesday to build four new cycle lanes by next spring.",
        '"This is a good day for the city," the mayor said after the vote.',
    ]
    _docx(tmp_path / "council.docx", paragraphs)
    corpus = load_corpus(tmp_path)
    article = corpus.articles.iloc[0]
    assert article["article_id"] == "council"
    assert "Word document" in article["notes"]
    assert corpus.blocks["text"].tolist() == [p for p in paragraphs if p]
    assert corpus.blocks["role"].iloc[0] == "headline"
    assert corpus.quotes["speaker"].tolist() == ["the mayor"]


def test_a_nexis_export_saved_as_word_splits_into_its_stories(tmp_path):
    story = (FORMATS / "nexis_export.txt").read_text(encoding="utf-8").splitlines()
    _docx(tmp_path / "export.docx", story)
    articles = load_corpus(tmp_path).articles
    assert articles["title"].tolist() == [
        "Harbour to reopen to ferries in June",
        "Fisheries talks end without a deal",
    ]
    assert not articles["text"].str.contains("Load-Date:").any()
