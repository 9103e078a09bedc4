"""Arbitrary query strings and headers never get a 5xx from any public page, feed or API endpoint.

Hypothesis writes the query strings byte by byte (NUL bytes, bytes that are not UTF-8, huge
numbers, impossible dates, unknown slugs, long values, repeated keys) and Accept-Language headers
up to 20,000 characters, for every endpoint below, on the seed calendar.
"""

from urllib.parse import quote_from_bytes

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.filters import FILTER_NAMES

ENDPOINTS = [
    "/",
    "/events/",
    "/events/past/",
    "/events/2017/11/",
    "/events/makei-working-visit-to-russia-2017/",
    "/events/makei-working-visit-to-russia-2017.ics",
    "/feeds/events.ics",
    "/feeds/upcoming.atom",
    "/changes/",
    "/ru/changes.json",
    "/sitemap.xml",
    "/ru/events/",
    "/ru/feeds/events.ics",
    "/api/events/",
    "/api/events/makei-working-visit-to-russia-2017/",
    "/api/event-types/",
    "/api/tags/",
    "/api/people/",
]
KEYS = [*FILTER_NAMES, "page", "page_size", "ordering", "include", "format", "lang", "x"]

texts = st.one_of(
    st.text(max_size=40),
    st.text(min_size=200, max_size=3000),
    st.sampled_from(["\x00", "a\x00b", "2017-02-30", "0000-00-00", "9999-12-31", "-1", "1e309", "NaN", "visit"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.dates().map(str),
)
values = st.one_of(texts.map(lambda text: text.encode()), st.binary(max_size=60))
query_strings = st.lists(st.tuples(st.sampled_from(KEYS) | st.text(max_size=10).map(str), values), max_size=6).map(
    lambda pairs: "&".join(f"{quote_from_bytes(key.encode())}={quote_from_bytes(value)}" for key, value in pairs)
)
languages = st.one_of(
    st.just(""),
    st.text(max_size=200),
    st.text(alphabet="ru-en;q=0.9,*", min_size=1000, max_size=20000),
)


@pytest.fixture
def reader(seed):
    # A 500 comes back as a response to check, not as the view's exception.
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("path", ENDPOINTS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], derandomize=True)
@given(query=query_strings, language=languages)
def test_no_query_string_or_language_gets_a_server_error(reader, path, query, language):
    response = reader.generic("GET", f"{path}?{query}", headers={"accept-language": language})
    assert response.status_code < 500, (path, query, language[:100])


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], derandomize=True
)
@given(path=st.binary(min_size=1, max_size=80))
def test_no_path_gets_a_server_error(reader, path):
    response = reader.generic("GET", "/" + quote_from_bytes(path, safe="/"))
    assert response.status_code < 500, path
