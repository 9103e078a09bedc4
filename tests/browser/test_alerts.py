"""A reader asks for e-mail alerts from a listing on a phone, in a real browser, and confirms them from the message."""

import re

from events.models import Alert, AlertMessage

from .conftest import ARTIFACTS

WIDTH = 360


def scroll_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_a_reader_asks_for_a_daily_digest_of_visits_and_confirms_it_from_the_message(site, phone):
    phone.goto(f"{site}/ru/events/?type=visit")
    phone.get_by_role("link", name="по почте").click()
    phone.wait_for_load_state()
    heading = phone.locator("h1").inner_text()
    widths = [scroll_width(phone)]
    phone.get_by_label("Ваш адрес электронной почты").fill("reporter@example.org")
    phone.get_by_label("раз в день, сводкой").check()
    phone.screenshot(path=ARTIFACTS / "alerts-form-360.png", full_page=True)
    phone.get_by_role("button", name="Подписаться").click()
    phone.wait_for_load_state()
    asked = phone.locator("h1").inner_text()
    phone.screenshot(path=ARTIFACTS / "alerts-asked-360.png")

    [message] = AlertMessage.objects.filter(kind="confirm")
    [confirm] = re.findall(r"http://\S+/confirm/", message.body)
    phone.goto(confirm)
    widths.append(scroll_width(phone))
    phone.get_by_role("button", name="Подтвердить").click()
    phone.wait_for_load_state()
    notice = phone.locator(".notice").inner_text()

    # The demo's own alerts of the address and selection gave way to this one.
    alert = Alert.objects.get(email="reporter@example.org")
    # Russian pages are typeset: a non-breaking space after a word of two letters.
    assert (heading, asked) == ("Оповещения по\u00a0почте", "Проверьте почту")
    assert notice == "Подтверждено. Письма будут приходить, когда в\u00a0этой подборке что-то изменится."
    assert (alert.selection, alert.frequency, alert.language) == ("type=visit", "daily", "ru")
    assert alert.confirmed_at is not None
    assert widths == [WIDTH, WIDTH]
