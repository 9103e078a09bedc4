"""The event form of the admin: what, when (one choice of kind, with only its fields), where, status and publication.

Times are read and shown in the event's own zone; a save over a newer one is refused (the edit number it opened).
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from events import history
from events.dates import format_day, zone_time_label
from events.models import Event
from events.timezones import most_used_zones, office_zone, zone_choices

LOCAL_TIME_HELP = _("Local time at the venue, in the event's time zone.")


def local_wall_clock(value: dt.datetime | None, zone_name: str) -> dt.datetime | None:
    """Turn a stored instant into the naive wall-clock time an officer at the venue reads."""
    if value is None or not zone_name:
        return value
    return value.astimezone(ZoneInfo(zone_name)).replace(tzinfo=None)


def instant_from_wall_clock(value: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """Read a wall-clock time as local time in zone; refuse times the clocks skip or show twice.

    Raises OverflowError for times at the very ends of the calendar.
    """
    naive = value.replace(tzinfo=None)
    params = {"time": naive.strftime("%Y-%m-%d %H:%M"), "zone": zone.key}
    first, second = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    round_trip = first.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None)
    ambiguous = first.utcoffset() != second.utcoffset()
    if round_trip != naive:
        raise ValidationError(_("%(time)s does not exist in %(zone)s: the clocks skip it."), params=params)
    if ambiguous:
        raise ValidationError(
            _("%(time)s happens twice in %(zone)s, when the clocks go back: choose a time outside that hour."),
            params=params,
        )
    return first


# The kinds of date an officer chooses from, and the fields each one uses; the others are ignored when saving.
WHEN_CHOICES = [
    ("all_day", _("All day: one or more whole days")),
    ("timed", _("At a time, in a time zone")),
    ("month", _("Month only: the days are not announced")),
    ("year", _("Year only")),
    ("none", _("Not yet known")),
]
WHEN_FIELDS = {
    "all_day": ("start_date", "end_date"),
    "timed": ("start", "end", "timezone"),
    "month": ("start_date", "end_date"),
    "year": ("start_date", "end_date"),
    "none": (),
}
DATE_FIELDS = ("start_date", "end_date", "start", "end", "timezone")
# The model's fields the choice stands for: their messages are shown on it.
WHEN_MODEL_FIELDS = ("date_precision", "all_day")
MISSING_DAY = {
    "all_day": _("Give the first day (and the last, if the event lasts more than a day), or choose another kind."),
    "month": _("Give a day of the month (any day: only the month is kept), or choose another kind."),
    "year": _("Give a day of the year (any day: only the year is kept), or choose another kind."),
}


def when_of(event: Event) -> str:
    """The kind of date an event has, as the form's choice names it."""
    if event.date_precision != Event.Precision.DAY:
        return event.date_precision
    return "all_day" if event.all_day else "timed"


def name_split_inputs(form: forms.BaseForm) -> None:
    """Give the date and the time input of each date-time field a name of its own (name_split_field)."""
    for field in form.fields.values():
        name_split_field(field)


def name_split_field(field: forms.Field | None) -> forms.Field | None:
    """Give the date and the time input of a date-time field a name of its own ("Starts at: date"): their one label
    names only the first, and screen readers would announce the second without one."""
    for widget, part in zip(
        getattr(getattr(field, "widget", None), "widgets", ()), (_("date"), _("time")), strict=False
    ):
        widget.attrs["aria-label"] = f"{field.label}: {part}"
    return field


class LabelledInlineFormSet(forms.BaseInlineFormSet):
    """An inline's rows, each input named for screen readers: a tabular inline labels its columns, not its inputs."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for field in form.fields.values():
            # A select with its "add" and "change" links: the select itself.
            widget = getattr(field.widget, "widget", field.widget)
            if not widget.is_hidden:
                widget.attrs.setdefault("aria-label", str(field.label))
        name_split_inputs(form)


def cancel_consequence() -> str:
    """What subscribers see of a cancelled event (EVENTS_FEED_CANCELLED_DAYS)."""
    days = settings.EVENTS_FEED_CANCELLED_DAYS
    return ngettext(
        "Subscribers' calendars will show the event as cancelled; it stays in feeds for %(days)d day.",
        "Subscribers' calendars will show the event as cancelled; it stays in feeds for %(days)d days.",
        days,
    ) % {"days": days}


def status_help() -> str:
    """What subscribers see of each status: the status field's help (the cancel action's page says the same)."""
    return " ".join(
        [
            gettext("Cancelled:"),
            cancel_consequence(),
            gettext("Postponed: shown as tentative, with “Postponed:” before the title."),
            gettext("The list's action “Cancel the selected events” does the same as choosing “cancelled” here."),
        ]
    )


def _moment(instant: dt.datetime, zone: ZoneInfo) -> dict:
    local = instant.astimezone(zone)
    return {"time": f"{local:%H:%M}", "zone": zone_time_label(zone), "date": format_day(local.date())}


def public_since(event: Event) -> dt.datetime | None:
    """When the event last became published, from its change history (None when the history does not say)."""
    versions = Event.history.filter(id=event.pk).order_by("-history_date").values_list("is_published", "history_date")
    since = None
    for is_published, saved_at in versions[:500]:
        if not is_published:
            break
        since = saved_at
    return since


def publication_sentence(event: Event, now: dt.datetime) -> str:
    """Say in plain words what the public sees of the event as saved: a draft, public since when, or when it will
    appear; times in the press office's zone, in which the embargo is typed (office_zone)."""
    if event.pk is None or not event.stored("is_published"):
        return gettext("Draft: not public.")
    zone = office_zone()
    publish_at = event.stored("publish_at")
    if publish_at is not None and publish_at > now:
        return gettext("Will appear on the public pages and in feeds at %(time)s %(zone)s on %(date)s.") % _moment(
            publish_at, zone
        )
    since = max(filter(None, [publish_at, public_since(event)]), default=None)
    if since is None:
        return gettext("Public: on the public pages and in feeds.")
    return gettext("Public since %(time)s %(zone)s on %(date)s.") % _moment(since, zone)


class EventAdminForm(forms.ModelForm):
    """The event form: times are entered and shown as local time in the event's own time zone, not in UTC; the
    choice "when" says which date fields apply, and the others are ignored."""

    # The edit number of the event as the officer opened it; saving compares it with the stored one.
    seen_version = forms.IntegerField(
        label=_("Edit number as opened"), widget=forms.HiddenInput, required=False, min_value=0
    )
    when = forms.ChoiceField(
        label=_("When"),
        choices=WHEN_CHOICES,
        widget=forms.RadioSelect(attrs={"class": "event-when"}),
        error_messages={"required": _("Choose when the event takes place, even if not yet known.")},
    )

    class Meta:
        model = Event
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown
        # Titles and summaries wrap: long diplomatic titles are read whole, in both languages side by side.
        widgets = {
            **{f"title_{code}": forms.Textarea(attrs={"rows": 2, "class": "event-title"}) for code in ("en", "ru")},
            **{f"summary_{code}": forms.Textarea(attrs={"rows": 3, "class": "event-summary"}) for code in ("en", "ru")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        if event.pk is not None:
            self.initial["seen_version"] = event.lock_version
        self.initial.setdefault("when", when_of(event))
        zone_name = str(event.timezone or "")
        for name in ("start", "end"):
            if name in self.fields:
                self.fields[name].help_text = LOCAL_TIME_HELP
                self.initial[name] = local_wall_clock(getattr(event, name), zone_name)
        venue = event.venue if event.venue_id else None
        venue_zone = str(venue.timezone or "") if venue else ""
        if "timezone" in self.fields:
            self.fields["timezone"] = forms.TypedChoiceField(
                label=self.fields["timezone"].label,
                required=False,
                choices=zone_choices(venue_zone=venue_zone, current=zone_name, most_used=most_used_zones()),
                coerce=ZoneInfo,
                empty_value=None,
                help_text=_("Left empty, a timed event takes its venue's time zone."),
            )
        if "venue" in self.fields and venue_zone:
            self.fields["venue"].help_text = _("Time zone of this venue: %(zone)s.") % {"zone": venue_zone}
        if "status" in self.fields:
            self.fields["status"].help_text = status_help()
        if "publish_at" in self.fields:
            self.initial["publish_at"] = local_wall_clock(event.publish_at, office_zone().key)
            self.fields["publish_at"].help_text = _(
                "In the press office's time (%(zone)s). A published event stays hidden from the public until then."
            ) % {"zone": zone_time_label(office_zone())}
        name_split_inputs(self)
        for name, help_text in (
            (
                "start_date",
                _("All day: the first day. Month or year only: any day of it; only the month or year is kept."),
            ),
            ("end_date", _("Empty for one day (or one month, one year).")),
        ):
            if name in self.fields:
                self.fields[name].help_text = help_text

    def clean(self):
        cleaned = super().clean()
        self._check_not_changed_meanwhile(cleaned.get("seen_version"))
        kind = cleaned.get("when")
        if not kind:
            return cleaned
        self._ignore_other_date_fields(kind, cleaned)
        precision = kind if kind in ("month", "year", "none") else Event.Precision.DAY
        self.instance.date_precision, self.instance.all_day = precision, kind != "timed"
        if (
            kind in ("all_day", "month", "year")
            and cleaned.get("start_date") is None
            and "start_date" not in self.errors
        ):
            self.add_error("start_date", MISSING_DAY[kind])
        first = cleaned.get("start_date")
        if first and kind == "month":
            cleaned["start_date"] = first.replace(day=1)
        if first and kind == "year":
            cleaned["start_date"] = first.replace(month=1, day=1)
        if kind == "timed":
            self._clean_times(cleaned)
        self._clean_embargo(cleaned)
        return cleaned

    def _clean_embargo(self, cleaned: dict) -> None:
        """Read the embargo as typed: the press office's wall-clock time (office_zone), not UTC."""
        if not cleaned.get("publish_at"):
            return
        wall_clock = timezone.make_naive(cleaned["publish_at"], dt.UTC)
        try:
            cleaned["publish_at"] = instant_from_wall_clock(wall_clock, office_zone())
        except OverflowError:
            pass  # beyond the years time zones can handle; the model names the allowed years
        except ValidationError as error:
            self.add_error("publish_at", error)

    def _ignore_other_date_fields(self, kind: str, cleaned: dict) -> None:
        """Drop what was typed, and any error, in the date fields the chosen kind does not use (all are sent
        without JavaScript, which hides them): the times of an all-day event are cleared, its zone left as it was."""
        for name in DATE_FIELDS:
            if name in WHEN_FIELDS[kind] or name not in self.fields:
                continue
            self.errors.pop(name, None)
            cleaned[name] = self.instance.timezone if name == "timezone" else None

    def _clean_times(self, cleaned: dict) -> None:
        """Check a timed event's start and zone, and read its times as local time in that zone."""
        venue = cleaned.get("venue")
        # The model falls back to the venue's zone; the times typed in are local to that zone too.
        zone = cleaned.get("timezone") or (venue.timezone if venue else None)
        if cleaned.get("start") is None and "start" not in self.errors:
            self.add_error("start", _("Give the start time (the date and the local time), or choose another kind."))
        if not zone and "timezone" not in self.errors:
            self.add_error("timezone", _("Choose the time zone, or a venue that has one."))
        if not zone:
            return
        for name in ("start", "end"):
            if cleaned.get(name):
                try:
                    # The widget read the input as UTC (the site's zone); keep its wall clock.
                    wall_clock = timezone.make_naive(cleaned[name], dt.UTC)
                    cleaned[name] = instant_from_wall_clock(wall_clock, ZoneInfo(str(zone)))
                except OverflowError:
                    # Beyond the years time zones can handle; the model names the allowed years.
                    pass
                except ValidationError as error:
                    value = cleaned[name]
                    self.add_error(name, error)
                    # Keep the value, so the model does not also report a missing time.
                    cleaned[name] = value
                else:
                    setattr(self.instance, name, cleaned[name])

    def _update_errors(self, errors):
        """Show the model's messages on the form: on the "when" choice for the fields it stands for, and none on a
        field that already has the form's own, more precise, message."""
        if hasattr(errors, "error_dict"):
            kept = {}
            for name, messages in errors.error_dict.items():
                target = "when" if name in WHEN_MODEL_FIELDS else name
                # Without the choice, the model checked dates of a kind the officer did not choose.
                unchosen = "when" in self.errors and target in (*DATE_FIELDS, "when")
                if not unchosen and (target == NON_FIELD_ERRORS or target not in self.errors):
                    kept.setdefault(target, []).extend(messages)
            errors = ValidationError(kept)
        super()._update_errors(errors)

    def _check_not_changed_meanwhile(self, seen: int | None) -> None:
        """Refuse the save if someone saved the event since this officer opened it, saying what they changed."""
        if self.instance.pk is None or self.instance._state.adding:
            return
        stored = Event.objects.filter(pk=self.instance.pk)
        if connection.in_atomic_block:
            # The row stays locked until this save commits, so a second save waits and then sees the change.
            stored = stored.select_for_update()
        current = stored.values_list("lock_version", flat=True).first()
        if seen is None:
            # A form without the number (an old page): compare with the event as it is now.
            seen = current
        if current != seen:
            self.add_error(None, ValidationError(history.conflict_messages(self.instance.pk, seen)))
            # Saving again is a deliberate choice of this officer's version over the one shown.
            self.data = self.data.copy()
            self.data[self.add_prefix("seen_version")] = current
        self.instance.seen_version = seen
