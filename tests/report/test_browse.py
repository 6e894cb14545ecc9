import json
import re

import pandas as pd

from analysis.report import network_resources, tables_page
from analysis.views import readable_dates


def _data(page, n):
    """The rows itables embeds for table ``n`` of the page."""
    script = page.split(f'id="table-{n}"', 1)[1]
    found = re.search(r'"data_json": "(.*?)",\n', script, re.S)
    return json.loads(json.loads(f'"{found.group(1)}"'))


def test_every_row_of_every_table_is_on_the_page_offline():
    tables = {
        "sentences": pd.DataFrame(
            {"sent_no": range(40), "text": [f"Sentence {k}." for k in range(40)]}
        ),
        "skipped": pd.DataFrame(columns=["path", "place", "reason"]),
    }
    page = tables_page(tables, {"sentences": "sentence"}, {"sentences": "tables/sentences.csv"})
    assert network_resources(page) == []  # DataTables is inlined: the page opens from a file
    assert [row[0] for row in _data(page, 0)] == list(range(40))  # all rows, not the first 10
    assert 'href="tables/sentences.csv"' in page
    assert "40 rows" in page and "0 rows" in page
    assert '<section id="skipped">' in page


def test_a_long_table_shows_its_first_rows_and_says_so_and_long_texts_are_cut():
    tables = {"articles": pd.DataFrame({"article_id": ["a", "b", "c"], "text": ["x" * 500] * 3})}
    page = tables_page(tables, {"articles": "document"}, max_rows=2, max_chars=100)
    rows = _data(page, 0)
    assert [row[0] for row in rows] == ["a", "b"]
    assert rows[0][1] == "x" * 100 + "…"
    assert "3 rows; the first 2 are shown here, the CSV holds all" in page
    assert "texts longer than 100 characters are cut" in page


def test_dates_read_as_dates_and_times_keep_their_minute():
    frame = pd.DataFrame(
        {
            "day": pd.to_datetime(["2021-04-13", None], utc=True),
            "stamp": pd.to_datetime(["2021-04-13T18:05:00Z", "2021-04-14T00:00:00Z"], utc=True),
            "n": [1, 2],
        }
    )
    shown = readable_dates(frame)
    assert shown["day"].tolist() == ["2021-04-13", ""]
    assert shown["stamp"].tolist() == ["2021-04-13 18:05 UTC", "2021-04-14 00:00 UTC"]
    assert shown["n"].tolist() == [1, 2]
    assert frame["day"].dtype != object  # the input is left as it was


def test_a_column_of_long_ids_stays_on_one_line():
    ids = [f"harbour-gazette_2016-07-{k:02d}_the-pilots-strike-ends_d47{k}" for k in range(3)]
    tables = {
        "articles": pd.DataFrame(
            {"article_id": ids, "kind": ["news"] * 3, "title": ["The pilots' strike ends"] * 3}
        )
    }
    page = tables_page(tables, {"articles": "document"})
    # The ids' column (0) stays on one line; the titles (words) wrap, in a column
    # of a width of their own; "news" is neither.
    assert (
        '"columnDefs": [{"className": "one-token", "targets": [0]}, '
        '{"className": "mid-text", "targets": [2]}]'
    ) in page
    assert "td.one-token" in page and "nowrap" in page
