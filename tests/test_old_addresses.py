"""Old addresses of events (EventDetailView, EventIcsView): a slug an event no longer has answers 301 with its own."""

import datetime as dt

import pytest
from django.utils import timezone

from events.models import Event

from .factories import AllDayEventFactory
from .formdata import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def renamed():
    """A published event whose slug a publisher changed from "consultations-2017" to "consular-talks-2017"."""
    event = AllDayEventFactory(title_en="Consultations")
    event.slug = "consular-talks-2017"
    event.save()
    return event


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/events/consultations-2017/", "/events/consular-talks-2017/"),
        ("/ru/events/consultations-2017/", "/ru/events/consular-talks-2017/"),
        ("/events/consultations-2017.ics", "/events/consular-talks-2017.ics"),
        ("/ru/events/consultations-2017.ics", "/ru/events/consular-talks-2017.ics"),
    ],
)
def test_an_old_address_answers_a_permanent_redirect_to_the_events_own(client, renamed, old, new):
    response = client.get(old)

    assert (response.status_code, response["Location"]) == (301, new)


def test_the_new_address_answers_the_page_and_the_file(client, renamed):
    page, file = client.get("/events/consular-talks-2017/"), client.get("/events/consular-talks-2017.ics")

    assert (page.status_code, page["Content-Type"], file.status_code, file["Content-Type"]) == (
        200,
        "text/html; charset=utf-8",
        200,
        "text/calendar; charset=utf-8",
    )
    assert b"Consultations" in page.content


def test_every_old_address_leads_to_the_latest_in_one_step(client, renamed):
    renamed.slug = "consular-consultations-2017"
    renamed.save()

    answers = [client.get(f"/events/{slug}/") for slug in ("consultations-2017", "consular-talks-2017")]

    assert [(answer.status_code, answer["Location"]) for answer in answers] == [
        (301, "/events/consular-consultations-2017/"),
        (301, "/events/consular-consultations-2017/"),
    ]


def test_a_redirect_costs_the_lookup_of_the_event_and_of_its_old_address(client, renamed, django_assert_num_queries):
    # The data version (the page cache's key), the event by its slug, then by its old slug.
    with django_assert_num_queries(3):
        response = client.get("/events/consultations-2017/")

    assert response.status_code == 301


def test_an_unknown_address_is_still_not_found(client, renamed):
    assert [client.get(path).status_code for path in ("/events/consultations/", "/events/consultations.ics")] == [
        404,
        404,
    ]


@pytest.mark.parametrize(
    "hide",
    [
        {"is_published": False},
        {"publish_at": dt.datetime(2099, 1, 1, tzinfo=dt.UTC)},
    ],
    ids=["unpublished", "embargoed"],
)
def test_an_old_address_of_an_event_the_public_may_not_see_is_not_found(client, renamed, hide):
    Event.objects.filter(pk=renamed.pk).update(**hide)

    answers = [client.get(path) for path in ("/events/consultations-2017/", "/events/consultations-2017.ics")]

    assert [(answer.status_code, answer.has_header("Location")) for answer in answers] == [(404, False), (404, False)]


def test_staff_are_led_from_an_old_address_to_the_preview_of_an_unpublished_event(admin_client, renamed):
    Event.objects.filter(pk=renamed.pk).update(is_published=False)

    response = admin_client.get("/events/consultations-2017/")

    assert (response.status_code, response["Location"]) == (301, "/events/consular-talks-2017/")


def test_an_address_taken_back_by_its_event_answers_the_page(client, renamed):
    renamed.slug = "consultations-2017"
    renamed.save()

    answers = [client.get(f"/events/{slug}/") for slug in ("consultations-2017", "consular-talks-2017")]

    assert [answer.status_code for answer in answers] == [200, 301]
    assert answers[1]["Location"] == "/events/consultations-2017/"


def test_the_api_leads_from_an_old_address_to_the_events_own_with_the_parameters_sent(client, renamed):
    answer = client.get("/api/events/consultations-2017/?format=json")

    assert (answer.status_code, answer["Location"]) == (301, "/api/events/consular-talks-2017/?format=json")
    assert client.get(answer["Location"]).json()["slug"] == "consular-talks-2017"


def test_the_api_does_not_lead_anonymous_clients_from_an_old_address_to_a_draft(client, renamed):
    Event.objects.filter(pk=renamed.pk).update(is_published=False)

    assert client.get("/api/events/consultations-2017/").status_code == 404


def test_the_api_does_not_write_through_an_old_address(admin_client, renamed):
    answer = admin_client.patch(
        "/api/events/consultations-2017/", {"title_en": "Talks"}, content_type="application/json"
    )

    assert (answer.status_code, Event.objects.get(pk=renamed.pk).title_en) == (404, "Consultations")


def test_restoring_a_version_in_admin_restores_its_address_and_the_later_one_redirects(admin_client, client, renamed):
    first = Event.history.filter(id=renamed.pk).order_by("history_id").first()
    url = f"/admin/events/event/{renamed.pk}/history/{first.history_id}/"
    data = form_data(admin_client.get(url).content.decode(), "historicalevent_form")

    assert admin_client.post(url, {**data, "_save": "Restore"}).status_code == 302

    answers = [client.get(f"/events/{slug}/") for slug in ("consultations-2017", "consular-talks-2017")]
    assert (Event.objects.get(pk=renamed.pk).slug, [answer.status_code for answer in answers]) == (
        "consultations-2017",
        [200, 301],
    )
    assert answers[1]["Location"] == "/events/consultations-2017/"


def test_a_draft_renamed_before_publishing_leaves_no_old_address(client):
    event = AllDayEventFactory(title_en="Consultations", is_published=False)
    event.title_en = "Consular talks"
    event.is_published = True
    event.publish_at = None
    event.save()

    answers = [client.get(f"/events/{slug}/") for slug in ("consultations-2017", "consular-talks-2017")]

    assert [answer.status_code for answer in answers] == [404, 200]


def test_the_new_address_of_a_public_event_is_served_the_minute_its_slug_changes(client):
    event = AllDayEventFactory(title_en="Consultations", start_date=timezone.now().date(), end_date=None)
    client.get(f"/events/{event.slug}/")  # kept in the page cache

    old = event.slug
    event.slug = "consular-talks"
    event.save()

    answers = [client.get(f"/events/{old}/"), client.get("/events/consular-talks/")]
    assert [answer.status_code for answer in answers] == [301, 200]
