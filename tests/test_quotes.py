import pytest

from analysis.quotes import attribute_speakers, clean_speaker, find_quotations
from analysis.segment import paragraph_spans
from analysis.text import sentence_spans


def quotes_of(text):
    blocks = paragraph_spans(text)
    found = find_quotations(text, blocks)
    sentences = [s for lo, hi in blocks for s in sentence_spans(text, lo, hi)]
    attribute_speakers(text, found, sentences)
    return [(text[q.start : q.end], q.speaker, q.cue) for q in found]


def test_seed_sentence_two_quotes_one_cue():
    text = (
        "White House Press Secretary Jen Psaki told reporters Monday that the administration "
        "is closely watching “increasing aggression of Russian forces on the border,” and "
        "“remain in touch with Ukrainian officials at a range of levels.”"
    )
    assert quotes_of(text) == [
        ("increasing aggression of Russian forces on the border,", "Jen Psaki", "told reporters"),
        (
            "remain in touch with Ukrainian officials at a range of levels.",
            "Jen Psaki",
            "told reporters",
        ),
    ]


def test_cue_forms_and_pronoun_and_continuation():
    text = (
        "“We are watching closely,” Psaki said.\n\n"
        "“We will act firmly,” said Antony Blinken.\n\n"
        "“It is a serious moment. We expect restraint,” he added. “Nothing is off the table.”\n\n"
        'The Kremlin said in a statement that "the talks were frank."\n\n'
        "“No comment,” according to a Kremlin spokesman."
    )
    assert quotes_of(text) == [
        ("We are watching closely,", "Psaki", "said"),
        ("We will act firmly,", "Antony Blinken", "said"),
        ("It is a serious moment. We expect restraint,", "Antony Blinken", "added"),
        ("Nothing is off the table.", "Antony Blinken", ""),
        ("the talks were frank.", "Kremlin", "said in a statement"),
        ("No comment,", "a Kremlin spokesman", "according to"),
    ]


def test_multi_paragraph_quotation_gives_one_row_per_block():
    text = "The statement said:\n\n“First paragraph of it.\n\n“Second paragraph of it.”\n\nAfter."
    found = quotes_of(text)
    assert [q[0] for q in found] == ["First paragraph of it.", "Second paragraph of it."]


def test_stray_straight_mark_is_not_a_quotation():
    assert quotes_of('The screen measured 12" across.') == []


def test_clean_speaker():
    assert clean_speaker("White House Press Secretary Jen Psaki") == "Jen Psaki"
    assert clean_speaker("the White House") == "White House"
    assert clean_speaker("Russian Foreign Minister Sergei Lavrov") == "Sergei Lavrov"
    assert clean_speaker("She") == "she"


def test_speaker_described_by_a_who_clause_is_the_name_before_it():
    text = (
        "Kishida, who is on a five-nation tour ahead of the summit he will host in "
        "Hiroshima, said the allies faced “the most severe security environment.”\n\n"
        "“We are ready,” he said.\n\n"
        "Biden said the talks were “excellent.”"
    )
    assert quotes_of(text) == [
        ("the most severe security environment.", "Kishida", "said"),
        ("We are ready,", "Kishida", "said"),
        ("excellent.", "Biden", "said"),
    ]


def test_a_who_clause_elsewhere_leaves_the_speaker_alone():
    text = "Putin told Scholz, who had called him, that the strikes were “inevitable.”"
    assert quotes_of(text) == [("inevitable.", "Putin", "told Scholz")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle clause or an age between the speaker and the cue.
        ("Blinken, speaking in Brussels, said: “NATO is united.”", ("Blinken", "said")),
        ("Scholz, 64, said the decision was “long overdue.”", ("Scholz", "said")),
        # A description opening the sentence, and a possessive one.
        ("The ministry said the talks were “constructive”.", ("the ministry", "said")),
        (
            "China’s foreign ministry criticised the plan, saying Japan was “hyping up” tensions.",
            ("China’s foreign ministry", "saying"),
        ),
        # A participle cue after the quotation: the subject opening the sentence speaks.
        (
            "Lavrov accused the West of “hysteria,” saying Moscow had no plans to invade.",
            ("Lavrov", "saying"),
        ),
        ("According to Peskov, “the dialogue will continue.”", ("Peskov", "according to")),
        # The day between speaker and cue, in wire style; a dateline before the subject.
        ("Biden on Friday said the talks were “good.”", ("Biden", "said")),
        (
            "WASHINGTON, Feb 9 (Reuters) - U.S. President Daniel Harlan on Thursday praised "
            "the plan, telling Sakamoto that the alliance had “never been stronger.”",
            ("Daniel Harlan", "telling"),
        ),
    ],
)
def test_speaker_patterns_of_wire_copy(text, expected):
    [(_, speaker, cue)] = quotes_of(text)
    assert (speaker, cue) == expected


def test_a_participle_without_a_subject_names_no_one():
    assert quotes_of("Shortly after, saying “enough,” the crowd left.") == [("enough,", "", "")]
