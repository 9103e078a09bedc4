"""No lost edits: two officers saving the same event, the change history, and restoring a version."""

import datetime as dt
import os
import threading

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from events import feedcache
from events.models import EditConflict, Event, Participation, Venue

from .factories import AllDayEventFactory, ParticipationFactory, PersonFactory
from .formdata import form_data

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="two real connections racing for one row: PostgreSQL (the production database)",
)


def change_url(event) -> str:
    return f"/admin/events/event/{event.pk}/change/"


def officer(name: str) -> Client:
    user = User.objects.create_superuser(name, f"{name}@example.org", "secret", first_name=name.title())
    client = Client()
    client.force_login(user)
    return client


def opened_form(client: Client, event) -> dict:
    """The change form as the officer's browser would post it, unchanged."""
    return form_data(client.get(change_url(event)).content.decode(), "event_form")


def errors_of(response) -> list[str]:
    return [str(error) for error in response.context["adminform"].form.non_field_errors()]


def test_second_officer_saving_an_older_copy_is_refused_with_what_changed_and_keeps_the_first_save():
    event = AllDayEventFactory(title_en="Talks in Moscow", title_ru="Переговоры в Москве")
    alice, boris = officer("alice"), officer("boris")
    alices_form, boris_form = opened_form(alice, event), opened_form(boris, event)

    saved = alice.post(change_url(event), {**alices_form, "title_en": "Talks in Minsk"})
    refused = boris.post(change_url(event), {**boris_form, "summary_en": "On trade."})

    assert saved.status_code == 302
    assert refused.status_code == 200
    errors = errors_of(refused)
    assert errors[0].startswith("Alice saved this event at ")
    assert errors[0].endswith(
        " UTC while you were editing it, so your changes were not saved. They are still in the form below."
    )
    assert errors[1:] == [
        "Their changes:",
        "Title [en]: Talks in Moscow → Talks in Minsk",
        "Save again to replace their version with yours, or reload the page to start again from theirs.",
    ]
    stored = Event.objects.get(pk=event.pk)
    assert (stored.title_en, stored.summary_en or "", stored.sequence, stored.lock_version) == (
        "Talks in Minsk",
        "",
        1,
        1,
    )
    # Boris's text is still in the form, to save again knowingly.
    assert refused.context["adminform"].form["summary_en"].value() == "On trade."


def test_saving_again_after_the_conflict_message_is_a_deliberate_overwrite():
    event = AllDayEventFactory(title_en="Talks in Moscow")
    alice, boris = officer("alice"), officer("boris")
    alices_form, boris_form = opened_form(alice, event), opened_form(boris, event)
    alice.post(change_url(event), {**alices_form, "title_en": "Talks in Minsk"})
    refused = boris.post(change_url(event), {**boris_form, "title_en": "Talks in Sochi"})

    again = boris.post(change_url(event), form_data(refused.content.decode(), "event_form"))

    assert again.status_code == 302
    assert Event.objects.values_list("title_en", "lock_version").get(pk=event.pk) == ("Talks in Sochi", 2)


def test_the_russian_conflict_message():
    event = AllDayEventFactory(title_en="Talks in Moscow")
    alice, boris = officer("alice"), officer("boris")
    alices_form, boris_form = opened_form(alice, event), opened_form(boris, event)
    alice.post(change_url(event), {**alices_form, "title_en": "Talks in Minsk"})

    refused = boris.post(f"/ru{change_url(event)}", boris_form)

    errors = errors_of(refused)
    assert errors[0].startswith("Alice сохранил(а) это событие ")
    assert errors[1] == "Их изменения:"


def test_an_officer_saving_an_event_deleted_meanwhile_is_told_so_and_nothing_is_recreated():
    event = AllDayEventFactory()
    boris = officer("boris")
    boris_form = opened_form(boris, event)
    Event.objects.filter(pk=event.pk).delete()

    response = boris.post(change_url(event), boris_form, follow=True)

    assert not Event.objects.filter(pk=event.pk).exists()
    assert response.status_code == 200


def test_history_page_lists_each_version_with_who_and_old_and_new_values():
    event = AllDayEventFactory(title_en="Talks in Moscow")
    alice = officer("alice")
    alice.post(change_url(event), {**opened_form(alice, event), "title_en": "Talks in Minsk"})
    alice.post(change_url(event), {**opened_form(alice, event), "status": "postponed"})

    page = alice.get(f"/admin/events/event/{event.pk}/history/")

    records = list(page.context["page_obj"])
    assert [(record.lock_version, str(record.history_user)) for record in records] == [
        (2, "alice"),
        (1, "alice"),
        (0, "None"),
    ]
    assert [record.history_delta_changes for record in records[:2]] == [
        [{"field": "Status", "old": "confirmed", "new": "postponed"}],
        [{"field": "Title [en]", "old": "Talks in Moscow", "new": "Talks in Minsk"}],
    ]
    assert "<strong>Title [en]:</strong> Talks in Moscow &rarr; Talks in Minsk" in page.content.decode()


def test_history_page_shows_participant_changes():
    event = AllDayEventFactory()
    person = PersonFactory(name_en="Vladimir Makei")
    alice = officer("alice")
    form = opened_form(alice, event)
    form.update(
        {
            "participations-TOTAL_FORMS": "1",
            "participations-0-person": str(person.pk),
            "participations-0-role": "guest",
            "participations-0-position_en": "Minister of Foreign Affairs",
            "participations-0-order": "0",
        }
    )
    assert alice.post(change_url(event), form).status_code == 302

    page = alice.get(f"/admin/events/event/{event.pk}/history/")

    assert [
        (str(record.person), record.history_type, str(record.history_user))
        for record in page.context["participant_changes"]
    ] == [("Vladimir Makei", "+", "alice")]


def test_restoring_an_earlier_version_saves_it_as_the_newest_and_calendar_clients_see_the_change():
    event = AllDayEventFactory(title_en="Talks in Moscow")
    alice = officer("alice")
    alice.post(change_url(event), {**opened_form(alice, event), "title_en": "Talks in Minsk"})
    first = Event.history.get(id=event.pk, lock_version=0)
    revert_url = f"/admin/events/event/{event.pk}/history/{first.history_id}/"

    restored = alice.post(revert_url, form_data(alice.get(revert_url).content.decode(), "historicalevent_form"))

    assert restored.status_code == 302
    stored = Event.objects.get(pk=event.pk)
    assert (stored.title_en, stored.sequence, stored.lock_version) == ("Talks in Moscow", 2, 2)
    assert Event.history.filter(id=event.pk).count() == 3


def test_restoring_a_version_over_a_save_made_meanwhile_is_refused():
    event = AllDayEventFactory(title_en="Talks in Moscow")
    alice, boris = officer("alice"), officer("boris")
    alice.post(change_url(event), {**opened_form(alice, event), "title_en": "Talks in Minsk"})
    first = Event.history.get(id=event.pk, lock_version=0)
    revert_url = f"/admin/events/event/{event.pk}/history/{first.history_id}/"
    restore_form = form_data(alice.get(revert_url).content.decode(), "historicalevent_form")
    boris.post(change_url(event), {**opened_form(boris, event), "title_en": "Talks in Sochi"})

    refused = alice.post(revert_url, restore_form)

    assert refused.status_code == 200
    assert errors_of(refused)[0].startswith("Boris saved this event at ")
    assert Event.objects.values_list("title_en", flat=True).get(pk=event.pk) == "Talks in Sochi"


def test_api_write_that_lost_the_race_after_its_read_is_refused_with_409_and_writes_nothing():
    event = AllDayEventFactory(title_en="Talks in Moscow", is_published=True)
    client = APIClient()
    client.force_authenticate(User.objects.create_superuser("api", "api@example.org", "secret"))
    landed = []

    def another_save_lands_meanwhile(sender, instance, created, **kwargs):
        # While this request writes (it creates the new venue first), another officer's save of the event lands.
        # On this request's own connection it is undone with the refused write; on a second one it would stay.
        landed.append(instance.city_en)
        Event.objects.filter(pk=event.pk).update(lock_version=F("lock_version") + 1, title_en="Talks in Minsk")

    post_save.connect(another_save_lands_meanwhile, sender=Venue, dispatch_uid="test-another-save")
    try:
        response = client.patch(
            f"/api/events/{event.slug}/", {"summary_en": "On trade.", "city": "Sochi", "country": "RU"}, format="json"
        )
    finally:
        post_save.disconnect(sender=Venue, dispatch_uid="test-another-save")

    assert (response.status_code, landed) == (409, ["Sochi"])
    stored = Event.objects.get(pk=event.pk)
    assert (stored.title_en, stored.summary_en or "", stored.venue_id) == ("Talks in Moscow", "", event.venue_id)
    assert not Venue.objects.filter(city_en="Sochi").exists()


def test_api_write_with_the_etag_read_before_another_save_is_refused_with_412_and_writes_nothing():
    event = AllDayEventFactory(title_en="Talks in Moscow", is_published=True)
    client = APIClient()
    client.force_authenticate(User.objects.create_superuser("api", "api@example.org", "secret"))
    etag = client.get(f"/api/events/{event.slug}/")["ETag"]
    copy = Event.objects.get(pk=event.pk)
    copy.title_en = "Talks in Minsk"
    copy.save()

    response = client.patch(
        f"/api/events/{event.slug}/", {"summary_en": "On trade."}, format="json", HTTP_IF_MATCH=etag
    )

    assert response.status_code == 412
    stored = Event.objects.get(pk=event.pk)
    assert (stored.title_en, stored.summary_en or "", stored.lock_version) == ("Talks in Minsk", "", 1)


def race(*actions):
    """Run the actions at the same moment, each in its own thread with its own database connection."""
    start = threading.Barrier(len(actions))
    results: list = [None] * len(actions)

    def run(index, action):
        try:
            start.wait()
            results[index] = action()
        except Exception as error:  # the test asserts what each one ended with
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, action)) for index, action in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_connections_saving_the_same_read_at_once_one_wins_and_sequence_counts_it_once():
    event = AllDayEventFactory(title_en="Talks in Moscow")

    def save_title(title):
        def action():
            with transaction.atomic():
                copy = Event.objects.get(pk=event.pk)
                copy.title_en = title
                copy.save()
            return title

        return action

    results = race(save_title("Talks in Minsk"), save_title("Talks in Sochi"))

    winners = [result for result in results if isinstance(result, str)]
    assert len(winners) == 1
    assert sum(isinstance(result, EditConflict) for result in results) == 1
    stored = Event.objects.get(pk=event.pk)
    assert (stored.title_en, stored.sequence, stored.lock_version) == (winners[0], 1, 1)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_officers_posting_the_admin_form_at_once_one_is_saved_and_the_other_refused():
    event = AllDayEventFactory(title_en="Talks in Moscow")
    alice, boris = officer("alice"), officer("boris")
    alices_form, boris_form = opened_form(alice, event), opened_form(boris, event)

    responses = race(
        lambda: alice.post(change_url(event), {**alices_form, "title_en": "Talks in Minsk"}),
        lambda: boris.post(change_url(event), {**boris_form, "title_en": "Talks in Sochi"}),
    )

    assert sorted(response.status_code for response in responses) == [200, 302]
    saved = "Talks in Minsk" if responses[0].status_code == 302 else "Talks in Sochi"
    refused = responses[0] if responses[0].status_code == 200 else responses[1]
    assert errors_of(refused)[2] == f"Title [en]: Talks in Moscow → {saved}"
    assert Event.objects.values_list("title_en", "sequence", "lock_version").get(pk=event.pk) == (saved, 1, 1)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_api_clients_writing_with_the_same_etag_at_once_one_gets_412():
    event = AllDayEventFactory(title_en="Talks in Moscow", is_published=True)
    staff = User.objects.create_superuser("api", "api@example.org", "secret")
    etag = APIClient().get(f"/api/events/{event.slug}/")["ETag"]

    def patch(title):
        def action():
            client = APIClient()
            client.force_authenticate(staff)
            return client.patch(f"/api/events/{event.slug}/", {"title_en": title}, format="json", HTTP_IF_MATCH=etag)

        return action

    titles = ["Talks in Minsk", "Talks in Sochi"]
    responses = race(*(patch(title) for title in titles))

    assert sorted(response.status_code for response in responses) == [200, 412]
    saved = titles[0] if responses[0].status_code == 200 else titles[1]
    assert Event.objects.values_list("title_en", "sequence").get(pk=event.pk) == (saved, 1)
    assert Participation.objects.count() == 0


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_feed_is_written_from_one_snapshot_while_an_officer_makes_an_event_a_draft():
    event = AllDayEventFactory(title_en="Talks in Moscow", start_date=dt.date(2030, 3, 1), end_date=dt.date(2030, 3, 1))
    ParticipationFactory(event=event, person=PersonFactory(name_en="Known Minister"))

    def edited_meanwhile(ids):
        # After the selection's ids are read, another connection commits: a draft, with a secret participant.
        def edit():
            try:
                with transaction.atomic():
                    Event.objects.filter(pk=event.pk).update(is_published=False, title_en="Secret talks")
                    ParticipationFactory(event_id=event.pk, person=PersonFactory(name_en="Secret Envoy"))
            finally:
                connection.close()

        worker = threading.Thread(target=edit)
        worker.start()
        worker.join()

    written = b"".join(
        feedcache.write_public_feed(
            Event.objects.public(),
            name="Events",
            description="All",
            base_url=None,
            now=timezone.now(),
            timeout=60,
            on_chunk=edited_meanwhile,
        )
    ).replace(b"\r\n ", b"")

    # As the database was when the build began: the event public, with its one participant.
    assert b"SUMMARY:Talks in Moscow" in written
    assert b"Known Minister" in written
    assert b"Secret" not in written
    assert Event.objects.get(pk=event.pk).title_en == "Secret talks"
