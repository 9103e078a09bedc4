"""Unique slugs for any model with a `slug` field: one rule for a single save and for an import's batch.

The slug is the base, cut to leave room for a number, and then "<base>-2", "<base>-3"... until one is free. The
room comes from the model's own slug field, so that a number never makes the slug longer than the column.
"""

from collections.abc import Callable, Iterable

from django.utils.text import slugify

BATCH = 500  # values per IN (...) list: below every database's limit on parameters


def numbered(model, base: str, number: int) -> str:
    """The slug to try for a base: the base itself (number 1), then "<base>-<number>"; always fits the column."""
    longest = model._meta.get_field("slug").max_length
    return base[: longest - 5] if number == 1 else f"{base[: longest - 10]}-{number}"


def unique_slug(model, base: str, *, exclude_pk=None) -> str:
    """The first free slug for base among the model's rows (the row exclude_pk, the one being saved, aside)."""
    rows = model.objects.exclude(pk=exclude_pk) if exclude_pk is not None else model.objects.all()
    number = 1
    while rows.filter(slug=numbered(model, base, number)).exists():
        number += 1
    return numbered(model, base, number)


def event_slug_base(event) -> str:
    """The slug an event is named by: its English title and the year it starts, if known."""
    year = f"-{event.start_date.year}" if event.start_date else ""
    return (slugify(event.title_en or event.title or "", allow_unicode=False) or "event")[:100] + year


def free_slugs(model, requests: Iterable[tuple[list[str], str]]) -> list[str]:
    """For each request (the slugs it keeps if free, in order, then its base), the slug unique_slug would give,
    none given twice: a query per round of tries for all requests together, not one per try."""
    choices = [choices_of(model, preferred, base) for preferred, base in requests]
    given: set[str] = set()
    result: list[str] = [""] * len(choices)
    tried, size, waiting = [0] * len(choices), 1, list(range(len(choices)))
    while waiting:
        candidates = sorted({choices[i](n) for i in waiting for n in range(tried[i], tried[i] + size)})
        taken = set()
        for start in range(0, len(candidates), BATCH):
            chunk = candidates[start : start + BATCH]
            taken.update(model.objects.filter(slug__in=chunk).values_list("slug", flat=True))
        still = []
        for i in waiting:
            tries = (choices[i](n) for n in range(tried[i], tried[i] + size))
            slug = next((slug for slug in tries if slug not in taken and slug not in given), "")
            if slug:
                result[i] = slug
                given.add(slug)
            else:
                tried[i] += size
                still.append(i)
        waiting, size = still, size * 10
    return result


def choices_of(model, preferred: list[str], base: str) -> Callable[[int], str]:
    """The n-th slug to try: the preferred ones, then the base, then the base numbered 2, 3..."""

    def choice(n: int) -> str:
        return preferred[n] if n < len(preferred) else numbered(model, base, n - len(preferred) + 1)

    return choice
