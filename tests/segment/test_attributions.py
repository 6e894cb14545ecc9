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
            assert row.source_as_written == row.source_as_written.strip()  # no space either side
        if row.cue_start >= 0:
            assert " ".join(text[row.cue_start : row.cue_end].split()) == row.cue
    return found


def content_and_source(body: str, cue: str) -> tuple[str, str]:
    """The content and the source as written of the first attribution with ``cue``."""
    found = attributions(body)
    row = found[found["cue"] == cue].iloc[0]
    return row.text, row.source_as_written


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
            "the harbour talks were “a fair deal for everyone.”",
            "Dana Ruiz",
            "said",
        ),
    ],
)
def test_each_form_of_attribution(body, kind, content, source, cue):
    found = attributions(body)
    # The form's own attribution; the cue model may find another beside it ("The
    # union rejected the plan, saying …": "rejected" reports a position too).
    mine = found[found["cue"] == cue]
    assert len(mine) == 1, found[["kind", "text", "cue"]]
    row = mine.iloc[0]
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


def test_no_attribution_without_a_cue():
    assert attributions("The ferry was late again, and the quay was wet.").empty
    assert attributions("The ferry company painted its two boats blue for the winter.").empty


def test_a_cue_with_no_one_behind_it_is_an_attribution_without_a_source():
    (row,) = attributions("The channel is said to be far too shallow.").itertuples()
    assert (row.cue, row.source, row.source_start, row.source_end) == ("said", "", -1, -1)
    # Said of the channel: the subject is part of what is attributed.
    assert row.text == "The channel is said to be far too shallow"


@pytest.mark.parametrize(
    ("body", "cue", "content", "source"),
    [
        # A passive cue: its subject is what is attributed, its agent the source.
        (
            "The dredging plan was backed on Monday by the harbour board, which meets weekly.",
            "backed",
            "The dredging plan was backed on Monday",
            "the harbour board",
        ),
        (
            "Large ferries are considered unsafe in the outer channel.",
            "considered",
            "Large ferries are considered unsafe in the outer channel",
            "",
        ),
        # "Seems" is said of its subject, by nobody named.
        (
            "The new timetable seemed almost designed to annoy the island's commuters.",
            "seemed",
            "The new timetable seemed almost designed to annoy the island's commuters",
            "",
        ),
        # Someone who seems to do or think something is its source; a thing is not.
        (
            "She appeared to suggest that the ferry fares would rise in the spring.",
            "appeared",
            "to suggest that the ferry fares would rise in the spring",
            "She",
        ),
        (
            "Island voters seem to care more about the ferry than about the bridge.",
            "seem",
            "to care more about the ferry than about the bridge",
            "Island voters",
        ),
        (
            "Mayor Berg himself seemed to accept the size of the defeat.",
            "seemed",
            "to accept the size of the defeat",
            "Mayor Berg himself",
        ),
        (
            "Support for Berg appeared to fade after the storm.",
            "appeared",
            "Support for Berg appeared to fade after the storm",
            "",
        ),
        (
            "Berg's plan seemed to stall in the council.",
            "seemed",
            "Berg's plan seemed to stall in the council",
            "",
        ),
        # Doing, not holding a view: a bridge that sways, a man who trips.
        (
            "The old bridge appeared to sway in the strong wind on Tuesday evening.",
            "appeared",
            "The old bridge appeared to sway in the strong wind on Tuesday evening",
            "",
        ),
        (
            "Berg appeared to trip on the stairs of the ferry.",
            "appeared",
            "Berg appeared to trip on the stairs of the ferry",
            "",
        ),
        (
            "The mayor seemed to be tired of the question.",
            "seemed",
            "The mayor seemed to be tired of the question",
            "",
        ),
        # Adverbs between "be" and the participle keep it passive; the agent is the source.
        (
            "The harbour plan was first reported by the Gazette.",
            "reported",
            "The harbour plan was first reported",
            "the Gazette",
        ),
        # A participle and its agent set off by a comma: what stands before is attributed.
        (
            "The bridge levy, opposed by harbour councillors, was dropped in May.",
            "opposed",
            "The bridge levy",
            "harbour councillors",
        ),
        (
            "The island has slowly opened its port to visitors, encouraged by the county and "
            "the state.",
            "encouraged",
            "The island has slowly opened its port to visitors",
            "the county",
        ),
    ],
)
def test_a_passive_or_seeming_cue_attributes_its_subject(body, cue, content, source):
    assert content_and_source(body, cue) == (content, source)


@pytest.mark.parametrize(
    ("body", "cue", "content", "source"),
    [
        # A verb of feeling with what stirred it as its subject: the feeler's view.
        (
            "The toll plan angered fishermen across the island.",
            "angered",
            "The toll plan",
            "fishermen across the island",
        ),
        (
            "The mayor's promise of cheaper fares quickly resonated with island families.",
            "resonated",
            "The mayor's promise of cheaper fares",
            "island families",
        ),
    ],
)
def test_what_stirs_a_feeling_is_the_feeler_s_view(body, cue, content, source):
    assert content_and_source(body, cue) == (content, source)


def test_a_headline_s_second_verb_has_its_first_verb_s_subject():
    found = attributions(
        "JUST IN: Lund Presses Reyes on Ferry Fares, Proposes Harbour Summit"
        "\n\nThe mayor spoke for an hour."
    )
    row = found[found["cue"] == "Proposes"].iloc[0]
    assert (row.source_as_written, row.text) == ("Lund", "Harbour Summit")


def test_a_feeling_of_the_subject_is_its_own():
    # "were worried about": the voters' own feeling, not what stirred another's.
    found = attributions("Voters in both towns were worried about the ferry fares this winter.")
    assert not (found["source_as_written"] == "the ferry fares this winter").any()


@pytest.mark.parametrize(
    "body",
    [
        # "By" with how it was done, or after a verb of saying, names no agent.
        "Reyes, however, interjected by asking the mayor about the ferry fares.",
        "“The pier is safe,” Mr. Hale, long retired, said by telephone.",
    ],
)
def test_by_with_a_means_is_no_agent(body):
    found = attributions(body)
    assert not (found["source_as_written"].str.contains("asking|telephone")).any()
    assert not (found["text"] == "Reyes").any()


@pytest.mark.parametrize(
    ("body", "cue", "content", "source"),
    [
        # Whom it was told to, an aside after a dash, or when, are no content.
        (
            "The ferry was late again, a port official told the Harbour Times.",
            "told",
            "The ferry was late again",
            "a port official",
        ),
        (
            "Ana Lund took the harbour seat, the Gazette announced on Friday, three days "
            "after the count.",
            "announced",
            "Ana Lund took the harbour seat",
            "the Gazette",
        ),
        (
            "A toll would anger the fishermen, Reyes allies believe — the very voters he courts.",
            "believe",
            "A toll would anger the fishermen",
            "Reyes allies",
        ),
    ],
)
def test_a_cue_closing_its_sentence_attributes_what_came_before(body, cue, content, source):
    assert content_and_source(body, cue) == (content, source)


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "Still, Ida Lund, an adviser to the mayor, said on Tuesday that the ferry would "
            "keep its winter timetable.",
            "Ida Lund",
        ),
        (
            "The harbour plan is unclear, but she said at a council meeting last week that "
            "the ferry would keep its winter timetable.",
            "she",
        ),
    ],
)
def test_when_it_was_said_then_that_opens_the_content_not_a_tail(body, source):
    # "said on Tuesday that …" goes on with what was said: the cue does not close the
    # sentence, so the words before the comma are not its content.
    assert content_and_source(body, "said") == (
        "the ferry would keep its winter timetable",
        source,
    )


def test_after_a_telling_to_opens_what_was_told():
    found = attributions("At Monday's meeting, the council urged the port to settle the dispute.")
    row = found[found["cue"] == "urged"].iloc[0]
    assert row.text == "the port to settle the dispute"


def test_a_quotation_s_speaker_is_not_the_content_of_a_tail():
    found = attributions("“He rowed every morning,” a neighbour, Mira Lee told the Gazette.")
    (row,) = found.itertuples()
    assert (row.kind, row.source_as_written) == ("direct", "Mira Lee")


@pytest.mark.parametrize(
    ("body", "cue", "source"),
    [
        # The pronoun that ends or opens a phrase read back from its cue is the source.
        ("Although in May she said the fare was a mistake, it rose.", "said", "she"),
        ("The one fault he acknowledged was the late ferry to the island.", "acknowledged", "he"),
        # A clause set off by commas after the subject: its words are not the source.
        (
            "Sen. Ana Lund, standing for re-election in Harbourtown, a marginal seat, said she "
            "would back the ferry.",
            "said",
            "Sen. Ana Lund",
        ),
        (
            "Reyes, addressing a crowd in Bangor, Maine, that evening, did not mention the pier.",
            "mention",
            "Reyes",
        ),
        # An aside between dashes, and a poll's share, as the subject.
        (
            "The three harbour pilots - Mr. Lund, Ms. Ward and Mr. Hart - agreed that the "
            "channel needs dredging.",
            "agreed",
            "The three harbour pilots",
        ),
        ("Among younger voters, 41% said the pier should stay open.", "said", "41%"),
        # A comma inside a closing mark closes the lead-in before the subject.
        (
            "Interviewed on the Gazette’s “Harbour Hour,” Reyes admitted that the date "
            "printed in his memoir was wrong.",
            "admitted",
            "Reyes",
        ),
        # An agency's dateline, and an adverb between the comma and the participle.
        (
            "Bangor, June 5 (HNS) Harbour Mayor Ana Lund on Wednesday phoned Tom Reyes, "
            "warmly congratulating him on the new ferry.",
            "congratulating",
            "Harbour Mayor Ana Lund",
        ),
        # A lead-in of place before the clause's subject is no part of it.
        (
            "Outside the harbour hall, some fifty fishermen gathered in the rain, holding "
            "signs and chanting slogans against the toll.",
            "chanting",
            "some fifty fishermen",
        ),
        # A noun cue's owner: the possessive as written, resolved as its pronoun is.
        (
            "Tom Reyes spoke on Monday. Reyes has won votes with his promise to build "
            "a pier and his claim that the ferry is unsafe.",
            "promise",
            "his",
        ),
    ],
)
def test_the_source_is_the_subject_not_the_words_around_it(body, cue, source):
    found = attributions(body)
    row = found[found["cue"] == cue].iloc[0]
    assert row.source_as_written == source, found[["cue", "source_as_written"]]
    if source == "his":
        assert row.source == "Tom Reyes"


def test_the_object_of_a_cue_that_is_not_a_telling_is_its_content():
    # "Told" addresses its object; "endorsed" attributes it.
    found = attributions("The mayor endorsed Dana Ruiz on Friday for the harbour board.")
    [row] = found[found["cue"] == "endorsed"].itertuples()
    assert row.text.startswith("Dana Ruiz")
    found = attributions("The mayor told Dana Ruiz that the ferry would sail on Friday.")
    [row] = found[found["cue"] == "told"].itertuples()
    assert row.text == "the ferry would sail on Friday"


@pytest.mark.parametrize(
    ("body", "content", "source"),
    [
        # The cue first, a described source and an apposition after it.
        (
            "The dredging will cost twice what the board has set aside, said a harbour "
            "engineer, who asked not to be named.",
            "The dredging will cost twice what the board has set aside",
            "a harbour engineer",
        ),
        (
            "The winter berths will be full by December, said Dana Ruiz, the port's "
            "manager, who runs the ferry desk.",
            "The winter berths will be full by December",
            "Dana Ruiz",
        ),
        # A relative clause with no comma before it is no part of the source.
        (
            "The ferry line will reopen in May, said a harbour official who spoke on "
            "condition of anonymity.",
            "The ferry line will reopen in May",
            "a harbour official",
        ),
        (
            "The mayor warned the board not to sell the quay, said a council aide who was "
            "briefed on the talks and was not authorised to speak about them.",
            "The mayor warned the board not to sell the quay",
            "a council aide",
        ),
    ],
)
def test_a_source_after_its_cue_closes_the_sentence(body, content, source):
    found = attributions(body)
    [row] = found[found["cue"] == "said"].itertuples()
    assert (row.text, row.source_as_written) == (content, source)


@pytest.mark.parametrize(
    ("body", "cue", "source"),
    [
        (
            "If the storm holds, the harbour master said, the ferries will stay in port.",
            "said",
            "the harbour master",
        ),
        (
            "At the root of the delay, according to the port's engineers, was a crack in "
            "the outer wall.",
            "according to",
            "the port's engineers",
        ),
    ],
)
def test_a_source_set_off_by_commas_attributes_the_sentence_around_it(body, cue, source):
    found = attributions(body)
    [row] = found[found["cue"] == cue].itertuples()
    assert row.source_as_written == source
    assert row.text == body.rstrip(".")
    assert "set off by commas" in row.evidence


def test_after_a_lead_in_of_time_the_clause_past_the_aside_is_the_content():
    found = attributions(
        "One winter in the 1990s, according to “The Salt Road” by Jo Lund, the pilots "
        "struck for a week."
    )
    [row] = found[found["cue"] == "according to"].itertuples()
    assert row.source_as_written == "“The Salt Road” by Jo Lund"  # a quoted title in the source
    assert row.text == "the pilots struck for a week"


@pytest.mark.parametrize(
    ("body", "cue", "content", "source"),
    [
        (
            "Polls show the mayor trailing her rival by nine points.",
            "show",
            "the mayor trailing her rival by nine points",
            "Polls",
        ),
        (
            "The harbour master asked whether the dredging could start before the storms.",
            "asked",
            "whether the dredging could start before the storms",
            "The harbour master",
        ),
        (
            "Ms. Ruiz has not endorsed the plan to widen the channel.",
            "endorsed",
            "the plan to widen the channel",
            "Ms. Ruiz",
        ),
    ],
)
def test_the_trained_model_reads_cues_no_rule_names(body, cue, content, source):
    (row,) = attributions(body).itertuples()
    assert (row.cue, row.text, row.source_as_written) == (cue, content, source)
    assert row.evidence.startswith("a cue the trained cue model recognises")
    assert "scored" in row.evidence  # its probability is the evidence


def test_two_sources_in_one_sentence_are_two_attributions():
    found = attributions(
        "The mayor said the budget was balanced, while critics argued that the "
        "figures hid a deficit."
    )
    assert list(found["cue"]) == ["said", "argued"]
    assert list(found["source_as_written"]) == ["The mayor", "critics"]


def test_a_quotation_s_own_cue_is_not_reported_speech_again():
    found = attributions("“We will sail at dawn,” said Dana Ruiz, the harbour master.")
    assert list(found["kind"]) == ["direct"]
    assert found.iloc[0]["source"] == "Dana Ruiz"


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


def test_a_name_s_suffix_after_its_comma_stays_in_the_source():
    (row,) = attributions(
        "Harbour master Dana Ruiz, Jr. asked whether the quay could be rebuilt before winter."
    ).itertuples()
    assert (row.cue, row.source_as_written) == ("asked", "Harbour master Dana Ruiz, Jr.")


def test_a_lead_in_comma_does_not_end_a_content():
    found = attributions(
        "According to the council, on Tuesday the pilots discussed a plan to widen the channel."
    )
    according = found[found["cue"] == "According to"].iloc[0]
    assert according["text"].endswith("a plan to widen the channel")


def speakers(body: str) -> list[tuple[str, str, str]]:
    text = f"Harbour news today\n\n{body}\n"
    corpus = load_corpus(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    return [(q.speaker, q.speaker_as_written, q.cue) for q in corpus.quotes.itertuples()]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The cue first, then the name past its lower-case description.
        (
            "“We sail at dawn,” mused harbour pilot Dana Ruiz.",
            ("Dana Ruiz", "Dana Ruiz", "mused"),
        ),
        (
            "Dana Ruiz met the pilots.\n\n“Why not?” she wondered aloud.",
            ("Dana Ruiz", "she", "wondered"),
        ),
        # A passive naming verb before the quotation, who named it after "by".
        (
            "The new channel has been called “a giant leap for the port” by Ida Lund.",
            ("Ida Lund", "Ida Lund", "called"),
        ),
        # A speaker with no capital and no title, named by the cue beside the quotation.
        (
            "“We sail at dawn,” said the woman, who asked not to be named.",
            ("the woman", "the woman", "said"),
        ),
    ],
)
def test_a_cue_beside_a_quotation_names_its_speaker(body, expected):
    assert speakers(body) == [expected]


def test_a_pronoun_that_stands_for_no_one_named_is_kept_as_written():
    ((speaker, written, cue),) = speakers("The tide was low.\n\n“We sail at dawn,” he said.")
    assert (speaker, written, cue) == ("", "he", "said")  # no one to resolve it to


def test_a_sentence_s_first_word_is_no_part_of_a_name():
    from analysis.segment.names import clean_speaker

    assert clean_speaker("Then Ruiz") == "Ruiz"
    assert clean_speaker("Given") == ""


def test_a_document_is_the_source_in_its_own_words_not_a_name_inside_it():
    found = attributions(
        "Dana Ruiz met the mayor.\n\nAccording to the official readout of the call with "
        "Ruiz, the talks on the channel went well."
    )
    row = found[found["cue"] == "According to"].iloc[0]
    assert row["source"] == "the official readout of the call with Ruiz"
    assert row["evidence"].startswith("a document")


@pytest.mark.parametrize(
    ("body", "cue", "written", "source"),
    [
        # a relative pronoun as written; whom it stands for as the source
        (
            "Harbour pilots who warned about the storm were ignored by the board.",
            "warned",
            "who",
            "Harbour pilots",
        ),
        (
            "Former mayor Ida Lund, who on Monday endorsed the plan, left the hall early.",
            "endorsed",
            "who",
            "Ida Lund",
        ),
        # an adverb or a phrase of time between "who" and its verb
        (
            "Harbour master Ida Lund, who formally endorsed the plan, left the hall early.",
            "endorsed",
            "who",
            "Ida Lund",
        ),
        (
            "Ida Lund, who has in the past described the berths as unsafe, spoke last.",
            "described",
            "who",
            "Ida Lund",
        ),
        # an adverb between "which" and its verb: "which" is still the clause's subject
        (
            "The plan drew praise from the fishing league, which largely supports a new quay.",
            "supports",
            "which",
            "the fishing league",
        ),
        # "who" stands for a person: the phrase before "of" or "familiar with" too
        (
            "Half of the pilots who warned about the storm were ignored by the board.",
            "warned",
            "who",
            "Half of the pilots",
        ),
        (
            "“Not enough,” said one pilot familiar with the talks, who added that the board "
            "seemed tired.",
            "added",
            "who",
            "one pilot familiar with the talks",
        ),
        # a participle after a comma: the clause's subject, named or not
        (
            "The ferry crew walked out at noon, demanding that the port hire more pilots.",
            "demanding",
            "The ferry crew",
            "The ferry crew",
        ),
        # an adjective after "be" is the subject's own; a contraction gives its pronoun
        (
            "Some harbour traders are hopeful that the berths will reopen by spring.",
            "hopeful",
            "Some harbour traders",
            "Some harbour traders",
        ),
        (
            "But they're also looking to keep the winter berths for the fishing fleet.",
            "looking",
            "they",
            "",
        ),
        # an auxiliary of "do" stands between the subject and the cue
        (
            "The council's notice does not mention the winter timetable at all.",
            "mention",
            "The council's notice",
            "The council's notice",
        ),
    ],
)
def test_the_source_of_a_learned_cue_is_its_clause_s_subject(body, cue, written, source):
    found = attributions(body)
    row = found[found["cue"] == cue].iloc[0]
    assert (row.source_as_written, row.source) == (written, source)


def test_what_an_aside_says_ends_where_the_main_clause_goes_on():
    found = attributions(
        "Ida Lund, who has in the past called the berths a hazard, voted for the plan."
    )
    [row] = found[found["cue"] == "called"].itertuples()
    assert (row.text, row.source_as_written) == ("the berths a hazard", "who")


def test_a_source_after_a_dateline_s_dash_starts_at_its_first_word():
    found = attributions(
        "PORTVILLE (Wire) — A harbour survey published on Monday said the berths were unsafe."
    )
    row = found[found["cue"] == "said"].iloc[0]
    assert row.source_as_written == "A harbour survey published"  # not " A harbour …"


def test_an_active_naming_verb_keeps_its_subject_as_the_speaker():
    # "what she called “…” by X": hers, not X's (only a passive names its namer after "by")
    assert speakers(
        "Ida Lund met the board on Friday.\n\n"
        "Ida Lund condemned what she called “an unprovoked raid” by the board on the port."
    ) == [("Ida Lund", "Ida Lund", "condemned")]


@pytest.mark.parametrize(
    ("body", "source", "content"),
    [
        # the comma printed inside the marks ends the title
        (
            "Last year, according to “The Harbour Ledger,” the port lost money.",
            "“The Harbour Ledger,”",
            "the port lost money",
        ),
        # opening the sentence, the source runs on to the comma after its marks
        (
            "According to “Harbour Days,” a history of the port, the berths date from 1890.",
            "“Harbour Days,” a history of the port",
            "the berths date from 1890",
        ),
        # a subject that opens on a word of time is no lead-in
        (
            "Last year's catch, according to the ministry, the smallest in a decade, was sold.",
            "the ministry",
            "Last year's catch, according to the ministry, the smallest in a decade, was sold",
        ),
    ],
)
def test_according_to_a_title_and_its_content(body, source, content):
    found = attributions(body)
    row = found[found["cue"].str.lower() == "according to"].iloc[0]
    assert (row.source_as_written, row.text) == (source, content)


@pytest.mark.parametrize(
    ("body", "cue", "source", "content"),
    [
        # opening the sentence: the agent's, the clause after the comma
        (
            "As reported by the Harbour Gazette, the port became the first to cap fares.",
            "reported",
            "the Harbour Gazette",
            "the port became the first to cap fares",
        ),
        # "when asked by": the agent asked, the words after it up to the comma
        (
            "When asked by Ida Lund about the ferry fares, the mayor left the room.",
            "asked",
            "Ida Lund",
            "about the ferry fares",
        ),
        # an aside: the sentence around it
        (
            "The plan, as described by the minister, would cut the fares by half.",
            "described",
            "the minister",
            "The plan, as described by the minister, would cut the fares by half",
        ),
    ],
)
def test_a_participle_after_as_names_its_agent_as_the_source(body, cue, source, content):
    found = attributions(body)
    row = found[found["cue"] == cue].iloc[0]
    assert (row.source_as_written, row.text) == (source, content)


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        # words of place or time after the agent are not what was reported
        (
            "As noted by the auditor in her report, the agency overspent by twelve million.",
            "noted",
            "the agency overspent by twelve million",
        ),
        # a conjunction may open the sentence before "as"
        (
            "But as reported by the Gazette, the port capped fares.",
            "reported",
            "the port capped fares",
        ),
    ],
)
def test_the_agent_s_clause_is_the_one_after_the_comma(body, cue, content):
    row = attributions(body).query("cue == @cue").iloc[0]
    assert row.text == content


@pytest.mark.parametrize(
    ("body", "agent"),
    [
        # the asker asked nothing the sentence says: the clause is the answer's
        ("When asked by reporters, the mayor said the fares would fall.", "reporters"),
        # a deed or a guess, not words: no source of the clause after it
        ("Once signed by the president, the law will take effect in January.", "the president"),
        ("As expected by most analysts, the central bank held rates steady.", "most analysts"),
    ],
)
def test_an_agent_that_did_not_say_the_clause_is_not_its_source(body, agent):
    assert agent not in set(attributions(body)["source_as_written"])


def test_a_noun_ending_in_ly_is_no_adverb_before_a_relative_s_verb():
    found = attributions("The crowd cheered. That rally showed the party still has support.")
    assert "That" not in set(found["source_as_written"])


def test_who_that_asks_a_question_is_no_source():
    found = attributions("It is unclear who first reported the leak to the harbour board.")
    assert "who" not in set(found["source_as_written"])


def test_an_aside_s_list_of_adjectives_stays_in_its_content():
    found = attributions(
        "The pilots, who warned that the berths were old, underfunded and unsafe, struck."
    )
    row = found[found["cue"] == "warned"].iloc[0]
    assert row.source_as_written == "who"
    assert row.text.startswith("the berths were old, underfunded and unsafe")


def test_a_passive_cue_names_no_source():
    found = attributions("The channel is said to be too shallow for the new ferries this year.")
    [row] = found[found["cue"] == "said"].itertuples()
    assert (row.source_as_written, row.source_start) == ("", -1)


def test_a_name_and_a_colon_opening_a_sentence_is_an_attribution():
    found = attributions(
        "Lund: Harbour Talks Will Resume After the Storm.\n\n"
        "REYES: We will reopen the winter berths on Monday morning.\n\n"
        "Note: This story was updated with the port's new figures.\n\n"
        "The Latest: Pilots return to the harbour after the storm.\n\n"
        "The meeting ended at 7:30 with no deal on the winter timetable."
    )
    label = found[found["evidence"].str.contains("a name and a colon")]
    assert label[["source_as_written", "cue", "text"]].values.tolist() == [
        ["Lund", ":", "Harbour Talks Will Resume After the Storm"],
        ["REYES", ":", "We will reopen the winter berths on Monday morning"],
    ]


def test_a_headline_s_source_may_name_its_topic_or_be_a_poll():
    # "Lund on the fares: …" names the topic before the colon; a poll is the source
    # of its finding. A series' name ("The Weekly Report:") is still no one's.
    found = attributions(
        "Lund on the Winter Fares: They Will Rise in March, Not Before.\n\n"
        "Poll: Berg Leads Lund by Five Points in the Harbour Race.\n\n"
        "The Weekly Report: Ferries return to the harbour after the storm.\n\n"
        "The meeting ended at 7:30 with no deal on the winter timetable."
    )
    label = found[found["evidence"].str.contains("a name and a colon")]
    assert label[["source_as_written", "text"]].values.tolist() == [
        ["Lund", "They Will Rise in March, Not Before"],
        ["Poll", "Berg Leads Lund by Five Points in the Harbour Race"],
    ]


@pytest.mark.parametrize(
    ("body", "cue", "written"),
    [
        # a plural noun heads the subject, named by no list
        (
            "In the spring, harbour traders warned that the fund would run dry.",
            "warned",
            "harbour traders",
        ),
        # a time phrase between the apposition and the cue
        (
            "Ida Lund, the harbour master, this past week announced that the berths will open.",
            "announced",
            "Ida Lund",
        ),
        # "what" opens a clause: its subject is after it
        (
            "The pilots were released, displaying what many analysts said was a sign of calm.",
            "said",
            "many analysts",
        ),
    ],
)
def test_a_subject_read_back_from_its_cue(body, cue, written):
    found = attributions(body)
    assert found.loc[found["cue"] == cue, "source_as_written"].tolist() == [written]


def test_a_cue_after_a_quotation_s_own_cue_is_an_attribution_of_its_own():
    found = attributions(
        "“The berths will open,” Ida Lund said, insisting that the harbour had enough pilots."
    )
    row = found[found["cue"] == "insisting"].iloc[0]
    assert (row.source_as_written, row.text) == ("Ida Lund", "the harbour had enough pilots")


def test_a_headline_in_title_case_and_a_short_content_are_attributions():
    text = "Harbour Chief Says Berths Will Open By Spring\n\nIda Lund supported the idea.\n"
    corpus = load_corpus(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    rows = corpus.attributions[["source_as_written", "cue", "text"]].values.tolist()
    assert rows == [
        ["Harbour Chief", "Says", "Berths Will Open By Spring"],
        ["Ida Lund", "supported", "the idea"],
    ]


@pytest.mark.parametrize(
    ("body", "cue", "source"),
    [
        # An age opens the apposition; the name is before it.
        (
            "Lance Reyes, 49, a pilot who now works for the port, said the berths were full.",
            "said",
            "Lance Reyes",
        ),
        # A verb among the words before the cue: the clause's subject is before it.
        ("Rand Lund and Ida Paul have all attacked the new ferry timetable.", "attacked", "Ida Paul"),
        ("Mr. Lund has increasingly criticised the ferry timetable.", "criticised", "Mr. Lund"),
        # A feeling after "be" is the subject's own, not said of it.
        ("Some harbour pilots are concerned that the new ferries are too big.", "concerned",
         "Some harbour pilots"),
        # A participle opening the sentence has the main clause's subject.
        ("Noting that the vote was close, Ms. Ruiz said the plan would pass next year.",
         "Noting", "Ms. Ruiz"),
        # A participle after a comma hangs on its clause: that clause's subject speaks,
        # not the noun phrase just before the comma, nor a lead-in (two of them here).
        ("Hundreds of striking dockers marched through the port on Monday, chanting "
         "slogans against the owners.", "chanting", "Hundreds of striking dockers"),
        ("In a radio interview, Mr. Okafor questioned why the mayor had stayed away, "
         "implying that she had been kept from the rally.", "implying", "Mr. Okafor"),
        ("On Thursday, after staying quiet through the primary, Senator Lund appeared on "
         "television and endorsed Reyes, saying the party needed a fighter.", "saying",
         "Senator Lund"),
        ("The ferry board met on Monday, and the pilots left the hall at noon, insisting "
         "that the berths were unsafe.", "insisting", "the pilots"),
        # A past tense with its object ("released a statement") is a verb: its subject
        # speaks; "Elected officials" has no object after "Elected".
        ("The port authority released a statement on Monday saying the ferry would run "
         "again.", "statement", "The port authority"),
        ("Elected harbour officials said the berths would open in spring.", "said",
         "Elected harbour officials"),
        # A participle after a preposition, or a phrase of time, has its clause's
        # subject; after a noun or "with", that noun ("with three in ten saying").
        ("Even if Lund loses the vote, the pilots can still stall the board by pushing "
         "for a second ballot on the berths.", "pushing", "the pilots"),
        ("The council has fought the port for years, at one point calling the mayor a "
         "liar.", "calling", "The council"),
        ("Pilots went further, with Captain Ida Reyes calling the plan a disgrace.",
         "calling", "Captain Ida Reyes"),
        # "according to" is no participle of the clause: its source follows it.
        ("Fares have risen by a tenth, while the number of riders stayed the same, "
         "according to the port.", "according to", "the port"),
        # An adverb or an auxiliary between a subject and its cue is neither's.
        ("She even described her own christening at the chapel on Court Street.",
         "described", "She"),
        ("Officials in Harbourtown said the berths would open in spring.", "said",
         "Officials in Harbourtown"),
        # A participle opening the sentence after a preposition: its subject follows.
        ("Without naming a date, Mr. Reyes promised that the berths would be full by spring.",
         "naming", "Mr. Reyes"),
        # A span of time before the cue is no part of the subject.
        ("The port board less than two weeks ago said the berths were full.", "said",
         "The port board"),
        # A long lead-in before the clause's subject.
        ("In response to the mayor's plan to close the harbour to all foreign ships until "
         "the spring, the pilots' union rallied its members, saying it would strike.",
         "saying", "the pilots' union"),
        # An honorific opens a name: the capitalised word before it ends another
        # phrase; a title before it, or a preposition, keeps the phrase whole.
        ("After a debate in Portville Mrs. Lund said the berths were full.", "said",
         "Mrs. Lund"),
        ("Advisers to Mr. Reyes said the berths were full.", "said", "Advisers to Mr. Reyes"),
        # A cue printed before its speaker is no part of the speaker.
        ("“We will not sail,” said Ida Lund, who leads the pilots, citing the storms "
         "expected this week.", "citing", "Ida Lund"),
        # An irregular past tense is the clause's verb: its subject, not its object, says it.
        ("Ana Lund threw her support behind Sen. Tom Berg on Wednesday, saying it is time "
         "for a harbour man in the town hall.", "saying", "Ana Lund"),
    ],
)  # fmt: skip
def test_the_source_is_the_clause_s_subject_not_the_words_before_the_cue(body, cue, source):
    found = attributions(body)
    mine = found[found["cue"] == cue]
    assert list(mine["source_as_written"]) == [source], found[["cue", "source_as_written"]]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # A prepositional phrase or an aside between the speaker and the cue.
        ("Ruiz, in Kentucky, said the pilots were “ready for the winter.”", "Ruiz"),
        ("Lund, meanwhile, who has no boat, said the fares were “far too high.”", "Lund"),
        # Cue verbs of a press quotation beyond "said".
        ("“Would the ferry run in the storm?” Ms. Ruiz pressed.", "Ruiz"),
        ("“Keep the berths open through March,” the board recommended.", "the board"),
        # A noun after a preposition is its object, never a speaker: the subject is.
        (
            "During the call, Ms. Ruiz highlighted the “grave regional consequences” if the "
            "war on the Strip continues.",
            "Ruiz",
        ),
        (
            "A reporter speaking from the Harbour said that Lund told the pilots that “the "
            "berths are full”.",
            "Lund",
        ),
        # A name, then its office with no comma closing it, then the cue.
        (
            "“The port is open to all,” Wang Li, director of the office of the Harbour "
            "Commission of the Board said on Friday.",
            "Wang Li",
        ),
        # "To this end" opens the sentence; "this" is no verb.
        (
            "Ida Lund spoke for an hour. To this end, she called on the board to “cut the fees.”",
            "she",
        ),
        # A capitalised preposition opening the sentence is no subject.
        ("Ida Lund spoke for an hour. Within minutes, she called the board “a disgrace.”", "she"),
        # A line after the quotation signs it, as pull quotes and fact checks print it.
        ("“I was the one who warned the port about the berths.”\n\n- Ida Lund.", "Ida Lund"),
        (
            "“Great speech. She is ready.”\n\n—Mayor Dana Reyes, writing after the vote.",
            "Dana Reyes",
        ),
        # An ellipsis ends the sentence at the mark, like a question.
        ("“Well, nobody will ever ride that ferry…” Ms. Ruiz mocked.", "Ruiz"),
        # A number opening the sentence is no one's name.
        ("Eight years ago, Ms. Ruiz backed the “harbour first” plan.", "Ruiz"),
        # "As X put it": X's words.
        (
            "Or, as Tom Reyes, a former harbour master, put it: “The ferries will not wait "
            "for us.”",
            "Tom Reyes",
        ),
        # A colon hands the clause's subject the words after it, whatever its kind.
        ("A table in the report spells it out: “These figures exclude ferries.”", "table"),
        ("From the harbour report: “Most berths stand empty in winter.”", "harbour report"),
        # "As X sang", the cue then its speaker before the quotation, a lower-case
        # description before a name after the cue, "points out".
        ("As the Harbour Band sang in 1984, “The tide will carry us home.”", "Harbour Band"),
        (
            "Given the board's timetable, explained Rosenberg, “the pier may close early.”",
            "Rosenberg",
        ),
        ("“Welcome to the quay, everyone,” said master of ceremonies Jo Tal.", "Jo Tal"),
        ("“The plan could still work,” Dana Hale points out.", "Dana Hale"),
        ("“Please give what you can for the pier,” the email read.", "email"),
        # A line naming the document that follows, as the text words it.
        ("Partial transcript as follows:\n\n“We will build the pier.”", "partial transcript"),
        (
            "The Gazette has the footage:\n\n“Should every boat in the bay be registered?”",
            "Gazette",
        ),
        # A name's body after it, and a description before a name with an apposition.
        (
            "“The pier is too costly,” Jeff Lund of the Harbour Institute for Coastal "
            "Policy wrote on Friday.",
            "Jeff Lund",
        ),
        (
            "“The pier is sinking,” the engineer Paul Hart, a consultant to the harbour "
            "board, said on Monday.",
            "Paul Hart",
        ),
    ],
)
def test_more_forms_name_a_quotation_s_speaker(body, speaker):
    text = f"Harbour news today\n\n{body}\n"
    quotes = load_corpus(pd.DataFrame({"article_id": ["a"], "text": [text]})).quotes
    (quote,) = quotes[quotes["article_id"] == "a"].itertuples()  # not an embedded text's
    assert speaker in quote.speaker_as_written, quote.speaker_evidence


def test_a_quotation_standing_alone_is_the_previous_subject_s():
    found = speakers(
        "Tom Reyes kept his answers short at the hearing.\n\n“The pier needs money, and soon.”"
    )
    assert [speaker for speaker, _, _ in found] == ["Tom Reyes"]
    # A quotation before it is continued instead, as before.
    found = speakers("“The fares will fall,” Ana Lund said. The mayor nodded.\n\n“And soon.”")
    assert [speaker for speaker, _, _ in found] == ["Ana Lund", "Ana Lund"]


def test_a_plural_subject_before_a_colon_introduces_the_quotation():
    found = speakers("Applicants are asked to state: “When did you first berth here?”")
    assert found[0][1] == "Applicants"


def test_whom_it_was_told_to_is_no_speaker_before_the_quotation():
    found = speakers(
        "Ida Ward, who sits on the harbour board, told the Gazette, “We will vote no.”"
    )
    assert found[0][1] == "Ida Ward"


@pytest.mark.parametrize("body", ["Presidency", "Pentagon", "Senate"])
def test_it_stands_for_the_body_named_before(body):
    text = (
        f"Harbour news today\n\n“The talks will resume,” the Harbour {body} said in a "
        "statement.\n\n“The ferry will sail on Friday,” it continued.\n"
    )
    quotes = load_corpus(pd.DataFrame({"article_id": ["a"], "text": [text]})).quotes
    mine = quotes[quotes["article_id"] == "a"]  # not the statement the article embeds
    assert list(mine["speaker"]) == [f"Harbour {body}"] * 2
    assert list(mine["speaker_as_written"]) == [f"Harbour {body}", "it"]


def test_an_auxiliary_before_the_cue_is_no_part_of_a_described_speaker():
    text = "Harbour news today\n\n“We will sail on time,” the harbour master will say.\n"
    corpus = load_corpus(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    (quote,) = corpus.quotes.itertuples()
    assert quote.speaker_as_written == "the harbour master", quote.speaker_evidence


def test_subject_words_come_from_one_split_of_the_sentence():
    from analysis.segment.subjects import _TOKEN, _words

    sentence = "The  city's   mayor, a former judge, said on Monday that the vote stands."
    for lo in (0, 3, 5, 12, 20):
        for at in (lo, lo + 1, 30, 41, 45, len(sentence)):
            expected = [m.span() for m in _TOKEN.finditer(sentence, lo, at)]
            assert _words(sentence, lo, at) == expected, (lo, at)
    other = "Another sentence, read after it."
    assert _words(other, 0, len(other)) == [m.span() for m in _TOKEN.finditer(other)]


def test_a_poll_share_and_the_authorities_of_a_place_are_sources():
    # "Among X, 74 percent said": the share speaks, not the lead-in before its comma.
    assert (
        content_and_source("Among harbour workers, 74 percent said they would strike.", "said")[1]
        == "74 percent"
    )
    assert (
        content_and_source("In the poll, 41 per cent say the pier should close.", "say")[1]
        == "41 per cent"
    )
    body = (
        "Authorities in Westmark, the state next to the harbour, announced tighter "
        "controls on the pier on Tuesday."
    )
    assert content_and_source(body, "announced")[1] == "Authorities in Westmark"


def test_a_description_with_a_name_in_apposition_gives_the_name():
    body = "His spokesman, Jo Reyes, said the pier would reopen."
    assert content_and_source(body, "said") == ("the pier would reopen", "Jo Reyes")
    body = "And a third, Dan Traynor, said that he was opposed to the plan."
    assert content_and_source(body, "said")[1] == "Dan Traynor"
    # A name with an apposition stays the name.
    assert content_and_source("Tom Hart, a lawyer, said the pier would reopen.", "said")[1] == (
        "Tom Hart"
    )


def test_a_question_word_alone_names_no_source():
    from analysis.segment.subjects import _names_a_source

    assert not _names_a_source(["Why"])
    assert not _names_a_source(["How"])
    assert _names_a_source(["Jolly"])  # a name that ends like an adverb is still a name


def test_a_party_tag_is_no_part_of_the_source():
    # "Sen. X (R-State) said": the tag says which party, the name says who.
    assert content_and_source("Sen. Mara Quill (R-Okla.) said the pier would close.", "said") == (
        "the pier would close",
        "Sen. Mara Quill",
    )
    body = "Rep. Tom Avery (D-New York) told reporters the pier would close."
    assert content_and_source(body, "told")[1] == "Rep. Tom Avery"
    # A comma after the tag closes no apposition.
    assert content_and_source("Gov. Ann Lund (R-Ohio), said the plan was ready.", "said")[1] == (
        "Gov. Ann Lund"
    )


def test_a_name_with_two_descriptions_apposed_is_the_source():
    body = "Pia Rossi, a lawyer, a mother of three, said the plan was dead."
    assert content_and_source(body, "said")[1] == "Pia Rossi"
    # The second description names a body: still the person before them speaks.
    body = (
        "Pia Rossi, the editor of the city’s paper, The Harbour Gazette, said the pier would close."
    )
    assert content_and_source(body, "said")[1] == "Pia Rossi"
    # A lead-in before a description is no name: the description speaks.
    body = "In Westmark, the minister, a lawyer, said the plan was dead."
    assert content_and_source(body, "said")[1] == "the minister"


def test_a_cue_in_a_subordinate_clause_has_that_clause_s_subject():
    # The verb's subject stands in its own clause, not at the sentence's start.
    body = "The crowd cheered when Lund spotted a sign and asked that it be brought to her."
    assert content_and_source(body, "asked")[1] == "Lund"
    body = "Much of the debate was so calm that Mr. Dale was prompted to say the pier was safe."
    assert content_and_source(body, "say")[1] == "Mr. Dale"


@pytest.mark.parametrize(
    ("sentence", "cue", "subject"),
    [
        # A comma closes the subordinate clause: the participle hangs on the main one.
        ("The dockers marched when the gates shut, chanting", "chanting", "The dockers"),
        # No subject of its own after "while", nor after a relative "that".
        ("The dockers marched while loudly chanting", "chanting", "The dockers"),
        (
            "The dockers voted for a plan that scrambles the old order, urging",
            "urging",
            "The dockers",
        ),
        # A clause after "when" that runs to the cue has its own subject.
        ("The crowd cheered when Lund said", "said", "Lund"),
    ],
)
def test_the_nearest_clause_with_a_subject_of_its_own(sentence, cue, subject):
    from analysis.segment.subjects import _nearest_clause_subject

    found = _nearest_clause_subject(sentence, 0, sentence.index(cue))
    assert sentence[slice(*found)] == subject


@pytest.mark.parametrize(
    ("body", "cue", "source"),
    [
        # An adverb between the source and its verb is neither's.
        ("Lund jokingly said the pier would close.", "said", "Lund"),
        # A capitalised name in -ly is no adverb.
        ("Ms. Kelly criticized the plan to close the pier.", "criticized", "Ms. Kelly"),
        # A bracket opens the clause its source stands in.
        (
            "The plan is dead (Rafael Lund, who led the board, once said the pier would close).",
            "said",
            "Rafael Lund",
        ),
        # A quotation closed by its comma ends the phrase before the name.
        ("“Judge,” Brafman said, the pier will close on Monday.", "said", "Brafman"),
        # A title in marks inside a noun phrase does not.
        ("The “Avatar” star posted a long message about the pier.", "posted", "The “Avatar” star"),
        # A state's tag after the name, with or without the party, is no part of it.
        ("Sen. Ted Crane (Tex.) has said that the pier would close.", "has said", "Sen. Ted Crane"),
        (
            "Sen. Lamar Hale (R-Tenn.), one of the bill’s architects, called it a big step.",
            "called",
            "Sen. Lamar Hale",
        ),
    ],
)
def test_the_source_as_written_is_the_name_without_what_surrounds_it(body, cue, source):
    assert content_and_source(body, cue)[1] == source


@pytest.mark.parametrize(
    ("body", "content"),
    [
        # When or where it was said, then "that": the content starts after "that".
        ("Lund said after the vote that the deal was dead.", "the deal was dead"),
        (
            "Reyes told a crowd in Dunmore on Tuesday that she would run again.",
            "she would run again",
        ),
        # When it was said, straight after the cue, and a comma before the source: the
        # content is before the comma.
        (
            "Outright victory is vital to the campaign, he said after meeting aides on "
            "Thursday, because party leaders would balk.",
            "Outright victory is vital to the campaign",
        ),
    ],
)
def test_when_it_was_said_is_no_part_of_the_content(body, content):
    assert content in attributions(body)["text"].tolist()


def test_a_relative_that_after_when_it_was_said_stays_in_the_content():
    # "in August that compared …": what was posted compared things; no content opens there.
    body = "He was suspended after he posted a comment on Twitter in August that compared the pier to a prison."
    texts = attributions(body)["text"].tolist()
    assert not any(text.startswith("compared the pier") for text in texts)


@pytest.mark.parametrize(
    "body",
    [
        "On Thursday, Lund complained to the radio that the pier was unfair.",
        "In Geneva, Lund said during the talks the deal was dead.",
        "At private courses, the fees cover that, Mr. Dale said.",
    ],
)
def test_a_lead_in_is_never_a_tail_s_content(body):
    texts = attributions(body)["text"].tolist()
    assert texts and not any(
        text in {"On Thursday", "In Geneva", "At private courses"} for text in texts
    )


def test_a_direct_attribution_s_content_is_its_quotation_s_words():
    # Whichever rule found it, direct speech spans the quotation's words, as the
    # quotation's own attribution does; mixed speech ending on a quotation keeps
    # its closing mark, so no content opens a mark it does not close.
    found = attributions("Reyes said, “The pier will close.” Ann called it “a farce” on Monday.")
    direct = found[found["kind"] == "direct"]
    assert direct["text"].tolist() == ["The pier will close."]
    mixed = found[found["kind"] == "mixed"]["text"].tolist()
    assert mixed == ["it “a farce” on Monday"]


@pytest.mark.parametrize(
    ("body", "cue", "source"),
    [
        # "each", "everyone": a source on their own.
        ("The three mayors met, but each said the pier should close.", "said", "each"),
        ("Everyone agreed that the pier should close.", "agreed", "Everyone"),
        # An irregular past tense ends a subject read back: its own subject stands before it.
        ("Lund drew praise from the dockers, who backed the plan.", "praise", "Lund"),
        # A date's comma closes no clause.
        (
            "A Sept. 15, 2011 email shows the harbour board sent ten letters.",
            "shows",
            "A Sept. 15, 2011 email",
        ),
    ],
)
def test_a_distributive_subject_a_past_tense_and_a_date(body, cue, source):
    assert content_and_source(body, cue)[1] == source


@pytest.mark.parametrize(
    ("body", "cue", "source"),
    [
        # The object of "led", "prompted", "urged" says the infinitive after it.
        (
            "The narrow win led party chairman Ray Pell to declare him the nominee.",
            "declare",
            "party chairman Ray Pell",
        ),
        (
            "The slump has led some allies to worry whether she can hold the South.",
            "worry",
            "some allies",
        ),
        # A purpose infinitive is the subject's: "used his speech to call for …".
        ("Ramos used his acceptance speech to call for the mayor to resign.", "call", "Ramos"),
        # "wants to", "continue to": the subject before the verb says it.
        ("Lund wants to say the pier is safe.", "say", "Lund"),
        ("Still, polls continue to show that dockers back the plan.", "show", "polls"),
        # A purpose after a place or a programme: the object of "on" or "in" says nothing.
        (
            "Harbour master Ines Vale went on the morning show to declare the pier unsafe.",
            "declare",
            "Harbour master Ines Vale",
        ),
        (
            "Tom Reed climbed the steps of the town hall in Dunmore to declare his candidacy.",
            "declare",
            "Tom Reed",
        ),
        # An adverb opening the sentence is no subject of it; a short name is no adverb.
        (
            "Recently, Ada Lind of Portsea stood at a harbour meeting to say the ferry was late.",
            "say",
            "Ada Lind of Portsea",
        ),
        (
            "Sally, a nurse from Portsea, stood at the harbour meeting to say the ferry was late.",
            "say",
            "Sally",
        ),
    ],
)
def test_who_says_an_infinitive(body, cue, source):
    assert content_and_source(body, cue)[1] == source


def test_a_curly_apostrophe_s_negation_is_no_part_of_the_source():
    # "isn’t" with a curly apostrophe is the verb "isn't": the source ends before it.
    body = "The harbour board isn’t saying what it will do about the pier."
    assert content_and_source(body, "saying")[1] == "The harbour board"


def test_an_adverb_before_a_cue_is_no_cue_of_its_own():
    # The model learned "falsely" (labelled cues open on it at times); before "suggesting"
    # it would give a second attribution of the same words, with no source.
    found = attributions(
        "Lund has raised questions about the pier, falsely suggesting that it was unsafe."
    )
    assert "falsely" not in set(found["cue"])
    said = found[found["cue"] == "suggesting"]
    assert said["source_as_written"].tolist() == ["Lund"]
    assert said["text"].tolist() == ["it was unsafe"]


@pytest.mark.parametrize(
    "body",
    [
        "Lund at the time said he would pay the harbour fees.",
        "Lund in an interview said he would pay the harbour fees.",
    ],
)
def test_a_circumstance_between_subject_and_cue_is_no_source(body):
    assert content_and_source(body, "said") == ("he would pay the harbour fees", "Lund")


@pytest.mark.parametrize("who", ["the two leaders", "the two politicians", "the ministers"])
def test_a_plural_described_subject_before_its_cue_speaks_the_quotation(who):
    # Not the source of the reported speech the sentence opened with: the second
    # quotation has its own subject and cue, just before it.
    text = (
        "Ferry talks\n\nDuring the call, the harbour master said the port would “work with "
        f"the fleets to press for faster repairs” and {who} agreed on “next steps and safe "
        "berths”.\n"
    )
    quotes = load_corpus(pd.DataFrame({"article_id": ["a"], "text": [text]})).quotes
    assert quotes["speaker_as_written"].tolist() == ["the harbour master", who]


@pytest.mark.parametrize("office", ["Mr Lund's office", "Prime Minister Ana Lund's office"])
def test_he_after_a_person_s_office_said_is_that_person(office):
    text = (
        "Ferry talks\n\nMr Lund and Mr Berg spoke for two hours on Tuesday.\n\n"
        f"{office} said that beyond calling for a ceasefire, he urged Mr Berg to let the "
        "ferries leave Ostrava.\n\n"
        "He also offered to “work with the harbour board to lift the blockade”.\n"
    )
    quotes = load_corpus(pd.DataFrame({"article_id": ["a"], "text": [text]})).quotes
    assert quotes["speaker_as_written"].str.lower().tolist() == ["he"]
    assert quotes["speaker"].tolist()[0].endswith("Lund")


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "Executives for Harbour Foods, which made more than $30 billion in sales last "
            "year, say the company will save $46 million a year with the cuts.",
            "Executives for Harbour Foods",
        ),
        (
            "The ministry, which oversees the ports, said the ferry would resume in May.",
            "The ministry",
        ),
    ],
)
def test_a_which_clause_between_the_subject_and_its_cue_is_no_source(body, source):
    found = attributions(body)
    [row] = found[found["cue"].isin(["say", "said"])].itertuples()
    assert row.source_as_written == source


def test_according_to_set_off_by_commas_before_a_conjunction_attributes_the_sentence():
    body = (
        "In the north, the ferry leads the polls, according to a harbour survey, although "
        "the bridge plan is close behind."
    )
    found = attributions(body)
    [row] = found[found["cue"] == "according to"].itertuples()
    assert row.source_as_written == "a harbour survey"
    assert row.text.startswith("In the north") and row.text.endswith("close behind")


@pytest.mark.parametrize(
    ("body", "source", "content"),
    [
        # A semicolon closes the tail's clause: what follows is the writer's again.
        (
            "The sea wall needs raising before the storms, harbour engineers say; in 2019, "
            "a gale broke the old one.",
            "harbour engineers",
            "The sea wall needs raising before the storms",
        ),
        # After "told", an audience and a day: nothing after the cue is content.
        (
            "The fund includes a grant for ferry crews, Transport Minister Ola Berg told a "
            "Senate panel Thursday.",
            "Transport Minister Ola Berg",
            "The fund includes a grant for ferry crews",
        ),
        (
            "The pier is safe to use, the mayor told his harbour counterpart on Monday.",
            "the mayor",
            "The pier is safe to use",
        ),
    ],
)
def test_a_tail_closed_by_a_semicolon_or_an_audience(body, source, content):
    [row] = attributions(body).itertuples()
    assert (row.text, row.source_as_written) == (content, source)


@pytest.mark.parametrize(
    "body",
    [
        "The figures are too thin to tell the whole story.",
        "Both ports answer to the League, which writes the harbour code.",
    ],
)
def test_a_told_verb_s_object_is_no_audience_unless_it_is_one(body):
    # "tell the whole story", "writes the harbour code": the object is what is told.
    found = attributions(body)
    assert not found["text"].str.startswith(("The figures", "Both ports")).any()


def test_source_and_cue_set_off_by_commas_after_when_it_was_said():
    body = (
        "The board built the pier to ease the queues, a spokeswoman, Ida Moss, said on "
        "Monday, and it has been busy every day since."
    )
    [row] = attributions(body).itertuples()
    assert row.source_as_written == "Ida Moss"
    assert row.text.startswith("The board built") and row.text.endswith("every day since")
    assert "set off by commas" in row.evidence


def test_a_lead_in_before_the_source_keeps_the_content_after_the_cue():
    body = "In Ostrava, Mr Lund told reporters, the ferry plant will close in May."
    [row] = attributions(body).itertuples()
    assert row.text == "the ferry plant will close in May"


@pytest.mark.parametrize(
    ("body", "source", "content"),
    [
        (
            "Coastal towns like Aston (88 percent of them voted, according to county "
            "records) top the list.",
            "county records",
            "88 percent of them voted",
        ),
        (
            "Most ferry users - 58 percent in 2019, according to the harbour survey - still "
            "back the plan.",
            "the harbour survey",
            "Most ferry users - 58 percent in 2019, according to the harbour survey - still "
            "back the plan",
        ),
    ],
)
def test_according_to_inside_brackets_or_dashes(body, source, content):
    assert content_and_source(body, "according to") == (content, source)


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # The conjunction's own comma, "There,", and an aside between dashes are lead-ins.
        (
            "And, like the mayor, they have won over the dockers by criticizing the board "
            "and refusing to back down.",
            "they",
        ),
        (
            "There, the harbour board's chairman Bob Smith refused to list the bidders but "
            "said one was local.",
            "the harbour board's chairman Bob Smith",
        ),
        (
            "In Ohio, for instance — a county the mayor ought to carry — Lund rented a "
            "shopfront and then unveiled her list of backers.",
            "Lund",
        ),
    ],
)
def test_a_clause_s_subject_past_its_lead_ins(body, source):
    found = attributions(body)
    assert set(found["source_as_written"]) == {source}


@pytest.mark.parametrize(
    ("body", "cue", "source"),
    [
        # "while also saying": a subordinate clause with no subject of its own.
        (
            "“We shall see,” Mr Lund added, while also saying that he expects to carry the "
            "harbour wards.",
            "saying",
            "Mr Lund",
        ),
        # A sentence adverb with a word of degree before it is a lead-in, not a subject.
        (
            "More recently, Lund has changed course to suit the mood, offering bleaker "
            "warnings about the ferry.",
            "offering",
            "Lund",
        ),
        # A town, then its state: both are the lead-in's place.
        (
            "At a rally in Bangor, Maine, on Friday, Ms. Reyes tried to soften her pledge, "
            "saying that the port should stay open all winter.",
            "saying",
            "Ms. Reyes",
        ),
    ],
)
def test_a_participle_s_subject_past_adverbs_and_places(body, cue, source):
    found = attributions(body)
    [row] = found[found["cue"] == cue].itertuples()
    assert row.source_as_written == source


def test_a_name_and_its_apposition_after_a_town_are_no_state():
    body = "In Bangor, Lund, the harbour master, said the pier would close."
    [row] = attributions(body).itertuples()
    assert row.source_as_written == "Lund"


@pytest.mark.parametrize(
    "body",
    [
        "Sunday saw Reyes calling the ferry plan a disgrace at the quay.",
        "On the quay, Tuesday brought Lund demanding a new vote on the ferry.",
        "Yesterday saw Lund demanding a new vote on the ferry.",
        "Last night saw Berg calling the ferry plan a disgrace at the quay.",
    ],
)
def test_a_time_is_never_a_source(body):
    found = attributions(body)
    assert not found.empty
    assert not found["source_as_written"].str.contains("Sunday|Tuesday|Yesterday|Last").any()


@pytest.mark.parametrize(
    ("body", "first", "second"),
    [
        # With no comma before "and" or "but", a pronoun or a group opens a clause and
        # a cue of its own: the first content ends there.
        (
            "Lund said Norland agents broke into council computers and she accused Tom "
            "Berg of siding with the Norland premier.",
            ("Norland agents broke into council computers", "Lund"),
            ("Tom Berg of siding with the Norland premier", "she"),
        ),
        (
            "Many councillors have said they will not attend the meeting and others have "
            "said they are not interested in speaking.",
            ("they will not attend the meeting", "Many councillors"),
            ("they are not interested in speaking", "others"),
        ),
    ],
)
def test_a_clause_of_its_own_without_a_comma_ends_the_content_before_it(body, first, second):
    found = attributions(body)
    pairs = list(zip(found["text"], found["source_as_written"], strict=True))
    assert pairs == [first, second]


def test_a_noun_after_and_is_no_clause_of_its_own():
    found = attributions("Lund said the pier and the ferry would open in June.")
    assert found["text"].tolist() == ["the pier and the ferry would open in June"]
