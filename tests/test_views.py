import datetime as dt
import html
import json
import mimetypes
import re
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import time_machine
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Event
from events.views import MONTH_LIST

from .factories import (
    AllDayEventFactory,
    EventFactory,
    EventTypeFactory,
    ParticipationFactory,
    PersonFactory,
    SeriesFactory,
    TagFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


def soon(days=1):
    return timezone.now().date() + dt.timedelta(days=days)


def upcoming_event(**kwargs):
    kwargs.setdefault("start_date", soon(3))
    kwargs.setdefault("end_date", kwargs["start_date"])
    return AllDayEventFactory(**kwargs)


def titles(response) -> list[str]:
    return [event.title_en for event in response.context["events"]]


# Listing


def test_listing_shows_upcoming_and_in_progress_events_by_day_newest_announcement_first(client):
    later = upcoming_event(title_en="Later", start_date=soon(5))
    first = upcoming_event(title_en="Announced first", start_date=soon(2))
    second = upcoming_event(title_en="Announced second", start_date=soon(2))
    running = upcoming_event(title_en="Running", start_date=soon(-1), end_date=soon(1))
    AllDayEventFactory(title_en="Over", start_date=soon(-5), end_date=soon(-4))
    Event.objects.filter(pk=first.pk).update(created_at=timezone.now() - dt.timedelta(days=1))

    response = client.get("/events/")

    assert (response.status_code, response["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert titles(response) == [running.title_en, second.title_en, first.title_en, later.title_en]
    assert len(client.get("/").context["events"]) == 4


def test_listing_without_upcoming_events_shows_the_undated_ones_recent_ones_and_the_archive(client, seed):
    response = client.get("/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "No upcoming events with dates have been announced yet." in content
    assert "Browse the archive of past events" in content
    assert [event.slug for event in response.context["undated"]] == ["slavic-bazaar-in-vitebsk"]
    recent = response.context["recent"]
    assert [event.slug for event in recent][:3] == [
        "makei-working-visit-to-russia-2017",
        "minsk-days-in-moscow-2017",
        "fourth-forum-of-regions-2017",
    ]
    assert [part.slug for part in recent[0].listed_parts] == [
        "signing-union-state-foreign-policy-programme-2018-2019",
        "signing-foreign-ministries-consultations-plan-2018",
    ]


def test_listing_of_an_empty_calendar_says_no_event_has_been_announced(client):
    content = client.get("/").content.decode()

    assert "No upcoming events have been announced yet." in content
    assert "Dates to be announced" not in content


def test_listing_filters_and_shows_each_active_filter_with_a_removal_link(client):
    tag = TagFactory(slug="csto", name_en="CSTO")
    tagged = upcoming_event(title_en="CSTO summit")
    tagged.tags.add(tag)
    upcoming_event(title_en="Other")

    response = client.get("/events/?tag=csto&q=summit")

    content = response.content.decode()
    assert titles(response) == ["CSTO summit"]
    assert [(f["name"], f["value"], f["remove"]) for f in response.context["active_filters"]] == [
        ("Topic", "CSTO", "?q=summit"),
        ("Search", "summit", "?tag=csto"),
    ]
    assert 'href="?q=summit"' in content


@pytest.mark.parametrize(
    "query",
    ["type=nope", "from=2017-02-30", "page=-1", "page=abc", "page=99999999999999999999", "to=99999-01-01",
     "country=XX", "q=%00"],
)  # fmt: skip
def test_bad_filters_and_pages_get_a_400_page_that_says_why(client, query):
    response = client.get(f"/events/?{query}")

    content = response.content.decode()
    assert response.status_code == 400
    assert "<h1>Bad request</h1>" in content
    assert re.search(r'<p class="error-message">(type|from|to|page|country|q): ', content)


def test_400_page_is_in_russian_under_ru(client):
    response = client.get("/ru/events/?from=2017-02-30")

    assert response.status_code == 400
    assert "<h1>Неверный запрос</h1>" in response.content.decode()


def test_404_page_is_in_the_page_language(client):
    english, russian = client.get("/events/no-such-event/"), client.get("/ru/events/no-such-event/")

    assert (english.status_code, russian.status_code) == (404, 404)
    assert "<h1>Page not found</h1>" in english.content.decode()
    assert "<h1>Страница не\u00a0найдена</h1>" in russian.content.decode()  # typeset (events/typography.py)


def test_listing_paginates_twenty_per_page(client):
    for day in range(25):
        upcoming_event(start_date=soon(day + 1))

    first, second = client.get("/events/"), client.get("/events/?page=2")

    assert (len(first.context["events"]), len(second.context["events"])) == (20, 5)
    assert 'rel="next" href="?page=2"' in first.content.decode()


def test_an_event_running_for_two_years_is_listed_until_its_last_day(client):
    upcoming_event(title_en="Years of culture", start_date=soon(-700), end_date=soon(5))
    upcoming_event(title_en="Talks", start_date=soon(2))
    upcoming_event(title_en="Ended", start_date=soon(-900), end_date=soon(-1))

    assert titles(client.get("/events/")) == ["Years of culture", "Talks"]
    assert [event.title_en for event in Event.objects.upcoming().chronological()] == ["Years of culture", "Talks"]


def test_subscribe_block_offers_exactly_the_current_selection(client):
    response = client.get("/events/?type=visit&country=BY")

    context = response.context
    assert context["feed_url"] == "http://testserver/feeds/events.ics?type=visit&country=BY"
    assert context["webcal_url"] == "webcal://testserver/feeds/events.ics?type=visit&country=BY"
    assert context["google_url"] == (
        "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Ftestserver%2Ffeeds%2Fevents.ics"
        "%3Ftype%3Dvisit%26country%3DBY"
    )
    content = response.content.decode()
    assert 'href="webcal://testserver/feeds/events.ics?type=visit&amp;country=BY"' in content
    assert '<link rel="alternate" type="application/atom+xml"' in content


def test_russian_listing_subscribes_to_the_russian_feed(client):
    response = client.get("/ru/events/?type=visit")

    assert response.context["feed_url"] == "http://testserver/ru/feeds/events.ics?type=visit"
    assert 'lang="ru"' in response.content.decode()


# Archive and month grid


def test_archive_lists_past_events_latest_first_with_months(client, seed):
    response = client.get("/events/past/")

    events = [event.slug for event in response.context["events"]]
    assert events == [
        "makei-working-visit-to-russia-2017",
        "minsk-days-in-moscow-2017",
        "fourth-forum-of-regions-2017",
        "makei-visit-to-moscow-2017",
        "belarusian-culture-days-in-moscow-2016",
        "moscow-days-in-belarus-2016",
        "russian-spiritual-culture-days-in-belarus-2015",
        "first-forum-of-regions-2014",
    ]
    assert {year: [m.month for m in months] for year, months in response.context["years"].items()} == {
        2017: [11, 10, 6],
        2016: [6],
        2015: [6],
    }
    assert 'href="/events/2017/06/"' in response.content.decode()


def test_month_grid_spans_multi_day_events_over_their_days(client, seed):
    response = client.get("/events/2017/11/")

    weeks = response.context["weeks"]
    week = next(week for week in weeks if dt.date(2017, 11, 14) in week.days)
    segments = [cell for lane in week.lanes for cell in lane if cell not in (None, "spanned")]
    assert [(s.event.slug, s.first_column, s.span, s.parts) for s in segments] == [
        ("makei-working-visit-to-russia-2017", 1, 2, 2),
    ]
    content = response.content.decode()
    assert content.count('colspan="2"') == 1
    assert '<span class="parts-count">+2 parts</span>' in content
    assert [event.slug for event in response.context["vague_events"]] == []
    assert 'href="/events/2017/10/"' in content
    assert 'href="/events/2017/12/"' in content


def test_month_grid_lists_events_known_only_to_the_month_beside_the_grid(client, seed):
    response = client.get("/events/2017/10/")

    assert [event.slug for event in response.context["vague_events"]] == ["minsk-days-in-moscow-2017"]
    assert "Also this month, exact days not announced" in response.content.decode()


def test_month_grid_event_continuing_into_the_next_week_is_split(client):
    AllDayEventFactory(title_en="Long forum", start_date=dt.date(2017, 6, 3), end_date=dt.date(2017, 6, 6))

    weeks = client.get("/events/2017/06/").context["weeks"]

    pieces = [
        (cell.first_column, cell.span, cell.continues_before, cell.continues_after)
        for week in weeks
        for lane in week.lanes
        for cell in lane
        if cell not in (None, "spanned")
    ]
    assert pieces == [(5, 2, False, True), (0, 2, True, False)]


def test_a_crowded_day_shows_four_lanes_and_links_the_rest_to_that_days_listing(client):
    day = dt.date(2030, 6, 12)  # a Wednesday
    for number in range(7):
        AllDayEventFactory(title_en=f"Meeting {number}", start_date=day, end_date=day)

    response = client.get("/events/2030/06/")

    week = next(week for week in response.context["weeks"] if day in week.days)
    assert len(week.lanes) == 4
    assert week.hidden == [0, 0, 3, 0, 0, 0, 0]
    assert week.more[2] == (3, "/events/?from=2030-06-12&to=2030-06-12")
    assert '<a href="/events/?from=2030-06-12&amp;to=2030-06-12">3 more events</a>' in response.content.decode()
    assert len(response.context["grid_events"]) == 7


def test_a_crowded_past_month_lists_the_first_events_and_links_the_archive(client):
    for number in range(MONTH_LIST + 1):
        AllDayEventFactory(title_en=f"Meeting {number}", start_date=dt.date(2016, 3, 1 + number))

    response = client.get("/events/2016/03/?type=forum")

    assert [event.title for event in response.context["grid_events"]] == [f"Meeting {n}" for n in range(MONTH_LIST)]
    content = response.content.decode()
    assert f"The first {MONTH_LIST} of {MONTH_LIST + 1} events." in content
    assert (
        '<a href="/events/past/?type=forum&amp;from=2016-03-01&amp;to=2016-03-31">Past events of this month</a>'
        in content
    )
    assert "Coming events of this month" not in content


def test_month_grid_reads_whole_rows_only_for_what_it_shows(client, django_assert_max_num_queries):
    day = dt.date(2030, 6, 12)
    for number in range(30):
        AllDayEventFactory(title_en=f"Meeting {number}", start_date=day, end_date=day)
    # 12 on a cold cache: the filter form's counts (a grouped query per vocabulary, and when an event next ends, with
    # its longest-running bound) replace its three vocabulary reads; they are kept until the calendar or that changes.
    with django_assert_max_num_queries(12):
        response = client.get("/events/2030/06/")
    assert len(response.context["grid_events"]) == 20
    assert response.context["grid_total"] == 30


def test_month_grid_applies_filters(client, seed):
    response = client.get("/events/2017/06/?type=forum")

    assert [event.slug for event in response.context["grid_events"]] == ["fourth-forum-of-regions-2017"]


@pytest.mark.parametrize("path", ["/events/2017/13/", "/events/2017/0/", "/events/99999/01/", "/events/1700/01/"])
def test_impossible_months_are_not_found(client, path):
    assert client.get(path).status_code == 404


# Detail


def test_event_detail_shows_everything_about_the_event(client, seed):
    response = client.get("/events/makei-working-visit-to-russia-2017/")

    content = response.content.decode()
    assert (response.status_code, response["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert "<h1>Working visit of Belarusian Foreign Minister Vladimir Makei to Russia</h1>" in content
    assert '<time datetime="2017-11-14">14–15 November 2017</time>' in content
    assert '<span class="type">Visit</span> · working visit' in content
    assert "<strong>Sergey Lavrov</strong>, Foreign Minister of Russia" in content
    assert "Signing of a plan of consultations between the foreign ministries of Russia and Belarus for 2018" in content
    assert 'href="/events/signing-foreign-ministries-consultations-plan-2018/"' in content
    assert 'href="/events/makei-working-visit-to-russia-2017.ics" download' in content
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in content
    assert "dates=20171114%2F20171116" in content
    assert "Comment by the Information and Press Department" in content


def test_event_detail_in_russian(client, seed):
    response = client.get("/ru/events/makei-working-visit-to-russia-2017/")

    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ru">' in content
    assert "14–15 ноября 2017 г." in content
    assert "<strong>Сергей Лавров</strong>, Министр иностранных дел России" in content
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/events/makei-working-visit-to-russia-2017/">'
        in (content)
    )
    assert 'href="/events/makei-working-visit-to-russia-2017/" hreflang="en" lang="en">EN</a>' in content


def test_event_detail_marks_english_fallback_of_a_missing_russian_text(client):
    event = upcoming_event(title_en="Consultations", title_ru="", summary_en="On security.", summary_ru="")

    content = client.get(f"/ru{event.get_absolute_url()}").content.decode()

    assert '<h1><span lang="en">Consultations</span> <span class="fallback">(на\u00a0английском)</span></h1>' in content


def test_event_detail_timed_event_is_written_in_local_time_and_utc(client):
    event = EventFactory(
        start=dt.datetime(2017, 11, 14, 7, 0, tzinfo=dt.UTC), end=dt.datetime(2017, 11, 14, 9, 0, tzinfo=dt.UTC)
    )

    content = client.get(event.get_absolute_url()).content.decode()

    assert "14 November 2017, 10:00–12:00 Moscow time (07:00–09:00 UTC)" in content


def test_event_detail_json_ld_follows_the_event(client, seed):
    event = Event.objects.get(slug="makei-working-visit-to-russia-2017")
    event.status = Event.Status.POSTPONED
    event.save()

    content = client.get(event.get_absolute_url()).content.decode()

    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    data = json.loads(block.group(1))
    assert data == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Working visit of Belarusian Foreign Minister Vladimir Makei to Russia",
        "url": "http://testserver/events/makei-working-visit-to-russia-2017/",
        "inLanguage": "en",
        "eventStatus": "https://schema.org/EventPostponed",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "description": event.summary_en,
        "startDate": "2017-11-14",
        "endDate": "2017-11-15",
        "location": {"@type": "Place", "name": "Russia", "address": {"@type": "PostalAddress", "addressCountry": "RU"}},
        "organizer": [
            {
                "@type": "Person",
                "name": "Sergey Lavrov",
                "jobTitle": "Foreign Minister of Russia",
                "nationality": {"@type": "Country", "name": "Russia"},
            }
        ],
        "attendee": [
            {
                "@type": "Person",
                "name": "Vladimir Makei",
                "jobTitle": "Foreign Minister of Belarus",
                "nationality": {"@type": "Country", "name": "Belarus"},
            }
        ],
    }
    assert '<meta property="og:title" content="Working visit of Belarusian' in content
    assert "Postponed" in content


def test_json_ld_cannot_be_broken_out_of_by_a_title(client):
    event = upcoming_event(title_en="</script><script>alert(1)</script>")

    content = client.get(event.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in content


def test_event_detail_shows_other_editions_of_its_series(client):
    series = SeriesFactory()
    this = upcoming_event(title_en="Forum 2018", series=series, edition=5)
    other = AllDayEventFactory(title_en="Forum 2017", series=series, edition=4, start_date=dt.date(2017, 6, 29))
    AllDayEventFactory(title_en="Draft forum", series=series, edition=6, is_published=False)

    response = client.get(this.get_absolute_url())

    assert list(response.context["editions"]) == [other]


@pytest.mark.parametrize(
    "hidden",
    [
        {"is_published": False},
        {"is_published": True, "publish_at": dt.datetime(2100, 1, 1, tzinfo=dt.UTC)},
    ],
    ids=["draft", "embargoed"],
)
def test_event_detail_hides_drafts_and_embargoed_events(client, hidden):
    event = EventFactory(**hidden)

    assert client.get(event.get_absolute_url()).status_code == 404


def test_event_detail_lists_only_public_parts(client):
    visit = AllDayEventFactory(title_en="Visit")
    AllDayEventFactory(parent=visit, title_en="Public signing")
    AllDayEventFactory(parent=visit, title_en="Secret talks", is_published=False)

    content = client.get(visit.get_absolute_url()).content.decode()

    assert "Public signing" in content
    assert "Secret talks" not in content


# The event page: at a glance, "Add to calendar" beside the date, "This event has ended"


def calendar_block(content: str) -> list[tuple[str, str]]:
    """The links of the page's "Add to calendar" block: (text, address) in order."""
    block = re.search(r'<section class="add-to-calendar".*?</section>', content, re.S).group(0)
    return [(text, html.unescape(href)) for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', block)]


def test_event_page_offers_every_calendar_link_at_the_top_beside_the_date(client, seed):
    content = client.get("/events/makei-working-visit-to-russia-2017/").content.decode()

    summary = "Foreign Minister of Belarus Vladimir Makei makes a working visit to Russia at the invitation of "
    summary += "Foreign Minister Sergey Lavrov.\n\nhttp://testserver/events/makei-working-visit-to-russia-2017/"
    page = quote(summary, safe="")
    title = "Working%20visit%20of%20Belarusian%20Foreign%20Minister%20Vladimir%20Makei%20to%20Russia"
    outlook = f"?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&subject={title}"
    outlook += f"&startdt=2017-11-14&enddt=2017-11-16&allday=true&body={page}&location=Russia"
    assert calendar_block(content) == [
        ("Download .ics file", "/events/makei-working-visit-to-russia-2017.ics"),
        ("Subscribe (webcal)", "webcal://testserver/events/makei-working-visit-to-russia-2017.ics"),
        (
            "Google Calendar",
            f"https://calendar.google.com/calendar/render?action=TEMPLATE&text={title}&dates=20171114%2F20171116"
            f"&details={page}&location=Russia",
        ),
        ("Outlook.com", f"https://outlook.live.com/calendar/0/action/compose{outlook}"),
        ("Microsoft 365", f"https://outlook.office.com/calendar/0/action/compose{outlook}"),
    ]
    # The facts, then the links, before the summary and everything else.
    order = ['<dl class="facts">', '<section class="add-to-calendar"', 'class="lead"', 'id="participants"']
    assert sorted(order, key=content.index) == order
    assert 'href="/events/makei-working-visit-to-russia-2017.ics" download>' in content


def test_event_page_names_the_guests_and_hosts_at_the_top_and_counts_the_others(client):
    event = upcoming_event()
    for name, role in [("Talker", "participant"), ("Guest", "guest"), ("Host", "host")] + [
        ("Other", "participant")
    ] * 3:
        ParticipationFactory(event=event, person__name_en=name, role=role)

    content = client.get(event.get_absolute_url()).content.decode()

    assert (
        '<dt>Who</dt><dd>Guest <span class="role">(guest)</span>; Host <span class="role">(host)</span>; '
        '<a href="#participants">and 4 more</a></dd>'
    ) in content


def test_event_page_of_an_undated_event_says_the_dates_are_to_be_announced_and_offers_no_calendar_link(client):
    event = AllDayEventFactory(date_precision=Event.Precision.NONE, start_date=None, end_date=None)

    response = client.get(event.get_absolute_url())

    content = response.content.decode()
    assert response.context["calendar_links"] is None
    assert "<dt>When</dt>\n      <dd>Dates to be announced</dd>" in content
    assert calendar_block(content) == []
    assert "<p>The dates are to be announced: this event can be added to a calendar once they are.</p>" in content
    assert ".ics" not in content.split('<section class="add-to-calendar"')[1].split("</section>")[0]


@pytest.mark.parametrize(
    ("status", "marker"),
    [
        (Event.Status.CONFIRMED, "This event has ended."),
        (Event.Status.TENTATIVE, "This event has ended."),
        (Event.Status.CANCELLED, "The announced dates have passed."),
        (Event.Status.POSTPONED, "The announced dates have passed."),
    ],
)
def test_event_page_of_a_past_event_says_it_has_ended(client, status, marker):
    event = AllDayEventFactory(start_date=dt.date(2017, 11, 14), end_date=dt.date(2017, 11, 15), status=status)

    content = client.get(event.get_absolute_url()).content.decode()

    assert re.findall(r'<span class="ended">([^<]+)</span>', content) == [marker]


def test_event_page_of_a_coming_or_undated_event_has_no_ended_marker(client):
    coming = upcoming_event()
    undated = AllDayEventFactory(date_precision=Event.Precision.NONE, start_date=None, end_date=None)

    pages = [client.get(event.get_absolute_url()).content.decode() for event in (coming, undated)]

    assert ['class="ended"' in page for page in pages] == [False, False]


def test_the_ended_marker_appears_the_minute_the_event_ends_though_the_page_is_cached(
    client, django_assert_max_num_queries
):
    start = dt.datetime(2030, 5, 6, 7, 0, tzinfo=dt.UTC)
    event = EventFactory(start=start, end=start + dt.timedelta(hours=2))
    with time_machine.travel(dt.datetime(2030, 5, 6, 9, 0, 30, tzinfo=dt.UTC), tick=False):
        client.get(event.get_absolute_url())
        with django_assert_max_num_queries(1):
            during = client.get(event.get_absolute_url()).content.decode()
    with time_machine.travel(dt.datetime(2030, 5, 6, 9, 1, tzinfo=dt.UTC), tick=False):
        after = client.get(event.get_absolute_url()).content.decode()
        listed = [item.pk for item in client.get("/events/past/").context["events"]]

    assert 'class="ended"' not in during
    assert '<span class="ended">This event has ended.</span>' in after
    assert listed == [event.pk]


def test_event_page_in_russian_says_who_ended_and_how_to_add_it_to_a_calendar(client, seed):
    content = client.get("/ru/events/makei-working-visit-to-russia-2017/").content.decode()

    assert '<span class="ended">Это событие завершилось.</span>' in content
    assert '<dt>Кто</dt><dd>Владимир Макей <span class="role">(гость)</span>;' in content
    assert [text for text, _href in calendar_block(content)] == [
        "Скачать файл .ics",
        "Подписаться (webcal)",
        "Google Календарь",
        "Outlook.com",
        "Microsoft 365",
    ]


def test_unpublished_events_appear_on_no_public_page(client):
    public = upcoming_event(title_en="Open forum", start_date=soon(2))
    upcoming_event(title_en="Secret draft", start_date=soon(2), is_published=False)
    upcoming_event(title_en="Embargoed visit", start_date=soon(2), publish_at=timezone.now() + dt.timedelta(days=1))
    month = soon(2)

    pages = [
        "/",
        "/events/",
        "/events/?q=Secret",
        "/events/past/",
        f"/events/{month.year}/{month.month:02d}/",
        "/feeds/upcoming.atom",
        "/sitemap.xml",
        public.get_absolute_url(),
    ]
    for path in pages:
        content = client.get(path).content.decode()
        assert "Secret draft" not in content, path
        assert "Embargoed visit" not in content, path
    assert "Open forum" in client.get("/events/").content.decode()


# Atom, sitemap, robots


def test_atom_feed_of_upcoming_events(client):
    event = upcoming_event(title_en="Open forum")

    response = client.get("/feeds/upcoming.atom")

    content = response.content.decode()
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert "<title>Open forum</title>" in content
    assert f"<id>urn:uuid:{event.uid}</id>" in content
    assert client.get("/feeds/upcoming.atom?type=nope").status_code == 400


def test_sitemap_index_names_its_sections(client, seed):
    content = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/sitemap-pages.xml</loc>" in content
    assert "<loc>http://testserver/sitemap-events.xml</loc>" in content
    assert content.count("<sitemap>") == 2


def test_sitemap_lists_public_events_in_both_languages(client, seed):
    content = client.get("/sitemap-events.xml").content.decode() + client.get("/sitemap-pages.xml").content.decode()

    assert "<loc>http://testserver/events/makei-working-visit-to-russia-2017/</loc>" in content
    assert "<loc>http://testserver/ru/events/makei-working-visit-to-russia-2017/</loc>" in content
    assert content.count("<url>") == (Event.objects.count() + 2) * 2


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin_private_feeds_and_alerts(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "User-agent: *\nDisallow: /admin/\nDisallow: /ru/admin/\nDisallow: /feeds/private/\n"
        "Disallow: /ru/feeds/private/\nDisallow: /alerts/\nDisallow: /ru/alerts/\nSitemap: http://testserver/sitemap.xml\n"
    )


def test_favicon_ico_redirects_to_the_svg_icon_the_pages_link(client):
    response = client.get("/favicon.ico")

    assert (response.status_code, response["Location"]) == (302, "/static/events/favicon.svg")
    icon = Path(finders.find("events/favicon.svg")).read_text()
    assert icon.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">')
    assert icon.endswith("</svg>\n")
    assert mimetypes.guess_type("favicon.svg")[0] == "image/svg+xml"


@pytest.mark.parametrize("path", ["/events/", "/ru/events/past/"])
def test_every_page_links_the_svg_icon_from_its_own_site(client, path):
    response = client.get(path)

    assert response.content.count(b'<link rel="icon" href="/static/events/favicon.svg" type="image/svg+xml">') == 1
    img_src = next(part for part in response["Content-Security-Policy"].split("; ") if part.startswith("img-src "))
    assert img_src.split()[1] == "'self'"


# Canonical addresses and their language alternates


def canonical_and_alternates(content: str) -> list[str]:
    """The page's canonical link and its hreflang alternates, in order, as "rel [hreflang] href"."""
    links = re.findall(r'<link rel="(canonical|alternate)"(?: hreflang="([^"]+)")? href="([^"]+)">', content)
    return [html.unescape(" ".join(part for part in link if part)) for link in links]


@pytest.mark.parametrize(
    ("path", "canonical", "english", "russian"),
    [
        ("/", "/events/", "/events/", "/ru/events/"),
        ("/ru/", "/ru/events/", "/events/", "/ru/events/"),
        (
            "/events/?utm_source=mail&type=&status=confirmed&q=talks",
            "/events/?status=confirmed&q=talks",
            "/events/?status=confirmed&q=talks",
            "/ru/events/?status=confirmed&q=talks",
        ),
        ("/ru/events/past/?fbclid=x&page=1", "/ru/events/past/", "/events/past/", "/ru/events/past/"),
        (
            "/events/2017/6/?type=visit&ref=x",
            "/events/2017/06/?type=visit",
            "/events/2017/06/?type=visit",
            "/ru/events/2017/06/?type=visit",
        ),
    ],
)
def test_every_listing_has_its_canonical_address_and_alternates_without_junk(client, path, canonical, english, russian):
    content = client.get(path).content.decode()

    server = "http://testserver"
    assert canonical_and_alternates(content) == [
        f"canonical {server}{canonical}",
        f"alternate en {server}{english}",
        f"alternate ru {server}{russian}",
        f"alternate x-default {server}{english}",
    ]


def test_a_further_page_of_the_listing_is_its_own_canonical_address(client):
    for day in range(21):
        upcoming_event(start_date=soon(day % 5 + 1))

    content = client.get("/events/?page=2&utm_source=x").content.decode()

    assert canonical_and_alternates(content)[0] == "canonical http://testserver/events/?page=2"


def test_an_event_page_is_canonical_without_any_parameter(client):
    event = upcoming_event(title_en="Forum")
    path = f"/events/{event.slug}/"

    content = client.get(f"/ru{path}?type=visit").content.decode()

    assert canonical_and_alternates(content) == [
        f"canonical http://testserver/ru{path}",
        f"alternate en http://testserver{path}",
        f"alternate ru http://testserver/ru{path}",
        f"alternate x-default http://testserver{path}",
    ]


def test_a_missing_page_has_no_canonical_address(client):
    content = client.get("/events/no-such-event/").content.decode()

    assert [link.split()[0] for link in canonical_and_alternates(content)] == ["alternate"] * 3


# A cancelled or postponed event says so wherever its title shows, in the words of the iCal SUMMARY


def test_google_and_outlook_link_titles_say_the_event_is_cancelled(client):
    event = upcoming_event(title_en="Forum", title_ru="Форум", status=Event.Status.CANCELLED)

    english = client.get(event.get_absolute_url()).context["calendar_links"]
    russian = client.get(f"/ru{event.get_absolute_url()}").context["calendar_links"]

    def link_titles(links):
        return [
            parse_qs(urlsplit(links.google).query)["text"],
            parse_qs(urlsplit(links.outlook_live).query)["subject"],
            parse_qs(urlsplit(links.outlook_office).query)["subject"],
        ]

    assert link_titles(english) == [["Cancelled: Forum"]] * 3
    assert link_titles(russian) == [["Отменено: Форум"]] * 3


def test_listing_titles_say_cancelled_and_postponed_as_the_feed_does(client):
    upcoming_event(title_en="Talks", start_date=soon(2), status=Event.Status.CANCELLED)
    upcoming_event(title_en="Forum", start_date=soon(3), status=Event.Status.POSTPONED)
    upcoming_event(title_en="Visit", start_date=soon(4))

    content = client.get("/events/").content.decode()

    assert re.findall(r'<h3 class="event-title"><a href="[^"]+">([^<]+)</a></h3>', content) == [
        "Cancelled: Talks",
        "Postponed: Forum",
        "Visit",
    ]


def test_month_grid_titles_say_cancelled_in_russian_as_the_feed_does(client):
    AllDayEventFactory(
        title_en="Talks",
        title_ru="Переговоры",
        start_date=dt.date(2017, 11, 14),
        end_date=dt.date(2017, 11, 14),
        status=Event.Status.CANCELLED,
    )

    content = client.get("/ru/events/2017/11/").content.decode()

    assert re.findall(r'<td colspan="1" class="segment status-cancelled"><a [^>]+>([^<]+)</a>', content) == [
        "Отменено: Переговоры"
    ]


def test_json_ld_of_a_cancelled_event_says_event_cancelled(client):
    event = upcoming_event(title_en="Forum", status=Event.Status.CANCELLED)

    content = client.get(event.get_absolute_url()).content.decode()

    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1))
    assert (data["name"], data["eventStatus"]) == ("Forum", "https://schema.org/EventCancelled")


# Query counts stay flat as events grow


def make_events(count):
    tag = TagFactory()
    for day in range(count):
        event = upcoming_event(start_date=soon(day % 28 + 1))
        event.tags.add(tag)
        ParticipationFactory(event=event)


@pytest.mark.parametrize("count", [5, 200])
@pytest.mark.parametrize(
    "path",
    ["/events/", "/events/past/", "MONTH", "/feeds/events.ics", "/feeds/upcoming.atom", "/sitemap-events.xml"],
)
def test_query_count_does_not_grow_with_events(client, django_assert_max_num_queries, count, path):
    make_events(count)
    month = soon(1)
    path = f"/events/{month.year}/{month.month:02d}/" if path == "MONTH" else path

    with django_assert_max_num_queries(12):
        response = client.get(path)

    assert response.status_code == 200


def test_detail_query_count_does_not_grow_with_participants(client, django_assert_max_num_queries):
    event = upcoming_event()
    for _ in range(30):
        ParticipationFactory(event=event)

    with django_assert_max_num_queries(12):
        assert client.get(event.get_absolute_url()).status_code == 200


def test_recent_events_shown_instead_of_none_upcoming_follow_the_filters(client, seed):
    response = client.get("/events/?type=forum")

    assert [event.slug for event in response.context["recent"]] == [
        "fourth-forum-of-regions-2017",
        "first-forum-of-regions-2014",
    ]


def options(content: str, name: str) -> list[str]:
    """The options of one select of a page, as written."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', content, re.S).group(1)
    return re.findall(r"<option [^>]*>[^<]*</option>", select)


def test_the_filter_form_is_rendered_once_per_data_version_and_shows_a_new_topic_at_once(client, settings):
    settings.EVENTS_PAGE_CACHE_SECONDS = 0  # the page is made each time: what is remembered is the form
    upcoming_event(title_en="Talks").tags.add(TagFactory(slug="trade", name_en="Trade"))
    client.get("/events/")
    with CaptureQueriesContext(connection) as cached:
        again = client.get("/events/")
    upcoming_event(title_en="Forum").tags.add(TagFactory(slug="energy", name_en="Energy"))

    changed = client.get("/events/")

    assert not any("events_tag" in query["sql"] for query in cached.captured_queries)
    assert options(again.content.decode(), "tag") == [
        '<option value="" selected>Any</option>',
        '<option value="trade">Trade (1)</option>',
    ]
    assert options(changed.content.decode(), "tag") == [
        '<option value="" selected>Any</option>',
        '<option value="energy">Energy (1)</option>',
        '<option value="trade">Trade (1)</option>',
    ]
    # Each choice of filters has its own copy: the one sent is the one selected.
    russian = client.get("/ru/events/?tag=trade").content.decode()
    assert '<option value="trade" selected>Trade (1)</option>' in russian


def test_the_cached_filter_form_shows_an_embargoed_events_topic_once_the_embargo_ends(client):
    now = timezone.now().replace(microsecond=0)
    upcoming_event(title_en="Talks").tags.add(TagFactory(slug="trade", name_en="Trade"))
    embargo = now + dt.timedelta(hours=2)
    upcoming_event(title_en="Forum", publish_at=embargo).tags.add(TagFactory(slug="energy", name_en="Energy"))
    with time_machine.travel(now, tick=False):
        before = client.get("/events/").content.decode()
    with time_machine.travel(embargo + dt.timedelta(minutes=1), tick=False):
        after = client.get("/events/").content.decode()

    assert options(before, "tag") == [
        '<option value="" selected>Any</option>',
        '<option value="trade">Trade (1)</option>',
    ]
    assert options(after, "tag") == [
        '<option value="" selected>Any</option>',
        '<option value="energy">Energy (1)</option>',
        '<option value="trade">Trade (1)</option>',
    ]


# The filter form offers what the page's events have


def test_each_page_counts_its_own_events_coming_past_or_all(client, settings):
    settings.EVENTS_PAGE_CACHE_SECONDS = 0
    visit, forum = EventTypeFactory(slug="visit"), EventTypeFactory(slug="forum")
    upcoming_event(event_type=visit)
    upcoming_event(event_type=forum)
    AllDayEventFactory(event_type=visit, start_date=dt.date(2017, 6, 1), end_date=dt.date(2017, 6, 1))
    AllDayEventFactory(event_type=visit, start_date=dt.date(2017, 7, 1), end_date=dt.date(2017, 7, 1))

    coming = options(client.get("/events/").content.decode(), "type")
    past = options(client.get("/events/past/").content.decode(), "type")
    month = options(client.get("/events/2017/06/").content.decode(), "type")

    assert coming == [
        '<option value="" selected>Any</option>',
        '<option value="forum">Forum (1)</option>',
        '<option value="visit">Visit (1)</option>',
    ]
    assert past == ['<option value="" selected>Any</option>', '<option value="visit">Visit (2)</option>']
    assert month == [
        '<option value="" selected>Any</option>',
        '<option value="forum">Forum (1)</option>',
        '<option value="visit">Visit (3)</option>',
    ]


def test_the_listing_counts_events_whose_dates_are_to_be_announced(client):
    undated = {"date_precision": Event.Precision.NONE, "start_date": None, "end_date": None}
    AllDayEventFactory(event_type=EventTypeFactory(slug="festival"), **undated)
    AllDayEventFactory(event_type=EventTypeFactory(slug="signing"), is_published=False, **undated)
    upcoming_event(event_type=EventTypeFactory(slug="visit"))

    content = client.get("/events/").content.decode()

    assert options(content, "type") == [
        '<option value="" selected>Any</option>',
        '<option value="festival">Festival (1)</option>',
        '<option value="visit">Visit (1)</option>',
    ]


def test_drafts_and_embargoed_events_are_neither_offered_nor_counted(client):
    upcoming_event(event_type=EventTypeFactory(slug="visit"))
    upcoming_event(event_type=EventTypeFactory(slug="signing"), is_published=False)
    ParticipationFactory(event=upcoming_event(), person=PersonFactory(slug="sergey-lavrov", name_en="Sergey Lavrov"))
    embargoed = upcoming_event(publish_at=timezone.now() + dt.timedelta(days=1))
    ParticipationFactory(event=embargoed, person=PersonFactory(slug="vladimir-makei", name_en="Vladimir Makei"))
    embargoed.tags.add(TagFactory(slug="csto", name_en="CSTO"))

    content = client.get("/events/").content.decode()

    assert options(content, "type") == [
        '<option value="" selected>Any</option>',
        '<option value="forum">Forum (1)</option>',
        '<option value="visit">Visit (1)</option>',
    ]
    assert options(content, "person") == [
        '<option value="" selected>Any</option>',
        '<option value="sergey-lavrov">Sergey Lavrov (1)</option>',
    ]
    assert options(content, "tag") == ['<option value="" selected>Any</option>']


def test_a_value_without_events_on_the_page_is_valid_and_shown_selected_with_none(client):
    AllDayEventFactory(event_type=EventTypeFactory(slug="forum"))  # in 2017: the archive's, not the listing's
    upcoming_event(event_type=EventTypeFactory(slug="visit"))
    EventTypeFactory(slug="festival")  # no event at all

    forum = client.get("/events/?type=forum")
    festival = client.get("/ru/events/?type=festival&country=by&city=Гродно")

    assert forum.status_code == 200
    assert options(forum.content.decode(), "type") == [
        '<option value="">Any</option>',
        '<option value="forum" selected>Forum (0)</option>',
        '<option value="visit">Visit (1)</option>',
    ]
    content = festival.content.decode()
    assert festival.status_code == 200
    assert options(content, "type") == [
        '<option value="">Любой</option>',
        '<option value="visit">Визит (1)</option>',
        '<option value="festival" selected>Фестиваль (0)</option>',
    ]
    assert '<option value="BY" selected>Белоруссия (0)</option>' in options(content, "country")
    assert '<option value="Гродно" selected>Гродно (0)</option>' in options(content, "city")


def test_the_city_filter_offers_cities_in_the_page_language_and_takes_any_spelling(client):
    upcoming_event(venue=VenueFactory(city_en="Moscow", city_ru="Москва"))
    upcoming_event(venue=VenueFactory(city_en="Vitebsk", city_ru="Витебск", country="BY"))
    upcoming_event(venue=VenueFactory(city_en="Minsk", city_ru="Минск", country="BY"))

    english = client.get("/events/?city=МОСКВА")
    russian = client.get("/ru/events/?city=vitebsk")

    assert titles(english) == [event.title_en for event in Event.objects.filter(venue__city_en="Moscow")]
    assert options(english.content.decode(), "city") == [
        '<option value="">Any</option>',
        '<option value="Minsk">Minsk (1)</option>',
        '<option value="Moscow" selected>Moscow (1)</option>',
        '<option value="Vitebsk">Vitebsk (1)</option>',
    ]
    assert options(russian.content.decode(), "city") == [
        '<option value="">Любой</option>',
        '<option value="Vitebsk" selected>Витебск (1)</option>',
        '<option value="Minsk">Минск (1)</option>',
        '<option value="Moscow">Москва (1)</option>',
    ]
    assert [(f["name"], f["value"]) for f in russian.context["active_filters"]] == [("Город", "Витебск")]


def test_the_counts_are_kept_until_an_event_ends(client, settings):
    settings.EVENTS_PAGE_CACHE_SECONDS = 0
    now = timezone.now().replace(second=0, microsecond=0)
    visit = EventTypeFactory(slug="visit")
    EventFactory(event_type=visit, start=now + dt.timedelta(hours=1), end=now + dt.timedelta(hours=2, seconds=30))
    EventFactory(event_type=visit, start=now + dt.timedelta(hours=1), end=now + dt.timedelta(hours=5))
    with time_machine.travel(now, tick=False):
        client.get("/events/")
    with time_machine.travel(now + dt.timedelta(hours=2), tick=False), CaptureQueriesContext(connection) as kept:
        before_the_end = client.get("/events/").content.decode()
    with time_machine.travel(now + dt.timedelta(hours=2, minutes=1), tick=False):
        after_the_end = client.get("/events/").content.decode()

    assert not any("events_eventtype" in query["sql"] for query in kept.captured_queries)
    assert '<option value="visit">Visit (2)</option>' in options(before_the_end, "type")
    assert '<option value="visit">Visit (1)</option>' in options(after_the_end, "type")


def test_a_page_with_its_form_cached_makes_as_few_queries_as_before(
    client, settings, django_assert_num_queries, still_clock
):
    settings.EVENTS_PAGE_CACHE_SECONDS = 0
    make_events(5)
    client.get("/events/")

    # The data version and the page's events; the type asked for is looked up, the counts are remembered. A new
    # selection reads its events without dates once per data version (views.undated_events).
    with django_assert_num_queries(2):
        client.get("/events/")
    with django_assert_num_queries(5):
        client.get("/events/?type=forum")
    with django_assert_num_queries(3):
        client.get("/events/?type=forum")


def test_a_month_page_is_served_from_the_cache_until_the_calendar_changes(
    client, django_assert_max_num_queries, still_clock
):
    AllDayEventFactory(title_en="Minsk Days", start_date=dt.date(2030, 10, 1), end_date=dt.date(2030, 10, 3))
    client.get("/events/2030/10/")
    with django_assert_max_num_queries(1):
        cached = client.get("/events/2030/10/")
    AllDayEventFactory(title_en="Forum of Regions", start_date=dt.date(2030, 10, 7), end_date=dt.date(2030, 10, 7))

    changed = client.get("/events/2030/10/").content.decode()

    assert "Minsk Days" in cached.content.decode()
    assert "Forum of Regions" not in cached.content.decode()
    assert "Minsk Days" in changed
    assert "Forum of Regions" in changed
