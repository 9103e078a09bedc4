"""OpenAPI post-processing: every operation documents the errors it can answer with."""

ERROR_SCHEMA = {
    "type": "object",
    "description": "Messages per field (a list of strings each), or `detail` with one message.",
    "additionalProperties": True,
}
READ_ERRORS = {
    "400": "A filter, page or parameter is not valid; the body names each.",
    "404": "No such event, or not visible to you.",
    "429": "Too many requests; retry later.",
}
WRITE_ERRORS = {
    "400": "The body is not valid JSON, or a field is not valid; the body names each.",
    "401": "No credentials, or wrong ones.",
    "403": "Your account may not do this (model permissions), or a session write lacks its CSRF token.",
    "404": "No such event.",
    "409": "Someone else changed the event while this write ran (no If-Match sent); nothing was written.",
    "412": "If-Match did not match: the event changed since you read it; nothing was written.",
    "413": "The body is too large.",
    "415": "The body is not application/json.",
    "429": "Too many writes; retry later.",
}


# Filters left empty mean "any": the HTML form sends every field, filled or not.
EMPTY_MEANS_ANY = {"type", "country", "city", "tag", "person", "status", "from", "to", "q", "include"}


def add_error_responses(result, generator, request, public):
    """Add the 4xx answers of each operation, with a common error body, to the generated schema.

    Also say that an empty filter value is accepted and ignored.
    """
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query" and parameter["name"] in EMPTY_MEANS_ANY:
                    parameter["schema"] = {"anyOf": [parameter["schema"], {"type": "string", "maxLength": 0}]}
            errors = READ_ERRORS if method in ("get", "head") else WRITE_ERRORS
            responses = operation.setdefault("responses", {})
            for status, description in errors.items():
                responses.setdefault(
                    status,
                    {"description": description, "content": {"application/json": {"schema": ERROR_SCHEMA}}},
                )
            if method in ("get", "head"):
                responses.setdefault("304", {"description": "Not modified: your copy (If-None-Match) is current."})
                responses.setdefault("401", {"description": "Wrong credentials were sent."})
    return result
