"""The subjects of an article's speech cues: every source a later pronoun may stand for.

:mod:`analysis.segment.speakers` indexes them, cue by cue, as far into an article
as its quotations ask; reported speech reads those of one sentence. Each is
``(where it starts, the subject as written, its kind)``, found by the speaker
rules' own patterns (:mod:`analysis.segment.speaker_rules`).
"""

from __future__ import annotations

import bisect
import re

from analysis.segment.names import _kind, clean_speaker
from analysis.segment.speaker_rules import (
    _BEFORE_AT_WORD,
    _CUE_WORD,
    _DEFAULT,
    _QUOTED_AS,
    _apposition,
)

__all__: list[str] = []  # read by the speaker rules' resolver only


def _cue_subjects(
    masked: str, lo: int, hi: int, *, reach: int = _DEFAULT.subject_reach
) -> list[tuple[int, str, str]]:
    """The subjects of the speech cues of ``[lo, hi)`` (a sentence), where each cue is, its kind.

    Cue verbs are rare, so the speaker pattern runs only in a window before each one.
    ``reach`` is how far before its cue a subject may start (:attr:`SpeakerLimits.subject_reach`).
    A subject named in [lo, hi) has its cue there too (a cue does not stand in the
    next sentence), and so has a "quoted as" word within 70 characters.
    """
    found = _cue_subjects_at(masked, lo, hi, max(0, lo - 70), hi + 60, reach)
    return [s for s in found if lo <= s[0] < hi]


def _cue_subjects_at(
    masked: str,
    cue_lo: int,
    cue_hi: int,
    word_lo: int,
    word_hi: int,
    reach: int,
    starts: list[int] | None = None,
) -> list[tuple[int, str, str]]:
    """Subjects of the cues starting in ``[cue_lo, cue_hi)``, and of the "quoted as" words.

    A subject starts at most ``reach`` characters before its cue, and not before the
    start of the cue's sentence (of ``starts``, where given): the window read before it.
    """
    subjects = []
    for cue in _CUE_WORD.finditer(masked, cue_lo, min(cue_hi, len(masked))):
        window = max(0, cue.start() - reach)
        if starts:
            # A subject stands in its cue's sentence: the window starts there at most.
            n = bisect.bisect_right(starts, cue.start()) - 1
            window = max(window, starts[n]) if n >= 0 else window
        for match in _BEFORE_AT_WORD.finditer(masked, window, cue.end() + 40):
            if match.start("cue") != cue.start():
                continue
            apposed = _apposition(masked, window, cue.start())
            speaker = clean_speaker((apposed or match).group("speaker"))
            if speaker:
                subjects.append((match.start(), speaker, _kind(speaker)))
            break
    # "the palace quoted the king as saying": the palace is a source too.
    for word in _QUOTING_WORD.finditer(masked, word_lo, min(word_hi, len(masked))):
        match = _QUOTED_AS.search(masked, max(0, word.start() - 60), word.end() + 60)
        if match and match.group("source") and (source := clean_speaker(match.group("source"))):
            subjects.append((match.start(), source, _kind(source)))
    subjects.sort(key=lambda s: s[0])
    return subjects


_QUOTING_WORD = re.compile(r"\b(?:quoted|cited)\b")
