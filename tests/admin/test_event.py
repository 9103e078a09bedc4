import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.utils import translation

from events.admin.forms import publication_sentence
from events.models import Event, EventType, Series

from ..factories import AllDayEventFactory, EventFactory, PersonFactory, SeriesFactory, VenueFactory
from ..formdata import form_data

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/events/event/"


def event_form_data(**overrides):
    """The fields the admin's add form posts for a new event, with empty inlines."""
    data = {
        "event_type": EventType.objects.get(slug="visit").pk,
        "visit_level": "",
        "title_en": "Talks in Moscow",
        "title_ru": "Переговоры в Москве",
        "slug": "",
        "summary_en": "",
        "summary_ru": "",
        "description_en": "",
        "description_ru": "",
        "agenda_en": "",
        "agenda_ru": "",
        "when": "all_day",
        "start_date": "",
        "end_date": "",
        "start_0": "",
        "start_1": "",
        "end_0": "",
        "end_1": "",
        "timezone": "",
        "status": "confirmed",
        "participations-TOTAL_FORMS": "0",
        "participations-INITIAL_FORMS": "0",
        "parts-TOTAL_FORMS": "0",
        "parts-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def success_messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_changelist_writes_seed_dates_as_people_do(admin_client, seed):
    response = admin_client.get(CHANGELIST)

    content = response.content.decode()
    assert response.status_code == 200
    for written in ("14–15 November 2017", "4–5 June 2017", "29–30 June 2017", "June 2015", "October 2017"):
        assert written in content
    assert "Dates to be announced" in content


def test_changelist_in_russian_shows_russian_titles_dates_and_labels(admin_client, seed):
    response = admin_client.get(f"/ru{CHANGELIST}")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Рабочий визит Министра иностранных дел Белоруссии Владимира Макея в Россию" in content
    assert "14–15 ноября 2017 г." in content
    assert "июнь 2015 г." in content
    assert "Нет русского текста" in content
    assert "Опубликовать выбранные события" in content


def test_search_finds_events_by_russian_participant_name(admin_client, seed):
    response = admin_client.get(CHANGELIST, {"q": "Макей"})

    titles = {event.title_en for event in response.context["cl"].result_list}
    assert titles == {
        "Working visit of Belarusian Foreign Minister Vladimir Makei to Russia",
        "Visit of Belarusian Foreign Minister Vladimir Makei to Moscow",
    }


def test_search_finds_events_by_city(admin_client, seed):
    response = admin_client.get(CHANGELIST, {"q": "Vitebsk"})

    assert [event.slug for event in response.context["cl"].result_list] == ["slavic-bazaar-in-vitebsk"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"year": "2016"}, {"moscow-days-in-belarus-2016", "belarusian-culture-days-in-moscow-2016"}),
        ({"country": "BY"}, {"russian-spiritual-culture-days-in-belarus-2015", "moscow-days-in-belarus-2016",
                             "slavic-bazaar-in-vitebsk"}),
        ({"date_precision__exact": "year"}, {"first-forum-of-regions-2014", "belarusian-culture-days-in-moscow-2016"}),
        ({"publication": "draft"}, set()),
    ],
)  # fmt: skip
def test_changelist_filters(admin_client, seed, params, expected):
    response = admin_client.get(CHANGELIST, params)

    assert {event.slug for event in response.context["cl"].result_list} == expected


def test_publication_filter_separates_drafts_embargoed_and_public(admin_client):
    draft = EventFactory(is_published=False)
    embargoed = EventFactory(publish_at=dt.datetime(2100, 1, 1, tzinfo=dt.UTC))
    public = EventFactory()

    found = {
        value: set(admin_client.get(CHANGELIST, {"publication": value}).context["cl"].result_list)
        for value in ("draft", "embargoed", "public")
    }

    assert found == {"draft": {draft}, "embargoed": {embargoed}, "public": {public}}


def test_missing_russian_filter_and_column(admin_client):
    untranslated = EventFactory(title_ru="")
    EventFactory()

    response = admin_client.get(CHANGELIST, {"russian": "missing"})

    assert list(response.context["cl"].result_list) == [untranslated]
    assert '<td class="field-russian_missing"><span class="desk-badge desk-missing">title</span></td>' in (
        response.content.decode()
    )


def test_change_form_opens_with_inlines_and_view_on_site(admin_client, seed):
    event = Event.objects.get(slug="makei-working-visit-to-russia-2017")

    response = admin_client.get(f"{CHANGELIST}{event.pk}/change/")

    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="participations-group"' in content
    assert 'id="parts-group"' in content
    assert response.context["original"] == event


def test_view_on_site_leads_to_the_event_page(admin_client, seed):
    event = Event.objects.get(slug="makei-working-visit-to-russia-2017")
    content = admin_client.get(f"{CHANGELIST}{event.pk}/change/").content.decode()
    link = content.split('class="viewsitelink">')[0].rsplit('href="', 1)[1].split('"')[0]

    response = admin_client.get(link)

    assert response.status_code == 302
    assert response["Location"] == "http://testserver/events/makei-working-visit-to-russia-2017/"


def test_add_timed_event_reads_times_as_local_time_of_its_zone(admin_client):
    venue = VenueFactory()

    response = admin_client.post(
        f"{CHANGELIST}add/",
        event_form_data(
            venue=venue.pk,
            when="timed",
            start_0="2017-11-14",
            start_1="10:00",
            end_0="2017-11-14",
            end_1="12:00",
            timezone="Europe/Moscow",
        ),
    )

    assert response.status_code == 302
    event = Event.objects.get(title_en="Talks in Moscow")
    assert (event.start, event.end) == (
        dt.datetime(2017, 11, 14, 7, 0, tzinfo=dt.UTC),
        dt.datetime(2017, 11, 14, 9, 0, tzinfo=dt.UTC),
    )
    assert (event.start_date, event.slug, event.is_published) == (dt.date(2017, 11, 14), "talks-moscow-2017", False)


def test_change_form_shows_times_in_the_event_zone(admin_client):
    event = EventFactory(
        timezone="Asia/Vladivostok",
        start=dt.datetime(2017, 11, 14, 0, 0, tzinfo=dt.UTC),
        end=dt.datetime(2017, 11, 14, 1, 30, tzinfo=dt.UTC),
    )

    content = admin_client.get(f"{CHANGELIST}{event.pk}/change/").content.decode()

    assert 'name="start_1" value="10:00:00"' in content
    assert 'name="end_1" value="11:30:00"' in content


def test_add_refuses_a_time_the_clocks_skip(admin_client):
    response = admin_client.post(
        f"{CHANGELIST}add/",
        event_form_data(
            when="timed",
            start_0="2017-03-26",
            start_1="02:30",
            timezone="Europe/Berlin",
        ),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["start"] == [
        "2017-03-26 02:30 does not exist in Europe/Berlin: the clocks skip it."
    ]
    assert not Event.objects.exists()


def test_add_shows_model_validation_message_and_saves_nothing(admin_client):
    response = admin_client.post(
        f"{CHANGELIST}add/",
        event_form_data(when="all_day", start_date="2017-11-15", end_date="2017-11-14"),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["end_date"] == ["The last day is before the first day."]
    assert not Event.objects.exists()


def test_add_with_participant_inline(admin_client):
    person = PersonFactory(name_en="Vladimir Makei")

    response = admin_client.post(
        f"{CHANGELIST}add/",
        event_form_data(
            when="all_day",
            start_date="2017-11-14",
            end_date="2017-11-15",
            **{
                "participations-TOTAL_FORMS": "1",
                "participations-0-person": person.pk,
                "participations-0-role": "guest",
                "participations-0-position_en": "Foreign Minister of Belarus",
                "participations-0-position_ru": "Министр иностранных дел Белоруссии",
                "participations-0-order": "0",
            },
        ),
    )

    assert response.status_code == 302
    event = Event.objects.get()
    assert [(p.person, p.role, p.position_ru) for p in event.participations.all()] == [
        (person, "guest", "Министр иностранных дел Белоруссии")
    ]


def test_autocomplete_finds_people_in_both_languages(admin_client):
    PersonFactory(name_en="Sergey Lavrov", name_ru="Сергей Лавров")

    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "events", "model_name": "participation", "field_name": "person", "term": "Лавр"},
    )

    assert [row["text"] for row in response.json()["results"]] == ["Sergey Lavrov"]


def test_publish_action_publishes_drafts(admin_client):
    draft = EventFactory(is_published=False)

    response = admin_client.post(CHANGELIST, {"action": "publish", "_selected_action": [draft.pk]})

    draft.refresh_from_db()
    assert (response.status_code, draft.is_published, draft.sequence) == (302, True, 0)
    assert success_messages(response) == ["1 event published."]


def test_cancel_action_sets_status_and_bumps_sequence(admin_client):
    first, second = EventFactory(), EventFactory(status=Event.Status.CANCELLED)

    response = admin_client.post(
        CHANGELIST, {"action": "cancel", "_selected_action": [first.pk, second.pk], "post": "yes"}
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.sequence) == ("cancelled", 1)
    assert second.sequence == 0
    assert success_messages(response) == ["1 event cancelled."]


def test_cancel_action_message_in_russian(admin_client):
    events = [EventFactory() for _ in range(2)]

    response = admin_client.post(
        f"/ru{CHANGELIST}", {"action": "cancel", "_selected_action": [event.pk for event in events], "post": "yes"}
    )

    assert success_messages(response) == ["Отменено 2 события."]


def test_duplicate_action_creates_next_year_edition_as_draft_dated_to_the_year(admin_client, seed):
    forum = Event.objects.get(slug="fourth-forum-of-regions-2017")

    response = admin_client.post(CHANGELIST, {"action": "duplicate_as_next_edition", "_selected_action": [forum.pk]})

    copy = Event.objects.get(series=forum.series, edition=5)
    assert success_messages(response) == ["1 draft of next year's edition created."]
    assert (copy.date_precision, copy.start_date, copy.end_date) == ("year", dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    assert (copy.is_published, copy.status, copy.venue, copy.event_type) == (
        False,
        "tentative",
        forum.venue,
        forum.event_type,
    )
    assert (copy.title_en, copy.title_ru) == (
        "Forum of Russian and Belarusian Regions 2018",
        "Форум регионов России и Белоруссии 2018",
    )
    assert [copy.summary_en, copy.description_en, copy.description_ru, copy.agenda_en] == [None] * 4
    assert copy.uid != forum.uid
    assert copy.sequence == 0


def test_duplicate_action_refuses_a_second_copy_for_the_same_year(admin_client, seed):
    bazaar_series = Event.objects.get(slug="slavic-bazaar-in-vitebsk").series
    festival = AllDayEventFactory(series=bazaar_series, title_en="Slavic Bazaar 2017", start_date=dt.date(2017, 7, 14))
    data = {"action": "duplicate_as_next_edition", "_selected_action": [festival.pk]}

    admin_client.post(CHANGELIST, data, follow=True)
    second = admin_client.post(CHANGELIST, data)

    assert success_messages(second) == [
        "Slavic Bazaar 2017: “Slavic Bazaar in Vitebsk” already has an edition in 2018.",
        "0 drafts of next year's editions created.",
    ]
    assert bazaar_series.editions.filter(start_date__year=2018).count() == 1


def test_duplicate_action_refuses_event_without_series_or_date(admin_client):
    lone = AllDayEventFactory(title_en="Lone talks")
    undated = AllDayEventFactory(
        title_en="Festival", series=SeriesFactory(), date_precision="none", start_date=None, end_date=None
    )

    response = admin_client.post(
        CHANGELIST, {"action": "duplicate_as_next_edition", "_selected_action": [lone.pk, undated.pk]}
    )

    assert sorted(success_messages(response)) == sorted(
        [
            "Lone talks: “Lone talks” is not part of a series: choose its series first.",
            "Festival: “Festival” has no date, so its next year is unknown.",
            "0 drafts of next year's editions created.",
        ]
    )
    assert Event.objects.count() == 2
    assert Series.objects.count() == 1


@pytest.mark.parametrize("year", ["0", "99999", "abc", "-1"])
def test_year_filter_ignores_impossible_years(admin_client, year):
    event = AllDayEventFactory()

    response = admin_client.get(CHANGELIST, {"year": year})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [event]


def test_add_timed_event_without_zone_reads_times_in_the_venue_zone(admin_client):
    venue = VenueFactory(timezone="Europe/Moscow")

    response = admin_client.post(
        f"{CHANGELIST}add/",
        event_form_data(venue=venue.pk, when="timed", start_0="2020-01-10", start_1="10:00", end_0="2020-01-10",
                        end_1="12:00", timezone=""),
    )  # fmt: skip

    event = Event.objects.get()
    assert response.status_code == 302
    assert (str(event.timezone), event.start, event.end) == (
        "Europe/Moscow",
        dt.datetime(2020, 1, 10, 7, 0, tzinfo=dt.UTC),
        dt.datetime(2020, 1, 10, 9, 0, tzinfo=dt.UTC),
    )


def test_add_refuses_a_time_the_clocks_show_twice(admin_client):
    response = admin_client.post(
        f"{CHANGELIST}add/",
        event_form_data(when="timed", start_0="2021-10-31", start_1="02:30", timezone="Europe/Berlin"),
    )

    assert response.context["adminform"].form.errors["start"] == [
        "2021-10-31 02:30 happens twice in Europe/Berlin, when the clocks go back: choose a time outside that hour."
    ]


@pytest.mark.parametrize(
    ("start", "field"),
    [(("9999-12-31", "23:00"), "start"), (("0001-01-01", "01:00"), "start")],
)
def test_add_refuses_extreme_years_with_a_message(admin_client, start, field):
    response = admin_client.post(
        f"{CHANGELIST}add/",
        event_form_data(when="timed", start_0=start[0], start_1=start[1], timezone="Asia/Tokyo"),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors[field] == ["Give a year between 1800 and 2200."]


@pytest.mark.parametrize(
    "query",
    ["start_date__year=9999", "start_date__year=9999&start_date__month=12&start_date__day=31", "start_date__year=x"],
)
def test_date_hierarchy_with_impossible_dates_redirects_instead_of_failing(admin_client, query):
    response = admin_client.get(f"{CHANGELIST}?{query}")

    assert (response.status_code, response["Location"]) == (302, f"{CHANGELIST}?e=1")


def test_add_with_a_part_outside_the_new_parent_dates_shows_the_error_on_the_part(admin_client):
    forum = EventType.objects.get(slug="forum")

    response = admin_client.post(
        f"{CHANGELIST}add/",
        event_form_data(
            when="all_day",
            start_date="2020-05-01",
            end_date="2020-05-02",
            **{
                "parts-TOTAL_FORMS": "1",
                "parts-0-title_en": "Signing",
                "parts-0-event_type": forum.pk,
                "parts-0-start_date": "2021-01-01",
                "parts-0-status": "confirmed",
            },
        ),
    )

    assert response.status_code == 200
    part_form = response.context["inline_admin_formsets"][1].formset.forms[0]
    assert part_form.errors["start_date"] == [
        "A part must take place within the dates of the event it belongs to (2020-05-01..2020-05-02)."
    ]
    assert not Event.objects.exists()


def test_venue_rename_bumps_the_sequence_of_its_events(admin_client):
    venue = VenueFactory(city_en="Moscow", city_ru="Москва")
    event = EventFactory(venue=venue)

    response = admin_client.post(
        f"/admin/events/venue/{venue.pk}/change/",
        {"name_en": "Reception House", "name_ru": "Дом приёмов", "city_en": "Moscow", "city_ru": "Москва",
         "country": "RU", "address_en": "", "address_ru": "", "latitude": "", "longitude": "",
         "timezone": "Europe/Moscow"},
    )  # fmt: skip

    event.refresh_from_db()
    assert response.status_code == 302
    assert event.sequence == 1


def test_staff_preview_of_a_draft_through_view_on_site(admin_client):
    draft = EventFactory(is_published=False, title_en="Secret talks")

    response = admin_client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert "Preview: this event is a draft and not public." in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


# The change form in the order an officer thinks ---------------------------------------------------------------------


def test_change_form_reads_what_when_where_who_participants_parts_then_status(admin_client, seed):
    event = Event.objects.get(slug="makei-working-visit-to-russia-2017")

    content = admin_client.get(f"{CHANGELIST}{event.pk}/change/").content.decode()

    landmarks = [">What<", ">When<", ">Where<", ">Who<", 'id="participations-group"', 'id="parts-group"',
                 ">Topics, series and source<", ">Status and publication<", ">For calendar clients<"]  # fmt: skip
    positions = [content.index(landmark) for landmark in landmarks]
    assert positions == sorted(positions)
    assert '<textarea name="title_en" cols="40" rows="2" class="event-title' in content


def test_change_form_offers_the_when_choice_checked_for_the_event(admin_client, seed):
    forum = Event.objects.get(slug="first-forum-of-regions-2014")

    form = admin_client.get(f"{CHANGELIST}{forum.pk}/change/").context["adminform"].form

    assert (form.initial["when"], [value for value, _label in form.fields["when"].choices]) == (
        "year",
        ["all_day", "timed", "month", "year", "none"],
    )


def test_all_day_ignores_the_times_and_zone_sent_beside_it(admin_client):
    response = admin_client.post(
        f"{CHANGELIST}add/",
        event_form_data(when="all_day", start_date="2030-05-14", end_date="2030-05-15", start_0="not a date",
                        start_1="10:00", timezone="Asia/Tokyo"),
    )  # fmt: skip

    event = Event.objects.get()
    assert response.status_code == 302
    assert (
        event.date_precision,
        event.all_day,
        event.start_date,
        event.end_date,
        event.start,
        event.timezone,
    ) == (
        "day",
        True,
        dt.date(2030, 5, 14),
        dt.date(2030, 5, 15),
        None,
        None,
    )


def test_timed_ignores_the_days_sent_beside_it_and_derives_them(admin_client):
    response = admin_client.post(
        f"{CHANGELIST}add/",
        event_form_data(when="timed", start_date="1999-99-99", end_date="2001-01-01", start_0="2030-05-14",
                        start_1="23:30", timezone="Asia/Tokyo"),
    )  # fmt: skip

    event = Event.objects.get()
    assert response.status_code == 302
    assert (event.all_day, event.start, event.start_date, event.end_date) == (
        False,
        dt.datetime(2030, 5, 14, 14, 30, tzinfo=dt.UTC),
        dt.date(2030, 5, 14),
        dt.date(2030, 5, 14),
    )


@pytest.mark.parametrize(
    ("when", "typed", "stored"),
    [
        ("month", ("2015-06-14", ""), ("month", dt.date(2015, 6, 1), dt.date(2015, 6, 30))),
        ("year", ("2016-03-08", ""), ("year", dt.date(2016, 1, 1), dt.date(2016, 12, 31))),
        ("none", ("2016-03-08", "2016-03-09"), ("none", None, None)),
    ],
)
def test_month_year_and_not_yet_known_keep_only_what_they_say(admin_client, when, typed, stored):
    response = admin_client.post(
        f"{CHANGELIST}add/",
        event_form_data(when=when, start_date=typed[0], end_date=typed[1], start_0="2016-03-08", start_1="10:00"),
    )

    event = Event.objects.get()
    assert response.status_code == 302
    assert (event.date_precision, event.start_date, event.end_date, event.start) == (*stored, None)


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"when": ""}, {"when": ["Choose when the event takes place, even if not yet known."]}),
        ({"when": "timed"}, {"start": ["Give the start time (the date and the local time), or choose another kind."],
                             "timezone": ["Choose the time zone, or a venue that has one."]}),
        ({"when": "all_day"}, {"start_date": [
            "Give the first day (and the last, if the event lasts more than a day), or choose another kind."]}),
        ({"when": "month"}, {"start_date": [
            "Give a day of the month (any day: only the month is kept), or choose another kind."]}),
    ],
)  # fmt: skip
def test_the_fields_the_chosen_kind_needs_are_asked_for_by_name(admin_client, data, errors):
    response = admin_client.post(f"{CHANGELIST}add/", event_form_data(**data))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == errors
    assert not Event.objects.exists()


# Time zones ---------------------------------------------------------------------------------------------------------


def test_zone_list_has_no_legacy_alias_and_the_venue_zone_first(admin_client):
    event = EventFactory(venue=VenueFactory(timezone="Europe/Minsk"), timezone="Europe/Minsk")
    EventFactory(timezone="Asia/Tokyo")

    response = admin_client.get(f"{CHANGELIST}{event.pk}/change/")

    choices = response.context["adminform"].form.fields["timezone"].choices
    values = [value for _group, options in choices[1:] for value, _label in options]
    assert choices[0] == ("", "The venue's time zone (Europe/Minsk)")
    assert [(str(group), [value for value, _label in options]) for group, options in choices[1:3]] == [
        ("This venue and event", ["Europe/Minsk"]),
        ("Most used", ["Asia/Tokyo"]),
    ]
    assert {"Eire", "GB-Eire", "Navajo", "Zulu", "localtime", "US/Eastern", "Etc/GMT+3"} & set(values) == set()
    assert response.content.decode().count('<option value="Europe/Minsk" selected>') == 1


def test_an_event_with_a_legacy_zone_keeps_it_when_saved_again(admin_client):
    event = EventFactory(timezone="Europe/Kiev", venue=VenueFactory(timezone=""))
    url = f"{CHANGELIST}{event.pk}/change/"

    response = admin_client.post(url, form_data(admin_client.get(url).content.decode(), "event_form"))

    event.refresh_from_db()
    assert response.status_code == 302
    assert (str(event.timezone), event.start, event.sequence) == (
        "Europe/Kiev",
        dt.datetime(2017, 11, 14, 7, 0, tzinfo=dt.UTC),
        0,
    )


# Publication in plain words -----------------------------------------------------------------------------------------

EMBARGO = dt.datetime(2027, 1, 12, 6, 0, tzinfo=dt.UTC)
BEFORE = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
LIFTED = dt.datetime(2100, 1, 12, 6, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("language", "fields", "sentence"),
    [
        ("en", {"is_published": False}, "Draft: not public."),
        ("ru", {"is_published": False}, "Черновик: не опубликовано."),
        ("en", {"publish_at": EMBARGO}, "Will appear on the public pages and in feeds at 09:00 Moscow time on "
                                        "12 January 2027."),
        ("ru", {"publish_at": EMBARGO}, "Появится на публичных страницах и в лентах 12 января 2027 г. в 09:00 по "
                                        "московскому времени."),
        # In the press office's time, in which the embargo is typed, whatever the event's zone.
        ("en", {"publish_at": EMBARGO, "timezone": "Asia/Tokyo"}, "Will appear on the public pages and in feeds at "
                                                                  "09:00 Moscow time on 12 January 2027."),
        ("en", {"publish_at": LIFTED}, "Public since 09:00 Moscow time on 12 January 2100."),
        ("ru", {"publish_at": LIFTED}, "Опубликовано с 09:00 по московскому времени 12 января 2100 г."),
    ],
)  # fmt: skip
def test_publication_sentence_says_what_the_public_sees(language, fields, sentence):
    event = AllDayEventFactory(**fields)
    event = Event.objects.get(pk=event.pk)
    # Before the embargo ends; after it for an embargo that has ended (its event saved before it, as now).
    now = LIFTED + dt.timedelta(days=1) if fields.get("publish_at") == LIFTED else BEFORE

    with translation.override(language):
        said = publication_sentence(event, now)

    assert said == sentence


def test_publication_sentence_of_a_public_event_without_embargo_names_when_it_was_published(admin_client):
    event = AllDayEventFactory(is_published=False)
    event.is_published = True
    event.save()
    published_at = Event.history.filter(id=event.pk).latest("history_date").history_date

    content = admin_client.get(f"{CHANGELIST}{event.pk}/change/").content.decode()

    moscow = published_at.astimezone(ZoneInfo("Europe/Moscow"))
    expected = f"Public since {moscow:%H:%M} Moscow time on {moscow.day} {moscow:%B %Y}."
    assert f'<div class="readonly">{expected}</div>' in content


def test_status_help_names_what_subscribers_see(admin_client, settings):
    settings.EVENTS_FEED_CANCELLED_DAYS = 14

    form = admin_client.get(f"{CHANGELIST}add/").context["adminform"].form

    assert form.fields["status"].help_text == (
        "Cancelled: Subscribers' calendars will show the event as cancelled; it stays in feeds for 14 days. "
        "Postponed: shown as tentative, with “Postponed:” before the title. The list's action “Cancel the selected "
        "events” does the same as choosing “cancelled” here."
    )


def test_cancel_action_asks_first_saying_what_subscribers_will_see(admin_client):
    event = EventFactory(title_en="Talks in Minsk")

    response = admin_client.post(CHANGELIST, {"action": "cancel", "_selected_action": [event.pk]})

    event.refresh_from_db()
    content = response.content.decode()
    assert (response.status_code, event.status) == (200, "confirmed")
    assert "Subscribers&#x27; calendars will show the event as cancelled; it stays in feeds for 30 days." in content
    assert "<li>Talks in Minsk</li>" in content
    assert f'<input type="hidden" name="_selected_action" value="{event.pk}">' in content


# The embargo, typed in the press office's time -----------------------------------------------------------------------


def test_an_embargo_is_typed_and_shown_in_the_press_offices_time_not_utc(admin_client):
    data = event_form_data(
        start_date="2027-02-01", is_published="on", publish_at_0="2027-01-12", publish_at_1="09:00", _save="Save"
    )

    assert admin_client.post(f"{CHANGELIST}add/", data).status_code == 302

    event = Event.objects.get(title_en="Talks in Moscow")
    form = admin_client.get(f"{CHANGELIST}{event.pk}/change/").context["adminform"].form
    assert (event.publish_at, form["publish_at"].value()) == (
        dt.datetime(2027, 1, 12, 6, 0, tzinfo=dt.UTC),
        dt.datetime(2027, 1, 12, 9, 0),
    )
    assert form.fields["publish_at"].help_text == (
        "In the press office's time (Moscow time). A published event stays hidden from the public until then."
    )


def test_an_embargo_at_a_time_the_offices_clocks_skip_is_refused_with_a_message(admin_client, settings):
    settings.EVENTS_ICAL_TIMEZONE = "Europe/Berlin"
    data = event_form_data(
        start_date="2027-04-01", is_published="on", publish_at_0="2027-03-28", publish_at_1="02:30", _save="Save"
    )

    response = admin_client.post(f"{CHANGELIST}add/", data)

    assert response.context["adminform"].form.errors["publish_at"] == [
        "2027-03-28 02:30 does not exist in Europe/Berlin: the clocks skip it."
    ]
    assert not Event.objects.filter(title_en="Talks in Moscow").exists()


# Preview ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fields", [{"is_published": False}, {"publish_at": dt.datetime(2100, 1, 1, tzinfo=dt.UTC)}])
def test_drafts_and_embargoed_events_link_to_their_preview_in_both_languages(admin_client, fields):
    event = AllDayEventFactory(title_en="Secret talks", **fields)

    content = admin_client.get(f"{CHANGELIST}{event.pk}/change/").content.decode()

    links = [part.split('"', 1)[0] for part in content.split('class="previewlink" lang="')[1:]]
    assert links == ["en", "ru"]
    assert f'href="/events/{event.slug}/" class="previewlink"' in content
    assert f'href="/ru/events/{event.slug}/" class="previewlink"' in content


def test_a_public_event_has_no_preview_link(admin_client):
    event = AllDayEventFactory()

    content = admin_client.get(f"{CHANGELIST}{event.pk}/change/").content.decode()

    assert "previewlink" not in content


@pytest.mark.parametrize(("group", "status"), [("Editors", 200), ("Publishers", 200), (None, 404)])
def test_the_preview_is_shown_to_editors_and_publishers_and_not_to_anonymous_readers(
    client, django_user_model, group, status
):
    draft = AllDayEventFactory(is_published=False, title_en="Secret talks")
    if group:
        user = django_user_model.objects.create_user("officer", password="x", is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")

    responses = [client.get(f"{prefix}/events/{draft.slug}/") for prefix in ("", "/ru")]

    assert [response.status_code for response in responses] == [status, status]
    if status == 200:
        assert "Preview: this event is a draft and not public." in responses[0].content.decode()


def test_a_venues_history_names_the_changed_fields_in_the_readers_language(admin_client):
    venue = VenueFactory(name_en="", name_ru="", city_en="Moscow", city_ru="Москва", address_en="")
    changed = {"name_en": "Reception House", "name_ru": "Дом приёмов", "city_en": "Moscow", "city_ru": "Москва",
               "country": "RU", "address_en": "17 Spiridonovka", "address_ru": "", "latitude": "", "longitude": "",
               "timezone": "Europe/Moscow"}  # fmt: skip
    assert admin_client.post(f"/admin/events/venue/{venue.pk}/change/", changed).status_code == 302

    russian = admin_client.get(f"/ru/admin/events/venue/{venue.pk}/history/").content.decode()
    english = admin_client.get(f"/admin/events/venue/{venue.pk}/history/").content.decode()

    assert "<td>Изменено Название [en], Название [ru] и Адрес [en].</td>" in russian
    assert "<td>Changed Name [en], Name [ru] and Address [en].</td>" in english
