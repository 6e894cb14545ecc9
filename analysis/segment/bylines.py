"""Bylines: the lines that say who wrote or issued a text, when and where.

Authors and their roles, dates and times, datelines on their own, agencies and their
staff, editors, issuing offices, source and citation lines. :func:`_byline` is the
role rule; its patterns live here, apart from the other furniture
(:mod:`analysis.segment.furniture`).
"""

from __future__ import annotations

import re

from analysis.segment.furniture import _AGENCIES, _BARE_NAME, ROLE_LINE
from analysis.segment.official import _DOCUMENT_TITLE
from analysis.segment.view import (
    _DATE_ANY,
    _DATE_LINE_FILLER,
    _DIGIT,
    BlockView,
    _date_line,
    _found,
    _snippet,
)

__all__: list[str] = []


_BYLINE_ANYWHERE_ALTERNATIVES = (  # not anchored at the start (see _found)
    r"\breporting\ by\b.*\b(?:editing|writing)\ by\b"
    r"|\bcontributed\ (?:to\ )?(?:this\ )?(?:report|reporting|story)\b"
)

_BYLINE = re.compile(
    r"^(?:by|written\ by|words\ by|reporting\ by|report\ by)\s+(?-i:[A-Z])"  # a name: "By the spring" is prose
    r"|^(?:(?:story|article|page)\ )?(?:published|updated|posted|last\ updated|first\ published|modified)\b"
    r"|^[a-z]{2,3}(?:/[a-z]{2,3})+\s*(?:\(|$)"
    r"|" + _BYLINE_ANYWHERE_ALTERNATIVES,
    re.IGNORECASE | re.VERBOSE,
)

_BYLINE_ANYWHERE = re.compile(_BYLINE_ANYWHERE_ALTERNATIVES, re.IGNORECASE | re.VERBOSE)

# A byline without "By", as broadsheets print it: "Lena Ortiz in Tokyo and Mark Hale
# in Washington". Only above the article's first paragraph, where no prose line is
# a run of capitalised names with places.
_NAME_WORDS = r"(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+"

_PLACE = r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)?"

_PLACE_LINE = re.compile(rf"{_PLACE}(?:,\s*{_PLACE}){{1,2}}\.?$")  # "Portville, Northshire"

# The room a briefing or a speech was given in: "James S. Brady Press Briefing Room".
_ROOM_LINE = re.compile(
    r"(?:The\s+)?(?:[A-Z][\w.’'-]*\s+){0,5}(?:Briefing\s+Room|Press\s+Room|Room|Hall|Ballroom"
    r"|Auditorium)$"
)

_NAMED_IN_PLACE = re.compile(
    rf"^{_NAME_WORDS}(?:\s+in\s+{_PLACE})?(?:(?:,|\s+and)\s+{_NAME_WORDS}(?:\s+in\s+{_PLACE})?)*"
    rf"\s+in\s+{_PLACE}\s*$"
)

# The office that issues a document, on a line of its own above the title.
_ISSUER = re.compile(
    r"^(?:The\s+)?(?:White\s+House|Kremlin|Downing\s+Street|Élysée(?:\s+Palace)?"
    r"|Office\s+of\s+the\s+[A-Z][\w ]+|(?:(?:[A-Z][\w’']+|and)\s+){0,4}(?:Ministry|Department|Office"
    r"|Press\s+Service|Press\s+Office|Secretariat)(?:\s+of\s+[A-Z][\w’' ]+)?)$"
)

_SPOKESPERSON_SAID = re.compile(
    r"^(?:An?|The)\s+(?:[\w’'.-]+\s+){0,4}(?:spokes(?:man|woman|person)|official)"
    r"\s+(?:said|says)\s*:$"
    r"|^(?:[\w’'.-]+\s+){0,3}spokes(?:man|woman|person)\s+(?:[A-Z][\w’'.-]+\s+){1,3}"
    r"(?:issued|released|made)\s+the\s+following\s+statement\s*:$"
)

_AGENCY_LINE = re.compile(
    rf"^(?:[—–-]\s*)?\(?{_AGENCIES}\)?(?:\s+(?:[Ss]taff|[Rr]eporters?|[Cc]orrespondents?))?\.?$"
    r"|^\([A-Z]{2,4}(?:/[A-Z]{2,4})*\)$"
)

_DATELINE_ALONE = re.compile(r"^[A-Z][A-Z .’'-]{2,30}:$")  # "BEIJING:"

_NUMERIC_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$|^\d{4}\s+[A-Z][a-z]{2}\.?\s+\d{1,2}$"
    # Dates with their labels only: "20.05.2031 - Update : 21.05.2031".
    r"|^(?:(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}|(?i:last\s+)?(?i:updated?|published"
    r"|posted|modified|issued)(?:\s+on)?)\s*[-–|:,]?\s*){2,6}$"
    r"|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:,?\s+\d{1,2}[:.]\d{2})?$"
)

_TIME_LINE = re.compile(
    r"^\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,5}(?:\s*[+-]\s*\d{1,2}(?::\d{2})?)?)?$"
)

_ROLE_LABEL = re.compile(
    r"^(?:journalist|reporter|author|correspondent|editor|columnist|staff\s+writer|written\s+by)"
    r"\s*:?$",
    re.IGNORECASE,
)

_AUTHOR_LABEL = re.compile(r"^(?:author|written\s+by|about\s+the\s+author)\s*:", re.IGNORECASE)

# Who edited or translated the story, on a line of its own: "Editor: Li Wei".
_EDITOR_LINE = re.compile(
    r"^(?:(?:web|chief|responsible)\s+)?(?:editors?|edited\s+by|translated\s+by|translators?"
    r"|proofread\s+by|редактор|автор|rédacteur|redakteur|redaktor)"
    # The name after it, or on the next line: "Редактор:¶Ida Holm".
    r"(?:\s*:?\s+[A-ZА-ЯЁ]|\s*:\s*$)",
    re.IGNORECASE,
)

# A wire's contributor line: "--With assistance from Jo Reyes.", "With reporting by …".
_CONTRIBUTORS = re.compile(
    r"^[-–—]*\s*(?:with\s+(?:assistance|reporting|additional\s+reporting)\s+(?:from|by))\b"
    # "(With inputs from agencies)": the agencies' part in it.
    r"|^\(\s*with\s+inputs?\s+from\b[^()]{1,60}\)\.?$",
    re.IGNORECASE,
)

# "(Harbour 24 with AFP)", "(HNA with agencies)": an outlet's name, then the agencies.
_OUTLET_WITH_AGENCIES = re.compile(
    rf"^\(?(?:[A-Z][\w.&-]*\s+){{0,3}}[A-Z0-9][\w.&-]*\s+with\s+(?:{_AGENCIES}|[A-Z]{{2,6}}|agencies"
    rf"|news\s+agencies|wires)(?:\s*(?:,|and|&|/)\s*(?:{_AGENCIES}|[A-Z]{{2,6}}|agencies))*\)?\.?$"
)

# A minister's office on a line of its own, as a government page lists its author's
# portfolios above the text: "Minister, Harbour Services", "Minister for Trade",
# "Associate Minister of Finance", "Prime Minister".
_OFFICE_LINE = re.compile(
    r"^(?:(?:Associate|Deputy|Acting|Junior|Senior)\s+)?(?:Prime\s+Minister"
    r"|Minister(?:\s+of\s+State)?(?:,|\s+(?:for|of))\s+[A-Z][^.!?:]{1,80})$"
)

# The office that issued a document, signing it off at its foot: "Media Office of the
# Prime Minister", "Press Service of the President", "Office of the Press Secretary".
_SIGNING_OFFICE = re.compile(
    r"^(?:The\s+)?(?:(?:Media|Press|Information|Communications?)\s+(?:Office|Service|Department"
    r"|Section|Unit|Secretariat|Wing)(?:\s+(?:of|to)\s+(?:the\s+)?[A-Z][\w’' ]{1,60})?"
    r"|Office\s+of\s+the\s+(?:Press\s+Secretary|Spokesperson|Spokesman))$"
)

# "Updated 2 hours ago", "KYODO NEWS - 1 hour ago - 08:26": how long ago it was posted.
_AGO = re.compile(r"\b\d{1,2}\s*(?:min|mins|minutes?|hours?|hrs?|days?)\s+ago\b", re.IGNORECASE)

# A credit at the foot: "(This article was written by … and correspondent …)".
_WRITTEN_BY = re.compile(
    r"^\(?(?:this\s+(?:article|story|report)\s+was\s+(?:written|compiled|reported)\s+by"
    r"|compiled\s+from\s+reports\s+by)\b",
    re.IGNORECASE,
)

_EMAIL_LINE = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")

_SOURCE_LINE = re.compile(
    rf"^Source:\s+[A-Z][^.!?:]{{1,60}}$|^\*?Writing\s+by\s+[A-Z]"
    rf"|^[a-z]{{2,4}}/[a-z]{{2,4}}\s*\((?:{_AGENCIES}|[A-Za-z]{{2,6}})(?:,\s*(?:{_AGENCIES}|[A-Za-z]{{2,6}}))*\)$"
)

# An agency's sign-off at a story's foot: its name, then its writer and editor.
# Two people at least, each named in two words or more: not "EU/Norland Summit".
_NAMES = r"\s*/\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3}"

_STAFF_LINE = re.compile(rf"^\(?[A-Z]{{2,6}}(?:{_NAMES}){{2,3}}\)?$")

# How to cite the document, at its foot: "Citation: Office of …, 3 March", "Cite as: …".
_CITATION_LINE = re.compile(
    r"^(?P<label>Citation|Cite\s+as|Cite\s+this(?:\s+\w+)?|Suggested\s+citation|How\s+to\s+cite"
    r"(?:\s+this(?:\s+\w+)?)?)\s*:\s*\S"
)

# A government page names who issued it under the title: "From: Prime Minister's Office".
_FROM_LINE = re.compile(r"^From:\s+[A-Z]")

# What an author's name alone may stand under: the headline, other bylines, a tag line.
_ABOVE_A_NAME = frozenset({"headline", "byline", "boilerplate"})

_ATTRIBUTABLE = re.compile(r"^(?:The\s+)?(?:below|following)\s+(?:is|are)\s+attributable\s+to\b")

_PERSON = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"

# Words of a document's or an event's title, never of a person's name: "Summit
# Telephone Talk", "Joint Statement", "Press Release" are titles, not authors.
_TITLE_NOUNS = frozenset(
    """talk talks call calls meeting meetings summit telephone phone conversation
    conversations statement statements readout relations visit conference press release
    remarks speech briefing declaration communique communiqué agreement dialogue
    consultation consultations exchange""".split()
)

# "Ana Ruiz, Political Correspondent", "Ana Ruiz and Li Wei, Example Times".
_NAMES_WITH_ROLE = re.compile(
    rf"^{_PERSON}(?:\s*(?:,|and|&)\s*{_PERSON})*\s*,\s+(?:[A-Z][\w-]*\s+){{0,3}}"
    r"(?:Correspondent|Editor|Reporter|Writer|Journalist|Columnist|Producer|Contributor"
    r"|Bureau\s+Chief|Staff)s?\b[\w ,]*$"
    rf"|^{_PERSON}\s+and\s+{_PERSON},\s+(?:The\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,3}}$"
)


def _names_and_date(text: str) -> bool:
    """Names and a date, nothing else: "Ana Ruiz, Li Wei • 31 December 2021 14:05"."""
    if not _DIGIT.search(text) or not _DATE_ANY.search(text):
        return False
    rest = _DATE_LINE_FILLER.sub(" ", text).split()
    return 0 < len(rest) <= 6 and all(w[:1].isupper() for w in rest)


def _byline(b: BlockView) -> bool:  # noqa: C901 - a flat chain of byline forms, tried in order
    body, first_line, n_words = b.body.strip(), b.first_line, b.n_words
    if n_words > 25:
        return False
    if _found(_BYLINE, _BYLINE_ANYWHERE, first_line) or _date_line(body):
        return _author_line(b, "author or date line")
    if _AUTHOR_LABEL.match(body) and (n_words <= 8 or _DATE_ANY.search(body)):
        # "Written By: Jo Reyes - Date published: 8:30 am, March 9th - 37 comments".
        return _author_line(b, "author line ('Author: ...')")
    if n_words <= 8 and _EDITOR_LINE.match(body):
        return b.decide("byline", "an editor's or translator's credit line ('Editor: …')")
    if n_words <= 25 and (_CONTRIBUTORS.match(body) or _OUTLET_WITH_AGENCIES.match(body)):
        return b.decide(
            "byline", "a contributor or agency line ('With assistance from …', '(… with AFP)')"
        )
    if n_words <= 20 and _NAMES_WITH_ROLE.match(body):
        return _author_line(b, "author line: names with their role or outlet")
    if n_words <= 20 and _names_and_date(body):
        return _author_line(b, "author line: names and a date")
    if n_words <= 6 and (_NUMERIC_DATE.match(body) or _TIME_LINE.match(body)):
        return b.decide("byline", "date or time line")
    if n_words <= 4 and (_AGENCY_LINE.match(body) or _DATELINE_ALONE.match(body)):
        return b.decide("byline", "agency or dateline on a line of its own")
    if n_words <= 3 and _ROLE_LABEL.match(body):
        return b.decide("byline", f"author label: {_snippet(body)}")
    if n_words <= 15 and _AGO.search(body):
        return b.decide("byline", "date or time line ('… 2 hours ago')")
    if n_words <= 30 and _WRITTEN_BY.match(body):
        return b.decide("byline", "a credit line ('This article was written by …')")
    if n_words == 1 and _EMAIL_LINE.match(body.strip()):
        return b.decide("byline", "a reporter's e-mail address on a line of its own")
    if n_words <= 10 and b.state.seen_prose and _STAFF_LINE.match(body.strip()):
        return b.decide("byline", "the agency and its staff signing off ('RNA/Ida Lund/Tom Holm')")
    if n_words <= 12 and _SOURCE_LINE.match(body.strip()):
        return b.decide("byline", "a source line ('Source: … and news agencies')")
    citation = _CITATION_LINE.match(body) if n_words <= 40 else None
    if citation and (b.state.official_document or citation.group("label") != "Citation"):
        # A bare "Citation:" in a news story may open a medal's citation, its prose.
        return b.decide("byline", "a citation line ('Citation: …', 'Cite as: …')")
    if (
        n_words <= 5
        and ROLE_LINE.match(body.strip())
        and b.i > 0
        and b.blocks[b.i - 1].role == "byline"
        and b.above_the_story()
    ):
        return b.decide("byline", "the author's role or place under their name")
    if n_words <= 25 and _FROM_LINE.match(body) and b.above_the_story():
        return b.decide("byline", "the issuing office above the text ('From: …')")
    if n_words <= 12 and b.state.seen_prose and _SIGNING_OFFICE.match(body.strip()):
        return b.decide("byline", "the issuing office signing off the text")
    if n_words <= 12 and _OFFICE_LINE.match(body.strip()) and b.above_the_story():
        return b.decide("byline", "an office line above the text (the author's portfolio)")
    if n_words <= 25 and _ATTRIBUTABLE.match(body):
        return b.decide("byline", "names the spokesperson the statement is attributable to")
    # A name or a place alone on its line, never a title ("Joint Statement").
    alone = (
        n_words <= 4
        and _BARE_NAME.match(body) is not None
        and not _TITLE_NOUNS.intersection(body.lower().split())
    )
    if alone and b.i > 0 and b.above_the_story() and b.blocks[b.i - 1].role in _ABOVE_A_NAME:
        return b.decide("byline", "a name alone above the story (the author)")
    if alone and n_words <= 3 and _date_line(b.body_of(b.i + 1).strip()):
        return b.decide("byline", "place line above a date line")
    if (
        b.state.official_document
        and n_words <= 8
        and b.above_the_story()
        and ((n_words <= 5 and _PLACE_LINE.match(body.strip())) or _ROOM_LINE.match(body.strip()))
    ):
        return b.decide("byline", "place line under the document's title ('City, Region', a room)")
    if n_words <= 8 and _ISSUER.match(body) and b.above_the_story():
        following = (b.body_of(k) for k in range(b.i + 1, min(b.i + 3, b.last + 1)))
        if b.state.official_document or any(_DOCUMENT_TITLE.match(f) for f in following):
            return b.decide("byline", "the office that issued the document, above its title")
    if b.state.official_document and n_words <= 12 and _SPOKESPERSON_SAID.match(body):
        return b.decide("byline", "names the spokesperson the document is attributable to")
    if n_words <= 20 and " in " in body and _NAMED_IN_PLACE.match(body) and b.above_the_story():
        return b.decide("byline", "names and places above the story ('<Name> in <Place>')")
    if "reporting by" in body.lower() and _found(_BYLINE, _BYLINE_ANYWHERE, body):
        return b.decide("byline", "wire credit line ('Reporting by ...')")
    return False


def _author_line(b: BlockView, evidence: str) -> bool:
    """A byline; one after the story opens an author box ("Author: ..." then a bio).

    After the story: below a block of its text, not only below the headline (an
    "Author:" line under the headline is the byline, and the story follows it).
    """
    if b.state.seen_prose and _AUTHOR_LABEL.match(b.body) and not b.above_the_story():
        b.state.author_box = True
    return b.decide("byline", evidence)
