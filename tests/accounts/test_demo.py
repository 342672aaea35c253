import pytest
from django.core.management import CommandError, call_command

from api.accounts.models import User

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent_and_creates_one_account_per_role():
    call_command("load_demo", "--not-production")
    call_command("load_demo", "--not-production")
    emails = set(User.objects.values_list("email", flat=True))
    assert {"coordinator@example.com", "member@example.com", "citizen@example.com"} <= emails
    assert User.objects.filter(email="coordinator@example.com").count() == 1
    assert User.objects.get(email="coordinator@example.com").is_coordinator
    assert User.objects.get(email="citizen@example.com").check_password("sehub-demo-2015")


def test_load_demo_refuses_to_run_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
