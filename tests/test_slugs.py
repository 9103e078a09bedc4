"""events/slugs.py: the words of a slug, an event's slug as it follows its title or stays, unique slugs."""

import datetime as dt

import pytest

from events import slugs
from events.models import Event, EventSlugHistory, Person, Tag

from .factories import AllDayEventFactory, EventFactory, PersonFactory

pytestmark = pytest.mark.django_db


# Slugs -------------------------------------------------------------------------------------------------------------


def test_a_unique_slug_is_numbered_and_fits_the_slug_column():
    base = "a" * 60
    PersonFactory(slug="a" * 45)
    PersonFactory(slug="a" * 40 + "-2")

    assert slugs.unique_slug(Person, base) == "a" * 40 + "-3"
    assert slugs.unique_slug(Person, "lavrov") == "lavrov"


def test_a_unique_slug_leaves_out_the_row_being_saved():
    event = EventFactory(title_en="Forum", start=dt.datetime(2017, 6, 1, 9, tzinfo=dt.UTC))

    assert slugs.unique_slug(Event, "forum-2017", exclude_pk=event.pk) == "forum-2017"
    assert slugs.unique_slug(Event, "forum-2017") == "forum-2017-2"


def test_free_slugs_gives_each_request_its_first_free_choice_and_no_slug_twice():
    Tag.objects.create(name_en="Energy", slug="energy")
    Tag.objects.create(name_en="Energy 3", slug="energy-3")

    given = slugs.free_slugs(Tag, [([], "energy"), (["power"], "energy"), (["energy-2"], "energy"), ([], "trade")])

    assert given == ["energy-4", "power", "energy-2", "trade"]


# The words of an event's slug --------------------------------------------------------------------------------------

SEED_TITLES = [
    (
        "Working visit of Belarusian Foreign Minister Vladimir Makei to Russia",
        "working-visit-belarusian-makei-russia",
    ),
    (
        "Signing of the programme of cooperative foreign policy actions of states party to the Union State Treaty for "
        "2018−2019",
        "signing-programme-cooperative-state-treaty",
    ),
    (
        "Signing of the plan of consultations between the foreign ministries of Russia and Belarus for 2018",
        "signing-plan-consultations-russia-belarus",
    ),
    ("Visit of Belarusian Foreign Minister Vladimir Makei to Moscow", "visit-belarusian-vladimir-makei-moscow"),
    (
        "Joint meeting of the collegiums of the foreign ministries of Russia and Belarus",
        "joint-meeting-collegiums-russia-belarus",
    ),
    (
        "Signing of a joint ministerial statement on the 25th anniversary of diplomatic relations",
        "signing-joint-ministerial-diplomatic-relations",
    ),
    ("Exhibition of archival photographs and documents", "exhibition-archival-photographs-documents"),
    ("Fourth Forum of Russian and Belarusian Regions", "fourth-forum-russian-belarusian-regions"),
    ("Slavic Bazaar in Vitebsk international arts festival", "slavic-bazaar-vitebsk-arts-festival"),
    ("Russian Spiritual Culture Days in Belarus", "russian-spiritual-culture-days-belarus"),
    ("Minsk Days in Moscow", "minsk-days-moscow"),
    ("Working visit of Russian Foreign Minister Sergey Lavrov to Minsk", "working-visit-russian-lavrov-minsk"),
]

RUSSIAN_TITLES = [
    (
        "Рабочий визит Министра иностранных дел Белоруссии Владимира Макея в Россию",
        "rabochiy-vizit-belorussii-makeya-rossiyu",
    ),
    ("IV Форум регионов России и Белоруссии", "iv-forum-regionov-rossii-belorussii"),
    ("Дни белорусской культуры в Москве", "dni-belorusskoy-kultury-moskve"),
    ("Подписание плана консультаций на 2018 год", "podpisanie-plana-konsultatsiy"),
    ("Съезд на Ёлке", "sezd-elke"),
]


@pytest.mark.parametrize(("title", "words"), SEED_TITLES, ids=[words for _title, words in SEED_TITLES])
def test_a_slug_keeps_the_first_three_and_last_two_meaningful_words_of_the_seeds_titles(title, words):
    assert slugs.title_slug(title) == words


@pytest.mark.parametrize(("title", "words"), RUSSIAN_TITLES, ids=[words for _title, words in RUSSIAN_TITLES])
def test_a_russian_title_is_transliterated_without_its_function_words_and_offices(title, words):
    assert slugs.title_slug(title) == words


VISITS = [
    ("Working visit of Russian Foreign Minister Sergey Lavrov to Minsk", "lavrov-visit-to-minsk"),
    ("Working visit of the Foreign Minister of Belarus Vladimir Makei to Russia", "makei-visit-to-russia"),
    ("Official visit of the President of Kazakhstan Kassym-Jomart Tokayev to Belarus", "tokayev-visit-to-belarus"),
    ("Working visit of Foreign Minister Lavrov in Minsk", "lavrov-visit-in-minsk"),
    ("Visit of the Minister for Foreign Affairs Penny Wong to the United Kingdom", "wong-visit-to-united-kingdom"),
    (
        "Visit of the Minister of Foreign Affairs of Belarus Maxim Ryzhenkov to Beijing",
        "ryzhenkov-visit-to-beijing",
    ),
    # No one named, or no place: the title's meaningful words instead.
    ("Visit of the Minister of Foreign Affairs to New York", ""),
    ("Visit of the Minister to Minsk", ""),
    ("Talks with the Foreign Minister of Japan", ""),
    ("Working visit of Foreign Minister Sergey Lavrov", ""),
    ("Рабочий визит Министра иностранных дел России Сергея Лаврова в Минск", ""),
]


@pytest.mark.parametrize(("title", "words"), VISITS, ids=[title for title, _words in VISITS])
def test_a_visit_of_a_named_person_to_a_place_is_named_who_visit_to_where(title, words):
    assert slugs.visit_slug(title) == words


def test_stop_words_offices_years_and_apostrophes_leave_only_the_meaningful_words():
    assert slugs.meaningful_words("The Minister's visit to the O'Brien Institute for 2027 and the UN") == [
        "visit",
        "obrien",
        "institute",
        "un",
    ]


def test_a_title_of_only_stop_words_or_other_scripts_gives_no_words():
    assert [slugs.title_slug(title) for title in ("Of the and to", "В и на по", "中文", "")] == ["", "", "", ""]


def test_a_long_title_is_cut_at_a_word_and_keeps_room_for_the_year():
    title = " ".join(["Pneumonoultramicroscopicsilicovolcanoconiosis"] * 6)

    words = slugs.title_slug(title)

    assert (words, len(words)) == ("-".join(["pneumonoultramicroscopicsilicovolcanoconiosis"] * 2), 91)


def test_words_are_written_in_latin_letters_in_any_case_without_punctuation():
    assert slugs.words("«МИНСК», Беларусь — Minsk!") == ["minsk", "belarus", "minsk"]


# An event's slug ---------------------------------------------------------------------------------------------------


def test_an_event_slug_carries_the_year_it_starts():
    event = EventFactory(
        title_en="Working visit of Russian Foreign Minister Sergey Lavrov to Minsk",
        start=dt.datetime(2027, 6, 4, 7, tzinfo=dt.UTC),
    )

    assert event.slug == "lavrov-visit-to-minsk-2027"


def test_a_timed_event_slug_takes_the_local_year_of_its_start():
    event = EventFactory(title_en="New Year reception", start=dt.datetime(2026, 12, 31, 22, tzinfo=dt.UTC))

    assert event.slug == "new-year-reception-2027"


def test_a_russian_only_event_gets_a_transliterated_slug_with_its_year():
    event = AllDayEventFactory(title_en="", title_ru="Дни Минска в Москве", start_date=dt.date(2017, 10, 1))

    assert event.slug == "dni-minska-moskve-2017"


def test_an_undated_event_slug_has_no_year():
    event = AllDayEventFactory(
        title_en="Slavic Bazaar in Vitebsk", date_precision=Event.Precision.NONE, start_date=None, end_date=None
    )

    assert event.slug == "slavic-bazaar-vitebsk"


def test_an_event_without_words_in_its_titles_is_an_event_of_its_year():
    event = AllDayEventFactory(title_en="中文", title_ru="", start_date=dt.date(2017, 10, 1))

    assert event.slug == "event-2017"


def test_a_taken_slug_gets_the_next_number_after_the_year():
    first, second, third = (
        AllDayEventFactory(title_en="Minsk Days in Moscow", start_date=dt.date(2017, 10, 1)) for _ in range(3)
    )

    assert [first.slug, second.slug, third.slug] == [
        "minsk-days-moscow-2017",
        "minsk-days-moscow-2017-2",
        "minsk-days-moscow-2017-3",
    ]


def test_a_draft_slug_follows_its_title_and_year():
    event = AllDayEventFactory(
        title_en="Consultations", is_published=False, start_date=dt.date(2027, 3, 1), end_date=None
    )

    event.title_en = "Consultations on consular issues"
    event.start_date = event.end_date = dt.date(2028, 1, 10)
    event.save()

    assert (event.slug, event.slug_fixed, list(EventSlugHistory.objects.all())) == (
        "consultations-consular-issues-2028",
        False,
        [],
    )


def test_a_draft_keeps_its_slug_while_its_title_gives_the_same_without_a_query(django_assert_num_queries):
    event = AllDayEventFactory(
        title_en="Consultations", is_published=False, start_date=dt.date(2027, 3, 1), end_date=None
    )
    event.summary_en = "On consular issues."

    # The edit check, the UPDATE, the change history's record (with its tags and organisers) and the data version:
    # no search for a free slug.
    with django_assert_num_queries(6):
        event.save()

    assert event.slug == "consultations-2027"


def test_a_slug_set_by_hand_is_kept_while_the_draft_is_renamed():
    event = AllDayEventFactory(title_en="Consultations", slug="consular-talks", is_published=False)

    event.title_en = "Consultations on consular issues"
    event.save()

    assert (event.slug, event.slug_fixed) == ("consular-talks", True)


def test_a_slug_changed_by_hand_on_a_draft_is_kept_at_later_saves():
    event = AllDayEventFactory(title_en="Consultations", is_published=False)
    event.slug = "consular-talks"
    event.save()

    event.title_en = "Consultations on consular issues"
    event.save()

    assert (event.slug, list(EventSlugHistory.objects.all())) == ("consular-talks", [])


def test_a_draft_whose_slug_is_cleared_follows_its_title_again():
    event = AllDayEventFactory(title_en="Consultations", slug="consular-talks", is_published=False)

    event.slug = ""
    event.save()

    assert (event.slug, event.slug_fixed) == ("consultations-2017", False)


def test_a_published_slug_does_not_change_with_the_title_or_the_dates():
    event = AllDayEventFactory(
        title_en="Consultations", is_published=False, start_date=dt.date(2027, 3, 1), end_date=None
    )
    event.title_en = "Consular consultations"
    event.is_published = True
    event.save()

    event.title_en = "Consultations on consular issues"
    event.start_date = event.end_date = dt.date(2028, 1, 10)
    event.save()

    assert (event.slug, event.slug_fixed) == ("consular-consultations-2027", True)


def test_a_published_event_whose_slug_is_cleared_keeps_its_own():
    event = AllDayEventFactory(title_en="Consultations")

    event.slug = ""
    event.title_en = "Talks"
    event.save()

    assert event.slug == "consultations-2017"


def test_an_unpublished_event_keeps_the_slug_it_was_published_under():
    event = AllDayEventFactory(title_en="Consultations")
    event.is_published = False
    event.title_en = "Talks"
    event.save()

    assert (event.slug, event.slug_fixed) == ("consultations-2017", True)


def test_a_published_seed_event_loaded_from_the_fixture_keeps_its_slug(seed):
    event = Event.objects.get(slug="minsk-days-in-moscow-2017")

    event.title_en = "Minsk Days"
    event.save()

    assert Event.objects.filter(pk=event.pk).values_list("slug", flat=True).get() == "minsk-days-in-moscow-2017"


def test_an_old_address_of_another_event_is_not_given_to_a_new_one():
    moved = AllDayEventFactory(title_en="Consultations")
    moved.slug = "consular-talks"
    moved.save()

    other = AllDayEventFactory(title_en="Consultations")

    assert (other.slug, slugs.free_slugs(Event, [([], "consultations-2017")])) == (
        "consultations-2017-2",
        ["consultations-2017-3"],
    )
