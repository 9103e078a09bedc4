"""Cases of a review of the eleventh session's drafting rules, on texts of the reviewer's own: what the new rules must
not do (a group of trucks is no traveller, a parliament's or a satellite's assembly no meeting, grant competitions no
event, "today" before a time in a quote is still a day, the object a verb cancels is what it cancels, an event's own
date in a quote is its date, "the month of Ramadan" is no month of the text)."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db


def proposals(text: str, published: dt.date) -> list[tuple[str, str, bool]]:
    return [(p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=published)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Things travelling are no visit.
        ("In July a group of containers will travel to Riga by rail.", "2024-06-25", []),
        ("Группа грузовиков с гуманитарной помощью 5 октября отправится в Бишкек.", "2024-06-25", []),
        ("In October a group of specialists will travel to Riga.", "2024-06-25", [("2024-10", "visit", False)]),
        # A parliament's, the UN's or a satellite's assembly is no meeting.
        ("The General Assembly of the United Nations adopted the resolution on 20 February.", "2024-03-01", []),
        ("The Assembly of the Republic adopted the law on the budget on 20 February.", "2024-03-01", []),
        ("The Federal Assembly approved the appointment on 20 February.", "2024-03-01", []),
        ("The assembly of the satellite was completed on 20 February.", "2024-03-01", []),
        # Competitions for grants are no event.
        ("The results of the competitions for research grants will be announced on 5 May.", "2024-02-01", []),
        # "Today" before a time, in a quote, is the day of the event the quote names.
        ("«Сегодня в 18:00 откроется выставка молодых художников», — сообщила директор музея.", "2021-09-03",
         [("2021-09-03", "exhibition", False)]),
        ("\u201cToday at 18:00 the exhibition will open,\u201d she said.", "2021-09-03",
         [("2021-09-03", "exhibition", False)]),
        # What a verb cancels is its object: restrictions for a tournament's participants are not the tournament.
        ("Правление решило отменить ограничения для участников турнира, запланированного на 10–12 сентября.",
         "2021-08-31", [("2021-09-10..2021-09-12", "other", False)]),
        ("Отменена также Международная конференция «Цифровые технологии», намеченная на 21–22 сентября.",
         "2021-08-31", [("2021-09-21..2021-09-22", "forum", True)]),
        # An event's own date, told in a quote in the next sentence, is its date.
        ("The exhibition is the main event of the season. \u201cIt will open on 1 June,\u201d the curator said.",
         "2026-05-10", [("2026-06-01", "exhibition", False)]),
        # "The end of the month of Ramadan", "the month-long festival" name no month of the text.
        ("The forum, held at the end of the month of Ramadan, gathered 500 guests.", "2021-09-10", []),
        ("At the end of the month-long festival, on 30 October, a gala concert will be given.", "2021-09-10",
         [("2021-10-30", "other", False)]),
    ],
)  # fmt: skip
def test_the_eleventh_sessions_rules_keep_to_their_own_cases(seed, text, published, expected):
    assert proposals(text, dt.date.fromisoformat(published)) == expected
