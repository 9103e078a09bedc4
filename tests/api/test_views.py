import datetime as dt
import json

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from events.models import Event

from ..factories import (
    AllDayEventFactory,
    EventFactory,
    ParticipationFactory,
    PersonFactory,
    TagFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/api/events/"


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user("officer", password="x", is_staff=True)
    codenames = ["view_event", "add_event", "change_event", "delete_event", "publish_event"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def staff_client(officer):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=officer).key}")
    return client


NEW_EVENT = {
    "type": "visit",
    "visit_level": "working",
    "title_en": "Consultations on consular issues",
    "title_ru": "Консультации по консульским вопросам",
    "all_day": False,
    "start": "2017-11-14T10:00:00+03:00",
    "end": "2017-11-14T12:00:00+03:00",
    "timezone": "Europe/Moscow",
    "city": "Moscow",
    "country": "RU",
    "tags": ["union-state"],
    "participants": [
        {"name": "Sergey Lavrov", "position": "Foreign Minister of Russia", "country": "RU", "role": "host"}
    ],
    "published": True,
}


def post(client, data, **kwargs):
    return client.post(LIST, json.dumps(data), content_type="application/json", **kwargs)


# Reading


def test_event_json_is_flat_and_complete(api_client, seed):
    response = api_client.get(f"{LIST}makei-working-visit-to-russia-2017/")

    data = response.json()
    event = Event.objects.get(slug="makei-working-visit-to-russia-2017")
    assert (response.status_code, response["Content-Type"]) == (200, "application/json")
    assert data == {
        "uid": event.uid,
        "slug": "makei-working-visit-to-russia-2017",
        "url": "http://testserver/events/makei-working-visit-to-russia-2017/",
        "ics_url": "http://testserver/events/makei-working-visit-to-russia-2017.ics",
        "type": "visit",
        "visit_level": "working",
        "title_en": event.title_en,
        "title_ru": event.title_ru,
        "summary_en": event.summary_en,
        "summary_ru": event.summary_ru,
        "description_en": event.description_en,
        "description_ru": event.description_ru,
        "agenda_en": event.agenda_en,
        "agenda_ru": event.agenda_ru,
        "status": "confirmed",
        "all_day": True,
        "date_precision": "day",
        "start": "2017-11-14",
        "end": "2017-11-15",
        "timezone": "",
        "venue": "",
        "city": "",
        "country": "RU",
        "latitude": None,
        "longitude": None,
        "participants": [
            {"name": "Vladimir Makei", "position": "Foreign Minister of Belarus", "country": "BY", "role": "guest"},
            {"name": "Sergey Lavrov", "position": "Foreign Minister of Russia", "country": "RU", "role": "host"},
        ],
        "tags": ["cis", "csto", "eaeu", "union-state"],
        "parent": None,
        "series": None,
        "edition": None,
        "source": {
            "title": "Comment by the Information and Press Department on the upcoming working visit by "
            "Belarusian Foreign Minister Vladimir Makei",
            "url": "",
            "published_at": "2017-11-13T08:32:00+00:00",
        },
        "sequence": 0,
        "created_at": "2017-11-13T08:32:00Z",
        "updated_at": "2017-11-13T08:32:00Z",
    }


@pytest.mark.parametrize(
    ("slug", "precision", "start", "end"),
    [
        ("minsk-days-in-moscow-2017", "month", "2017-10-01", "2017-10-31"),
        ("first-forum-of-regions-2014", "year", "2014-01-01", "2014-12-31"),
        ("slavic-bazaar-in-vitebsk", "none", None, None),
    ],
)
def test_precision_and_dates(api_client, seed, slug, precision, start, end):
    data = api_client.get(f"{LIST}{slug}/").json()

    assert (data["date_precision"], data["start"], data["end"]) == (precision, start, end)


def test_timed_event_has_date_times_with_offset(api_client):
    event = EventFactory(
        start=dt.datetime(2017, 11, 14, 7, 0, tzinfo=dt.UTC), end=dt.datetime(2017, 11, 14, 9, 0, tzinfo=dt.UTC)
    )

    data = api_client.get(f"{LIST}{event.slug}/").json()

    assert (data["start"], data["end"], data["timezone"]) == (
        "2017-11-14T10:00:00+03:00",
        "2017-11-14T12:00:00+03:00",
        "Europe/Moscow",
    )


def test_list_is_paginated_with_count_and_links(api_client):
    for day in range(1, 6):
        AllDayEventFactory(start_date=dt.date(2017, 6, day), end_date=dt.date(2017, 6, day))

    data = api_client.get(f"{LIST}?page_size=2&page=2").json()

    assert data["count"] == 5
    assert data["next"] == "http://testserver/api/events/?page=3&page_size=2"
    assert data["previous"] == "http://testserver/api/events/?page_size=2"
    assert [event["start"] for event in data["results"]] == ["2017-06-03", "2017-06-04"]


def test_page_size_goes_up_to_100(api_client):
    for _ in range(101):
        AllDayEventFactory()

    assert len(api_client.get(f"{LIST}?page_size=100").json()["results"]) == 100
    assert api_client.get(f"{LIST}?page_size=101").json() == {"page_size": ["Give a whole number from 1 to 100."]}


@pytest.mark.parametrize("query", ["page=0", "page=-1", "page=abc", "page_size=0", "page_size=2.5"])
def test_bad_pages_are_400(api_client, query):
    assert api_client.get(f"{LIST}?{query}").status_code == 400


def test_ordering_by_start_or_last_change(api_client):
    old = AllDayEventFactory(start_date=dt.date(2017, 1, 1), end_date=dt.date(2017, 1, 1))
    new = AllDayEventFactory(start_date=dt.date(2018, 1, 1), end_date=dt.date(2018, 1, 1))
    old.description_en = "touched"
    old.save()

    by_start = [e["slug"] for e in api_client.get(LIST).json()["results"]]
    by_change = [e["slug"] for e in api_client.get(f"{LIST}?ordering=-updated_at").json()["results"]]

    assert by_start == [old.slug, new.slug]
    assert by_change == [old.slug, new.slug]
    assert api_client.get(f"{LIST}?ordering=title").status_code == 400


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("type=visit", {"makei-working-visit-to-russia-2017", "makei-visit-to-moscow-2017"}),
        ("country=by&type=culture-days", {"russian-spiritual-culture-days-in-belarus-2015",
                                          "moscow-days-in-belarus-2016"}),
        ("tag=csto", {"makei-working-visit-to-russia-2017"}),
        ("person=sergey-lavrov", {"makei-working-visit-to-russia-2017"}),
        ("q=Витебск", {"slavic-bazaar-in-vitebsk"}),
        ("from=2017-10-31&to=2017-11-13", {"minsk-days-in-moscow-2017"}),
    ],
)  # fmt: skip
def test_shared_filters(api_client, seed, query, slugs):
    data = api_client.get(f"{LIST}?{query}&page_size=100").json()

    assert {event["slug"] for event in data["results"]} == slugs


def test_bad_filter_is_400_with_a_message_per_parameter(api_client):
    response = api_client.get(f"{LIST}?type=nope&from=2017-02-30")

    assert response.status_code == 400
    assert response.json() == {
        "type": ["Select a valid choice. That choice is not one of the available choices."],
        "from": ["Enter a valid date."],
    }


def test_conditional_get_answers_304(api_client, seed):
    first = api_client.get(LIST)

    again = api_client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"])

    assert (again.status_code, again.content) == (304, b"")
    assert api_client.get(f"{LIST}makei-visit-to-moscow-2017/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_drafts_are_hidden_from_the_public_and_from_staff_unless_asked(api_client, staff_client):
    draft = AllDayEventFactory(is_published=False)
    embargoed = AllDayEventFactory(publish_at=dt.datetime(2100, 1, 1, tzinfo=dt.UTC))
    public = AllDayEventFactory()

    anonymous = {e["slug"] for e in api_client.get(LIST).json()["results"]}
    staff_default = {e["slug"] for e in staff_client.get(LIST).json()["results"]}
    staff_all = staff_client.get(f"{LIST}?include=unpublished").json()["results"]
    anonymous_asking = {e["slug"] for e in api_client.get(f"{LIST}?include=unpublished").json()["results"]}

    assert anonymous == staff_default == anonymous_asking == {public.slug}
    assert {(e["slug"], e["published"]) for e in staff_all} == {
        (draft.slug, False),
        (embargoed.slug, True),
        (public.slug, True),
    }
    assert api_client.get(f"{LIST}{draft.slug}/").status_code == 404
    assert "published" not in api_client.get(f"{LIST}{public.slug}/").json()


def test_vocabularies_count_public_events_only(api_client):
    tag = TagFactory(slug="csto", name_en="CSTO", name_ru="ОДКБ")
    for published in (True, True, False):
        AllDayEventFactory(is_published=published).tags.add(tag)

    tags = api_client.get("/api/tags/").json()
    types = {row["slug"]: row["event_count"] for row in api_client.get("/api/event-types/").json()}

    assert tags == [{"slug": "csto", "name_en": "CSTO", "name_ru": "ОДКБ", "event_count": 2}]
    assert (types["forum"], types["visit"]) == (2, 0)


def test_people_vocabulary(api_client, seed):
    people = api_client.get("/api/people/").json()

    assert people == [
        {"slug": "sergey-lavrov", "name_en": "Sergey Lavrov", "name_ru": "Сергей Лавров", "event_count": 1,
         "country": "RU"},
        {"slug": "vladimir-makei", "name_en": "Vladimir Makei", "name_ru": "Владимир Макей", "event_count": 2,
         "country": "BY"},
    ]  # fmt: skip


# Writing


def test_anonymous_writes_are_refused(api_client, seed):
    assert post(api_client, NEW_EVENT).status_code == 401
    assert api_client.delete(f"{LIST}makei-visit-to-moscow-2017/").status_code == 401
    assert Event.objects.filter(slug="makei-visit-to-moscow-2017").exists()


def test_staff_without_add_permission_cannot_create(django_user_model):
    user = django_user_model.objects.create_user("reader", is_staff=True)
    client = APIClient()
    client.force_authenticate(user)

    assert post(client, NEW_EVENT).status_code == 403


def test_create_a_timed_event_with_place_people_and_tags(staff_client):
    TagFactory(slug="union-state")

    response = post(staff_client, NEW_EVENT)

    assert response.status_code == 201, response.json()
    event = Event.objects.get(slug=response.json()["slug"])
    assert (event.start, event.end, str(event.timezone)) == (
        dt.datetime(2017, 11, 14, 7, 0, tzinfo=dt.UTC),
        dt.datetime(2017, 11, 14, 9, 0, tzinfo=dt.UTC),
        "Europe/Moscow",
    )
    assert (event.venue.city_en, event.venue.country.code) == ("Moscow", "RU")
    assert [(p.person.name_en, p.role) for p in event.participations.all()] == [("Sergey Lavrov", "host")]
    assert list(event.tags.values_list("slug", flat=True)) == ["union-state"]
    assert response.json()["start"] == "2017-11-14T10:00:00+03:00"
    assert response["ETag"]


def test_create_with_the_token_command(officer, seed, capsys):
    call_command("drf_create_token", "officer")

    key = Token.objects.get(user=officer).key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert post(client, {**NEW_EVENT, "tags": []}).status_code == 201


def test_schema_description_writes_the_token_header_as_inline_code_so_swagger_shows_the_key(api_client):
    response = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    assert response.json()["info"]["description"] == (
        "Public events for everyone; drafts, embargoed events and writes for press officers "
        "(`Authorization: Token <key>`). Filters: type, country, city, tag, person, status, from, to, q."
    )


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"end": "2017-11-14T09:00:00+03:00"}, "end", "The event ends before it starts."),
        ({"timezone": ""}, "timezone", "A timed event needs the time zone of its venue."),
        ({"timezone": "Mars/Olympus"}, "timezone", "Unknown IANA time zone."),
        ({"start": "2017-11-14T10:00:00"}, "start",
         "Timed events take a date-time with its UTC offset: 2017-11-14T10:00:00+03:00."),
        ({"all_day": True, "start": "2017-11-15", "end": "2017-11-14"}, "end", "The last day is before the first day."),
        ({"date_precision": "month", "all_day": True, "start": "2015-06-14", "end": None}, "start",
         "Only the month is known: give the first day of the month (2015-06-01), not a day the sources do not state."),
        ({"published": False, "publish_at": "2017-11-13T12:00:00Z"}, "publish_at",
         "An embargo applies to a published event: tick “published”, or clear the embargo time."),
        ({"type": "forum"}, "visit_level", "Only visits have a visit level; “Forum” is not a visit type."),
        ({"colour": "red"}, "colour", "Unknown field."),
    ],
)  # fmt: skip
def test_validation_is_the_models_with_a_message_per_field(staff_client, seed, change, field, message):
    response = post(staff_client, {**NEW_EVENT, "tags": [], **change})

    assert response.status_code == 400
    assert response.json()[field] == [message]
    assert not Event.objects.filter(title_en=NEW_EVENT["title_en"]).exists()


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("{not json", "application/json", 400),
        ("[" * 100000 + "]" * 100000, "application/json", 400),
        ("title_en=x", "application/x-www-form-urlencoded", 415),
        ('{"title_en": "' + "x" * (1024 * 1024 + 10) + '"}', "application/json", 413),
        ("[]", "application/json", 400),
    ],
    ids=["malformed", "deep", "form", "huge", "array"],
)
def test_bad_bodies_get_4xx_and_write_nothing(staff_client, body, content_type, status):
    response = staff_client.post(LIST, body, content_type=content_type)

    assert response.status_code == status
    assert Event.objects.count() == 0


def test_patch_changes_one_field_and_bumps_sequence_when_material(staff_client, seed):
    url = f"{LIST}minsk-days-in-moscow-2017/"

    text = staff_client.patch(url, json.dumps({"description_en": "New text"}), content_type="application/json")
    title = staff_client.patch(url, json.dumps({"title_en": "Minsk Days"}), content_type="application/json")

    assert (text.status_code, text.json()["sequence"]) == (200, 0)
    assert (title.status_code, title.json()["sequence"]) == (200, 1)
    assert Event.objects.get(slug="minsk-days-in-moscow-2017").description_en == "New text"


def test_if_match_refuses_a_write_on_a_changed_event(staff_client, seed):
    url = f"{LIST}minsk-days-in-moscow-2017/"
    etag = staff_client.patch(url, json.dumps({}), content_type="application/json")["ETag"]
    event = Event.objects.get(slug="minsk-days-in-moscow-2017")
    event.title_en = "Changed by a colleague"
    event.save()

    stale = staff_client.patch(url, json.dumps({"title_en": "Mine"}), content_type="application/json",
                               HTTP_IF_MATCH=etag)  # fmt: skip
    fresh_etag = staff_client.patch(url, json.dumps({}), content_type="application/json")["ETag"]
    fresh = staff_client.patch(url, json.dumps({"title_en": "Mine"}), content_type="application/json",
                               HTTP_IF_MATCH=fresh_etag)  # fmt: skip

    assert stale.status_code == 412
    assert Event.objects.get(pk=event.pk).title_en == "Mine"
    assert fresh.status_code == 200


def test_staff_can_edit_and_delete_drafts(staff_client):
    draft = AllDayEventFactory(is_published=False)

    edited = staff_client.patch(
        f"{LIST}{draft.slug}/", json.dumps({"published": True}), content_type="application/json"
    )
    deleted = staff_client.delete(f"{LIST}{draft.slug}/")

    assert (edited.status_code, edited.json()["published"], deleted.status_code) == (200, True, 204)
    assert not Event.objects.filter(pk=draft.pk).exists()


def test_put_replaces_the_event(staff_client, seed):
    url = f"{LIST}minsk-days-in-moscow-2017/"
    body = {**NEW_EVENT, "tags": [], "all_day": True, "date_precision": "month", "start": "2017-10-01", "end": None,
            "timezone": "", "type": "culture-days", "visit_level": "", "title_en": "Minsk Days in Moscow"}  # fmt: skip

    response = staff_client.put(url, json.dumps(body), content_type="application/json")

    assert response.status_code == 200, response.json()
    assert (response.json()["start"], response.json()["end"]) == ("2017-10-01", "2017-10-31")


def test_session_writes_need_csrf(officer, seed):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(officer)

    response = post(client, {**NEW_EVENT, "tags": []})

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_write_to_place_reuses_an_existing_venue(staff_client):
    venue = VenueFactory(city_en="Moscow", country="RU")

    post(staff_client, {**NEW_EVENT, "tags": []})

    assert Event.objects.get().venue == venue


# Schema


def test_openapi_schema_is_valid(tmp_path):
    target = tmp_path / "schema.yml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    assert "/api/events/{slug}/" in target.read_text()


def test_docs_page_serves_without_outside_assets(api_client):
    response = api_client.get("/api/docs/")

    assert response.status_code == 200
    assert b"cdn.jsdelivr.net" not in response.content


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"published": 0}, "published", "Must be a valid boolean."),
        ({"title_en": 0}, "title_en", "Not a valid string."),
        ({"tags": {}}, "tags", "Send a list."),
        ({"tags": [0]}, "tags", "Give a list of slugs."),
        ({"latitude": "1.5", "longitude": 2}, "latitude", "Send a number."),
        ({"series": ""}, "series", "Give a slug, or null."),
        ({"parent": 0}, "parent", "Give a slug, or null."),
    ],
)
def test_values_of_the_wrong_json_type_are_refused_not_converted(staff_client, change, field, message):
    response = post(staff_client, {**NEW_EVENT, "tags": [], **change})

    assert response.status_code == 400
    assert response.json()[field] == [message]


def test_unknown_api_address_answers_json_404(api_client):
    response = api_client.get("/api/events/.exe/")

    assert (response.status_code, response.json()) == (404, {"detail": "Not found."})


def test_read_then_write_with_the_read_etag_and_refuse_a_stale_one(staff_client, seed):
    url = f"{LIST}minsk-days-in-moscow-2017/"
    etag = staff_client.get(url)["ETag"]

    first = staff_client.patch(url, json.dumps({"title_en": "Minsk Days"}), content_type="application/json",
                               HTTP_IF_MATCH=etag)  # fmt: skip
    second = staff_client.patch(url, json.dumps({"title_en": "Other"}), content_type="application/json",
                                HTTP_IF_MATCH=etag)  # fmt: skip

    assert (first.status_code, second.status_code) == (200, 412)
    assert Event.objects.get(slug="minsk-days-in-moscow-2017").title_en == "Minsk Days"


def test_patching_coordinates_keeps_the_place_and_moves_no_shared_venue(staff_client):
    minsk = VenueFactory(city_en="Minsk", country="BY", timezone="Europe/Minsk")
    event, neighbour = AllDayEventFactory(venue=minsk), AllDayEventFactory(venue=minsk)

    response = staff_client.patch(
        f"{LIST}{event.slug}/", json.dumps({"country": "BY"}), content_type="application/json"
    )
    lone = staff_client.patch(f"{LIST}{event.slug}/", json.dumps({"latitude": 10.5}), content_type="application/json")

    assert (response.json()["city"], response.json()["country"]) == ("Minsk", "BY")
    assert lone.json() == {"longitude": ["Give both latitude and longitude, or neither."]}
    neighbour.refresh_from_db()
    assert (neighbour.venue, neighbour.venue.latitude) == (minsk, None)


def test_patching_only_the_end_keeps_the_start(staff_client, seed):
    url = f"{LIST}makei-visit-to-moscow-2017/"

    response = staff_client.patch(url, json.dumps({"end": "2017-06-06"}), content_type="application/json")

    assert (response.status_code, response.json()["start"], response.json()["end"]) == (200, "2017-06-04", "2017-06-06")


def test_nested_unknown_fields_and_client_uids(staff_client):
    nested = post(staff_client, {**NEW_EVENT, "tags": [], "participants": [{"name": "X", "bogus": 1}]})
    with_uid = post(staff_client, {**NEW_EVENT, "tags": [], "uid": "0123@partner.example.org"})

    assert nested.json() == {"participants": {"0": {"bogus": ["Unknown field."]}}}
    assert with_uid.json()["uid"] == "0123@partner.example.org"


def test_drafts_leak_into_no_vocabulary_and_no_parent_link(api_client):
    draft_parent = AllDayEventFactory(is_published=False, slug="secret-visit")
    child = AllDayEventFactory(parent=draft_parent)
    ParticipationFactory(event=draft_parent, person=PersonFactory(slug="secret-visitor"))

    assert api_client.get(f"{LIST}{child.slug}/").json()["parent"] is None
    assert [person["slug"] for person in api_client.get("/api/people/").json()] == []
    assert b"secret" not in api_client.get("/feeds/events.ics?from=2000-01-01").content.lower()
    assert api_client.get("/api/events/?person=secret-visitor").status_code == 400


def test_undated_events_come_last_on_every_database(api_client, seed):
    slugs = [event["slug"] for event in api_client.get(f"{LIST}?page_size=100").json()["results"]]

    assert slugs[0] == "first-forum-of-regions-2014"
    assert slugs[-1] == "slavic-bazaar-in-vitebsk"


def test_the_uid_of_an_event_never_changes(staff_client, seed):
    url = f"{LIST}minsk-days-in-moscow-2017/"

    response = staff_client.patch(url, json.dumps({"uid": "another"}), content_type="application/json")

    assert response.json() == {"uid": ["An event's UID never changes."]}


def test_a_new_draft_is_counted_at_once_in_the_staff_listing(staff_client):
    AllDayEventFactory(is_published=False)
    first = staff_client.get("/api/events/?include=unpublished").json()["count"]
    AllDayEventFactory(is_published=False)
    # Hidden work moves no public key, but the staff's counts key on every change.
    assert (first, staff_client.get("/api/events/?include=unpublished").json()["count"]) == (1, 2)


@pytest.mark.parametrize(
    "start", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59", "2201-01-01T10:00:00+03:00"]
)
def test_a_time_beyond_the_calendars_years_is_a_400_naming_the_field(seed, staff_client, start):
    body = {**NEW_EVENT, "all_day": False, "start": start, "end": None, "timezone": "Pacific/Kiritimati"}
    response = staff_client.post("/api/events/", body, format="json")
    assert (response.status_code, response.json()) == (400, {"start": ["Give a year between 1800 and 2200."]})
