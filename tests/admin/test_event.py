import datetime as dt

import pytest
from django.contrib.messages import get_messages

from events.models import Event, EventType, Series

from ..factories import AllDayEventFactory, EventFactory, PersonFactory, SeriesFactory, VenueFactory

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
        "date_precision": "day",
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
    assert '<td class="field-russian">title</td>' in response.content.decode()


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
            all_day="",
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
            all_day="",
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
        event_form_data(all_day="on", start_date="2017-11-15", end_date="2017-11-14"),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["end_date"] == ["The last day is before the first day."]
    assert not Event.objects.exists()


def test_add_with_participant_inline(admin_client):
    person = PersonFactory(name_en="Vladimir Makei")

    response = admin_client.post(
        f"{CHANGELIST}add/",
        event_form_data(
            all_day="on",
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

    response = admin_client.post(CHANGELIST, {"action": "cancel", "_selected_action": [first.pk, second.pk]})

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.sequence) == ("cancelled", 1)
    assert second.sequence == 0
    assert success_messages(response) == ["1 event cancelled."]


def test_cancel_action_message_in_russian(admin_client):
    events = [EventFactory() for _ in range(2)]

    response = admin_client.post(
        f"/ru{CHANGELIST}", {"action": "cancel", "_selected_action": [event.pk for event in events]}
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
        event_form_data(venue=venue.pk, all_day="", start_0="2020-01-10", start_1="10:00", end_0="2020-01-10",
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
        event_form_data(all_day="", start_0="2021-10-31", start_1="02:30", timezone="Europe/Berlin"),
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
        event_form_data(all_day="", start_0=start[0], start_1=start[1], timezone="Asia/Tokyo"),
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
            all_day="on",
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
