import pytest

from events.timezones import canonical_zones, most_used_zones, zone_choices

from .factories import EventFactory

LEGACY = {"Eire", "GB-Eire", "Navajo", "Zulu", "localtime", "US/Eastern", "Etc/GMT+3", "Europe/Kiev", "W-SU"}


def test_canonical_zones_leave_out_legacy_aliases_and_keep_utc_and_every_country_zone():
    zones = set(canonical_zones())

    assert zones & LEGACY == set()
    assert {"UTC", "Europe/Moscow", "Europe/Minsk", "Europe/Kyiv", "Europe/Vatican", "Asia/Kolkata"} <= zones
    assert [name for name in zones if name.startswith("Etc/")] == []


def test_zone_choices_put_the_venue_and_event_zones_then_the_most_used_first_each_once():
    choices = zone_choices(venue_zone="Europe/Minsk", current="Europe/Kiev", most_used=["Europe/Minsk", "Asia/Tokyo"])

    values = [value for _group, options in choices[1:] for value, _label in options]
    assert choices[0] == ("", "The venue's time zone (Europe/Minsk)")
    assert [(str(group), [value for value, _label in options]) for group, options in choices[1:3]] == [
        ("This venue and event", ["Europe/Minsk", "Europe/Kiev"]),
        ("Most used", ["Asia/Tokyo"]),
    ]
    assert len(values) == len(set(values)) == len(canonical_zones()) + 1


@pytest.mark.django_db
def test_most_used_zones_counts_events_by_zone():
    for zone in ["Asia/Tokyo", "Europe/Minsk", "Europe/Minsk"]:
        EventFactory(timezone=zone)

    assert most_used_zones() == ["Europe/Minsk", "Asia/Tokyo"]
