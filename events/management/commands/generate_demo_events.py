"""Add N realistic synthetic, published events for demos and benchmarks.

Every type, both languages, all-day and timed events in several time zones,
month- and year-precision and undated events, every status, past and coming
years, with participants and tags. Rows are written in bulk, so 100,000
events take well under a minute on SQLite.
"""

import datetime as dt
import random
import uuid
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from events import freshness
from events.dates import local_days
from events.models import Event, EventType, Participation, Person, Tag, Venue

# city (en, ru), country, IANA zone, latitude, longitude
CITIES = [
    ("Moscow", "Москва", "RU", "Europe/Moscow", "55.755833", "37.617222"),
    ("Minsk", "Минск", "BY", "Europe/Minsk", "53.902300", "27.561900"),
    ("Vitebsk", "Витебск", "BY", "Europe/Minsk", "55.190400", "30.204900"),
    ("Mogilev", "Могилёв", "BY", "Europe/Minsk", "53.900700", "30.331400"),
    ("Saint Petersburg", "Санкт-Петербург", "RU", "Europe/Moscow", "59.938600", "30.314100"),
    ("Kaliningrad", "Калининград", "RU", "Europe/Kaliningrad", "54.710400", "20.452200"),
    ("Yekaterinburg", "Екатеринбург", "RU", "Asia/Yekaterinburg", "56.838900", "60.605700"),
    ("Vladivostok", "Владивосток", "RU", "Asia/Vladivostok", "43.115100", "131.885500"),
    ("Astana", "Астана", "KZ", "Asia/Almaty", "51.169400", "71.449100"),
    ("Yerevan", "Ереван", "AM", "Asia/Yerevan", "40.179200", "44.499100"),
    ("Bishkek", "Бишкек", "KG", "Asia/Bishkek", "42.874600", "74.569800"),
    ("Beijing", "Пекин", "CN", "Asia/Shanghai", "39.904200", "116.407400"),
    ("New Delhi", "Нью-Дели", "IN", "Asia/Kolkata", "28.613900", "77.209000"),
    ("Geneva", "Женева", "CH", "Europe/Zurich", "46.204400", "6.143200"),
    ("Vienna", "Вена", "AT", "Europe/Vienna", "48.208200", "16.373800"),
    ("New York", "Нью-Йорк", "US", "America/New_York", "40.712800", "-74.006000"),
    ("Brasília", "Бразилиа", "BR", "America/Sao_Paulo", "-15.793900", "-47.882800"),
    ("Cairo", "Каир", "EG", "Africa/Cairo", "30.044400", "31.235700"),
    ("Pretoria", "Претория", "ZA", "Africa/Johannesburg", "-25.747900", "28.229300"),
    ("Havana", "Гавана", "CU", "America/Havana", "23.113600", "-82.366600"),
]

# first names and surnames (en, ru) for synthetic officials
FIRST = [
    ("Anna", "Анна"), ("Ivan", "Иван"), ("Olga", "Ольга"), ("Pavel", "Павел"), ("Elena", "Елена"),
    ("Sergei", "Сергей"), ("Maria", "Мария"), ("Dmitry", "Дмитрий"), ("Irina", "Ирина"), ("Nikolai", "Николай"),
]  # fmt: skip
LAST = [
    ("Orlova", "Орлова"), ("Petrov", "Петров"), ("Sokolova", "Соколова"), ("Volkov", "Волков"),
    ("Lebedeva", "Лебедева"), ("Kozlov", "Козлов"), ("Novikova", "Новикова"), ("Morozov", "Морозов"),
]  # fmt: skip
POSITIONS = [
    ("Foreign Minister", "Министр иностранных дел"),
    ("Deputy Foreign Minister", "Заместитель министра иностранных дел"),
    ("Ambassador", "Посол"),
    ("Head of Delegation", "Глава делегации"),
    ("Governor", "Губернатор"),
]
TOPICS = [
    ("economic cooperation", "экономическое сотрудничество"),
    ("regional security", "региональная безопасность"),
    ("culture and education", "культура и образование"),
    ("energy", "энергетика"),
    ("migration", "миграция"),
    ("science and technology", "наука и технологии"),
]
TAGS = [
    ("eaeu", "EAEU", "ЕАЭС"),
    ("cis", "CIS", "СНГ"),
    ("csto", "CSTO", "ОДКБ"),
    ("union-state", "Union State", "Союзное государство"),
    ("un", "UN", "ООН"),
    ("osce", "OSCE", "ОБСЕ"),
]


STATUSES = (
    [Event.Status.CONFIRMED] * 16
    + [Event.Status.TENTATIVE] * 2
    + [
        Event.Status.POSTPONED,
        Event.Status.CANCELLED,
    ]
)


class DemoCity(NamedTuple):
    """A city's venue, with the zone and the names the demo's events use there."""

    venue: Venue
    zone: ZoneInfo
    city_en: str
    city_ru: str


class Command(BaseCommand):
    help = "Add N synthetic published events (all types, languages, time zones and statuses)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many events to add.")
        parser.add_argument("--seed", type=int, default=2017, help="Random seed, for repeatable data.")
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, count, seed, batch_size, **options):
        if count < 0:
            raise CommandError("--count must be zero or more.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        rng = random.Random(seed)
        with transaction.atomic():
            types, cities, people, tags = self._vocabularies()
            today = timezone.now().date()
            for offset in range(0, count, batch_size):
                size = min(batch_size, count - offset)
                events = [self._event(rng, types, cities, today) for _ in range(size)]
                Event.objects.bulk_create(events, batch_size=batch_size)
                self._link(rng, events, people, tags)
            # bulk_create sends no signals: move the data version on by hand.
            freshness.bump()
        self.stdout.write(f"Added {count} events.")

    def _vocabularies(self):
        types = list(EventType.objects.all())
        if not types:
            raise CommandError("There are no event types; run the migrations first.")
        cities = []
        for city_en, city_ru, country, zone, latitude, longitude in CITIES:
            # The city itself: a venue of that city without a name (empty or null).
            venue = (
                Venue.objects.filter(city_en=city_en, country=country)
                .filter(Q(name_en="") | Q(name_en__isnull=True))
                .first()
            ) or Venue.objects.create(
                city_en=city_en,
                city_ru=city_ru,
                country=country,
                timezone=zone,
                latitude=latitude,
                longitude=longitude,
            )
            # A venue made by hand (admin, API) may have no time zone or Russian name: the city's own are used for
            # the demo's events, and the venue is left as it is.
            cities.append(
                DemoCity(venue, venue.timezone or ZoneInfo(zone), venue.city_en or city_en, venue.city_ru or city_ru)
            )
        people = []
        for first_en, first_ru in FIRST:
            for last_en, last_ru in LAST:
                person, _ = Person.objects.get_or_create(
                    slug=f"demo-{slugify(first_en)}-{slugify(last_en)}",
                    defaults={"name_en": f"{first_en} {last_en}", "name_ru": f"{first_ru} {last_ru}"},
                )
                people.append(person)
        tags = [
            Tag.objects.get_or_create(slug=slug, defaults={"name_en": name_en, "name_ru": name_ru})[0]
            for slug, name_en, name_ru in TAGS
        ]
        return types, cities, people, tags

    def _event(self, rng, types, cities, today):
        event_type = rng.choice(types)
        city = rng.choice(cities)
        topic_en, topic_ru = rng.choice(TOPICS)
        first = today + dt.timedelta(days=rng.randint(-5 * 365, 3 * 365))
        event = Event(
            uid=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            event_type=event_type,
            visit_level=rng.choice(Event.VisitLevel.values) if event_type.is_visit else "",
            title_en=f"{event_type.name_en}: {topic_en} ({city.city_en})",
            title_ru=f"{event_type.name_ru}: {topic_ru} ({city.city_ru})",
            summary_en=f"{event_type.name_en} in {city.city_en}. Topic: {topic_en}.",
            summary_ru=f"{event_type.name_ru}, {city.city_ru}. Тема: {topic_ru}.",
            description_en=f"Delegations discuss {topic_en} and a schedule for upcoming meetings.",
            description_ru=f"Делегации обсуждают тему «{topic_ru}» и график предстоящих встреч.",
            venue=city.venue,
            status=rng.choice(STATUSES),
            is_published=True,
        )
        event.slug = f"{slugify(event.title_en)[:80]}-{event.uid[:12]}"
        kind = rng.random()
        if kind < 0.45:
            event.start_date = first
            event.end_date = first + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 4]))
        elif kind < 0.9:
            zone = city.zone
            start = dt.datetime.combine(first, dt.time(rng.randint(8, 17), rng.choice([0, 30])), zone)
            end = start + dt.timedelta(minutes=rng.choice([60, 90, 120, 180]))
            event.all_day, event.timezone = False, zone
            event.start, event.end = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
            event.start_date, event.end_date = local_days(start, end, zone)
        elif kind < 0.96:
            event.date_precision = Event.Precision.MONTH
            event.start_date = first.replace(day=1)
            event.end_date = (event.start_date + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
        elif kind < 0.99:
            event.date_precision = Event.Precision.YEAR
            event.start_date, event.end_date = dt.date(first.year, 1, 1), dt.date(first.year, 12, 31)
        else:
            event.date_precision = Event.Precision.NONE
        return event

    def _link(self, rng, events, people, tags):
        participations, tag_links = [], []
        for event in events:
            for order, person in enumerate(rng.sample(people, rng.randint(0, 3))):
                position_en, position_ru = rng.choice(POSITIONS)
                role = Participation.Role.HOST if order == 0 else rng.choice(Participation.Role.values)
                participations.append(
                    Participation(
                        event=event,
                        person=person,
                        role=role,
                        position_en=position_en,
                        position_ru=position_ru,
                        order=order,
                    )
                )
            for tag in rng.sample(tags, min(len(tags), rng.randint(0, 2))):
                tag_links.append(Event.tags.through(event=event, tag=tag))
        Participation.objects.bulk_create(participations)
        Event.tags.through.objects.bulk_create(tag_links)
