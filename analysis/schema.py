"""The data model: the frames a corpus loads into, their columns, and the roles of text.

Every other module reads these names from here, so a column is renamed or a
role added in one place. Offsets (``start``, ``end``) are always character
offsets into the article's original ``text``.
"""

from __future__ import annotations

__all__ = [
    "ARTICLE_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "ATTRIBUTION_KINDS",
    "BLOCK_COLUMNS",
    "DOCUMENT_FRAMES",
    "FRAMES",
    "JOURNALIST_ROLES",
    "KINDS",
    "METADATA_FIELDS",
    "NO_OUTLET",
    "PLACES",
    "QUOTE_COLUMNS",
    "ROLES",
    "SENTENCE_COLUMNS",
    "TERM_COLUMNS",
    "TERM_KINDS",
]

# The fields a manifest, a record or front matter may give for an article.
METADATA_FIELDS = ("article_id", "kind", "outlet", "published", "url", "title", "pairs_with")
ARTICLE_COLUMNS = (
    "article_id",
    "kind",
    "outlet",
    "published",
    "url",
    "title",
    "path",
    "sha256",
    "text",
    "pairs_with",
    "derived_from",
    "derived_start",
    "derived_end",
    "words",
    "notes",
)
BLOCK_COLUMNS = ("article_id", "block_no", "start", "end", "text", "role", "source", "evidence")
SENTENCE_COLUMNS = ("article_id", "block_no", "sent_no", "start", "end", "text", "role", "source")
QUOTE_COLUMNS = (
    "article_id",
    "quote_no",
    "block_no",
    "start",
    "end",
    "text",
    "speaker",
    "speaker_as_written",
    "cue",
    "speaker_evidence",
)
ATTRIBUTION_COLUMNS = (
    "article_id",
    "attribution_no",
    "block_no",
    "kind",
    "start",
    "end",
    "text",
    "source",
    "source_as_written",
    "source_start",
    "source_end",
    "cue",
    "cue_start",
    "cue_end",
    "quote_no",
    "evidence",
)
# Quoted words that nobody said (analysis/segment/terms.py): the title of a work, or a
# term held at arm's length. They are not in ``quotes`` and have no speaker.
TERM_COLUMNS = ("article_id", "term_no", "block_no", "start", "end", "text", "kind", "evidence")
TERM_KINDS = ("title", "term")
# The kinds of attribution: a quotation standing as a statement, one inside the
# journalist's clause (or reported speech quoting some words), reported speech.
ATTRIBUTION_KINDS = ("direct", "mixed", "indirect")
# The frames of a loaded corpus, in the order they are built.
FRAMES = ("articles", "blocks", "sentences", "quotes", "terms", "attributions", "pairs")
# The frames with a row per part of a document (an ``article_id`` column).
DOCUMENT_FRAMES = ("articles", "blocks", "sentences", "quotes", "terms", "attributions")
KINDS = ("news", "official")
# The group of the articles whose outlet is not known, in every table by outlet.
NO_OUTLET = "(no outlet)"

# Who is speaking in a block (segment/ assigns one to every block).
ROLES = (
    "headline",
    "byline",
    "credit",
    "journalist",
    "official",
    "quote",
    "embed",
    "boilerplate",
)
# The journalist's own words: what framing and topics compare with the official text.
JOURNALIST_ROLES = ("headline", "journalist")
# Where in a news article a sentence sits, most prominent first.
PLACES = ("headline", "lede", "body")
