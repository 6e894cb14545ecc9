"""Source kinds, accounts against narrated acts, and framing read through attributions."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import findings, framing

READOUT = (
    "Readout of the Prime Minister's call with President Okafor\n\n"
    "Prime Minister Lena Marsh spoke with President Daniel Okafor of Veldia today.\n\n"
    "The Prime Minister welcomed the new ferry agreement between the two countries.\n\n"
    "The leaders agreed to meet again at the harbour summit in the spring.\n"
)

NEWS = (
    "A calm day for ferry diplomacy\n\n"
    "Prime Minister Lena Marsh welcomed the new ferry agreement between the two countries "
    "on Tuesday.\n\n"
    "The leaders agreed to meet again at the harbour summit in the spring, Downing Street "
    "said in a statement.\n\n"
    "Senator Paul Grey said the ferry deal would cost more than the government admits.\n\n"
    "A senior official said the talks had been tense at times.\n\n"
    "“We are pleased with the deal,” said Tom Reed, a ferry captain from the north coast.\n\n"
    "According to a Harbour Institute report, ferry traffic had doubled.\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sources")
    (folder / "readout.txt").write_text(READOUT, "utf-8")
    (folder / "news.txt").write_text(NEWS, "utf-8")
    (folder / "manifest.csv").write_text(
        "article_id,path,kind,outlet,pairs_with\n"
        "readout,readout.txt,official,GOV.UK (10 Downing Street),\n"
        "news,news.txt,news,Harbour Times,readout\n",
        "utf-8",
    )
    return analysis.load_corpus(folder)


@pytest.fixture(scope="module")
def result(corpus):
    return framing.framing_of(corpus)


def _kind_of(kinds: pd.DataFrame, source_words: str) -> pd.Series:
    rows = kinds[kinds["source_as_written"].str.contains(source_words, regex=False)]
    assert len(rows), (
        f"no attribution has the source {source_words!r}: {kinds['source_as_written'].tolist()}"
    )
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("source", "kind", "evidence"),
    [
        ("Downing Street", "official_text", "issuer"),
        ("Senator Paul Grey", "other_official", "office"),
        ("A senior official", "unnamed", "names no one"),
        ("Tom Reed", "named_other", "a name"),
        ("a Harbour Institute report", "document", "document"),
    ],
)
def test_each_source_is_classed_with_its_evidence(corpus, source, kind, evidence):
    row = _kind_of(framing.source_kinds(corpus), source)
    assert row["source_kind"] == kind
    assert evidence in row["kind_evidence"]


def test_the_official_texts_principal_speaks_for_it(corpus):
    kinds = framing.source_kinds(corpus)
    marsh = kinds[kinds["source"].str.contains("Marsh")]
    assert len(marsh) and (marsh["source_kind"] == "official_text").all()
    assert marsh["kind_evidence"].str.contains("principal").all()
    assert (marsh["official_id"] == "readout").all()


def test_an_account_is_told_apart_from_a_narrated_act(corpus):
    kinds = framing.source_kinds(corpus).set_index("source_as_written")
    # "Lena Marsh welcomed the new ferry agreement": an act the journalist narrates.
    assert kinds.loc[kinds.index.str.contains("Marsh"), "relays"].eq("act").all()
    # "…, Downing Street said in a statement": the cue after its content gives an account.
    assert kinds.loc["Downing Street", "relays"] == "account"
    # "said the ferry deal would cost …": a cue of telling.
    assert kinds.loc["Senator Paul Grey", "relays"] == "account"


def test_every_row_points_into_the_article_text(corpus):
    kinds = framing.source_kinds(corpus)
    texts = corpus.articles.set_index("article_id")["text"]
    for row in kinds.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
        assert row.words == len(re.findall(r"\w+", row.text))
    assert list(kinds.columns) == list(framing.ATTRIBUTED_COLUMNS)


def test_units_and_usage_say_whose_account_they_are(result):
    units = result.units[result.units["side"] == "journalist"].set_index("sent_no")
    texts = units["text"]
    summit = units[texts.str.startswith("The leaders agreed")].iloc[0]
    assert summit["attribution_kind"] == "indirect"
    assert summit["source_kind"] == "official_text"
    welcomed = units[texts.str.contains("welcomed")].iloc[0]
    assert welcomed["attribution_kind"] == "narrated"
    usage = result.usage.set_index("official_sent_no")
    used = usage[usage["relayed"] != ""]
    assert set(used["relayed"]) <= set(framing.RELAYS)
    by_text = dict(zip(used["text"], used["relayed"], strict=True))
    assert by_text["The leaders agreed to meet again at the harbour summit in the spring."] == (
        "attributed_to_official"
    )
    assert (
        by_text["The Prime Minister welcomed the new ferry agreement between the two countries."]
        == "own_voice"
    )
    assert (usage.loc[usage["news_sent_no"] < 0, "relayed"] == "").all()


def test_the_relay_finding_reads_its_numbers_from_usage(result):
    usage = result.usage
    text = findings.relay_finding(usage)
    used = usage[usage["relayed"] != ""]
    own = int((used["relayed"] == "own_voice").sum())
    official = int((used["relayed"] == "attributed_to_official").sum())
    assert f"Of the {len(used)} official sentences the article used, {own} " in text
    assert f"and {official} attributed to the official side" in text
    assert findings.relay_finding(usage.assign(relayed="")) == ""


def test_voice_shares_split_every_prose_word_once(corpus, result):
    shares = framing.voice_shares(corpus, result.attributions).set_index("article_id")
    row = shares.loc["news"]
    assert row["words"] == sum(row[v] for v in framing.VOICES) > 0
    assert row["quoted"] == len(re.findall(r"\w+", "We are pleased with the deal,"))
    assert row["attributed_to_official"] > 0 and row["attributed_to_others"] > 0
    assert abs(sum(row[f"{v}_share"] for v in framing.VOICES) - 1) < 1e-9
    text = findings.voice_finding(shares.reset_index())
    assert f"of {int(row['words']):,} words of prose" in text
    assert f"{row['quoted'] / row['words']:.0%} quoted" in text


def test_sources_table_and_top_sources_count_the_same_words(corpus, result):
    kinds = result.attributions
    table = framing.sources_table(kinds, corpus.articles, by="outlet")
    assert table["words"].sum() == kinds["words"].sum()
    assert set(table["outlet"]) == {"Harbour Times"}
    top = framing.top_sources(kinds)
    said = kinds[~((kinds["kind"] == "indirect") & (kinds["relays"] == "act"))]
    assert top["words"].sum() <= said["words"].sum()
    assert top["words"].is_monotonic_decreasing
    finding = findings.source_kind_finding(table)
    assert finding.endswith("in quotation marks")


def _accounts(articles, sources, kinds, words) -> pd.DataFrame:
    """Reported accounts, one row each, as source_kinds gives them: what top_sources reads."""
    return pd.DataFrame(
        {
            "article_id": articles,
            "attribution_no": range(len(sources)),
            "kind": "indirect",
            "relays": "account",
            "source": sources,
            "source_as_written": sources,
            "source_kind": kinds,
            "words": words,
        }
    )


def test_top_sources_give_one_name_to_one_person():
    rows = [
        # (article, source as resolved, words): "Mr Lund" where an article gives no first
        # name is the one Lund the corpus names; "Mr Bush" stays, two Bushes are named.
        ("a", "Ada Lind", 10),
        ("b", "Mr Lind", 5),
        ("a", "Jeb Bush", 4),
        ("b", "George Bush", 3),
        ("c", "Mr Bush", 2),
    ]
    kinds = _accounts(
        articles=[a for a, _, _ in rows],
        sources=[who for _, who, _ in rows],
        kinds=["named_other"] * len(rows),
        words=[n for _, _, n in rows],
    )
    top = framing.top_sources(kinds).set_index("source")
    assert top.loc["Ada Lind", ["words", "articles"]].tolist() == [15, 2]
    assert "Mr Lind" not in top.index and top.loc["Mr Bush", "words"] == 2


def test_a_top_source_s_kind_is_its_most_frequent_one():
    rows = [
        ("Ada Lind", "named_other", 4),
        ("Ada Lind", "official_named", 3),
        ("Ada Lind", "official_named", 2),
        ("Ola Berg", "unnamed", 5),
        ("Ola Berg", "named_other", 1),
        ("Ivo Marn", "named_other", 1),
    ]
    kinds = _accounts(
        articles=["a"] * len(rows),
        sources=[who for who, _, _ in rows],
        kinds=[kind for _, kind, _ in rows],
        words=[n for _, _, n in rows],
    )
    top = framing.top_sources(kinds, n=2)
    assert top["source"].tolist() == ["Ada Lind", "Ola Berg"]
    # By count of attributions, not of words; a tie goes to the kind seen first.
    assert top["source_kind"].tolist() == ["official_named", "unnamed"]


DESCRIBED = (
    "Talks on the harbour ferry drag on\n\n"
    "Governor Ada Lind and Tom Reed met on Monday to discuss the ferry timetable.\n\n"
    "Reed said the talks had gone well, though the timetable was still in doubt.\n\n"
    "Republicans said the deal would cost the town too much.\n\n"
    "Some Democrats argued that the ferry should stay public.\n\n"
    "Lind aides said the governor would not sign before the spring.\n\n"
    "Ben Cole, an aide to Governor Ada Lind, said the numbers had been checked twice.\n\n"
    "Nora Hale, who met Governor Ada Lind last week, said the harbour needed a second pier.\n\n"
    "Former Mayor Ivan Price said the old timetable had worked for years.\n\n"
    "A Harbour Gazette poll released on Sunday found that most residents backed the deal.\n\n"
    "The shipping magnate said the company would run the ferry at a loss for a year.\n\n"
    "The FM said the two countries would sign the agreement in May.\n\n"
    "The conference speaker said the ferry had become a symbol of the town.\n\n"
    "The Veldian Foreign Minister arrived late in the evening. He said the deal was rushed.\n\n"
    "Moscow said the ferry would change nothing in the region.\n\n"
    "The basketball star Michael Jordan came to watch. Jordan said the ferry was his "
    "favourite boat.\n\n"
    "House Republicans said the ferry budget was too large.\n\n"
    "A man on the pier shouted at the captain. The man said the ferry was always late.\n\n"
    "Speaker Ivo Marsh said the ferry budget would pass the chamber.\n"
)


@pytest.fixture(scope="module")
def described(tmp_path_factory):
    folder = tmp_path_factory.mktemp("described")
    (folder / "news.txt").write_text(DESCRIBED, "utf-8")
    return framing.source_kinds(analysis.load_corpus(folder / "news.txt"))


@pytest.mark.parametrize(
    ("source", "kind", "why"),
    [
        # "and" joins two people: the governor's title is not Reed's.
        ("Reed", "named_other", "a name"),
        # A group by party, capitalised or not, names no one.
        ("Republicans", "unnamed", "names no one"),
        ("Some Democrats", "unnamed", "names no one"),
        # A name before a head that names no one is its modifier, not the source.
        ("Lind aides", "unnamed", "names no one"),
        # The governor in the apposition is the one the aide works for.
        ("Ben Cole", "named_other", "a name"),
        # A relative clause is no apposition.
        ("Nora Hale", "named_other", "a name"),
        # An office held no longer.
        ("Former Mayor Ivan Price", "named_other", "a name"),
        # The document is the phrase's head, before the participle.
        ("A Harbour Gazette poll", "document", "'poll'"),
        # A definite description of one person.
        ("The shipping magnate", "named_other", "a description"),
        ("The FM", "other_official", "'fm'"),
        # A speaker at a conference holds no office; "Speaker" before a name does.
        ("The conference speaker", "named_other", "a description"),
        ("Speaker Ivo Marsh", "other_official", "'house speaker'"),
        # A pronoun is of the kind of what it stands for.
        ("He", "other_official", "'foreign minister'"),
        # A capital as the government it seats; not a person of that name.
        ("Moscow", "other_official", "a state"),
        ("Jordan", "named_other", "a name"),
        # A chamber's members are its officers, though a party's name no one.
        ("House Republicans", "other_official", "'house republicans'"),
        # Anyone the article need not name.
        ("The man", "unnamed", "no name"),
    ],
)
def test_descriptions_groups_and_former_offices(described, source, kind, why):
    row = _kind_of(described, source)
    assert (row["source_kind"], why in row["kind_evidence"]) == (kind, True), row["kind_evidence"]


LIND_READOUT = (
    "Readout of the call between the Harbour Commission and the Veldian ferry board\n\n"
    "On the morning of 4 May 2024, Chair of the Harbour Commission Ada Lind held talks with "
    "the chair of the Veldian ferry board.\n\n"
    "The two sides agreed to open a second ferry line before the winter.\n"
)
PM_READOUT = (
    "PM call with the Veldian President: 5 May 2024\n\n"
    "The Prime Minister spoke to President Okafor of Veldia this afternoon.\n\n"
    "The leaders agreed to keep the ferry running through the winter storms.\n"
)
LIND_NEWS = (
    "Harbour chiefs agree on second ferry line\n\n"
    "Lind emphasized that the two sides agreed to open a second ferry line before the winter.\n\n"
    "The ferry board will hire forty new crew, according to a letter sent by Ada Lind to the "
    "town council.\n"
)
PM_NEWS = (
    "Ferry to run all winter\n\n"
    "The island ferry “will keep running through the storms,” Downing Street said in a "
    "statement.\n\n"
    "According to the PM's office, the leaders agreed to keep the ferry running.\n"
)


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    folder = tmp_path_factory.mktemp("claims")
    for name, text in (
        ("lind_readout", LIND_READOUT),
        ("pm_readout", PM_READOUT),
        ("lind_news", LIND_NEWS),
        ("pm_news", PM_NEWS),
    ):
        (folder / f"{name}.txt").write_text(text, "utf-8")
    (folder / "manifest.csv").write_text(
        "article_id,path,kind,outlet,pairs_with\n"
        "lind_readout,lind_readout.txt,official,Harbour Commission,\n"
        "pm_readout,pm_readout.txt,official,GOV.UK (10 Downing Street),\n"
        "lind_news,lind_news.txt,news,Island Post,lind_readout\n"
        "pm_news,pm_news.txt,news,Island Post,pm_readout\n",
        "utf-8",
    )
    corpus = analysis.load_corpus(folder)
    return corpus, framing.source_kinds(corpus), framing.framing_of(corpus)


@pytest.mark.parametrize(
    ("source", "evidence"),
    [
        # The readout opens on a time and a long title: its principal is the name
        # just before its verb ("… Ada Lind held talks").
        ("Lind", "own principal or spokesperson ('lind')"),
        # What else a principal issues.
        # Whichever word of the name it reads first, the same every run (sorted).
        ("a letter sent by Ada Lind", "a letter of the official text's principal ('ada')"),
        # "PM" is the short form of the principal's title.
        ("the PM's office", "by title ('pm')"),
    ],
)
def test_principals_by_name_document_and_short_title(claims, source, evidence):
    row = _kind_of(claims[1], source)
    assert row["source_kind"] == "official_text" and evidence in row["kind_evidence"]


def test_a_cue_then_that_relays_an_account(claims):
    # "emphasized" is no cue of telling, but its "that" clause is the source's claim.
    assert _kind_of(claims[1], "Lind")["relays"] == "account"


def test_a_demonstrative_that_is_no_claim(tmp_path):
    (tmp_path / "a.txt").write_text("Lund rejected that claim in a long speech on Monday.\n")
    kinds = framing.source_kinds(analysis.load_corpus(tmp_path / "a.txt"))
    assert kinds.set_index("cue").loc["rejected", "relays"] == "act"


def test_a_claim_starts_after_another_speakers_words(tmp_path):
    text = (
        "Ferry news\n\nIvo Marsh, a ferry captain, said on Monday that the deal was dead, "
        "and “we will try again,” the Harbour Commission said.\n"
    )
    (tmp_path / "a.txt").write_text(text, "utf-8")
    kinds = framing.source_kinds(analysis.load_corpus(tmp_path / "a.txt"))
    mixed = kinds[kinds["kind"] == "mixed"].iloc[0]
    assert text[mixed["claim_start"] :].startswith("“we will try again")


def test_a_source_closing_the_sentence_makes_it_the_sources_account(claims):
    corpus, kinds, result = claims
    mixed = _kind_of(kinds, "Downing Street")
    text = corpus.articles.set_index("article_id").loc["pm_news", "text"]
    # The quotation is the content; the claim runs from the sentence's first word.
    assert text[mixed["start"] :].startswith("will keep running")
    assert text[mixed["claim_start"] :].startswith("The island ferry “will")
    units = result.units[result.units["side"] != "official"].set_index("text")
    said = units.loc[units.index.str.startswith("The island ferry")].iloc[0]
    assert (said["attributed_to"], said["source_kind"]) == ("Downing Street", "official_text")
    # "…, according to a letter sent by …": the source and cue after a short content
    # count with it, so the sentence is the letter's account.
    letter = units.loc[units.index.str.startswith("The ferry board")].iloc[0]
    assert letter["attribution_kind"] == "indirect" and letter["source_kind"] == "official_text"
    shares = framing.voice_shares(corpus, kinds).set_index("article_id")
    # "The island ferry" is the official side's, though outside the quotation marks.
    assert shares.loc["pm_news", "attributed_to_official"] >= 3 + len(
        "the leaders agreed to keep the ferry running".split()
    )


def test_a_corpus_without_attributions_gives_empty_tables(tmp_path):
    (tmp_path / "a.txt").write_text("A quiet day\n\nNothing happened in the harbour.\n", "utf-8")
    corpus = analysis.load_corpus(tmp_path)
    kinds = framing.source_kinds(corpus)
    assert kinds.empty and list(kinds.columns) == list(framing.ATTRIBUTED_COLUMNS)
    shares = framing.voice_shares(corpus, kinds)
    assert shares["own_voice_share"].tolist() == [1.0]
    assert framing.top_sources(kinds).empty
    assert findings.source_kind_finding(framing.sources_table(kinds, corpus.articles)).startswith(
        "No source"
    )


def test_a_malformed_lexicon_names_its_file_and_table(tmp_path):
    bad = tmp_path / "sources.toml"
    bad.write_text('[titles]\nwords = "president"\n', "utf-8")
    with pytest.raises(framing.SourceLexiconError, match=r"sources.toml: \[titles\]: has no list"):
        framing.load_sources(bad)
    bad.write_text("[titles\n", "utf-8")
    with pytest.raises(framing.SourceLexiconError, match="not valid TOML"):
        framing.load_sources(bad)


def test_the_states_table_is_optional_in_an_analysts_lexicon(tmp_path):
    shipped = (Path(analysis.__file__).parent / "data" / "sources.toml").read_text("utf-8")
    own = tmp_path / "sources.toml"
    own.write_text(re.sub(r"\[states\].*?\n\]\n", "", shipped, flags=re.S), "utf-8")
    assert "[states]" not in own.read_text("utf-8")
    lexicon = framing.load_sources(own)
    assert lexicon.states == frozenset() and "moscow" in framing.load_sources().states
    own.write_text(
        shipped.replace("[states]\n", '[states]\nwords = "moscow"\n[states_old]\n'), "utf-8"
    )
    with pytest.raises(framing.SourceLexiconError, match=r"\[states\]: has no list"):
        framing.load_sources(own)


def test_the_shipped_lexicon_gives_each_list_its_sources():
    lexicon = framing.load_sources()
    assert {"president", "senator"} <= lexicon.titles
    assert "statement" in lexicon.documents and "officials" in lexicon.unnamed
    assert any(name == "White House" for name, _ in lexicon.institutions)
    import tomllib

    data = tomllib.loads((Path(analysis.__file__).parent / "data" / "sources.toml").read_text())
    tables = [name for name, table in data.items() if isinstance(table, dict)]
    assert {"titles", "bodies", "unnamed", "documents", "telling", "states"} <= set(tables)
    assert all(data[name].get("source") for name in tables), "a word list without its source"


@pytest.mark.parametrize(
    "before",
    [
        "said Russian President ",
        "met the Secretary of State ",
        "Moscow's envoy, the Deputy Foreign Minister ",
        "to bathe Senator ",  # a title word at the end of a word: "the Senator"
        "an iPhone Maker ",
        "the Prime Minister and President ",  # no "and" in a run
        "text ending on a word",
        "  Two  Spaces\tand\ta Tab\n",
        "a line break before\nGovernor ",
        "mother’s aide ",
        "",
        " ",
    ],
)
def test_a_title_run_is_read_back_as_the_pattern_would_find_it(before):
    from analysis.framing.attributed import _TITLE_WORD, _title_run

    pattern = re.compile(rf"(?:(?:{_TITLE_WORD.pattern})\s+)+$")
    found = pattern.search(before)
    assert _title_run(before) == (found.group(0) if found else "")
