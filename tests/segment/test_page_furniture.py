"""Pages of governments and news sites we had not modelled, in our own words.

Each fixture in ``tests/fixtures/pages`` copies a site's layout (its furniture
lines, their order and shape) with invented names and text. The lines listed
here are the ones each layout adds; the story's own paragraphs must stay story.
"""

from pathlib import Path

import pytest

from analysis.segment import classify_blocks, paragraph_spans

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"

EXPECTED = {
    "gov_uk_readout": {
        "From: Prime Minister's Office": "byline",
        "Is this page useful?": "boilerplate",
        "Maybe": "boilerplate",
        "Yes this page is useful": "boilerplate",
        "No this page is not useful": "boilerplate",
        "Report a problem with this page": "boilerplate",
        "Help us improve GOV.UK": "boilerplate",
        "All content is available under": "boilerplate",
        "The leaders discussed": "official",
    },
    "japan_pm_readout": {
        "[Provisional translation]": "boilerplate",
        "Related Link": "boilerplate",
        "Archives (": "boilerplate",
        "- President Varga expressed": "official",
    },
    "japan_mofa_readout": {
        "* The foregoing is a provisional translation": "boilerplate",
        "2. Minister Varga said": "official",
    },
    "china_mfa_readout": {
        "Home": "boilerplate",
        "Xi Jinping Has a Phone Call": "headline",
        "Ana Varga said": "official",
    },
    "china_wire": {"Source: Xinhua|": "byline", "Varga said": "journalist"},
    "wire_reuters_new": {
        "May 3, 20314:12 PM": "byline",
        "Suggested Topics:": "boilerplate",
        "Asia Pacific\n": "boilerplate",  # the topic listed at the foot, not the kicker
        '"We want the boats': "journalist",
    },
    "singapore_daily": {
        "6 min ago": "byline",
        "Ruritania ferry fares set to rise": "boilerplate",
        "Japan eyes new northern port": "boilerplate",
        "Join ST's Telegram channel": "boilerplate",
        "easing a row": "journalist",
        "that has hurt fishing towns": "journalist",
    },
    "japan_daily": {
        "(This article was written by": "byline",
        "Example told reporters": "journalist",
    },
    "japan_wire": {"KYODO NEWS - 1 hour ago": "byline", "The two leaders held": "journalist"},
    "korea_wire": {
        "Go to Contents": "boilerplate",
        "(ATTN:": "boilerplate",
        "President Lee Example speaks": "credit",
        "minji@yna.co.kr": "byline",
        "The leaders spoke by phone": "journalist",
    },
    "india_daily": {
        "Prime Minister Ravi Example during a meeting": "credit",
        "Related Topics": "boilerplate",
        "The two sides also discussed": "journalist",
    },
    "au_pm_readout": {
        "Media release": "boilerplate",
        "3 Feb 2031": "byline",
        "Prime Minister": "byline",
        "We agreed that": "official",
    },
    "de_gov_readout": {
        "Home Page": "boilerplate",
        "Government spokesperson Karl Brenner issued": "byline",
        "Press release 212": "boilerplate",
        "They agreed to stay": "official",
    },
    "eu_commission_readout": {
        "Readout": "boilerplate",
        "STATEMENT/31/812": "boilerplate",
        "Press contacts:": "boilerplate",
        "Jan Sample": "boilerplate",
        "Phone": "boilerplate",
        "General public inquiries": "boilerplate",
        "They agreed to meet": "official",
    },
    "in_mea_readout": {"New Delhi": "byline", "Click here for Urdu": "boilerplate"},
    "in_pib_readout": {
        "Posted On:": "byline",
        "(Release ID:": "boilerplate",
        "Visitor Counter": "boilerplate",
        "Read this release in": "boilerplate",
        "The two leaders agreed": "official",
    },
    "kr_president_readout": {
        "Briefing Room": "boilerplate",
        "2031 Mar. 4": "byline",
        "President Talks by Phone": "headline",
    },
    "ru_kremlin_readout": {
        "View settings": "boilerplate",
        "Font size:": "boilerplate",
        "Official website of": "boilerplate",
        "News   /": "boilerplate",
        "Telephone conversation with": "headline",
        "Geography:": "boilerplate",
        "Persons:": "boilerplate",
        "All content on this site is licensed": "boilerplate",
        "The two leaders discussed": "official",
    },
    "us_wire": {
        "World News": "boilerplate",
        "Updated 6:12 PM": "byline",
        "___": "boilerplate",
        "Okafor reported from": "byline",
        "Both governments said": "journalist",
    },
    "au_broadcaster": {
        "Watch": "boilerplate",
        "Duration: 44 seconds": "boilerplate",
        "The government said": "journalist",
    },
    "in_broadcaster": {"(Except for the headline": "boilerplate", "The two leaders": "journalist"},
    "tr_agency": {
        "20.05.2031 - Update": "byline",
        "*Writing by": "byline",
        "The agency's website contains only": "boilerplate",
        "The two leaders agreed": "journalist",
    },
    "cn_daily": {"CHINA / DIPLOMACY": "boilerplate", "Published: May 20": "byline"},
    "de_broadcaster": {"xy/ab (AFP, Reuters, dpa)": "byline", "Both sides said": "journalist"},
    "uk_broadcaster": {
        "3 hours ago": "byline",
        "Save": "boilerplate",
        "Diplomatic correspondent": "byline",
        "Reporting from Portville": "byline",
        "Ruritania\n": "boilerplate",
        "Freedonia\n": "boilerplate",
        "Both offices said": "journalist",
    },
    "uk_daily": {
        "Ruritania\n": "boilerplate",  # the kicker; the topic under the story is one too
        "This article is more than": "boilerplate",
        "Ruritania and Freedonia agree": "headline",
        "Leaders say ministers": "headline",
        "Jane Example in Portville": "byline",
        "Explore more on these topics": "boilerplate",
        "Reuse this content": "boilerplate",
        "Both offices said": "journalist",
    },
    "fr_broadcaster": {
        "Europe": "boilerplate",
        "Ruritania and Freedonia agree": "headline",
        "Issued on:": "byline",
        "2 min Reading time": "boilerplate",
        "FRANCE 24 with AFP": "byline",
        "Read moreExplainer": "boilerplate",
        "Both offices said": "journalist",
    },
    "sg_broadcaster": {
        "Asia": "boilerplate",
        "Ruritania and Freedonia agree": "headline",
        "Bookmark": "boilerplate",
        "READ: Ferry fares": "boilerplate",
        "Source: Reuters/ab": "byline",
    },
    "in_daily": {
        "By HT News Desk": "byline",
        "Also Read |": "boilerplate",
        "The two leaders also": "journalist",
    },
    "kr_daily": {"Posted : 2031": "byline", "harin@example.co.kr": "byline"},
    "archive_readout": {
        "Lakeport, Ruritania": "byline",
        "Prime Minister\n": "byline",
        "###": "boilerplate",
        "Citation: Office of the Prime Minister": "byline",
        "They agreed to stay": "official",
    },
    "regional_daily": {
        "Mira Sol | Lakeport Photo Agency": "credit",
        "Prime Minister Anna Varga, left, greets": "credit",
        "The two leaders agreed": "journalist",
    },
    "uk_tabloid": {
        "Varga said on Saturday that Berg had done": "credit",
        "A press office spokesman said:": "journalist",
        "MORE ON THE FERRY PACT:": "boilerplate",
        "Berg also praised Varga": "credit",
        "REUTERS\n": "byline",  # after a paragraph that ends a sentence: the agency's byline
        "'The two leaders stressed": "credit",
        "Only days ago": "journalist",
    },
    "sg_mfa_page": {
        "Officials will NEVER ask you": "boilerplate",
        "Minister for Foreign Affairs Dr Ana Varga's Telephone Call": "headline",
        "18 March 2031": "byline",
        "Minister Varga commended": "official",  # the title makes it a readout
        ".    .": "boilerplate",
        "Travel Page": "boilerplate",
    },
    "sg_daily_captions": {
        "Minister of State Ida Lund said that the ministry": "credit",
        "Anna Varga (R) and her counterpart": "credit",
        "LAKEPORT - Ruritania's ties": "journalist",
        "She also noted": "journalist",
    },
    "jp_mofa_page": {
        "Press Releases": "boilerplate",
        "Telephone Conference between": "headline",
        "2. Minister Berg explained": "official",  # the title makes it a readout
        "Back to Press Releases": "boilerplate",
    },
    "in_wire_page": {
        "Last Updated:": "byline",
        "Lakeport [Ruritania], October 8 (ANI/Sputnik):": "journalist",  # a dateline, no credit
        "The last time the leaders": "journalist",  # the wires' sign-off, no caption
    },
    "ca_broadcaster": {
        "Politics": "boilerplate",
        "By Staff The Lakeport Press": "byline",
        "Premier Anna Varga holds a news conference": "credit",  # dated caption
        "THE LAKEPORT PRESS/Sam Kilby": "credit",
        "Story continues below": "boilerplate",
        "READ MORE:": "boilerplate",
        "The office said in an email": "journalist",
        "Report an error": "boilerplate",
        "FLYERS": "journalist",  # a section's label in capitals is no credit
    },
    "ca_city_site": {
        "Search on Harbourcity": "boilerplate",
        "Varga Called Berg": "headline",
        "Editor's Choice:": "boilerplate",
        "The President and Premier agreed": "journalist",
        "Recommended For You": "boilerplate",
    },
    "gulf_broadcaster": {
        "News|Politics": "boilerplate",
        "Ruritania and Japan agree to reopen": "headline",
        "3 mins": "boilerplate",
        "Recommended Stories": "boilerplate",
        "list of 4 items": "boilerplate",
        "list 1 of 4": "boilerplate",
        "end of list": "boilerplate",
        "Source: Al Jazeera": "byline",
        "The two leaders spoke": "journalist",
    },
    # A blog embedding a readout its press secretary sent, then the readers' comments.
    "blog_readout_page": {
        "Ida Moss, the prime minister's": "journalist",
        "They also discussed the harbour treaty": "official",
        "One thought on": "boilerplate",
        "1. At an unrelated press conference": "boilerplate",
        "Leave a Reply": "boilerplate",
        "Your email address will not be published": "boilerplate",
    },
    # A small site's story with the readout under a label in capitals.
    "small_news_page": {
        "Ruritania's own spokesman": "journalist",
        "THE READOUT": "boilerplate",
        "President Tom Berg spoke this week": "official",
        "Related posts": "boilerplate",
        "Leave a Comment": "boilerplate",
    },
    # A forum thread that pastes a government's press release.
    "forum_release_page": {
        "Following the phone call": "journalist",
        "They also agreed to have": "official",
        "Continue reading...": "boilerplate",
        "Latest Threads": "boilerplate",
    },
    # A foreign ministry's press conference: questions by "Q:" or by the outlet asking.
    "mfa_briefing_readout": {
        "At the invitation of": "official",
        "Q: President Berg spoke": "quote",
        "A: The two presidents": "official",
        "We have released a readout": "official",
        "Harbour Daily: Some reports": "quote",
        "Ida Lund: I am not aware": "official",
        "A: I have nothing to announce": "official",
    },
    # A press secretary's briefing: "Q" and spaces before a question, the answers by name.
    "wh_briefing_readout": {
        "Press Briefing by Press Secretary": "headline",
        "James S. Brady Press Briefing Room": "byline",
        "MS. LUND:  Good afternoon": "official",
        "Q    Thank you, Ida.": "quote",
        "MS. LUND:  He did.": "official",
        "Q    Why not?": "quote",
        "MS. LUND:  Because nothing": "official",
    },
    # A live blog quoting a readout in quotation marks under its entry's heading.
    "live_blog_page": {
        "Don't hold your breath": "journalist",
        '"President Tom Berg spoke with': "official",
        "Some on the quay see this": "journalist",
        "You May Also Like": "boilerplate",
        "In a recent interview with": "boilerplate",
    },
    # A prime minister's office release, read with no kind given: it reads as a readout.
    "pm_office_page": {
        "Home> Press Releases": "boilerplate",
        "H.E. Prime Minister Ana Varga receives": "headline",
        "May - 04– 2031": "byline",
        "His Excellency the Prime Minister stressed": "official",
        "President Berg underscored": "official",
        "Media Office of the Prime Minister": "byline",
    },
    # A blog reposting a readout, its source at the foot.
    "blog_repost_page": {
        "Thursday, May 4, 2031": "byline",
        "President Berg spoke today by phone": "official",
        "Source: Office of the President": "byline",
        "No comments:": "boilerplate",
        "Post a Comment": "boilerplate",
    },
    # A state wire's page: a link back to its front page, "More:" over its headlines.
    "state_wire_page": {
        "Back to Main page": "boilerplate",
        "Ruritanian, Norland top diplomats": "headline",
        "May 4, 23:17 UTC+3 LAKEPORT": "byline",
        "A meeting between Varga and Berg": "headline",
        "LAKEPORT, May 4. /RNA/.": "journalist",
        "More:": "boilerplate",
        "Varga says ferry talks to go on": "boilerplate",
        "Ruritania ready to reopen": "boilerplate",
    },
    # A Gulf state agency's story: a day-first date, an ordinal dateline, staff sign-off.
    "gulf_agency_page": {
        "Sun 04-05-2031 18:42 PM": "byline",
        "LAKEPORT, 4th May, 2031 (RNA) --": "journalist",
        "His Highness and President Berg": "journalist",
        "RNA/Ida Lund/Tom Holm": "byline",
        "https://rna.example": "boilerplate",
    },
    # A broadcaster's transcript: the host's turns its journalist's, the guest's quoted.
    "tv_transcript_page": {
        "THIS IS A RUSH TRANSCRIPT": "boilerplate",
        "TOM HOLM, HOST: Good evening.": "journalist",
        "ANA VARGA, FOREIGN MINISTER OF RURITANIA:": "quote",
        "HOLM: What did the presidents": "journalist",
        "VARGA: They agreed": "quote",
        "(COMMERCIAL BREAK)": "boilerplate",
    },
    # A daily's story with its header image captioned, an editor line and app prompt.
    "south_asia_daily_page": {
        "Published May 4, 2031 09:12am": "byline",
        "Header image: Prime Minister": "credit",
        "The two leaders spoke by phone": "journalist",
        "Editor: Ida Lund": "byline",
        "Download our app": "boilerplate",
    },
    # A government portal's news item: its name over two lines, a dated readout.
    "gov_portal_page": {
        "The Government portal of the": "boilerplate",
        "Republic of Ruritania": "boilerplate",
        "Ruritanian and Norland Presidents Hold": "headline",
        "2031-05-04 | Politics": "byline",
        "On May 4, President of the Republic": "official",
        "Views were exchanged": "official",
        "Source: RNA": "byline",
    },
    # A state agency's page with its editor's label in Cyrillic, the name below it.
    "agency_cyrillic_page": {
        "Редактор:": "byline",
        "Holm Ida": "byline",
        "4 May 2031, 14:10": "byline",
        "LAKEPORT. RNA – President": "journalist",
    },
}


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_a_site_s_furniture_is_not_its_story(page):
    text = (PAGES / f"{page}.txt").read_text(encoding="utf-8")
    kind = "official" if page.endswith("_readout") else "news"
    blocks = classify_blocks(text, paragraph_spans(text), kind=kind)
    roles = {}
    for prefix in EXPECTED[page]:
        # A prefix ending in a newline names a whole line: the last block that is it.
        whole = prefix.endswith("\n")
        found = [
            b for b in blocks
            if (text[b.start:b.end] == prefix.strip() if whole
                else text[b.start:b.end].startswith(prefix))
        ]  # fmt: skip
        assert found, f"{page}: no block starts {prefix!r}"
        roles[prefix] = found[-1].role
    assert roles == EXPECTED[page]


def test_every_page_fixture_is_checked():
    assert sorted(p.stem for p in PAGES.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize(
    ("title", "official"),
    [
        ("Ana Varga Has a Phone Call with Foreign Minister Tom Berg", True),
        ("President Lund Holds Phone Talks with Prime Minister Berg", True),
        ("Norland-Varnia Summit Telephone Talk", True),
        ("Norland-Varnia Foreign Ministers' Telephone Talk", True),
        # A news headline in sentence case, or one that reports, is the news's own.
        ("Varga holds phone talks with Berg over the ferry row", False),
        ("Varga Has a Phone Call with Berg, Says Nothing Changed", False),
        # A ministry's dated title, office and name possessive; not a headline that goes on.
        ("Prime Minister Ana Varga's Meeting with President Tom Berg, 4 May 2031", True),
        ("Varga's Phone Call With Berg Sparks a Row Over the Ferry", False),
        # A briefing's transcript, by its title; not a story about a briefing.
        ("Press Briefing by Press Secretary Ida Lund, May 4, 2031", True),
        ("Foreign Ministry Spokesperson Ida Lund's Regular Press Conference on May 4, 2031", True),
        ("Lund's press conference on the ferry row leaves questions open", False),
    ],
)
def test_a_readout_s_title_makes_a_document_of_unknown_kind_official(title, official):
    # Loaded without a manifest (the bodies-only measure), a readout is known by its title.
    body = (
        "Foreign Minister Ana Varga spoke to her counterpart Tom Berg on Tuesday about the "
        "ferry line across the strait.\n\n"
        "The two sides agreed to keep the line open through the winter."
    )
    text = f"{title}\n\n{body}"
    roles = [b.role for b in classify_blocks(text, paragraph_spans(text), kind="news")]
    assert roles[0] == "headline"
    assert (roles[1:] == ["official", "official"]) is official


def test_a_readout_copied_without_its_title_reads_as_one():
    readout = (
        "President Ana Varga congratulated Prime Minister Tom Berg on his re-election and "
        "wished him success in his work.\n\n"
        "The two leaders continued their exchange of views on the ferry line across the "
        "strait, and the President informed her counterpart of the repairs under way.\n\n"
        "Prime Minister Berg noted the importance of keeping the winter berths open for the "
        "fishing fleets of both countries.\n\n"
        "The two leaders agreed to maintain contacts at various levels."
    )
    blocks = classify_blocks(readout, paragraph_spans(readout), kind="news")
    assert [b.role for b in blocks] == ["official"] * 4
    assert "reads as a readout" in blocks[0].evidence
    # The same paragraphs told by a reporter who says who said so stay the news's own.
    story = readout.replace("informed her counterpart", "told reporters")
    blocks = classify_blocks(story, paragraph_spans(story), kind="news")
    assert "official" not in [b.role for b in blocks]


def test_a_person_placed_between_commas_in_the_past_tense_is_prose():
    text = (
        "Ferry talks end\n\n"
        "The talks ended late on Tuesday.\n\n"
        "Anna Varga, right, was the last to leave the hall after the vote.\n"
    )
    blocks = classify_blocks(text, paragraph_spans(text), kind="news")
    assert blocks[-1].role == "journalist"


@pytest.mark.parametrize(
    ("line", "role"),
    [
        # a medal's citation in a news story is its prose (a citation line is an
        # official document's)
        (
            "Citation: For conspicuous bravery during the rescue of the crew of the Ida.",
            "journalist",
        ),
        # a section's name, or any agency, is no photo agency
        ("News | Photos", "boilerplate"),
        ("Lund / Border Agency", "boilerplate"),
        # prose about a picture does not open on the person placed in it
        ("In the photograph on his desk, Lund, left, stands beside his father.", "journalist"),
        # two people, one of them placed
        ("Anna Varga, left, and Erik Holm attend the ceremony at the harbour.", "credit"),
    ],
)
def test_lines_that_look_like_captions_or_citations(line, role):
    text = f"Medal for the crew\n\nThe crew received medals on Friday.\n\n{line}\n\nIt ended at noon.\n"
    blocks = classify_blocks(text, paragraph_spans(text), kind="news")
    assert blocks[2].role == role


@pytest.mark.parametrize(
    ("lines", "roles"),
    [
        # A caption and its credit in capitals, in one block or two.
        (["The crew at the quay on Friday\nPA"], ["credit"]),
        (["The crew at the quay on Friday", "GETTY IMAGES"], ["credit", "credit"]),
        # A newsletter's section heading in capitals is no credit.
        (["Ferries run late again. [Gazette.]", "WHAT'S NEXT."], ["journalist", "journalist"]),
        # The caption holds no full stop; after a sentence, capitals are no credit.
        (["The ferry will sail at noon, the harbour master said.\nADVERTISEMENT"], ["journalist"]),
    ],
)
def test_a_credit_in_capitals_under_a_caption(lines, roles):
    text = "\n\n".join(
        ["Medal for the crew", "The crew received medals on Friday.", *lines, "It ended at noon.\n"]
    )
    blocks = classify_blocks(text, paragraph_spans(text), kind="news")
    assert [b.role for b in blocks[2 : 2 + len(lines)]] == roles


def test_a_transcript_quoted_in_a_story_is_all_quotation():
    # A story quoting an interview's transcript: no turn is labelled the host's, so
    # every turn is someone else's words, the interviewer's too.
    text = (
        "Lund defends ferry plan on Sunday show\n\n"
        "The minister was pressed on the strike in an interview on Sunday.\n\n"
        "IDA HOLM: Will the ferries run next week?\n\n"
        "LUND: We are doing everything we can to make sure they do.\n\n"
        "HOLM: And if the strike goes on?\n\n"
        "LUND: Then we will talk again, as long as it takes.\n\n"
        "The strike enters its fourth day on Monday."
    )
    roles = [b.role for b in classify_blocks(text, paragraph_spans(text), kind="news")]
    assert roles == ["headline", "journalist", "quote", "quote", "quote", "quote", "journalist"]


def test_labels_that_name_no_speaker_make_no_transcript():
    text = (
        "Ferry strike: the latest\n\n"
        "UPDATE: The unions have called a meeting for Tuesday morning at the quay.\n\n"
        "The ministry has not said whether it will send anyone to the meeting.\n\n"
        "UPDATE: The ministry now says its deputy minister will attend the meeting.\n\n"
        "UPDATE: The meeting has been moved to Wednesday, the unions say."
    )
    roles = [b.role for b in classify_blocks(text, paragraph_spans(text), kind="news")]
    assert "quote" not in roles


_STORY = (
    "By Ida Lund\n\nLAKEPORT (RNA) - The mayor faced angry questions on Monday, and Berg told "
    "reporters he would not resign.\n\nThe council meets again next week to decide on the fees."
)


@pytest.mark.parametrize(
    ("text", "kind", "line", "role"),
    [
        # A story about a press conference is no transcript of one (it has no date).
        (
            f"Mayor Berg's Press Conference on Ferry Fees Ends in Uproar\n\n{_STORY}",
            "news",
            "The council meets again",
            "journalist",
        ),
        # Labels in capitals that no full name introduces are no transcript's speakers.
        (
            "Match report\n\nGOAL: Lakeport 1-0 Varn. A header from the corner.\n\n"
            "GOAL: Lakeport 2-0 Varn. Another header.\n\nYELLOW CARD: Holm is booked.\n\n"
            "GOAL: Lakeport 3-0 Varn. The rout is complete.",
            "news",
            "GOAL: Lakeport 2-0",
            "journalist",
        ),
        # A strike's sides keep channels open too: no readout's closing formula.
        (
            "Strike at the port ends\n\nDock workers and the port company met for six hours on "
            "Tuesday in the harbour office over pay and hours.\n\nThe company offered a rise of "
            "four percent over two years and a shorter night shift.\n\nBoth sides agreed to keep "
            "channels open and to meet again after the weekend.",
            "news",
            "Both sides agreed",
            "journalist",
        ),
        # An FAQ's questions are the government's own words: no transcript's title.
        (
            "Ferry discount: questions and answers\n\nThe ministry has set out how the new "
            "discount works this winter.\n\nQ: Who is eligible for the discount?\n\n"
            "A: Every resident of the islands.",
            "official",
            "Q: Who is eligible",
            "official",
        ),
        # "The statement" in title case is a story's subheading, not a label over a readout.
        (
            "Council row\n\nThe council met on Monday night to discuss the ferry fees.\n\n"
            "The statement\n\nThe council's statement ran to four paragraphs and named no one.",
            "news",
            "The council's statement",
            "journalist",
        ),
        # "One response to “…”" inside the story is no comments' header.
        (
            "Fee row\n\nThe union spoke first at the meeting on Monday night about fees.\n\n"
            "One response to “Operation Tide” has been a boycott of the northern route.\n\n"
            "The company says it will not change course on the fees.",
            "news",
            "The company says",
            "journalist",
        ),
        # A quoted statement closed with its full stop outside the mark ends there.
        (
            "Ferry call\n\nBerg spoke to Varga on Tuesday about the strike at the port.\n\n"
            "Here is the statement from the President's office:\n\n“The President spoke with "
            "the Prime Minister today about the strike. They agreed to meet.”.\n\n"
            "Some on the quay see this as a first step towards ending the strike.",
            "news",
            "Some on the quay",
            "journalist",
        ),
        # "Continue reading" opening a sentence of the story is the story's.
        (
            "Report\n\nThe council met on Monday.\n\nContinue reading the council's report and "
            "you find a warning about the old quay.\n\nThe mayor did not comment.",
            "news",
            "Continue reading the",
            "journalist",
        ),
        # A subheading with a slash is no agency's sign-off; a phone number is no date.
        (
            "Summit\n\nThe leaders met on Monday at the harbour.\n\nEU/Norland Summit\n\n"
            "The talks went on into the night.",
            "news",
            "EU/Norland Summit",
            "journalist",
        ),
        (
            "Ferry fees\n\nThe fees rise next month, the ministry said on Monday in a statement."
            "\n\nPress Office: 04-55-1234",
            "news",
            "Press Office:",
            "journalist",
        ),
    ],
)
def test_a_new_layout_rule_keeps_to_its_layout(text, kind, line, role):
    blocks = classify_blocks(text, paragraph_spans(text), kind=kind)
    (found,) = [b for b in blocks if text[b.start : b.end].startswith(line)]
    assert found.role == role
