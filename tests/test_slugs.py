"""events/slugs.py: unique slugs, one at a time and in batches."""

import datetime as dt

import pytest

from events import slugs
from events.models import Event, Person, Tag

from .factories import EventFactory, PersonFactory

pytestmark = pytest.mark.django_db


# Slugs -------------------------------------------------------------------------------------------------------------


def test_a_unique_slug_is_numbered_and_fits_the_slug_column():
    base = "a" * 60
    PersonFactory(slug="a" * 45)
    PersonFactory(slug="a" * 40 + "-2")

    assert slugs.unique_slug(Person, base) == "a" * 40 + "-3"
    assert slugs.unique_slug(Person, "lavrov") == "lavrov"


def test_a_unique_slug_leaves_out_the_row_being_saved():
    event = EventFactory(title_en="Forum", start=dt.datetime(2017, 6, 1, 9, tzinfo=dt.UTC))

    assert slugs.unique_slug(Event, "forum-2017", exclude_pk=event.pk) == "forum-2017"
    assert slugs.unique_slug(Event, "forum-2017") == "forum-2017-2"


def test_free_slugs_gives_each_request_its_first_free_choice_and_no_slug_twice():
    Tag.objects.create(name_en="Energy", slug="energy")
    Tag.objects.create(name_en="Energy 3", slug="energy-3")

    given = slugs.free_slugs(Tag, [([], "energy"), (["power"], "energy"), (["energy-2"], "energy"), ([], "trade")])

    assert given == ["energy-4", "power", "energy-2", "trade"]
