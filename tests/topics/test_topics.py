"""Topics: the lexicon on texts the workbook has never seen, its edge cases, and the analyses.

The snippets below are invented for these tests, in the style of wire copy
about other calls, summits and statements (people are fictional); none comes
from the seed article.
"""

import json
import random
import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import findings, parallel, topics
from analysis import views as plots
from analysis.topics import mentions as mentions_module

SEED_ID = "000_aeb9b40009e01b77"
LAYOUTS = Path(__file__).parents[1] / "fixtures" / "layouts"


@pytest.fixture(scope="module")
def lexicon():
    return topics.load_lexicon()


def found(lexicon, text: str) -> set[str]:
    return {topic for _, _, _, ids in lexicon.find(text) for topic in ids}


def spans(lexicon, text: str) -> list[str]:
    return [text[s:e] for s, e, _, _ in lexicon.find(text)]


# --- the lexicon on other calls, summits and statements ----------------------------------

SNIPPETS = {
    "japan_australia_defence": (
        "Japanese Prime Minister Kenji Arakawa and his Australian counterpart Claire Dunmore "
        "signed a Reciprocal Access Agreement in Canberra on Saturday, deepening defence "
        "cooperation between the two U.S. allies amid concern over China's growing military "
        "assertiveness. The pact makes it easier for their forces to hold joint exercises.",
        {"alliances", "china_taiwan", "military"},
        {"elections", "health", "trade", "climate_energy", "middle_east"},
    ),
    "eu_china_trade": (
        "The European Commission imposed provisional tariffs of up to 38% on electric vehicles "
        "imported from China, saying Chinese state subsidies had distorted the market. Beijing "
        "called the anti-subsidy investigation protectionism and warned of a trade war.",
        {"trade", "china_taiwan"},
        {"military", "arms_control", "elections", "health", "human_rights"},
    ),
    "g7_climate": (
        "G7 leaders reaffirmed their commitment to net-zero greenhouse gas emissions by 2050, "
        "agreed to phase out unabated coal power and pledged more climate finance for "
        "developing countries, according to the summit's final communiqué.",
        {"climate_energy", "multilateral", "diplomacy"},
        {"military", "health", "elections", "terrorism", "sanctions"},
    ),
    "who_pandemic": (
        "The World Health Organization said member states had agreed the text of a pandemic "
        "agreement meant to ensure fairer access to vaccines and faster sharing of data on "
        "outbreaks. WHO officials, who negotiated for more than two years, called it a "
        "milestone for global health security.",
        {"health", "diplomacy"},
        {"military", "elections", "arms_control", "trade", "cyber"},
    ),
    "iran_sanctions": (
        "The Treasury Department imposed new sanctions on a network accused of supplying "
        "components for Tehran's ballistic missile programme, as talks on reviving the 2015 "
        "nuclear deal remained stalled. Iranian officials condemned the measures.",
        {"sanctions", "middle_east", "nuclear_programmes", "diplomacy"},
        {"health", "elections", "climate_energy", "china_taiwan"},
    ),
    "middle_east_ceasefire": (
        "Mediators said Israel and Hamas had agreed to a ceasefire in Gaza that would begin on "
        "Sunday, with Palestinian prisoners freed in exchange for hostages and a surge of "
        "humanitarian aid into the enclave, where most civilians have been displaced.",
        {"peace_process", "middle_east", "humanitarian"},
        {"trade", "climate_energy", "elections", "cyber", "health", "china_taiwan"},
    ),
    "taiwan_strait": (
        "China's military launched large-scale drills around Taiwan on Monday, sending "
        "warships and fighter jets across the median line of the Taiwan Strait, days after the "
        "island's president transited through the United States. Washington urged Beijing to "
        "show restraint and keep channels of communication open.",
        {"china_taiwan", "military"},
        {"trade", "health", "elections", "climate_energy", "middle_east"},
    ),
    "election_hacking": (
        "Germany's interior ministry said a hacking campaign attributed to a foreign "
        "intelligence service had targeted party offices ahead of September's federal "
        "election, and warned of disinformation aimed at voters.",
        {"cyber", "elections"},
        {"health", "trade", "climate_energy", "middle_east"},
    ),
}


@pytest.mark.parametrize("name", list(SNIPPETS))
def test_lexicon_finds_the_topics_a_reader_would_name(lexicon, name):
    text, expected, wrong = SNIPPETS[name]
    topics_found = found(lexicon, text)
    assert expected <= topics_found, f"missing {expected - topics_found} in {spans(lexicon, text)}"
    assert not wrong & topics_found, f"wrong {wrong & topics_found} in {spans(lexicon, text)}"


def test_lexicon_on_the_hand_labelled_layout_fixtures(lexicon):
    corpus = analysis.load_corpus(LAYOUTS)
    mentions = topics.find_mentions(corpus, lexicon)
    by_article = mentions.groupby("article_id")["topic"].agg(set)
    # Reuters: vaccines, clean energy and the Indo-Pacific security situation.
    assert {"health", "climate_energy"} <= by_article["wire_reuters_dateline"]
    # UK readout: Red Sea shipping, Gaza humanitarian access, de-escalation.
    assert {"maritime", "middle_east", "humanitarian", "military"} <= by_article[
        "pasted_readout_uk"
    ]
    text = corpus.articles.set_index("article_id")["text"]
    for row in mentions.itertuples():
        assert text[row.article_id][row.start : row.end] == row.text


def test_every_topic_has_label_source_notes_and_patterns(lexicon):
    assert len(lexicon.topics) >= 15
    for topic in lexicon.topics:
        assert topic.label and topic.source and topic.notes and topic.patterns, topic.id
    table = lexicon.table()
    assert list(table.index) == [t.id for t in lexicon.topics]


# --- edge cases ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a military build-up",
        "a military buildup",
        "a military build up",
        "a military build‑up",
        "a military\nbuild-up",
    ],
)
def test_hyphenation_and_line_breaks_match_one_longest_mention(lexicon, text):
    result = lexicon.find(text)
    assert len(result) == 1
    start, end, pattern, ids = result[0]
    assert text[start:end].startswith("military") and pattern == "military build-up"
    assert ids == ("military",)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("calls to de-escalate", "military"),
        ("calls to deescalate", "military"),
        ("an arms-control treaty", "arms_control"),
        ("new sanctions", "sanctions"),
        ("two summits", "diplomacy"),
        ("the elections", "elections"),
        ("Ukraine’s borders", "ukraine"),
        ("the People’s Liberation Army", "china_taiwan"),
        ("the People's Liberation Army", "china_taiwan"),
        ("ELECTION INTERFERENCE", "elections"),
    ],
)
def test_inflections_case_and_apostrophes(lexicon, text, topic):
    assert topic in found(lexicon, text)


def test_acronyms_are_case_sensitive_and_words_are_whole(lexicon):
    assert found(lexicon, "The WHO said") == {"health"}
    assert found(lexicon, "officials who said") == set()
    assert found(lexicon, "a new start for relations") == set()
    assert found(lexicon, "the New START treaty") == {"arms_control"}
    assert found(lexicon, "a warm welcome") == set()  # "war*" is not a pattern; "warm" no topic
    assert found(lexicon, "a bargaining chip") == set()
    assert spans(lexicon, "cyberattacks and cyber intrusions") == [
        "cyberattacks",
        "cyber intrusions",
    ]


def test_longest_pattern_wins_and_shared_patterns_count_for_both(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        """
[[topic]]
id = "a"
label = "A"
patterns = ["arms", "arms control", "treaty"]

[[topic]]
id = "b"
label = "B"
patterns = ["arms control treaty", "Treaty"]
""",
        encoding="utf-8",
    )
    lexicon = topics.load_lexicon(path)
    assert [(p, ids) for _, _, p, ids in lexicon.find("an arms control treaty")] == [
        ("arms control treaty", ("b",))
    ]
    # "treaty" (a) and "Treaty" (b) differ only in case, so they are one pattern: both count.
    assert [(p, ids) for _, _, p, ids in lexicon.find("arms and a treaty")] == [
        ("arms", ("a",)),
        ("treaty", ("a", "b")),
    ]


# --- malformed lexicons --------------------------------------------------------------------

GOOD_TOPIC = '[[topic]]\nid = "trade"\nlabel = "Trade"\npatterns = ["tariff*"]\n'


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[[topic]\nid = 'x'", ["not valid TOML", "fix the syntax"]),
        ("[lexicon]\nname = 'x'\n", ["no [[topic]] tables"]),
        ('[[topic]]\nid = "trade"\npatterns = ["tariff*"]\n', ["topic trade", "no label"]),
        ('[[topic]]\nlabel = "T"\npatterns = ["x"]\n', ["topic number 1", "id is None"]),
        ('[[topic]]\nid = "t"\nlabel = "T"\npatterns = []\n', ["topic t", "no patterns"]),
        (
            '[[topic]]\nid = "t"\nlabel = "T"\npatterns = ["  "]\n',
            ["topic t", "pattern '  '", "empty"],
        ),
        (
            '[[topic]]\nid = "t"\nlabel = "T"\npatterns = ["sanct(ion"]\n',
            ["topic t", "pattern 'sanct(ion'", "'(' is not allowed", "end a word with *"],
        ),
        (
            '[[topic]]\nid = "t"\nlabel = "T"\npatterns = ["*tion"]\n',
            ["pattern '*tion'", "may only end a word"],
        ),
        (
            '[[topic]]\nid = "t"\nlabel = "T"\npatterns = ["sanc*tion"]\n',
            ["pattern 'sanc*tion'", "may only end a word"],
        ),
        (
            '[[topic]]\nid = "t"\nlabel = "T"\npatterns = ["tariff", "Tariff"]\n',
            ["pattern 'Tariff'", "listed twice", "remove one"],
        ),
        (GOOD_TOPIC + GOOD_TOPIC, ["topic trade", "used by an earlier topic"]),
        ('[[topic]]\nid = "t"\nlabel = "T"\npatterns = [3]\n', ["pattern '3'", "string"]),
    ],
)
def test_malformed_lexicon_errors_name_file_topic_pattern_and_fix(tmp_path, body, expected):
    path = tmp_path / "bad_lexicon.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(topics.LexiconError) as error:
        topics.load_lexicon(path)
    message = str(error.value)
    assert "bad_lexicon.toml" in message
    for part in expected:
        assert part in message, message


def test_missing_lexicon_file(tmp_path):
    with pytest.raises(topics.LexiconError, match="no such file"):
        topics.load_lexicon(tmp_path / "nope.toml")


# --- the seed ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(seed_corpus):
    return seed_corpus, topics.find_mentions(seed_corpus)


def test_seed_mentions_trace_to_their_words(seed):
    corpus, mentions = seed
    assert list(mentions.columns) == list(topics.MENTION_COLUMNS)
    text = corpus.articles.set_index("article_id")["text"]
    for row in mentions.itertuples():
        assert text[row.article_id][row.start : row.end] == row.text
    # The derived readout's mentions are the article's official mentions, shifted.
    derived = corpus.article(f"{SEED_ID}/official-1")
    official = mentions[(mentions["article_id"] == SEED_ID) & (mentions["role"] == "official")]
    shifted = mentions[mentions["article_id"] == derived["article_id"]]
    assert list(official["start"] - derived["derived_start"]) == list(shifted["start"])
    assert list(official["topic"]) == list(shifted["topic"])
    quoted = mentions[mentions["in_quote"]]
    assert set(quoted["text"]) == {"aggression", "forces on the border", "Ukrainian"}


def test_seed_headline_leads_with_interference_buildup_summit_readout_with_arms_control(seed):
    corpus, mentions = seed
    table = topics.compare_voices(corpus, mentions, SEED_ID)
    headline = table[table["in_headline"]].sort_values("journalist_rank")
    assert list(headline.index) == ["elections", "ukraine", "military", "diplomacy"]
    first = table.sort_values("official_rank").iloc[0]
    assert first.name == "arms_control"
    assert first["official_mentions"] == 3 and first["journalist_mentions"] == 0
    assert first["official_words"] == "strategic stability; arms control; New START"
    assert first["status"] == "dropped"
    assert set(table.index[table["status"] == "both"]) == {
        "diplomacy",
        "cyber",
        "elections",
        "ukraine",
        "military",
    }
    assert table.loc["cyber", "in_lede"] and not table.loc["cyber", "in_headline"]
    finding = findings.order_finding(table)
    assert finding.startswith("The headline leads with Elections and interference")
    assert "never mention" in finding and "“New START”" in finding
    assert "(3 mentions: " in finding
    one = table.copy()
    one.loc["arms_control", ["official_mentions", "official_words"]] = [1, "New START"]
    assert "(1 mention: “New START”)" in findings.order_finding(one)
    assert "dropped Arms control" in findings.gap_finding(table)


def test_prominence_score_is_position_weighted(seed):
    corpus, mentions = seed
    table = topics.compare_voices(corpus, mentions, SEED_ID, half_life=100)
    # Elections: 6 words into the headline, then 13 words into the lede (15 + 13 = 28).
    row = table.loc["elections"]
    assert row["journalist_first_word"] == 6
    assert row["journalist_score"] == pytest.approx(0.5 ** (6 / 100) + 0.5 ** (28 / 100), abs=0.01)
    everything_first = topics.compare_voices(corpus, mentions, SEED_ID, half_life=1e9)
    assert everything_first.loc["ukraine", "journalist_score"] == pytest.approx(3)


def test_seed_coverage_by_role(seed):
    corpus, mentions = seed
    table = topics.coverage(corpus, mentions, by="role", article_id=SEED_ID)
    row = table[(table["role"] == "official") & (table["topic"] == "arms_control")].iloc[0]
    assert (row["mentions"], row["sentences_with"], row["sentences"]) == (3, 1, 7)
    assert row["per_1000_words"] == round(1000 * 3 / row["words"], 1)
    assert row["sentence_share"] == round(1 / 7, 3)
    assert table.loc[table["role"] == "journalist", "mentions"].sum() == 8
    heat = topics.role_topic_table(table)
    assert list(heat.index) == ["headline", "journalist", "official"]
    assert "only the official text mentions Arms control" in findings.coverage_finding(table)
    by_article = topics.coverage(corpus, mentions, by="article")
    assert set(by_article["article"]) == {SEED_ID}


def test_seed_corpus_level_analyses_say_why_they_do_not_apply(seed):
    corpus, mentions = seed
    outlet = topics.attention(corpus, mentions, by="outlet")
    assert "two or more outlets" in findings.attention_finding(outlet)
    month = topics.attention(corpus, mentions, by="month")
    assert month.empty and "none of them dated" in findings.attention_finding(month)
    nmf = topics.nmf_topics(corpus)
    assert not nmf.applies and "at least 40" in nmf.reason and "not computed" in repr(nmf)
    assert findings.nmf_finding(nmf).startswith("NMF topics do not apply")
    for fig in (
        plots.attention_chart(topics.attention_matrix(outlet), "x"),
        plots.nmf_stability_chart(nmf.terms, "y"),
    ):
        assert fig.axes[0].get_title(loc="left")
        plt.close(fig)


# --- a multi-article corpus ----------------------------------------------------------------

THEMES = {
    "climate": [
        "Ministers agreed to cut greenhouse gas emissions faster.",
        "The climate finance pledge was doubled.",
        "Coal plants will close and renewables expand.",
        "Delegates argued over fossil fuels and carbon markets.",
        "Net zero targets were brought forward.",
    ],
    "trade": [
        "The government raised tariffs on steel imports.",
        "Exporters warned the trade war would hurt growth.",
        "Negotiators discussed market access and subsidies.",
        "The economy slowed as investment fell.",
        "Supply chains were rerouted around the tariffs.",
    ],
    "conflict": [
        "Troops massed near the border as tensions rose.",
        "Warships and fighter jets held drills offshore.",
        "Artillery fire was reported overnight near the front.",
        "The defence ministry announced a new deployment.",
        "Officials called for de-escalation after the offensive.",
    ],
    "health": [
        "Health officials reported a new outbreak of cholera.",
        "Vaccine deliveries resumed after a pause.",
        "Hospitals were overwhelmed during the pandemic wave.",
        "The virus spread faster in crowded camps.",
        "Public health teams tracked new infections.",
    ],
}
OUTLETS = {"climate": "Outlet A", "trade": "Outlet A", "conflict": "Outlet B", "health": "Outlet C"}


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    rng = random.Random(7)
    with open(folder / "news.jsonl", "w", encoding="utf-8") as out:
        for n in range(48):
            theme = list(THEMES)[n % 4]
            lines = rng.sample(THEMES[theme], 4)
            text = f"Report number {n} on {theme}\n\n" + "\n\n".join(lines) + "\n"
            month = 1 + n % 3
            record = {
                "id": f"n{n:02d}",
                "text": text,
                "outlet": OUTLETS[theme],
                "published": f"2024-0{month}-1{n % 9}",
            }
            out.write(json.dumps(record) + "\n")
    corpus = analysis.load_corpus(folder)
    return corpus, topics.find_mentions(corpus)


def test_attention_by_outlet_and_month_is_share_of_articles(many):
    corpus, mentions = many
    outlet = topics.attention(corpus, mentions, by="outlet")
    row = outlet[(outlet["outlet"] == "Outlet C") & (outlet["topic"] == "health")].iloc[0]
    assert (row["articles_with"], row["articles"], row["share"]) == (12, 12, 1.0)
    row = outlet[(outlet["outlet"] == "Outlet A") & (outlet["topic"] == "climate_energy")].iloc[0]
    assert (row["articles_with"], row["articles"], row["share"]) == (12, 24, 0.5)
    finding = findings.attention_finding(outlet)
    assert finding.startswith("Attention to") and "varies most by outlet" in finding
    month = topics.attention(corpus, mentions, by="month")
    assert sorted(month["month"].unique()) == ["2024-01", "2024-02", "2024-03"]
    assert month.drop_duplicates("month")["articles"].sum() == 48
    matrix = topics.attention_matrix(month)
    assert matrix.shape[0] == 3 and "Health and pandemics" in matrix.columns
    fig = plots.attention_chart(matrix, findings.attention_finding(month))
    assert len(fig.axes) == 2  # heatmap and colour bar
    plt.close(fig)


def test_nmf_topics_are_seeded_and_report_stability(many):
    corpus, _ = many
    first = topics.nmf_topics(corpus, n_topics=4, seeds=(0, 1, 2))
    again = topics.nmf_topics(corpus, n_topics=4, seeds=(0, 1, 2))
    assert first.applies and len(first.terms) == 4
    pd.testing.assert_frame_equal(first.terms, again.terms)
    assert first.terms["stability"].between(0, 1.0001).all()
    assert first.terms["term_overlap"].between(0, 1).all()
    assert first.terms["articles"].sum() == 48
    # Four distinct themes: the factorisation finds them again under other seeds.
    assert (first.terms["stability"] > 0.8).sum() >= 3
    assert "stable across 3 seeds" in findings.nmf_finding(first)
    fig = plots.nmf_stability_chart(first.terms, findings.nmf_finding(first))
    plt.close(fig)


def test_two_process_scan_gives_the_same_mentions(many, monkeypatch):
    corpus, mentions = many
    monkeypatch.setattr(mentions_module, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    pd.testing.assert_frame_equal(topics.find_mentions(corpus), mentions)


def test_charts_draw_from_the_tables(seed):
    corpus, mentions = seed
    table = topics.compare_voices(corpus, mentions, SEED_ID)
    heat = topics.role_topic_table(topics.coverage(corpus, mentions))
    for fig in (
        plots.topic_heatmap(heat, "t", "mentions per 1,000 words"),
        plots.topic_slope_chart(table, "t"),
        plots.topic_gap_chart(table, "t"),
    ):
        assert fig.axes
        plt.close(fig)


# --- NMF settings as parameters -------------------------------------------------------------


def test_nmf_rules_set_the_documents_needed_and_arguments_override_them(many):
    corpus, _ = many
    assert topics.NmfRules().min_articles == 40
    refused = topics.nmf_topics(corpus, rules=topics.NmfRules(min_articles=49))
    assert not refused.applies and "at least 49" in refused.reason
    overridden = topics.nmf_topics(
        corpus, n_topics=4, seeds=(0, 1), min_articles=48, rules=topics.NmfRules(min_articles=49)
    )
    assert overridden.applies and len(overridden.terms) == 4 and overridden.seeds == (0, 1)
    by_rules = topics.nmf_topics(corpus, rules=topics.NmfRules(n_topics=4, seeds=(0, 1)))
    pd.testing.assert_frame_equal(by_rules.terms, overridden.terms)


def test_nmf_stability_of_a_fit_against_itself_is_one():
    from analysis.topics.nmf import _stability

    reference = np.array([[3.0, 1.0, 0.0, 0.0], [0.0, 0.0, 2.0, 1.0]])
    similarity, overlap = _stability(reference, [reference[::-1], reference], top_terms=2)
    assert np.allclose(similarity, 1.0) and np.allclose(overlap, 1.0)


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("tariff+", "'+' is not allowed"),
        ("sanc*tion", "* may only end a word"),
        ("'tariff", "must start with a letter or digit"),
    ],
)
def test_a_bad_pattern_word_says_what_is_wrong(pattern, problem):
    with pytest.raises(ValueError, match=re.escape(problem)):
        topics.compile_pattern(pattern)
