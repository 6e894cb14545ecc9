"""Speaker readings of real news, in our own words: a verb after a quotation left open, and others."""

import pytest

from analysis.segment import paragraph_spans
from analysis.segment.quotes import find_quotations
from analysis.segment.speakers import attribute_speakers
from analysis.text import sentence_spans

RULE = "speaker and a verb after a quotation its comma leaves open"


def attributed(text):
    """(quotation, speaker, speaker as written, cue, evidence) of each quotation."""
    blocks = paragraph_spans(text)
    found = find_quotations(text, blocks)
    sentences = [s for lo, hi in blocks for s in sentence_spans(text, lo, hi)]
    attribute_speakers(text, found, sentences)
    return [
        (text[q.start : q.end], q.speaker, q.speaker_as_written, q.cue, q.speaker_evidence)
        for q in found
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "“If they meant it, they would have asked us,” Ida Berg fumed on Tuesday.",
            "Ida Berg",
            "fumed",
        ),
        ("“We will not pay for it,” the harbour master barked.", "the harbour master", "barked"),
        ("“Norland!” the crowd screamed back.", "the crowd", "screamed back"),
        (
            "“Who pays for the pier?” this Berg look-alike demanded of the room.",
            "this Berg look-alike",
            "demanded",
        ),
        # The cue first, and the name in apposition to a description.
        ("“We are done here,” exhorted the host, Tom Lund.", "Tom Lund", "exhorted"),
        # British style: the comma after the closing mark.
        ("“We are done here”, Ida Berg shrugged.", "Ida Berg", "shrugged"),
    ],
)
def test_any_past_tense_after_a_quotation_left_open_names_its_speaker(text, speaker, cue):
    [(_, found, _, found_cue, evidence)] = attributed(text)
    assert (found, found_cue, evidence) == (speaker, cue, RULE)


def test_the_next_quotation_goes_on_with_that_speaker():
    text = "“If they meant it, they would have asked us,” Berg fumed. “That was bad faith.”"
    assert [row[1] for row in attributed(text)] == ["Berg", "Berg"]


@pytest.mark.parametrize(
    "text",
    [
        # Inside a sentence the comma is the sentence's own.
        "Cole called him a “moderate,” a dig at a man who came in as a rebel.",
        "As Lund pledged to fight “the sea wall,” many in the audience appeared to warm.",
        # A plural noun, a relative clause and "was" are no verbs of speech.
        "“Harbour Nights,” the old TV series.",
        "“Harbour Days,” a show that first aired in 1990.",
        "“Harbour Days,” the plan was.",
        # A quotation that ends its sentence leaves nothing open.
        "“We are done.” Tom Lund left the room.",
    ],
)
def test_no_verb_names_a_speaker_where_the_quotation_is_not_left_open(text):
    assert all(row[4] != RULE for row in attributed(text))


def test_a_crowd_is_no_named_person_a_pronoun_stands_for():
    text = (
        "Tom Lund spoke at the pier. “Who pays?” Lund asked. “Norland!” the crowd "
        "screamed back. “Right,” he said."
    )
    assert [row[1] for row in attributed(text)] == ["Tom Lund", "the crowd", "Tom Lund"]


def test_a_question_s_speaker_opens_a_long_sentence_after_it():
    # The sentence after the question runs on past the speaker line; its opening is read.
    text = (
        "“Will the pier be open by June?” Lund asked, turning to the harbour master, who "
        "had spent the whole morning on the telephone with the ferry company."
    )
    [(_, speaker, _, cue, _)] = attributed(text)
    assert (speaker, cue) == ("Lund", "asked")


@pytest.mark.parametrize(
    ("text", "speaker", "evidence"),
    [
        # The cue opening the sentence, the speaker after it.
        (
            "The house is a museum now. Said Ida Berg, who grew up by the pier, “We were proud.”",
            "Ida Berg",
            "the cue then its speaker just before the quotation",
        ),
        # "As X put it" with a lower-case description before the name.
        (
            "But then, as harbour prosecutor Marc Berg put it, “there was little to charge.”",
            "Marc Berg",
            "'as X put it' before the quotation",
        ),
        # A conjunction opening a phrase of its own before the subject of a colon's clause.
        (
            "But back home, Lund returned to his old lines: “It is Harbour First!”",
            "Lund",
            "the subject of the clause a colon closes before the quotation",
        ),
    ],
)
def test_speaker_forms_of_features_and_colons(text, speaker, evidence):
    [(_, found, _, _, how)] = attributed(text)
    assert (found, how) == (speaker, evidence)


def test_a_cue_beside_a_quotation_is_never_read_in_the_next_paragraph():
    text = (
        "Harbour news\n\nThe pier closed on Monday. “We will not pay.”\n\n"
        "Mayor Lund issued a short note on Tuesday.\n"
    )
    quotes = loaded_quotes(text)
    assert quotes["speaker"].tolist() == [""]


def loaded_quotes(text):
    """The quotes frame of one article loaded whole (reported speech and the cue model too)."""
    import tempfile
    from pathlib import Path

    from analysis import load_corpus

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "a.txt").write_text(text, encoding="utf-8")
        return load_corpus(folder).quotes


def test_a_cue_and_a_phrase_after_a_quotation_inside_a_sentence_are_the_sentence_s_own():
    # "described the strain" is the sentence's verb and object, not "…,” said a pilot".
    text = "Lund, who puts his costs “in the seven figures,” described the strain as severe."
    [(_, speaker, written, _, _)] = attributed(text)
    assert "strain" not in written
    # After a quotation opening its sentence the cue first still names a described speaker.
    [(_, speaker, _, cue, _)] = attributed("“We are ready,” said a harbour official.")
    assert (speaker, cue) == ("a harbour official", "said")
