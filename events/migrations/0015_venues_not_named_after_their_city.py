"""Venues whose name only repeats their city or country ("Minsk" in Minsk: "Minsk, Minsk, Belarus" on every page).

The name is left out, as Venue.normalise now does at every save: the venue is the city itself. When the city is a
venue already (without a name), the events move to that one and the repeating venue goes, so that a city is one
venue. The events whose place reads differently count a new SEQUENCE, so that calendar clients take it.
"""

from django.db import migrations, models
from django.utils import timezone

from events.models.vocabulary import names_only_the_place


def code(venue) -> str:
    return str(getattr(venue.country, "code", venue.country) or "")


def cities(venue) -> set[str]:
    return {" ".join(str(city or "").split()).casefold() for city in (venue.city_en, venue.city_ru)} - {""}


def fix_venues(apps, schema_editor):
    Venue, Event = apps.get_model("events", "Venue"), apps.get_model("events", "Event")
    venues = list(Venue.objects.order_by("pk"))
    cleared = []
    for venue in venues:
        names = {}
        for field in ("name_en", "name_ru"):
            name = getattr(venue, field)
            if name and names_only_the_place(name, (venue.city_en, venue.city_ru), code(venue)):
                names[field] = ""
        if names:
            for field, value in names.items():
                setattr(venue, field, value)
            venue.name = venue.name_en or venue.name_ru or ""
            cleared.append(venue)
    if not cleared:
        return
    changed_events = set()
    for venue in cleared:
        keeper = None
        if not venue.name_en and not venue.name_ru:
            keeper = next(
                (
                    other
                    for other in venues
                    if other.pk != venue.pk
                    and other.pk is not None
                    and not other.name_en
                    and not other.name_ru
                    and code(other) == code(venue)
                    and (cities(other) & cities(venue) if cities(venue) else not cities(other))
                ),
                None,
            )
        events = set(Event.objects.filter(venue_id=venue.pk).values_list("pk", flat=True))
        changed_events |= events
        if keeper is not None:
            Event.objects.filter(pk__in=events).update(venue_id=keeper.pk)
            venue.delete()
            venue.pk = None
        else:
            venue.save(update_fields=["name", "name_en", "name_ru"])
    Event.objects.filter(pk__in=changed_events).update(
        sequence=models.F("sequence") + 1, lock_version=models.F("lock_version") + 1, updated_at=timezone.now()
    )
    # Pages and feeds kept with the old place must not be served again.
    apps.get_model("events", "DataVersion").objects.filter(pk=1).update(number=models.F("number") + 1)


class Migration(migrations.Migration):
    dependencies = [("events", "0014_event_slug_history_and_fixed_slugs")]

    operations = [migrations.RunPython(fix_venues, migrations.RunPython.noop)]
