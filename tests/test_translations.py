"""Everything a user sees exists in Russian: every message of the catalogue is translated and compiled."""

import re
from pathlib import Path

from django.utils import translation

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def catalogue_entries():
    text = CATALOGUE.read_text(encoding="utf-8")
    for block in text.split("\n\n")[1:]:
        if block.lstrip().startswith("#~"):
            continue
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.MULTILINE)
        plural = re.search(r"^msgid_plural ", block, re.MULTILINE)
        if msgid:
            yield "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', msgid.group(1))).replace('\\"', '"'), bool(plural)


def test_catalogue_has_no_fuzzy_or_empty_translations():
    text = CATALOGUE.read_text(encoding="utf-8")

    assert "#, fuzzy" not in text
    assert re.findall(r'^msgstr(?:\[\d\])? ""\n\n', text[text.index("\n\n") :], re.MULTILINE) == []


def test_every_message_is_translated_in_the_compiled_catalogue():
    untranslated = []
    with translation.override("ru"):
        for msgid, is_plural in catalogue_entries():
            russian = translation.ngettext(msgid, msgid, 5) if is_plural else translation.gettext(msgid)
            if russian == msgid and msgid not in {"revision (SEQUENCE)"}:
                untranslated.append(msgid)

    assert untranslated == []


def test_russian_plural_forms_agree_with_the_number():
    with translation.override("ru"):
        forms = [
            translation.ngettext("%(count)d event cancelled.", "%(count)d events cancelled.", n) % {"count": n}
            for n in (1, 3, 5, 21)
        ]

    assert forms == ["Отменено 1 событие.", "Отменено 3 события.", "Отменено 5 событий.", "Отменено 21 событие."]


def test_the_russian_admin_index_names_every_app_and_model_in_russian(admin_client):
    # The apps of third-party packages too: django-axes called itself "Axes" in both languages.
    index = admin_client.get("/ru/admin/").content.decode()

    apps = re.findall(r'class="section"[^>]*>([^<]*)<', index)
    models = re.findall(r'<th scope="row"[^>]*>\s*(?:<a[^>]*>)?\s*([^<]*?)\s*<', index)
    assert apps == ["Пользователи и группы", "Попытки входа", "События", "Токен аутентификации"]
    assert [name for name in models if not re.fullmatch(r"[А-ЯЁа-яё ]+", name)] == []
    assert "Серии" in models
