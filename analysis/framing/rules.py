"""The thresholds of every framing measure, one frozen dataclass per job, each with its reason.

The values are ours, calibrated on the seed and the hand-made pairs in
``tests/fixtures/framing``, and stated here so that an analyst can change them:
pass your own, e.g. ``framing.framing_of(corpus, align_rules=AlignRules(verbatim=0.8))``.
Each measure takes its rules as a keyword argument and hands them down to every
function (and worker process) that reads them.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AlignRules", "FidelityRules", "ReuseRules", "UsageRules"]


@dataclass(frozen=True)
class AlignRules:
    """How journalist sentences are compared with official sentences, and labelled.

    A journalist sentence is *verbatim* when ``verbatim`` of its word 3-grams are in
    one official sentence; a *close paraphrase* at a TF-IDF cosine of
    ``close_cosine`` or a 3-gram share of ``close_containment``; a *loose
    paraphrase* when the official sentences it draws on (each covering at least
    ``source_min`` of its weighted content words) together cover ``loose_union``;
    else *added*.

    Attributes:
        verbatim: Share of the sentence's word 3-grams found in one official
            sentence from which it is a copy of that sentence.
        close_cosine: TF-IDF cosine (stemmed content words and bigrams) from which
            a sentence says what its official one says, in other words.
        close_containment: Share of 3-grams from which a sentence keeps enough of
            the official wording to be a close paraphrase, whatever its cosine.
        loose_union: Share of the sentence's weighted content words found in the
            official sentences it draws on, together, from which it is a loose
            paraphrase (a summary of several) rather than the journalist's own.
        source_min: Share of the sentence's weighted content words (or 3-grams) an
            official sentence must hold to count as one of its sources: below it
            the two share a name or a set phrase, not content.
        max_sources: Official sentences kept per journalist sentence, the best
            first: its sources and its union coverage are taken from these.
        rank_cosine: Cosine's weight in ranking candidates, so small it only
            decides ties of the best score (a short sentence is fully covered by
            every sentence sharing its words, but copied from one of them).
        min_unit_words: Sentences with fewer words (of two letters or more) are not
            compared: a paragraph number or a bare dateline carries nothing.
        gram_min: 3-gram containment is computed only for pairs whose cosine or
            coverage reaches this (speed: containment needs shared words).
        name_share: A word capitalised in this share of its non-initial uses is a
            name or a title.
        name_weight: Names' weight in the TF-IDF vectors: names recur in every
            sentence about an event; they say who, not what.
    """

    verbatim: float = 0.75
    close_cosine: float = 0.5
    close_containment: float = 0.35
    loose_union: float = 0.2
    source_min: float = 0.06
    max_sources: int = 3
    rank_cosine: float = 1e-7
    min_unit_words: int = 3
    gram_min: float = 0.15
    name_share: float = 0.8
    name_weight: float = 0.3


@dataclass(frozen=True)
class UsageRules:
    """When a news article used an official sentence, word for word or in other words.

    Usage is measured from the official sentence's side: how much of *it* a news
    sentence holds (``covered``: the IDF-weighted share of its content words, names
    weighing :attr:`AlignRules.name_weight`), and the longest run of its words that
    a news sentence repeats in order (``copied_words``). Any of the article's prose
    counts (headline, reporter's text, quotations, the official text it carries,
    embedded posts), not boilerplate or captions.

    Attributes:
        verbatim_run: A run of this many words copied in order is a clause copied
            word for word: shorter shared runs are names, titles and set phrases
            ("the two leaders agreed to"), which any report of the event repeats.
        verbatim_share: A run covering this share of a short official sentence is
            the whole sentence copied ("They agreed to speak soon.").
        min_run: Runs shorter than this are not measured (a 3-gram is the shortest
            copy the 3-gram index finds).
        edit_words: A copy with a small edit is still a copy: two runs of the same
            official sentence, in order, join into one (their words counted, the
            edit's not) when the news sentence adds at most this many words
            between them ("British Prime Minister", an aside "he said") and skips
            none of the official ones...
        respelt_words: ...or puts at most this many in place of one official word,
            one of them a spelling of it ("Kyiv" for "Kiev", "Volodymyr Zelensky"
            for "Zelenskyy"; a different word there is a paraphrase).
        edit_run: Only runs of at least this many words join (a 3-gram, as
            ``min_run``): a stray shared word ("the", "and") is no part of a copy.
            One edit is skipped; a second makes a paraphrase.
        quoted_words: Quotation marks are the journalist saying "these are the
            source's words": a run of this many words inside one quotation, found in
            order in the official sentence, is a verbatim use of it, well short of
            ``verbatim_run``. Six words make a clause; five or fewer are often a set
            phrase or a place's name, which any report repeats in quotation marks.
        quoted_share: ...when the run holds this share of the quotation's words in
            that sentence: the quotation is the official wording, not a remark of
            another speaker that shares a phrase with it.
        paraphrase_cover: A news sentence that matches the official one best (of
            that document's sentences), and is a match by the alignment labels (not
            "added"), conveys it in other words when it holds this share of it. A
            sentence reporting the call (see ``min_cover``'s account of the call)
            conveys each other sentence of that readout it holds this share of,
            however it is labelled: it sums up what the call was about ("we spoke
            about A, B and C"). A sentence of the readout about the call itself
            (a call word: "They agreed to speak soon") is not one of these.
        own_cover: A news sentence whose best match is another official sentence
            conveys this one too only when it holds this share of it: a sentence
            pulled in by a paraphrase's union coverage contributes little of its own.
        strong_cover: A news sentence holding this share of the official one conveys
            it whatever else it says (a long sentence that merges several).
        own_share: A headline sums a story up in a few words, a word or two from
            each official sentence it draws on: it conveys each of its sources
            that contributes this share of its content, names aside, that no
            better source of it matches. (In prose, a source that contributes so
            little is one pulled in by the names and set phrases it shares.)
        min_cover: Pairs below this share are not considered at all (speed); at or
            above it, a news sentence whose best match is this official sentence
            marks where its content reached, once the sentence is used somewhere;
            where it is used nowhere, that sentence is the nearest the article came,
            and a use in other words when it gives an official's account (the
            attribution is the evidence the shared words lack; see
            :func:`analysis.framing.accounts.relayed_usage`).
        repeat_share: An official sentence whose content words (stemmed, stop
            words aside) are this share or more another's of the same text says
            the same thing again (a page's summary line printed again as its first
            paragraph): the one less used takes the other's use, labelled "repeats
            sentence N". Four in five: a word or two changed ("The Prime Minister"
            for the name) still repeats it; a sentence that adds a clause does not.
        repeat_words: ...when the shorter has at least this many content words: a
            short formula ("They spoke today") shares most of its few words with
            many sentences.
        topic_share: A sentence reporting the call names its topics ("discussed
            the war in Gaza and Sweden's bid to join the NATO alliance"): each item
            after the word that says what it was about, split at commas and "and",
            conveys a readout sentence holding this share of the item's content
            words, two or more (participants, call words and days aside). Half: a
            topic is named in a few words, and a long readout sentence holds most
            of them but not all ("Sweden", "NATO alliance"; not "bid", "join").
        repeat_within: ...and both are among the text's first this many sentences
            (its title, its summary line, the first paragraph): where a page
            prints its summary again. Read there only, it costs little on a
            corpus of long texts.
    """

    verbatim_run: int = 12
    verbatim_share: float = 0.75
    min_run: int = 3
    edit_words: int = 6
    respelt_words: int = 2
    edit_run: int = 3
    quoted_words: int = 6
    quoted_share: float = 0.8
    paraphrase_cover: float = 0.15
    own_cover: float = 0.3
    strong_cover: float = 0.4
    own_share: float = 0.05
    min_cover: float = 0.1
    repeat_share: float = 0.8
    repeat_words: int = 4
    repeat_within: int = 4
    topic_share: float = 0.5


@dataclass(frozen=True)
class ReuseRules:
    """How text reuse is measured per (news article, official document), and classed.

    The 3-level derivation scheme is METER's (wholly, partially, non-derived;
    Clough, Gaizauskas, Piao & Wilks 2002, "METER: MEasuring TExt Reuse", ACL).
    METER learned its cut-offs from its annotated corpus and does not publish one
    pair of values, so the values here are ours.

    Attributes:
        ngram: Containment compares word n-grams of this size (METER's 3-grams).
        min_run_chars: Shared runs of words shorter than this many characters are
            not counted as copied (15, as Churnalism did).
        wholly_derived: An article whose journalist text has this share of its
            n-grams in the official text is *wholly derived*.
        partially_derived: From this share it is *partially derived*; below it,
            *non-derived*.
    """

    ngram: int = 3
    min_run_chars: int = 15
    wholly_derived: float = 0.6
    partially_derived: float = 0.15


@dataclass(frozen=True)
class FidelityRules:
    """How a quotation is matched against the official texts.

    Attributes:
        altered_share: A quotation that is not an exact or trimmed copy is
            *altered* when this share of its words occurs, in order, in one
            official sentence: below it, the quotation is not of that sentence.
    """

    altered_share: float = 0.6
