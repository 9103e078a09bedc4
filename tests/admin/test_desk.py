"""The press officer's desk (events/admin/desk.py) and the event list's columns and filters it shares words with.

Every window is tried with an event just inside and one just outside it; "today" is the office's day
(EVENTS_ICAL_TIMEZONE, Europe/Moscow). The roles' answers are in tests/test_permissions.py.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from events.models import Event

from ..factories import AllDayEventFactory, EventFactory, EventTypeFactory, VenueFactory

pytestmark = pytest.mark.django_db

DESK = "/admin/events/event/desk/"
CHANGELIST = "/admin/events/event/"
MOSCOW = ZoneInfo("Europe/Moscow")


def office_today() -> dt.date:
    return timezone.now().astimezone(MOSCOW).date()


def day(offset: int) -> dt.date:
    return office_today() + dt.timedelta(days=offset)


def sections(response) -> dict:
    """Each section's titles, in the order shown, with its count."""
    return {
        section.key: (section.count, [row["event"].title_en for row in section.rows])
        for section in response.context["sections"]
    }


def meeting(**fields) -> Event:
    """A one-day, all-day meeting with both languages' title, published: nothing on the desk asks for it."""
    defaults = {"event_type": EventTypeFactory(slug="meeting"), "start_date": day(30), "end_date": day(30)}
    return AllDayEventFactory(**{**defaults, **fields})


def test_drafts_are_listed_newest_first_and_published_events_are_not(admin_client):
    older = meeting(title_en="Older draft", is_published=False)
    meeting(title_en="Newer draft", is_published=False)
    Event.objects.filter(pk=older.pk).update(created_at=timezone.now() - dt.timedelta(days=3))
    meeting(title_en="Published event")

    response = admin_client.get(DESK)

    assert response.status_code == 200
    assert sections(response)["drafts"] == (2, ["Newer draft", "Older draft"])
    assert [row["note"] for row in response.context["sections"][0].rows] == ["today", "3 days ago"]


def test_embargoes_lifting_within_seven_days_in_order_with_the_moment_in_moscow_time(admin_client):
    now = timezone.now()
    meeting(title_en="Lifts in an hour", publish_at=now + dt.timedelta(hours=1))
    meeting(title_en="Lifts in 7 days less an hour", publish_at=now + dt.timedelta(days=7, hours=-1))
    meeting(title_en="Lifts in 7 days and an hour", publish_at=now + dt.timedelta(days=7, hours=1))
    meeting(title_en="Lifted an hour ago", publish_at=now - dt.timedelta(hours=1))
    meeting(title_en="Draft", is_published=False)
    moment = dt.datetime.combine(day(2), dt.time(9, 0), MOSCOW)
    meeting(title_en="Lifts at nine", publish_at=moment)

    response = admin_client.get(DESK)

    count, titles = sections(response)["embargoes"]
    assert (count, sorted(titles)) == (3, ["Lifts at nine", "Lifts in 7 days less an hour", "Lifts in an hour"])
    assert titles[0] == "Lifts in an hour"
    notes = {row["event"].title_en: row["note"] for row in response.context["sections"][1].rows}
    weekday = moment.strftime("%A")
    expected_day = f"{moment.day} {moment.strftime('%B')} {moment.year}"
    assert notes["Lifts at nine"] == f"{weekday}, {expected_day}, 09:00 Moscow time (in 2 days)"


def test_coming_events_lacking_russian_texts_times_or_days_within_fourteen_days(admin_client):
    visit = EventTypeFactory(slug="visit")
    meeting(title_en="Meeting on day 14, no times", start_date=day(14), end_date=day(14))
    meeting(title_en="Meeting on day 15, no times", start_date=day(15), end_date=day(15))
    meeting(title_en="Meeting without Russian title", title_ru="", start_date=day(1), end_date=day(2))
    meeting(title_en="Meeting without Russian summary", summary_en="Talks.", start_date=day(3), end_date=day(4))
    AllDayEventFactory(title_en="One-day visit", event_type=visit, start_date=day(2), end_date=day(2))
    meeting(title_en="Cancelled meeting", start_date=day(2), end_date=day(2), status=Event.Status.CANCELLED)
    meeting(title_en="Ended yesterday, no Russian", title_ru="", start_date=day(-2), end_date=day(-1))
    meeting(title_en="Untranslated draft of day 5", title_ru="", is_published=False, start_date=day(5), end_date=day(6))
    EventFactory(title_en="Timed meeting", start=timezone.now() + dt.timedelta(days=2))
    month = day(0).replace(day=1)
    meeting(title_en="Known to the month", date_precision="month", start_date=month, end_date=month)

    response = admin_client.get(DESK)

    rows = [(row["event"].title_en, row["missing"]) for row in response.context["sections"][2].rows]
    assert rows == [
        ("Known to the month", ["days not announced"]),
        ("Meeting without Russian title", ["Russian title"]),
        ("Meeting without Russian summary", ["Russian summary"]),
        ("Untranslated draft of day 5", ["Russian title"]),
        ("Meeting on day 14, no times", ["no times yet"]),
    ]
    assert sections(response)["coming"][0] == 5


def test_recently_cancelled_within_fourteen_days_newest_first(admin_client):
    """Notes count the office's calendar days, so each cancellation is put at noon of its day (whatever the hour of
    the run); the window's edges are fourteen days from now, an hour either side."""
    now = timezone.now()
    moments = {
        "Cancelled 13 days ago": dt.datetime.combine(day(-13), dt.time(12, 0), MOSCOW),
        "Cancelled 15 days ago": dt.datetime.combine(day(-15), dt.time(12, 0), MOSCOW),
        "Cancelled yesterday": dt.datetime.combine(day(-1), dt.time(12, 0), MOSCOW),
        "Cancelled 14 days less an hour ago": now - dt.timedelta(days=14, hours=-1),
        "Cancelled 14 days and an hour ago": now - dt.timedelta(days=14, hours=1),
    }
    for title, moment in moments.items():
        event = meeting(title_en=title, status=Event.Status.CANCELLED)
        Event.objects.filter(pk=event.pk).update(status_changed_at=moment)
    meeting(title_en="Confirmed")

    response = admin_client.get(DESK)

    assert sections(response)["cancelled"] == (
        3,
        ["Cancelled yesterday", "Cancelled 13 days ago", "Cancelled 14 days less an hour ago"],
    )
    assert [row["note"] for row in response.context["sections"][3].rows][:2] == ["yesterday", "13 days ago"]


def test_empty_sections_say_so_and_headings_count(admin_client):
    response = admin_client.get(DESK)

    content = response.content.decode()
    assert [section.heading for section in response.context["sections"]] == [
        "Drafts (0)",
        "Embargoes lifting in the next 7 days (0)",
        "Coming in the next 14 days, incomplete (0)",
        "Cancelled in the last 14 days (0)",
    ]
    for text in (
        "No drafts.",
        "No embargo lifts in the next 7 days.",
        "Every event of the next 14 days has its Russian texts and its times.",
        "No event was cancelled in the last 14 days.",
    ):
        assert f'<p class="desk-empty">{text}</p>' in content


def test_each_row_links_to_its_change_form(admin_client):
    draft = meeting(title_en="A draft", is_published=False)

    content = admin_client.get(DESK).content.decode()

    assert f'<a href="/admin/events/event/{draft.pk}/change/">A draft</a>' in content


def test_the_desk_in_russian_shows_russian_titles_dates_and_links(admin_client):
    days = {"start_date": dt.date(2031, 11, 14), "end_date": dt.date(2031, 11, 15)}
    draft = meeting(title_en="A draft", title_ru="Черновик встречи", is_published=False, **days)

    response = admin_client.get(f"/ru{DESK}")

    content = response.content.decode()
    assert response.status_code == 200
    assert f'<a href="/ru/admin/events/event/{draft.pk}/change/">Черновик встречи</a>' in content
    assert "<td>14–15 ноября 2031 г.</td>" in content


def test_the_desk_is_linked_from_the_index_and_the_event_list(admin_client):
    index = admin_client.get("/admin/").content.decode()
    changelist = admin_client.get(CHANGELIST).content.decode()

    assert f'<a href="{DESK}">Open the desk</a>' in index
    assert f'<li><a href="{DESK}">Desk</a></li>' in changelist


def test_staff_without_the_view_permission_is_refused(client, django_user_model):
    staff = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    client.force_login(staff)

    assert client.get(DESK).status_code == 403


def test_a_long_list_is_cut_and_counted_with_a_link_to_the_whole(admin_client):
    for number in range(52):
        meeting(title_en=f"Draft {number}", is_published=False)

    response = admin_client.get(DESK)

    drafts = response.context["sections"][0]
    assert (drafts.count, len(drafts.rows), drafts.is_cut) == (52, 50, True)
    assert (
        'The first 50 of 52 are shown. <a href="/admin/events/event/?publication=draft">' in response.content.decode()
    )


@pytest.mark.parametrize("events", [5, 50])
def test_the_desk_reads_the_same_number_of_queries_whatever_the_events(client, django_user_model, events,
                                                                       django_assert_num_queries):  # fmt: skip
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    now = timezone.now()
    venue = VenueFactory()
    for number in range(events):
        kind = number % 4
        meeting(
            title_en=f"Event {number}",
            title_ru="" if kind == 2 else f"Событие {number}",
            venue=venue,
            is_published=kind != 0,
            publish_at=now + dt.timedelta(days=1) if kind == 1 else None,
            status=Event.Status.CANCELLED if kind == 3 else Event.Status.CONFIRMED,
            start_date=day(3),
            end_date=day(3),
        )
    client.get(DESK)  # the session's and the permissions' first reads

    # Session, user, the user's and the groups' permissions, the data version (for the 14 days' window); then the
    # rows of each of the four sections (a section counts its events only when its 50 rows are full).
    with django_assert_num_queries(9):
        response = client.get(DESK)
    assert response.status_code == 200


# The event list -----------------------------------------------------------------------------------------------


def test_event_list_shows_dates_place_and_badges_for_status_and_publication(admin_client):
    moment = dt.datetime(2100, 1, 12, 6, 0, tzinfo=dt.UTC)
    meeting(title_en="Embargoed", publish_at=moment, venue=VenueFactory(city_en="Minsk", country="BY"),
            start_date=dt.date(2100, 1, 14), end_date=dt.date(2100, 1, 15))  # fmt: skip

    content = admin_client.get(CHANGELIST).content.decode()

    assert '<td class="field-when">14–15 January 2100<span class="desk-place">Minsk, Belarus</span></td>' in content
    assert (
        '<td class="field-state"><span class="desk-badge desk-confirmed">confirmed</span>'
        '<span class="desk-badge desk-embargoed">embargoed</span>'
        '<span class="desk-until">until 12 January 2100, 09:00 Moscow time</span></td>'
    ) in content


def test_event_list_names_the_missing_russian_texts_as_badges(admin_client):
    meeting(title_en="Untranslated", title_ru="", summary_en="Talks.", is_published=False)

    content = admin_client.get(CHANGELIST).content.decode()

    assert (
        '<td class="field-russian_missing"><span class="desk-badge desk-missing">title</span>'
        '<span class="desk-badge desk-missing">summary</span></td>'
    ) in content
    assert '<span class="desk-badge desk-draft">draft</span>' in content


def test_event_list_when_filter_separates_coming_past_and_undated(admin_client):
    coming = meeting(title_en="Coming", start_date=day(3), end_date=day(3))
    past = meeting(title_en="Past", start_date=day(-3), end_date=day(-3))
    undated = meeting(title_en="Undated", date_precision="none", start_date=None, end_date=None)

    found = {
        value: list(admin_client.get(CHANGELIST, {"when": value}).context["cl"].result_list)
        for value in ("coming", "past", "undated")
    }

    assert found == {"coming": [coming], "past": [past], "undated": [undated]}


@pytest.mark.parametrize("events", [5, 50])
def test_the_event_list_reads_a_bounded_number_of_queries(admin_client, events, django_assert_max_num_queries):
    venues = [VenueFactory(), VenueFactory(city_en="Minsk", country="BY")]
    for number in range(events):
        meeting(title_en=f"Event {number}", venue=venues[number % 2], title_ru="" if number % 3 else "Событие",
                is_published=bool(number % 2), start_date=day(number), end_date=day(number))  # fmt: skip
    admin_client.get(CHANGELIST)

    with django_assert_max_num_queries(12):
        response = admin_client.get(CHANGELIST)
    assert len(response.context["cl"].result_list) == events


def test_event_list_in_russian_at_the_same_address_under_ru(admin_client):
    meeting(title_en="Talks", title_ru="Переговоры", start_date=dt.date(2031, 11, 14), end_date=dt.date(2031, 11, 15))

    content = admin_client.get(f"/ru{CHANGELIST}").content.decode()

    assert "Переговоры" in content
    assert '<td class="field-when">14–15 ноября 2031 г.<span class="desk-place">Москва, Россия</span></td>' in content
    assert '<span class="desk-badge desk-public">опубликовано</span>' in content
