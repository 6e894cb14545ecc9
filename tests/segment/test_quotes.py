from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.segment import paragraph_spans
from analysis.segment.names import clean_speaker
from analysis.segment.quotes import find_quotations
from analysis.segment.speakers import attribute_speakers
from analysis.text import sentence_spans

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"


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


def test_a_sentence_adverb_or_a_bare_determiner_is_no_speaker():
    # Capitalised as a sentence's first word, these name no one on their own.
    for word in ("Thus", "Hence", "Moreover", "Those", "His", "Their", "Such", "Your"):
        assert clean_speaker(word) == "", word
    assert clean_speaker("Thus Reyes") == "Reyes"  # an opening adverb, then the name
    assert clean_speaker("Nevertheless Senator Ana Lund") == "Ana Lund"


def test_a_sentence_opened_by_an_adverb_gives_its_quotation_no_adverb_for_speaker():
    texts = [
        "Thus the harbour board praised “a fair settlement” for the docks.\n",
        "Thus began what the harbour board has since praised as “a fair deal” for the docks.\n",
    ]
    speakers_of = [loaded_quotes(text)["speaker"].tolist() for text in texts]
    assert speakers_of == [["the harbour board"], [""]]


def test_a_name_s_place_or_body_after_of_is_no_part_of_it():
    assert clean_speaker("Senator Ana Lund of Maine") == "Ana Lund"
    assert clean_speaker("Jeff Hart of the Harbour Institute") == "Jeff Hart"
    # After a title or an institution's word, "of" is part of it.
    assert clean_speaker("Secretary of State John Kerry") == "John Kerry"
    assert clean_speaker("Russian Ministry of Defence") == "Russian Ministry of Defence"


def test_a_body_named_with_of_and_a_name_with_particles_stay_whole():
    # Lower-case "of" and a name's particles are no titles: nothing after them is cut.
    assert clean_speaker("Bank of the Harbour") == "Bank of the Harbour"
    assert clean_speaker("University of Westmark") == "University of Westmark"
    assert clean_speaker("Ana van der Berg") == "Ana van der Berg"
    assert clean_speaker("Louis de Marais") == "Louis de Marais"
    # A title's place or body is passed over to reach the name after it.
    assert clean_speaker("Prime Minister of Westmark Ana Ruiz") == "Ana Ruiz"
    assert clean_speaker("President of the Harbour Commission Jo Hart") == "Jo Hart"
    assert clean_speaker("Duke of Westmark") == "Duke of Westmark"  # how he is named


def test_a_surname_that_is_also_a_title_is_a_name():
    assert clean_speaker("Mr. King") == "King"
    assert clean_speaker("Rep. Tess King") == "Tess King"
    assert clean_speaker("the Harbour King") == "the Harbour King"  # a description still
    [(_, speaker, _)] = quotes_of("“The vote is close,” Mr. King said.")
    assert speaker == "King"


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
        # An apposition between the name and its cue after the quotation.
        (
            "“The count is final,” Ida Lund, the harbour board's secretary, said on Monday.",
            ("Ida Lund", "said"),
        ),
        # The cue first, later in the sentence, after the quotation's own clause.
        (
            "“We are relieved” about the new berths, said Tomas Reyes, a ferry pilot.",
            ("Tomas Reyes", "said"),
        ),
        # A campaign's people are described by their role; so are people in the street.
        ("“It is over,” the campaign manager said.", ("the campaign manager", "said")),
        ("“It is over,” one harbour supporter wrote.", ("one harbour supporter", "wrote")),
        # Verbs of speech beyond "said", and present forms.
        ("“Let me talk,” Reyes shot back.", ("Reyes", "shot back")),
        (
            "The harbour workers argue that the berths should “stay open.”",
            ("the harbour workers", "argue"),
        ),
    ],
)
def test_speaker_patterns_of_wire_copy(text, expected):
    [(_, speaker, cue)] = quotes_of(text)
    assert (speaker, cue) == expected


def test_a_participle_without_a_subject_names_no_one():
    assert quotes_of("Shortly after, saying “enough,” the crowd left.") == [("enough,", "", "")]


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


def speakers(text):
    return [row[1] for row in attributed(text)]


def test_a_run_of_quotations_continues_one_standing_alone():
    text = (
        "The mayor spoke to reporters on Monday. “We have to fix the pier.” "
        "“We have to be quicker.” “We are not moving fast enough.”\n"
    )
    assert loaded_quotes(text)["speaker"].tolist() == ["the mayor", "the mayor", "the mayor"]


def test_a_pronoun_source_of_reported_speech_is_its_quotation_s_speaker_as_written():
    text = "Even at their kindest, they write, the new pier has “added little of value.”\n"
    quotes = loaded_quotes(text)
    # As written, resolved to no one, as "“…,” they said" is.
    assert quotes[["speaker", "speaker_as_written"]].values.tolist() == [["", "they"]]


def loaded_quotes(text):
    """The quotes frame of one article loaded whole (speakers, reported speech and all)."""
    import pandas as pd

    from analysis import load_corpus

    return load_corpus(pd.DataFrame({"article_id": ["a"], "text": [text]})).quotes


def test_a_later_clause_that_names_its_subject_gives_the_speaker():
    text = "Tom Reyes spoke first on the pier, but Ana Lund called the plan “a disgrace.”\n"
    assert speakers(text) == ["Ana Lund"]
    # A pronoun there stands for the sentence's subject, who is named.
    text = "Jo Hart said the board had not called, though she thought the plan “a good one.”\n"
    assert speakers(text) == ["Jo Hart"]


def test_reported_speech_in_the_quotation_s_sentence_beats_the_source_of_the_one_before():
    # The speaker rules know no cue in "protested that" and "writing": they took the
    # source of the sentence before; the cue model's reported speech names the speaker.
    text = (
        "Reyes said the pier would close. The harbour board protested that the mayor's "
        "aides were being “disingenuous” about the pier.\n\n"
        "The mayor said the ferry would run. Band member Jo Lund shared the news online "
        "last week, writing “Feels great to back her.”\n"
    )
    quotes = loaded_quotes(text)
    assert quotes["speaker_as_written"].tolist() == ["The harbour board", "Band member Jo Lund"]
    # Nor does a quotation continue the one before when its own sentence has such a cue.
    text = (
        "“The pier is closing,” Tom Reyes said. The harbour board protested that the "
        "aides were being “disingenuous” about it.\n"
    )
    assert loaded_quotes(text)["speaker_as_written"].tolist() == ["Tom Reyes", "The harbour board"]


def test_commented_is_a_cue_after_the_quotation():
    text = "The new ferry will be late “whatever the board says,” one commuter commented.\n"
    assert speakers(text) == ["one commuter"]


@pytest.mark.parametrize("verb", ["agreed", "disagreed", "concurred"])
def test_a_sentence_of_agreement_before_a_quotation_names_its_speaker(verb):
    text = (
        "“The ferry is always late,” said Tomas Reyes, who runs a harbour blog.\n\n"
        f"Dock worker Ana Berg {verb}. “Nobody on the quay trusts the timetable.”\n"
    )
    assert speakers(text) == ["Tomas Reyes", "Ana Berg"]


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("Ana Lund, the harbour master, said on Tuesday.", "Ana Lund"),
        ("Pat Ryder, spokesman for the port, issued a statement.", "Pat Ryder"),
        ("The minister said.", "the minister"),
    ],
)
def test_a_sentence_after_a_quotation_that_only_names_its_speaker_names_it(line, speaker):
    text = (
        "“The pier is safe,” said Tomas Reyes, the mayor.\n\n"
        f"“We will reopen soon. The ferry is ready.” {line}\n"
    )
    assert speakers(text)[1] == speaker
    # Not a sentence that goes on to say something of its own.
    own = text.replace(line, "Ana Lund said the fleet would sail on Friday.")
    assert speakers(own)[1] != "Ana Lund"


def test_a_sentence_naming_its_own_subject_does_not_continue_the_previous_quotation():
    text = (
        "“The port stays open,” harbour chief Tomas Reyes said.\n\n"
        "Senator Ola Brandt, the opposition spokeswoman, welcomed Reyes’s recognition of "
        "the “quiet courage” of dock workers, describing the earlier closures as “a disgrace.”\n\n"
        "Beyond the port, the two sides discussed fishing, with Brandt calling quotas an "
        "“urgent matter.”"
    )
    assert speakers(text) == ["Tomas Reyes", "Ola Brandt", "Ola Brandt", "Ola Brandt"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A speech noun owned by its speaker, the quotation in its "that" clause.
        (
            "The row began after Okoro’s earlier suggestion that crews had “stayed in port.”",
            ("Okoro", "earlier suggestion"),
        ),
        (
            "The visit followed Okoro’s Tuesday remarks that the fleet was “not fit for sea.”",
            ("Okoro", "Tuesday remarks"),
        ),
        # "describing X's remarks as" is the describer's word, not X's.
        (
            "Lena Frost rejected the plan, describing Okoro’s remarks as “reckless.”",
            ("Lena Frost", "describing"),
        ),
        # A participle opening the sentence, its subject after the quotation.
        (
            "Calling the vote “a turning point,” Lena Frost left the hall.",
            ("Lena Frost", "Calling"),
        ),
        ("Marsh, reiterating “no retreat,” left the hall.", ("Marsh", "reiterating")),
        # The subject of a sentence with no speech cue, after an opening phrase.
        ("On Monday, Lena Frost praised the “steady hands” of the crew.", ("Lena Frost", "")),
        # The message of a named source, just before the quotation.
        (
            "Frost said she had passed on a message from Okoro: “Hold the line.”",
            ("Okoro", "message from"),
        ),
        # Quoted (or cited) as saying.
        (
            "“We are ready,” the Foreign Office quoted Ines Marchand as saying.",
            ("Ines Marchand", "quoted as saying"),
        ),
        (
            "Ines Marchand was cited as saying “the door is open.”",
            ("Ines Marchand", "quoted as saying"),
        ),
        # A headline: the speaker after a colon.
        ("“We will not back down”: Valdivia rejects offer", ("Valdivia", "(after a colon)")),
        # A perfect between the source and the cue.
        (
            "The Foreign Office has reported that Marchand delivered a “firm message” to Okoro.",
            ("Foreign Office", "reported"),
        ),
    ],
)
def test_speaker_rules_without_a_plain_cue(text, expected):
    [(_, speaker, _, cue, _)] = attributed(text)
    assert (speaker, cue) == expected


def test_reported_speech_inside_reported_speech_is_the_outer_sources():
    text = "The Foreign Office later said Marchand described the deal as “balanced.”"
    assert speakers(text) == ["Foreign Office"]


def test_a_quotation_only_paragraph_continues_and_a_named_sentence_does_not():
    text = (
        "“We are ready,” Marchand said.\n\n"
        "“The talks will go on.”\n\n"
        "In Lisbon, dock workers were “cautiously hopeful.”"
    )
    rows = attributed(text)
    assert [r[1] for r in rows] == ["Marchand", "Marchand", ""]
    assert "names no one: continues" in rows[1][4]
    assert "names someone: not continued" in rows[2][4]


def test_pronoun_resolves_to_the_previous_sentences_subject():
    text = (
        "“The offer is final,” Paul Kerr said.\n\n"
        "Lena Frost met the union after Paul Kerr claimed they had “walked out”. "
        "She called the claim “plainly false”."
    )
    rows = attributed(text)
    assert [r[1] for r in rows] == ["Paul Kerr", "Paul Kerr", "Lena Frost"]
    assert rows[2][2] == "She".lower()
    assert "subject of the sentence before" in rows[2][4]


def test_a_pronoun_with_no_one_named_before_is_no_speaker():
    [(_, speaker, written, cue, how)] = attributed("“Fine,” he said.")
    assert (speaker, written, cue) == ("", "he", "said")  # as written, resolved to no one
    assert "pronoun 'he' with no person named before it" in how


def test_it_and_the_statement_resolve_to_the_institution_named_before():
    text = (
        "“The talks were useful,” the Foreign Office said in a statement. "
        "“Both sides agreed to meet again,” it added.\n\n"
        "“Trade was discussed,” the statement noted."
    )
    rows = attributed(text)
    assert [(r[1], r[2]) for r in rows] == [
        ("Foreign Office", "Foreign Office"),
        ("Foreign Office", "it"),
        ("Foreign Office", "the statement"),
    ]


def test_it_after_a_quoting_institution():
    text = (
        "“We are ready,” the Foreign Office quoted Ines Marchand as saying. "
        "“Both sides will meet in May,” it added."
    )
    assert speakers(text) == ["Ines Marchand", "Foreign Office"]


def test_a_document_and_its_issuer_and_a_day_is_no_speaker():
    text = (
        "“The ports reopen on Monday,” a statement issued by the Ministry of Fisheries "
        "(MOF) on Saturday said."
    )
    [(_, speaker, written, cue, how)] = attributed(text)
    assert speaker == written == "a statement issued by the Ministry of Fisheries (MOF)"
    assert cue == "said"
    assert "issued by Ministry of Fisheries" in how
    assert clean_speaker("Saturday") == ""


def test_a_description_resolves_to_the_person_named_with_that_title():
    text = (
        "Chilean President Rosa Valdivia called Prime Minister Anton Ilves on Friday.\n\n"
        "“We agreed on a great deal,” the Chilean President said.\n\n"
        "“Not on everything,” added the prime minister.\n\n"
        "“A useful call,” the diplomat said."
    )
    rows = attributed(text)
    assert [(r[1], r[2]) for r in rows] == [
        ("Rosa Valdivia", "the Chilean President"),
        ("Anton Ilves", "the prime minister"),
        ("the diplomat", "the diplomat"),  # no diplomat named: kept as written
    ]


def test_a_qualified_title_is_not_resolved_to_another_qualifier_s_holder():
    text = (
        "Chilean President Rosa Valdivia met Vice President Tom Ardent on Friday.\n\n"
        "“We agreed on a great deal,” the Peruvian President said.\n\n"
        "“A fine deal,” the vice president said.\n\n"
        "Former President Ana Ruiz was in the room. “Not bad,” the president said."
    )
    rows = attributed(text)
    assert [(r[1], r[2]) for r in rows] == [
        ("the Peruvian President", "the Peruvian President"),  # not the Chilean one
        ("Tom Ardent", "the vice president"),
        ("Ana Ruiz", "the president"),  # "Former" leaves her the president of the story
    ]


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_full_name_does_not_run_over_a_line_s_end(gap):
    # The headline's last words are no part of the name of the body's first speaker,
    # nor is a line ending on an initial ("… Ada T.").
    text = f"Ferry Talks Collapse{gap}Lund said the talks failed. “We try again,” Lund said."
    assert speakers(text) == ["Lund"]
    text = f"A photo by Ada T.{gap}Dana Lund said so. “We try again,” Lund said."
    assert speakers(text) == ["Dana Lund"]


def test_a_nationality_in_a_title_must_be_the_named_person_s_too():
    text = (
        "Rosa Valdivia urged the West to press President Tom Ardent, who leads the "
        "other side.\n\n"
        "“The talks must go on,” the news agency quoted the Peruvian President as saying."
    )
    [row] = attributed(text)
    assert (row[1], row[2]) == ("the Peruvian President", "the Peruvian President")


def test_an_honorific_and_a_given_name_resolve_to_the_full_name():
    text = (
        "Sir Alan Reeve and Marchand spoke on Sunday.\n\n"
        "Sir Alan delivered a rebuke after Marchand claimed the deal was “dead”. "
        "He described the claim as “absurd”."
    )
    assert speakers(text) == ["Marchand", "Alan Reeve"]


def test_the_line_introducing_a_quotation_paragraph_names_its_speaker():
    text = "Marchand said:\n\n“We will be back in June.”"
    assert speakers(text) == ["Marchand"]


def test_two_quotations_in_one_sentence_share_the_source_of_the_sentence_before():
    text = (
        "“We made progress,” Okoro said.\n\n"
        "The foreign ministry said earlier that the envoys had met. The envoy “regretted "
        "the delay” and “hoped for progress.”"
    )
    assert speakers(text) == ["Okoro", "the foreign ministry", "the foreign ministry"]


def test_single_marks_are_quotations_only_in_a_text_without_double_marks():
    text = (
        "Lisbon offered a 'fair deal': Marchand wrote to Okoro.\n\n"
        "'We will not wait. The time is now', Marchand said.\n\n"
        "Okoro's aide, who doesn't talk to the farmers' union, recalled the '90s."
    )
    assert [(q, s) for q, s, _ in quotes_of(text)] == [
        ("fair deal", "Marchand"),
        ("We will not wait. The time is now", "Marchand"),
    ]
    # Where double marks exist, single ones stay apostrophes and nested marks.
    mixed = "“It is a 'fair deal',” Marchand said of Okoro's plan."
    assert [q for q, _, _ in quotes_of(mixed)] == ["It is a 'fair deal',"]


def test_apostrophes_alone_make_no_quotation():
    assert quotes_of("Rubio's aide said they don't expect the '90s rules to return.") == []
    assert quotes_of("He said 'Rubio's plan' was 'fine'.")[0][0] == "Rubio's plan"


@pytest.mark.parametrize(
    ("tail", "speaker"),
    [
        ("the government said.", "the government"),
        ("the company said in a statement.", "the company"),
        ("the police said.", "the police"),
        ("said the mayor.", "the mayor"),
        ("the mayor said after the vote.", "the mayor"),
        ("the embassy said.", "the embassy"),
        ("the judge said.", "the judge"),
        ("the president said.", "the president"),
        ("the chairman of the committee said.", "the chairman of the committee"),
    ],
)
def test_described_speakers_beyond_government_offices(tail, speaker):
    # Stories quote mayors, courts, companies and police as often as ministries.
    text = f'The council voted on Tuesday.\n\n"This is a good day for the city," {tail}'
    assert [s for _, s, _ in quotes_of(text)] == [speaker]


def test_double_marks_typed_as_two_apostrophes_or_backquotes():
    # News archives and ASCII exports print “…” as ''…'' (and ``…'').
    text = "''We are ready,'' said the harbour master. She called it ``a fair deal'' today."
    found = find_quotations(text, [(0, len(text))])
    assert [text[q.start : q.end] for q in found] == ["We are ready,", "a fair deal"]
    assert [text[q.open_mark : q.close_mark + 1] for q in found] == [
        "''We are ready,''",
        "``a fair deal''",
    ]
    # An apostrophe is still an apostrophe: "the harbour's" opens nothing.
    text = "''The harbour's quay,'' he said."
    (quote,) = find_quotations(text, [(0, len(text))])
    assert text[quote.start : quote.end] == "The harbour's quay,"


@pytest.mark.parametrize(
    "text",
    [
        "The latest example of the states said nothing.",  # not "he" inside "the"
        "Nevada election officials say the count was fair.",  # not "a election officials"
    ],
)
def test_a_cues_subject_never_starts_inside_a_word(text):
    from analysis.segment.cue_subjects import _cue_subjects

    for at, speaker, _ in _cue_subjects(text, 0, len(text)):
        assert at == 0 or not text[at - 1].isalnum(), (at, speaker)


def test_a_pronoun_that_stands_for_no_one_named_is_continued_as_written():
    rows = attributed("“The berths will open,” he said. “The pilots know it already.”")
    assert [(speaker, written) for _, speaker, written, _, _ in rows] == [("", "he"), ("", "he")]
    assert "continues the previous quotation" in rows[1][4]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A US politician's party tag between the name and the cue.
        ("“The berths stay open,” Sen. Ana Lund (R-Maine) said Saturday.", ("Ana Lund", "said")),
        # An adverb of habit between the speaker and the cue.
        ("Ana Lund often says the berths are “the town's lungs.”", ("Ana Lund", "says")),
        # An apposition in two parts, a comma inside it.
        (
            "“We waited years,” Mr. Reyes, now 81 and retired in Bangor, Maine, said by phone.",
            ("Reyes", "said"),
        ),
        # A clause opened by "asked" between the name and the cue.
        (
            "Mr. Reyes, asked about the fees under Ms. Lund, had said, “The fees are fair.”",
            ("Reyes", "said"),
        ),
        # A speaker described by any noun, then a cue, right after the quotation.
        ("“There should be more berths,” the businessman replied.", ("the businessman", "replied")),
        ("“The port broke its word,” the lawsuit reads.", ("the lawsuit", "reads")),
        # Its adjectives may be set apart by a comma.
        (
            "“I made the harbour my first task,” the soft-spoken, 71-year-old mayor said.",
            ("the soft-spoken, 71-year-old mayor", "said"),
        ),
        (
            "“Hey, hey! Ho, ho!” some dockers chanted, three days later.",
            ("some dockers", "chanted"),
        ),
        # The cue first, then a described speaker, a name after the description.
        (
            "“We will chip away at the lead,” added his campaign manager Jo Ruiz, speaking later.",
            ("Jo Ruiz", "added"),
        ),
        # A single mark closing a quotation inside the quotation, before the cue.
        ("''I would use the word 'old-school,''' said Greg Slayton.", ("Greg Slayton", "said")),
    ],
)
def test_speaker_patterns_of_us_political_news(text, expected):
    [(_, speaker, cue)] = quotes_of(text)
    assert (speaker, cue) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A conjunction before the sentence's subject.
        ("And Mr. Reyes gloated: “I told you the berths would open.”", "Reyes"),
        # A person named just before the colon that opens the quotation.
        (
            "The delay does not surprise harbour pollster Tom Reyes: “Ports run late.”",
            "Tom Reyes",
        ),
        # The object of the verb before a participle is not the speaker: the subject is.
        ("Lena Frost went after Reyes, calling him “a total stiff.”", "Lena Frost"),
    ],
)
def test_speakers_around_a_colon_and_a_participle(text, speaker):
    [(_, found, _, _, _)] = attributed(text)
    assert found == speaker


def test_a_page_label_before_a_colon_names_no_one():
    [(_, speaker, _, _, _)] = attributed("Watch: “The berths will open.”")
    assert speaker == ""


def test_a_quotation_continues_one_whose_speaker_the_cue_model_found():
    # "brags" is no cue the rules know (a past tense would be: any verb after a quotation
    # its comma leaves open); the cue model reads it beside the quotation.
    text = (
        "Harbour news\n\n“We must keep the berths open,” brags former Gov. Ana Lund of Maine, "
        "who ran for mayor in 2008. “We have to care for the pilots.”\n"
    )
    first, second = loaded_quotes(text).itertuples()
    assert "cue model" in first.speaker_evidence
    assert second.speaker_as_written == first.speaker_as_written != ""
    assert "continues the previous quotation" in second.speaker_evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“It is unusual,“ said Lena Frost. “It is a hard thing to do.”",
            [
                ("It is unusual,", "Lena Frost", "said"),
                ("It is a hard thing to do.", "Lena Frost", ""),
            ],
        ),
        ("Reyes said “yes“ and left.", [("yes", "Reyes", "said")]),
    ],
)
def test_an_opening_mark_printed_as_the_closing_one_closes_the_quotation(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "”After taking office, I promised the pilots a new quay,” Ms. Lund said.",
            [("After taking office, I promised the pilots a new quay,", "Lund", "said")],
        ),
        # Inside a word or after one, a closing mark still closes nothing it opened.
        ("The pilots’ union backed the plan.”", []),
    ],
)
def test_a_closing_mark_printed_as_the_opening_one_opens_the_quotation(text, expected):
    found = [(q, s.split()[-1] if s else s, c) for q, s, c in quotes_of(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A straight pair inside curly marks is nested: the quotation runs to the curly close.
        (
            'Lund said the quay was “a "bold" step for the pilots.”',
            ['a "bold" step for the pilots.'],
        ),
        # A straight mark after the quotation's last word closes it, as printed,
        # and the next one opens the next quotation.
        (
            '“We sail at dawn," Lund said. "The pilots are ready.”',
            ["We sail at dawn,", "The pilots are ready."],
        ),
    ],
)
def test_straight_marks_inside_curly_ones(text, expected):
    assert [q for q, _, _ in quotes_of(text)] == expected


def test_a_titled_speaker_after_a_lead_in_is_not_a_place_in_it():
    # The apposition reading ("Reyes, speaking in Bangor, Maine, said") would give
    # the place that ends the lead-in; a title or a party tag names the speaker.
    text = (
        "Monday at a college in Dayton, Ohio, after winning the state, "
        "Gov. Ann Lund (R-Ohio), said, “We are ready to go on.”\n"
    )
    assert loaded_quotes(text)["speaker"].tolist() == ["Ann Lund"]
    text = "Ms. Reyes, speaking at a rally in Bangor, Maine, said, “We are ready to go on.”\n"
    assert loaded_quotes(text)["speaker"].tolist() == ["Reyes"]
    # A titled name inside the lead-in's own phrase is not the speaker either.
    text = (
        "Mr. Dale, asked about the fate of reporters under Mr. Orlov, had said, "
        "“Our side is no better.”\n"
    )
    assert loaded_quotes(text)["speaker"].tolist() == ["Dale"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "As X put it", the apposition holding a title in its own marks.
        (
            "As Rita Lund, professor of law at Dunmore and author of ''The Quiet Harbour,'' "
            "put it, ''Councils should remember that a deal is still possible.''\n",
            "Rita Lund",
        ),
        # A described speaker whose words hold an ampersand.
        (
            "“We are shocked, he was a friend to us,” one B&T Dunmore employee told radio.\n",
            "one B&T Dunmore employee",
        ),
        # A name, when it was said, then the colon.
        ("Here’s Lund in March 2011: “Our plan must rest on the harbour.”\n", "Lund"),
    ],
)
def test_speakers_named_around_an_apposition_or_a_colon(text, speaker):
    assert loaded_quotes(text)["speaker"].tolist() == [speaker]


def test_a_place_after_a_preposition_before_a_colon_is_no_speaker():
    text = "Lund spoke in Dunmore in March: “Our plan must rest on the harbour.”\n"
    assert loaded_quotes(text)["speaker"].tolist() == ["Lund"]


def test_a_learned_cue_just_before_the_marks_beats_the_sentence_s_subject():
    # No speech cue beside the quotation, so the speaker rules take the sentence's
    # subject; the reported speech holding it names who called him that.
    text = (
        "Mr. Dale is coming off a strong debate on Thursday night, when many "
        "commentators called him “the grownup on the stage.”\n"
    )
    assert loaded_quotes(text)["speaker_as_written"].tolist() == ["many commentators"]
    # The reported speech holding it is "praised …", whose cue is far from the marks:
    # the sentence's subject stands.
    text = (
        "Mr. Dale praised the plan that the council, after a long and bitter night of "
        "talks on the harbour, backed as “a fair deal for the docks.”\n"
    )
    assert loaded_quotes(text)["speaker"].tolist() == ["Dale"]


def test_two_named_writers_after_the_quotation_and_a_run_after_them():
    text = (
        "“Tritium is scarce,” nuclear experts Ann Lee and Bo Park of the Harbour "
        "Institute wrote in September. “Whether the plant can make it is unclear.”\n"
    )
    assert loaded_quotes(text)["speaker"].tolist() == ["Ann Lee", "Ann Lee"]
    # A subordinator before a name is no description of it: "… until Hale said".
    text = (
        "Bo Sims says the endorsement was a big deal.\n\n"
        "Sims says he was “kind of riding the fence” until Hale said she backed Lund.\n"
    )
    assert loaded_quotes(text)["speaker"].tolist() == ["Bo Sims"]
    # "write" in the plural, as "say" is.
    text = "In the towns, they write, “to be devout is to be in step with the harbour.”\n"
    assert loaded_quotes(text)["speaker_as_written"].tolist() == ["they"]


@pytest.mark.parametrize(
    ("text", "written", "speaker"),
    [
        # A slogan's owner, with "is" between: no one else's verdict on it.
        (
            "Ann Lund’s campaign slogan is “Ports for people.” She wants more.\n",
            "Ann Lund",
            "Ann Lund",
        ),
        # A pronoun owns the noun just before the marks, after the sentence's subject
        # names no one: "their" stands for no one named, "her" for the subject before.
        ("Crowds roared. But their chants of “Lund! Lund!” were cut short.\n", "their", ""),
        (
            "Ms. Ruiz spoke on Monday. The uproar grew over her remark that “the docks "
            "will never close.”\n",
            "her",
            "Ruiz",
        ),
    ],
)
def test_a_speech_noun_owned_by_a_name_or_a_pronoun(text, written, speaker):
    quotes = loaded_quotes(text)
    assert quotes["speaker_as_written"].tolist() == [written]
    assert quotes["speaker"].tolist() == [speaker]


def test_an_owned_response_with_a_colon_is_the_owner_s():
    text = "Lund’s response was: “Is the pier in Dunmore or in Bangor?”\n"
    assert loaded_quotes(text)["speaker"].tolist() == ["Lund"]


def test_a_verdict_on_someone_s_words_is_not_theirs():
    # "was" after a speech noun that is not a slogan: the verdict may be anyone's.
    text = "In a statement, the network said that Dale’s description was “false.”\n"
    assert loaded_quotes(text)["speaker"].tolist() != ["Dale"]


def test_a_learned_cue_just_before_the_marks_beats_a_speaker_later_in_the_sentence():
    # "accuses" is no speech verb of the speaker rules, which take the later "Dale says".
    text = "Lund accuses the board of “sleeping at the wheel” and Dale says it is “doing fine.”\n"
    assert loaded_quotes(text)["speaker"].tolist() == ["Lund", "Dale"]


def test_as_x_puts_it_before_a_clause_and_a_contracted_pronoun():
    # "As X puts it," makes the rest of the sentence X's, quotation and all.
    text = "As the Gazette’s Ruth Marcus puts it, Lund is trying to make the board “an offer it cannot refuse.”\n"
    assert loaded_quotes(text)["speaker_as_written"].tolist() == ["Gazette’s Ruth Marcus"]
    # A pronoun's contraction is the pronoun: "They’re" speaks as "They".
    text = "Dockers split from the board. They’re less hostile to rules and agree the rich should pay “a lot” more.\n"
    assert loaded_quotes(text)["speaker_as_written"].tolist() == ["They"]


def _quotations(text):
    """The quotations of ``text``, their speakers attributed (objects, not tuples)."""
    blocks = paragraph_spans(text)
    found = find_quotations(text, blocks)
    attribute_speakers(text, found, [s for lo, hi in blocks for s in sentence_spans(text, lo, hi)])
    return found


def test_a_name_after_with_and_a_comma_is_not_the_participle_s_subject():
    # "set with Ada Lund, adding: …": the comma closes "with Ada Lund"; the office adds it.
    text = (
        "Harbour news\n\nThe harbour office declined to comment on the tender but said no "
        "meeting was set with Ada Lund, adding: “We will look at any request.”\n\n"
        "The vote passed, with Ada Lund calling it “a fine day for the port.”\n"
    )
    speakers = [q.speaker_as_written.lower() for q in _quotations(text)]
    assert speakers == ["the harbour office", "ada lund"]


def test_the_previous_speaker_named_again_continues_the_quotation():
    # A sentence that names only the previous speaker names no one else.
    text = (
        "Ada Lund spoke on the radio.\n\n"
        "“I have not yet recovered from the shouting,” Lund said. “And I know what "
        "people will say about it,” and with that Lund broke off.\n"
    )
    found = _quotations(text)
    assert [q.speaker for q in found] == ["Ada Lund", "Ada Lund"]
    assert found[1].speaker_as_written == "Lund"
    text = text.replace("with that Lund broke off", "with that Berg broke off")
    assert _quotations(text)[1].speaker == ""  # someone else named: not continued


def test_someone_described_and_a_cue_just_before_the_quotation_speaks_it():
    text = (
        "Harbour news\n\n“There is a young man with a grievance,” Ada Lund said as the "
        "heckler yelled: “You are wrong!”\n\n"
        "Lund pinned her note under a banner that said, “Ferry Saved.”\n"
    )
    speakers = [q.speaker_as_written for q in _quotations(text)]
    # "a banner that said": a relative clause's "that" is no speaker; the rules go on.
    assert speakers == ["Ada Lund", "the heckler", "Lund"]


def test_a_readout_quoted_paragraph_by_paragraph_keeps_its_speaker_past_captions():
    # Each paragraph opens with a straight mark and only the last closes; a caption, its
    # credit in capitals and a "MORE ON …:" line stand between two of them.
    text = (PAGES / "uk_tabloid.txt").read_text(encoding="utf-8")
    corpus = load_corpus(pd.DataFrame({"article_id": ["t"], "text": [text]}))
    quotes = corpus.quotes[corpus.quotes["text"].str.len() > 30]
    assert len(quotes) == 6
    assert set(quotes["speaker"].str.lower()) == {"a press office spokesman"}
    blocks = corpus.blocks.set_index("block_no")
    for opening in ("President Varga opened", "They discussed working", "They agreed to meet"):
        [row] = blocks[blocks["text"].str.startswith('"' + opening)].itertuples()
        assert row.role == "quote"


def test_an_unclosed_straight_mark_opening_a_paragraph_runs_to_its_end():
    text = 'Lund spoke.\n\n"The pier will close in May.\n\nPA\n\nThe vote is next week.\n'
    assert [q[0] for q in quotes_of(text)] == ["The pier will close in May."]
    # Two apostrophes before a word are an elision in old verse, not an opening mark.
    assert quotes_of("He cried: ''Tis time to dine, and none too soon.\n") == []
