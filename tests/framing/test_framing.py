import re
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis import _arrays, findings, framing, parallel, views
from analysis.errors import VerbLexiconError
from analysis.framing import alignment as alignment_module
from analysis.framing import textreuse
from analysis.framing.rules import AlignRules, ReuseRules
from analysis.framing.textreuse import _numbered, _split_counts, _word_tokens
from analysis.framing.vectors import _matrices, _run_stream, _tokenize, _WithinDocuments
from analysis.text import normalise

FIXTURES = Path(__file__).parents[1] / "fixtures" / "framing"
SEED = "000_aeb9b40009e01b77"
READOUT = f"{SEED}/official-1"


@pytest.fixture(scope="module")
def seed(seed_corpus):
    return seed_corpus, framing.framing_of(seed_corpus)


@pytest.fixture(scope="module")
def fixture():
    corpus = analysis.load_corpus(FIXTURES)
    return corpus, framing.framing_of(corpus)


def test_every_readout_sentence_has_a_usage_label(seed):
    corpus, result = seed
    usage = result.usage
    sentences = corpus.sentences
    # The readout's own sentences; its title is display copy (headline), not compared.
    readout = sentences[(sentences["article_id"] == READOUT) & (sentences["role"] == "official")]
    assert len(readout) == 6
    assert sorted(usage["official_sent_no"]) == sorted(readout["sent_no"])
    assert set(usage["used_in"]) <= {"headline", "lede", "body", "omitted"}

    def used(start):
        return usage.loc[usage["text"].str.startswith(start), "used_in"].item()

    assert used("President Biden also made clear") == "headline"
    # Strategic stability, arms control and New START: in the readout, not in the prose.
    assert used("They discussed a number of regional") == "omitted"


def test_made_clear_sentence_is_aligned_to_the_pressed_lede(seed):
    _, result = seed
    lede = result.alignment[result.alignment["location"] == "lede"].iloc[0]
    assert lede["text"].startswith("President Joe Biden pressed")
    assert lede["label"] != "added"
    sources = result.sources[(result.sources["sent_no"] == lede["sent_no"])]
    made_clear = result.units[
        (result.units["doc_id"] == READOUT) & result.units["text"].str.contains("made clear")
    ]["sent_no"].iloc[0]
    assert made_clear in set(sources["official_sent_no"])


def test_walked_the_line_is_added_and_quotes_are_not_in_the_readout(seed):
    _, result = seed
    walked = result.alignment[result.alignment["text"].str.contains("walked the line")].iloc[0]
    assert walked["label"] == "added"
    assert walked["official_id"] == ""
    assert result.quotes["fidelity"].tolist() == ["not in official text"] * 2
    assert set(result.quotes["speaker"]) == {"Jen Psaki"}


def test_pressed_against_the_readout_verbs(seed):
    _, result = seed
    lede = result.verbs[result.verbs["location"] == "lede"].iloc[0]
    assert "press" in lede["journalist_verbs"]
    assert lede["shift"] > 0
    shift = result.verb_shift()
    assert shift.loc[0, "mean_shift"] > 0


def test_offsets_trace_back(seed, fixture):
    for corpus, result in (seed, fixture):
        texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
        for row in result.alignment.itertuples():
            assert texts[row.news_id][row.start : row.end] == row.text
        for row in result.usage.itertuples():
            assert texts[row.official_id][row.start : row.end] == row.text
        for row in result.quotes.itertuples():
            assert texts[row.news_id][row.start : row.end] == row.text
        for row in result.reuse.itertuples():
            assert texts[row.news_id][row.longest_start : row.longest_end] == row.longest_run


def test_derivation_classes(fixture):
    _, result = fixture
    classes = result.reuse.set_index(["news_id", "official_id"])["derivation"].to_dict()
    assert classes[("wholly", "readout_a")] == "wholly derived"
    assert classes[("partial", "readout_a")] == "partially derived"
    assert classes[("own", "readout_a")] == "non-derived"
    reuse = result.reuse.set_index(["news_id", "official_id"])
    assert reuse.loc[("wholly", "readout_a"), "run_coverage"] > 0.8
    assert reuse.loc[("own", "readout_a"), "runs"] == 0


@pytest.mark.parametrize(
    ("containment", "expected"),
    [
        (0.0, "non-derived"),
        (0.149, "non-derived"),
        (0.15, "partially derived"),
        (0.6, "wholly derived"),
    ],
)
def test_derivation_thresholds(containment, expected):
    assert framing.derivation_class(containment) == expected


def test_sentence_labels(fixture):
    _, result = fixture
    labels = result.alignment.set_index(["news_id", "sent_no"])["label"]
    wholly = result.alignment[result.alignment["news_id"] == "wholly"]
    assert (wholly[wholly["location"] == "body"]["label"] == "verbatim").all()
    assert set(result.alignment[result.alignment["news_id"] == "own"]["label"]) == {"added"}
    both = result.alignment[result.alignment["news_id"] == "both"]
    assert (
        both[both["text"].str.startswith("According to Lind")]["label"].item() == "close paraphrase"
    )
    assert both[both["text"].str.contains("businesslike")]["label"].item() == "added"
    assert len(labels) == len(result.alignment)


def test_more_than_one_official_source(fixture):
    _, result = fixture
    both = result.alignment[result.alignment["news_id"] == "both"].set_index("sent_no")
    spring = both[both["text"].str.contains("spring")]
    assert spring["official_id"].item() == "readout_b"
    council = both[both["text"].str.contains("energy council")]
    assert council["official_id"].item() == "readout_a"
    followed = result.sources_followed()
    shares = followed[followed["news_id"] == "both"].set_index("official_id")["share"]
    assert set(shares.index) == {"readout_a", "readout_b"}
    assert shares.sum() == pytest.approx(1.0)


def test_quote_fidelity(fixture):
    _, result = fixture
    quotes = result.quotes[result.quotes["news_id"] == "both"].set_index("text")
    fidelity = quotes["fidelity"].to_dict()
    assert (
        fidelity["underscored her commitment to a rules-based order in the Baltic region."]
        == "trimmed"
    )
    assert fidelity["were unfounded … called for calm."] == "trimmed"
    altered = quotes.loc["raised serious concerns about recent airspace violations."]
    assert altered["fidelity"] == "altered"
    assert "{+serious+}" in altered["diff"]
    assert fidelity["businesslike."] == "not in official text"


def test_exact_quote(tmp_path):
    (tmp_path / "r.txt").write_text("Statement\n\nWe will act firmly. The talks were useful.\n")
    (tmp_path / "n.txt").write_text(
        'Head line here\n\nThe minister said: "We will act firmly." Then he left.\n'
    )
    (tmp_path / "manifest.csv").write_text(
        "article_id,path,kind,pairs_with\nr,r.txt,official,\nn,n.txt,news,r\n"
    )
    corpus = analysis.load_corpus(tmp_path)
    quotes = framing.quote_fidelity(corpus)
    assert quotes["fidelity"].tolist() == ["exact"]


def test_alignment_html_marks_differences_and_escapes():
    alignment = pd.DataFrame(
        [
            {
                "news_id": "n",
                "sent_no": 1,
                "location": "lede",
                "label": "close paraphrase",
                "text": "Biden pressed <Putin> on election interference.",
                "official_text": "President Biden made clear election interference matters.",
            },
            {
                "news_id": "n",
                "sent_no": 2,
                "location": "body",
                "label": "added",
                "text": "He walked the line.",
                "official_text": "",
            },
        ]
    )
    view = views.alignment_html(alignment)
    assert "&lt;Putin&gt;" in view and "<Putin>" not in view
    assert "<ins" in view and ">pressed" in view
    assert "<del" in view and "made clear" in view
    assert "no official source" in view


def test_verb_lexicon_forms_and_errors(tmp_path):
    lexicon = framing.load_verbs()
    found = [
        (lemma, grade)
        for lemma, grade, _score, _at in lexicon.find(
            "Biden pressed Putin and made clear, the White House Press Secretary said; the United States urged."
        )
    ]
    assert found == [
        ("press", "assertive"),
        ("make clear", "emphatic"),
        ("say", "neutral"),
        ("urge", "assertive"),
    ]
    # News's commonest hostile verbs, in either spelling.
    found = lexicon.find(
        "Tokyo criticised the plan; Beijing criticizes it, denied and rejected it."
    )
    assert [(lemma, grade) for lemma, grade, _, _ in found] == [
        ("criticise", "hostile"),
        ("criticize", "hostile"),
        ("deny", "hostile"),
        ("reject", "hostile"),
    ]
    grades = lexicon.grades.drop_duplicates("grade").set_index("grade")
    assert grades["source"].str.len().min() > 10  # every grade cites its source
    bad = tmp_path / "verbs.toml"
    bad.write_text('[[grade]]\nname = "x"\nscore = "high"\nverbs = ["say"]\n')
    with pytest.raises(VerbLexiconError, match="verbs.toml: grade 1: needs name, an integer score"):
        framing.load_verbs(bad)
    bad.write_text(
        '[[grade]]\nname = "a"\nscore = 0\nverbs = ["say"]\n[[grade]]\nname = "b"\nscore = 1\nverbs = ["say: say, said"]\n'
    )
    with pytest.raises(ValueError, match="'say' is already a form of 'say' in grade 'a'"):
        framing.load_verbs(bad)


def test_distinctive_words(seed):
    corpus, _ = seed
    words = framing.distinctive_words(corpus, SEED).set_index("word")
    # The readout's strategic-stability vocabulary never appears in the journalist's prose.
    for word in ("strategic", "stability", "treaty"):
        assert words.loc[word, "journalist"] == 0 and words.loc[word, "official"] >= 1
        assert words.loc[word, "z"] < 0
    assert words.loc["pressed", "journalist"] >= 1 and words.loc["pressed", "z"] > 0
    # Small counts are flagged, not hidden.
    assert (~words["reliable"]).any() and (words["z"].abs() < 1.96).sum() == (
        ~words["reliable"]
    ).sum()
    sentences = words.loc["strategic", "sentences"].split(";")
    assert all(ref.startswith(f"{SEED}/official-1#") for ref in sentences)


def test_tfidf_vectors_are_unit_length():
    vectors = _matrices(
        pd.Series(["Biden pressed Putin on election interference.", "", "Talks."]),
        rules=AlignRules(),
    )
    norms = np.sqrt(np.asarray(vectors.tfidf.multiply(vectors.tfidf).sum(axis=1)).ravel())
    assert norms[0] == pytest.approx(1.0) and norms[1] == 0.0


def test_findings_state_the_numbers_of_the_tables(seed, fixture):
    corpus, result = seed
    text = findings.framing_findings(corpus, result, SEED)
    usage = result.usage
    omitted = (usage["used_in"] == "omitted").sum()
    assert f"{omitted} of the official text's {len(usage)} sentences" in text
    assert "strategic" in text and "START" in text
    assert "walked the line" in text
    assert "2 not in official text" in text
    fixture_corpus, fixture_result = fixture
    # An official document is not a news article: the finding says so and names its readers.
    about_readout = findings.framing_findings(fixture_corpus, fixture_result, "readout_a")
    assert "is an official document, not a news article" in about_readout
    assert "both, own, partial" in about_readout
    assert findings.label_finding(result.alignment["label"].value_counts()).startswith("2 of 5")
    assert findings.usage_finding(usage).startswith(
        f"The article used {len(usage) - omitted} of {len(usage)}"
    )


CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def many():
    corpus = analysis.load_corpus(CORPUS)
    return corpus, framing.framing_of(corpus)


def test_outlet_summary(many, seed):
    corpus, result = many
    table = framing.outlet_summary(corpus, result).set_index("outlet")
    assert table["articles"].to_dict() == {
        "Fixture Post": 2,
        "Fixture Times": 2,
        "Fixture Weekly": 1,
        "Fixture Wire": 2,
    }
    classes = table[["wholly derived", "partially derived", "non-derived"]].sum(axis=1)
    assert (classes == table["articles"]).all()
    assert table.loc["Fixture Wire", "containment"] == table["containment"].max()
    assert findings.outlet_finding(table.reset_index()).startswith("Fixture Wire reuses")
    one = framing.outlet_summary(*seed)
    assert "needs paired articles from two or more outlets" in findings.outlet_finding(one)


def test_omission_matrix(many, seed):
    _, result = many
    matrix = framing.omission_matrix(result)
    assert matrix.columns.name == "readout_a"  # paired with the most articles
    assert set(matrix.columns) == {
        "analysis_piece",
        "both",
        "partial",
        "weekly",
        "wholly",
        "wire_brief",
    }
    assert set(matrix.to_numpy().ravel()) <= {"headline", "lede", "body", "omitted"}
    assert (matrix["wholly"] != "omitted").sum() >= 5
    usage = result.usage[
        (result.usage["official_id"] == "readout_a") & (result.usage["news_id"] == "partial")
    ]
    assert list(matrix["partial"]) == list(usage.sort_values("official_sent_no")["used_in"])
    assert findings.omission_finding(matrix).startswith("Of 6 articles")
    assert findings.omission_finding(framing.omission_matrix(seed[1])).startswith(
        "Only one article"
    )


def _python_tokens(text: str) -> list[str]:
    """The definition Arrow's tokenizer must match: ``re``'s ``\\w+`` after joining hyphens."""
    import re

    return re.findall(r"\w+", re.sub(r"[-‐‑](?=[^\W\d_])", "", text))


@given(
    st.lists(
        st.text(
            alphabet=st.one_of(
                st.characters(codec="utf-8"),
                st.sampled_from("aZé_9²Ⅻ-‐‑'’ ñ\u0301中\U00031350"),
            ),
            max_size=30,
        ),
        max_size=6,
    )
)
@settings(max_examples=300, deadline=None)
def test_tokens_equal_python_word_tokens(texts):
    # Any character: the tables are Python's own (U+31350, a letter since Unicode 15,
    # is not a word character to Python 3.11, and is not one here either).
    tokens = _tokenize(pd.Series(texts, dtype="str"))
    got = [[] for _ in texts]
    for r, c in zip(tokens.row, tokens.codes, strict=True):
        got[r].append(tokens.vocabulary[c])
    # Case and accents folded ("Erdoğan" is "erdogan"): analysis.text.normalise.
    assert got == [[normalise(t) for t in _python_tokens(text)] for text in texts]
    # Copied runs see a hyphenated word as its parts: re's own \w+ words.
    stream = _run_stream(pd.Series(texts, dtype="str"), np.arange(len(texts)))
    parts = [[] for _ in texts]
    for r, c in zip(stream.row, stream.codes, strict=True):
        parts[r].append(c)
    spelled = [[normalise(t) for t in re.findall(r"\w+", text)] for text in texts]
    assert [len(p) for p in parts] == [len(w) for w in spelled]
    codes = {}  # one code per distinct word, the same word always the same code
    for mine, words in zip(parts, spelled, strict=True):
        for code, word in zip(mine, words, strict=True):
            assert codes.setdefault(word, code) == code
    assert len(set(codes.values())) == len(codes)


@given(st.lists(st.text(st.characters(codec="utf-8"), max_size=25), max_size=5))
@settings(max_examples=200, deadline=None)
def test_reuse_word_tokens_and_offsets_equal_re(texts):
    row, start, end, codes = _word_tokens(pd.Series(texts, dtype="str"))
    expected = [
        (k, m.start(), m.end(), normalise(m.group()))
        for k, text in enumerate(texts)
        for m in re.finditer(r"\w+", text)
    ]
    got = list(zip(row.tolist(), start.tolist(), end.tolist(), strict=True))
    assert got == [e[:3] for e in expected]
    # Equal codes for equal normal forms, and only for them.
    pairs = {(c, e[3]) for c, e in zip(codes.tolist(), expected, strict=True)}
    assert len({c for c, _ in pairs}) == len({w for _, w in pairs}) == len(pairs)


@given(
    st.lists(
        st.one_of(st.integers(-(2**40), 2**40), st.integers(-5, 5), st.integers(-(2**62), 2**62)),
        max_size=40,
    )
)
@settings(max_examples=300, deadline=None)
def test_numbered_numbers_values_in_order(values):
    values = np.array(values, dtype=np.int64)
    distinct = sorted(set(values.tolist()))
    expected = [distinct.index(v) for v in values.tolist()]
    assert _numbered(values).tolist() == expected


def test_tokenizing_in_chunks_equals_one_chunk(monkeypatch):
    texts = pd.Series([f"Row {i}: the build-up near Kyiv’s border, {i * 7}." for i in range(50)])
    one = _tokenize(texts)
    monkeypatch.setattr(_arrays, "CHUNK_CHARACTERS", 100)
    many = _tokenize(texts)
    for a, b in zip(one, many, strict=True):
        assert np.array_equal(a, b)


# --- reuse against a per-pair reference ------------------------------------------


def _reference_runs(text, spans, source):
    """Churnalism's greedy runs, word by word: the definition ``reuse`` vectorises."""
    source_words = [normalise(w) for w in re.findall(r"\w+", source)]
    runs = []
    for lo, hi in spans:
        matches = list(re.finditer(r"\w+", text[lo:hi]))
        words = [normalise(m.group()) for m in matches]
        i = 0
        while i < len(words):
            longest = 0
            for j in range(len(source_words)):
                k = 0
                while (
                    i + k < len(words)
                    and j + k < len(source_words)
                    and words[i + k] == source_words[j + k]
                ):
                    k += 1
                longest = max(longest, k)
            if longest:
                start, end = lo + matches[i].start(), lo + matches[i + longest - 1].end()
                if end - start >= ReuseRules().min_run_chars:
                    runs.append((start, end))
            i += max(longest, 1)
    return runs


def _reference_reuse(corpus, frame):
    def grams(text):
        tokens = [normalise(t) for t in re.findall(r"\w+", text)]
        return {tuple(tokens[i : i + ReuseRules().ngram]) for i in range(len(tokens) - 2)}

    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    records = []
    for pair in corpus.pairs.itertuples():
        journalist = frame[(frame["side"] == "journalist") & (frame["doc_id"] == pair.news_id)]
        official = frame[(frame["side"] == "official") & (frame["doc_id"] == pair.official_id)]
        news_text, official_text = " ".join(journalist["text"]), " ".join(official["text"])
        news_grams, official_grams = grams(news_text), grams(official_text)
        shared = len(news_grams & official_grams)
        spans = list(zip(journalist["start"], journalist["end"], strict=True))
        runs = _reference_runs(texts[pair.news_id], spans, official_text)
        longest = max(runs, key=lambda r: r[1] - r[0], default=(0, 0))
        records.append(
            {
                "containment_news": round(shared / len(news_grams), 3) if news_grams else 0.0,
                "containment_official": round(shared / len(official_grams), 3)
                if official_grams
                else 0.0,
                "run_coverage": round(
                    sum(e - s for s, e in runs) / (sum(e - s for s, e in spans) or 1), 3
                ),
                "runs": len(runs),
                "longest_start": longest[0],
                "longest_end": longest[1],
                "news_words": len(news_text.split()),
                "official_words": len(official_text.split()),
            }
        )
    return pd.DataFrame(records)


def _compare_reuse(corpus, frame):
    expected = _reference_reuse(corpus, frame)
    got = framing.reuse(corpus, frame)
    assert list(got.columns) == framing.REUSE_COLUMNS
    if expected.empty:
        assert got.empty
        return
    got = got[expected.columns]
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_reuse_equals_the_per_pair_reference_on_fixtures(seed, fixture):
    for corpus, result in (seed, fixture):
        _compare_reuse(corpus, result.units)


_SENTENCE = st.lists(
    st.sampled_from(["the", "talks", "Ukraine’s", "build-up", "N.A.T.O", "é", "1"]),
    min_size=0,
    max_size=9,
).map(" ".join)


@given(
    news=st.lists(st.lists(_SENTENCE, max_size=4), min_size=1, max_size=3),
    official=st.lists(st.lists(_SENTENCE, max_size=4), min_size=1, max_size=2),
    links=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 1)), max_size=4),
)
@settings(max_examples=150, deadline=None)
def test_reuse_equals_the_per_pair_reference(news, official, links):
    rows, articles = [], []
    for side, prefix, docs in (("journalist", "n", news), ("official", "o", official)):
        for d, sentences in enumerate(docs):
            text, doc_id = "", f"{prefix}{d}"
            for sentence in sentences:
                text += ". " if text else ""
                rows.append((side, doc_id, len(text), len(text) + len(sentence), sentence))
                text += sentence
            articles.append((doc_id, text))
    frame = pd.DataFrame(rows, columns=["side", "doc_id", "start", "end", "text"])
    pairs = pd.DataFrame(
        [
            (f"n{n}", f"o{o}", "manifest")
            for n, o in dict.fromkeys((n % len(news), o % len(official)) for n, o in links)
        ],
        columns=["news_id", "official_id", "link"],
    )
    corpus = SimpleNamespace(
        pairs=pairs, articles=pd.DataFrame(articles, columns=["article_id", "text"])
    )
    _compare_reuse(corpus, frame)


@given(
    st.lists(
        st.lists(
            st.sampled_from(
                ["said", "pressed", "made clear", "é", "K", "İ", "_", "’", " ", "SAID"]
            ),
            max_size=8,
        ).map("".join),
        max_size=5,
    )
)
@settings(max_examples=200, deadline=None)
def test_verb_prefilter_keeps_every_text_with_a_verb(texts):
    lexicon = framing.load_verbs()
    flagged = lexicon.may_hold(texts)
    for text, may in zip(texts, flagged, strict=True):
        assert may or not lexicon.find(text)


@pytest.mark.parametrize("processes", [1, 2])
def test_reuse_in_batches_equals_one_batch(fixture, monkeypatch, processes):
    corpus, result = fixture
    monkeypatch.setattr(textreuse, "REUSE_BATCH_SENTENCES", 2)
    monkeypatch.setattr(textreuse, "PARALLEL_MIN_SENTENCES", 0 if processes == 2 else 10**9)
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    pd.testing.assert_frame_equal(framing.reuse(corpus, result.units), result.reuse)


@given(
    st.lists(
        st.text(alphabet=st.sampled_from("ab \t\n\u3000\u2028\xa0\x85\u200b\x1c"), max_size=12),
        max_size=6,
    )
)
@settings(max_examples=200, deadline=None)
def test_split_counts_equal_str_split(texts):
    got = _split_counts(pd.Series(texts, dtype="str"))
    assert got.tolist() == [len(text.split()) for text in texts]


def test_british_spelling_of_an_official_sentence_is_the_same_content(tmp_path):
    official = (
        "The leaders discussed defense cooperation, the modernization of the alliance's "
        "program and the center they will organize for the labor of their neighbors."
    )
    british = (
        "The leaders discussed defence cooperation, the modernisation of the alliance's "
        "programme and the centre they will organise for the labour of their neighbours."
    )
    (tmp_path / "readout.txt").write_text(f"Readout of the call\n\n{official}\n", "utf-8")
    (tmp_path / "news.txt").write_text(f"Leaders talk\n\n{british}\n", "utf-8")
    (tmp_path / "manifest.csv").write_text(
        "article_id,path,kind,pairs_with\n"
        "readout,readout.txt,official,\nnews,news.txt,news,readout\n",
        "utf-8",
    )
    corpus = analysis.load_corpus(tmp_path)
    alignment, _, _ = framing.align(corpus)
    row = alignment[alignment["text"] == british].iloc[0]
    # Every content word and bigram meets its American spelling: the vectors are equal.
    assert row["cosine"] == pytest.approx(1.0)
    assert row["label"] == "close paraphrase"


def test_union_coverage_in_batches_equals_one_batch(fixture, monkeypatch):
    corpus, result = fixture
    monkeypatch.setattr(alignment_module, "UNION_BATCH_ROWS", 3)
    alignment, sources, usage = framing.align(corpus)
    pd.testing.assert_frame_equal(alignment, result.alignment)
    pd.testing.assert_frame_equal(sources, result.sources)
    # framing_of reads usage through the attributions too: one column more.
    pd.testing.assert_frame_equal(usage, result.usage.drop(columns="relayed"))
    assert (result.alignment["label"] == "loose paraphrase").any()  # union decides these


def test_a_corpus_with_no_pairs_gives_empty_frames(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Ministers meet\n\nThe ministers met on Monday to discuss fisheries, officials said.\n",
        encoding="utf-8",
    )
    corpus = analysis.load_corpus(tmp_path)
    result = framing.framing_of(corpus)
    assert result.alignment.empty and result.usage.empty and result.reuse.empty
    assert "paired with no official text" in findings.framing_findings(corpus, result, "a")


# --- usage: which official sentences an article used, and where --------------------------

STATEMENT = (
    "Statement on the ferry talks\n\n"
    "The Minister of Transport spoke today with the Mayor of Portville about the ferry service. "
    "The minister confirmed that the northern pier will reopen to passenger ferries on the first "
    "of June after the winter repairs. "
    "The two sides agreed to share the cost of a new waiting room for foot passengers. "
    "The minister thanked the harbour staff for their patience during the long closure. "
    "They agreed to meet again in the autumn to review the timetable."
)


def _usage_of(news_text, statement=STATEMENT):
    frame = pd.DataFrame(
        {
            "article_id": ["news", "statement"],
            "kind": ["news", "official"],
            "pairs_with": ["statement", ""],
            "text": [news_text, statement],
        }
    )
    corpus = analysis.load_corpus(frame)
    usage = framing.framing_of(corpus).usage
    return usage.set_index(usage["text"].str.split().str[:4].str.join(" "))


def _in_brief(news_sentence, statement=STATEMENT):
    """The usage of an article whose lede is a line of news in brief, the sentence after it."""
    return _usage_of(f"Ferry talks\n\nHarbour news in brief.\n\n{news_sentence}", statement)


def test_a_clause_quoted_inside_attribution_is_verbatim_and_its_place_is_the_most_prominent():
    usage = _usage_of(
        "Ferries back at the northern pier in June\n\n"
        "Passenger ferries will use the northern pier again from June, officials said on Monday.\n\n"
        'In a statement, the ministry said that "the northern pier will reopen to passenger '
        'ferries on the first of June after the winter repairs," and thanked the harbour staff.'
    )
    row = usage.loc["The minister confirmed that"]
    assert row["used"] == "verbatim"  # the quoted clause, less its attribution, is the sentence
    assert row["copied_words"] >= 12
    assert row["closest_in"] == "body"  # the closest match: the quotation in the body
    assert row["used_in"] == "headline"  # the most prominent place it reached: the headline


def test_naming_the_participants_does_not_use_the_opening_formula_but_reporting_the_call_does():
    named = _usage_of(
        "New waiting room for ferry passengers\n\n"
        "The Minister of Transport and the Mayor of Portville will share the cost of a new "
        "waiting room for foot passengers at the ferry terminal, the city said."
    )
    assert named.loc["The Minister of Transport", "used"] == "omitted"
    reported = _usage_of(
        "New waiting room for ferry passengers\n\n"
        "The Minister of Transport spoke by telephone with the Mayor of Portville on Tuesday "
        "about the ferry service."
    )
    row = reported.loc["The Minister of Transport"]
    assert (row["used"], row["used_in"]) == ("paraphrase", "lede")
    # In other words: saying that they spoke, and naming one of them, reports the call.
    row = _usage_of(
        "Ferry talks\n\nThe two officials talked on the phone, a Portville spokesman said."
    ).loc["The Minister of Transport"]
    assert (row["used"], row["used_in"], row["label"]) == ("paraphrase", "lede", "reports the call")


def test_a_sentence_reporting_the_call_conveys_each_topic_it_sums_up():
    call = (
        "In my call with the Mayor of Portville we spoke about the winter repairs, a waiting "
        "room for foot passengers and patience at the harbour, the minister wrote."
    )
    usage = _in_brief(call)
    # Each topic it names is a sentence of the readout, summed up in a few words.
    for start in ("The minister confirmed that", "The minister thanked the"):
        row = usage.loc[start]
        assert (row["used"], row["used_in"], row["label"]) == (
            "paraphrase",
            "body",
            "sums up the call",
        ), start
    # A sentence of the readout about the call itself is no topic of it: it shares
    # only the call word with the report.
    closing = STATEMENT.replace(
        "They agreed to meet again in the autumn to review the timetable.",
        "They agreed to talk again soon.",
    )
    talk = call.replace("In my call with", "In my talk with")
    assert _in_brief(talk, closing).loc["They agreed to talk", "used"] == "omitted"
    # A sentence that says they spoke and then tells of something else sums up nothing.
    other = _in_brief(
        "The Mayor of Portville, who spoke with the minister on Tuesday, has long opposed a "
        "waiting room at the harbour."
    )
    assert other.loc["The minister thanked the", "label"] != "sums up the call"


def test_a_report_of_the_call_names_a_topic_of_a_long_readout_sentence():
    statement = (
        "Statement on the ferry talks\n\n"
        "The Minister of Transport spoke today with the Mayor of Portville about the ferry "
        "service. They discussed the importance of ending the strike at the harbour quickly, "
        "including the need for mediators, fair pay for the dockers and a timetable for the "
        "negotiations to resume before the summer. The minister thanked the harbour staff for "
        "their patience during the long closure."
    )
    usage = _in_brief(
        "The minister and the Mayor of Portville discussed the harbour strike and a new toll on "
        "the bridge in a phone call on Tuesday.",
        statement,
    )
    # "the harbour strike" names the long sentence in two of its words (a 15% cover it is not).
    row = usage.loc["They discussed the importance"]
    assert (row["used"], row["label"]) == ("paraphrase", "sums up the call")
    # "harbour" alone, one word of an item, names nothing.
    assert usage.loc["The minister thanked the", "used"] == "omitted"
    # A short item names a sentence only with all its words: a place it lacks is not it.
    elsewhere = _in_brief(
        "The minister and the Mayor of Portville discussed the strike of the dockers in "
        "Westhaven in a phone call on Tuesday.",
        statement,
    )
    assert elsewhere.loc["They discussed the importance", "used"] == "omitted"
    # What comes before the call, or after a clause opens, is not what it was about.
    for news in (
        "Amid a strike over fair pay for the dockers, the minister spoke with the Mayor of "
        "Portville on Monday.",
        "The minister talked over dinner with the Mayor of Portville, whose dockers want fair pay.",
    ):
        row = _in_brief(news, statement)
        assert row.loc["They discussed the importance", "label"] != "sums up the call", news


def test_a_sentence_the_official_text_repeats_takes_the_use_of_its_twin():
    # The page prints its summary line again, shorter, as its first paragraph.
    statement = (
        "Statement on the ferry talks\n\n"
        "Minister of Transport Ida Lund spoke by telephone to Mayor Tomas Berg of Portville "
        "this morning.\n\n"
        "The Minister spoke to Mayor Berg this morning.\n\n"
        "They discussed the winter repairs to the northern pier."
    )
    usage = _in_brief(
        "Minister of Transport Ida Lund spoke by telephone to Mayor Tomas Berg of Portville "
        "this morning, her office said.",
        statement,
    )
    long, short = usage.loc["Minister of Transport Ida"], usage.loc["The Minister spoke to"]
    assert long["used"] == "verbatim"
    # Copied against the short one alone, no run of three words holds; as its twin, verbatim.
    assert (short["used"], short["label"]) == ("verbatim", "repeats sentence 1")
    assert short["used_in"] == long["used_in"]
    assert usage.loc["They discussed the winter", "used"] == "omitted"


def test_a_sentence_sharing_only_names_and_set_phrases_with_a_paraphrase_is_not_used():
    usage = _usage_of(
        "Ferry talks\n\n"
        "The minister and the mayor agreed to split the bill for a new waiting room for foot "
        "passengers, so that they no longer stand in the rain."
    )
    assert usage.loc["The two sides agreed", "used"] == "paraphrase"
    # Sentences that share only "the minister", "agreed" or "the" with it are not conveyed.
    for start in ("The minister thanked the", "They agreed to meet", "The minister confirmed that"):
        assert usage.loc[start, "used"] == "omitted", start
    assert set(usage.loc[usage["used"] == "omitted", "label"]) == {""}


def test_a_quoted_clause_of_the_official_wording_is_verbatim_though_short():
    news = (
        "Ferry staff thanked\n\n"
        "The northern pier reopens in June, officials said.\n\n"
        "The harbour workers were thanked {}for their patience during the long closure{}, "
        "a ministry spokesman said."
    )
    row = _usage_of(news.format("“", "”")).loc["The minister thanked the"]
    # Seven words in quotation marks, all the official sentence's, in its order.
    assert (row["used"], row["label"], row["quoted_words"]) == ("verbatim", "verbatim", 7)
    assert row["copied_words"] == 7  # well short of a copied run of 12 words
    # The same words without quotation marks are a shorter copy than a verbatim one.
    row = _usage_of(news.format("", "")).loc["The minister thanked the"]
    assert row["used"] == "paraphrase"
    assert row["quoted_words"] == 0
    # A quotation of another speaker that shares a phrase with it is not its wording.
    other = (
        "Ferry staff thanked\n\nA pier worker said: “We have waited all winter for the "
        "pier, and the long closure cost us dearly.”"
    )
    assert _usage_of(other).loc["The minister thanked the", "used"] != "verbatim"


def test_a_copy_that_writes_a_dash_as_a_hyphen_is_one_run():
    statement = (
        "Statement on the ferry partnership\n\n"
        "The two mayors agreed to deepen the Portville – Eastport ferry partnership to carry "
        "more passengers across the bay, and to ask the regional council for a second boat. "
        "The council will meet in May."
    )
    news = (
        "Ferry partnership to grow\n\n"
        "The two mayors agreed to deepen the Portville-Eastport ferry partnership to carry "
        "more passengers over the water this summer, officials said."
    )
    row = _usage_of(news, statement).loc["The two mayors agreed"]
    # "Portville-Eastport" is the two words of "Portville – Eastport": one run of 15.
    assert (row["used"], row["copied_words"]) == ("verbatim", 15)


def test_products_within_documents_equal_dense_products_masked_by_document():
    rng = np.random.default_rng(3)
    dense = rng.random((9, 6)) * (rng.random((9, 6)) < 0.5)
    present = sp.csr_matrix((dense > 0).astype(float))
    weighted = sp.csr_matrix(dense)
    e_rows, e_group = np.array([0, 1, 1, 2, 3, 4]), np.array([0, 0, 1, 1, 0, 1])
    o_rows, o_group = np.array([5, 6, 7, 8]), np.array([0, 0, 1, 1])
    product = _WithinDocuments(present, e_rows, e_group, o_rows, o_group)
    got = product(weighted.data, present.data).toarray()
    # The reference: every pair's dot product, kept only within the same document.
    expected = dense[e_rows] @ (dense[o_rows] > 0).T * (e_group[:, None] == o_group[None, :])
    np.testing.assert_allclose(got, expected)


# --- rules: thresholds as arguments, down to every process -------------------------------


def test_reuse_rules_reach_the_forked_workers(fixture, monkeypatch):
    corpus, result = fixture
    rules = ReuseRules(min_run_chars=120, wholly_derived=0.9, partially_derived=0.25)
    serial = framing.reuse(corpus, result.units, rules=rules)
    monkeypatch.setattr(textreuse, "REUSE_BATCH_SENTENCES", 2)
    monkeypatch.setattr(textreuse, "PARALLEL_MIN_SENTENCES", 0)
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    forked = []

    def fork_map(function, parts):
        forked.append(parts)
        return parallel.fork_map(function, parts)

    monkeypatch.setattr(textreuse, "fork_map", fork_map)
    got = framing.reuse(corpus, result.units, rules=rules)
    assert forked == [2]  # the last batches ran in a forked worker
    pd.testing.assert_frame_equal(got, serial)
    # The last pair, measured in the worker, is classed and covered by the rules given.
    last = got.iloc[-1]
    assert (last["news_id"], last["derivation"]) == ("wholly", "partially derived")
    assert last["run_coverage"] < result.reuse.iloc[-1]["run_coverage"]
    assert framing.derivation_class(0.85, rules=rules) == "partially derived"


def test_analyse_passes_each_measure_its_rules(fixture):
    corpus, result = fixture
    strict = framing.framing_of(
        corpus,
        align_rules=AlignRules(verbatim=1.01, min_unit_words=8),
        reuse_rules=ReuseRules(wholly_derived=0.9),
        fidelity_rules=framing.FidelityRules(altered_share=1.01),
    )
    assert len(strict.units) < len(result.units)  # fewer sentences reach eight words
    assert "verbatim" not in set(strict.alignment["label"])
    assert "wholly derived" not in set(strict.reuse["derivation"])
    assert "altered" not in set(strict.quotes["fidelity"])
    assert "altered" in set(result.quotes["fidelity"])
    # The reuse finding states the run length the table was measured with.
    text = findings.framing_findings(
        corpus, result, "wholly", reuse_rules=ReuseRules(min_run_chars=40)
    )
    assert "shared runs of 40+ characters" in text


def test_compared_pairs_leave_out_the_official_text_itself_and_documents_with_no_sentences():
    frame = pd.DataFrame(
        {
            "side": ["journalist", "article", "official", "official", "journalist"],
            "doc_id": ["n1", "n1", "o1", "o2", "n2"],
            "within": ["", "o1", "", "", ""],
        }
    )
    corpus = SimpleNamespace(
        pairs=pd.DataFrame({"news_id": ["n1", "n1", "n2"], "official_id": ["o1", "o2", "o3"]})
    )
    pairs = alignment_module._compared_pairs(corpus, frame)
    # Row 1 lies inside o1, embedded in n1: compared with o2 only. o3 has no sentences.
    assert pairs.e_rows.tolist() == [0, 0, 1]
    assert pairs.e_group.tolist() == [0, 1, 1]
    assert (pairs.o_rows.tolist(), pairs.o_group.tolist()) == ([2, 3], [0, 1])


def test_candidates_rank_by_best_score_ties_to_the_higher_cosine_and_mark_sources():
    cosine = sp.csr_matrix([[0.9, 0.0, 0.2], [0.3, 0.6, 0.5]])
    coverage = sp.csr_matrix([[0.5, 0.5, 0.0], [1.0, 1.0, 0.01]])
    contain = sp.csr_matrix((2, 3))
    cand = alignment_module._candidates(cosine, coverage, contain, AlignRules(max_sources=3))
    assert cand["e"].tolist() == [0, 0, 0, 1, 1, 1]
    # Row 1's coverage ties at 1.0: the higher cosine (column 1) goes first.
    assert cand["o"].tolist() == [0, 1, 2, 1, 0, 2]
    # Column 2 shares cosine but too little content to be a source (source_min 0.06).
    assert cand["is_source"].tolist() == [True, True, False, True, True, False]
    fewer = alignment_module._candidates(cosine, coverage, contain, AlignRules(max_sources=2))
    assert fewer["o"].tolist() == [0, 1, 1, 0]
    loose = alignment_module._candidates(cosine, coverage, contain, AlignRules(source_min=0.0))
    assert loose["is_source"].all()


def test_labels_follow_the_align_rules():
    containment = np.array([0.8, 0.4, 0.0, 0.0, 0.0])
    cosine = np.array([0.0, 0.0, 0.6, 0.0, 0.0])
    union = np.array([0.0, 0.0, 0.0, 0.3, 0.1])
    labels = alignment_module._labels(containment, cosine, union, AlignRules())
    assert labels.tolist() == [
        "verbatim", "close paraphrase", "close paraphrase", "loose paraphrase", "added"
    ]  # fmt: skip
    rules = AlignRules(verbatim=0.9, close_cosine=0.7, close_containment=0.5, loose_union=0.05)
    assert alignment_module._labels(containment, cosine, union, rules).tolist() == [
        "close paraphrase", "added", "added", "loose paraphrase", "loose paraphrase"
    ]  # fmt: skip


def test_best_per_sentence_takes_the_best_document_and_its_union():
    # Journalist sentence 10 is compared within two documents (expanded rows 0, 1),
    # sentence 11 within one; official rows 20-22.
    cand = pd.DataFrame(
        {
            "e": [0, 1, 1, 2],
            "j_row": [10, 10, 10, 11],
            "o_row": [20, 22, 21, 20],
            "score": [0.4, 0.6, 0.6, 0.05],
            "cosine": [0.4, 0.6, 0.55, 0.05],
            "containment": [0.1, 0.2, 0.2, 0.0],
        }
    )
    union = np.array([0.5, 0.3, 0.1])
    best = alignment_module._best_per_sentence(
        cand, union, np.array([10, 10, 11]), np.array([10, 11, 12]), AlignRules()
    )
    # Equal scores: the lower official row. The union is the best over the documents.
    assert best.official_row.tolist() == [21, -1, -1]
    assert best.label.tolist() == ["close paraphrase", "added", "added"]
    assert best.covered.tolist() == [0.5, 0.1, 0.0]
    assert best.cosine.tolist() == [0.55, 0.05, 0.0]
    assert best.matched.tolist() == [True, False, False]


def test_an_official_document_s_standfirst_is_one_of_its_sentences():
    # Display copy in the layout, but the government's own words: usage measures it.
    statement = (
        "Minister's call with the Harbour Board: 3 March\n\n"
        "Minister Ana Lund spoke to the chair of the Harbour Board this morning.\n\n"
        "The Minister spoke to the chair of the Harbour Board this morning. They discussed "
        "the winter ferry timetable and the dredging of the outer channel.\n\n"
        "They agreed to meet again in April to review the timetable."
    )
    usage = _usage_of(
        "Harbour board and minister talk ferries\n\n"
        "Minister Ana Lund spoke to the chair of the Harbour Board on Monday morning, and "
        "they agreed to meet again in April.",
        statement,
    )
    assert "Minister Ana Lund spoke" in usage.index  # the standfirst, an official sentence
    assert "Minister's call with the" not in usage.index  # the title is a label


@pytest.mark.parametrize(
    ("copy", "words"),  # the official sentence has 16 words; the edit's are not counted
    [
        # A word added inside the copied clause.
        (
            "The two sides agreed to share the full cost of a new waiting room for foot "
            "passengers, the ministry said.",
            16,
        ),
        # An aside inserted in the middle of it.
        (
            "The two sides agreed, officials told the paper, to share the cost of a new "
            "waiting room for foot passengers.",
            16,
        ),
        # One word respelt.
        (
            "The two sides agreed to share the costs of a new waiting room for foot passengers.",
            15,
        ),
    ],
)
def test_a_copy_with_a_small_edit_is_still_verbatim(copy, words):
    usage = _usage_of(f"Ferry talks end\n\nThe mayor met the minister on Monday. {copy}")
    row = usage.loc["The two sides agreed"]
    assert (row["used"], row["copied_words"]) == ("verbatim", words)


def test_two_runs_far_apart_are_not_one_copy():
    usage = _usage_of(
        "Ferry talks end\n\nThe two sides agreed to share the bill, and after a long "
        "argument over the pier, the harbour and the staff, the mayor said a new waiting "
        "room for foot passengers would open."
    )
    assert usage.loc["The two sides agreed", "used"] != "verbatim"


def test_the_shipped_stop_words_are_scikit_learns():
    """``analysis/data/stop_words.txt`` is scikit-learn's list, and only it, plus our few."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from analysis.framing.vectors import _STOP

    assert frozenset(ENGLISH_STOP_WORDS) | {"s", "t", "jr", "mr", "mrs", "ms"} == _STOP


def test_a_name_spelt_with_or_without_its_accents_is_the_same_word():
    statement = (
        "Minister Ayşe Yılmaz of Türkiye opened the rebuilt ferry terminal at Kadıköy today."
    )
    news = "Minister Ayse Yilmaz opened the rebuilt ferry terminal at Kadikoy on Monday."
    accented = _usage_of(f"Terminal opens\n\n{news}", statement).iloc[0]
    plain = _usage_of(
        f"Terminal opens\n\n{news}",
        "Minister Ayse Yilmaz of Turkiye opened the rebuilt ferry terminal at Kadikoy today.",
    ).iloc[0]
    # The readout's "Yılmaz" and "Kadıköy" are the news's "Yilmaz" and "Kadikoy".
    assert accented["covered"] == pytest.approx(plain["covered"])
    assert accented["copied_words"] == plain["copied_words"] >= 6


def test_a_copy_running_past_a_respelt_name_to_the_sentence_s_end_is_verbatim():
    statement = "Minister Ana Lund spoke to Harbour Master Piotr Kowalskyy this morning."
    news = "Ferry talks\n\nMinister Ana Lund spoke to Harbour Master Piotr Kowalsky this morning."
    row = _usage_of(news, statement).loc["Minister Ana Lund spoke"]
    # Eight words, the respelt name, then two to the end: one copy of ten words.
    assert (row["used"], row["copied_words"]) == ("verbatim", 10)
    # Two words short of the official sentence's end join nothing.
    statement = "Minister Ana Lund spoke to Harbour Master Piotr Kowalskyy this morning in Gdansk."
    news = "Ferry talks\n\nMinister Ana Lund spoke to Harbour Master Piotr Kowalsky this morning at the port."
    assert _usage_of(news, statement).loc["Minister Ana Lund spoke", "copied_words"] == 8


def test_an_official_s_account_that_shares_few_words_is_a_use_in_other_words():
    said = "Ferry news\n\nNobody at the harbour complained during the closure, {} said on Tuesday."
    # Too few shared words to convey the thanks alone: omitted, the nearest match named.
    passenger = _usage_of(said.format("a ferry passenger")).loc["The minister thanked the"]
    assert (passenger["used"], passenger["used_in"], passenger["news_sent_no"]) == (
        "omitted",
        "omitted",
        -1,
    )
    assert (passenger["closest_in"], passenger["closest_sent_no"]) == ("lede", 1)
    assert 0.1 <= passenger["covered"] < 0.15
    # Told as an official's account, that nearest match relays the official sentence.
    ministry = _usage_of(said.format("the ministry")).loc["The minister thanked the"]
    assert (ministry["used"], ministry["used_in"], ministry["news_sent_no"]) == (
        "paraphrase",
        "lede",
        1,
    )
    assert ministry["relayed"] != "own_voice"
    # A sentence that is no one's account stays the nearest match of an omitted one.
    own = _usage_of(said.format("x").replace(", x said on Tuesday", "")).loc[
        "The minister thanked the"
    ]
    assert (own["used"], own["closest_sent_no"]) == ("omitted", 1)


@pytest.mark.parametrize(
    ("attribution_kind", "source_kind", "used"),
    [
        ("narrated", "official_text", "paraphrase"),  # "Lund, Berg discuss ferry fares"
        ("indirect", "other_official", "paraphrase"),  # "…, the other ministry said"
        ("narrated", "named_other", "omitted"),  # a shipowner's act is no official's account
        ("", "", "omitted"),  # the journalist's own sentence
    ],
)
def test_an_omitted_sentence_s_nearest_match_counts_when_an_official_tells_it(
    attribution_kind, source_kind, used
):
    from analysis.framing.accounts import relayed_usage

    usage = pd.DataFrame(
        {
            "news_id": ["news"],
            "official_id": ["statement"],
            "official_sent_no": [3],
            "used": ["omitted"],
            "used_in": ["omitted"],
            "news_sent_no": [-1],
            "closest_in": ["headline"],
            "closest_sent_no": [0],
            "label": ["added"],
            "covered": [0.06],
        }
    )
    units = pd.DataFrame(
        {
            "doc_id": ["news"],
            "sent_no": [0],
            "side": ["journalist"],
            "attribution_kind": [attribution_kind],
            "source_kind": [source_kind],
            "within": [""],
        }
    )
    row = relayed_usage(usage, units).iloc[0]
    assert row["used"] == used
    placed = ("headline", 0) if used == "paraphrase" else ("omitted", -1)
    assert (row["used_in"], row["news_sent_no"]) == placed
