"""Migrations: each one can be undone, and the app's history runs backwards to nothing and forwards again."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader


def events_migrations() -> list[tuple[str, str]]:
    """The app's migrations in the order they apply."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return [key for key in loader.graph.forwards_plan(max(loader.graph.leaf_nodes("events"))) if key[0] == "events"]


def migrate(target: tuple[str, str | None]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor


def test_every_operation_of_every_migration_can_be_reversed():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    irreversible = [
        f"{name}: {operation.describe()}"
        for app, name in events_migrations()
        for operation in loader.graph.nodes[(app, name)].operations
        if not operation.reversible
    ]

    assert irreversible == []


@pytest.mark.django_db(transaction=True)
def test_migrations_run_back_one_by_one_keeping_an_event_then_to_nothing_and_forward_again():
    names = [name for _, name in events_migrations()]
    # An event written by the migrations' own models, as the data the steps must carry.
    executor = migrate(("events", names[-1]))
    apps = executor.loader.project_state(("events", names[-1])).apps
    event_type = apps.get_model("events", "EventType").objects.get(slug="visit")
    apps.get_model("events", "Event").objects.create(
        uid="kept@example.org",
        slug="kept",
        title="Kept",
        title_en="Kept",
        event_type=event_type,
        start_date="2017-11-14",
    )

    for previous in reversed([None, *names[:-1]]):
        migrate(("events", previous))
        if previous is not None:
            state = MigrationExecutor(connection).loader.project_state(("events", previous)).apps
            assert list(state.get_model("events", "Event").objects.values_list("uid", flat=True)) == [
                "kept@example.org"
            ]
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    assert [table for table in tables if table.startswith("events_")] == []

    for name in names:
        migrate(("events", name))
    with connection.cursor() as cursor:
        columns = [column.name for column in connection.introspection.get_table_description(cursor, "events_event")]
    assert {"lock_version", "title_en", "title_ru", "sequence"} <= set(columns)
    assert executor.loader.detect_conflicts() == {}


@pytest.mark.django_db(transaction=True)
def test_venues_named_after_their_city_become_the_city_and_join_the_city_venue_there_is():
    executor = migrate(("events", "0014_event_slug_history_and_fixed_slugs"))
    apps = executor.loader.project_state(("events", "0014_event_slug_history_and_fixed_slugs")).apps
    Venue, Event = apps.get_model("events", "Venue"), apps.get_model("events", "Event")
    visit = apps.get_model("events", "EventType").objects.get(slug="visit")
    minsk = Venue.objects.create(city="Minsk", city_en="Minsk", city_ru="Минск", country="BY")
    twin = Venue.objects.create(name="Minsk", name_en="Minsk", name_ru="МИНСК", city_en="Minsk", country="BY")
    kazan = Venue.objects.create(name="Kazan, Russia", name_en="Kazan, Russia", city_en="Kazan", country="RU")
    arena = Venue.objects.create(name="Minsk Arena", name_en="Minsk Arena", city_en="Minsk", country="BY")
    for uid, venue in (("at-twin", twin), ("at-kazan", kazan), ("at-arena", arena)):
        Event.objects.create(uid=uid, slug=uid, title="T", title_en="T", event_type=visit, start_date="2017-11-14",
                             venue=venue)  # fmt: skip

    executor = migrate(("events", "0015_venues_not_named_after_their_city"))
    apps = executor.loader.project_state(("events", "0015_venues_not_named_after_their_city")).apps
    venues = apps.get_model("events", "Venue").objects.order_by("pk").values_list("pk", "name", "name_en", "name_ru")
    events = apps.get_model("events", "Event").objects.order_by("uid").values_list("uid", "venue_id", "sequence")
    rows = (list(venues), list(events))
    migrate(("events", events_migrations()[-1][1]))

    assert rows == (
        [(minsk.pk, "", None, None), (kazan.pk, "", "", None), (arena.pk, "Minsk Arena", "Minsk Arena", None)],
        [("at-arena", arena.pk, 0), ("at-kazan", kazan.pk, 1), ("at-twin", minsk.pk, 1)],
    )


@pytest.mark.django_db(transaction=True)
def test_published_events_keep_the_slugs_they_have_and_drafts_follow_their_titles():
    executor = migrate(("events", "0013_archive_order_index"))
    apps = executor.loader.project_state(("events", "0013_archive_order_index")).apps
    Event = apps.get_model("events", "Event")
    visit = apps.get_model("events", "EventType").objects.get(slug="visit")
    for slug, published in (("published", True), ("draft", False)):
        Event.objects.create(uid=slug, slug=slug, title="T", title_en="T", event_type=visit, start_date="2017-11-14",
                             is_published=published)  # fmt: skip

    executor = migrate(("events", "0014_event_slug_history_and_fixed_slugs"))
    apps = executor.loader.project_state(("events", "0014_event_slug_history_and_fixed_slugs")).apps
    fixed = dict(apps.get_model("events", "Event").objects.values_list("slug", "slug_fixed"))
    migrate(("events", events_migrations()[-1][1]))

    assert fixed == {"published": True, "draft": False}


@pytest.mark.django_db(transaction=True)
def test_timed_events_saved_ending_at_midnight_end_on_the_day_before():
    executor = migrate(("events", "0015_venues_not_named_after_their_city"))
    apps = executor.loader.project_state(("events", "0015_venues_not_named_after_their_city")).apps
    Event = apps.get_model("events", "Event")
    visit = apps.get_model("events", "EventType").objects.get(slug="visit")
    # 22:00 to 00:00 and 22:00 to 00:30 Moscow time, as the old rule saved them: both ending on 15 November.
    for uid, end in (
        ("to-midnight", dt.datetime(2017, 11, 14, 21, tzinfo=dt.UTC)),
        ("past-midnight", dt.datetime(2017, 11, 14, 21, 30, tzinfo=dt.UTC)),
    ):
        Event.objects.create(uid=uid, slug=uid, title="T", title_en="T", event_type=visit, all_day=False,
                             start=dt.datetime(2017, 11, 14, 19, tzinfo=dt.UTC), end=end, timezone="Europe/Moscow",
                             start_date=dt.date(2017, 11, 14), end_date=dt.date(2017, 11, 15))  # fmt: skip

    executor = migrate(("events", "0016_timed_events_ending_at_midnight"))
    apps = executor.loader.project_state(("events", "0016_timed_events_ending_at_midnight")).apps
    last_days = dict(apps.get_model("events", "Event").objects.values_list("uid", "end_date"))
    migrate(("events", events_migrations()[-1][1]))

    assert last_days == {"to-midnight": dt.date(2017, 11, 14), "past-midnight": dt.date(2017, 11, 15)}
