"""Article dates as the report's timeline reads them: one calendar day, or none.

Inputs give dates in many shapes ("2018-12-09", "2018-12-09T10:00:00+01:00", "09/12/2018",
"9 décembre 2018"…). The timeline needs a day it can place; a date it cannot read is counted
with the articles that have none ("no date"), never guessed, and the evidence still shows the
date as the input gave it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from statistics import quantiles

#: 2018-12-09 (also the start of an ISO 8601 timestamp), or 09/12/2018 and 09.12.2018 (day
#: first, as French and most European outlets write it).
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def day_of(text: str) -> str:
    """The day `text` names, as YYYY-MM-DD, or "" when it names none this can read.

    >>> day_of("2018-12-09T10:00:00+01:00"), day_of("9/12/2018"), day_of("samedi")
    ('2018-12-09', '2018-12-09', '')
    """
    iso = _ISO.search(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        day_first = _DAY_FIRST.search(text)
        if not day_first:
            return ""
        day, month, year = (int(part) for part in day_first.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:  # 2018-13-45: not a day
        return ""


#: Tukey's fences: a day more than this many interquartile ranges before the first quartile of
#: the dated articles, or after the third, lies outside the timeline's main span.
FENCE = 1.5
#: The interquartile range is taken as at least this many days, so a corpus of one week's news
#: keeps its neighbouring days in the main span rather than cutting at the quartiles.
MIN_SPREAD_DAYS = 7


@dataclass(frozen=True)
class MainSpan:
    """The days the timeline draws bar by bar (ISO days, both included); dated articles
    before `first` or after `last` are gathered in an "earlier" or a "later" bar."""

    first: str
    last: str


@dataclass(frozen=True)
class DateAccount:
    """What the articles' dates are, as the corpus summary tells it."""

    dated: int = 0
    #: No date given at all.
    missing: int = 0
    #: A date given that names no day this can read ("samedi", "2018-13-45").
    unreadable: int = 0
    #: A readable day after the report was made: a wrong date, since nothing is published
    #: later than it is read; placed on the timeline as given, in its "later" bar.
    future: int = 0


def main_span(days: Iterable[str], today: date) -> MainSpan | None:
    """The span holding the bulk of `days` (ISO days): within Tukey's fences, never past
    `today`. One article dated years before the rest would otherwise squash every other bar
    into a corner of the timeline. None when no day is given.

    >>> days = ["2014-07-01"] + ["2018-12-01", "2018-12-08", "2018-12-15", "2018-12-22"] * 5
    >>> main_span(days, date(2026, 1, 1))
    MainSpan(first='2018-12-01', last='2018-12-22')
    """
    ordinals = sorted(date.fromisoformat(day).toordinal() for day in days if day)
    if not ordinals:
        return None
    past = [day for day in ordinals if day <= today.toordinal()] or ordinals
    if len(past) < 2:
        return MainSpan(_iso(past[0]), _iso(past[0]))
    low, _, high = quantiles(past, n=4, method="inclusive")
    reach = FENCE * max(high - low, MIN_SPREAD_DAYS)
    inside = [day for day in past if low - reach <= day <= high + reach]
    return MainSpan(_iso(inside[0]), _iso(inside[-1]))


def account_dates(given: Iterable[str], today: date) -> DateAccount:
    """How many articles have a day, none, one that cannot be read, or one in the future.

    >>> account_dates(["2018-12-09", "", "samedi", "2091-01-01"], date(2026, 1, 1))
    DateAccount(dated=2, missing=1, unreadable=1, future=1)
    """
    dated = missing = unreadable = future = 0
    for text in given:
        day = day_of(text)
        if day:
            dated += 1
            future += date.fromisoformat(day) > today
        elif text.strip():
            unreadable += 1
        else:
            missing += 1
    return DateAccount(dated, missing, unreadable, future)


def date_note(text: str, today: date) -> str:
    """What is wrong with an article's date, in a word the page shows beside it ("" if nothing).

    >>> date_note("samedi", date(2026, 1, 1)), date_note("2091-01-01", date(2026, 1, 1))
    ('unreadable', 'future')
    """
    day = day_of(text)
    if not day:
        return "unreadable" if text.strip() else ""
    return "future" if date.fromisoformat(day) > today else ""


def _iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()
