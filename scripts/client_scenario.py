"""A member's day through the Python client generated from docs/openapi.yaml (run by scripts/clients.sh).

Log in, search the directory, read an organisation, register for an event, read notifications, edit
my own organisation with If-Match, read the statistics. Every step checks the status code and the
parsed model type, so a spec that lies about a response makes this fail.

Usage: PYTHONPATH=<generated client> python scripts/client_scenario.py http://127.0.0.1:PORT
"""

from __future__ import annotations

import sys
import uuid

from sehub_client import AuthenticatedClient, Client
from sehub_client.api.auth import auth_me_retrieve, auth_token_obtain
from sehub_client.api.enterprises import enterprises_list, enterprises_retrieve, enterprises_update
from sehub_client.api.events import events_list, events_register
from sehub_client.api.notifications import notifications_list
from sehub_client.api.stats import stats_retrieve
from sehub_client.models import (
    Enterprise,
    PaginatedEnterpriseList,
    PaginatedEventList,
    PaginatedNotificationList,
    PatchedEnterpriseRequest,
    Registration,
    Stats,
    TokenObtainInputRequest,
    TokenPair,
    User,
)


def check(condition: bool, message: str) -> None:
    if not condition:
        sys.exit(f"client scenario failed: {message}")
    print(f"ok  {message}")


def main(base_url: str) -> None:
    anonymous = Client(base_url=base_url, raise_on_unexpected_status=True)

    # 1. Log in as the demo member (owner of an organisation).
    login = auth_token_obtain.sync_detailed(
        client=anonymous,
        body=TokenObtainInputRequest(email="member@example.com", password="sehub-demo-2015"),
    )
    check(login.status_code == 200 and isinstance(login.parsed, TokenPair), "log in")
    assert isinstance(login.parsed, TokenPair)
    me_client = AuthenticatedClient(base_url=base_url, token=login.parsed.access, raise_on_unexpected_status=True)

    # 2. Search the directory (a public read: anonymous callers are allowed by the spec's security).
    # openapi-python-client 0.29 types every operation with a security list as AuthenticatedClient,
    # even with the anonymous alternative ``{}``; the plain client works at run time.
    found = enterprises_list.sync_detailed(client=anonymous, search="쿠키", page_size=5)  # type: ignore[arg-type]
    check(found.status_code == 200 and isinstance(found.parsed, PaginatedEnterpriseList), "search organisations")
    assert isinstance(found.parsed, PaginatedEnterpriseList)
    check(found.parsed.count >= 1 and all(item.slug for item in found.parsed.results), "search finds 쿠키")

    # 3. Read one organisation.
    slug = found.parsed.results[0].slug
    one = enterprises_retrieve.sync_detailed(slug, client=anonymous)  # type: ignore[arg-type]
    check(one.status_code == 200 and isinstance(one.parsed, Enterprise), f"read organisation {slug}")

    # 4. Register for an upcoming event that has seats.
    events = events_list.sync_detailed(client=me_client, upcoming=True, has_seats=True)
    check(events.status_code == 200 and isinstance(events.parsed, PaginatedEventList), "list upcoming events")
    assert isinstance(events.parsed, PaginatedEventList)
    open_events = [e for e in events.parsed.results if e.status == "scheduled"]
    registered = False
    for event in open_events:
        reg = events_register.sync_detailed(event.id, client=me_client, idempotency_key=str(uuid.uuid4()))
        if reg.status_code in (200, 201):
            check(isinstance(reg.parsed, Registration), f"register for event {event.id}")
            registered = True
            break
    check(registered, "registered for one event")

    # 5. Read my notifications.
    notes = notifications_list.sync_detailed(client=me_client)
    check(notes.status_code == 200 and isinstance(notes.parsed, PaginatedNotificationList), "read notifications")

    # 6. Find my organisation from /auth/me/ and edit it with If-Match.
    me = auth_me_retrieve.sync_detailed(client=me_client)
    check(me.status_code == 200 and isinstance(me.parsed, User), "read my account")
    assert isinstance(me.parsed, User)
    owned = [org for org in me.parsed.organisations if org.role == "owner"]
    check(bool(owned), "my account lists an organisation I own")
    mine = enterprises_retrieve.sync_detailed(owned[0].slug, client=me_client)
    etag = mine.headers.get("etag")
    check(mine.status_code == 200 and bool(etag), f"read {owned[0].slug} with its ETag")
    edited = enterprises_update.sync_detailed(
        owned[0].slug,
        client=me_client,
        body=PatchedEnterpriseRequest(phone="031-000-2015"),
        if_match=etag,
        idempotency_key=str(uuid.uuid4()),
    )
    check(edited.status_code == 200 and isinstance(edited.parsed, Enterprise), "edit my organisation with If-Match")
    assert isinstance(edited.parsed, Enterprise)
    check(edited.parsed.phone == "031-000-2015", "the edit is saved")
    stale = enterprises_update.sync_detailed(
        owned[0].slug,
        client=AuthenticatedClient(base_url=base_url, token=login.parsed.access),
        body=PatchedEnterpriseRequest(phone="031-000-0000"),
        if_match=etag,
    )
    check(stale.status_code == 412, "a stale If-Match is refused with 412")

    # 7. Read the statistics.
    stats = stats_retrieve.sync_detailed(client=anonymous)  # type: ignore[arg-type]
    check(stats.status_code == 200 and isinstance(stats.parsed, Stats), "read statistics")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8767")
