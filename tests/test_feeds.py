import datetime as dt
import re
from io import StringIO

import icalendar
import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date

from events import freshness
from events.models import DataVersion, Event, FeedToken, Tag

from .factories import AllDayEventFactory, EventFactory, EventTypeFactory, VenueFactory
from .icaljs import parse_with_icaljs

pytestmark = pytest.mark.django_db

FEED = "/feeds/events.ics"
SEED_FEED = f"{FEED}?from=2014-01-01"

# Every dated seed event and the days a calendar app shows it on: [first, exclusive end).
SEED_DAYS = {
    "Working visit of Belarusian Foreign Minister Vladimir Makei to Russia": ("2017-11-14", "2017-11-16"),
    "Signing of the programme of cooperative foreign policy actions of states party to the Union State Treaty "
    "for 2018−2019": ("2017-11-14", "2017-11-16"),
    "Signing of the plan of consultations between the foreign ministries of Russia and Belarus for 2018": (
        "2017-11-14",
        "2017-11-16",
    ),
    "Visit of Belarusian Foreign Minister Vladimir Makei to Moscow": ("2017-06-04", "2017-06-06"),
    "Joint meeting of the collegiums of the foreign ministries of Russia and Belarus": ("2017-06-04", "2017-06-06"),
    "Signing of a joint ministerial statement on the 25th anniversary of diplomatic relations": (
        "2017-06-04",
        "2017-06-06",
    ),
    "Exhibition of archival photographs and documents": ("2017-06-04", "2017-06-06"),
    "Fourth Forum of Russian and Belarusian Regions": ("2017-06-29", "2017-07-01"),
    "Industrial exhibition accompanying the Fourth Forum of Russian and Belarusian Regions": (
        "2017-06-29",
        "2017-07-01",
    ),
    "First Forum of Russian and Belarusian Regions (2014, dates not announced)": ("2014-01-01", "2015-01-01"),
    "Russian Spiritual Culture Days in Belarus (June 2015, days not announced)": ("2015-06-01", "2015-07-01"),
    "Moscow Days in Belarus (June 2016, days not announced)": ("2016-06-01", "2016-07-01"),
    "Belarusian Culture Days in Moscow (2016, dates not announced)": ("2016-01-01", "2017-01-01"),
    "Minsk Days in Moscow (October 2017, days not announced)": ("2017-10-01", "2017-11-01"),
}


def uids(response) -> list[str]:
    """Read the feed's UIDs with both parsers, which must agree."""
    python_uids = [str(vevent["UID"]) for vevent in icalendar.Calendar.from_ical(response.content).walk("VEVENT")]
    assert [event["uid"] for event in parse_with_icaljs(response.content)["events"]] == python_uids
    return python_uids


def test_seed_feed_in_icaljs_shows_every_dated_event_on_exactly_its_days(client, seed):
    response = client.get(SEED_FEED)

    parsed = parse_with_icaljs(response.content)
    assert {event["summary"]: (event["start"], event["end"]) for event in parsed["events"]} == SEED_DAYS
    assert all(event["allDay"] for event in parsed["events"])
    assert parsed["name"] == parsed["wrCalname"] == "Diplomatic events · from 1 January 2014"
    assert (parsed["refreshInterval"], parsed["publishedTtl"]) == ("PT1H", "PT1H")


def test_seed_feed_in_icalendar_has_every_property(client, seed):
    response = client.get(SEED_FEED)

    calendar = icalendar.Calendar.from_ical(response.content)
    visit = next(v for v in calendar.walk("VEVENT") if str(v["SUMMARY"]).startswith("Working visit"))
    seed_visit = Event.objects.get(slug="makei-working-visit-to-russia-2017")
    assert str(visit["UID"]) == seed_visit.uid
    assert (visit.decoded("DTSTART"), visit.decoded("DTEND")) == (dt.date(2017, 11, 14), dt.date(2017, 11, 16))
    for name in ("DTSTAMP", "LAST-MODIFIED", "CREATED"):
        assert visit.decoded(name) == dt.datetime(2017, 11, 13, 8, 32, tzinfo=dt.UTC)
    assert (visit["SEQUENCE"], str(visit["STATUS"]), str(visit["LOCATION"])) == (0, "CONFIRMED", "Russia")
    assert str(visit["URL"]) == "http://testserver/events/makei-working-visit-to-russia-2017/"
    assert visit["CATEGORIES"].cats == ["Visit", "CIS", "CSTO", "EAEU", "Union State"]
    description = str(visit["DESCRIPTION"])
    assert "- Sergey Lavrov, Foreign Minister of Russia (host)" in description
    assert "- Signing of a plan of consultations between the foreign ministries of Russia and Belarus for 2018" in (
        description
    )
    assert "Source: Comment by the Information and Press Department" in description
    assert "Slavic Bazaar" not in response.content.decode()


def test_feed_http_headers(client, seed):
    response = client.get(SEED_FEED)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="events.ics"'
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Last-Modified"] == http_date(freshness.current().changed_at.timestamp())
    assert response["ETag"].startswith('"')
    assert len(response["ETag"]) == 34


def test_unchanged_feed_is_byte_identical_and_answers_conditional_requests_with_304(client, seed):
    first, second = client.get(SEED_FEED), client.get(SEED_FEED)

    by_etag = client.get(SEED_FEED, headers={"If-None-Match": first["ETag"]})
    by_date = client.get(SEED_FEED, headers={"If-Modified-Since": first["Last-Modified"]})

    assert first.content == second.content
    assert first["ETag"] == second["ETag"]
    assert (by_etag.status_code, by_etag.content, by_etag["ETag"]) == (304, b"", first["ETag"])
    assert by_date.status_code == 304


def test_conditional_request_builds_nothing(client, seed, django_assert_num_queries):
    etag = client.get(SEED_FEED)["ETag"]

    # The data version and the latest embargo to end: no event is read.
    with django_assert_num_queries(1):
        response = client.get(SEED_FEED, headers={"If-None-Match": etag})

    assert response.status_code == 304


def test_a_change_gives_a_new_etag(client, seed):
    etag = client.get(SEED_FEED)["ETag"]
    event = Event.objects.get(slug="minsk-days-in-moscow-2017")
    event.description_en = "More"
    event.save()

    response = client.get(SEED_FEED, headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag


def test_head_answers_headers_without_body(client, seed):
    response = client.head(SEED_FEED)

    assert (response.status_code, response.content) == (200, b"")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"


def test_russian_feed_has_russian_titles_and_name(client, seed):
    response = client.get(f"/ru{FEED}?type=visit&country=RU&from=2017-01-01")

    parsed = parse_with_icaljs(response.content)
    assert parsed["name"] == "Визиты · Россия · с 1 января 2017 г."
    assert sorted(event["summary"] for event in parsed["events"]) == [
        "Визит Министра иностранных дел Белоруссии Владимира Макея в Москву",
        "Рабочий визит Министра иностранных дел Белоруссии Владимира Макея в Россию",
    ]
    assert parsed["events"][0]["url"].startswith("http://testserver/ru/events/")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=visit", {"makei-working-visit-to-russia-2017", "makei-visit-to-moscow-2017"}),
        ("type=culture-days&country=by", {"russian-spiritual-culture-days-in-belarus-2015",
                                          "moscow-days-in-belarus-2016"}),
        ("city=Москва&to=2016-12-31", {"belarusian-culture-days-in-moscow-2016"}),
        ("tag=csto", {"makei-working-visit-to-russia-2017"}),
        ("person=sergey-lavrov", {"makei-working-visit-to-russia-2017"}),
        ("q=Forum Regions", {"fourth-forum-of-regions-2017", "first-forum-of-regions-2014",
                             "industrial-exhibition-forum-of-regions-2017"}),
        ("q=Лавров", {"makei-working-visit-to-russia-2017"}),
        ("from=2017-11-15&to=2017-11-15", {"makei-working-visit-to-russia-2017",
                                            "signing-union-state-foreign-policy-programme-2018-2019",
                                            "signing-foreign-ministries-consultations-plan-2018"}),
        ("status=cancelled", set()),
    ],
)  # fmt: skip
def test_feed_filters_select_exactly_the_matching_events(client, seed, query, expected):
    response = client.get(f"{FEED}?from=2014-01-01&{query}" if "from=" not in query else f"{FEED}?{query}")

    assert set(uids(response)) == set(Event.objects.filter(slug__in=expected).values_list("uid", flat=True))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("type=nope", "type: Select a valid choice. That choice is not one of the available choices."),
        ("country=XX", "country: Select a valid choice. XX is not one of the available choices."),
        ("from=14.11.2017", "from: Enter a valid date."),
        ("to=2017-02-30", "to: Enter a valid date."),
        ("q=a%00b", "q: Null characters are not allowed."),
        ("status=maybe", "status: Select a valid choice. maybe is not one of the available choices."),
    ],
)
def test_invalid_filters_get_400_with_a_message(client, query, message):
    response = client.get(f"{FEED}?{query}")

    assert (response.status_code, response["Content-Type"]) == (400, "text/plain; charset=utf-8")
    assert response.content.decode() == f"{message}\n"


def test_default_window_holds_future_and_recent_past_events_only(client):
    today = timezone.now().date()
    old = AllDayEventFactory(start_date=today - dt.timedelta(days=400), end_date=today - dt.timedelta(days=400))
    recent = AllDayEventFactory(start_date=today - dt.timedelta(days=100), end_date=today - dt.timedelta(days=100))
    future = AllDayEventFactory(start_date=today + dt.timedelta(days=10), end_date=today + dt.timedelta(days=11))

    default, explicit = client.get(FEED), client.get(f"{FEED}?from={today - dt.timedelta(days=500)}")

    assert set(uids(default)) == {recent.uid, future.uid}
    assert set(uids(explicit)) == {old.uid, recent.uid, future.uid}
    assert b"ended in the last 365 days" in default.content.replace(b"\r\n ", b"")


def test_drafts_and_embargoed_events_never_appear_even_after_edits(client):
    draft = EventFactory(is_published=False, title_en="Secret draft")
    embargoed = EventFactory(publish_at=timezone.now() + dt.timedelta(days=1), title_en="Embargoed visit")
    public = EventFactory(title_en="Public forum")
    for event in (draft, embargoed):
        event.title_en += " (edited)"
        event.save()

    response = client.get(f"{FEED}?from=2000-01-01")

    assert uids(response) == [public.uid]
    assert b"Secret" not in response.content
    assert b"Embargoed" not in response.content


def test_embargoed_event_appears_when_its_embargo_passes(client):
    event = EventFactory(publish_at=timezone.now() + dt.timedelta(days=1))
    assert uids(client.get(f"{FEED}?from=2000-01-01")) == []

    Event.objects.filter(pk=event.pk).update(publish_at=timezone.now() - dt.timedelta(seconds=1))

    assert uids(client.get(f"{FEED}?from=2000-01-01")) == [event.uid]


def test_a_feed_is_last_modified_when_the_last_embargo_ended(client):
    lifted = dt.datetime(2030, 3, 10, 9, 30, 15, 250000, tzinfo=dt.UTC)
    event = EventFactory(publish_at=lifted, start=lifted + dt.timedelta(days=1))

    with time_machine.travel(lifted + dt.timedelta(minutes=5), tick=False):
        version = freshness.current()
        response = client.get(FEED)

    assert version.lifted == lifted
    assert response["Last-Modified"] == "Sun, 10 Mar 2030 09:30:15 GMT"
    assert uids(response) == [event.uid]


def test_edit_cancel_and_description_change_reach_subscribers_with_the_same_uid(client):
    event = EventFactory(title_en="Talks")
    query = f"{FEED}?from=2000-01-01"
    (original,) = parse_with_icaljs(client.get(query).content)["events"]

    event = Event.objects.get(pk=event.pk)
    event.start += dt.timedelta(hours=1)
    event.end += dt.timedelta(hours=1)
    event.save()
    (moved,) = parse_with_icaljs(client.get(query).content)["events"]
    event.description_en = "Only the text changed"
    event.save()
    (described,) = parse_with_icaljs(client.get(query).content)["events"]
    event.status = Event.Status.CANCELLED
    event.save()
    (cancelled,) = parse_with_icaljs(client.get(query).content)["events"]

    assert original["uid"] == moved["uid"] == described["uid"] == cancelled["uid"] == event.uid
    assert (original["sequence"], moved["sequence"], described["sequence"], cancelled["sequence"]) == (0, 1, 1, 2)
    assert (moved["start"], described["description"].split("\n")[0]) == (
        "2017-11-14T08:00:00.000Z",
        "Only the text changed",
    )
    assert (cancelled["status"], cancelled["summary"]) == ("CANCELLED", "Cancelled: Talks")


def test_cancelled_event_leaves_feeds_30_days_after_cancellation(client):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=10)  # in the feed's default window
    kept = EventFactory(status=Event.Status.CANCELLED, start=start)
    gone = EventFactory(status=Event.Status.CANCELLED, start=start)
    Event.objects.filter(pk=kept.pk).update(status_changed_at=timezone.now() - dt.timedelta(days=29))
    Event.objects.filter(pk=gone.pk).update(status_changed_at=timezone.now() - dt.timedelta(days=31))

    assert uids(client.get(FEED)) == [kept.uid]
    # Fixed days (a month page's or the archive's subscription) keep both, as their pages list them.
    assert sorted(uids(client.get(f"{FEED}?from=2000-01-01"))) == sorted([kept.uid, gone.uid])


def test_feed_name_describes_the_selection(client):
    EventTypeFactory(slug="visit", name_plural_en="Visits")

    response = client.get(f"{FEED}?type=visit&country=BY")

    assert parse_with_icaljs(response.content)["name"] == "Visits · Belarus"


# One event


def test_single_event_ics_is_an_attachment_with_one_event(client, seed):
    response = client.get("/events/makei-working-visit-to-russia-2017.ics")

    parsed = parse_with_icaljs(response.content)
    assert response["Content-Disposition"] == 'attachment; filename="makei-working-visit-to-russia-2017.ics"'
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert [(event["start"], event["end"]) for event in parsed["events"]] == [("2017-11-14", "2017-11-16")]
    assert client.get(response.wsgi_request.path, headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_single_event_ics_hides_drafts_and_undated_events(client, seed):
    draft = EventFactory(is_published=False)

    assert client.get(f"/events/{draft.slug}.ics").status_code == 404
    assert client.get("/events/slavic-bazaar-in-vitebsk.ics").status_code == 404
    assert client.get("/events/no-such-event.ics").status_code == 404


# Private staff feed


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user("officer", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_event"))
    return user


def test_private_feed_shows_drafts_and_embargoed_events_marked(client, officer):
    draft = EventFactory(is_published=False, title_en="Secret talks")
    embargoed = EventFactory(title_en="Visit", publish_at=dt.datetime(2100, 1, 1, tzinfo=dt.UTC))
    public = EventFactory(title_en="Forum")
    _token, key = FeedToken.issue(officer)

    response = client.get(f"/feeds/private/{key}.ics")

    parsed = parse_with_icaljs(response.content)
    assert {(event["uid"], event["summary"]) for event in parsed["events"]} == {
        (draft.uid, "[Draft] Secret talks"),
        (embargoed.uid, "[Embargoed until 2100-01-01 00:00 UTC] Visit"),
        (public.uid, "Forum"),
    }
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response


def test_private_feed_refuses_wrong_rotated_and_revoked_keys(client, officer):
    _token, old_key = FeedToken.issue(officer)
    _token, new_key = FeedToken.issue(officer)

    assert client.get(f"/feeds/private/{old_key}.ics").status_code == 404
    assert client.get(f"/feeds/private/{new_key[:-1]}x.ics").status_code == 404
    assert client.get(f"/feeds/private/{new_key}.ics").status_code == 200
    FeedToken.objects.filter(user=officer).delete()
    assert client.get(f"/feeds/private/{new_key}.ics").status_code == 404


def test_private_feed_refuses_users_who_lost_staff_status_or_permission(client, officer):
    _token, key = FeedToken.issue(officer)

    officer.user_permissions.clear()
    assert client.get(f"/feeds/private/{key}.ics").status_code == 404
    officer.is_staff = False
    officer.save()

    assert client.get(f"/feeds/private/{key}.ics").status_code == 404


def test_feed_tokens_store_only_a_hash(officer):
    token, key = FeedToken.issue(officer)

    assert key not in token.key_hash
    assert token.key_hash == FeedToken.hash_key(key)
    assert len(key) >= 40


def test_admin_creates_rotates_and_revokes_private_feeds(admin_client, officer):
    created = admin_client.post("/admin/events/feedtoken/add/", {"user": officer.pk}, follow=True)
    first_url = next(str(m) for m in created.context["messages"]).split(": ", 1)[1]
    token = FeedToken.objects.get(user=officer)

    rotated = admin_client.post(
        "/admin/events/feedtoken/", {"action": "rotate", "_selected_action": [token.pk]}, follow=True
    )
    second_url = next(str(m) for m in rotated.context["messages"]).split(": ", 1)[1]
    assert client_status(first_url) == 404
    assert client_status(second_url) == 200

    admin_client.post("/admin/events/feedtoken/", {"action": "revoke", "_selected_action": [token.pk]})
    assert client_status(second_url) == 404


def client_status(url: str) -> int:
    return Client().get(url.removeprefix("http://testserver")).status_code


# Command


def test_export_ics_writes_the_same_selection_as_the_feed(client, seed, tmp_path):
    target = tmp_path / "visits.ics"

    call_command("export_ics", "--type", "visit", "--from", "2017-01-01", "-o", str(target), stderr=StringIO())

    exported = [str(v["UID"]) for v in icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")]
    assert exported == uids(client.get(f"{FEED}?type=visit&from=2017-01-01"))
    assert len(exported) == 2


def test_export_ics_rejects_bad_filters():
    with pytest.raises(CommandError, match=r"^--from: Enter a valid date\.$"):
        call_command("export_ics", "--from", "yesterday", "-o", "-")


def test_timed_event_in_feed_reads_back_in_icaljs(client):
    EventFactory(
        venue=VenueFactory(timezone="Europe/Moscow"),
        start=dt.datetime(2017, 11, 14, 7, 0, tzinfo=dt.UTC),
        end=dt.datetime(2017, 11, 14, 9, 0, tzinfo=dt.UTC),
    )

    (event,) = parse_with_icaljs(client.get(f"{FEED}?from=2017-01-01").content)["events"]

    assert (event["tzid"], event["start"], event["end"]) == (
        "Europe/Moscow",
        "2017-11-14T07:00:00.000Z",
        "2017-11-14T09:00:00.000Z",
    )


# The data version: any change, anywhere, gives feeds a new ETag and Last-Modified


def test_unpublishing_an_event_is_not_answered_304_by_date(client, seed):
    # HTTP dates count whole seconds: the client's copy is from a few seconds ago.
    DataVersion.objects.update(changed_at=timezone.now() - dt.timedelta(seconds=10))
    first = client.get(SEED_FEED)
    Event.objects.filter(slug="minsk-days-in-moscow-2017").update(is_published=False)
    freshness.bump()  # what a QuerySet.update() caller must do; admin and API saves bump by themselves

    by_date = client.get(SEED_FEED, headers={"If-Modified-Since": first["Last-Modified"]})
    by_etag = client.get(SEED_FEED, headers={"If-None-Match": first["ETag"]})

    assert (by_etag.status_code, by_date.status_code) == (200, 200)


def test_renaming_a_tag_changes_the_feed_etag(client, seed):
    first = client.get(f"{FEED}?tag=csto&from=2014-01-01")
    tag = Tag.objects.get(slug="csto")
    tag.name_en = "Collective Security Treaty Organisation"
    tag.save()

    again = client.get(f"{FEED}?tag=csto&from=2014-01-01", headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 200
    assert b"Collective Security Treaty Organisation" in again.content.replace(b"\r\n ", b"")


def test_deleting_an_event_changes_the_feed_etag(client, seed):
    first = client.get(SEED_FEED)
    Event.objects.get(slug="minsk-days-in-moscow-2017").delete()

    again = client.get(SEED_FEED, headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_a_cancelled_event_created_cancelled_does_not_come_back_after_an_edit(client):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=10)  # in the feed's default window
    event = EventFactory(status=Event.Status.CANCELLED, start=start)
    Event.objects.filter(pk=event.pk).update(status_changed_at=timezone.now() - dt.timedelta(days=90))
    event = Event.objects.get(pk=event.pk)

    event.description_en = "A typo fixed"
    event.save()

    assert uids(client.get(FEED)) == []


def test_an_unchanged_feed_is_served_from_the_cache_without_reading_events(client, seed, django_assert_num_queries):
    first = client.get(SEED_FEED)

    with django_assert_num_queries(1):
        again = client.get(SEED_FEED)

    assert (again.status_code, again.content) == (200, first.content)


def test_a_change_is_never_hidden_by_the_cache(client, seed):
    client.get(SEED_FEED)
    event = Event.objects.get(slug="minsk-days-in-moscow-2017")
    event.title_en = "Minsk Days renamed"
    event.save()

    assert b"SUMMARY:Minsk Days renamed (October 2017" in client.get(SEED_FEED).content


def components(response) -> list[str]:
    return [component.name for component in icalendar.Calendar.from_ical(response.content).subcomponents]


def test_an_empty_selection_feed_holds_one_vtimezone_and_no_event(client):
    EventFactory(start=dt.datetime(2017, 11, 14, 9, tzinfo=dt.UTC))

    response = client.get(f"{FEED}?from=2090-01-01")

    assert response.status_code == 200
    assert components(response) == ["VTIMEZONE"]
    parsed = parse_with_icaljs(response.content)
    assert (parsed["timezones"], parsed["events"]) == (["Europe/Moscow"], [])


def test_an_empty_private_feed_holds_one_vtimezone_and_no_event(client, officer):
    _token, key = FeedToken.issue(officer)

    response = client.get(f"/feeds/private/{key}.ics")

    assert response.status_code == 200
    assert components(response) == ["VTIMEZONE"]
    assert parse_with_icaljs(response.content)["timezones"] == ["Europe/Moscow"]


def test_atom_entry_titles_say_cancelled_and_postponed_as_the_ical_summary_does(client):
    start = timezone.now() + dt.timedelta(days=2)
    EventFactory(title_en="Talks", title_ru="Переговоры", start=start, status=Event.Status.CANCELLED)
    EventFactory(title_en="Forum", title_ru="Форум", start=start + dt.timedelta(hours=2), status=Event.Status.POSTPONED)

    english = client.get("/feeds/upcoming.atom").content.decode()
    russian = client.get("/ru/feeds/upcoming.atom").content.decode()

    assert re.findall(r"<entry><title>([^<]+)</title>", english) == ["Cancelled: Talks", "Postponed: Forum"]
    assert re.findall(r"<entry><title>([^<]+)</title>", russian) == ["Отменено: Переговоры", "Перенесено: Форум"]
