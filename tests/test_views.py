import datetime as dt

import pytest

from .factories import AllDayEventFactory, EventFactory

pytestmark = pytest.mark.django_db


def test_event_detail_shows_a_public_event(client, seed):
    response = client.get("/events/makei-working-visit-to-russia-2017/")

    content = response.content.decode()
    assert (response.status_code, response["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert "<h1>Working visit of Belarusian Foreign Minister Vladimir Makei to Russia</h1>" in content
    assert "14–15 November 2017" in content
    assert "Sergey Lavrov, Foreign Minister of Russia (host)" in content


def test_event_detail_in_russian(client, seed):
    response = client.get("/ru/events/makei-working-visit-to-russia-2017/")

    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ru">' in content
    assert "14–15 ноября 2017 г." in content
    assert "Сергей Лавров, Министр иностранных дел России (принимающая сторона)" in content


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
