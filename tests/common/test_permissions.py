"""The shared permission classes, with a stand-in membership provider and plain objects."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser

from api.common import permissions as p


class Obj(SimpleNamespace):
    pass


def request(method: str, user) -> SimpleNamespace:
    return SimpleNamespace(method=method, user=user)


@pytest.fixture
def roles(monkeypatch):
    table: dict[int, dict[int, str]] = {}
    monkeypatch.setattr(p, "_membership_provider", lambda user: table.get(user.pk, {}))
    return table


def user(pk: int, coordinator: bool = False):
    return SimpleNamespace(pk=pk, is_authenticated=True, is_coordinator=coordinator)


ANON = AnonymousUser()
OWNED_BY_1 = Obj(enterprise_id=1)
HOSTED_BY_1_AND_2 = Obj(permission_enterprise_ids=lambda: [1, 2])


def test_is_coordinator():
    perm = p.IsCoordinator()
    assert perm.has_permission(request("GET", user(1, coordinator=True)), None)
    assert not perm.has_permission(request("GET", user(1)), None)
    assert not perm.has_permission(request("GET", ANON), None)


def test_coordinator_or_read_only():
    perm = p.IsCoordinatorOrReadOnly()
    assert perm.has_permission(request("GET", ANON), None)
    assert not perm.has_permission(request("POST", user(1)), None)
    assert perm.has_permission(request("POST", user(1, coordinator=True)), None)


def test_enterprise_editor(roles):
    roles[10] = {1: p.EDITOR}
    roles[11] = {2: p.OWNER}
    perm = p.IsEnterpriseEditorOrReadOnly()
    assert perm.has_permission(request("GET", ANON), None)
    assert not perm.has_permission(request("POST", ANON), None)
    assert perm.has_object_permission(request("GET", ANON), None, OWNED_BY_1)
    assert perm.has_object_permission(request("PATCH", user(10)), None, OWNED_BY_1)
    assert not perm.has_object_permission(request("PATCH", user(11)), None, OWNED_BY_1)
    assert not perm.has_object_permission(request("PATCH", user(12)), None, OWNED_BY_1)
    assert perm.has_object_permission(request("PATCH", user(12, coordinator=True)), None, OWNED_BY_1)
    # An object with several organisations: a member of any of them may edit.
    assert perm.has_object_permission(request("PATCH", user(11)), None, HOSTED_BY_1_AND_2)


def test_enterprise_owner_only(roles):
    roles[10] = {1: p.EDITOR}
    roles[11] = {1: p.OWNER}
    perm = p.IsEnterpriseOwnerOrReadOnly()
    assert not perm.has_object_permission(request("DELETE", user(10)), None, OWNED_BY_1)
    assert perm.has_object_permission(request("DELETE", user(11)), None, OWNED_BY_1)


def test_self_or_coordinator():
    perm = p.IsSelfOrCoordinator()
    mine = Obj(user_id=5)
    assert not perm.has_permission(request("GET", ANON), None)
    assert perm.has_object_permission(request("GET", user(5)), None, mine)
    assert not perm.has_object_permission(request("GET", user(6)), None, mine)
    assert perm.has_object_permission(request("GET", user(6, coordinator=True)), None, mine)


def test_membership_roles_are_computed_once_per_user(monkeypatch):
    calls = []
    monkeypatch.setattr(p, "_membership_provider", lambda u: calls.append(u) or {1: p.OWNER})
    u = user(1)
    assert p.membership_roles(u) == {1: p.OWNER}
    assert p.membership_roles(u) == {1: p.OWNER}
    assert len(calls) == 1
    assert p.membership_roles(ANON) == {}


def test_objects_without_an_organisation_grant_no_role(roles):
    roles[10] = {1: p.OWNER}
    assert not p.has_enterprise_role(user(10), Obj(), p.EDIT_ROLES)
