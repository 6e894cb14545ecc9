"""The tunable limits of segmentation: when a block reuses, looks like a headline, is a quotation.

Pass changed values to :func:`analysis.corpus.load_corpus` (``role_limits=``,
``speaker_limits=``); they reach every rule, in every process.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["RoleLimits", "SpeakerLimits"]


@dataclass(frozen=True)
class RoleLimits:
    """The limits the block-role rules and text reuse read.

    Attributes:
        reuse_n: Word n-gram length for "word for word": five words in a row
            shared with a paired official document are rarely a coincidence, and
            shorter runs are names and set phrases ("the two leaders").
        reuse_share: A block or sentence with this share of its words inside
            shared n-grams reproduces the official document (``official``); below
            it, the document is only quoted from in passing.
        headline_min_words: A headline (or standfirst, or a document's title) has
            at least this many words; a single word is a label or a kicker.
        headline_max_words: ...and at most this many: longer lines without final
            punctuation are prose whose full stop was lost, not display copy.
        headline_max_chars: ...and at most this many characters, the same limit
            for languages and layouts with long words.
        quote_share: A block with this share of its visible characters inside
            quotation marks is a quotation block (``quote``), the speaker's words,
            not the reporter's.
        quote_share_opening: ...or this share, when the block opens with a
            quotation mark (the multi-paragraph quotation convention).
        title_case_share: A line with this share of its longer words capitalised is
            set in title case: a related-article link inside the body, never the
            sentence-case standfirst under a headline.
        standfirst_max_words: A one-sentence block under the headline, at most this
            long, whose words a block just below restates is the standfirst (a
            dek, display copy) even when it ends with a full stop: a summary line
            is short, and a lede of more words is the story itself.
        standfirst_restated: ...when the block below holds this share of its
            content words: a lede elaborates on its headline's summary, repeating
            most of it ("tells Biden the US has a historic responsibility" →
            "told Biden on Thursday that the US has a historic responsibility
            …"), while a story's second paragraph goes on to new words.
        standfirst_reach: ...looking this many blocks down, past a caption, a
            byline and the headline printed again.
        subhead_max_words: A heading between paragraphs of the story is a few
            words; a related article's headline runs longer.
        placed_caption_max_words: A caption naming who stands where ("Jo Reed
            (left) and …") is a line; a longer block with "(left)" in it is prose.
    """

    reuse_n: int = 5
    reuse_share: float = 0.6
    headline_min_words: int = 2
    headline_max_words: int = 30
    headline_max_chars: int = 250
    quote_share: float = 0.7
    quote_share_opening: float = 0.5
    title_case_share: float = 0.7
    standfirst_max_words: int = 40
    standfirst_restated: float = 0.6
    standfirst_reach: int = 4
    subhead_max_words: int = 6
    placed_caption_max_words: int = 25


@dataclass(frozen=True)
class SpeakerLimits:
    """The limits the speaker rules read.

    Attributes:
        subject_reach: How many characters before a speech cue its subject may
            start ("Kishida, who is on a tour ahead of the summit he will host in
            Hiroshima, said"): a longer window finds subjects across clauses that
            are not the cue's.
        continue_blocks: A quotation whose sentence has no cue and names no one
            continues the previous quotation's speaker when that one is at most
            this many blocks before (the quotation's own block, or the one above):
            further away, another voice may have come in between.
        run_on_blocks: A paragraph that opens with a quotation mark, after a
            quotation left open at its paragraph's end (the multi-paragraph
            convention), goes on with its speaker across at most this many blocks:
            a caption, its credit and a "More on …" line fit between.
        sentence_chars: A quotation's sentence up to this long is read whole by
            the rules. Sentences of news prose stay far under it (of 30,000
            sentences of US political news the longest ran 1,094 characters, and
            99.9% under 450); what runs longer is a paragraph of transcript or a
            list with no full stop, where reading it all for each of its
            quotations took time in the square of its length.
        clause_chars: In a longer run, the rules read this many characters either
            side of each quotation: a cue and its speaker stand within a clause
            of the words they attribute ("…,” the minister said on Tuesday).
        speaker_line: After a quotation that ends its sentence with "?" or "!", the
            next sentence of its paragraph is read for its speaker when it is at
            most this long: "Ms. Dana Ruiz, the harbour master, pressed." A longer
            one is news of its own, and reading it took speakers from it wrongly.
            After a full stop, only a sentence that is nothing but a speaker and a
            cue closing it is read ("“…” Ana Lund, the harbour master, said.").
    """

    subject_reach: int = 150
    continue_blocks: int = 1
    run_on_blocks: int = 4
    sentence_chars: int = 2_000
    clause_chars: int = 200
    speaker_line: int = 80
