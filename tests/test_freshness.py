"""events/freshness.py: the data version, cache keys, remembered values and whole responses."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from rest_framework.authtoken.models import Token

from events import freshness, services
from events.models import Event, Venue

from .factories import AllDayEventFactory, EventFactory, EventTypeFactory, ParticipationFactory, VenueFactory
from .formdata import form_data
from .writes import draft, ics_event, release

pytestmark = pytest.mark.django_db


def coming(title: str, days: int = 3, **kwargs) -> Event:
    day = timezone.now().date() + dt.timedelta(days=days)
    return AllDayEventFactory(title_en=title, start_date=day, end_date=day, **kwargs)


# The version


@pytest.mark.parametrize(
    ("action", "expected_bump"),
    [
        ("create a draft", False),
        ("create a published event", True),
        ("publish the draft", True),
        ("edit the draft", False),
        ("edit the embargoed event", False),
        ("edit the published event", True),
        ("unpublish the published event", True),
        ("delete the draft", False),
        ("delete the published event", True),
        ("read", False),
    ],
)
def test_public_changes_move_the_data_version_and_hidden_work_does_not(db, action, expected_bump):
    draft = EventFactory(is_published=False)
    published = EventFactory(is_published=True)
    embargoed = EventFactory(is_published=True, publish_at=timezone.now() + dt.timedelta(days=1))
    draft, published, embargoed = (Event.objects.get(pk=event.pk) for event in (draft, published, embargoed))
    before = freshness.current()
    if action == "create a draft":
        EventFactory(is_published=False)
    elif action == "create a published event":
        EventFactory(is_published=True)
    elif action == "publish the draft":
        draft.is_published = True
        draft.save()
    elif action.startswith("edit"):
        event = {"draft": draft, "embargoed event": embargoed, "published event": published}[action[9:]]
        event.summary_en = "New summary"
        event.save()
    elif action == "unpublish the published event":
        published.is_published = False
        published.save()
    elif action.startswith("delete"):
        (draft if action.endswith("draft") else published).delete()
    else:
        list(Event.objects.all())
    assert (freshness.current().number > before.number) is expected_bump


def test_a_request_reads_the_version_once_and_again_after_its_own_change(db, django_assert_num_queries):
    EventFactory()
    # What the request_started and request_finished signals call.
    freshness._request_started()
    try:
        with django_assert_num_queries(1):
            first, again = freshness.current(), freshness.current()
        EventFactory()
        with django_assert_num_queries(1):
            changed = freshness.current()
    finally:
        freshness._request_finished()
    with django_assert_num_queries(1):
        freshness.current()

    assert again is first
    assert changed.number > first.number


# Keys


def test_a_key_names_its_namespace_and_differs_with_any_part():
    first = freshness.key("month", 1, "en", ("type", ["visit"]))

    assert first.startswith("events:month:")
    assert first == freshness.key("month", 1, "en", ("type", ["visit"]))
    assert len({first, freshness.key("month", 2, "en", ("type", ["visit"])), freshness.key("feed", 1, "en")}) == 3


def test_a_remembered_value_is_computed_once_per_public_change_and_hidden_work_keeps_it():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    def read():
        return freshness.remember("test", ("a",), compute, timeout=60)

    first, again = read(), read()
    EventFactory(is_published=False)  # a draft: the public sees nothing new
    hidden = read()
    EventFactory()
    changed = read()

    assert (first, again, hidden, changed) == (1, 1, 1, 2)


def test_a_value_of_drafts_too_is_computed_again_after_hidden_work():
    def read():
        return freshness.remember("test", (), lambda: Event.objects.count(), timeout=60, hidden=True)

    before = read()
    EventFactory(is_published=False)

    assert (before, read()) == (0, 1)


# Large values in parts


def test_small_parts_are_joined_up_to_the_limit_and_a_large_one_is_kept_whole():
    parts = [b"a" * 60, b"b" * 30, b"c" * 20, b"d" * 150, b"e" * 5]

    assert freshness.coalesce(parts, limit=100) == [b"a" * 60 + b"b" * 30, b"c" * 20, b"d" * 150, b"e" * 5]


def test_stored_parts_are_found_all_or_not_at_all():
    freshness.store_parts("events:test", [b"one", b"two"], 60)
    whole = freshness.stored_parts("events:test")
    cache.delete("events:test:1")

    assert (whole, freshness.stored_parts("events:test"), freshness.stored_parts("events:none")) == (
        [b"one", b"two"],
        None,
        None,
    )


# Whole pages for anonymous readers


def test_an_unchanged_listing_is_served_whole_with_one_query_and_no_template(
    client, django_assert_num_queries, still_clock
):
    coming("Talks in Minsk")
    first = client.get("/events/")

    with django_assert_num_queries(1):
        again = client.get("/events/")

    assert (again.status_code, again.content, again.context) == (200, first.content, None)
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == "text/html; charset=utf-8"
    assert "Talks in Minsk" in again.content.decode()


def test_a_public_change_shows_on_the_next_request(client):
    event = coming("Talks in Minsk")
    client.get("/events/")
    event.title_en = "Talks in Vitebsk"
    event.save()

    content = client.get("/events/").content.decode()

    assert ("Talks in Vitebsk" in content, "Talks in Minsk" in content) == (True, False)


def test_an_event_that_ends_leaves_the_listing_within_a_minute_without_any_change(client):
    start = timezone.now().replace(second=0, microsecond=0) + dt.timedelta(hours=1)
    EventFactory(title_en="Briefing", start=start, end=start + dt.timedelta(minutes=30))
    coming("Forum", days=5)  # the listing is not empty (an empty one shows recent events)
    with time_machine.travel(start + dt.timedelta(minutes=29), tick=False):
        before = client.get("/events/").content.decode()
    with time_machine.travel(start + dt.timedelta(minutes=31), tick=False):
        after = client.get("/events/").content.decode()

    assert ("Briefing" in before, "Briefing" in after) == (True, False)


def test_the_client_copy_is_confirmed_with_304(client):
    coming("Talks")
    etag = client.get("/events/")["ETag"]

    response = client.get("/events/", headers={"If-None-Match": etag})

    assert (response.status_code, response.content) == (304, b"")


def test_unknown_parameters_are_served_the_same_page_without_a_new_entry(
    client, django_assert_num_queries, still_clock
):
    coming("Talks")
    first = client.get("/events/", {"type": "visit"})

    with django_assert_num_queries(1):  # the version: the kept page, not one made again for these parameters
        junk = client.get("/events/", {"type": "visit", "utm_source": "mail", "x": "1"})

    assert junk.content == first.content


def test_each_language_and_each_selection_is_a_page_of_its_own(client):
    talks = coming("Talks", title_ru="Переговоры", event_type=EventTypeFactory(slug="visit"))
    forum = coming("Forum", title_ru="Форум")
    english, russian = client.get("/events/").content.decode(), client.get("/ru/events/").content.decode()
    visits = client.get("/events/", {"type": "visit"}).content.decode()

    assert (">Talks<" in english, ">Переговоры<" in russian, ">Talks<" in russian) == (True, True, False)
    assert (talks.get_absolute_url() in visits, forum.get_absolute_url() in visits) == (True, False)


def test_a_signed_in_officer_is_never_served_the_public_copy(client, admin_user):
    coming("Talks")
    client.get("/events/")
    client.force_login(admin_user)

    response = client.get("/events/")

    assert response.context is not None


def test_a_draft_preview_is_not_kept_for_anyone(client, admin_user):
    draft = coming("Secret talks", is_published=False)
    client.force_login(admin_user)
    preview = client.get(draft.get_absolute_url())
    client.logout()

    assert (preview.status_code, client.get(draft.get_absolute_url()).status_code) == (200, 404)


def test_the_detail_page_keeps_its_script_hash_in_the_kept_copy(client):
    event = coming("Talks")
    first = client.get(event.get_absolute_url())
    again = client.get(event.get_absolute_url())

    policy = first["Content-Security-Policy"]
    assert (again.context, again["Content-Security-Policy"]) == (None, policy)
    assert "'sha256-" in policy.split("script-src", 1)[1].split(";", 1)[0]


def test_a_month_and_the_archive_are_kept_whole(client, django_assert_num_queries, still_clock):
    AllDayEventFactory(title_en="Old forum", start_date=dt.date(2017, 11, 14), end_date=dt.date(2017, 11, 15))
    for path in ("/events/2017/11/", "/events/past/"):
        first = client.get(path)
        with django_assert_num_queries(1):
            again = client.get(path)
        assert (again.content, "Old forum" in again.content.decode()) == (first.content, True)


def test_page_caching_turned_off_renders_every_request(client, settings):
    settings.EVENTS_PAGE_CACHE_SECONDS = 0
    coming("Talks")
    client.get("/events/")

    assert client.get("/events/").context is not None


def test_a_bad_request_is_not_kept(client):
    first = client.get("/events/", {"from": "2017-13-01"})
    again = client.get("/events/", {"from": "2017-13-01"})

    assert (first.status_code, again.status_code, again.context is not None) == (400, 400, True)


# The archive


def test_the_archive_reads_its_months_once_per_data_version(client, settings, django_assert_num_queries, still_clock):
    settings.EVENTS_PAGE_CACHE_SECONDS = 0
    AllDayEventFactory(title_en="Old forum", start_date=dt.date(2017, 11, 14), end_date=dt.date(2017, 11, 15))
    AllDayEventFactory(title_en="Older talks", start_date=dt.date(2016, 3, 1), end_date=dt.date(2016, 3, 1))
    first = client.get("/events/past/")
    with django_assert_num_queries(2):  # the version, the page of events (months and count remembered)
        again = client.get("/events/past/")
    AllDayEventFactory(title_en="Oldest", start_date=dt.date(2015, 5, 5), end_date=dt.date(2015, 5, 5))
    changed = client.get("/events/past/")

    def months(response):
        return {year: [month.month for month in months] for year, months in response.context["years"].items()}

    assert months(first) == months(again) == {2017: [11], 2016: [3]}
    assert months(changed) == {2017: [11], 2016: [3], 2015: [5]}


# The API


def test_an_unchanged_api_list_and_event_are_served_whole_with_one_query(
    client, django_assert_num_queries, still_clock
):
    event = coming("Talks")
    ParticipationFactory(event=event)
    first_list, first_event = client.get("/api/events/"), client.get(f"/api/events/{event.slug}/")

    with django_assert_num_queries(1):
        again_list = client.get("/api/events/")
    with django_assert_num_queries(1):
        again_event = client.get(f"/api/events/{event.slug}/")

    assert (again_list.content, again_list["Content-Type"]) == (first_list.content, "application/json")
    assert (again_event.content, again_event["ETag"]) == (first_event.content, first_event["ETag"])
    assert again_list.json()["results"][0]["title_en"] == "Talks"


def test_an_api_reader_with_a_token_is_answered_afresh(client, admin_user):
    draft = coming("Secret talks", is_published=False)
    public = coming("Talks")
    anonymous = client.get("/api/events/", {"include": "unpublished"})
    token = Token.objects.create(user=admin_user)

    staff = client.get("/api/events/", {"include": "unpublished"}, headers={"Authorization": f"Token {token.key}"})

    assert [item["slug"] for item in anonymous.json()["results"]] == [public.slug]
    assert sorted(item["slug"] for item in staff.json()["results"]) == sorted([draft.slug, public.slug])


# Every write path moves the version


def change_in_admin(client, event):
    url = f"/admin/events/event/{event.pk}/change/"
    data = form_data(client.get(url).content.decode(), "event_form")
    data["title_en"] = ["Renamed in the admin"]
    assert client.post(url, data).status_code == 302


def delete_in_admin(client, event):
    assert client.post(f"/admin/events/event/{event.pk}/delete/", {"post": "yes"}).status_code == 302


def publish_in_admin(client, event):
    data = {"action": "publish", "_selected_action": [event.pk]}
    assert client.post("/admin/events/event/", data).status_code == 302


def restore_in_admin(client, event):
    first = Event.history.filter(id=event.pk).order_by("history_id").first()
    url = f"/admin/events/event/{event.pk}/history/{first.history_id}/"
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update({"_save": "Restore", "seen_version": event.lock_version})
    data.update(
        {f"{prefix}-{field}": 0 for prefix in ("participations", "parts") for field in ("TOTAL_FORMS", "INITIAL_FORMS")}
    )
    if data.pop("is_published", False):
        data["is_published"] = "on"
    assert client.post(url, data).status_code == 302
    assert Event.objects.get(pk=event.pk).title_en == "Talks"


def patch_in_api(client, event):
    token = Token.objects.get_or_create(user=User.objects.get(username="admin"))[0]
    response = client.patch(
        f"/api/events/{event.slug}/",
        {"title_en": "Renamed through the API"},
        content_type="application/json",
        headers={"Authorization": f"Token {token.key}"},
    )
    assert response.status_code == 200


def update_in_bulk(client, event):
    assert Event.objects.filter(pk=event.pk).update(title_en="Renamed in bulk") == 1


def rename_its_place(client, event):
    event.venue.city_en = "Moskva"
    services.save_venue(event.venue, ["city_en"])


def make_demo_data(client, event):
    call_command("generate_demo_events", "--count", "3", stdout=StringIO())


WRITES = {
    "admin change": change_in_admin,
    "admin delete": delete_in_admin,
    "admin publish action": publish_in_admin,
    "admin history restore": restore_in_admin,
    "API PATCH": patch_in_api,
    "QuerySet.update": update_in_bulk,
    "a place renamed (bulk SEQUENCE)": rename_its_place,
    "generate_demo_events": make_demo_data,
}


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("published", [True, False], ids=["public", "draft"])
def test_every_write_path_moves_the_version_for_the_public_only_when_it_sees_it(admin_client, write, published):
    event = coming("Talks", is_published=published, venue=VenueFactory())
    event.title_en = "Talks, second version"  # a version in the history to restore
    event.save()
    before = freshness.current()

    WRITES[write](admin_client, event)

    after = freshness.current()
    if write == "admin publish action" and published:
        expected = (False, False)  # nothing to do: nothing written
    else:
        expected = (published or write in ("admin publish action", "generate_demo_events"), True)
    assert (after.number > before.number, after.edits > before.edits) == expected


@pytest.mark.parametrize("publish", [True, False], ids=["published", "as drafts"])
def test_an_import_moves_the_version_for_the_public_only_when_it_publishes(tmp_path, publish):
    EventTypeFactory(slug="forum")
    path = tmp_path / "partner.ics"
    path.write_bytes(ics_event(CATEGORIES="Forum"))
    before = freshness.current()

    call_command("import_ics", str(path), "--type", "forum", *(["--publish"] if publish else []), stdout=StringIO())

    after = freshness.current()
    assert Event.objects.filter(uid="partner-1").count() == 1
    assert (after.number > before.number, after.edits > before.edits) == (publish, True)


def test_drafts_from_a_press_release_move_only_the_hidden_count():
    before = freshness.current()

    services.save_drafts(release(), [draft()])

    after = freshness.current()
    assert (after.number, after.edits > before.edits) == (before.number, True)


def test_a_bulk_update_of_the_rows_events_show_moves_the_version():
    venue = VenueFactory()
    before = freshness.current()

    rows = Venue.objects.filter(pk=venue.pk).update(address_en="Spiridonovka 17")

    assert (rows, freshness.current().number > before.number) == (1, True)
