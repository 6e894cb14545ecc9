"""corpus.attributions: every attribution, quoted or reported, with its source, cue and content.

Sentences of our own, in the forms news prints reported speech in.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.schema import ATTRIBUTION_COLUMNS
from analysis.segment import find_quotations


def attributions(body: str) -> pd.DataFrame:
    text = f"Harbour news today\n\n{body}\n"
    corpus = load_corpus(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    found = corpus.attributions
    for row in found.itertuples():  # every offset indexes the article's text
        assert text[row.start : row.end] == row.text
        if row.source_start >= 0:
            assert text[row.source_start : row.source_end] == row.source_as_written
        if row.cue_start >= 0:
            assert " ".join(text[row.cue_start : row.cue_end].split()) == row.cue
    return found


@pytest.mark.parametrize(
    ("body", "kind", "content", "source", "cue"),
    [
        (
            "Officials said on Tuesday that the harbour talks would resume.",
            "indirect",
            "the harbour talks would resume",
            "Officials",
            "said",
        ),
        (
            "The port will stay open through the winter, the mayor said.",
            "indirect",
            "The port will stay open through the winter",
            "the mayor",
            "said",
        ),
        (
            "According to the council, repairs will cost more than planned.",
            "indirect",
            "repairs will cost more than planned",
            "the council",
            "According to",
        ),
        (
            "Repairs will cost more than planned, according to the council.",
            "indirect",
            "Repairs will cost more than planned",
            "the council",
            "according to",
        ),
        (
            "Several harbour pilots told reporters that the channel was too shallow.",
            "indirect",
            "the channel was too shallow",
            "Several harbour pilots",
            "told",
        ),
        (
            "Dana Ruiz, the harbour master since 2019, warned that the quay could flood.",
            "indirect",
            "the quay could flood",
            "Dana Ruiz",
            "warned",
        ),
        (
            "The ferry company ordered two boats and said the service would double.",
            "indirect",
            "the service would double",
            "The ferry company",
            "said",
        ),
        (
            "Six in 10 residents said the harbour was safer than a year ago.",
            "indirect",
            "the harbour was safer than a year ago",
            "Six in 10 residents",
            "said",
        ),
        (
            "About 40 boats sailed last year, according to harbour records.",
            "indirect",
            "About 40 boats sailed last year",
            "harbour records",
            "according to",
        ),
        (
            "The harbour union rejected the plan, saying the channel was still too shallow.",
            "indirect",
            "the channel was still too shallow",
            "The harbour union",
            "saying",
        ),
        (
            "''We are ready,'' said Mr. Ruiz, the harbour master.",
            "direct",
            "We are ready,",
            "Ruiz",  # the speaker rules drop titles
            "said",
        ),
        (
            "“We are ready,” said Dana Ruiz, the harbour master.",
            "direct",
            "We are ready,",
            "Dana Ruiz",
            "said",
        ),
        (
            "Dana Ruiz said the harbour talks were “a fair deal for everyone.”",
            "mixed",
            "the harbour talks were “a fair deal for everyone",
            "Dana Ruiz",
            "said",
        ),
    ],
)
def test_each_form_of_attribution(body, kind, content, source, cue):
    found = attributions(body)
    assert len(found) == 1, found[["kind", "text"]]
    row = found.iloc[0]
    assert (row["kind"], row["text"], row["source_as_written"], row["cue"]) == (
        kind,
        content,
        source,
        cue,
    )
    assert row["evidence"]


def test_a_quotation_inside_reported_speech_takes_its_source():
    text = "Harbour news today\n\nIn a survey, officials said the channel was “far too shallow”.\n"
    corpus = load_corpus(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    (quote,) = corpus.quotes.itertuples()
    assert (quote.speaker, quote.speaker_as_written) == ("officials", "officials")
    assert quote.speaker_evidence.startswith("inside reported speech")
    (row,) = corpus.attributions.itertuples()
    assert (row.kind, row.quote_no) == ("mixed", 0)


def test_no_attribution_without_a_source_and_a_cue():
    assert attributions("The ferry was late again, and the quay was wet.").empty
    assert attributions("The channel is said to be shallow.").empty  # no one says it


def test_a_pronoun_resolves_to_the_person_named_before():
    found = attributions(
        "Dana Ruiz, the harbour master, met the pilots on Monday.\n\n"
        "She said the channel would be dredged in the spring."
    )
    row = found.iloc[-1]
    assert (row["source_as_written"], row["source"]) == ("She", "Dana Ruiz")
    assert "pronoun" in row["evidence"]


def test_a_quotation_and_its_attribution_are_one_decision():
    found = attributions("“The quay will flood,” the harbour master Dana Ruiz said.")
    corpus_quote = find_quotations  # the quotation finder is the attribution's source of words
    assert corpus_quote is not None
    row = found.iloc[0]
    assert (row["kind"], row["source"], row["quote_no"]) == ("direct", "Dana Ruiz", 0)


def test_the_frame_has_the_documented_columns():
    assert list(attributions("Officials said the talks would resume.").columns) == list(
        ATTRIBUTION_COLUMNS
    )
