"""Publication dates as written to the ISO 8601 the ``published`` column is read from."""

from __future__ import annotations

import contextlib
import datetime
import email.utils
import re

import pandas as pd

__all__ = ["parse_published"]


_DATE_FIX = (
    "write it as YYYY-MM-DD (or ISO 8601 with a time and zone, an RFC 2822 date such as "
    "'Tue, 13 Apr 2021 18:00:00 GMT', or 'April 13, 2021'), or pass dayfirst= for dd/mm/yyyy"
)
_NUMERIC_DAY_MONTH = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_WRITTEN_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y")
# GDELT's compact stamps: seendate "20210413T180000Z", the GKG's DATE "20210413180000".
_COMPACT_STAMPS = {15: "%Y%m%dT%H%M%S", 16: "%Y%m%dT%H%M%SZ", 14: "%Y%m%d%H%M%S"}


def parse_published(value: str, *, dayfirst: bool | None = None) -> str:
    """A publication date as the ISO 8601 string the ``published`` column is read from.

    Accepted: ISO 8601 dates and timestamps (with or without a zone), RFC 2822/822
    dates (RSS, e-mail), "April 13, 2021", "Apr 13 2021", "13 April 2021", and
    dd/mm/yyyy or mm/dd/yyyy when the order is plain (a part over 12) or given.

    Args:
        value: The date as written.
        dayfirst: How to read ``04/05/2021``: True for 4 May, False for 5 April;
            None refuses such a date as ambiguous.

    Raises:
        ValueError: Not a date, or an ambiguous day and month; the message says which.

    >>> parse_published("Tue, 13 Apr 2021 18:00:00 GMT")
    '2021-04-13T18:00:00+00:00'
    >>> parse_published("13/04/2021"), parse_published("April 13, 2021")
    ('2021-04-13', '2021-04-13')
    """
    text = " ".join(str(value).split())
    numeric = _NUMERIC_DAY_MONTH.match(text)
    if numeric:
        first, second, year = (int(g) for g in numeric.groups())
        if first > 12 or second > 12:
            day, month = (first, second) if first > 12 else (second, first)
        elif first == second:
            day = month = first
        elif dayfirst is None:
            raise ValueError(
                f"published {value!r} could be {first} {_MONTHS[second - 1]} or "
                f"{second} {_MONTHS[first - 1]}"
            )
        else:
            day, month = (first, second) if dayfirst else (second, first)
        return _checked_date(value, year, month, day)
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        try:
            stamp = pd.Timestamp(text)
        except (ValueError, TypeError, OverflowError):
            raise ValueError(f"published {value!r} is not a date") from None
        if stamp is pd.NaT:
            raise ValueError(f"published {value!r} is not a date")
        return text if len(text) == 10 else stamp.isoformat()
    if text[:8].isdigit() and len(text) in _COMPACT_STAMPS:
        with contextlib.suppress(ValueError):
            stamp = datetime.datetime.strptime(text, _COMPACT_STAMPS[len(text)])
            return stamp.isoformat() + "+00:00"
    with contextlib.suppress(TypeError, ValueError, IndexError, OverflowError):
        stamp = email.utils.parsedate_to_datetime(text)
        return stamp.isoformat() if stamp.tzinfo else stamp.isoformat() + "+00:00"
    for pattern in _WRITTEN_DATE_FORMATS:
        with contextlib.suppress(ValueError):
            return datetime.datetime.strptime(text, pattern).date().isoformat()
    raise ValueError(f"published {value!r} is not a date the loader reads")


_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _checked_date(value: str, year: int, month: int, day: int) -> str:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"published {value!r} is not a date (no such day)") from None
