"""The shared test world: one user per role and, as domains add them, the objects each role acts on.

Roles: ``anonymous``, ``citizen``, ``member_a`` (owner of organisation A), ``member_b`` (owner of
organisation B, "a member of another organisation"), ``coordinator``. Each domain may add a module
``tests/<domain>/world.py`` with ``ORDER: int`` and ``build(world: World) -> None``; they run in
``ORDER`` after the users exist and put their objects on the world (``world.enterprise_a``...).
"""

from __future__ import annotations

from typing import Any

from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

import tests
from api.common.discovery import domain_modules
from tests.accounts.factories import PASSWORD, CoordinatorFactory, UserFactory

ROLES = ("anonymous", "citizen", "member_a", "member_b", "coordinator")


class World:
    password = PASSWORD

    def __init__(self) -> None:
        self.users: dict[str, Any] = {}
        self.extra: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["extra"][name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("users", "extra"):
            super().__setattr__(name, value)
        else:
            self.extra[name] = value

    def user(self, role: str) -> Any:
        return self.users.get(role)

    def client(self, role: str) -> APIClient:
        return client_for(self.user(role))


def client_for(user: Any) -> APIClient:
    client = APIClient()
    if user is not None:
        token = RefreshToken.for_user(user).access_token
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def _domain_builders() -> list[Any]:
    return domain_modules(tests, "world")


def build_world() -> World:
    world = World()
    world.users = {
        "anonymous": None,
        "citizen": UserFactory(email="citizen@example.com", display_name="김시민"),
        "member_a": UserFactory(email="member-a@example.com", display_name="가나다 회원"),
        "member_b": UserFactory(email="member-b@example.com", display_name="라마바 회원"),
        "coordinator": CoordinatorFactory(email="coordinator@example.com", display_name="조정자"),
    }
    for module in _domain_builders():
        module.build(world)
    return world
