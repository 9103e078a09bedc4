"""An event page's schema.org Event (JSON-LD): what search engines read of it, status included."""

import json

from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .models import Event

SCHEMA_STATUS = {
    Event.Status.CONFIRMED: "https://schema.org/EventScheduled",
    Event.Status.TENTATIVE: "https://schema.org/EventScheduled",
    Event.Status.POSTPONED: "https://schema.org/EventPostponed",
    Event.Status.CANCELLED: "https://schema.org/EventCancelled",
}


def json_ld(event: Event, url: str) -> str:
    """The schema.org Event of the page, as JSON safe to put inside a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "inLanguage": get_language(),
        "eventStatus": SCHEMA_STATUS[event.status],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if event.summary:
        data["description"] = event.summary
    if event.date_precision != Event.Precision.NONE:
        if not event.all_day:
            zone = event.timezone
            data["startDate"] = event.start.astimezone(zone).isoformat()
            if event.end:
                data["endDate"] = event.end.astimezone(zone).isoformat()
        elif event.date_precision == Event.Precision.YEAR:
            data["startDate"] = f"{event.start_date:%Y}"
        elif event.date_precision == Event.Precision.MONTH:
            data["startDate"] = f"{event.start_date:%Y-%m}"
        else:
            data["startDate"], data["endDate"] = event.start_date.isoformat(), event.end_date.isoformat()
    if event.venue_id:
        venue = event.venue
        place = {
            "@type": "Place",
            "name": str(venue),
            "address": {"@type": "PostalAddress", "addressCountry": venue.country.code},
        }
        if venue.city:
            place["address"]["addressLocality"] = venue.city
        if venue.latitude is not None and venue.longitude is not None:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": venue.latitude, "longitude": venue.longitude}
        data["location"] = place
    people = list(event.participations.all())
    organisers = [{"@type": "Organization", "name": body.name} for body in event.organisers.all()]
    organisers += [person_ld(p) for p in people if p.role == p.Role.HOST]
    if organisers:
        data["organizer"] = organisers
    attendees = [person_ld(p) for p in people if p.role != p.Role.HOST]
    if attendees:
        data["attendee"] = attendees
    text = json.dumps(data, ensure_ascii=False, default=str)
    # Inside <script>, "</" would end the element; escape what HTML parsers react to.
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def person_ld(participation) -> dict:
    person = {"@type": "Person", "name": participation.person.name}
    if participation.position:
        person["jobTitle"] = participation.position
    if participation.person.country:
        person["nationality"] = {"@type": "Country", "name": str(participation.person.country.name)}
    return person
