"""events/models/addresses.py: the slug an event keeps, and the old slugs that still lead to it."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError

from events import services
from events.models import Event, EventSlugHistory

from ..factories import AllDayEventFactory

pytestmark = pytest.mark.django_db


def old_slugs() -> list[tuple[str, str]]:
    return list(EventSlugHistory.objects.order_by("slug").values_list("slug", "event__slug"))


def test_a_published_slug_changed_by_hand_stays_an_old_address_of_the_event():
    event = AllDayEventFactory(title_en="Consultations")

    event.slug = "consular-talks"
    event.save()

    assert old_slugs() == [("consultations-2017", "consular-talks")]


def test_a_slug_set_by_hand_on_a_draft_stays_an_address_when_changed_again():
    event = AllDayEventFactory(title_en="Consultations", slug="talks", is_published=False)

    event.slug = "consular-talks"
    event.save()

    assert old_slugs() == [("talks", "consular-talks")]


def test_a_draft_that_follows_its_title_keeps_no_old_address():
    event = AllDayEventFactory(title_en="Consultations", is_published=False)

    event.title_en = "Consular talks"
    event.save()

    assert (event.slug, old_slugs()) == ("consular-talks-2017", [])


def test_a_save_of_chosen_fields_leaves_the_slug_alone():
    event = AllDayEventFactory(title_en="Consultations", is_published=False)

    event.title_en = "Consular talks"
    event.save(update_fields=["title_en"])

    assert Event.objects.filter(pk=event.pk).values_list("slug", "title_en").get() == (
        "consultations-2017",
        "Consular talks",
    )


def test_an_old_address_given_back_to_its_event_is_no_old_address_any_more():
    event = AllDayEventFactory(title_en="Consultations")
    event.slug = "consular-talks"
    event.save()

    event.slug = "consultations-2017"
    event.save()

    assert old_slugs() == [("consular-talks", "consultations-2017")]


def test_a_slug_given_by_hand_that_leads_to_another_event_is_refused():
    moved = AllDayEventFactory(title_en="Consultations")
    moved.slug = "consular-talks"
    moved.save()
    other = AllDayEventFactory(title_en="Talks")

    other.slug = "consultations-2017"
    with pytest.raises(ValidationError) as refused:
        other.full_clean()

    assert refused.value.message_dict == {
        "slug": ["“consultations-2017” was the address of “Consultations” and still leads there: choose another."]
    }


def test_deleting_an_event_frees_its_old_addresses():
    event = AllDayEventFactory(title_en="Consultations")
    event.slug = "consular-talks"
    event.save()

    event.delete()

    assert old_slugs() == []


def test_only_a_publisher_changes_the_slug_of_a_published_event(django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    publisher = django_user_model.objects.create_user("publisher", password="x", is_staff=True)
    publisher.groups.add(Group.objects.get(name="Publishers"))
    event = AllDayEventFactory(title_en="Consultations", start_date=dt.date(2027, 3, 1), end_date=None)
    event.slug = "consular-talks"

    with pytest.raises(PermissionDenied):
        services.save_checked(editor, event)
    services.save_checked(publisher, event)

    assert (Event.objects.get(pk=event.pk).slug, old_slugs()) == (
        "consular-talks",
        [("consultations-2027", "consular-talks")],
    )
