"""Who said each quotation, and the cue that says so.

Speakers are found by a table of named surface rules, tried in order on the
quotation's sentence (:data:`_RULES`: "…,” Psaki said.", "Psaki told reporters
that “…”", "Blinken, speaking in Brussels, said: “…”", "Lavrov accused the West
of “…,” saying …", "Trump's suggestion that troops “…”", "with Starmer calling
it an “…”", any verb after a quotation its comma leaves open: "…,” Lund fumed",
the sentence's subject), titles dropped ("White House Press
Secretary Jen Psaki" → "Jen Psaki"). A quotation whose sentence has no cue and
names no one continues the previous quotation. "He" or "she" resolves to the
previous sentence's subject or the last person named as a source; "it" and
"the statement" to the institution or document last named; "the Russian
President" to the person named with that title. The words of the text are kept
in ``speaker_as_written``; the rule that fired, in ``speaker_evidence``.
"""

from __future__ import annotations

import bisect
import re

from analysis.segment.cue_subjects import _cue_subjects, _cue_subjects_at
from analysis.segment.limits import SpeakerLimits
from analysis.segment.names import (
    _DAY_WORDS,
    _NAME,
    _PERSON_HEADS,
    _THE_DOCUMENT,
    _full_name_candidates,
    _honorific_name,
    _is_description,
    _is_person,
    _kind,
    clean_speaker,
    lowered,
    titled_names,
)
from analysis.segment.quotes import Quotation, mask_quotes
from analysis.segment.reported_rules import _closes_the_sentence
from analysis.segment.speaker_rules import (
    _BEFORE_AN_OPENING,
    _CAPITALISED,
    _CUE_WORD,
    _PARTY,
    _SPEAKER,
    _match_speaker,
    _subject,
)

__all__ = ["SpeakerResolver", "attribute_speakers"]


NO_SPEAKER = "no speaker found"
_CONTINUES = "no cue in its sentence, which names no one: continues the previous quotation"
_NAMED_BEFORE = "no cue in its sentence: the source named in the sentence before"
# A speaker carried over from an earlier sentence, by nothing said in the quotation's own.
CARRIED_OVER = (_CONTINUES, _NAMED_BEFORE)
_RUNS_ON = "opens its paragraph after a quotation left open: goes on with it (multi-paragraph)"


class _Ordered:
    """Sources ``(where, speaker, kind)`` in text order, searched by bisection."""

    def __init__(self):
        self.at: list[int] = []
        self.items: list[tuple[int, str, str]] = []

    def add(self, source: tuple[int, str, str], first: bool = False) -> None:
        # After any source named at the same place, as a stable sort would put it
        # (before them with ``first``).
        n = (bisect.bisect_left if first else bisect.bisect_right)(self.at, source[0])
        self.at.insert(n, source[0])
        self.items.insert(n, source)

    def between(self, lo: int, hi: int) -> list[tuple[int, str, str]]:
        return self.items[bisect.bisect_left(self.at, lo) : bisect.bisect_left(self.at, hi)]

    def last_before(self, at: int) -> tuple[int, str, str] | None:
        n = bisect.bisect_left(self.at, at)
        return self.items[n - 1] if n else None


# A person named by name, not described ("the minister"): what "he" may stand for.
_NAMED_PERSON = "named person"
_NAMES = re.compile(r"(?<![\w’'])[A-Z]")


class _Article:
    """What speaker rules read once per article, computed when first needed.

    Every question a quotation asks of the article (the sentence around a place,
    the last source of a kind before it, a surname's full name) is answered by
    bisection or from a cache, never by a scan of the whole article, so the time
    for a paragraph of thousands of quotations stays linear in its length.
    """

    def __init__(
        self, text: str, masked: str, sentences: list[tuple[int, int]], limits: SpeakerLimits
    ):
        self.text, self.masked, self.sentences = text, masked, sentences
        self.limits = limits
        self.sentence_starts = [s for s, _ in sentences]
        self.sentence_ends = [e for _, e in sentences]
        self._all: _Ordered | None = None
        self._indexed = 0  # the cues starting before this are in _all
        self._by_key: dict[str, _Ordered] = {}
        self._added: list[tuple[int, str, str]] = []
        self._added_by_key: dict[str, _Ordered] = {}
        self.named_only = False  # see last_source
        self._between: dict[tuple[int, int], list[tuple[int, str, str]]] = {}
        self._titled: dict[str, list[tuple[int, str]]] = {}
        self._subjects: dict[int, re.Match | None] = {}
        self._full: dict[str, list[tuple[int, str]]] = {}
        self._given: dict[str, tuple[int, str] | None] = {}
        self._lowered: str | None = None

    def _index(self, at: int) -> _Ordered:
        """Every source named before ``at``: subjects of speech cues and quotations' speakers.

        The cues are read once each, in text order and only as far as asked: a
        subject starts at most ``subject_reach`` before its cue, so the cues up to
        that far past ``at`` name every subject before it. A quotation's pronoun
        asks only about what came before it.
        """
        if self._all is None:
            self._all, self._indexed = _Ordered(), 0
            for source in sorted(self._added, key=lambda s: s[0]):
                self._index_add(source)
        hi = min(len(self.masked), at + self.limits.subject_reach)
        if hi > self._indexed:
            reach, lo = self.limits.subject_reach, self._indexed
            starts = self.sentence_starts
            for source in _cue_subjects_at(self.masked, lo, hi, lo, hi, reach, starts):
                self._index_add(source, first=True)
            self._indexed = hi
        return self._all

    def _index_add(
        self, source: tuple[int, str, str], into: dict | None = None, first: bool = False
    ) -> None:
        """Add a source to the index (or to ``into``); ``first``: before any at its place.

        A cue's subject goes before an attribution's source named at the same place,
        whichever was found first, as when the whole article was read at once.
        """
        if into is None:
            self._all.add(source, first)
            into = self._by_key
        keys = [source[2]]
        if source[2] == "person" and _NAMES.search(source[1]) and not _is_description(source[1]):
            keys.append(_NAMED_PERSON)  # not "the crowd", "the host": named by no name
        for key in keys:
            into.setdefault(key, _Ordered()).add(source, first)

    def last_source(self, at: int, kinds: tuple[str, ...]) -> tuple[int, str, str] | None:
        """The last source of one of ``kinds`` (or ``"named person"``) named before ``at``.

        With ``named_only`` set and the subjects of the article's cues not yet found,
        only the sources attributions named so far are read: reported speech names
        its sources itself, and finding every cue's subject costs more than the rest
        of the article.
        """
        index = self._added_by_key
        if not (self.named_only and self._all is None):
            self._index(at)
            index = self._by_key
        found = [index[kind].last_before(at) for kind in kinds if kind in index]
        found = [f for f in found if f is not None]
        return max(found, key=lambda s: s[0]) if found else None

    def sources_between(self, lo: int, hi: int) -> list[tuple[int, str, str]]:
        """The sources named in ``[lo, hi)``, found there alone if the article's are not known."""
        if self._all is not None:
            return self._index(hi).between(lo, hi)
        if (lo, hi) not in self._between:
            self._between[lo, hi] = _cue_subjects(
                self.masked, lo, hi, reach=self.limits.subject_reach
            )
        added = [s for s in self._added if lo <= s[0] < hi]
        return sorted(self._between[lo, hi] + added, key=lambda s: s[0])

    def add_source(self, at: int, speaker: str) -> None:
        """Record a source named by an attribution (a quotation's or reported speech's)."""
        source = (at, speaker, _kind(speaker))
        if self._all is not None:
            self._index_add(source)
        else:
            self._added.append(source)
            self._index_add(source, self._added_by_key)

    def previous_sentence(self, lo: int) -> tuple[int, int] | None:
        """The sentence ending at or before ``lo``."""
        n = bisect.bisect_right(self.sentence_ends, lo) - 1
        return self.sentences[n] if n >= 0 else None

    def sentence_around(self, lo: int, hi: int) -> tuple[int, int]:
        """The span of the sentence(s) holding ``lo``..``hi`` (a quote may start a sentence)."""
        start, end = lo, hi
        n = bisect.bisect_right(self.sentence_starts, lo) - 1
        if n >= 0 and lo < self.sentence_ends[n]:
            start = min(start, self.sentence_starts[n])
            end = max(end, self.sentence_ends[n])
        n = bisect.bisect_right(self.sentence_starts, hi) - 1
        if n >= 0 and hi < self.sentence_ends[n]:
            start = min(start, self.sentence_starts[n])
            end = max(end, self.sentence_ends[n])
        return start, end

    def sentence_after(self, at: int, most: int, opening: bool = False) -> int:
        """The end of the sentence after ``at``, if in the same paragraph and within ``most``.

        With ``opening``, a longer sentence gives its first ``most`` characters.
        """
        n = bisect.bisect_left(self.sentence_starts, at)
        if n < len(self.sentences) and "\n" not in self.text[at : self.sentence_starts[n] + 1]:
            end = self.sentence_ends[n]
            if end - at <= most:
                return end
            if opening:
                return at + most
        return at

    def introducing_sentence(self, lo: int) -> str:
        """The sentence just before ``lo`` if it ends with a colon ("The Kremlin said:")."""
        previous = self.previous_sentence(lo)
        if previous is None:
            return ""
        start = max(previous[0], previous[1] - self.limits.sentence_chars)
        sentence = self.masked[start : previous[1]]
        return sentence if sentence.rstrip().endswith(":") else ""

    def subject_of(self, sentence: tuple[int, int]) -> re.Match | None:
        """The subject opening a sentence (:func:`_subject`), found once per sentence."""
        if sentence[0] not in self._subjects:
            hi = min(sentence[1], sentence[0] + self.limits.sentence_chars)
            self._subjects[sentence[0]] = _subject(self.masked[sentence[0] : hi])
        return self._subjects[sentence[0]]

    def full_name(self, surname: str, before: int) -> str:
        """A surname's full name used before ``before`` (as :func:`_full_name`), found once."""
        if surname not in self._full:
            self._full[surname] = _full_name_candidates(self.text, surname)
        return next((full for end, full in self._full[surname] if end <= before), surname)

    def given_name(self, name: str, before: int) -> str:
        """A given name after an honorific, expanded ("Sir Alan" → "Alan Reeve"), found once."""
        if name not in self._given:
            self._given[name] = _honorific_name(self.masked, name)
        found = self._given[name]
        return f"{name} {found[1]}" if found and found[0] < before else name

    def titled(self, title: str) -> list[tuple[int, str]]:
        """(where, name) of each "<title> <Name>" in the text: "Prime Minister Keir Starmer"."""
        if title not in self._titled:
            if self._lowered is None:
                self._lowered = lowered(self.masked)
            self._titled[title] = titled_names(self.masked, self._lowered, title)
        return self._titled[title]


class SpeakerResolver:
    """Resolves a source phrase of one article as a quotation's speaker is resolved.

    What :func:`attribute_speakers` learnt of the article (who was named, where) is
    kept, so reported speech (:mod:`analysis.segment.attributions`) resolves "he"
    or "the minister" to the same person a quotation's speaker would be.
    """

    def __init__(self, article: _Article):
        self._article = article

    @property
    def masked(self) -> str:
        """The article text with quoted words blanked (same length)."""
        return self._article.masked

    def continue_quotations(self, quotes: list[Quotation]) -> None:
        """Let a quotation the rules left with nothing continue one named since.

        A quotation with no cue, in a sentence naming no one, continues the one
        before it; when that one's speaker came later (the cue model, reported
        speech around it), the rules had nothing to continue. Now they do.
        """
        gap = self._article.limits.continue_blocks
        for prev, quote in zip(quotes, quotes[1:], strict=False):
            if quote.speaker_evidence == NO_SPEAKER and _continues(prev, quote, gap):
                quote.speaker, quote.speaker_as_written = prev.speaker, prev.speaker_as_written
                quote.speaker_evidence = _CONTINUES
        named_here: set[int] = set()  # given a speaker in this last pass
        for n, quote in enumerate(quotes):
            if quote.speaker_evidence != NO_SPEAKER:
                continue
            prev = quotes[n - 1] if n else None
            if n - 1 in named_here and _continues(prev, quote, gap):
                # "… spoke only briefly. “We must act.” “We are too slow.”": the run
                # after a quotation standing alone continues it.
                quote.speaker, quote.speaker_as_written = prev.speaker, prev.speaker_as_written
                quote.speaker_evidence = _CONTINUES
                named_here.add(n)
                continue
            self._standing_alone(quote, prev)
            if quote.speaker_evidence != NO_SPEAKER:
                named_here.add(n)

    def _standing_alone(self, quote: Quotation, prev: Quotation | None) -> None:
        """A quotation opening its sentence, nothing before it to continue: the subject before.

        "Reyes kept his answers short. ¶ “The pier needs money.”" The last resort,
        after the rules, the cue model, reported speech and continuing a quotation.
        """
        article = self._article
        lo, _ = article.sentence_around(quote.open_mark, quote.open_mark)
        previous = article.previous_sentence(lo)
        if (
            previous is None
            or article.masked[lo : quote.open_mark].strip()
            or (prev is not None and prev.open_mark >= previous[0])
        ):
            return
        subject = article.subject_of(previous)
        written = subject.group("speaker") if subject else ""
        if written and (_is_person(written) or written.lower() in {"he", "she"}):
            how = "a quotation standing alone, with no cue: the subject of the sentence before"
            speaker, how = _resolve(
                article, clean_speaker(written) or written, lo, quote.open_mark, how
            )
            if speaker.lower() in {"he", "she"}:
                return  # a pronoun that stands for no one named
            quote.speaker, quote.speaker_as_written, quote.speaker_evidence = speaker, written, how

    def resolve(self, written: str, lo: int, at: int, how: str) -> tuple[str, str]:
        """The source ``written`` names at ``at`` (its sentence starts at ``lo``), and why."""
        self._article.named_only = True
        speaker, how = _resolve(self._article, written, lo, at, how)
        if speaker and _kind(speaker) != "pronoun":
            self._article.add_source(at, speaker)  # "he" in a later sentence may be them
        return speaker, how


def attribute_speakers(
    text: str,
    quotes: list[Quotation],
    sentences: list[tuple[int, int]],
    *,
    speaker_limits: SpeakerLimits | None = None,
) -> SpeakerResolver:
    """Fill ``speaker``, ``speaker_as_written``, ``cue`` and ``speaker_evidence`` in place.

    The rules of :data:`_RULES` read the quotation's own sentence; failing them, the
    line introducing it ("X said:"); failing that, a quotation whose sentence names
    nobody continues the previous one. A pronoun resolves to the person it stands
    for, a description ("the Russian President") to the person the text names with
    that title, "it" to the last institution or document named as a source.

    Args:
        text: The article text.
        quotes: Quotations of that text, in order.
        sentences: ``(start, end)`` of every sentence of the text, in order.
        speaker_limits: The limits the rules read (:class:`SpeakerLimits`; the
            defaults if none).

    Returns:
        The resolver of this article's sources, for its reported speech.
    """
    masked = mask_quotes(text, quotes)
    article = _Article(text, masked, sentences, speaker_limits or SpeakerLimits())
    limits = article.limits
    for i, quote in enumerate(quotes):
        close = quote.close_mark + 1 if quote.close_mark is not None else quote.end
        lo, hi = article.sentence_around(quote.open_mark, close - 1)
        # The rules read all of any sentence of prose, but only the clause around the
        # quotation in a run-on paragraph of thousands of quotations, so the time for
        # such a paragraph grows with its length, not with its square.
        reach = limits.sentence_chars if hi - lo <= limits.sentence_chars else limits.clause_chars
        last = text[quote.start : quote.end].rstrip()[-1:]
        if hi <= close and last in "?!…":
            # "“Will it run?” Ruiz pressed.": a question, an exclamation or an ellipsis
            # ends the sentence at its mark, and its speaker's words follow in the next.
            hi = article.sentence_after(close, limits.speaker_line, opening=True)
        elif hi <= close and last == ".":
            # "“We are ready.” Ana Lund, the harbour master, said.": the next sentence
            # names its speaker, when it is only that, a cue closing it (not "Lund
            # said the pier …", which opens what Lund says next).
            hi = _speaker_line_after(article, close, limits.speaker_line)
        after = masked[close : max(min(hi, close + reach), close)]
        before = masked[max(lo, quote.open_mark - reach) : quote.open_mark]
        # A quotation opening its sentence and left open by its own comma (inside the
        # marks in US style, after them in British), question or exclamation: what
        # follows says who spoke. Inside a sentence the comma is the sentence's own
        # ("called him a “moderate,” a dig at …").
        left_open = (last in ",?!" or after[:1] == ",") and not before.strip(_BEFORE_AN_OPENING)
        speaker, cue, how = _match_speaker(before, after, left_open)
        written = speaker
        if not speaker:
            speaker, cue, how = _from_the_lines_around(article, lo, close)
            written = speaker
        if not speaker:
            speaker, written, cue, how = _without_cue(article, quotes, i, lo, before + after)
        if speaker:
            speaker, how = _resolve(article, speaker, lo, quote.open_mark, how)
        pronoun = speaker in {"he", "she", "they", "it", "his", "her", "their"}
        if pronoun:
            speaker = ""  # a pronoun is never the final speaker; the evidence says why
        quote.speaker, quote.cue = speaker, cue
        # The words as written stay, a pronoun that stands for no one named included.
        quote.speaker_as_written = written if speaker or pronoun else ""
        quote.speaker_evidence = how or NO_SPEAKER
        if speaker and cue:
            article.add_source(quote.open_mark, speaker)
    return SpeakerResolver(article)


def _speaker_line_after(article: _Article, close: int, most: int) -> int:
    """The end of the next sentence if it only names a speaker and a cue; else ``close``."""
    end = article.sentence_after(close, most)
    line = article.masked[close:end]
    cue = _CUE_WORD.search(line)
    if cue is None or not _SPEAKER_ALONE.fullmatch(line, 0, cue.start()):
        return close
    if not _closes_the_sentence(line, cue.end(), cue.group()):
        return close
    return end


# A speaker and nothing else before the cue, an apposition allowed: "Ana Lund, the
# harbour master, said." (not "But he operates on a new principle, he said.").
_SPEAKER_ALONE = re.compile(rf"\s*{_SPEAKER}(?:\s*,[^,.;:]{{1,80}},)?\s*")


def _without_cue(article: _Article, quotes: list[Quotation], i: int, lo: int, outside: str):
    """Speaker of a quotation whose sentence has no cue: (speaker, as written, cue, how)."""
    quote = quotes[i]
    # The previous quotation's speaker, or its pronoun that stands for no one named:
    # "“…,” he said. “…”" continues "he" either way.
    prev = quotes[i - 1] if i else None
    said_by = (prev.speaker or prev.speaker_as_written) if prev else ""
    if said_by and prev.open_mark >= lo:
        # Two quotations in one sentence, one cue: "X “…” and “…”".
        how = "no cue of its own: continues the quotation before it in the same sentence"
        return said_by, prev.speaker_as_written, "", how
    if prev and _runs_on(article.text, prev, quote, article.limits.run_on_blocks):
        return said_by, prev.speaker_as_written, "", _RUNS_ON
    previous = article.previous_sentence(lo)
    # "The ministry said earlier that …. The top diplomat “acknowledged …”": the source
    # of the sentence before, when it is nearer than the previous quotation.
    prev_at = prev.open_mark if prev else -1
    if previous and previous[0] > prev_at:
        for _at, source, _ in article.sources_between(*previous):
            if _kind(source) != "pronoun":
                return source, source, "", _NAMED_BEFORE
    if _names_someone(outside, prev.speaker if prev else ""):
        return "", "", "", "no cue in its sentence, which names someone: not continued"
    if prev and _continues(prev, quote, article.limits.continue_blocks):
        # Where the sentence names the speaker again, that is how it is written here.
        again = _named_again(outside, prev.speaker)
        return said_by, again or prev.speaker_as_written, "", _CONTINUES
    return "", "", "", ""


def _from_the_lines_around(article: _Article, lo: int, close: int) -> tuple[str, str, str]:
    """``(speaker, cue, how)`` from the line introducing a quotation, or the line signing it.

    "The Kremlin said: ¶ “…”" names the speaker before; "“…” ¶ - Clinton." after.
    """
    intro = article.introducing_sentence(lo)
    if intro:
        speaker, cue, how = _match_speaker(intro, "")
        if speaker:
            return speaker, cue, f"from the line introducing it ('...:'): {how}"
    signed = _signature_after(article.text, close)
    if signed:
        return signed, "(a signature line)", "a line after it naming its speaker ('- Name.')"
    return "", "", ""


def _signature_after(text: str, close: int) -> str:
    """The speaker a line after a quotation names: "“…” ¶ - Clinton." or "—Ida Lund, Portville.".

    Only where the quotation ends its paragraph, and the next line opens with a
    dash and a name, as pull quotes and fact checks print their sources.
    """
    eol = text.find("\n", close)
    if eol < 0 or text[close:eol].strip(_AFTER_CLOSE):
        return ""  # the paragraph goes on after the quotation: its own words say who
    match = _SIGNATURE.match(text, eol, eol + _SIGNATURE_REACH)
    return clean_speaker(match.group("speaker")) and match.group("speaker") if match else ""


_AFTER_CLOSE = " \t.,;:!?\"'”’»)"
_SIGNATURE_REACH = 120
# The next non-blank line: a dash, a name (titles allowed), then a comma, a full stop
# or the line's end.
_SIGNATURE = re.compile(rf"\s*\n\s*[-–—]\s*(?P<speaker>{_NAME}){_PARTY}(?=\s*(?:[,.;(]|\n|$))")


def _continues(prev: Quotation, quote: Quotation, gap: int) -> bool:
    """Whether ``quote`` may continue ``prev``: it has a speaker, at most ``gap`` blocks back."""
    return bool(prev.speaker or prev.speaker_as_written) and prev.block_no >= quote.block_no - gap


def _runs_on(text: str, prev: Quotation, quote: Quotation, gap: int) -> bool:
    """Whether ``quote`` goes on with ``prev``, a quotation left open at its paragraph's end.

    The multi-paragraph convention: each paragraph of one quotation opens with a
    mark and only the last closes. A page may set a caption, a credit or a "More
    on …" line between two of its paragraphs, so up to ``gap`` blocks may part them.
    """
    if (
        prev.close_mark is not None
        or not (prev.speaker or prev.speaker_as_written)
        or prev.block_no < quote.block_no - gap
    ):
        return False
    # It opens its paragraph: back over spaces and tabs only, not the whole text before.
    at = quote.open_mark
    while at and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1].isspace()


def _names_someone(outside: str, previous: str = "") -> bool:
    """Whether the words outside the quotation hold a capitalised word (not a day).

    A word of ``previous`` (the previous quotation's speaker) names no one else:
    "“…,” he said. “…” And with that Lund broke off." goes on with Lund.
    """
    own = frozenset(previous.split())
    return any(
        m.group().lower() not in _DAY_WORDS and m.group() not in own
        for m in _CAPITALISED.finditer(outside)
    )


def _named_again(outside: str, speaker: str) -> str:
    """The last capitalised word of ``speaker`` that ``outside`` holds ("" if none)."""
    own = frozenset(speaker.split())
    found = [m.group() for m in _CAPITALISED.finditer(outside) if m.group() in own]
    return found[-1] if found else ""


def _resolve(article: _Article, speaker: str, lo: int, at: int, how: str) -> tuple[str, str]:
    """Resolve a pronoun, a description or a surname to whom it names."""
    low = speaker.lower()
    if low in {"he", "she", "his", "her"}:  # "his" and "her" own a speech noun: "her remark"
        person, where = _resolve_person_pronoun(article, lo, at)
        if person:
            return person, f"pronoun '{speaker}' resolved to {where}; {how}"
        return speaker, f"pronoun '{speaker}' with no person named before it; {how}"
    if low == "it" or _is_document_reference(speaker):
        last = article.last_source(at, _IT_KINDS[low == "it"])
        if last:
            return last[1], f"'{speaker}' resolved to the last {last[2]} named: {how}"
        return speaker, f"'{speaker}' with no institution named before it; {how}"
    if _kind(speaker) == "document":
        issuer = _issuer(speaker)
        return speaker, f"a document (issued by {issuer}): {how}" if issuer else how
    if low.startswith("the ") and low.split()[-1] in _PERSON_HEADS:
        return _resolve_title(article, speaker, at, how)
    tokens = speaker.split()
    if len(tokens) == 1 and speaker.lower() != "they":
        full = article.full_name(speaker, at)
        if full == speaker:
            full = article.given_name(speaker, at)
        if full != speaker:
            return full, f"name resolved to the full name used earlier; {how}"
    return speaker, how


def _resolve_title(article: _Article, speaker: str, at: int, how: str) -> tuple[str, str]:
    """A description ("the Russian President") to the person named with that title before ``at``."""
    title = speaker[4:]
    found = [(w, n) for w, n in article.titled(title) if w < at]
    if not found:
        # By the title's last word alone ("President"), but not a person whose title
        # another capitalised word qualifies: "the Russian President" is not
        # "Ukrainian President Volodymyr Zelensky". A nationality must be the person's
        # own too: nor is it "President Volodymyr Zelensky", named with none.
        qualifiers = {w.lower() for w in title.split()[:-1]}
        nationality = {w.lower() for w in title.split()[:-1] if _NATIONALITY.fullmatch(w)}
        found = [
            (w, n)
            for w, n in article.titled(title.split()[-1])
            if w < at
            and not _other_qualifier(article.masked, w, qualifiers)
            and (not nationality or _qualifier(article.masked, w) in nationality)
        ]
    if found:
        return found[-1][1], f"'{speaker}' resolved to the person named with that title; {how}"
    return speaker, how


def _other_qualifier(text: str, at: int, qualifiers: set[str]) -> bool:
    """Whether a capitalised word other than ``qualifiers`` qualifies the title at ``at``.

    "Ukrainian [President]" has one; "said [President]" and "The [President]" do not.
    """
    word = _qualifier(text, at)
    return bool(word) and word not in qualifiers and word not in _SAME_HOLDER


def _qualifier(text: str, at: int) -> str:
    """The capitalised word just before the title at ``at``, in lower case ("" if none)."""
    before = text[max(0, at - 40) : at].split()
    if not before or text[at - 1 : at].isalpha():
        return ""
    word = before[-1].strip("“”\"'’‘(),.;:-–—")
    return word.lower() if word[:1].isupper() and word.isalpha() else ""


# A nationality's adjective, by its ending: Russian, Ukrainian, Chinese, British, French,
# Israeli. Not every one (Greek, Thai), and a few others ("Republican"): either way a
# word the person named must carry too.
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|i|ch)")


# Words before a title that leave its holder the same person: "Former President X" is
# "the president" of a story about him, where "Vice President Y" is not.
_SAME_HOLDER = frozenset(
    "the a an former then late outgoing incoming acting interim current sitting".split()
)


# "it" stands for an institution or a document; "the statement" for an institution.
_IT_KINDS = {True: ("institution", "document"), False: ("institution",)}


def _is_document_reference(speaker: str) -> bool:
    """Whether ``speaker`` is "the statement", "the readout": a document named before."""
    return _THE_DOCUMENT.fullmatch(speaker.lower()) is not None


def _issuer(document: str) -> str:
    """Who issued a document phrase: "a statement from the PMO" → "PMO"."""
    match = re.search(
        r"\b(?:from|issued\s+by|released\s+by|by|of|website\s+of)\s+(?:the\s+)?(.+)$", document
    )
    return clean_speaker(match.group(1)) if match else ""


def _resolve_person_pronoun(article: _Article, lo: int, at: int) -> tuple[str, str]:
    """The person "he"/"she" stands for, and why.

    The previous sentence's subject, else the last person named as a source (of a
    cue or a quotation) before it.
    """
    previous = article.previous_sentence(lo)
    if previous:
        subject = article.subject_of(previous)
        if subject and _is_person(subject.group("speaker")):
            name = clean_speaker(subject.group("speaker"))
            return _expand(article, name, previous[0]), "the subject of the sentence before"
        owned = subject and _OWNED.match(subject.group("speaker"))
        if owned and _is_person(owned.group("owner")):
            # "Mr Lund's office said …, he urged …": he is the office's owner.
            name = clean_speaker(owned.group("owner"))
            how = "the owner of the sentence before's subject ('X's office')"
            return _expand(article, name, previous[0]), how
    person = article.last_source(at, (_NAMED_PERSON,))
    if person:
        where, name, _ = person
        return _expand(article, name, where), "the last person named as a source"
    return "", ""


# A person's body or staff: "Mr Lund's office", "Lund's spokesman", "Berg’s campaign".
_OWNED = re.compile(r"(?P<owner>.+?)[’']s\s+\S+(?:\s+\S+)?$")


def _expand(article: _Article, name: str, at: int) -> str:
    if " " in name:
        return name
    full = article.full_name(name, at)
    return full if full != name else article.given_name(name, at)
