"""Migrations: each one can be undone, and the app's history runs backwards to nothing and forwards again."""

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
