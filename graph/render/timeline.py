"""Article dates as the report's timeline reads them: one calendar day, or none.

Inputs give dates in many shapes ("2018-12-09", "2018-12-09T10:00:00+01:00", "09/12/2018",
"9 décembre 2018"…). The timeline needs a day it can place; a date it cannot read is counted
with the articles that have none ("no date"), never guessed, and the evidence still shows the
date as the input gave it.
"""

from __future__ import annotations

import re
from datetime import date

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
