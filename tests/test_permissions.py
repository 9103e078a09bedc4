"""Who may do what: every admin URL and every API route, for every role, in one table.

The routes are walked from the URL resolver, so a route added later fails test_every_route_has_its_row
until its row is written. Each request runs in a savepoint that is rolled back, so a DELETE or a
successful POST does not change what the next request sees.

Roles: anonymous; a logged-in user who is not staff; view-only staff (every view permission of the
events app); an editor (the Editors group: writes drafts); a publisher (the Publishers group); a superuser.
"""

import json

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.authtoken.models import Token

from events.models import Alert, Event, FeedToken, Organisation

from .factories import AllDayEventFactory, PersonFactory, SeriesFactory, SourceFactory, TagFactory, VenueFactory
from .formdata import form_data

ROLES = ("anonymous", "user", "viewer", "editor", "publisher", "superuser")

DRAFT_BODY = {
    "type": "visit",
    "title_en": "Consultations on consular issues",
    "all_day": True,
    "start": "2030-05-14",
    "end": "2030-05-15",
    "country": "RU",
    "published": False,
}
PUBLISHED_BODY = {**DRAFT_BODY, "title_en": "Consultations, published at once", "published": True}

# (route, variant, method) -> the status of the answer for each role, in the order of ROLES.
# A route is its URL name ("admin:events_event_change") or, unnamed, its pattern. Admin routes with an
# object are asked about a published event unless the variant says "draft".
MATRIX = {}


def rows(text: str) -> None:
    """Read the table: one line per route, variant and method, then six statuses."""
    for line in text.strip().splitlines():
        route, variant, get, post = (part.strip() for part in line.split("|"))
        MATRIX[(route, variant, "GET")] = get.split()
        MATRIX[(route, variant, "POST")] = post.split()


def routes(resolver=None, prefix="", namespace=""):
    """Every (name, pattern) under admin/ and api/, from the resolver."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from routes(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            if route.startswith(("admin/", "api/")):
                yield (f"{namespace}{entry.name}" if entry.name else route), route


@pytest.fixture
def world(db, django_user_model):
    """One object of each kind the admin edits, the two events, and a user for each role."""
    venue = VenueFactory()
    published = AllDayEventFactory(venue=venue, is_published=True, title_en="Published visit")
    draft = AllDayEventFactory(venue=venue, is_published=False, title_en="Draft visit")
    users = {
        "user": django_user_model.objects.create_user("reader", password="x"),
        "viewer": django_user_model.objects.create_user("viewer", password="x", is_staff=True),
        "editor": django_user_model.objects.create_user("editor", password="x", is_staff=True),
        "publisher": django_user_model.objects.create_user("publisher", password="x", is_staff=True),
        "superuser": django_user_model.objects.create_superuser("root", password="x"),
    }
    users["viewer"].user_permissions.add(
        *Permission.objects.filter(content_type__app_label="events", codename__startswith="view_")
    )
    users["editor"].groups.add(Group.objects.get(name="Editors"))
    users["publisher"].groups.add(Group.objects.get(name="Publishers"))
    token, _key = FeedToken.issue(users["superuser"])
    objects = {
        "event": published,
        "eventtype": published.event_type,
        "person": PersonFactory(),
        "organisation": Organisation.objects.create(slug="mfa", name_en="Ministry of Foreign Affairs"),
        "tag": TagFactory(),
        "series": SeriesFactory(),
        "venue": venue,
        "source": SourceFactory(),
        "feedtoken": token,
        "user": users["user"],
        "group": Group.objects.get(name="Editors"),
        # The token admin finds a token by its user.
        "tokenproxy": Token.objects.create(user=users["superuser"]).user,
        "accessattempt": AccessAttempt.objects.create(username="x", ip_address="127.0.0.1", failures_since_start=1),
        "accesslog": AccessLog.objects.create(username="x", ip_address="127.0.0.1"),
        "accessfailurelog": AccessFailureLog.objects.create(username="x", ip_address="127.0.0.1"),
        "alert": Alert.objects.create(email="reader@example.org", language="en", frequency="daily", site_url="x"),
    }
    published.title_en = "Published visit, renamed"
    published.save()
    return {"objects": objects, "draft": draft, "users": users}


def path_of(route: str, variant: str, world) -> str:
    """The route with its parameters filled: the object of its model, or the draft event for the "draft" variant."""
    objects = world["objects"]
    event = world["draft"] if variant == "draft" else objects["event"]
    parts = route.split("/")
    model = parts[2] if len(parts) > 3 else None
    obj = event if model == "event" else objects.get(model)
    version = Event.history.filter(id=event.pk).order_by("history_id").first()
    filled = (
        route.replace("<path:object_id>", str(obj.pk) if obj is not None else "")
        .replace("<id>", str(objects["user"].pk))
        .replace("<path:content_type_id>", str(ContentType.objects.get_for_model(Event).pk))
        .replace("^([^/]+)/history/([^/]+)/$", f"{event.pk}/history/{version.history_id}/")
        .replace("^(?P<app_label>auth|authtoken|axes|events)/$", "events/")
        .replace("(?P<url>.*)$", "no-such-page/")
        .replace("^events/(?P<slug>[^/.]+)/$", f"events/{event.slug}/")
        .replace("^events/(?P<slug>[^/.]+)\\.(?P<format>[a-z0-9]+)/?$", f"events/{event.slug}.json")
        .replace("^events\\.(?P<format>[a-z0-9]+)/?$", "events.json")
        .replace("^events/$", "events/")
    )
    if route.startswith("admin/r/"):
        filled = filled.replace(f"/{obj.pk if obj else ''}/", f"/{event.pk}/")
    return "/" + filled


def client_as(world, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(world["users"][role], backend="django.contrib.auth.backends.ModelBackend")
    return client


def ask(world, role: str, method: str, path: str, body: dict | None) -> int:
    client = client_as(world, role)
    with transaction.atomic():
        if method == "GET":
            response = client.get(path)
        elif path.startswith("/api/"):
            response = client.generic(method, path, json.dumps(body or {}), content_type="application/json")
        else:
            response = client.post(path, body or {})
        transaction.set_rollback(True)
    return response.status_code


rows("""
admin:index                                |         | 302 302 200 200 200 200 | 302 302 200 200 200 200
admin:login                                |         | 200 200 302 302 302 302 | 200 200 200 200 200 200
admin:logout                               |         | 302 302 405 405 405 405 | 302 302 200 200 200 200
admin:password_change                      |         | 302 302 200 200 200 200 | 302 302 200 200 200 200
admin:password_change_done                 |         | 302 302 200 200 200 200 | 302 302 405 405 405 405
admin:autocomplete                         |         | 302 302 403 403 403 403 | 302 302 405 405 405 405
admin:jsi18n                               |         | 302 302 200 200 200 200 | 302 302 405 405 405 405
admin:view_on_site                         |         | 302 302 302 302 302 302 | 302 302 302 302 302 302
admin:app_list                             |         | 302 302 200 200 200 200 | 302 302 200 200 200 200
admin/(?P<url>.*)$                         |         | 302 302 404 404 404 404 | 302 302 404 404 404 404
""")

# The admin of each model, by what the role may do with it.
ADMIN_ROUTES = ("changelist", "add", "history", "delete", "change", "")


def model_rows(model: str, get: dict, post: dict) -> None:
    for action in ADMIN_ROUTES:
        name = f"admin:{model}_{action}" if action else f"admin/{model.replace('_', '/', 1)}/<path:object_id>/"
        MATRIX[(name, "", "GET")] = get[action].split()
        MATRIX[(name, "", "POST")] = post[action].split()


SUPERUSER_ONLY_GET = {action: "302 302 403 403 403 200" for action in ADMIN_ROUTES} | {
    "": "302 302 302 302 302 302",
    "delete": "302 302 403 403 403 200",
}
SUPERUSER_ONLY_POST = {action: "302 302 403 403 403 200" for action in ADMIN_ROUTES} | {"": "302 302 302 302 302 302"}
for model in ("auth_group", "auth_user", "authtoken_tokenproxy"):
    model_rows(model, SUPERUSER_ONLY_GET, SUPERUSER_ONLY_POST)
# django-axes' records are read-only, even to a superuser: they are written by failed logins.
for model in ("axes_accessattempt", "axes_accesslog", "axes_accessfailurelog"):
    model_rows(
        model,
        {**SUPERUSER_ONLY_GET, "add": "302 302 403 403 403 403"},
        {**SUPERUSER_ONLY_POST, "add": "302 302 403 403 403 403", "change": "302 302 403 403 403 302"},
    )

# E-mail alerts hold readers' addresses: only a superuser sees them, and may delete one; no one adds or changes one.
model_rows(
    "events_alert",
    {**SUPERUSER_ONLY_GET, "add": "302 302 403 403 403 403"},
    {**SUPERUSER_ONLY_POST, "add": "302 302 403 403 403 403", "change": "302 302 403 403 403 403"},
)

rows("""
admin:auth_user_password_change            |         | 302 302 403 403 403 200 | 302 302 403 403 403 200
""")

# Vocabulary and sources: staff see them; editors add and change; publishers also delete.
VOCABULARY_GET = {
    "changelist": "302 302 200 200 200 200",
    "add": "302 302 403 200 200 200",
    "history": "302 302 200 200 200 200",
    "delete": "302 302 403 403 200 200",
    "change": "302 302 200 200 200 200",
    "": "302 302 302 302 302 302",
}
VOCABULARY_POST = {
    "changelist": "302 302 200 200 200 200",
    "add": "302 302 403 200 200 200",
    "history": "302 302 200 200 200 200",
    "delete": "302 302 403 403 200 200",
    "change": "302 302 403 200 200 200",
    "": "302 302 302 302 302 302",
}
for model in ("events_person", "events_organisation", "events_tag", "events_series", "events_source"):
    model_rows(model, VOCABULARY_GET, VOCABULARY_POST)
# The venue asked about is the published event's: an editor sees it, only a publisher changes it.
model_rows("events_venue", VOCABULARY_GET, {**VOCABULARY_POST, "change": "302 302 403 403 200 200"})

# Event types are the calendar's structure: staff see them, only a superuser changes them.
model_rows(
    "events_eventtype",
    {**VOCABULARY_GET, "add": "302 302 403 403 403 200", "delete": "302 302 403 403 403 200"},
    {
        **VOCABULARY_POST,
        "add": "302 302 403 403 403 200",
        "delete": "302 302 403 403 403 200",
        "change": "302 302 403 403 403 200",
    },
)

# Private feed tokens: a superuser makes them; staff with the view permission see only their own (so another's
# token is "not found": a redirect to the admin's index).
FEED_TOKENS = {
    "changelist": "302 302 200 403 403 200",
    "add": "302 302 403 403 403 200",
    "history": "302 302 302 302 302 200",
    "delete": "302 302 403 403 403 200",
    "change": "302 302 302 403 403 200",
    "": "302 302 302 302 302 302",
}
model_rows("events_feedtoken", FEED_TOKENS, {**FEED_TOKENS, "change": "302 302 403 403 403 302"})

# Events: an editor changes and deletes drafts only; publishing and published events are a publisher's.
rows("""
admin:events_event_changelist              |         | 302 302 200 200 200 200 | 302 302 200 200 200 200
admin:events_event_changelist              | csv     | 302 302 200 200 200 200 | 302 302 200 200 200 200
admin:events_event_add                     |         | 302 302 403 200 200 200 | 302 302 403 200 200 200
admin:events_event_change                  |         | 302 302 200 200 200 200 | 302 302 403 403 200 200
admin:events_event_change                  | draft   | 302 302 200 200 200 200 | 302 302 403 200 200 200
admin:events_event_delete                  |         | 302 302 403 403 200 200 | 302 302 403 403 200 200
admin:events_event_delete                  | draft   | 302 302 403 200 200 200 | 302 302 403 200 200 200
admin:events_event_history                 |         | 302 302 200 200 200 200 | 302 302 200 200 200 200
admin:events_event_simple_history          |         | 302 302 200 200 200 200 | 302 302 403 403 200 200
admin:events_event_simple_history          | draft   | 302 302 200 200 200 200 | 302 302 403 200 200 200
admin/events/event/<path:object_id>/       |         | 302 302 302 302 302 302 | 302 302 302 302 302 302
admin:events_event_import-ics              |         | 302 302 403 200 200 200 | 302 302 403 200 200 200
admin:events_event_draft                   |         | 302 302 403 200 200 200 | 302 302 403 200 200 200
admin:events_event_desk                    |         | 302 302 200 200 200 200 | 302 302 405 405 405 405
""")

# The API: public reads for everyone; writes by permission, and publishing by the publish permission.
rows("""
api:event-list                             |         | 200 200 200 200 200 200 | 401 403 403 201 201 201
api:event-list                             | publish | 200 200 200 200 200 200 | 401 403 403 403 201 201
api:event-detail                           |         | 200 200 200 200 200 200 | 401 403 403 405 405 405
api:event-type-list                        |         | 200 200 200 200 200 200 | 401 403 403 403 403 405
api:tag-list                               |         | 200 200 200 200 200 200 | 401 403 403 405 405 405
api:person-list                            |         | 200 200 200 200 200 200 | 401 403 403 405 405 405
api:schema                                 |         | 200 200 200 200 200 200 | 405 405 405 405 405 405
api:docs                                   |         | 200 200 200 200 200 200 | 405 405 405 405 405 405
""")

# PATCH and DELETE of an event through the API, published and draft.
WRITES = {
    ("api:event-detail", "", "PATCH"): "401 403 403 403 200 200",
    ("api:event-detail", "draft", "PATCH"): "401 403 403 200 200 200",
    ("api:event-detail", "publish draft", "PATCH"): "401 403 403 403 200 200",
    ("api:event-detail", "", "DELETE"): "401 403 403 403 204 204",
    ("api:event-detail", "draft", "DELETE"): "401 403 403 204 204 204",
}
MATRIX.update({key: codes.split() for key, codes in WRITES.items()})


def body_for(key, world) -> dict | None:
    route, variant, method = key
    if variant == "csv":
        # The staff spreadsheet of a draft: any member of staff who may see events may export them.
        return {"action": "export_csv", "_selected_action": [world["draft"].pk]}
    if route == "api:event-list":
        return PUBLISHED_BODY if variant == "publish" else DRAFT_BODY
    if method == "PATCH":
        return {"published": True} if variant == "publish draft" else {"summary_en": "A new summary."}
    return None


# Public outputs: the same for every role, read-only.
rows("""
events:event-csv                           |         | 200 200 200 200 200 200 | 405 405 405 405 405 405
events:embed                               |         | 200 200 200 200 200 200 | 405 405 405 405 405 405
events:embed-current-month                 |         | 200 200 200 200 200 200 | 405 405 405 405 405 405
""")

# E-mail alerts: anyone may ask for one (a POST without an address is refused as bad input); an alert's own pages
# answer only its link's token, whoever asks (a forged token finds nothing, for every role).
rows("""
events:alerts                              |         | 200 200 200 200 200 200 | 400 400 400 400 400 400
events:alert-manage                        | forged  | 404 404 404 404 404 404 | 404 404 404 404 404 404
events:alert-confirm                       | forged  | 404 404 404 404 404 404 | 404 404 404 404 404 404
events:alert-unsubscribe                   | forged  | 404 404 404 404 404 404 | 404 404 404 404 404 404
""")

# A token of the alerts' form, signed with another key.
FORGED_TOKEN = "A" * 32 + "." + "B" * 43


def route_pattern(name: str) -> str:
    return dict(routes()).get(name, name)


@pytest.mark.parametrize("key", sorted(MATRIX), ids=" ".join)
def test_each_role_gets_the_answer_of_the_permission_table(world, key):
    route, variant, method = key
    # An event's API address is the same whatever the variant; the draft is asked for by its own slug.
    if route.startswith("events:"):
        path = reverse(route, kwargs={"token": FORGED_TOKEN} if variant == "forged" else None)
    else:
        path = path_of(route_pattern(route), "draft" if "draft" in variant else "", world)
    got = [str(ask(world, role, method, path, body_for(key, world))) for role in ROLES]
    # Read as "anonymous user viewer editor publisher superuser".
    assert " ".join(got) == " ".join(MATRIX[key])


def test_every_route_has_its_row():
    """A new admin or API route fails here until the table says who may use it."""
    covered = {route for route, _variant, _method in MATRIX}
    assert sorted({name for name, _pattern in routes()} - covered) == []


@pytest.fixture
def restore_form(world):
    """The history form of the draft's first version, as the admin page posts it to restore that version."""
    draft = world["draft"]
    draft.title_en = "Draft visit, second version"
    draft.save()
    first = Event.history.filter(id=draft.pk).order_by("history_id").first()
    superuser = client_as(world, "superuser")
    url = f"/admin/events/event/{draft.pk}/history/{first.history_id}/"
    form = superuser.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update({"is_published": "on", "_save": "Restore", "seen_version": draft.lock_version})
    data.update({f"{prefix}-{field}": value for prefix in ("participations", "parts") for field, value in (
        ("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0))})  # fmt: skip
    return url, data


@pytest.mark.parametrize(
    ("role", "status", "title", "published"),
    [
        # View-only staff may read the history, not restore from it (django-simple-history saved such a POST).
        ("viewer", 403, "Draft visit, second version", False),
        # The editor's form has no publication fields: the draft version is restored, and stays a draft.
        ("editor", 302, "Draft visit", False),
        ("publisher", 302, "Draft visit", True),
    ],
)
def test_restoring_a_version_through_the_history_form_is_a_change_and_publishing_a_publishers(
    world, restore_form, role, status, title, published
):
    url, data = restore_form
    response = client_as(world, role).post(url, data)
    draft = Event.objects.get(pk=world["draft"].pk)
    assert (response.status_code, draft.title_en, draft.is_published) == (status, title, published)


def test_an_editor_saves_a_draft_but_cannot_tick_published_in_admin(world):
    client = client_as(world, "editor")
    draft = world["draft"]
    page = client.get(f"/admin/events/event/{draft.pk}/change/")
    assert (
        "is_published" in page.context["adminform"].form.fields,
        "publish_at" in page.context["adminform"].form.fields,
    ) == (False, False)


def test_the_publish_action_needs_the_publish_permission(world):
    draft = world["draft"]
    for role, published in (("editor", False), ("publisher", True)):
        client = client_as(world, role)
        client.post("/admin/events/event/", {"action": "publish", "_selected_action": [draft.pk]})
        assert (role, Event.objects.get(pk=draft.pk).is_published) == (role, published)


def test_an_editor_cannot_cancel_a_published_event_by_the_action(world):
    event = world["objects"]["event"]
    client = client_as(world, "editor")
    client.post(
        "/admin/events/event/", {"action": "cancel", "_selected_action": [event.pk, world["draft"].pk], "post": "yes"}
    )
    statuses = dict(Event.objects.filter(pk__in=[event.pk, world["draft"].pk]).values_list("pk", "status"))
    assert statuses == {event.pk: "confirmed", world["draft"].pk: "cancelled"}


def test_an_editor_sees_but_cannot_set_the_publication_of_parts(world):
    draft = world["draft"]
    AllDayEventFactory(parent=draft, is_published=False, start_date=draft.start_date, end_date=draft.end_date)
    editor = client_as(world, "editor")
    page = editor.get(f"/admin/events/event/{draft.pk}/change/")
    parts = next(formset for formset in page.context["inline_admin_formsets"] if formset.formset.prefix == "parts")
    assert ("title_en" in parts.formset.forms[0].fields, "is_published" in parts.formset.forms[0].fields) == (
        True,
        False,
    )


def test_an_editor_cannot_change_what_a_published_event_shows_through_its_source(world):
    source = SourceFactory(url="https://mid.example/release")
    AllDayEventFactory(source=source)
    response = client_as(world, "editor").post(
        f"/admin/events/source/{source.pk}/change/",
        {"title_en": source.title_en, "url": "https://evil.example/phish", "published_at_0": "2017-11-13",
         "published_at_1": "08:32:00"},
    )  # fmt: skip
    source.refresh_from_db()
    assert (response.status_code, source.url) == (403, "https://mid.example/release")


def test_an_editor_cannot_delete_published_parts_by_deleting_their_draft_parent(world):
    """Neither through the API, nor the change form's parts, nor the changelist's bulk delete."""
    draft = world["draft"]
    middle = AllDayEventFactory(parent=draft, is_published=False, start_date=draft.start_date, end_date=draft.end_date)
    published = AllDayEventFactory(parent=middle, start_date=draft.start_date, end_date=draft.end_date)
    api = client_as(world, "editor").delete(f"/api/events/{draft.slug}/")
    editor, url = client_as(world, "editor"), f"/admin/events/event/{draft.pk}/change/"
    # The change form as the editor's browser would send it, with the draft part ticked for deletion.
    data = form_data(editor.get(url).content.decode(), "event_form")
    data["parts-0-DELETE"] = ["on"]
    admin = editor.post(url, data)
    bulk = editor.post(
        "/admin/events/event/", {"action": "delete_selected", "_selected_action": [draft.pk], "post": "yes"}
    )
    assert (api.status_code, admin.status_code, bulk.status_code, Event.objects.filter(pk=published.pk).exists()) == (
        403,
        403,
        403,
        True,
    )


def test_only_a_publisher_or_a_superuser_moves_a_published_event_to_another_address(world):
    event = world["objects"]["event"]
    old = event.slug
    answers = {
        role: ask(world, role, "PATCH", f"/api/events/{old}/", {"slug": "moved-visit"})
        for role in ("editor", "publisher", "superuser")
    }
    client_as(world, "publisher").patch(
        f"/api/events/{old}/", json.dumps({"slug": "moved-visit"}), content_type="application/json"
    )

    redirect = Client().get(f"/events/{old}/")

    assert (answers, redirect.status_code, redirect["Location"]) == (
        {"editor": 403, "publisher": 200, "superuser": 200},
        301,
        "/events/moved-visit/",
    )


@pytest.mark.parametrize("role", ROLES)
def test_the_change_feeds_are_public_and_the_same_for_every_role(world, role):
    """Staff read the public change feeds as anyone does: a draft's changes are never in them (the private feed is
    where staff see drafts). A POST is refused."""
    client = client_as(world, role)
    answers = {path: client.get(path) for path in ("/changes/", "/changes.atom", "/ru/changes.json")}
    post = client.post("/changes.json")

    assert {
        path: (response.status_code, "Draft visit" in response.content.decode()) for path, response in answers.items()
    } == {
        "/changes/": (200, False),
        "/changes.atom": (200, False),
        "/ru/changes.json": (200, False),
    }
    assert ("Published visit, renamed" in answers["/changes/"].content.decode(), post.status_code) == (True, 405)
