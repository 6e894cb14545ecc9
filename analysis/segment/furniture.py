"""Site furniture and display copy around a story: the rules that find them.

Boilerplate (tags, kickers, navigation, prompts to the reader, related-link
lists, author boxes and bios), social-media embeds, photo credits and captions,
and bylines (authors, dates, agencies, datelines).
"""

from __future__ import annotations

import re

from analysis.segment.blocks import Block
from analysis.segment.captions import _credit_in_capitals
from analysis.segment.official import _SOURCE_WORDS
from analysis.segment.view import (
    _DATE_ANY,
    HEADLINE,
    STANDFIRST,
    BlockView,
    _found,
    _headline_like,
    _snippet,
    _words,
)
from analysis.text import DATE, OPEN_QUOTES, normalise

__all__ = []

# Alternatives not anchored at the start, kept apart so that _found can try the
# anchored ones once instead of at every character.
_BOILERPLATE_ANYWHERE_ALTERNATIVES = r"all\ rights\ reserved\.?$"
_BOILERPLATE = re.compile(
    r"""^(?:tags?|topics?|filed\ under|categories|keywords|geography|persons|related(?:\ articles?|\ stories|\ coverage)?
        |read\ more|more|see\ also|also\ read|recommended|trending|most\ read|watch|listen
        |live(?:\ updates|\ blog)?)\s*:
      |^(?:tags?|topics?|categories)\s*\|
      |^more\ on\ [^:\n.!?]{1,60}:\s*$
      |^(?:sign\ up|subscribe|share\ (?:this|on|the\ article)|follow\ (?:us|@)|click\ here
        |advertisement|sponsored|our\ standards|copyright|all\ rights\ reserved|skip\ to
        |listen\ to\ this\ article|image\ \d+\ of\ \d+|comments?\b|join\ the\ conversation
        |for\ immediate\ release|\#\#\#|\#\ \#\ \#|opt\ in\ (?:to|here|now)\b|this\ was\ published\ under\b
        |page\ history$|cite\ this\ (?:page|article|document|statement)\b|how\ to\ cite\b
        |this\ (?:post|article|story|piece)\ (?:(?:was|is|has\ been|first|originally)\ ){1,2}
         (?:syndicated|republished|appeared|published)\b
        |(?:originally\ )?(?:syndicated|republished)\ (?:from|with\ permission)\b
        |full\ article\ source\b|like\ us\ on\b|(?:respectfully|hereby)\ announced\b
        |leave\ a\ (?:reply|comment)\b|your\ email\ address\ will\ not\ be\ published\b
        |download\ our\ (?:[\w’'-]+\ ){0,2}app\b|why\ you\ can\ trust\b|you\ may\ (?:also\ )?be\ interested\ in\b
        |reading\ time\s*:?\s*\d+\s*min
        |is\ this\ page\ (?:useful|helpful)|was\ this\ (?:page|article|information)\ (?:useful|helpful)
        |did\ you\ find\ what\ you\ were\ looking\ for|report\ a\ problem\b.{0,30}\bthis\ page
        |help\ us\ improve\b|(?:yes|no)\W{1,3}this\ page\ is\ (?:not\ )?useful
        |all\ content\ is\ available\ under\b|this\ (?:work|article|page|content)\ is\ licen[cs]ed\ under\b
        |\W{0,3}(?:provisional|unofficial|tentative)\ translation\W{0,3}$
        |\W{0,3}(?:the\ foregoing|this|the\ above)\ is\ an?\ (?:provisional|unofficial|tentative)\ translation\b
        |\(attn:|join\ [\w’']+\ (?:telegram|whatsapp)\ channel\b
        |(?:all\ |the\ )?(?:content|material)s?\ (?:on|of)\ this\ (?:site|website|page)\ (?:is|are)\ licen[cs]ed\b
        |general\ public\ inquiries\b|\(release\ id:|visitor\ counter\b|read\ this\ release\ in\b
        |official\ (?:web\ ?site|site|portal)\ of\b|\(?except\ for\ the\ headline\b
        |this\ article\ is\ more\ than\ .{1,20}\ old\b|explore\ more\ on\ these\ topics\b|reuse\ this\ content\b
        |read\ more(?=[A-Z])|read\s*:\s|also\ read\s*\|
        |(?:the\ )?[\w’'\ ]{0,30}\ website\ contains\ only\b)
      |^(?:©|\(c\)\s*\d{4})
      |^this\ is\ a\ rush\ transcript\b
      |^\((?:commercial\ break|begin\ video\ clip|end\ video\ clip|crosstalk|begin\ videotape|end\ videotape)\)$
      |^(?:\(END\)|END|==\s*\w+|-{2,}|(?:\*\s*){3,}|\((?![A-Z]{2,4}\))\w{2,12}\))$
      |"""
    + _BOILERPLATE_ANYWHERE_ALTERNATIVES,
    re.IGNORECASE | re.VERBOSE,
)
# A blog's comments under the story: "One thought on “…”", "3 Responses to “…”".
_COMMENTS_HEADER = re.compile(
    r"(?:one|two|three|\d{1,4})\s+(?:thoughts?|responses?|comments?|repl(?:y|ies))\s+(?:on|to)\s+[“\"]"
    r"[^“”\"]{1,120}[”\"]\s*:?\s*$",
    re.IGNORECASE,
)
_BOILERPLATE_ANYWHERE = re.compile(_BOILERPLATE_ANYWHERE_ALTERNATIVES, re.IGNORECASE | re.VERBOSE)
_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:is|was|has been|covers|writes|reports)\s+"
    r"(?:a|an|the|on|for|about)\b"
    # or in the first person: "I was born and raised in ...", "I have covered ..."
    r"|^I\s+(?:was\s+born|grew\s+up|have\s+(?:been|covered|written|reported|worked)|am\s+an?\s"
    r"|cover\s|write\s|joined\s)"
)
_EMBED = re.compile(
    r"pic\.twitter\.com/|(?:twitter|x)\.com/\w+/status|[—–-]\s*[^()\n]{1,60}\(@\w{1,15}\)"
    r"|View this post on Instagram|instagram\.com/(?:p|reel)/|A post shared by"
    r"|facebook\.com/\S+/(?:posts|videos)|youtube\.com/watch|youtu\.be/|t\.me/\w+/\d+",
    re.IGNORECASE,
)
_TWEET_SIGNATURE = re.compile(rf"^[—–-]\s*[^()\n]{{1,60}}\(@\w{{1,15}}\)\s*(?:{DATE})?\s*$")
# Credits: agency and photographer marks anywhere (proper nouns, so case-sensitive),
# or a caption/credit label at the start of the block.
_CREDIT = re.compile(
    r"Getty\s+Images|\bAP\s+Photo\b|\(AP\)$|\bvia\s+AP\b|\bAFP\s+via\b|\bREUTERS/|\bEPA-EFE\b|"
    r"\w/(?:AP|AFP|Reuters|REUTERS|EPA|TASS|Sputnik|Kremlin|Bloomberg|Pool|dpa|ANI|Xinhua)\b|"
    r"\w-Pool/|\bPool/\w|Shutterstock|picture\s+alliance|"
    r"\([A-Z][\w.’' -]{1,40}/[A-Z][\w.’' -]{1,40}\)$|"
    r"Courtesy\s+of\b|\bvia\s+Getty\b|\bFile\s+Photo$|"
    r"\|\s*Photo\s+Credit\s*:|\(PHOTO\s+NOT\s+FOR\s+SALE\)|"
    # A daily's bracketed credit: "… March 7. [Photo/Lakeport Wire]"; a caption's
    # credit in capitals after it: "… over the past year. PHOTO: GOV.RU".
    r"\[(?:Photo|Image|Video|Graphic)s?\s*/[^\]\n]{1,60}\]|"
    r"[.!?]\s+(?:PHOTOS?|IMAGES?|VIDEO)\s*:\s*[A-Z][\w.&/’' -]{1,40}$"
)
_CREDIT_START = re.compile(
    r"(?:photo|photograph|image|picture|video|caption|credit|illustration)s?\s*(?:by\b|:)|"
    # A feature's picture named by its place: "Header image: …", "Featured photo: …".
    r"(?:header|featured?|lead|main|top|cover)\s+(?:image|photo|picture)\s*:|"
    r"FILE\s+PHOTO\b|\(?Photo\b|(?:image|video|media)\s+(?:caption|source)\s*,|"
    # A bullet caption and a combined picture: "• Combo photo of …", "Composite image of …".
    r"[•·]\s*(?:(?:combo|composite|combination|file|handout)\s+)?(?:photo|picture|image)s?\b|"
    r"(?:combo|composite|combination)\s+(?:photo|picture|image)\b|(?:An?\s+|This\s+)?(?:file|handout|pool)\s+(?:photo|picture|image)\s+(?:shows|taken|of)\b|In\s+this\s+(?:photo|image|file\s+photo|handout|pool\s+photo|video)\b",
    re.IGNORECASE,
)
# Every _CREDIT alternative contains one of these; a cheap test before the regex.
_CREDIT_HINTS = (
    "/",
    "Getty",
    "Shutterstock",
    "picture alliance",
    "Courtesy",
    "via ",
    "(AP)",
    "File Photo",
    "EPA-EFE",
    "Photo Credit",
    "NOT FOR SALE",
    "PHOTO",
    "IMAGE",
    "VIDEO",
)
_EMBED_HINTS = (
    "twitter.com",
    "x.com/",
    "(@",
    "instagram",
    "Instagram",
    "facebook.com",
    "youtu",
    "t.me/",
)
# What people in a picture are doing, in a caption's present tense.
_PICTURED = (
    r"speaks|gestures|attends|arrives|listens|looks\s+on|waves|poses|shakes\s+hands|walks|"
    r"delivers"
)
_CAPTION = re.compile(
    r"\b(?:center|centre|left|right|second\s+(?:from\s+)?(?:left|right)|foreground|background)\s*[,)]|"
    rf"\((?:L|R|C)\)|\b(?:{_PICTURED}|is\s+seen|are\s+seen)\b"
)
# Where a person stands in a picture, in parentheses: "Wang Yi (left) and …", "(2nd R)".
# Not "(L)" or "(R)": in US news those are party tags ("Gov. Pat McCrory (R)").
_PLACED_IN_PICTURE = re.compile(
    r"\((?:left|right|cent(?:er|re)|top|bottom|second\s+(?:from\s+)?(?:left|right)|"
    r"\d(?:st|nd|rd|th)\s+(?:from\s+)?(?:L|R|left|right))\)"
)
# Where a person stands, set off by commas, and what they do in the present tense, as
# captions are written: "Ana Ruiz, right, greets Bo Lind", "Ruiz, left, and Lind,
# right, shake hands". Prose tells the past: "Ruiz, right, was the last to leave".
_SIDES = ("left", "right", "center", "centre")
_PLACED_BY_COMMAS = re.compile(
    # The caption opens on the person: "Prime Minister Anna Varga, left, …" (not "In the
    # photograph on his desk, Lund, left, stands …", prose about a picture).
    r"(?:(?:[A-Z][\w.'’-]+|of|the|and|de|van|von|al)\s+){0,6}"
    r"[A-Z][\w.'’-]+,\s+(?:left|right|cent(?:er|re)|second\s+(?:from\s+)?(?:left|right)),\s+"
    r"(?:and\s+[^,]{1,60}?(?:,\s+(?:left|right|cent(?:er|re)),)?\s+)?(?:[a-z]+ly\s+)?"
    rf"(?:{_PICTURED}|greets|talks|meets|sits|stands|holds|signs|visits|addresses|leaves|"
    r"smiles|applauds|shake\s+hands|speak|talk|meet|pose|walk|arrive|attend|listen|wave|sit|"
    r"stand|hold|sign|greet|chat|chats|embrace|embraces|review|reviews|inspect|inspects)\b"
)
# A picture described after a comma: "…, in a still image from handout video released
# May 1", "…, in a photo taken on …" (prose says "shown in a photograph using …").
_PICTURE_PHRASE = re.compile(
    r",\s+in\s+(?:a|an|this)\s+(?:still\s+)?(?:image|photo|photograph|picture|video\s+grab|"
    r"screengrab|screen\s+grab)\s+(?:from|taken|released|provided|made|shot)\b",
    re.IGNORECASE,
)


def _caption_without_credit(b: BlockView) -> bool:
    """A caption with no credit mark: who stands where, a picture described, a line twice.

    Each test first looks for a character its pattern needs (most blocks have none).
    """
    body, quoted = b.body, '"' in b.body or "“" in b.body
    if (
        b.n_words <= b.limits.placed_caption_max_words
        and "(" in body
        and not quoted
        and _PLACED_IN_PICTURE.search(body)
    ):
        where = f"a caption naming who is where in the picture: {_snippet(body)}"
        return b.decide("credit", where)
    if (
        b.n_words <= b.limits.placed_caption_max_words
        and not quoted
        and any(f", {side}," in body for side in _SIDES)
        and _PLACED_BY_COMMAS.match(body)
    ):
        where = f"a caption naming who is where, in the present tense: {_snippet(body)}"
        return b.decide("credit", where)
    if b.n_words <= 60 and ", in " in body and not quoted and _PICTURE_PHRASE.search(body):
        return b.decide("credit", f"a caption describing a picture: {_snippet(body)}")
    if " | " in body and _printed_twice(body):
        return b.decide("credit", "the same line twice, joined by '|' (a caption and its alt text)")
    if (
        b.n_words <= 40
        and body.rstrip().endswith(")")
        and not quoted
        and _CREDIT_AFTER_STOP.search(body.rstrip())
        and b.above_the_story()
    ):
        # Above the story only: below it, "… the talks. (ANI)" is a wire's sign-off.
        return b.decide("credit", f"a caption, its credit after the full stop: {_snippet(body)}")
    return False


# A sentence and then, after its full stop, its picture's credit: "… on Tuesday. (MOFA)".
_CREDIT_AFTER_STOP = re.compile(r"[.!?]\s*\([A-Z][\w.&’'-]*(?:[\s/][A-Z][\w.&’'-]*){0,3}\)$")


def _printed_twice(body: str) -> bool:
    """Whether a line is one text printed twice, joined by "|" (a caption beside its alt text)."""
    parts = [normalise(part) for part in body.split(" | ")]
    return len(parts) == 2 and len(parts[0].split()) >= 3 and parts[0] == parts[1]


# Whole-line furniture: reading times, view counters, section labels and kickers.
_FURNITURE_LINE = re.compile(
    r"""^\W{0,4}\d{1,3}\s*(?:min(?:ute)?s?|m)\.?\s+read(?:ing)?\b.*$
      |^[\d\s,.]{1,9}(?:\s*(?:views?|reads?|comments?))?$
      |^[A-Z][\w&’'-]*(?:\s*·\s*[A-Z][\w&’'-]*){1,3}$
      |^[A-Z][\w&’'-]*(?:\|[A-Z][\w&’'-]*){1,3}$
      |^\W{0,2}(?:suggest|send|email|forward)\s+(?:this\s+(?:page|article)\s+)?to\s+a\s+friend\W{0,2}$
      |^print\s+friendly\b.{0,30}$
      |^(?:press\s+releases?|media\s+cent(?:er|re)|statements?\s*(?:&|and)\s*releases?|news
        |world(?:\s+news)?|politics|business|breaking(?:\s+news)?|exclusive|opinion|analysis
        |live|live\s+updates|live\s+blog|just\s+in|latest(?:\s+news)?|top\s+stories|video|photos
        |read\s+(?:also|more)|also\s+read|see\s+also|related(?:\s+(?:posts|articles|stories
        |news|content|coverage|links))?|more\s+(?:stories|news|on\s+this(?:\s+story)?)
        |recommended(?:\s+for\s+you|\s+stories)?|you\s+may\s+also\s+like|stay\s+connected|home
        |maybe|related\s+(?:links?|topics)|archives?(?:\s*\([^)]{0,80}\))?|go\s+to\s+contents?
        |\d{1,2}\s*mins?|list\s+(?:of\s+\d+\s+items|\d+\s+of\s+\d+)|end\s+of\s+list
        |more\s+on\s+this\s+topic|suggested\s+topics|follow\s+topics?|home\s+page|briefing\s+room
        |media\s+(?:releases?|statements?)|transcript|readout
        |press\s+releases?\s+(?:no\.?\s*)?\d{1,5}(?:/\d{2,4})?|view\s+settings|font\s+size|site\s+colou?rs
        |text\s+version|[A-Z]{3,12}/\d{2}/\d{1,5}|[^\W\d][\w ]{0,30}\s/|phone|tel\.?|telephone|mobile|fax|watch|save|bookmark
        |[A-Z]{2,}(?:\s*/\s*[A-Z]{2,}){1,3}|duration:\s*\d+\s*(?:seconds?|minutes?|mins?)
        |updates\s+to\s+this\s+page|share(?:\s+this)?|print|email|news\s+story|speech
        |policy\s+paper|guidance|filed\s+under|categories|tags|topics|keywords
        |you\s+might\s+also\s+like|story\s+continues\s+below|report\s+an\s+error|latest\s+threads
        |back\s+to\s+(?:the\s+)?(?:main|home|front)\s+page|back\s+to\s+top|see\s+more
        |continue\s+reading(?:\s+(?:the\s+)?(?:main\s+)?(?:story|article|more|below))?\W*
        |search(?:\s+on\s+[\w.-]+)?
        |main\s+(?:content|container|menu|navigation)|skip\s+to\s+(?:the\s+)?(?:main\s+)?content
        |(?:[\w’'-]+\s+){0,4}(?:crest|logo)|(?:perma)?link|short\s+url|follow
        |(?:scan\s+(?:the\s+)?)?(?:[\w’'-]+\s+){0,2}qr\s+code)\s*:?$""",
    re.IGNORECASE | re.VERBOSE,
)
# The author's role and where they report from, under their name: "Diplomatic
# correspondent", "Reporting from Portville".
ROLE_LINE = re.compile(
    r"^(?:[A-Z][a-z]+\s+){0,3}(?:correspondent|editor|reporter|writer|analyst|producer)$"
    r"|^Reporting\s+from\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}$"
)
# A section's name, one capitalised word ("Europe", "Politics") above the headline.
_KICKER = re.compile(r"^[A-Z][a-z]{2,15}$")
# A label under which a list of related links follows.
_RELATED_LABEL = re.compile(
    r"^(?:read\s+(?:also|more)|also\s+read|see\s+also|related(?:\s+\w+)?|more\s+(?:stories|news)"
    r"|recommended(?:\s+for\s+you|\s+stories)?|you\s+may\s+also\s+like|more\s+on\s+this\s+topic"
    r"|suggested\s+topics|follow\s+topics?|(?:press|media)\s+(?:contacts?|enquiries|inquiries)"
    r"|explore\s+more\s+on\s+these\s+topics|more|see\s+more|more\s+(?:from|in)\s+[\w&’' ]{1,30})\s*:?\s*$",
    re.IGNORECASE,
)
# A label over a list of the site's other pages that names whose they are: "Latest
# posts by the Office of the Premier", "More from the Ministry", "Recent statements".
_LIST_OF_PAGES = re.compile(
    r"^(?:the\s+)?(?:(?:latest|recent|newest|popular|most\s+read|other|more)\s+(?:posts|stories"
    r"|news|articles|updates|releases|press\s+releases|statements|readouts|speeches)"
    r"(?:\s+(?:by|from|of|on)\s+[^.!?:]{1,80})?|more\s+from\s+[^.!?:]{1,80})\s*:?$",
    re.IGNORECASE,
)
# "Background:" with nothing after it (not "BEIJING:", a dateline).
_LABEL_ALONE = re.compile(
    r"^(?=.*[a-z])(?!.*\b(?:said|says|added|told|wrote)\b)[A-Z][\w’' ]{0,30}:$"
)


# Prompts that speak to the reader: donations, newsletters, sign-ups.
_PROMPT = re.compile(
    r"\b(?:your\s+(?:support|donation|contribution|subscription)|donat(?:e|ion|ions|ing)"
    r"|sign\s+up|subscribe|newsletter|opt\s+in|we['’]ll\s+be\s+in\s+touch|paywalls?"
    r"|support\s+(?:us|our\s+\w+|independent\s+journalism)|become\s+a\s+(?:member|subscriber"
    r"|supporter|patron))\b",
    re.IGNORECASE,
)
# A paywall's notice: "this is a Premium article", "requires a subscription to read".
_PAYWALL = re.compile(
    r"\bthis\s+is\s+an?\s+premium\s+(?:article|story|content)\b"
    r"|\brequires?\s+an?\s+(?:paid\s+)?subscription\b|\bsubscribers?[- ]only\b",
    re.IGNORECASE,
)
# "us" in lower case only: "US" is the United States.
_READER = re.compile(r"\b(?i:you|your|we|our)\b|\bus\b")
_REPORTS = re.compile(rf"[{OPEN_QUOTES}\"]|\b(?:said|says|told|according\s+to)\b")
_OUTLET_VOICE = re.compile(r"\b(?i:we|our)\b|\bus\b")
# A helpline or hotline to call: "helpline numbers", "a toll-free line", "the Fraud
# Helpline at 1800" (a number after it).
_SERVICE_NOTICE = re.compile(
    r"\bhelpline\s+numbers?\b|\btoll[- ]free\s+(?:number|line)\b"
    r"|\b(?:help|hot)[- ]?line\s+(?:at\s+|on\s+|number\s+)?\+?\d",
    re.I,
)
# A breadcrumb ("Home > News"), a menu of links set apart by wide gaps or bars,
# a menu label, or a link on its own.
# A breadcrumb's steps are words without a separator in them, so a run of
# separators ("»»»»") parses one way only: a step that could hold one backtracks
# over every way to split the run, in time that doubles with each mark.
_NAVIGATION = re.compile(
    r"^\s*Home\s*(?:>|›|»|/|\|)|(?:[^\s>›»]+\s*(?:[>›»]\s*)+){2,}[^\s>›»]+\s*$"
    r"|^(?:[A-Z][\w&’'.-]*(?:\s[\w&’'.-]+){0,3}(?:\s{3,}|\s*\|\s*)){4,}"
    r"|^(?:(?:main|left|right|top|site)\s+)?menu$|^(?:https?://|www\.)\S+$",
    re.IGNORECASE,
)
# The longest line read as navigation: forty words of menu. A longer "line" of few
# words is one long token (a URL, a run of symbols), on which the breadcrumb pattern's
# search would take time in the square of its length.
_NAVIGATION_CHARS = 400
_WORD3 = re.compile(r"[^\W\d_]{3,}")  # a word of three letters or more
_HASHTAG_LINE = re.compile(r"^#[^\W\d_][\w ]{0,40}$")  # "#World News": a section tag
_CITATION = re.compile(
    r"\bOnline\s+by\s+[A-Z][\w.'’ -]+,\s+(?:The\s+)?[A-Z][\w ]*(?:Project|Archive)"
)
_PHOTO_LABEL = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:photo|photograph|image)$"
)
_BULLET = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,2}[.)])\s")
_AGENCIES = (
    r"(?:Reuters|REUTERS|AP|AFP|EPA(?:-EFE)?|Getty\s+Images|TASS|Sputnik|Xinhua|ANI|PTI|IANS"
    r"|UNIAN|Ukrinform|Kyodo|Yonhap|dpa|Anadolu(?:\s+Agency)?|Bloomberg|Shutterstock|Pool"
    r"|Kremlin(?:\.ru)?|RIA\s+Novosti|Interfax|AAP|Associated\s+Press|Agence\s+France-Presse)"
)
# A photographer and an agency: "Ana Ruiz | Reuters", "Ana Ruiz. TASS", "Ana Ruiz/AFP".
# An agency not listed may be named for its pictures: "Ana Ruiz | Harbour Photo Agency"
# (not a bare "Photos", a section's name, nor any "… Agency": "Lund | Border Agency").
_PHOTO_AGENCY = r"(?:[A-Z][\w.'’&-]+\s+){0,3}(?:Photos?|Pictures|Images|Photography)(?:\s+Agency)?"
_NAME_AND_AGENCY = re.compile(
    rf"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,3}}\s*(?:\||/|\.|,|–|—)\s*{_AGENCIES}"
    rf"(?:\s*(?:/|via)\s*{_AGENCIES})?\.?$"
    # A person's name, of two words or more, and an agency named for pictures.
    rf"|^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{1,3}}\s*[|/]\s*(?=.*\S\s){_PHOTO_AGENCY}$"
)
# News agencies, not picture agencies, signing off a story's paragraph: "(ANI/Sputnik)".
_WIRES = r"(?:Reuters|AP|AFP|TASS|Sputnik|Xinhua|ANI|PTI|IANS|UNI|Kyodo|Yonhap|dpa|EFE|UPI)"
_WIRE_SIGN_OFF = re.compile(rf"[.!?”\"]\s*\({_WIRES}(?:\s*/\s*{_WIRES})+\)$")
_WIRE_DATELINE = re.compile(rf"[A-Z][^\n()]{{0,80}}\({_WIRES}(?:\s*/\s*{_WIRES})*\)\s*[:—–-]")
# A site's name over two lines, the first ending where a name cannot: "The Government
# portal of the¶Republic of Ruritania".
_SITE_NAME = re.compile(
    r"^(?:the\s+)?(?:official\s+)?(?:government|official)\s+(?:portal|web\s?site|site)\s+of"
    r"(?:\s+the)?(?P<open>\s*$)?",
    re.IGNORECASE,
)
_BARE_NAME = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}$")


def _is_caption(text: str, block: Block) -> bool:
    """A short present-tense picture description, the kind that sits above a credit."""
    body = text[block.start : block.end]
    return (
        block.role in ("journalist", "headline", "boilerplate")
        and block.evidence not in (HEADLINE, STANDFIRST)
        and len(_words(body)) <= 60
        and _CAPTION.search(body) is not None
    )


def _no_words(b: BlockView) -> bool:
    """Symbols and numbers that are not a date or time: page controls, counters."""
    if b.n_words <= 8 and not _WORD3.search(b.body):
        return b.decide("boilerplate", "no words, only symbols and numbers (page controls)")
    return False


def _furniture(b: BlockView) -> bool:  # noqa: C901 - a flat chain of furniture patterns, tried in order
    body, n_words = b.body, b.n_words
    if b.state.comments:
        return b.decide("boilerplate", "under the comments' header: a reader's comment or the form")
    if b.state.site_name_open and n_words <= 8:
        b.state.site_name_open = False
        return b.decide("boilerplate", "the site's name, its second line")
    site = _SITE_NAME.match(body.strip()) if n_words <= 12 and not b.state.seen_prose else None
    if site is not None:
        b.state.site_name_open = site.group("open") is not None
        return b.decide("boilerplate", f"the site's name: {_snippet(body)}")
    if b.state.seen_prose and n_words <= 20 and _COMMENTS_HEADER.match(body.strip()):
        # "One thought on “…”", "12 Responses to “…”": what follows is the readers'.
        b.state.comments = True
        return b.decide("boilerplate", f"the comments' header: {_snippet(b.first_line)}")
    if n_words <= 60 and _found(_BOILERPLATE, _BOILERPLATE_ANYWHERE, b.first_line):
        b.state.related_list = _RELATED_LABEL.match(b.first_line) is not None
        return b.decide("boilerplate", f"site furniture: starts {_snippet(b.first_line)}")
    if n_words <= 6:
        line = body.strip()
        if _HASHTAG_LINE.match(line):
            return b.decide("boilerplate", f"section tag: {_snippet(body)}")
        if _FURNITURE_LINE.match(line):
            b.state.related_list = _RELATED_LABEL.match(line) is not None
            return b.decide("boilerplate", f"site furniture line: {_snippet(body)}")
        if n_words <= 3 and _LABEL_ALONE.match(line) and not _SOURCE_WORDS.search(body):
            b.state.related_list = _RELATED_LABEL.match(line) is not None  # "Press contacts:"
            return b.decide("boilerplate", f"a template label on its own: {_snippet(body)}")
    if (
        n_words == 1
        and b.i <= 1
        and not b.state.seen_prose
        and _KICKER.match(body.strip())
        and _headline_like(b.body_of(b.i + 1), limits=b.limits)
    ):
        return b.decide("boilerplate", f"a section's name above the headline: {_snippet(body)}")
    if n_words <= 16 and _LIST_OF_PAGES.match(b.first_line) and "\n" not in body.strip():
        b.state.related_list = True  # the titles listed under it follow
        return b.decide("boilerplate", f"a label over a list of the site's pages: {_snippet(body)}")
    if n_words <= 40 and _may_navigate(body, n_words) and _NAVIGATION.search(body):
        return b.decide("boilerplate", "site navigation (a breadcrumb, a menu or a bare link)")
    if n_words <= 90 and (b.state.prompt_run or _may_prompt(body)):
        # A prompt speaks to the reader and reports nothing: no quotation, no speech cue.
        reports = _REPORTS.search(body) is not None
        prompt = None if reports else _PROMPT.search(body)
        if prompt and _READER.search(body):
            b.state.prompt_run = True
            return b.decide("boilerplate", f"a prompt to the reader: {_snippet(prompt.group())}")
        if b.state.prompt_run and not reports and _OUTLET_VOICE.search(body):
            return b.decide("boilerplate", "continues a prompt to the reader (the outlet as 'we')")
    b.state.prompt_run = False
    if (
        n_words <= 30
        and ("ubscri" in body or "remium" in body)
        and _PAYWALL.search(body)
        and not _REPORTS.search(body)
    ):
        return b.decide("boilerplate", f"a paywall notice: {_snippet(body)}")
    if n_words <= 80 and "Online" in body and _CITATION.search(body):
        return b.decide("boilerplate", "citation line of an archive ('... Online by ...')")
    if (
        n_words <= 60
        and ("elpline" in body or "oll" in body or "otline" in body)
        and _SERVICE_NOTICE.search(body)
        # Longer, it speaks to the reader and reports no one: a site's banner.
        and (n_words <= 40 or (_READER.search(body) and not _REPORTS.search(body)))
    ):
        return b.decide("boilerplate", "a service notice (helpline numbers)")
    return False


def _may_navigate(body: str, n_words: int) -> bool:
    """A cheap test before :data:`_NAVIGATION`: each of its forms needs one of these."""
    if "\n" in body.strip() or len(body) > _NAVIGATION_CHARS:
        return False  # a menu or a breadcrumb is one short line
    return (
        n_words <= 3
        or any(mark in body for mark in (">", "›", "»", "|", "/", "   ", "\t"))
        or body.lstrip()[:4].lower() in ("http", "www.")
    )


# Every _PROMPT alternative holds one of these (lower-cased): a cheap test first.
_PROMPT_HINTS = (
    "support",
    "donat",
    "contribution",
    "subscri",
    "sign",
    "newsletter",
    "opt",
    "touch",
    "paywall",
    "become",
)


def _may_prompt(body: str) -> bool:
    low = body.lower()
    return any(hint in low for hint in _PROMPT_HINTS)


def _related_list(b: BlockView) -> bool:
    """Links listed under a "Read also" label: short lines, bulleted or headline-like."""
    if not b.state.related_list:
        return False
    if b.n_words <= 30 and (
        # A topic listed is a name: one word is too short to look like a headline.
        _BULLET.match(b.body) or b.headline_like or _BARE_NAME.match(b.body.strip())
    ):
        return b.decide(
            "boilerplate", "a link in a list under its label ('Read also', 'Latest posts by …')"
        )
    b.state.related_list = False
    return False


def _author_box(b: BlockView) -> bool:
    """After the story, an author line opens a box of bio lines ("Graduated from ...")."""
    if not b.state.author_box:
        return False
    if b.n_words <= 60:
        return b.decide("boilerplate", "author box after the story (bio under an author line)")
    b.state.author_box = False
    return False


def _bio(b: BlockView) -> bool:
    if b.kind == "news" and b.i >= b.last - 2 and b.n_words <= 60 and _BIO.match(b.body):
        return b.decide(
            "boilerplate", "author bio near the end ('<Name> is a ...', 'I was born ...')"
        )
    return False


def _embed(b: BlockView) -> bool:
    if b.n_words > 120 or not any(h in b.body for h in _EMBED_HINTS):
        return False
    found = _EMBED.search(b.body)
    if not found:
        return False
    b.decide("embed", f"social-media post: {_snippet(found.group())}")
    if _TWEET_SIGNATURE.match(b.body) and b.i > 0:
        prev = b.blocks[b.i - 1]
        if prev.role in ("journalist", "quote") and len(_words(b.body_of(b.i - 1))) <= 60:
            prev.role, prev.source = "embed", ""
            prev.evidence = "tweet text directly above its signature line"
    return True


def _credit(b: BlockView) -> bool:
    if b.n_words > 80:
        return False
    body = b.body
    credit = _CREDIT_START.match(body) or (
        _CREDIT.search(body) if any(h in body for h in _CREDIT_HINTS) else None
    )
    if credit and (
        _WIRE_DATELINE.match(body)  # "Tokyo [Japan], Oct 8 (ANI/Sputnik): …": the story opens
        or (_WIRE_SIGN_OFF.search(body) and b.state.seen_prose and not _CAPTION.search(body))
    ):
        credit = None  # "… took office. (ANI/Sputnik)": the wires that filed the story
    if credit and (b.n_words <= 40 or _CAPTION.search(body)):
        b.decide("credit", f"photo/video credit or caption: {_snippet(credit.group())}")
        if b.i > 0 and _is_caption(b.text, b.blocks[b.i - 1]):
            prev = b.blocks[b.i - 1]
            prev.role, prev.source = "credit", ""
            prev.evidence = "caption directly above a photo credit"
        return True
    if (
        not b.state.seen_prose
        and b.n_words <= 60
        and body.rstrip().endswith(".")
        and _CAPTION.search(body)
        and _DATE_ANY.search(body)
        and _headline_like(b.body_of(b.i + 1), limits=b.limits)
    ):
        # A picture's caption printed above the headline: the headline is the next line.
        return b.decide("credit", "a picture caption above the headline")
    if _caption_without_credit(b) or _credit_in_capitals(b):
        return True
    if b.n_words <= 6 and _PHOTO_LABEL.match(body.strip()):
        return b.decide("credit", f"a picture's label: {_snippet(body)}")
    if b.n_words <= 10 and _NAME_AND_AGENCY.match(body.strip()):
        return b.decide("credit", f"photographer and agency: {_snippet(body)}")
    return False
