"""Time to load and segment grows in step with the text, for every shape of paragraph.

A paragraph of a transcript, a scraped list or a broken export can hold shapes
that prose never does: thousands of apostrophes or quotation marks, marks that
never close, runs of capitalised words, lines of dashes, one token of thousands
of characters. A pattern that backtracks,
or a rule that rescans the paragraph for each quotation, takes time in the square
of such a paragraph's length; a 90,000-character one then never finishes.

Each shape is loaded (``load_corpus``, which segments it: blocks, roles, sentences,
quotations, speakers) at 5,000 and at 50,000 characters, in one run: ten times the
text may take at most twenty times as long. A ratio, not a wall-clock limit, so a
slow machine passes and a quadratic scan (a hundred times) does not.
"""

from __future__ import annotations

import time

import pandas as pd
import pytest

from analysis import load_corpus

SMALL, LARGE = 5_000, 50_000
MAX_RATIO = 20  # ten times the text: linear is 10, quadratic 100

# Each shape is repeated to the length wanted, as one paragraph (or, with line
# breaks in it, as many short ones) between a headline and a closing paragraph.
SHAPES = {
    # apostrophes and single marks, in a text with no double marks (the old trap)
    "apostrophes": "it's the people's 'view' and ",
    "single marks that open": " 'word",
    "single marks that close": "word' ",
    "curly single marks": "the ‘people’s ’view‘ ",
    "apostrophes and a cue": "it's Smith's 'view' said Jones ",
    # double marks that never close or never open, of every kind
    "straight marks": ' "word',
    "straight marks closing": 'word" ',
    "curly opening marks": " “word",
    "curly closing marks": "word” ",
    "guillemets": " «word",
    "every kind of mark": ' "a‘ b’ «c» “d ',
    "paragraphs opening a quotation": "“Yes and no\n\n",
    # thousands of quotations, with and without cues
    "straight quotations": ' "Yes," he said. ',
    "curly quotations": " “Yes,” said Smith. ",
    "quotations with cues": ' "word" said Smith, ',
    "quotations and pronouns": " “Yes,” he said. She said “no.” ",
    "quotations and titles": " “Yes,” the Prime Minister said. Prime Minister Jo Smith ",
    "quotations of capitalised words": " “Big Red Apple Tree” said Big Red Apple Tree, ",
    "according to": " according to Smith “yes” ",
    "introducing lines": "The minister said:\n“Yes.”\n",
    "quotation paragraphs": "“Yes,” he said.\n\n",
    # names, titles and cues without quotations
    "capitalised words": "Big Red Apple Tree ",
    "capitalised words and cues": "John Smith Said ",
    "titles": "President Minister Secretary ",
    "cues": ", he said, ",
    "colons": "Smith: ",
    "datelines": "WASHINGTON, Jan 5 (Reuters) - ",
    # lines of furniture
    "a line of dashes": "-",
    "dashes": "— ",
    "bullets": "• ",
    "lines of dashes": "------------------------------\n",
    "bullet lines": "• Item one of the list\n",
    "short paragraphs": "Word.\n\n",
    "title-case lines": "Leaders Meet In Geneva Today\n\n",
    "headline-like lines": "leaders meet today\n\n",
    "byline lines": "By John Smith, Reuters\n\n",
    "date lines": "January 5, 2021\n\n",
    "caption lines": "Photo: Getty Images\n\n",
    "official text lines": "Readout of the call\n\nThe President spoke with the Prime Minister.\n\n",
    "hashes": "### ",
    # one long token, a word of few words but many characters (a blob, a long URL)
    "one long word": "x",
    "a run of capitals": "A",
    "a run of pipes": "|",
    "a run of dots": ".",
    "a run of slashes": "/",
    "a run of closing marks": "”",
    "a run of apostrophes": "'",
    "a run of bullets": "•",
    "a run of guillemets": "»",
    "a run of digits": "1",
    "a breadcrumb": "Home > News > ",
    # reported speech without end: cues, subjects, appositions, tails
    "cues and capitalised words": "Officials said Big Red Apple Tree ",
    "shared subjects": "the ferry sailed and said ",
    "appositions": "Smith, a pilot, said ",
    "according to the council": "according to the council, ",
    "tails": "the port is open, the mayor said, ",
    "typed double marks": "''Yes,'' said Smith. ",
}


def article(unit: str, length: int) -> pd.DataFrame:
    body = (unit * (length // len(unit) + 1))[:length]
    text = f"A headline about the talks\n\n{body}\n\nThe end of the article, said Smith.\n"
    return pd.DataFrame({"article_id": ["x"], "text": [text]})


def seconds(frame: pd.DataFrame, repeats: int) -> float:
    """The fastest of ``repeats`` loads: the least disturbed by anything else running."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        load_corpus(frame, max_line_chars=10 * LARGE)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("unit", SHAPES.values(), ids=SHAPES.keys())
def test_ten_times_the_text_takes_at_most_twenty_times_as_long(unit):
    small, large = article(unit, SMALL), article(unit, LARGE)
    seconds(small, 1)  # warm: imports and compiled patterns are not the shape's cost
    ratio = seconds(large, 2) / seconds(small, 3)
    assert ratio <= MAX_RATIO, f"{ratio:.0f} times as long for ten times the text"
