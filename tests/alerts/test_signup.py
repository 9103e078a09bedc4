"""Asking for alerts, confirming them (double opt-in), changing and stopping them: the pages and what they do."""

import datetime as dt
import re

import pytest
from django.test import Client

from events import freshness
from events.alert_runs import send_alerts
from events.models import Alert, AlertMessage, Event

from .conftest import text
from .helpers import MONDAY, at, confirmed_alert, save_at, visit

pytestmark = pytest.mark.django_db

HOUR = dt.timedelta(hours=1)


def sign_up(client: Client, email: str = "reporter@example.org", query: str = "type=visit", **fields):
    data = {"email": email, "frequency": "immediate", "language": "en", **fields}
    return client.post(f"/alerts/?{query}", data, REMOTE_ADDR=fields.pop("address", "192.0.2.1"))


def link(message_text: str, ending: str) -> str:
    """The path of the message's link that ends so."""
    [url] = re.findall(rf"https?://testserver(\S+{re.escape(ending)})$", message_text, flags=re.MULTILINE)
    return url


def test_the_sign_up_page_names_the_selection_and_asks_for_an_address():
    visit()
    page = Client().get("/alerts/?type=visit")

    html = page.content.decode()
    assert (page.status_code, page.context["selection"]) == (200, "Visits")
    assert '<input type="email" name="email"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_an_alert_starts_only_once_its_owner_confirms_it_from_the_message(smtp):
    visit()
    client = Client()
    with at(MONDAY):
        asked = sign_up(client)
        send_alerts()
    [confirmation] = smtp.messages
    body = text(confirmation)
    confirm = link(body, "/confirm/")
    alert = Alert.objects.get()

    assert (asked.status_code, alert.confirmed_at) == (200, None)
    assert "Check your mailbox" in asked.content.decode()
    assert confirmation["Subject"] == "Confirm your e-mail alerts: Visits"
    assert body == (
        "Someone, probably you, asked for e-mail alerts of this calendar's changes to be sent to "
        "reporter@example.org:\n\n    Visits\n    (as soon as something changes)\n\n"
        "To start receiving them, open this address and press “Confirm”:\n"
        f"http://testserver/alerts/{alert.token}/confirm/\n\n"
        "If you did not ask for them, do nothing: the address will be deleted within 48 hours and you will receive "
        "nothing more.\n\n-- \nDiplomatic events calendar\n\n"
    )

    # A change before the confirmation is not sent; opening the link (as a mail scanner does) confirms nothing.
    save_at(MONDAY + HOUR, Event.objects.get(), status=Event.Status.POSTPONED)
    opened = client.get(confirm)
    with at(MONDAY + 2 * HOUR):
        unconfirmed = send_alerts()
        confirmed = client.post(confirm, {"action": "confirm"})
    save_at(MONDAY + 3 * HOUR, Event.objects.get(), status=Event.Status.CONFIRMED)
    with at(MONDAY + 4 * HOUR):
        after = send_alerts()

    assert (opened.status_code, unconfirmed.queued) == (200, 0)
    assert (confirmed.status_code, confirmed["Location"]) == (302, f"/alerts/{alert.token}/?confirmed=1")
    assert Alert.objects.get().confirmed_at == MONDAY + 2 * HOUR
    assert (after.sent, smtp.messages[-1]["Subject"]) == (1, "Restored: Visit to Minsk")


def test_asking_again_before_confirming_sends_a_new_confirmation_for_the_same_alert():
    client = Client()
    sign_up(client)
    sign_up(client)

    assert (Alert.objects.count(), AlertMessage.objects.filter(kind="confirm").count()) == (1, 2)


def test_confirming_a_new_alert_of_a_selection_replaces_the_older_one_of_the_same_address():
    older = confirmed_alert()
    client = Client()
    sign_up(client, email="Reporter@example.org", frequency="daily")
    newer = Alert.objects.get(confirmed_at=None)

    client.post(f"/alerts/{newer.token}/confirm/", {"action": "confirm"})

    assert list(Alert.objects.values_list("pk", "frequency")) == [(newer.pk, "daily")]
    assert not Alert.objects.filter(pk=older.pk).exists()


def test_not_me_deletes_the_address_before_anything_is_sent():
    client = Client()
    sign_up(client)
    alert = Alert.objects.get()

    answer = client.post(f"/alerts/{alert.token}/confirm/", {"action": "delete"})

    assert (answer.status_code, Alert.objects.count(), AlertMessage.objects.count()) == (200, 0, 0)


@pytest.mark.parametrize(
    ("query", "email", "expected"),
    [
        ("type=visit", "not an address", "Enter a valid email address."),
        ("type=visit", "", "This field is required."),
    ],
)
def test_a_bad_address_is_refused_with_a_message_and_nothing_is_kept(query, email, expected):
    answer = sign_up(Client(), email=email, query=query)

    assert (answer.status_code, expected in answer.content.decode(), Alert.objects.count()) == (400, True, 0)


def test_filters_that_name_no_selection_are_refused():
    answers = [Client().get("/alerts/?from=yesterday"), sign_up(Client(), query="country=XX")]

    assert [answer.status_code for answer in answers] == [400, 400]
    assert Alert.objects.count() == 0


def test_sign_ups_are_limited_per_network_address(settings):
    settings.EVENTS_ALERTS_SIGNUP_RATE = "3/h"
    client = Client()
    answers = [sign_up(client, email=f"reader{number}@example.org").status_code for number in range(4)]
    other_network = sign_up(client, email="colleague@example.org", address="198.51.100.7")

    assert (answers, other_network.status_code, Alert.objects.count()) == ([200, 200, 200, 429], 200, 4)


def test_confirmation_messages_to_one_address_are_limited(settings):
    settings.EVENTS_ALERTS_ADDRESS_RATE = "2/d"
    client = Client()
    answers = [
        sign_up(client, query=query, address=f"192.0.2.{number}").status_code
        for number, query in enumerate(("type=visit", "country=BY", "country=RU"))
    ]

    assert (answers, AlertMessage.objects.count()) == ([200, 200, 429], 2)
    assert Client().post("/alerts/", {"email": "x"}, REMOTE_ADDR="192.0.2.9").status_code == 400


def test_an_address_has_at_most_the_configured_number_of_alerts(settings):
    settings.EVENTS_ALERTS_PER_ADDRESS = 1
    confirmed_alert()

    answer = sign_up(Client(), query="country=BY")

    assert answer.status_code == 400
    assert "This address already has as many alerts as one address may have (1)." in answer.content.decode()


def test_the_owner_changes_how_often_and_the_language_of_an_alert():
    alert = confirmed_alert()
    client = Client()

    page = client.get(f"/alerts/{alert.token}/")
    saved = client.post(f"/alerts/{alert.token}/", {"action": "save", "frequency": "daily", "language": "ru"})

    assert (page.status_code, page["Cache-Control"]) == (200, "max-age=0, no-cache, no-store, must-revalidate, private")
    assert (saved.status_code, "Saved." in saved.content.decode()) == (200, True)
    assert Alert.objects.values_list("frequency", "language").get() == ("daily", "ru")


def test_the_owner_deletes_an_alert_and_its_address_with_it():
    alert = confirmed_alert()

    answer = Client().post(f"/alerts/{alert.token}/", {"action": "delete"})

    assert (answer.status_code, Alert.objects.count()) == (200, 0)
    assert "no longer keeps the address" in answer.content.decode()


def test_the_unsubscribe_link_asks_before_it_acts_and_a_second_click_says_it_is_done():
    alert = confirmed_alert()
    client = Client()
    path = f"/alerts/{alert.token}/unsubscribe/"

    page = client.get(path)
    kept = Alert.objects.count()
    answers = [client.post(path).status_code, client.post(path).status_code, client.get(path).status_code]

    assert (page.status_code, kept, answers, Alert.objects.count()) == (200, 1, [200, 200, 200], 0)


@pytest.mark.parametrize("suffix", ["", "confirm/", "unsubscribe/"])
def test_a_link_with_a_forged_token_finds_nothing(suffix):
    alert = confirmed_alert()
    forged = alert.key + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

    answers = [Client().get(f"/alerts/{forged}/{suffix}"), Client().post(f"/alerts/{forged}/{suffix}")]

    assert [answer.status_code for answer in answers] == [404, 404]
    assert Alert.objects.count() == 1


def test_every_subscribe_block_links_the_alerts_of_its_selection():
    visit()

    html = Client().get("/events/?type=visit").content.decode()

    assert '<a href="/alerts/?type=visit">by e-mail</a>' in html


def test_asking_confirming_sending_and_stopping_alerts_leave_the_data_version_alone(smtp):
    visit()
    client = Client()
    before = freshness.current()

    with at(MONDAY):
        sign_up(client)
        alert = Alert.objects.get()
        client.post(f"/alerts/{alert.token}/confirm/", {"action": "confirm"})
        send_alerts()
        client.post(f"/alerts/{alert.token}/unsubscribe/")

    after = freshness.current()
    # Anyone may ask for an alert: a sign-up must not empty every cache of the site.
    assert (after.number, after.edits, len(smtp.messages)) == (before.number, before.edits, 1)


def test_long_typed_filters_make_a_short_subject_and_no_link_of_a_stranger(smtp):
    city = "x" * 100
    words = "visit http://evil.example/login " + "longword" * 20

    with at(MONDAY):
        answer = sign_up(Client(), query=f"city={city}&q={words}")
        send_alerts()

    [message] = smtp.messages
    assert answer.status_code == 200
    assert message["Subject"].strip() == (
        "Confirm your e-mail alerts: Diplomatic events · xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx · «visit http: "
        "//evil.example/login longword»"
    )
    assert "://evil" not in text(message)


def test_an_alert_stopped_while_its_page_was_open_is_not_brought_back_by_saving_it():
    alert = confirmed_alert()
    client = Client()
    client.get(f"/alerts/{alert.token}/")
    Alert.objects.filter(pk=alert.pk).update(sent_until=MONDAY + HOUR)  # a run moved the cursor meanwhile

    saved = client.post(f"/alerts/{alert.token}/", {"action": "save", "frequency": "daily", "language": "en"})
    cursor = Alert.objects.get().sent_until
    Alert.objects.all().delete()
    stale = client.post(f"/alerts/{alert.token}/", {"action": "save", "frequency": "daily", "language": "en"})

    assert (saved.status_code, cursor, stale.status_code, Alert.objects.count()) == (200, MONDAY + HOUR, 404, 0)


def test_asking_again_gives_the_address_its_full_time_to_confirm():
    client = Client()
    with at(MONDAY):
        sign_up(client)
    with at(MONDAY + dt.timedelta(hours=47)):
        sign_up(client)
    with at(MONDAY + dt.timedelta(hours=50)):
        report = send_alerts(deliver=False)

    assert (report.forgotten, Alert.objects.count()) == (0, 1)


def test_a_new_alert_of_a_selection_replaces_the_others_taking_on_the_older_ones_cursor_and_unsent_messages():
    older = confirmed_alert(moment=MONDAY)
    AlertMessage.objects.create(alert=older, kind="changes", window_end=MONDAY, subject="Old", body="Old")
    client = Client()
    with at(MONDAY + HOUR):
        sign_up(client, frequency="immediate", language="ru")  # another request, never confirmed
    with at(MONDAY + 2 * HOUR):
        sign_up(client, frequency="daily")
        newer = Alert.objects.get(confirmed_at=None, frequency="daily")
        client.post(f"/alerts/{newer.token}/confirm/", {"action": "confirm"})

    newer.refresh_from_db()
    assert (Alert.objects.count(), newer.sent_until, newer.frequency) == (1, MONDAY, "daily")
    assert list(AlertMessage.objects.filter(kind="changes").values_list("alert", "subject")) == [(newer.pk, "Old")]


@pytest.mark.parametrize(
    ("addresses", "expected"),
    [
        (("2001:db8::1", "2001:db8::2"), [200, 429]),  # one /64: one subscriber line
        (("2001:db8::1", "2001:db8:0:1::1"), [200, 200]),
    ],
)
def test_sign_ups_from_ipv6_are_counted_by_their_64_bit_network(settings, addresses, expected):
    settings.EVENTS_ALERTS_SIGNUP_RATE = "1/h"

    answers = [sign_up(Client(), email=f"r{k}@example.org", address=a).status_code for k, a in enumerate(addresses)]

    assert answers == expected


def test_behind_a_proxy_sign_ups_are_counted_by_the_address_it_forwards(settings):
    settings.EVENTS_ALERTS_SIGNUP_RATE = "1/h"
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    client = Client()

    answers = [
        client.post("/alerts/?type=visit", {"email": f"r{k}@example.org", "frequency": "daily", "language": "en"},
                    REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded).status_code
        for k, forwarded in enumerate(("192.0.2.10", "192.0.2.11", "192.0.2.10"))
    ]  # fmt: skip

    assert answers == [200, 200, 429]
