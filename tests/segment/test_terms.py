"""Titles of works and terms held at arm's length are quoted words nobody said."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.schema import TERM_COLUMNS, TERM_KINDS


def corpus(body: str):
    text = f"Harbour news today\n\n{body}\n"
    return text, load_corpus(pd.DataFrame({"article_id": ["a"], "text": [text]}))


@pytest.mark.parametrize(
    ("body", "words", "kind"),
    [
        (
            "The mayor spoke on Harbour Radio’s “Morning Tide” about the dredging.",
            "Morning Tide",
            "title",
        ),
        (
            "“We are ready,” the mayor said on “Meet the Pilots” on Sunday.",
            "Meet the Pilots",
            "title",
        ),
        ("She sat down for the “Quay Side” podcast last week.", "Quay Side", "title"),
        ("According to “The Salt Road,” the pilots struck in 1990.", "The Salt Road,", "title"),
        ("Lund posted from an account called “Ferries First” on Friday.", "Ferries First", "title"),
        ("His memoir, titled “The Long Channel,” sold well.", "The Long Channel,", "title"),
        # A common noun's possessive, a work named before its comma, "the author of".
        ("Ruiz, the star of television’s “Pier Nine,” backed the plan.", "Pier Nine,", "title"),
        ("The film, “Ten Winters at Sea,” opens on Friday.", "Ten Winters at Sea,", "title"),
        ("Said Jo Lund, author of “The Salt Road,” at the launch.", "The Salt Road,", "title"),
        ("The council dropped the so-called “harbour tax” in March.", "harbour tax", "term"),
        (
            "Critics objected to the phrase “managed retreat” in the plan.",
            "managed retreat",
            "term",
        ),
        # A kind of work with a word of its own, or a song named as an anthem.
        ("Ruiz once hosted “The Night Ferry” TV show.", "The Night Ferry", "title"),
        ("The pilots’ anthem “Hold the Line” played twice.", "Hold the Line", "title"),
        # A name before the thing it names: a campaign, a rally, hats.
        ("The defeated “Stay Afloat” campaign conceded on Friday.", "Stay Afloat", "title"),
        ("Pilots burned their “make the harbour great” hats.", "make the harbour great",
         "title"),
        # A show an interview was given to, or a network's show; a book to be published.
        ("Lund said in an interview with “Harbour News Sunday.”", "Harbour News Sunday.",
         "title"),
        ("The mayor told “Ferry and Friends” that the pier was safe.", "Ferry and Friends",
         "title"),
        ("Lund backed her in an interview on HBC’ “60 Minutes.”", "60 Minutes.", "title"),
        ("A press is set to publish “Lund Revealed,” a life of the mayor.", "Lund Revealed,",
         "title"),
    ],
)  # fmt: skip
def test_titles_and_terms_leave_quotes(body, words, kind):
    text, c = corpus(body)
    (term,) = c.terms.itertuples()
    assert (term.text, term.kind) == (words, kind)
    assert text[term.start : term.end] == term.text
    assert term.evidence
    assert words not in set(c.quotes["text"])  # never a quotation, never a speaker


@pytest.mark.parametrize(
    "body",
    [
        "“We are ready,” said Dana Ruiz, the harbour master.",
        "The mayor called the plan “a fair deal” on Monday.",
        "Ruiz said the pilots were “Ready For Anything” that winter.",  # title case, not a work
        # One word in lower case before a noun is an adjective, said by someone.
        "Lund vowed to fix the port’s “broken” campaign finance rules, she said.",
        # Said aloud: chants are speech.
        "The crowd broke into “Close the port” chants, Ruiz said.",
        # Somebody's name for a thing, not a thing introduced by its name.
        "The inquiry is what a spokesman called “A Witch Hunt Against Pilots,” Ruiz said.",
        "What a spokesman called “A Witch Hunt Against Pilots” has ended, Ruiz said.",
        "The inquiry is what a Harbour Ministry spokeswoman called “A Witch Hunt,” Ruiz said.",
        "Lund mocked Reyes, a man he called “Little Captain” all winter, Ruiz said.",
        "A port spokesman called “Nonsense” the claim that ferries were late, Ruiz said.",
    ],
)
def test_speech_stays_a_quotation(body):
    _, c = corpus(body)
    assert c.terms.empty
    assert len(c.quotes) == 1


def test_the_terms_frame_has_the_documented_columns():
    _, c = corpus("She sat down for the “Quay Side” podcast last week.")
    assert list(c.terms.columns) == list(TERM_COLUMNS)
    assert set(c.terms["kind"]) <= set(TERM_KINDS)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("The port sells itself as a “gateway” to the north.", "gateway"),
        ("Work on the channel became a “harbour question” that year.", "harbour question"),
    ],
)
def test_a_word_or_two_that_nobody_says_is_a_term(body, words):
    text, c = corpus(body)
    (term,) = c.terms.itertuples()
    assert (term.text, term.kind) == (words, "term")
    assert "nobody is said to say" in term.evidence
    assert text[term.start : term.end] == words
    assert c.quotes.empty


@pytest.mark.parametrize(
    ("body", "words"),
    [
        # A speaker: a fragment of speech.
        ("Ruiz called the plan “reckless” on Monday.", "reckless"),
        # Reported speech carries it: a fragment of what was said.
        ("Ruiz said the harbour was “fully ready” for the ships.", "fully ready"),
        # Three words and more with no speaker: speech is the likelier reading.
        ("The notice read “closed until spring” all winter.", "closed until spring"),
        # In title case: a sentence inside is speech, though each word has a capital.
        (
            "The banner read “Stop The Ferry. Save The Pier.” all week.",
            "Stop The Ferry. Save The Pier.",
        ),
        # Said by someone: a quotation.
        ("“Ferries First And Always,” Ruiz told the crowd.", "Ferries First And Always,"),
        # Not in title case: three words and more stay speech.
        ("The notice read “Closed until the spring” all winter.", "Closed until the spring"),
    ],
)
def test_short_speech_stays_a_quotation(body, words):
    _, c = corpus(body)
    assert c.terms.empty
    assert list(c.quotes["text"]) == [words]


def test_the_attributions_point_at_the_renumbered_quotations():
    body = (
        "The port sells itself as a “gateway” to the north. "
        "“We are ready,” said Dana Ruiz, the harbour master."
    )
    _, c = corpus(body)
    assert list(c.terms["text"]) == ["gateway"]
    (quote,) = c.quotes.itertuples()
    (direct,) = c.attributions[c.attributions["kind"] == "direct"].itertuples()
    assert direct.quote_no == quote.quote_no == 0
    assert (direct.start, direct.end) == (quote.start, quote.end)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("The mayor's new comedy is in the style of “The Harbour Years.”", "The Harbour Years."),
        (
            "Her aide left the council for “Good Morning Ostrava” last spring.",
            "Good Morning Ostrava",
        ),
    ],
)
def test_a_name_in_title_case_that_nobody_says_is_a_title(body, words):
    text, c = corpus(body)
    (term,) = c.terms.itertuples()
    assert (term.text, term.kind) == (words, "title")
    assert "title case" in term.evidence
    assert c.quotes.empty


@pytest.mark.parametrize(
    "body",
    [
        # Told someone, then words in title case: what was told, not a show.
        "Lund told reporters, “We Will Win.”",
        # A title-case slogan said in a town, not on a network.
        "Lund said in Harbourtown, “Stop The Ferry. Save The Pier.”",
    ],
)
def test_title_case_words_told_or_said_somewhere_stay_speech(body):
    _, c = corpus(body)
    assert c.terms.empty and len(c.quotes) == 1


def test_a_word_whose_speaker_is_only_carried_over_is_a_term():
    # Nobody is said to say "plan" in its sentence: the speaker of the quotation
    # before is carried over to it by no cue there.
    _, c = corpus("“We will fix it,” Lund said on Monday. The “plan” was dropped in March.")
    assert c.quotes["text"].tolist() == ["We will fix it,"]
    assert c.terms[["text", "kind"]].values.tolist() == [["plan", "term"]]
    assert set(c.attributions["quote_no"]) <= {-1, 0}


def test_a_word_that_is_its_own_sentence_goes_on_with_the_speaker():
    _, c = corpus("“We will fix it,” Lund said on Monday. “Soon.”")
    assert c.quotes["speaker"].tolist() == ["Lund", "Lund"] and c.terms.empty
