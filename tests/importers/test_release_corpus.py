"""Measuring drafting: the corpus format, precision and recall per language, and the limits evaluate_drafting holds."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.importers.release_corpus import CorpusError, read_release
from events.models import EventType

pytestmark = pytest.mark.django_db

ENGLISH = """published: 2019-02-11
language: en
event: 2019-02-14 meeting
event: 2019-03 exhibition
---
On 14 February, consultations will take place in Berlin. Trade grew in 2018.
"""
RUSSIAN = """published: 2019-02-11
language: ru
event: 2019-02-14 meeting
---
14 февраля в Берлине состоятся консультации. В марте откроется выставка.
"""


def write_corpus(folder, **releases):
    folder.mkdir()
    for name, text in releases.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def evaluate(*args) -> str:
    out = StringIO()
    call_command("evaluate_drafting", *args, stdout=out)
    return out.getvalue()


def test_precision_and_recall_are_printed_per_language_with_the_misses_and_extras(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", en=ENGLISH, ru=RUSSIAN)

    with pytest.raises(CommandError, match=r"below 95% precision or 90% recall in: en, ru\.$"):
        call_command("evaluate_drafting", "--corpus", corpus, "--held-out", tmp_path / "none", "--misses",
                     stdout=(out := StringIO()))  # fmt: skip

    assert out.getvalue().splitlines()[1:] == [
        "  language  releases  expected  proposed  matched  precision  recall",
        "  en               1         2         1        1     100.0%   50.0%",
        "  ru               1         1         2        1      50.0%  100.0%",
        "  all              2         3         3        2      66.7%   66.7%",
        "    en.txt: missed 2019-03 exhibition",
        "    ru.txt: extra 2019-03 exhibition",
    ]


def test_a_corpus_that_meets_the_limits_passes_and_the_held_out_folder_is_reported_apart(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", en=ENGLISH.replace("event: 2019-03 exhibition\n", ""))
    held_out = write_corpus(tmp_path / "held", ru=RUSSIAN)

    printed = evaluate("--corpus", corpus, "--held-out", held_out)

    assert [line.split()[:1] + line.split()[-2:] for line in printed.splitlines() if "%" in line] == [
        ["en", "100.0%", "100.0%"],
        ["all", "100.0%", "100.0%"],
        ["ru", "50.0%", "100.0%"],
        ["all", "50.0%", "100.0%"],
    ]


def test_each_held_out_folder_of_the_corpus_is_reported_apart_by_default(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", en=ENGLISH.replace("event: 2019-03 exhibition\n", ""))
    write_corpus(corpus / "held-out", ru=RUSSIAN)
    write_corpus(corpus / "held-out-2", en=ENGLISH)

    printed = evaluate("--corpus", corpus)

    assert [line for line in printed.splitlines() if line.endswith(":")] == [
        f"corpus ({corpus}):",
        f"held-out ({corpus / 'held-out'}):",
        f"held-out ({corpus / 'held-out-2'}):",
    ]


def test_the_types_the_corpus_needs_exist_only_while_it_is_measured(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", en=ENGLISH.replace("event: 2019-03 exhibition\n", ""))
    before = set(EventType.objects.values_list("slug", flat=True))

    evaluate("--corpus", corpus)

    assert set(EventType.objects.values_list("slug", flat=True)) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("published: 2019-02-11\nThe text without a separator.\n", "no “---” line"),
        ("published: 11.02.2019\n---\nText.\n", "give “published:” as YYYY-MM-DD"),
        ("published: 2019-02-11\nevent: 14.02.2019 meeting\n---\nText.\n", "line 2: Write the dates as"),
        ("published: 2019-02-11\nevent: 2019-02-14\n---\nText.\n", "line 2: give the type's slug"),
        ("published: 2019-02-11\nexpect: 2019-02-14 meeting\n---\nText.\n", "line 2: write “published:”"),
    ],
)
def test_a_corpus_file_out_of_form_is_refused_with_its_name_and_line(tmp_path, text, message):
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(CorpusError, match=message) as refused:
        read_release(path)
    with pytest.raises(CommandError, match=message):
        call_command("evaluate_drafting", "--corpus", tmp_path)

    assert str(refused.value).startswith(str(path))


def test_the_projects_corpus_meets_the_limits_in_each_language():
    printed = evaluate()

    corpus_lines = printed.split("held-out")[0].splitlines()
    assert [line.split()[0] for line in corpus_lines if "%" in line] == ["en", "ru", "all"]
    assert all(float(line.split()[-2][:-1]) >= 95 for line in corpus_lines if "%" in line)
    assert all(float(line.split()[-1][:-1]) >= 90 for line in corpus_lines if "%" in line)
