"""The data model of the diplomatic event calendar.

Every name other modules, migrations and tests import from events.models is re-exported here.
"""

from .addresses import EventSlugHistory, KeptAddress
from .alerts import Alert, AlertMessage
from .base import TextCleanedModel
from .data_version import DataVersion
from .editing import (
    ADDRESS_FIELDS,
    MATERIAL_FIELDS,
    PUBLICATION_FIELDS,
    CheckedEdits,
    EditConflict,
    TrackedChanges,
    same_value,
)
from .event import MAX_YEAR, MIN_YEAR, Event, Participation, generate_uid
from .publication import can_see_unpublished, public_at, public_condition
from .queries import SEARCH_FIELDS, EventQuerySet, current_minute, longest_running, start_of_utc_day
from .tokens import FeedToken
from .vocabulary import (
    EventType,
    NamedVocabulary,
    Organisation,
    Person,
    Series,
    SlugNaturalKeyManager,
    Source,
    Tag,
    Venue,
    names_only_the_place,
)

__all__ = [
    "ADDRESS_FIELDS",
    "MATERIAL_FIELDS",
    "MAX_YEAR",
    "MIN_YEAR",
    "PUBLICATION_FIELDS",
    "SEARCH_FIELDS",
    "Alert",
    "AlertMessage",
    "CheckedEdits",
    "DataVersion",
    "EditConflict",
    "Event",
    "EventQuerySet",
    "EventSlugHistory",
    "EventType",
    "FeedToken",
    "KeptAddress",
    "NamedVocabulary",
    "Organisation",
    "Participation",
    "Person",
    "Series",
    "SlugNaturalKeyManager",
    "Source",
    "Tag",
    "TextCleanedModel",
    "TrackedChanges",
    "Venue",
    "can_see_unpublished",
    "current_minute",
    "generate_uid",
    "longest_running",
    "names_only_the_place",
    "public_at",
    "public_condition",
    "same_value",
    "start_of_utc_day",
]
