"""Demo accounts, one per role (README lists them). Fictional people only."""

from typing import Any

from api.accounts.models import User

ORDER = 10
DEMO_PASSWORD = "sehub-demo-2015"
DEMO_USERS: list[dict[str, Any]] = [
    {"email": "coordinator@example.com", "display_name": "지원센터 코디네이터", "is_coordinator": True},
    {"email": "member@example.com", "display_name": "쿠키공방 대표", "is_coordinator": False},
    # A member of a second organisation (the learning cooperative; the board's demo makes the
    # membership), so two organisations can work together on the board.
    {"email": "member2@example.com", "display_name": "지혜공유 조합원", "is_coordinator": False},
    {"email": "citizen@example.com", "display_name": "고양 시민", "is_coordinator": False},
]


def load() -> str:
    created = 0
    for spec in DEMO_USERS:
        user = User.objects.filter(email=spec["email"]).first()
        if user is None:
            User.objects.create_user(password=DEMO_PASSWORD, **spec)
            created += 1
    return f"{created} account(s) created, {len(DEMO_USERS) - created} already there"
