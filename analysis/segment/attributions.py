"""Who said what: every attribution, quoted or reported, with its source, cue and content.

An attribution is a source, a cue and the content attributed ("Officials said
the talks would resume": source "Officials", cue "said", content "the talks
would resume"). Three kinds:

* ``direct``: a quotation that is a whole statement (“We will resume,” she said);
* ``mixed``: a quotation inside the journalist's own clause (he called the talks
  “productive”), or reported speech that quotes some words;
* ``indirect``: reported speech with no quotation mark.

Direct and mixed ones are the quotations (:mod:`analysis.segment.quotes`) with
the speaker the speaker rules found (:mod:`analysis.segment.speakers`), so a
quotation's speaker and its attribution's source are one decision. Reported
speech is found by a table of named rules (:data:`REPORTED_RULES`, in
:mod:`analysis.segment.reported_rules`), each over one sentence with its
quotations masked, each returning where the source, the cue and the content
are; the first that fires names the attribution. A source is
resolved as a quotation's speaker is (a pronoun to the person it stands for, a
description to the person named with that title, a surname to the full name).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from analysis.segment.cue_model import cue_model
from analysis.segment.learned_rules import _LEARNED, _learned_cue
from analysis.segment.names import _CAP, clean_speaker
from analysis.segment.quotes import Quotation
from analysis.segment.reported_rules import (
    _WORD_CHAR,
    CUE_WORDS,
    REPORTED_RULES,
    _content_end,
    _content_start,
    _Found,
)
from analysis.segment.speaker_rules import _LATER_IN_THE_SENTENCE, _SPEAKER, _SUBJECT_WITHOUT_A_CUE
from analysis.segment.speakers import _CONTINUES, _NAMED_BEFORE, SpeakerResolver
from analysis.segment.subjects import (
    _A_BARE_NEW_CLAUSE,
    _A_NEW_CLAUSE,
    _CLAUSE_SUBJECTS,
    _CONTRACTION,
    _PRONOUN_SOURCES,
)
from analysis.text import WEEKDAY

__all__ = ["Attribution", "REPORTED_RULES", "find_attributions"]


@dataclass
class Attribution:
    """One attribution; offsets index the article text, ``-1`` where there is none."""

    block_no: int
    kind: str
    start: int
    end: int
    source: str
    source_as_written: str
    source_start: int
    source_end: int
    cue: str
    cue_start: int
    cue_end: int
    quote_no: int
    evidence: str


def find_attributions(
    text: str,
    masked: str,
    quotes: list[Quotation],
    sentences: list[tuple[int, int, int]],
    resolver: SpeakerResolver,
) -> list[Attribution]:
    """Every attribution of one article, in text order.

    Args:
        text: The article text.
        masked: The text with quoted words blanked (the speaker rules' view).
        quotes: Its quotations, their speakers attributed.
        sentences: ``(block_no, start, end)`` of every sentence the rules read.
        resolver: Resolves a source phrase as a quotation's speaker is resolved.

    Returns:
        Reported speech found by :data:`REPORTED_RULES`, and each quotation with a
        speaker; a quotation inside reported speech makes it ``mixed`` and gets no
        row of its own.
    """
    found: list[Attribution] = []
    covered: set[int] = set()  # quotations inside reported speech
    starts = [lo for _, lo, _ in sentences]
    opens = [q.open_mark for q in quotes]
    # Every rule needs a cue: the sentences without one (most) are passed over. The
    # words a rule's cue opens with are found in the model's scan for its candidates.
    learnable, cues = cue_model().scan(masked, CUE_WORDS)
    learnable_at = [lo for lo, _ in learnable]
    for block_no, lo, hi in sentences:
        first = bisect.bisect_left(cues, lo)
        # A label's colon is a cue too ("Lund: …"): looked for in the sentence alone,
        # as a pattern with it would try every character of the text.
        ruled = (first < len(cues) and cues[first] < hi) or masked.find(":", lo, hi) >= 0
        here = learnable[
            bisect.bisect_left(learnable_at, lo) : bisect.bisect_left(learnable_at, hi)
        ]
        if not ruled and not here:
            continue
        sentence = masked[lo:hi]
        spans = tuple((a - lo, min(b, hi) - lo) for a, b in here)
        hits = _sentence_hits(sentence, ruled, spans)
        for how, hit in hits:
            attribution = _reported(text, lo, block_no, hit, how, quotes, opens, resolver)
            found.append(attribution)
            if attribution.quote_no >= 0:
                inside = _inside(quotes, opens, attribution.start, attribution.end)
                covered.update(inside)
                _speak_for(quotes, inside, attribution)
    for quote in quotes:
        if not quote.speaker_as_written:
            _speak_by_cue_model(masked, quote, sentences, starts, resolver)
    resolver.continue_quotations(quotes)
    for quote_no, quote in enumerate(quotes):
        if quote_no in covered or not quote.speaker_as_written:
            continue
        found.append(_quoted(text, quote_no, quote, sentences, starts))
    found.sort(key=lambda a: (a.start, a.end))
    return found


def _sentence_hits(sentence: str, ruled: bool, spans) -> list[tuple[str, _Found]]:
    """The attributions of one sentence: the first rule's, then the trained model's.

    Args:
        sentence: The sentence, quoted words blanked.
        ruled: Whether it holds a word a rule's cue opens with.
        spans: ``(start, end)`` of its words the model may take for cues.

    Returns:
        ``(evidence, found)`` of each: the first of :data:`REPORTED_RULES` that
        fires, then each cue of the model outside what was found before it ("X
        said A, while Y argued B"), the long tail of cues no rule names.
    """
    start = _content_start(sentence)
    hits: list[tuple[str, _Found]] = []
    for name, rule in REPORTED_RULES if ruled else ():
        hit = rule(sentence, start)
        if hit is not None:
            hits.append((name, hit))
            break
    # The model's cues, best scored first, outside what was found before them.
    cues = sorted(cue_model().cues(sentence, start, spans), reverse=True) if spans else []
    if cues:
        cues = _past_adverb_cues(sentence, cues, [h.cue for _, h in hits])
    for p, lo, hi in cues:
        around = [h for _, h in hits if _span(h)[0] <= lo < _span(h)[1]]
        # A clause of its own opens within reach of its subject (read backwards over
        # at most 200 characters): the stretch read is bounded, so a run-on sentence
        # of a thousand cues costs its length, not its square.
        reach = max(0, lo - _CLAUSE_REACH)
        if around and not any(
            _A_NEW_CLAUSE.search(sentence, max(h.content[0], reach), lo)
            or _A_BARE_NEW_CLAUSE.search(sentence, max(h.content[0], reach), lo)
            for h in around
        ):
            continue  # inside one found, with no clause of its own: nested ("said Y believes")
        more = _learned_cue(sentence, start, p, lo, hi)
        if more is None:
            continue
        if around and more.source is not None:
            _split_at_a_new_clause(sentence, hits, more)
        if any(_span(h)[0] <= lo < _span(h)[1] for _, h in hits):
            continue
        hits.append((_LEARNED, more))
    return hits


_LY_CUE = re.compile(r"[a-z]{2,}ly\W*")
_LY_VERBS = frozenset("reply apply imply supply rely comply".split())  # verbs, not adverbs
_SPACE_RUN = re.compile(r"\s+")


def _past_adverb_cues(
    sentence: str, cues: list[tuple[float, int, int]], found: list[tuple[int, int]]
) -> list[tuple[float, int, int]]:
    """The model's cues less an adverb standing just before another cue ("falsely suggesting").

    The labels' cue spans open on such an adverb at times ("publicly said"), so the
    model learned some; the verb after it is the cue, and the adverb would give a
    second attribution of the same words, with no source.
    """
    starts = {lo for _, lo, _ in cues} | {lo for lo, _ in found}
    kept = []
    for p, lo, hi in cues:
        if _LY_CUE.fullmatch(sentence, lo, hi) and sentence[lo:hi].lower() not in _LY_VERBS:
            gap = _SPACE_RUN.match(sentence, hi)
            if gap is not None and gap.end() in starts:
                continue
        kept.append((p, lo, hi))
    return kept


def _span(found: _Found) -> tuple[int, int]:
    """From the first to the last character of an attribution's cue and content."""
    return min(found.cue[0], found.content[0]), max(found.cue[1], found.content[1])


_CLAUSE_REACH = 250  # the subject's reach (200) and the opener before it
_NEW_CLAUSE = re.compile(
    r"\s*(?:;|,\s*(?:and|but|while|whereas|though|although))\s+$"
)  # a bare comma may close a lead-in instead ("According to X, on Tuesday, the pair …")
# With no comma, a pronoun or a group opens the clause: "… and she accused …".
_BARE_NEW_CLAUSE = re.compile(r"\s(?:and|but|while|whereas)\s+$")
_CLAUSE_SUBJECT = re.compile(
    rf"(?:{_CLAUSE_SUBJECTS})"
)  # a bare comma may close a lead-in instead ("According to X, on Tuesday, the pair …")


def _split_at_a_new_clause(sentence: str, hits: list[tuple[str, _Found]], more: _Found) -> None:
    """End a content where a clause with its own source and cue begins inside it.

    "The mayor said the budget was balanced, while critics argued that …": the
    mayor's content ends at "balanced"; the critics' is theirs. A source after
    "that" or with no comma before it ("said Y believes Z") is nested speech, and
    stays inside.
    """
    for n, (name, hit) in enumerate(hits):
        lo, hi = hit.content
        if not lo < more.source[0] < hi:
            continue
        opener = _NEW_CLAUSE.search(sentence, max(lo, more.source[0] - 20), more.source[0])
        if opener is None and _CLAUSE_SUBJECT.fullmatch(sentence, *more.source):
            opener = _BARE_NEW_CLAUSE.search(sentence, max(lo, more.source[0] - 20), more.source[0])
        if opener is not None and opener.start() - lo >= 3:
            hits[n] = (name, replace(hit, content=(lo, opener.start())))


# Beside a quotation: a cue then its speaker ("“…,” mused the host"), or the speaker
# then the cue ("“…” he wondered aloud"), or both before it ("The host mused: “…”").
# A speaker here may be any short noun phrase: the cue beside the quotation marks it.
_BESIDE_SPEAKER = (
    rf"(?:(?P<phrase>(?:[a-z][\w’'-]*\s+){{1,2}}{_CAP}(?:\s+{_CAP}){{0,3}})|{_SPEAKER}"
    rf"|(?P<common>(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){{0,2}}))"
)
_CUE_THEN_SPEAKER = re.compile(
    rf"^[\s,.!?—–-]*(?P<cue>[a-z][a-z’'-]+)\s+{_BESIDE_SPEAKER}(?=[\s,.!?;:]|$)"
)
_SPEAKER_THEN_CUE = re.compile(
    rf"^[\s,.!?—–-]*{_BESIDE_SPEAKER}(?:\s+[a-z]+ly)?\s+(?P<cue>[a-z][a-z’'-]+)\b"
)
_SPEAKER_CUE_BEFORE = re.compile(
    rf"(?:^|[.!?;]\s+|,\s+){_BESIDE_SPEAKER}(?:\s+[a-z]+ly)?\s+(?P<cue>[a-z][a-z’'-]+)[,:]?\s*$"
)


def _speak_by_cue_model(masked: str, quote: Quotation, sentences, starts, resolver) -> None:
    """Name the speaker of a quotation the speaker rules left without one, by a cue beside it.

    The cue is a word the trained cue model takes for one just there ("mused",
    "wondered", "quipped": verbs no list holds), and the speaker the noun phrase
    next to it. Only the words touching the quotation marks are read.
    """
    lo, hi = _sentence_of(quote.open_mark, sentences, starts)
    close = (quote.close_mark + 1) if quote.close_mark is not None else quote.end
    after_hi = min(hi, close + 120) if hi > close else min(len(masked), close + 120)
    # Never past the line: the next paragraph's "Lund issued …" is no speaker of this one.
    line_end = masked.find("\n", close, after_hi)
    after = masked[close : after_hi if line_end < 0 else line_end]
    window = [
        (after, close, _CUE_THEN_SPEAKER),
        (after, close, _SPEAKER_THEN_CUE),
        (masked[max(lo, quote.open_mark - 120) : quote.open_mark], None, _SPEAKER_CUE_BEFORE),
    ]
    model = cue_model()
    for stretch, at, pattern in window:
        match = pattern.search(stretch)
        if match is None:
            continue
        base = at if at is not None else max(lo, quote.open_mark - 120)
        cue_lo, cue_hi = base + match.start("cue"), base + match.end("cue")
        if match.group("cue") not in model.vocabulary:
            continue
        # The cue is scored in its sentence (the quotation blanked, as the model learnt).
        inside = lo <= cue_lo and cue_hi <= hi
        s_lo, s_hi = (lo, hi) if inside else (max(0, cue_lo - 200), min(len(masked), cue_hi + 200))
        p = model.probability(masked[s_lo:s_hi], cue_lo - s_lo, cue_hi - s_lo)
        if p < model.threshold:
            continue
        group = next(g for g in ("phrase", "speaker", "common") if match.group(g))
        written, where = match.group(group), base + match.start(group)
        how = f"a cue the trained cue model recognises beside the quotation ('{match.group('cue')}' scored {p:.2f})"
        speaker, how = resolver.resolve(clean_speaker(written) or written, s_lo, where, how)
        if speaker.lower() in {"he", "she", "they", "it"}:
            speaker = ""
        quote.speaker, quote.speaker_as_written = speaker, written
        quote.cue, quote.speaker_evidence = match.group("cue"), how
        return


def _speak_for(quotes: list[Quotation], inside: range, attribution: Attribution) -> None:
    """Give the quotations inside reported speech its source.

    "Most said they were “very worried”": the quotation's words are the source's,
    though no cue stands beside the quotation itself.
    """
    pronoun = attribution.source_as_written.lower() in _PRONOUN_SOURCES
    if not attribution.source and not pronoun:
        return
    for n in inside:
        quote = quotes[n]
        without_a_cue = bool(attribution.source) and (
            any(weak in quote.speaker_evidence for weak in _WITHOUT_A_CUE)
            or _cue_just_before(quote, attribution, pronoun)
        )
        if without_a_cue or (not quote.speaker and not (pronoun and quote.speaker_as_written)):
            # The speaker rules' own finding stands (dev sets: better). A pronoun
            # that stands for no one named ("Even so, they write, … “…”") is the
            # speaker as written, resolved to no one, as "“…,” they said" is.
            quote.speaker, quote.cue = attribution.source, attribution.cue
            quote.speaker_as_written = attribution.source_as_written
            quote.speaker_evidence = f"inside reported speech: {attribution.evidence}"


def _cue_just_before(quote: Quotation, attribution: Attribution, pronoun: bool) -> bool:
    """Whether a learned cue just before a quotation beats the speaker rules' weaker finds.

    "Kasich had a strong night, when many commentators called him “…”": with no
    speech cue, the speaker rules take the sentence's subject. "Cruz accuses Obama
    of “…” and Trump says …": they take a speaker and cue later in the sentence. The
    reported speech holding the quotation names the source of its cue, a few words
    before the marks.
    """
    return (
        not pronoun
        and any(weak in quote.speaker_evidence for weak in _WEAKER_THAN_A_NEAR_CUE)
        and 0 <= quote.open_mark - attribution.cue_end <= _CUE_BEFORE_MARKS
    )


_WEAKER_THAN_A_NEAR_CUE = (_SUBJECT_WITHOUT_A_CUE, _LATER_IN_THE_SENTENCE)
_CUE_BEFORE_MARKS = 30  # characters: the cue's object, "as", an article ("called him a “…”")


# The speaker rules found no cue in the quotation's sentence and took the source of
# the sentence before, or continued the quotation before; reported speech around the
# quotation, in its own sentence, found a cue there.
_WITHOUT_A_CUE = (_NAMED_BEFORE, _CONTINUES)


def _inside(quotes: list[Quotation], opens: list[int], start: int, end: int) -> range:
    """The numbers of the quotations that overlap ``[start, end)`` (found by bisection)."""
    first = bisect.bisect_left(opens, start)
    while first > 0 and quotes[first - 1].end > start:
        first -= 1  # a quotation opening before the content and running into it
    return range(first, bisect.bisect_left(opens, end))


# A source phrase headed by a document: "the official White House readout of …",
# "a new report from the council", "the latest poll".
_A_DOCUMENT = re.compile(
    r"(?:the|a|an|its|his|her|their|this|that)\s+(?:[\w’'-]+\s+){0,4}?(?:statement|readout|"
    r"release|report|letter|memo|communiqu[eé]|transcript|poll|survey|study|analysis|filing|"
    r"indictment|complaint|ruling|editorial)s?\b(?!\s+(?:spokes\w+|officials?|aides?)\b)",
    re.IGNORECASE,
)


def _reported(text, lo, block_no, hit, name, quotes, opens, resolver) -> Attribution:
    """A reported-speech rule's finding as an attribution, its source resolved."""
    start = lo + hit.content[0]
    # The content ends before the sentence's closing punctuation in the text itself
    # (the masked view blanks a closing quotation's words, full stop included).
    end = lo + _content_end(text[lo : lo + hit.content[1]], hit.content[0])
    if hit.source is None:
        written, source, how, source_span = "", "", name, (-1, -1)
    else:
        source_span = _the_pronoun_in(text, lo + hit.source[0], lo + hit.source[1])
        written = text[source_span[0] : source_span[1]]
        if _NO_ONE.fullmatch(written):
            # "Sunday saw Reyes calling …": a time read as the subject of a cue
            # names nobody.
            written, source, how, source_span = "", "", name, (-1, -1)
        elif _A_DOCUMENT.match(written):
            # "the official readout of the call with Putin": the document, in its own
            # words; a name inside it ("Putin") is what it is about, not who speaks.
            source, how = " ".join(written.split()), f"a document, as the text names it; {name}"
        elif hit.antecedent is not None:
            # "critics who warned": "who" as written, the critics as the source.
            ante = text[lo + hit.antecedent[0] : lo + hit.antecedent[1]]
            named = clean_speaker(ante) or " ".join(ante.split())
            source, how = resolver.resolve(named, lo, lo + hit.antecedent[0], name)
            how = f"'{written}' stands for '{' '.join(ante.split())}'; {how}"
        else:
            # A possessive owns a noun cue ("his promise"): resolved as its pronoun is.
            named = (
                _OWNERS.get(written.lower()) or clean_speaker(written) or " ".join(written.split())
            )
            source, how = resolver.resolve(named, lo, source_span[0], name)
    if source in {"he", "she", "they", "it"}:
        source = ""
    if hit.note:
        how = f"{how} ({hit.note})"
    inside = _inside(quotes, opens, start, end)
    kind = "indirect"
    if inside:
        # Reported speech that quotes some words is mixed; one that is all quotation
        # ("Officials said: “We will resume.”") is direct.
        outside = text[start : quotes[inside[0]].open_mark] + text[quotes[inside[-1]].end : end]
        kind = "direct" if len(inside) == 1 and not _WORD_CHAR.search(outside) else "mixed"
        last = quotes[inside[-1]]
        if kind == "direct":
            # All of it is the quotation: its content is the quotation's words, as a
            # quotation's own attribution gives them (no opening mark, its full stop).
            start, end = quotes[inside[0]].start, last.end
        elif last.close_mark is not None and last.open_mark < end <= last.close_mark:
            end = last.close_mark + 1  # mixed, ending on a quotation: with its closing mark
    return Attribution(
        block_no=block_no,
        kind=kind,
        start=start,
        end=end,
        source=source,
        source_as_written=written,
        source_start=source_span[0],
        source_end=source_span[1],
        cue=" ".join(text[lo + hit.cue[0] : lo + hit.cue[1]].split()),
        cue_start=lo + hit.cue[0],
        cue_end=lo + hit.cue[1],
        quote_no=inside[0] if inside else -1,
        evidence=how,
    )


_OWNERS = {"his": "he", "her": "she", "their": "they", "its": "it"}
# A subject that is a time is never a speaker ("Sunday saw …", "That night brought …").
# A matter may be: the labels give "the discussion focused on …" to the discussion.
_NO_ONE = re.compile(
    # "Last" alone: the subject read back from "Last night saw …" may stop at it.
    rf"(?:{WEEKDAY}|[Yy]esterday|[Tt]oday|[Tt]onight|[Ll]ast|(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]|[Ll]ast|[Nn]ext)"
    r"\s+(?:\w+\s+)?(?:moment|day|week|weekend|month|night|morning|evening|afternoon|year|time))"
)


def _the_pronoun_in(text: str, lo: int, hi: int) -> tuple[int, int]:
    """A source phrase's span, narrowed to the pronoun that ends or opens it.

    Spaces and dashes either side are left out. A phrase read back from its cue
    may take in words around its pronoun subject: "Although in May she said",
    "The one fault he acknowledged", "It serves to help bring", "All I'm
    saying". The pronoun is the source.
    """
    words = list(_WORD_SPAN.finditer(text, lo, hi))
    if words:  # "WASHINGTON (AP) — A report said": a rule's span may open on the space
        lo, hi = words[0].start(), words[-1].end()
    if len(words) < 2:
        return lo, hi
    for n, word in ((len(words) - 1, words[-1]), (0, words[0])):
        bare = word.group().rstrip(_TRAILING_MARKS).lower()
        if n == 0 and words[1].group().lower() in _DETERMINERS:
            continue  # "It's a plan some …", "He's a pawn …": a subject further on
        short = _CONTRACTION.match(bare)  # "I'm", "he's": the pronoun
        pronoun = short.group("word") if short else bare
        if pronoun in _PRONOUN_SOURCES:
            return word.start(), word.start() + len(pronoun)
    return lo, hi


_DETERMINERS = frozenset("a an the this that some no".split())


_WORD_SPAN = re.compile(r"[^\s—–]+")  # "F.B.I." is one word; "plane—he" two
_TRAILING_MARKS = ',;:.!?”"’)'


def _quoted(text: str, quote_no: int, quote: Quotation, sentences, starts) -> Attribution:
    """A quotation's attribution: direct when it stands as a statement, mixed inside a clause."""
    sentence = _sentence_of(quote.open_mark, sentences, starts)
    # What ends just before the opening mark decides (read over a few words only).
    clause = text[max(sentence[0], quote.open_mark - 40) : quote.open_mark]
    opens_sentence = sentence[0] >= quote.open_mark - len(clause) and not clause.strip()
    kind = "direct" if opens_sentence or _STATEMENT_OPENS.search(clause) else "mixed"
    written = quote.speaker_as_written
    at = _nearest(text, written, quote.open_mark, sentence) if written else -1
    cue_at = _nearest(text, quote.cue, quote.open_mark, sentence) if quote.cue else -1
    return Attribution(
        block_no=quote.block_no,
        kind=kind,
        start=quote.start,
        end=quote.end,
        source=quote.speaker,
        source_as_written=written,
        source_start=at,
        source_end=at + len(written) if at >= 0 else -1,
        cue=quote.cue,
        cue_start=cue_at,
        cue_end=cue_at + len(quote.cue) if cue_at >= 0 else -1,
        quote_no=quote_no,
        evidence=f"a quotation: {quote.speaker_evidence}",
    )


# A quotation stands as a statement when it opens its sentence or follows a cue's
# colon or comma ("She said: “…”", "Officials said, “…”").
_STATEMENT_OPENS = re.compile(r"(?:^|[:,]|\b(?:said|says|added|wrote|told\s+\S+))\s*$")


def _sentence_of(at: int, sentences, starts: list[int]) -> tuple[int, int]:
    """The ``(start, end)`` of the sentence holding ``at``, or ``(at, at)``."""
    n = bisect.bisect_right(starts, at) - 1
    if n >= 0 and at < sentences[n][2]:
        return sentences[n][1], sentences[n][2]
    return at, at


def _nearest(text: str, words: str, at: int, sentence: tuple[int, int]) -> int:
    """Where ``words`` stand nearest ``at`` within its sentence (and 2,000 characters), or -1."""
    lo, hi = max(sentence[0], at - 2_000), min(sentence[1], at + 2_000)
    before = text.rfind(words, lo, at)
    after = text.find(words, at, hi)
    if before < 0 or (after >= 0 and after - at < at - before):
        return after
    return before
