"""Write an event's dates the way people write them, in the active language.

"14–15 November 2017", "30 June – 2 July 2017", "June 2015", "2016",
"14 November 2017, 10:00–12:00 Moscow time (07:00–09:00 UTC)"; in Russian "14–15 ноября 2017 г.",
"июнь 2015 г.", "2016 г.".
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import dateformat
from django.utils.translation import get_language
from django.utils.translation import gettext as _

DASH = "\u2013"  # en dash, as typographers write ranges


def local_days(start: dt.datetime, end: dt.datetime | None, zone: ZoneInfo) -> tuple[dt.date, dt.date]:
    """The first and the last local day of a timed event in its zone. An end at exactly 00:00 is the end of the day
    before, not a day of the event ("22:00–24:00" is one evening; Google's holidays, 00:00 to 00:00, one day each):
    everything that places events on days (listings, the month grid, counts, feeds' windows) reads these."""
    first = start.astimezone(zone)
    last = (end or start).astimezone(zone)
    if end is not None and end > start and last.time() == dt.time(0):
        last -= dt.timedelta(days=1)
    return first.date(), max(first.date(), last.date())


def _is_russian() -> bool:
    return (get_language() or "en").startswith("ru")


def _day_month(day: dt.date) -> str:
    # "E" is the month name as it follows a day number: genitive in Russian.
    return dateformat.format(day, "j E")


def _year(day: dt.date) -> str:
    return f"{day.year} г." if _is_russian() else str(day.year)


def format_day(day: dt.date) -> str:
    return f"{_day_month(day)} {_year(day)}"


def format_day_range(first: dt.date, last: dt.date) -> str:
    if first == last:
        return format_day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{DASH}{_day_month(last)} {_year(last)}"
    if first.year == last.year:
        return f"{_day_month(first)} {DASH} {_day_month(last)} {_year(last)}"
    return f"{format_day(first)} {DASH} {format_day(last)}"


def format_month(day: dt.date) -> str:
    name = dateformat.format(day, "F")
    return f"{name.lower()} {_year(day)}" if _is_russian() else f"{name} {day.year}"


def format_month_range(first: dt.date, last: dt.date) -> str:
    if (first.year, first.month) == (last.year, last.month):
        return format_month(first)
    return f"{format_month(first)} {DASH} {format_month(last)}"


def format_year_range(first: dt.date, last: dt.date) -> str:
    if first.year == last.year:
        return _year(first)
    return f"{first.year}{DASH}{_year(last)}"


# Russian names of the zones a ministry's events most often use, as Russian writes them.
RUSSIAN_ZONE_TIMES = {
    "Europe/Moscow": "по московскому времени",
    "Europe/Minsk": "по минскому времени",
    "Europe/Kaliningrad": "по калининградскому времени",
    "Asia/Yekaterinburg": "по екатеринбургскому времени",
    "Asia/Vladivostok": "по владивостокскому времени",
}


def zone_time_label(zone: ZoneInfo) -> str:
    """Name a zone's local time: "Moscow time", "по московскому времени"."""
    city = zone.key.split("/")[-1].replace("_", " ")
    if _is_russian():
        return RUSSIAN_ZONE_TIMES.get(zone.key, f"по местному времени ({zone.key})")
    return f"{city} time"


def format_timed(start: dt.datetime, end: dt.datetime | None, zone: ZoneInfo) -> str:
    """Write local times in the event's zone, then the same times in UTC.

    "14 November 2017, 10:00–12:00 Moscow time (07:00–09:00 UTC)".
    """
    local_start = start.astimezone(zone)
    local_end = end.astimezone(zone) if end else None
    utc_start, utc_end = start.astimezone(dt.UTC), end.astimezone(dt.UTC) if end else None
    label = zone_time_label(zone)
    if local_end is None:
        return f"{format_day(local_start.date())}, {local_start:%H:%M} {label} ({utc_start:%H:%M} UTC)"
    if end > start and local_end.time() == dt.time(0) and local_days(start, end, zone)[1] == local_start.date():
        # Until midnight: the end of the same day, as "24:00" says (ISO 8601), not the first minute of the next.
        utc = (
            f"{utc_start:%H:%M}{DASH}{utc_end:%H:%M}"
            if end - start < dt.timedelta(days=1)
            else f"{utc_start:%Y-%m-%d %H:%M} {DASH} {utc_end:%Y-%m-%d %H:%M}"
        )
        return f"{format_day(local_start.date())}, {local_start:%H:%M}{DASH}24:00 {label} ({utc} UTC)"
    if local_end.date() == local_start.date():
        return (
            f"{format_day(local_start.date())}, {local_start:%H:%M}{DASH}{local_end:%H:%M} {label} "
            f"({utc_start:%H:%M}{DASH}{utc_end:%H:%M} UTC)"
        )
    return (
        f"{format_day(local_start.date())}, {local_start:%H:%M} {DASH} {format_day(local_end.date())}, "
        f"{local_end:%H:%M} {label} ({utc_start:%Y-%m-%d %H:%M} {DASH} {utc_end:%Y-%m-%d %H:%M} UTC)"
    )


def format_event_dates(event) -> str:
    """Write the event's dates at the precision they are known, never more."""
    precision = event.date_precision
    if precision == "none" or event.start_date is None:
        return _("Dates to be announced")
    if not event.all_day and event.start is not None and event.timezone:
        return format_timed(event.start, event.end, ZoneInfo(str(event.timezone)))
    last = event.end_date or event.start_date
    if precision == "year":
        return format_year_range(event.start_date, last)
    if precision == "month":
        return format_month_range(event.start_date, last)
    return format_day_range(event.start_date, last)
