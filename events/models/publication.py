"""Who sees an event, and when: the one definition of "public at a time", for the database and for an event in hand.

public_condition() states the rule once, as a Q: EventQuerySet.public() filters with it, and public_at() evaluates
the same Q in Python (matches()), so that the SQL and the Python answer cannot drift apart.
"""

import datetime as dt
import operator
from collections.abc import Mapping

from django.db.models import Q


def public_condition(now: dt.datetime) -> Q:
    """Published, and past its embargo time if it has one: what anyone may see at now."""
    return Q(is_published=True) & (Q(publish_at__isnull=True) | Q(publish_at__lte=now))


def public_at(is_published: bool, publish_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether an event so published is public at now: public_condition() evaluated in Python."""
    return matches(public_condition(now), {"is_published": is_published, "publish_at": publish_at})


# The comparisons public_condition() uses, as Python makes them.
COMPARISONS = {
    "exact": operator.eq,
    "lt": operator.lt,
    "lte": operator.le,
    "gt": operator.gt,
    "gte": operator.ge,
}


def matches(condition: Q, values: Mapping[str, object]) -> bool:
    """Evaluate a Q of plain field lookups (exact, isnull, lt, lte, gt, gte) on values in hand, as SQL would.

    As in SQL, a comparison with a missing value (NULL, None) is not true. A negated Q is refused: SQL's NOT of
    such a comparison is not true either, which Python's `not` would not follow.
    """
    if condition.negated or condition.connector not in (Q.AND, Q.OR):
        raise ValueError(f"Only AND and OR of lookups evaluate in Python as in SQL, not {condition!r}.")
    outcomes = (
        matches(child, values) if isinstance(child, Q) else lookup_holds(*child, values) for child in condition.children
    )
    return all(outcomes) if condition.connector == Q.AND else any(outcomes)


def lookup_holds(lookup: str, wanted, values: Mapping[str, object]) -> bool:
    """Whether one lookup of a Q, such as ("publish_at__lte", now), holds for values."""
    field, _, kind = lookup.partition("__")
    value = values[field]
    if kind == "isnull":
        return (value is None) == wanted
    return value is not None and COMPARISONS[kind or "exact"](value, wanted)


def can_see_unpublished(user) -> bool:
    """Whether this user may see drafts and embargoed events: active staff with the view permission."""
    return bool(
        user and user.is_authenticated and user.is_active and user.is_staff and user.has_perm("events.view_event")
    )
