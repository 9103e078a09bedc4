"""events/middleware.py: a database still locked answers 503."""


def test_a_database_still_locked_after_its_timeout_is_a_503_with_retry_after(rf):
    from django.db import OperationalError

    from events.middleware import BusyDatabase

    response = BusyDatabase(lambda request: None).process_exception(
        rf.get("/api/events/"), OperationalError("database is locked")
    )
    assert (response.status_code, response["Retry-After"]) == (503, "10")
