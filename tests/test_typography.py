"""events/typography.py: non-breaking spaces in the text of Russian pages, and nowhere else."""

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events.export import export_site
from events.freshness import body_etag
from events.typography import NBSP, typeset_html, typeset_text

pytestmark = pytest.mark.django_db

S = NBSP  # short, so that expected sentences stay readable
DETAIL = "/ru/events/makei-working-visit-to-russia-2017/"


# Sentences of the seed (fixtures/seed.json) and of the press release it comes from


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Рабочий визит Министра иностранных дел Белоруссии Владимира Макея в Россию",
            f"Рабочий визит Министра иностранных дел Белоруссии Владимира Макея в{S}Россию",
        ),
        (
            "Министр иностранных дел Белоруссии Владимир Макей совершает рабочий визит в Россию по приглашению "
            "Министра иностранных дел России Сергея Лаврова.",
            f"Министр иностранных дел Белоруссии Владимир Макей совершает рабочий визит в{S}Россию по{S}приглашению "
            "Министра иностранных дел России Сергея Лаврова.",
        ),
        (
            "Особое внимание будет уделено перспективам развития в рамках интеграционных объединений, включая ЕАЭС, "
            "СНГ, а также ОДКБ с учётом председательства Белоруссии в этой организации.",
            f"Особое внимание будет уделено перспективам развития в{S}рамках интеграционных объединений, включая ЕАЭС, "
            f"СНГ, а{S}также ОДКБ с{S}учётом председательства Белоруссии в{S}этой организации.",
        ),
        ("Дни Минска в Москве", f"Дни Минска в{S}Москве"),
    ],
)
def test_a_word_of_one_or_two_letters_keeps_the_word_after_it(text, expected):
    assert typeset_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14–15 ноября 2017 г.", f"14–15{S}ноября 2017{S}г."),
        (
            "В июне 2017 года Россия и Белоруссия отметили 25-летие установления дипломатических отношений.",
            f"В{S}июне 2017{S}года Россия и{S}Белоруссия отметили 25-летие установления дипломатических отношений.",
        ),
        (
            "были подписаны межрегиональные соглашения и коммерческие контракты на сумму более 450 млн долларов США.",
            f"были подписаны межрегиональные соглашения и{S}коммерческие контракты на{S}сумму более 450{S}млн "
            "долларов США.",
        ),
        ("Ежегодный форум; впервые проведён в 2014 году.", f"Ежегодный форум; впервые проведён в{S}2014{S}году."),
        ("5 дней, 10 км, 2400 МВт, 50 %", f"5{S}дней, 10{S}км, 2400{S}МВт, 50{S}%"),
        ("15 000 участников, 1 000 000 долларов", f"15{S}000{S}участников, 1{S}000{S}000{S}долларов"),
        ("Решение № 5, § 3", f"Решение №{S}5, §{S}3"),
    ],
)
def test_a_number_keeps_its_month_unit_or_counted_word(text, expected):
    assert typeset_text(text) == expected


def test_a_number_followed_by_a_capitalised_word_or_another_number_may_break():
    text = "В 2016 Москва приняла Дни культуры. Город 2014 100 раз"

    assert typeset_text(text) == f"В{S}2016 Москва приняла Дни культуры. Город 2014 100{S}раз"


def test_a_dash_stays_with_the_word_before_it():
    text = (
        "Подписание программы согласованных действий в области внешней политики государств — участников Договора "
        "о создании Союзного государства на 2018−2019 годы"
    )

    assert typeset_text(text) == (
        f"Подписание программы согласованных действий в{S}области внешней политики государств{S}— участников "
        f"Договора о{S}создании Союзного государства на{S}2018−2019{S}годы"
    )


def test_a_spaced_en_dash_stays_with_the_word_before_it_and_an_unspaced_one_is_left_alone():
    assert typeset_text("Минск – Москва, 2018–2019, кто-то") == f"Минск{S}– Москва, 2018–2019, кто-то"


def test_capital_and_latin_words_count_as_words():
    assert typeset_text("IV Форум регионов России и Белоруссии; I Форум") == (
        f"IV{S}Форум регионов России и{S}Белоруссии; I{S}Форум"
    )


def test_an_english_text_on_a_russian_page_is_typeset_the_same_way():
    # A text missing in Russian is shown in English, marked "(на английском)": the press release's first sentence.
    text = (
        "On November 14−15, Foreign Minister of Belarus Vladimir Makei will make a working visit to Russia at the "
        "invitation of Foreign Minister Sergey Lavrov. It accounts for some 50 per cent of Belarusian foreign trade "
        "(51.5 per cent for January through September 2017). The largest of these is Rosatom’s 2400 MW nuclear "
        "power station project in Belarus."
    )

    assert typeset_text(text) == (
        f"On{S}November 14−15, Foreign Minister of{S}Belarus Vladimir Makei will make a{S}working visit to{S}Russia "
        f"at{S}the invitation of{S}Foreign Minister Sergey Lavrov. It{S}accounts for some 50{S}per cent of{S}"
        f"Belarusian foreign trade (51.5{S}per cent for January through September 2017). The largest of{S}these "
        f"is{S}Rosatom’s 2400{S}MW{S}nuclear power station project in{S}Belarus."
    )


def test_initials_and_short_abbreviations_stay_together():
    assert typeset_text("В. В. Путин, т. е. и т. д.") == f"В.{S}В.{S}Путин, т.{S}е. и{S}т.{S}д."


@pytest.mark.parametrize(
    "text",
    [
        "из-за угла, по-русски, Ростов-на-Дону",  # the last part of a hyphenated word is not a word of its own
        "Министры обсудят вопросы.",  # no word of one or two letters
        "в\nРоссию, в  Россию, в\tРоссию",  # a template's layout: not one plain space
        "— начало строки; конец строки в",  # a dash that begins the text, a short word that ends it
        "в.",
    ],
)
def test_what_no_rule_covers_is_left_as_it_is(text):
    assert typeset_text(text) == text


# HTML: text only


def test_inline_markup_continues_the_text_and_its_attributes_stay_as_they_are():
    html = (
        '<p title="в Россию">Визит в <a href="/ru/events/?q=в Россию" aria-label="в Россию">Россию</a> '
        "на <b>2017</b> год</p>"
    )

    assert typeset_html(html) == (
        f'<p title="в Россию">Визит в{S}<a href="/ru/events/?q=в Россию" aria-label="в Россию">Россию</a> '
        f"на{S}<b>2017</b>{S}год</p>"
    )


def test_block_markup_ends_the_text():
    html = "<ul><li>Визит в</li> <li>Москву</li></ul><p>Визит в</p> <p>Москву</p><p>в</p> <br> Минск"

    assert typeset_html(html) == html


@pytest.mark.parametrize(
    "html",
    [
        '<script type="application/ld+json">{"name": "Визит в Россию", "date": "14 ноября"}</script>',
        "<style>a::before { content: 'в x'; }</style>",
        "<pre>в Россию\n14 ноября</pre>",
        "<textarea name='q'>в Россию</textarea>",
        "<code>в x</code>",
        "<!-- в Россию -->",
        "<script>в Россию",  # never closed: a browser reads it to the end as a script
        '<input name="q" value="в Россию"><option value="в x" selected>',
        '<select name="country"><option value="BA">Босния и Герцеговина</option></select>',  # one line, never wrapped
    ],
)
def test_scripts_styles_preformatted_text_form_values_and_comments_are_left_as_they_are(html):
    assert typeset_html(html) == html


def test_the_text_around_a_script_is_typeset():
    html = "<p>в Россию</p><script>в Россию</script><p>в Минск</p>"

    assert typeset_html(html) == f"<p>в{S}Россию</p><script>в Россию</script><p>в{S}Минск</p>"


# Properties: only spaces change, and never in markup

TEXT = st.text(alphabet="вВкиаIнаоне x1205–—-.,№%\u00a0\n\t&;’'«»ёЁ", max_size=60)
MARKUP = st.sampled_from(
    [
        "<p>",
        "</p>",
        '<a href="/ru/events/?q=в x&amp;type=visit">',
        "</a>",
        '<span title="в x" aria-label="и 5 дней">',
        "</span>",
        "<time datetime='2017-11-14'>",
        "</time>",
        "<br>",
        '<input name="q" value="в x">',
        "<!-- в x -->",
        "<script>в x 14 ноября</script>",
        "<style>p { content: 'в x'; }</style>",
        "<pre>в x\n5 дней</pre>",
        "<textarea>и x</textarea>",
        "<code>на x</code>",
    ]
)
DOCUMENT = st.lists(st.one_of(TEXT, MARKUP), max_size=12).map("".join)


def only_spaces_changed(before: str, after: str) -> bool:
    return len(before) == len(after) and all(
        old == new or (old, new) == (" ", NBSP) for old, new in zip(before, after, strict=True)
    )


@given(TEXT)
def test_typesetting_text_only_turns_spaces_into_non_breaking_ones(text):
    typeset = typeset_text(text)

    assert only_spaces_changed(text, typeset)
    assert typeset.replace(NBSP, " ") == text.replace(NBSP, " ")
    assert typeset_text(typeset) == typeset


class Markup(HTMLParser):
    """What an HTML parser reads besides prose: tags as written, comments, and the text of scripts, styles,
    preformatted text, text areas and code."""

    LITERAL = {"script", "style", "pre", "textarea", "code"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.found, self.open = [], []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.found.append(("tag", self.get_starttag_text()))
        self.open.append(tag)

    def handle_endtag(self, tag):
        self.found.append(("end", tag))
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_comment(self, data):
        self.found.append(("comment", data))

    def handle_data(self, data):
        literal = self.LITERAL.intersection(self.open)
        self.found.append(("literal", data) if literal else ("text", data.replace(NBSP, " ")))


def joined(found: list) -> list:
    """Adjacent prose joined: the parser may cut text anywhere."""
    result = []
    for kind, value in found:
        if result and kind == result[-1][0] == "text":
            result[-1] = ("text", result[-1][1] + value)
        else:
            result.append((kind, value))
    return result


@given(DOCUMENT)
def test_typesetting_html_only_turns_spaces_into_non_breaking_ones_and_never_in_markup(html):
    typeset = typeset_html(html)

    assert only_spaces_changed(html, typeset)
    assert joined(Markup(typeset).found) == joined(Markup(html).found)
    assert typeset_html(typeset) == typeset


# Pages


def script_hashes(policy: str) -> list[str]:
    return re.findall(r"'sha256-([^']+)'", policy.split("script-src", 1)[1].split(";", 1)[0])


class Attributes(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.values = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.values += [value for _name, value in attrs if value]


def test_the_russian_event_page_is_typeset_in_its_text_and_nowhere_else(client, seed):
    response = client.get(DETAIL)

    content = response.content.decode()
    assert f'<time datetime="2017-11-14">14–15{S}ноября 2017{S}г.</time>' in content
    assert f"<h1>Рабочий визит Министра иностранных дел Белоруссии Владимира Макея в{S}Россию</h1>" in content
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    name = "Рабочий визит Министра иностранных дел Белоруссии Владимира Макея в Россию"
    assert (json.loads(script)["name"], NBSP in script) == (name, False)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert script_hashes(response["Content-Security-Policy"]) == [digest]
    values = Attributes(content).values
    assert [value for value in values if NBSP in value] == []
    assert f'href="{DETAIL}"' not in content  # the page's own address is absolute in its <link>s
    assert f"http://testserver{DETAIL}" in values
    assert response["ETag"] == body_etag(response.content)


def test_a_kept_russian_page_is_served_typeset_with_one_query(client, seed, django_assert_num_queries):
    first = client.get("/ru/events/past/")

    with django_assert_num_queries(1):
        again = client.get("/ru/events/past/")

    assert (again.content, again["ETag"]) == (first.content, body_etag(first.content))
    assert f"в{S}Россию" in again.content.decode()
    assert client.get("/ru/events/past/", headers={"If-None-Match": first["ETag"]}).status_code == 304


@pytest.mark.parametrize("path", ["/events/", "/events/past/", "/events/2017/11/", DETAIL.removeprefix("/ru")])
def test_english_pages_are_not_typeset(client, seed, path):
    content = client.get(path).content.decode()

    assert ("visit to Russia" in content, NBSP in content) == (True, False)


def test_the_russian_404_page_is_typeset(client):
    response = client.get("/ru/events/no-such-event/")

    assert response.status_code == 404
    assert f"<h1>Страница не{S}найдена</h1>" in response.content.decode()


def test_the_export_writes_the_typeset_russian_page(seed, client, tmp_path):
    export_site(tmp_path, languages=["ru"])

    exported = (tmp_path / "ru/events/makei-working-visit-to-russia-2017/index.html").read_text()

    assert f"14–15{S}ноября 2017{S}г." in exported
    assert f"в{S}Россию" in exported
