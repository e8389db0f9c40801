"""Article dates as the timeline reads them: the day, the span most articles fall in, and what
is wrong with a date."""

from __future__ import annotations

from datetime import date

from graph.render.timeline import DateAccount, MainSpan, account_dates, date_note, day_of, main_span

TODAY = date(2026, 12, 3)
#: The bulk of a corpus: a week of December 2018, several articles a day.
WEEK = [f"2018-12-{day:02d}" for day in range(3, 10) for _ in range(3)]


def test_a_day_is_read_from_iso_dates_timestamps_and_day_first_dates() -> None:
    assert day_of("2018-12-09T10:00:00+01:00") == "2018-12-09"
    assert day_of("09.12.2018") == "2018-12-09"
    assert day_of("samedi") == day_of("2018-13-45") == ""


def test_an_article_dated_years_before_the_rest_is_left_out_of_the_main_span() -> None:
    assert main_span(["2014-07-01", *WEEK], TODAY) == MainSpan("2018-12-03", "2018-12-09")


def test_a_few_days_either_side_of_a_tight_week_stay_in_the_main_span() -> None:
    assert main_span([*WEEK, "2018-11-28", "2018-12-14"], TODAY) == MainSpan(
        "2018-11-28", "2018-12-14"
    )


def test_dates_spread_evenly_over_two_years_are_all_in_the_main_span() -> None:
    months = [f"{year}-{month:02d}-15" for year in (2017, 2018) for month in range(1, 13)]
    assert main_span(months, TODAY) == MainSpan("2017-01-15", "2018-12-15")


def test_a_date_in_the_future_is_never_in_the_main_span() -> None:
    assert main_span([*WEEK, "2091-01-01"], TODAY) == MainSpan("2018-12-03", "2018-12-09")
    assert main_span(["2091-01-01"], TODAY) == MainSpan("2091-01-01", "2091-01-01")


def test_no_day_no_main_span() -> None:
    assert main_span(["", ""], TODAY) is None


def test_the_account_tells_missing_unreadable_and_future_dates_apart() -> None:
    given = ["2018-12-09", "", "  ", "samedi", "2091-01-01T08:00:00Z"]
    assert account_dates(given, TODAY) == DateAccount(dated=2, missing=2, unreadable=1, future=1)
    assert [date_note(text, TODAY) for text in given] == ["", "", "", "unreadable", "future"]
