"""Drafting events from a press release: dates as prose writes them, places, people, types, titles."""

import datetime as dt
import re
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.importers.release import propose
from events.importers.release_words import (
    MAX_PROPOSALS,
    MAX_TEXT,
    Morphology,
    default_analyzer,
    parse_dates,
    split_sentences,
)
from events.models import Event, Participation, Source

pytestmark = pytest.mark.django_db

RELEASE = Path(__file__).resolve().parents[2] / "fixtures" / "release-2017-11-13.txt"
PUBLISHED = dt.date(2017, 11, 13)


def summary(proposals) -> list[tuple]:
    return [(p.iso, p.event_type.slug, p.visit_level, p.place_name, p.title) for p in proposals]


def test_the_seed_release_proposes_its_visits_forums_and_culture_days_with_their_precision(seed):
    proposals = propose(RELEASE.read_text(), published=PUBLISHED)

    assert summary(proposals) == [
        ("2017-11-14..2017-11-15", "visit", "working", "Russia", "Working visit by Vladimir Makei to Russia"),
        ("2017-06-04..2017-06-05", "visit", "", "Moscow, Russia", "Visit by Vladimir Makei to Moscow"),
        ("2014", "forum", "", "", "Forum of Russian and Belarusian Regions"),
        ("2017-06-29..2017-06-30", "forum", "", "Moscow, Russia", "Fourth Forum of Russian and Belarusian Regions"),
        ("2015-06", "culture-days", "", "Belarus", "Russian Spiritual Culture Days"),
        ("2016-06", "culture-days", "", "Belarus", "Moscow Days"),
        ("2016", "culture-days", "", "Moscow, Russia", "Belarusian Culture Days"),
        ("2017-10", "culture-days", "", "Moscow, Russia", "Minsk Days"),
    ]
    assert [person.name for person in proposals[0].people] == ["Vladimir Makei", "Sergey Lavrov"]
    assert proposals[0].sentence.startswith("On November 14−15, Foreign Minister of Belarus Vladimir Makei will make")
    assert proposals[2].sentence.endswith("at the initiative of the upper houses of the two countries’ parliaments.")
    assert [(p.start, p.end, p.precision) for p in proposals[2:5]] == [
        (dt.date(2014, 1, 1), dt.date(2014, 12, 31), "year"),
        (dt.date(2017, 6, 29), dt.date(2017, 6, 30), "day"),
        (dt.date(2015, 6, 1), dt.date(2015, 6, 1), "month"),
    ]


def test_the_command_prints_one_proposal_per_line(seed):
    out = StringIO()

    call_command("draft_from_release", str(RELEASE), "--published", "2017-11-13", stdout=out)

    lines = [line.split("\t")[:4] for line in out.getvalue().splitlines()]
    assert lines == [
        ["2017-11-14..2017-11-15", "visit", "Russia", "Working visit by Vladimir Makei to Russia"],
        ["2017-06-04..2017-06-05", "visit", "Moscow, Russia", "Visit by Vladimir Makei to Moscow"],
        ["2014", "forum", "", "Forum of Russian and Belarusian Regions"],
        ["2017-06-29..2017-06-30", "forum", "Moscow, Russia", "Fourth Forum of Russian and Belarusian Regions"],
        ["2015-06", "culture-days", "Belarus", "Russian Spiritual Culture Days"],
        ["2016-06", "culture-days", "Belarus", "Moscow Days"],
        ["2016", "culture-days", "Moscow, Russia", "Belarusian Culture Days"],
        ["2017-10", "culture-days", "Moscow, Russia", "Minsk Days"],
    ]
    assert out.getvalue().splitlines()[1].split("\t")[4].startswith("Mr Makei’s visit to Moscow on June 4−5")


def test_the_command_refuses_a_bad_publication_date_and_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match=r"--published: give a date as YYYY-MM-DD, not '13\.11\.2017'"):
        call_command("draft_from_release", str(RELEASE), "--published", "13.11.2017")
    with pytest.raises(CommandError, match="No such file"):
        call_command("draft_from_release", str(tmp_path / "none.txt"), "--published", "2017-11-13")


RUSSIAN = """14–15 ноября Министр иностранных дел Белоруссии В.Макей совершит рабочий визит в Россию \
по приглашению Министра иностранных дел С.Лаврова.

IV Форум регионов России и Белоруссии прошёл в Москве 29−30 июня 2017 года. В июне этого года \
исполнилось 25 лет дипломатических отношений.

Белоруссия принимала Дни русской духовной культуры в июне 2015 года. В Москве в 2016 году прошли Дни \
белорусской культуры, а в октябре 2017 года — Дни Минска. Фестиваль «Славянский базар» проходит в Витебске ежегодно."""


def test_a_russian_release_gives_the_same_events_in_russian(seed):
    proposals = propose(RUSSIAN, published=PUBLISHED, language="ru")

    assert summary(proposals) == [
        ("2017-11-14..2017-11-15", "visit", "working", "Россия", "Рабочий визит: Владимир Макей, Россия"),
        ("2017-06-29..2017-06-30", "forum", "", "Москва, Россия", "IV Форум регионов России и Белоруссии"),
        ("2015-06", "culture-days", "", "Белоруссия", "Дни русской духовной культуры"),
        ("2016", "culture-days", "", "Москва, Россия", "Дни белорусской культуры"),
        ("2017-10", "culture-days", "", "Москва, Россия", "Дни Минска"),
    ]
    assert [person.name_en for person in proposals[0].people] == ["Vladimir Makei", "Sergey Lavrov"]


OTHER = """Foreign Minister Sergey Lavrov will pay an official visit to Beijing on 3–5 March 2018.
The Fifth Forum of Russian and Belarusian Regions will take place in Mogilev in June.
The Minsk International Film Festival opens on December 1-3, and an exhibition of Belarusian \
art runs from 30 November – 2 December 2017 in Kazan.
Trade grew by 20 per cent in 2016, and 2400 MW of capacity will be added by 2019."""


def test_other_release_texts_give_days_months_and_cross_month_ranges_without_inventing(seed):
    proposals = propose(OTHER, published=PUBLISHED)

    assert summary(proposals) == [
        ("2018-03-03..2018-03-05", "visit", "official", "Beijing, China", "Official visit by Sergey Lavrov to Beijing"),
        ("2018-06", "forum", "", "Mogilev, Belarus", "Fifth Forum of Russian and Belarusian Regions"),
        ("2017-12-01..2017-12-03", "festival", "", "", "Minsk International Film Festival"),
        ("2017-11-30..2017-12-02", "exhibition", "", "Kazan, Russia", "Exhibition of Belarusian art"),
    ]
    assert proposals[0].place["timezone"] == "Asia/Shanghai"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017-11-14..2017-11-15", (dt.date(2017, 11, 14), dt.date(2017, 11, 15), "day")),
        ("2017-11-14", (dt.date(2017, 11, 14), dt.date(2017, 11, 14), "day")),
        ("2015-06", (dt.date(2015, 6, 1), dt.date(2015, 6, 1), "month")),
        ("2015-09..2015-11", (dt.date(2015, 9, 1), dt.date(2015, 11, 1), "month")),
        ("2014", (dt.date(2014, 1, 1), dt.date(2014, 12, 31), "year")),
    ],
)
def test_proposal_dates_are_read_back_from_their_iso_form(text, expected):
    assert parse_dates(text) == expected


@pytest.mark.parametrize(
    "text", ["14.11.2017", "2017-11-15..2017-11-14", "2017-13", "2015-11..2015-09", "2015-09..2015-11-30", "soon", ""]
)
def test_proposal_dates_that_are_not_iso_or_backwards_are_refused(text):
    with pytest.raises(ValueError, match=r"Write the dates as|The last day is before the first"):
        parse_dates(text)


def formset_data(client_page_context) -> dict:
    """The proposal formset's fields as the page rendered them, ready to post back."""
    formset = client_page_context["proposals"]
    data = {f"proposal-{key}": value for key, value in formset.management_form.initial.items()}
    for index, form in enumerate(formset.forms):
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            if name == "include":
                if value:
                    data[f"proposal-{index}-include"] = "on"
            elif name == "people":
                data[f"proposal-{index}-people"] = [person.pk for person in value or []]
            elif name == "event_type":
                data[f"proposal-{index}-event_type"] = value.pk
            else:
                data[f"proposal-{index}-{name}"] = value or ""
    return data


def test_admin_drafting_proposes_then_saves_the_ticked_events_as_drafts_with_their_source(seed, admin_client):
    url = "/admin/events/event/draft/"
    release = {
        "title": "Comment on the working visit",
        "url": "https://mid.example.org/release",
        "published": "2017-11-13",
        "language": "en",
        "text": RELEASE.read_text(),
    }
    assert admin_client.get(url).status_code == 200
    before = Event.objects.count()

    proposed = admin_client.post(url, {**release, "propose": "1"})
    data = formset_data(proposed.context)
    data["proposal-1-include"] = ""  # the officer unticks the June visit
    data["proposal-0-title"] = "Working visit of Vladimir Makei to Russia"
    saved = admin_client.post(url, {**release, **data, "save": "1"})

    assert "Working visit by Vladimir Makei to Russia" in proposed.content.decode()
    assert saved.status_code == 302
    drafts = Event.objects.filter(source__title_en="Comment on the working visit").order_by("pk")
    assert Event.objects.count() == before + 7
    assert [(e.title, e.is_published, e.date_precision) for e in drafts][:3] == [
        ("Working visit of Vladimir Makei to Russia", False, "day"),
        ("Forum of Russian and Belarusian Regions", False, "year"),
        ("Fourth Forum of Russian and Belarusian Regions", False, "day"),
    ]
    visit = drafts[0]
    assert (visit.start_date, visit.end_date, visit.visit_level) == (
        dt.date(2017, 11, 14),
        dt.date(2017, 11, 15),
        "working",
    )
    assert (visit.venue.city, visit.venue.country.code) == ("", "RU")
    assert [(p.person.name, p.role) for p in visit.participations.order_by("order")] == [
        ("Vladimir Makei", Participation.Role.GUEST),
        ("Sergey Lavrov", Participation.Role.PARTICIPANT),
    ]
    source = Source.objects.get(title_en="Comment on the working visit")
    assert (source.url, source.published_at.date(), source.text[:13]) == (
        "https://mid.example.org/release",
        dt.date(2017, 11, 13),
        "13 November 2",
    )
    assert drafts[2].venue.city == "Moscow"
    assert drafts[2].description.startswith("The Fourth Forum of Russian and Belarusian Regions held in Moscow")


def test_admin_drafting_shows_a_bad_date_and_saves_nothing(seed, admin_client):
    url = "/admin/events/event/draft/"
    release = {"title": "R", "published": "2017-11-13", "language": "en", "text": RELEASE.read_text()}
    data = formset_data(admin_client.post(url, {**release, "propose": "1"}).context)
    data["proposal-0-dates"] = "14.11.2017"
    before = (Event.objects.count(), Source.objects.count())

    response = admin_client.post(url, {**release, **data, "save": "1"})

    assert response.status_code == 200
    assert "Write the dates as 2017-11-14..2017-11-15" in response.content.decode()
    assert (Event.objects.count(), Source.objects.count()) == before


def test_admin_drafting_asks_for_a_text(admin_client):
    response = admin_client.post(
        "/admin/events/event/draft/", {"title": "R", "published": "2017-11-13", "language": "en", "propose": "1"}
    )

    assert "Paste the release&#x27;s text or upload it." in response.content.decode()


MORE = """MINSK, 20 February – The Forum of Regions will take place from 3 to 5 March in Minsk.
Lavrov to visit Minsk on 12 March
The exhibition, which opened in Moscow on 19 February, will run for a month.
The Forum will be held in St. Petersburg on 14-15 June.
The festival will take place in 2000 schools across Russia.
Trade grew by 1-2 per cent in 2017, the ministers noted at the meeting.
The meeting will take place on 31 April.
A festival of Belarusian film runs from 28 February to 2 March."""


def test_ranges_in_words_datelines_headlines_abbreviations_and_counts_are_read_right(seed):
    proposals = propose(MORE, published=dt.date(2018, 2, 20))

    assert summary(proposals) == [
        ("2018-03-03..2018-03-05", "forum", "", "Minsk, Belarus", "Forum of Regions"),
        ("2018-03-12", "visit", "", "Minsk, Belarus", "Visit by Sergey Lavrov to Minsk"),
        ("2018-02-19", "exhibition", "", "Moscow, Russia", "Exhibition"),
        ("2018-06-14..2018-06-15", "forum", "", "", "Forum"),
        ("2018-02-28..2018-03-02", "festival", "", "", "Festival of Belarusian film"),
    ]


def test_a_russian_range_with_s_po_and_an_abbreviated_city(seed):
    text = "Заседание Совета министров состоится в г. Минске с 10 по 12 апреля. Открылась выставка макетов."

    proposals = propose(text, published=dt.date(2018, 2, 20), language="ru")

    assert summary(proposals) == [
        ("2018-04-10..2018-04-12", "meeting", "", "Минск, Белоруссия", "Заседание Совета министров")
    ]
    assert proposals[0].people == []


def test_admin_drafting_from_an_uploaded_file_keeps_the_text_for_saving(seed, admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = "/admin/events/event/draft/"
    release = {"title": "Uploaded", "published": "2017-11-13", "language": "en"}
    upload = SimpleUploadedFile("release.txt", RELEASE.read_bytes())

    proposed = admin_client.post(url, {**release, "file": upload, "propose": "1"})
    text = proposed.context["form"]["text"].value()
    saved = admin_client.post(url, {**release, "text": text, **formset_data(proposed.context), "save": "1"})

    assert text == RELEASE.read_text()
    assert saved.status_code == 302
    assert Event.objects.filter(source__title_en="Uploaded").count() == 8
    assert Source.objects.get(title_en="Uploaded").text == RELEASE.read_text()


def test_admin_drafting_refuses_an_uploaded_text_longer_than_drafting_reads(db, admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    release = {"title": "Long", "published": "2017-11-13", "language": "en", "propose": "1"}
    upload = SimpleUploadedFile("release.txt", ("word " * (MAX_TEXT // 5 + 1)).encode())
    response = admin_client.post("/admin/events/event/draft/", {**release, "file": upload})
    assert (response.context["proposals"], response.context["form"].errors["file"]) == (
        None,
        [f"Ensure this value has at most {MAX_TEXT} characters (it has {MAX_TEXT + 5})."],
    )


# Drafting reads a text in time linear in its length: a text twice as long is no more than about twice the work. The
# work is counted, not timed: the calls of a step, or the words it reads.
LONG_CLAUSE = (
    "the Fourth Forum of Russian and Belarusian Regions will take place in Moscow on June 29−30 {year} and Foreign "
    "Minister Sergey Lavrov will pay a working visit to Minsk on November 14−15 {year} "
)


def long_clause(repeats: int) -> str:
    """LONG_CLAUSE again and again, each time in another year: the same event named twice is proposed once."""
    return "".join(LONG_CLAUSE.format(year=1900 + n) for n in range(repeats))


def test_a_sentence_without_full_stops_has_each_clause_tense_read_once_not_once_per_date(seed):
    work = []
    for repeats in (20, 40):
        done = Counter()
        proposals = propose(long_clause(repeats), published=PUBLISHED, work=done)
        work.append(done["tense words"])

    assert len(proposals) == 80
    assert work[1] <= 2.2 * work[0]


def test_the_place_before_each_date_of_a_long_sentence_is_not_looked_for_again_from_the_sentence_start(seed):
    # No place near the dates: each event's place is the one the sentence names first ("in Moscow").
    clause = "the Forum of Regions opens on 14 November {year} and the Culture Days open on 15 November {year} "
    work = []
    for repeats in (20, 40):
        done = Counter()
        text = "".join(clause.format(year=1900 + n) for n in range(repeats))
        proposals = propose("Events in Moscow: " + text, published=PUBLISHED, work=done)
        work.append(done["place lookups"])

    assert {proposal.place_name for proposal in proposals} == {"Moscow, Russia"}
    assert len(proposals) == 80
    assert work[1] <= 2.2 * work[0]


class CountingAnalyzer:
    """pymorphy3's analyzer, noting each word it is asked about."""

    def __init__(self):
        self.analysed = []

    def parse(self, word):
        self.analysed.append(word)
        return default_analyzer().parse(word)


def test_russian_words_are_analysed_once_however_often_the_text_repeats_them(seed):
    text = re.sub(r"[.,—\n]", " ", RUSSIAN)  # one sentence, one clause
    work = []
    for repeats in (3, 6):
        analyzer = CountingAnalyzer()
        propose(text * repeats, published=PUBLISHED, language="ru", morphology=Morphology(analyzer))
        work.append(len(analyzer.analysed))

    assert work[0] > 0
    assert work[1] == work[0]


def test_a_sentence_naming_more_events_than_the_most_proposals_is_read_only_up_to_them(seed):
    done = Counter()

    proposals = propose(long_clause(MAX_PROPOSALS), published=PUBLISHED, work=done)

    assert len(proposals) == done["titles"] == MAX_PROPOSALS


def test_long_runs_of_blank_lines_and_abbreviations_split_like_short_ones():
    text = "MINSK, 20 February\n" + "\n \n" * 5_000 + "Mr. " * 5_000 + "Lavrov arrived.\n\n\n  \nand left. Next."

    assert split_sentences(text) == [
        "MINSK, 20 February",
        "Mr. " * 5_000 + "Lavrov arrived. and left.",
        "Next.",
    ]


def test_the_command_refuses_a_text_longer_than_max_text(tmp_path):
    release = tmp_path / "release.txt"
    release.write_text("word " * (MAX_TEXT // 5) + "x", encoding="utf-8")

    with pytest.raises(CommandError, match=r"longer than 100,000 characters.*\nТекст длиннее 100\xa0000 знаков"):
        call_command("draft_from_release", str(release), "--published", "2017-11-13")


def test_the_command_reads_a_text_of_exactly_max_text_characters(tmp_path):
    release = tmp_path / "release.txt"
    release.write_text("word " * (MAX_TEXT // 5), encoding="utf-8")
    out = StringIO()

    call_command("draft_from_release", str(release), "--published", "2017-11-13", stdout=out)

    assert out.getvalue() == ""


def test_a_day_within_an_event_of_the_same_type_named_before_is_that_event_and_a_date_opening_a_line_no_dateline(
    seed,
):
    text = (
        "С 1 по 7 июля в Белграде пройдёт фестиваль. Открытие фестиваля состоится 1 июля.\n12–13 июля – форум в Риме."
    )

    proposals = propose(text, published=dt.date(2024, 5, 20))

    assert [(p.iso, p.event_type.slug) for p in proposals] == [
        ("2024-07-01..2024-07-07", "festival"),
        ("2024-07-12..2024-07-13", "forum"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Consultations with the delegation of Chile, which arrived on Monday on a three-day working visit, took place "
         "yesterday.", [("2025-04-07..2025-04-09", "visit"), ("2025-04-10", "meeting")]),
        ("Консультации с делегацией Чили, которая прибыла в понедельник с рабочим визитом, прошли вчера.",
         [("2025-04-07", "visit"), ("2025-04-10", "meeting")]),
    ],
)  # fmt: skip
def test_each_date_takes_the_event_word_of_its_own_clause(seed, text, expected):
    proposals = propose(text, published=dt.date(2025, 4, 11))

    assert [(p.iso, p.event_type.slug) for p in proposals] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Elected on 2 March, the new President paid his first foreign visit on 9 April to Minsk.",
        "Избранный 2 марта новый Президент совершил свой первый зарубежный визит 9 апреля в Минск.",
    ],
)
def test_an_event_word_between_two_dates_is_the_nearer_ones(seed, text):
    proposals = propose(text, published=dt.date(2025, 4, 11))

    assert [(p.iso, p.event_type.slug) for p in proposals] == [("2025-04-09", "visit")]


@pytest.mark.parametrize(
    ("prefix", "named", "not_named"),
    [("/ru", ">Германия</option>", ">Germany</option>"), ("", ">Germany</option>", ">Германия</option>")],
)
def test_admin_drafting_names_the_countries_in_the_officers_language(seed, admin_client, prefix, named, not_named):
    release = {"title": "R", "published": "2026-06-01", "language": "ru", "propose": "1"}
    proposed = admin_client.post(
        f"{prefix}/admin/events/event/draft/", {**release, "text": "12 июля в Минске пройдёт форум."}
    )
    page = proposed.content.decode()

    assert named in page
    assert not_named not in page


def test_a_full_stop_in_a_short_quoted_name_ends_no_sentence_but_one_in_quoted_speech_does():
    text = (
        "Заявки на выставку «Иннопром. Центральная Азия» принимаются до 31 марта. "
        "«Мы ждём всех. Приезжайте в Ташкент», – сказал министр. "
        "The “Arctic. Territory of Dialogue” forum opens today."
    )

    assert split_sentences(text) == [
        "Заявки на выставку «Иннопром. Центральная Азия» принимаются до 31 марта.",
        "«Мы ждём всех.",
        "Приезжайте в Ташкент», – сказал министр.",
        "The “Arctic. Territory of Dialogue” forum opens today.",
    ]


@pytest.mark.parametrize(
    ("text", "country", "title"),
    [
        # CLDR's name of a country beside the calendar's own ("Белоруссия"), and a name with another in brackets.
        ("Делегация находилась в Беларуси с 3 по 5 мая.", "BY", "Визит: Белоруссия"),  # named as the calendar names it
        ("The delegation was in Myanmar from 3 to 5 May.", "MM", "Visit to Myanmar"),
        # A state's form before its name.
        ("27 апреля – 1 мая делегация комиссии находилась в Республике Узбекистан.", "UZ", "Визит: Узбекистан"),
    ],
)
def test_countries_are_found_by_their_other_names_and_after_their_form_of_state(seed, text, country, title):
    (proposal,) = propose(text, published=dt.date(2024, 1, 19))
    assert (proposal.event_type.slug, proposal.place["country"], proposal.title) == ("visit", country, title)
