"""The iCalendar files the importer's tests read: a VCALENDAR of VEVENTs, and a VEVENT's lines."""


def ics(*events: str, extra: str = "") -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{event.strip()}\r\nEND:VEVENT\r\n" for event in events)
    text = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partner//EN\r\n{extra}{body}END:VCALENDAR\r\n"
    return text.replace("\n        ", "\n").replace("\r\r", "\r").replace("\n\n", "\n").encode()


def event_lines(uid="partner-1", sequence=0, summary="Consultations", **properties) -> str:
    lines = {
        "UID": uid,
        "SEQUENCE": str(sequence),
        "SUMMARY": summary,
        "DTSTART;VALUE=DATE": "20271114",
        "DTEND;VALUE=DATE": "20271116",
        "CATEGORIES": "Visit",
        **properties,
    }
    return "\r\n".join(f"{name}:{value}" for name, value in lines.items() if value is not None)
