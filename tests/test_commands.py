import datetime as dt
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Count

from events.models import Event, EventType, Participation, Venue

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_generate_demo_events_adds_exactly_count_published_events():
    output = run("generate_demo_events", "--count", "500", "--batch-size", "128")

    assert output == "Added 500 events.\n"
    assert Event.objects.public().count() == 500


def test_generate_demo_events_covers_every_type_status_precision_and_several_zones():
    run("generate_demo_events", "--count", "1500")

    events = Event.objects.all()
    assert set(events.values_list("event_type__slug", flat=True)) == set(
        EventType.objects.values_list("slug", flat=True)
    )
    assert set(events.values_list("status", flat=True)) == set(Event.Status.values)
    assert set(events.values_list("date_precision", flat=True)) == set(Event.Precision.values)
    timed_zones = {str(zone) for zone in events.filter(all_day=False).values_list("timezone", flat=True)}
    assert {"Europe/Moscow", "Asia/Vladivostok", "America/New_York"} <= timed_zones
    today = dt.date.today()  # noqa: DTZ011 - the generator spreads events around the local today
    assert events.filter(start_date__lt=today).exists()
    assert events.filter(start_date__gt=today).exists()
    assert Participation.objects.exists()
    assert events.annotate(tag_count=Count("tags")).filter(tag_count__gt=0).exists()
    assert not events.filter(title_ru="").exists()


def test_generated_events_pass_model_validation():
    run("generate_demo_events", "--count", "300")

    for event in Event.objects.all():
        event.full_clean()


def test_generated_timed_events_store_utc_of_local_office_hours():
    run("generate_demo_events", "--count", "300")

    for event in Event.objects.filter(all_day=False):
        local = event.start.astimezone(event.timezone)
        assert 8 <= local.hour <= 17
        assert event.start_date == local.date()


def test_generate_demo_events_is_repeatable_with_a_seed():
    run("generate_demo_events", "--count", "50", "--seed", "7")
    first = list(Event.objects.order_by("uid").values_list("uid", "title_en", "start_date"))
    Event.objects.all().delete()

    run("generate_demo_events", "--count", "50", "--seed", "7")

    assert list(Event.objects.order_by("uid").values_list("uid", "title_en", "start_date")) == first


def test_generate_demo_events_reuses_a_city_venue_without_a_time_zone_with_the_citys_zone():
    minsk = Venue.objects.create(city_en="Minsk", country="BY")  # as the API may make it: no zone, no Russian name

    run("generate_demo_events", "--count", "300")

    events = Event.objects.filter(venue=minsk)
    timed_zones = {str(zone) for zone in events.filter(all_day=False).values_list("timezone", flat=True)}
    minsk.refresh_from_db()
    assert timed_zones == {"Europe/Minsk"}
    assert {title.split(" (")[-1] for title in events.values_list("title_ru", flat=True)} == {"Минск)"}
    assert (minsk.timezone, minsk.city_ru) == (None, None)
    assert list(Venue.objects.filter(city_en="Minsk")) == [minsk]


def test_generate_demo_events_rejects_negative_count():
    with pytest.raises(CommandError, match=r"^--count must be zero or more\.$"):
        run("generate_demo_events", "--count", "-1")


def test_setup_demo_loads_seed_and_creates_admin_with_random_password_once():
    first = run("setup_demo")
    second = run("setup_demo")

    password = re.search(r"with the password (\S+)", first).group(1)
    admin = get_user_model().objects.get()
    assert "Loaded the seed: 15 events." in first
    assert (admin.username, admin.is_superuser, admin.check_password(password)) == ("admin", True, True)
    assert len(password) >= 20
    assert second == (
        "The calendar has events already; the seed is not loaded again.\n"
        "An admin account exists already; its password is unchanged.\n"
    )
    assert Event.objects.count() == 15


def test_setup_demo_passwords_differ_between_installations():
    first = re.search(r"with the password (\S+)", run("setup_demo")).group(1)
    get_user_model().objects.all().delete()

    second = re.search(r"with the password (\S+)", run("setup_demo")).group(1)

    assert first != second


def test_setup_demo_keeps_existing_events():
    run("generate_demo_events", "--count", "3")

    run("setup_demo")

    assert Event.objects.count() == 3
