"""A visit once with its parts under it, a part alone naming its visit, and events whose dates are to be announced,
on the listing, the archive, the month grid and in search results (events/listing.py)."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from events.listing import heads, nest, part_counts
from events.models import Event
from events.views import UNDATED_LIST

from .factories import AllDayEventFactory, EventTypeFactory, VenueFactory

pytestmark = pytest.mark.django_db

ENTRY = re.compile(r'<h3 class="event-title"><a href="/events/([^/"]+)/">')
PART = re.compile(r'<a class="part-title" href="/events/([^/"]+)/">')


def soon(days: int) -> dt.date:
    return timezone.now().date() + dt.timedelta(days=days)


def visit_with_parts(first: int = 3, **kwargs) -> tuple[Event, Event, Event]:
    """A coming two-day visit with a signing on its second day and an exhibition on both days."""
    visit = AllDayEventFactory(
        slug="visit", title_en="Visit", event_type=EventTypeFactory(slug="visit"), start_date=soon(first),
        end_date=soon(first + 1), **kwargs,
    )  # fmt: skip
    signing = AllDayEventFactory(
        slug="signing", title_en="Signing", parent=visit, event_type=EventTypeFactory(slug="signing"),
        start_date=soon(first + 1), end_date=soon(first + 1), venue=visit.venue, **kwargs,
    )  # fmt: skip
    exhibition = AllDayEventFactory(
        slug="exhibition", title_en="Exhibition", parent=visit, event_type=EventTypeFactory(slug="exhibition"),
        start_date=soon(first), end_date=soon(first + 1), venue=visit.venue, **kwargs,
    )  # fmt: skip
    return visit, signing, exhibition


def undated(slug: str, **kwargs) -> Event:
    return AllDayEventFactory(
        slug=slug, title_en=slug.replace("-", " ").capitalize(), date_precision=Event.Precision.NONE,
        start_date=None, end_date=None, **kwargs,
    )  # fmt: skip


def entries(content: str) -> list[str]:
    return ENTRY.findall(content)


# The selection's entries and nested parts


def test_heads_leave_out_the_parts_whose_visit_the_selection_holds():
    visit, _signing, _exhibition = visit_with_parts()

    assert set(heads(Event.objects.all()).values_list("slug", flat=True)) == {"visit"}
    assert set(heads(Event.objects.exclude(pk=visit.pk)).values_list("slug", flat=True)) == {"signing", "exhibition"}


def test_nest_gives_each_visit_its_parts_in_order_of_time_in_one_query(django_assert_num_queries):
    visit, _signing, _exhibition = visit_with_parts()
    selection = Event.objects.all()

    with django_assert_num_queries(1):
        listed = nest([visit], selection)

    assert [part.slug for part in listed[0].listed_parts] == ["exhibition", "signing"]
    assert listed[0].named_parent is None


def test_a_part_listed_alone_names_its_visit_only_when_the_visit_is_public():
    visit, signing, _exhibition = visit_with_parts()
    alone = Event.objects.select_related("parent").get(pk=signing.pk)
    assert nest([alone], Event.objects.filter(pk=signing.pk))[0].named_parent == visit

    Event.objects.filter(pk=visit.pk).update(is_published=False)
    alone = Event.objects.select_related("parent").get(pk=signing.pk)
    assert nest([alone], Event.objects.filter(pk=signing.pk))[0].named_parent is None


def test_part_counts_count_the_parts_in_the_selection_only():
    visit, signing, _exhibition = visit_with_parts()

    assert part_counts(Event.objects.all(), [visit.pk]) == {visit.pk: 2}
    assert part_counts(Event.objects.exclude(pk=signing.pk), [visit.pk]) == {visit.pk: 1}
    assert part_counts(Event.objects.all(), []) == {}


# The pages


def test_listing_shows_a_visit_once_with_its_parts_under_it(client):
    visit_with_parts()

    content = client.get("/events/").content.decode()

    assert entries(content) == ["visit"]
    assert PART.findall(content) == ["exhibition", "signing"]
    assert "<summary>+2 parts</summary>" in content


def test_a_filter_that_finds_only_a_part_lists_it_naming_its_visit(client):
    visit_with_parts()

    content = client.get("/events/?type=signing").content.decode()

    assert entries(content) == ["signing"]
    assert '<p class="part-of">Part of: <a href="/events/visit/">Visit</a></p>' in content
    assert PART.findall(content) == []


def test_a_part_of_a_draft_visit_is_listed_without_naming_it(client):
    visit_with_parts()
    Event.objects.filter(slug="visit").update(is_published=False)

    content = client.get("/events/").content.decode()

    assert entries(content) == ["exhibition", "signing"]
    assert "Part of" not in content
    assert "/events/visit/" not in content


def test_a_draft_part_is_not_nested_under_its_public_visit(client):
    visit_with_parts()
    Event.objects.filter(slug="signing").update(is_published=False)

    content = client.get("/events/").content.decode()

    assert (entries(content), PART.findall(content)) == (["visit"], ["exhibition"])
    assert "<summary>+1 part</summary>" in content


def test_search_finds_a_visit_and_its_parts_and_lists_the_visit_once(client):
    visit_with_parts()

    content = client.get("/events/?q=i").content.decode()  # "visit", "signing", "exhibition"

    assert (entries(content), PART.findall(content)) == (["visit"], ["exhibition", "signing"])


def test_archive_nests_the_parts_of_a_past_visit(client):
    visit_with_parts(first=-10)

    content = client.get("/events/past/").content.decode()

    assert (entries(content), PART.findall(content)) == (["visit"], ["exhibition", "signing"])


def test_month_grid_shows_a_visit_once_saying_how_many_parts_it_has(client):
    visit, _signing, _exhibition = visit_with_parts()
    month = visit.start_date

    response = client.get(f"/events/{month:%Y/%m}/")

    segments = [
        (cell.event.slug, cell.parts)
        for week in response.context["weeks"]
        for lane in week.lanes
        for cell in lane
        if cell not in (None, "spanned")
    ]
    assert {slug for slug, _parts in segments} == {"visit"}
    assert {parts for _slug, parts in segments} == {2}
    assert [event.slug for event in response.context["grid_events"]] == ["visit"]


def test_events_without_dates_have_their_own_section_on_the_listing_newest_first(client):
    upcoming = AllDayEventFactory(slug="dated", start_date=soon(2), end_date=soon(2))
    undated("older-festival", created_at=timezone.now() - dt.timedelta(days=3))
    undated("newer-festival")

    response = client.get("/events/")

    content = response.content.decode()
    assert [event.slug for event in response.context["events"]] == [upcoming.slug]
    assert [event.slug for event in response.context["undated"]] == ["newer-festival", "older-festival"]
    section = content.split('<section class="undated"', 1)[1]
    assert '<h2 class="day-heading" id="undated-heading">Dates to be announced</h2>' in section
    assert entries(section) == ["newer-festival", "older-festival"]
    assert (
        '<h2 class="day-heading" id="undated-heading">Даты будут объявлены</h2>'
        in client.get("/ru/events/").content.decode()
    )


def test_undated_events_follow_the_last_page_of_dated_ones(client):
    for day in range(25):
        AllDayEventFactory(start_date=soon(day + 1), end_date=soon(day + 1))
    undated("festival")

    first, last = client.get("/events/"), client.get("/events/?page=2")

    assert ("undated" in first.context, [event.slug for event in last.context["undated"]]) == (False, ["festival"])


def test_filters_and_search_find_events_without_dates_but_a_day_filter_does_not(client):
    festival = EventTypeFactory(slug="festival")
    minsk = VenueFactory(city_en="Minsk", city_ru="Минск", country="BY")
    undated("slavic-bazaar", event_type=festival, venue=minsk, title_ru="Славянский базар")
    undated("other-forum")

    def found(query: str) -> list[str]:
        return [event.slug for event in client.get(f"/events/?{query}").context.get("undated", [])]

    assert found("type=festival") == ["slavic-bazaar"]
    assert found("country=BY") == ["slavic-bazaar"]
    assert found("city=minsk") == ["slavic-bazaar"]
    assert found("q=базар") == ["slavic-bazaar"]
    assert found(f"from={soon(1)}") == []


def test_the_undated_section_shows_at_most_its_limit_and_says_so(client):
    for number in range(UNDATED_LIST + 1):
        undated(f"festival-{number}")

    response = client.get("/events/")

    assert len(response.context["undated"]) == UNDATED_LIST
    assert f"The first {UNDATED_LIST} events without dates are shown." in response.content.decode()
