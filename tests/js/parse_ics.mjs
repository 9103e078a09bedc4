// Read an iCalendar file on stdin with Mozilla's ical.js (Thunderbird's parser)
// and print what a calendar app would show, as JSON: the calendar's names and,
// per event, its properties with instants in UTC and all-day events as days.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(0, "utf8");
const calendar = new ICAL.Component(ICAL.parse(text));
for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(vtimezone);
}

const value = (component, name) => {
  const property = component.getFirstProperty(name);
  return property === null ? null : property.getFirstValue();
};

const when = (time) => {
  if (time === null) return null;
  if (time.isDate) return time.toString();
  return time.toJSDate().toISOString();
};

const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  const geo = value(vevent, "geo");
  const related = vevent.getFirstProperty("related-to");
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    location: event.location,
    status: value(vevent, "status"),
    sequence: event.sequence,
    allDay: event.startDate.isDate,
    start: when(event.startDate),
    end: when(event.endDate),
    tzid: event.startDate.isDate ? null : event.startDate.zone.tzid,
    url: value(vevent, "url"),
    geo,
    categories: vevent.getAllProperties("categories").flatMap((property) => property.getValues()),
    relatedTo: related === null ? null : { uid: related.getFirstValue(), reltype: related.getParameter("reltype") },
    dtstamp: when(value(vevent, "dtstamp")),
    lastModified: when(value(vevent, "last-modified")),
    created: when(value(vevent, "created")),
  };
});

process.stdout.write(
  JSON.stringify({
    name: value(calendar, "name"),
    wrCalname: value(calendar, "x-wr-calname"),
    description: value(calendar, "description"),
    refreshInterval: value(calendar, "refresh-interval")?.toString() ?? null,
    publishedTtl: value(calendar, "x-published-ttl")?.toString() ?? null,
    prodid: value(calendar, "prodid"),
    timezones: calendar.getAllSubcomponents("vtimezone").map((zone) => value(zone, "tzid")),
    events,
  }),
);
