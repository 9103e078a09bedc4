"""The event form of the admin: times in the venue's own zone, and the check against a concurrent edit."""

import datetime as dt
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events import history
from events.models import (
    Event,
)

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


class EventAdminForm(forms.ModelForm):
    """Times are entered and shown as local time in the event's own time zone, not in UTC."""

    # The edit number of the event as the officer opened it; saving compares it with the stored one.
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    class Meta:
        model = Event
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial["seen_version"] = self.instance.lock_version
        zone_name = str(self.instance.timezone or "")
        for name in ("start", "end"):
            if name in self.fields:
                self.fields[name].help_text = LOCAL_TIME_HELP
                self.initial[name] = local_wall_clock(getattr(self.instance, name), zone_name)

    def clean(self):
        cleaned = super().clean()
        self._check_not_changed_meanwhile(cleaned.get("seen_version"))
        # The model falls back to the venue's zone; the times typed in are local to that zone too.
        venue = cleaned.get("venue")
        zone = cleaned.get("timezone") or (venue.timezone if venue else None)
        if zone:
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
        return cleaned

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
