"""Every finding sentence, read back from the table the notebooks show beside it.

Each ``*_finding`` (and framing's per-article ``findings``) is computed on the
fixture corpora, and the numbers, names and places it states are parsed out of
the sentence again and compared with the table: a finding that says more, less
or other than its table fails here. The readers below are independent of the
functions' code: they count and round from the tables themselves.
"""

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import findings, framing, topics, validate
from analysis import views as display
from benchmarks import corpus as benchdata

ROOT = Path(__file__).parents[2]
FIXTURES = Path(__file__).parents[1] / "fixtures"
CORPORA = [
    ROOT / "seeds",
    FIXTURES / "corpus",
    FIXTURES / "formats" / "html",
    FIXTURES / "validation",
    *sorted(p for p in (FIXTURES / "edge").iterdir() if p.is_dir()),
]


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.fixture(scope="module", params=CORPORA, ids=_name)
def analysed(request):
    corpus = analysis.load_corpus(request.param)
    return corpus, framing.framing_of(corpus), topics.find_mentions(corpus)


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """A generated corpus of 60 articles: several outlets and months, and NMF applies."""
    folder = benchdata.write_benchmark_corpus(tmp_path_factory.mktemp("many"), articles=60)
    corpus = analysis.load_corpus(folder)
    return corpus, framing.framing_of(corpus), topics.find_mentions(corpus)


def _news_ids(corpus) -> list[str]:
    news = corpus.articles.loc[corpus.articles["kind"] == "news", "article_id"].tolist()
    return news or corpus.articles["article_id"].tolist()[:1]


def _percent(share: float) -> int:
    """A share as Python's ``:.0%`` writes it."""
    return int(f"{share:.0%}".rstrip("%"))


# --- framing: the per-article findings ---------------------------------------------------


def _parts(text: str) -> list[tuple[str, str]]:
    """``(label, sentence)`` for each bold-labelled paragraph of a findings text."""
    return [
        (m.group(1), m.group(2))
        for m in (re.match(r"\*\*(.+?)\.\*\* (.*)", part, re.S) for part in text.split("\n\n"))
        if m
    ]


def _pair_of(sentence: str, pairs: pd.DataFrame) -> str:
    named = re.search(r"`([^`]+)`", sentence)  # "`x`'s sentences", "sentences of `x`"
    if named:
        return named.group(1)
    assert len(pairs) == 1, "with two official texts the finding names the one it is about"
    return pairs["official_id"].iloc[0]


def _check_up_front(sentence, usage):
    places = re.findall(
        r"#(\d+) in the (headline|lede) \(closest match: ([a-z ]+) in the (headline|lede|body);",
        sentence,
    )
    front = usage[usage["used_in"].isin(["headline", "lede"])]
    assert places == [
        (str(r.official_sent_no), r.used_in, r.label, r.closest_in) for r in front.itertuples()
    ]
    # A sentence the table calls used, never one it shows only as a weak secondary match.
    assert (front["used"] != "omitted").all()


def _check_omitted(sentence, usage):
    count, total = map(int, re.search(r"(\d+) of .*? (\d+) sentences have", sentence).groups())
    omitted = usage[usage["used_in"] == "omitted"]
    assert (count, total) == (len(omitted), len(usage))
    named = int(re.search(r"among them #(\d+)", sentence).group(1))
    assert named in set(omitted["official_sent_no"])


def _check_sentences(sentence, alignment):
    numbers = re.search(
        r"Of the (\d+) journalist sentences: (\d+) verbatim, (\d+) close paraphrase, "
        r"(\d+) loose paraphrase, (\d+) added",
        sentence,
    ).groups()
    counts = alignment["label"].value_counts()
    labels = ("verbatim", "close paraphrase", "loose paraphrase", "added")
    assert [int(n) for n in numbers] == [len(alignment), *(int(counts.get(x, 0)) for x in labels)]


def _check_added(sentence, alignment):
    sent_no, location = re.search(r"is #(\d+) \((\w+)\)", sentence).groups()
    added = alignment[alignment["label"] == "added"]
    longest = added.loc[added["text"].str.len() == added["text"].str.len().max()]
    assert (int(sent_no), location) in set(
        zip(longest["sent_no"], longest["location"], strict=True)
    )


def _check_verbs(sentence, verbs):
    scored = verbs.dropna(subset=["shift"])
    stronger, total = map(int, re.search(r"In (\d+) of (\d+) aligned pairs", sentence).groups())
    assert (stronger, total) == (int((scored["shift"] > 0).sum()), len(scored))
    mean = float(re.search(r"Mean shift ([+-]\d+\.\d+)", sentence).group(1))
    assert mean == pytest.approx(scored["shift"].mean(), abs=0.005)
    assert len(re.findall(r"“[^”]+” → “[^”]+” \([+-]\d+", sentence)) == stronger


def _check_quotations(sentence, quotes):
    assert int(re.search(r"(\d+) quotation\(s\)", sentence).group(1)) == len(quotes)
    stated = {
        kind: int(n)
        for n, kind in re.findall(r"(\d+) (exact|trimmed|altered|not in official text)", sentence)
    }
    assert stated == quotes["fidelity"].value_counts().to_dict()


def _check_reuse(sentence, reuse, news_id):
    official_id = re.search(r"Compared with `([^`]+)`", sentence).group(1)
    row = reuse[(reuse["news_id"] == news_id) & (reuse["official_id"] == official_id)].iloc[0]
    three, runs = map(int, re.search(r"shares (\d+)% .*? and (\d+)% of its", sentence).groups())
    assert (three, runs) == (_percent(row.containment_news), _percent(row.run_coverage))
    assert re.search(r"\*\*(.+?)\*\*", sentence).group(1) == row.derivation
    assert f"“{row.longest_run}”" in sentence


def _check_relayed(sentence, usage):
    used = usage[usage["relayed"] != ""]
    total, own, official = map(
        int,
        re.search(
            r"Of the (\d+) official .*? used, (\d+) .*? and (\d+) attributed", sentence
        ).groups(),
    )
    counts = used["relayed"].value_counts()
    assert (total, own, official) == (
        len(used),
        counts.get("own_voice", 0),
        counts.get("attributed_to_official", 0),
    )
    other = re.search(r"\((\d+) to another source\)", sentence)
    assert (int(other.group(1)) if other else 0) == counts.get("attributed_to_other", 0)
    headline = used.loc[used["used_in"] == "headline", "relayed"]
    assert ("The headline's claim" in sentence) == bool(len(headline))
    if (headline == "own_voice").any():
        assert "attributed to nobody" in sentence


def test_article_findings_agree_with_the_framing_tables(analysed):
    corpus, result, _ = analysed
    for news_id in _news_ids(corpus):
        text = findings.framing_findings(corpus, result, news_id)
        pairs = corpus.pairs[corpus.pairs["news_id"] == news_id]
        alignment = result.alignment[result.alignment["news_id"] == news_id]
        seen = set()
        for label, sentence in _parts(text):
            seen.add(label)
            if label in ("Up front", "Omitted", "Relayed"):
                official_id = _pair_of(sentence, pairs)
                usage = result.usage[
                    (result.usage["news_id"] == news_id)
                    & (result.usage["official_id"] == official_id)
                ]
                check = {
                    "Up front": _check_up_front,
                    "Omitted": _check_omitted,
                    "Relayed": _check_relayed,
                }[label]
                check(sentence, usage)
            elif label == "Sentences":
                _check_sentences(sentence, alignment)
            elif label == "Added":
                _check_added(sentence, alignment)
            elif label == "Verbs":
                _check_verbs(sentence, result.verbs[result.verbs["news_id"] == news_id])
            elif label == "Quotations":
                _check_quotations(sentence, result.quotes[result.quotes["news_id"] == news_id])
            elif label == "Reuse":
                _check_reuse(sentence, result.reuse, news_id)
            else:
                pytest.fail(f"a finding no reader checks: {label}")
        if len(pairs):
            # Each paired article states its sentences and its reuse of every official text.
            assert {"Sentences", "Reuse"} <= seen
            assert text.count("**Reuse.**") == len(pairs)
        else:
            assert not _parts(text)  # why there is nothing to compare, in plain words


def test_chart_titles_agree_with_their_tables(analysed):
    corpus, result, _ = analysed
    for news_id in _news_ids(corpus):
        labels = result.alignment.loc[result.alignment["news_id"] == news_id, "label"]
        counts = labels.value_counts()
        title = findings.label_finding(counts)
        if len(labels):
            sourced, total, added = map(int, re.findall(r"\d+", title))
            assert (total, added) == (len(labels), int((labels == "added").sum()))
            assert sourced == total - added

        usage = result.usage[result.usage["news_id"] == news_id]
        title = findings.usage_finding(usage)
        if len(usage):
            used, total, front, omitted = map(int, re.findall(r"\d+", title))
            place = usage["used_in"]
            assert (used, total) == (int((place != "omitted").sum()), len(usage))
            assert front == int(place.isin(["headline", "lede"]).sum())
            assert omitted == int((place == "omitted").sum())

        verbs = result.verbs[result.verbs["news_id"] == news_id]
        scored = verbs.dropna(subset=["shift"])
        title = findings.verb_finding(verbs)
        if len(scored):
            stronger, total = map(int, re.search(r"in (\d+) of (\d+)", title).groups())
            assert (stronger, total) == (int((scored["shift"] > 0).sum()), len(scored))
            shift = float(re.search(r"mean shift ([+-][\d.]+)", title).group(1))
            assert shift == pytest.approx(scored["shift"].mean(), abs=0.005)


def test_distinctive_words_title_agrees_with_the_words_table(analysed):
    corpus, result, _ = analysed
    for news_id in corpus.pairs["news_id"].unique():
        words = framing.distinctive_words(corpus, news_id, frame=result.units)
        title = findings.words_finding(words)
        if words.empty:
            continue
        (top, top_z), (bottom, bottom_z) = re.findall(
            r"“(.+?)” for the \w+.*? \(z=([+-][\d.]+)\)", title
        )
        ordered = words.sort_values("z", ascending=False, kind="stable")
        assert (top, float(top_z)) == (ordered["word"].iloc[0], round(ordered["z"].iloc[0], 2))
        assert (bottom, float(bottom_z)) == (
            ordered["word"].iloc[-1],
            round(ordered["z"].iloc[-1], 2),
        )
        reliable, total = map(int, re.search(r"(\d+) of (\d+) words", title).groups())
        assert (reliable, total) == (int((words["z"].abs() >= 1.96).sum()), len(words))


def _check_outlets(title, table):
    if len(table) < 2:
        articles, outlets = map(int, re.search(r"has (\d+) from (\d+)", title).groups())
        assert (articles, outlets) == (
            int(table["articles"].sum()) if len(table) else 0,
            len(table),
        )
        return
    most, high, least, low = re.match(
        r"(.+) reuses the official text most \((\d+)% .*\), (.+) least \((\d+)%\)", title
    ).groups()
    by_outlet = table.set_index("outlet")["containment"]
    assert (_percent(by_outlet[most]), _percent(by_outlet[least])) == (int(high), int(low))
    assert by_outlet[most] == by_outlet.max() and by_outlet[least] == by_outlet.min()


def _check_omissions(title, matrix):
    if matrix.empty:
        assert title.startswith("No official text")
        return
    used = (matrix != "omitted").sum(axis=1)
    if matrix.shape[1] < 2:
        assert title.startswith("Only one article")
        return
    articles, most, top, least, bottom = re.match(
        r"Of (\d+) articles, (\d+) used (#\d+) and (\d+) used (#\d+) of", title
    ).groups()
    counts = {row.split(":")[0]: n for row, n in used.items()}
    assert int(articles) == matrix.shape[1]
    assert (counts[top], counts[bottom]) == (int(most), int(least))
    assert (int(most), int(least)) == (used.max(), used.min())


def test_corpus_titles_agree_with_their_tables(analysed):
    _check_corpus_titles(*analysed)


def test_corpus_titles_agree_with_their_tables_across_outlets_and_months(many):
    corpus, result, mentions = many
    # This corpus reaches the comparisons themselves, not only the reasons for none.
    assert framing.outlet_summary(corpus, result)["outlet"].nunique() >= 2
    assert framing.omission_matrix(result).shape[1] >= 2
    for by in ("outlet", "month"):
        table = topics.attention(corpus, mentions, by=by)
        assert table[by].nunique() >= 2 and (table["share"] > 0).any()
    _check_corpus_titles(corpus, result, mentions)


def _check_corpus_titles(corpus, result, mentions):
    outlets = framing.outlet_summary(corpus, result)
    _check_outlets(findings.outlet_finding(outlets), outlets)
    matrix = framing.omission_matrix(result)
    _check_omissions(findings.omission_finding(matrix), matrix)
    for by in ("outlet", "month"):
        table = topics.attention(corpus, mentions, by=by)
        title = findings.attention_finding(table)
        if table[by].nunique() < 2:
            news = int(re.search(r"has (\d+) news article", title).group(1))
            assert news == table.attrs.get("news_articles", 0)
            continue
        if not (table["share"] > 0).any():
            assert (
                title
                == f"None of the {table.attrs['news_articles']} news articles mentions a topic of the lexicon"
            )
            continue
        # Read against the chart's own table: the attention matrix the notebooks show.
        shown = topics.attention_matrix(table)
        label, high, high_group, low, low_group = re.match(
            rf"Attention to (.+) varies most by {by}: (\d+)% of articles in (.+) against "
            r"(\d+)% in (.+)$",
            title,
        ).groups()
        column = shown.loc[:, label] if label in shown.columns else shown.loc[label]
        column.index = column.index.astype(str)
        assert (_percent(column[high_group]), _percent(column[low_group])) == (int(high), int(low))
        spreads = table.groupby("label")["share"].agg(lambda s: s.max() - s.min())
        assert spreads[label] == spreads.max()


def test_nmf_title_agrees_with_its_table(many):
    corpus = many[0]
    nmf = topics.nmf_topics(corpus)
    assert nmf.applies
    stable, total, seeds = map(
        int,
        re.match(r"(\d+) of (\d+) NMF topics .* (\d+) seeds", findings.nmf_finding(nmf)).groups(),
    )
    assert (stable, total, seeds) == (
        int((nmf.terms["stability"] >= 0.9).sum()),
        len(nmf.terms),
        len(nmf.seeds),
    )


# --- the corpus notebook and the topics notebook -------------------------------------------


def test_role_finding_agrees_with_the_words_by_role_table(analysed):
    corpus = analysed[0]
    table = display.words_by_role(corpus)
    finding = findings.role_finding(table)
    total = int(table["words"].sum())
    if not total:
        assert finding.startswith("No words")
        return
    assert int(re.search(r"of ([\d,]+) words", finding).group(1).replace(",", "")) == total
    shares = table["words"] / total  # indexed by role
    names = {
        "the journalist's own prose": "journalist",
        "official text": "official",
        "quotation blocks": "quote",
    }
    largest, listed = re.match(
        r"(.+?) is the largest voice: (.*) of [\d,]+ words", finding
    ).groups()
    stated = {names[name]: int(p) for name, p in re.findall(r"(.+?) (\d+)%(?:, )?", listed)}
    assert stated == {r: _percent(shares[r]) for r in names.values() if shares.get(r, 0) > 0}
    assert shares[names[largest.lower()]] == max(shares.get(r, 0) for r in names.values())


def test_topic_findings_agree_with_the_topic_tables(analysed):
    corpus, _, mentions = analysed
    for news_id in _news_ids(corpus):
        by_role = topics.coverage(corpus, mentions, by="role", article_id=news_id)
        finding = findings.coverage_finding(by_role)
        used = by_role[by_role["mentions"] > 0]  # the rows notebook 04 shows
        if used.empty:
            assert finding.startswith("No topic")
        else:
            counts = dict(
                re.findall(
                    r"(headline|the journalist's prose|official text|quotation blocks) (\d+)",
                    finding.split(";")[0],
                )
            )
            roles = {
                "headline": "headline",
                "the journalist's prose": "journalist",
                "official text": "official",
                "quotation blocks": "quote",
            }
            per_role = used.groupby("role")["topic"].nunique()
            assert {roles[k]: int(v) for k, v in counts.items()} == {
                r: int(n) for r, n in per_role.items() if r in roles.values()
            }
            if "only the official text mentions" in finding:
                only = re.findall(
                    r"([^,;]+?) \((\d+) per 1,000 words\)", finding.split("mentions", 2)[-1]
                )
                official = used[used["role"] == "official"].set_index("label")["per_1000_words"]
                for label, rate in only:
                    label = label.removeprefix(" and ").strip().removeprefix("and ")
                    assert f"{official[label]:.0f}" == rate

        voices = topics.compare_voices(corpus, mentions, news_id)
        gap = findings.gap_finding(voices)
        if voices.empty or (voices["status"] == "no official text").all():
            continue
        kept, total = map(int, re.search(r"kept (\d+) of the official text's (\d+)", gap).groups())
        status = voices["status"]
        assert kept == int((status == "both").sum())
        assert total == int(status.isin(["both", "dropped"]).sum())
        for word, state in (("dropped", "dropped"), ("added", "added")):
            listed = voices.loc[status == state, "label"]
            if listed.empty:
                assert f"{word} none" in gap
            else:
                assert all(label in gap for label in listed)
        order = findings.order_finding(voices)
        official = voices[voices["official_mentions"] > 0].sort_values("official_rank")
        if len(official):
            first = official.iloc[0]
            stated = re.search(r"official text opens with (.+?) \((\d+) mentions?", order)
            assert stated.groups() == (first["label"], str(first["official_mentions"]))
            if first["journalist_mentions"]:
                rank = int(re.search(r"at rank (\d+)", order).group(1))
                assert rank == first["journalist_rank"]


# --- the validation notebook ------------------------------------------------------------------


def _seed_labels(wrong: int) -> pd.DataFrame:
    """The seed's hand labels, with the first ``wrong`` journalist paragraphs relabelled."""
    labels = pd.read_csv(ROOT / "seeds" / "labels" / "labels.csv", dtype=str, keep_default_na=False)
    flip = labels.index[labels["label"] == "journalist"][:wrong]
    labels.loc[flip, "label"] = "official"
    return labels


@pytest.mark.parametrize("folder, wrong", [("seeds", 0), ("seeds", 2), ("validation", 0)])
def test_confusion_finding_agrees_with_the_confusion_matrix(folder, wrong, seed_corpus):
    if folder == "seeds":
        result = validate.validate(seed_corpus, _seed_labels(wrong))
    else:
        path = FIXTURES / "validation"
        result = validate.validate(analysis.load_corpus(path), path / "labels.csv")
    table = result.confusion()
    finding = findings.confusion_finding(table)
    values = table.to_numpy()
    every = re.match(r"All (\d+) labelled paragraphs get their gold role$", finding)
    if every:
        assert int(every.group(1)) == int(np.trace(values)) == int(values.sum())
        return
    right, total = map(int, re.search(r"(\d+) of (\d+) labelled", finding).groups())
    assert (right, total) == (int(np.trace(values)), int(values.sum()))
    error = re.search(r"error: (\d+) (\w+) paragraphs? taken for (\w+)$", finding)
    assert error, finding
    count, gold, predicted = error.groups()
    off = values.copy()
    np.fill_diagonal(off, 0)
    assert int(count) == off.max() == table.loc[gold, predicted]


# --- findings for the corpus, and the article told in detail ------------------------------------


def test_corpus_usage_finding_agrees_with_the_usage_by_article_table(analysed, many):
    for corpus, result, _ in (analysed, many):
        table = framing.usage_by_article(result.usage)
        finding = findings.corpus_usage_finding(table)
        if len(table) < 2:
            assert finding == ""  # one article: its own findings say it all
            continue
        numbers = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?!%)\b", finding)]
        articles, used, total = (
            len(table),
            int(table["used"].sum()),
            int(table["official_sentences"].sum()),
        )
        assert numbers[:3] == [articles, used, total], finding
        assert f"({used / total:.0%})" in finding
        assert f"{int(table['verbatim'].sum()):,} of them word for word" in finding
        assert f"{int(table['in_headline'].sum()):,} of the {articles:,} articles" in finding
        assert table.index.isin(corpus.articles["article_id"]).all()


def test_usage_by_article_counts_each_article_once():
    usage = pd.DataFrame(
        {
            "news_id": ["a", "a", "a", "b", "b"],
            "used": ["verbatim", "paraphrase", "omitted", "omitted", "omitted"],
            "used_in": ["headline", "body", "omitted", "omitted", "omitted"],
        }
    )
    table = framing.usage_by_article(usage)
    assert table.index.tolist() == ["a", "b"]  # most used first
    assert table.loc["a"].tolist() == [3, 2, 1, 1, 0.667, True]
    assert table.loc["b", "used"] == 0 and not table.loc["b", "in_headline"]
    finding = findings.corpus_usage_finding(table)
    assert finding.startswith("Across the 2 articles paired with an official text, 2 of the 5")
    assert finding.endswith(
        "1 of the 2 articles carries an official sentence in the headline, and 1 uses none"
    )


def test_the_article_in_focus_is_chosen_for_a_stated_reason(seed_corpus, fixture_corpus):
    article, why = display.focus_article(seed_corpus)
    assert (article, why) == ("000_aeb9b40009e01b77", "the corpus's only news article")
    result = framing.framing_of(fixture_corpus)
    table = framing.usage_by_article(result.usage)
    article, why = display.focus_article(fixture_corpus, result.usage)
    assert article == table.index[0] and article != display.default_article_id(fixture_corpus)
    used, total = table.loc[article, ["used", "official_sentences"]].astype(int)
    assert (
        why
        == f"the news article that uses the most sentences of its official text ({used} of {total})"
    )
    named = fixture_corpus.articles["article_id"].iloc[-1]
    assert display.focus_article(fixture_corpus, result.usage, named) == (
        named,
        "the article named by the `article_id` parameter",
    )
    with pytest.raises(KeyError):
        display.focus_article(fixture_corpus, result.usage, "no-such-article")
    unpaired, why = display.focus_article(fixture_corpus)
    assert why.startswith("the longest news article (")


def test_corpus_wide_sentences_say_so_and_only_for_many():
    assert findings.corpus_interval_finding("The journalist's grade is higher", 12) == (
        "Across all 12 documents, the journalist's grade is higher"
    )
    assert findings.corpus_interval_finding("The journalist's grade is higher", 1) == ""
    assert findings.corpus_coverage_finding("Topics mentioned: headline 2", 5) == (
        "Across the 5 news articles, topics mentioned: headline 2"
    )
    assert findings.corpus_coverage_finding("", 5) == ""
