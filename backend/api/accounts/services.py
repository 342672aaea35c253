"""Account rules: registration, profile, passwords, tokens.

Every function runs in one transaction; e-mail goes out after commit.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from api.accounts import errors
from api.accounts.models import User
from api.common.errors import validation_error
from api.common.mail import mail_enqueue_on_commit


def _validate_password(password: str, *, user: User | None, field: str) -> None:
    try:
        password_validation.validate_password(password, user=user)
    except DjangoValidationError as exc:
        raise exceptions.ValidationError(
            {field: [exceptions.ErrorDetail(m, code=errors.PASSWORD_INVALID) for m in exc.messages]}
        ) from exc


@transaction.atomic
def user_register(*, email: str, password: str, display_name: str, preferred_language: str = "ko") -> User | None:
    """Create a citizen account and return it, or, when the address already has an account (any
    case), create nothing, mail that account's owner and return None.

    The endpoint answers the same either way (as password reset does), so registration cannot be
    used to find out who has an account; the password is checked and hashed in both cases so that
    neither the answer nor its timing differs. The case-insensitive unique constraint settles a
    race between two registrations of one address the same way.
    """
    email = email.strip().lower()
    candidate = User(email=email, display_name=display_name)
    _validate_password(password, user=candidate, field="password")
    existing = User.objects.filter(email__iexact=email).first()
    if existing is None:
        try:
            with transaction.atomic():
                return User.objects.create_user(
                    email=email, password=password, display_name=display_name, preferred_language=preferred_language
                )
        except IntegrityError:
            existing = User.objects.filter(email__iexact=email).first()
    else:
        make_password(password)
    if existing is not None:
        _mail_registration_attempt(existing)
    return None


def _mail_registration_attempt(user: User) -> None:
    link = f"{settings.FRONTEND_URL}/reset-password"
    with translation.override(user.preferred_language):
        subject = _("[Social Economy Hub] You already have an account")
        body = _(
            "Hello %(name)s,\n\nSomeone tried to register a Social Economy Hub account with this e-mail "
            "address, which already has one. If it was you, log in with your password, or choose a new "
            "one here:\n\n%(link)s\n\nIf it was not you, ignore this message; nothing has changed."
        ) % {"name": user.display_name, "link": link}
    mail_enqueue_on_commit(subject=subject, body=body, to=[user.email])


@transaction.atomic
def user_update(*, user: User, display_name: str | None = None, preferred_language: str | None = None) -> User:
    locked = User.objects.select_for_update().get(pk=user.pk)
    if display_name is not None:
        locked.display_name = display_name
    if preferred_language is not None:
        locked.preferred_language = preferred_language
    locked.save(update_fields=["display_name", "preferred_language", "updated_at"])
    return locked


def _revoke_refresh_tokens(user: User) -> None:
    """Blacklist every refresh token of ``user`` (log out on every device)."""
    outstanding = OutstandingToken.objects.filter(user=user).exclude(blacklistedtoken__isnull=False)
    BlacklistedToken.objects.bulk_create(
        [BlacklistedToken(token=token) for token in outstanding], ignore_conflicts=True
    )


@transaction.atomic
def user_change_password(*, user: User, old_password: str, new_password: str) -> None:
    """Check the current password, set the new one and log out every other session."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    if not locked.check_password(old_password):
        raise validation_error(
            "old_password", _("The current password is not correct."), code=errors.PASSWORD_INCORRECT
        )
    _validate_password(new_password, user=locked, field="new_password")
    locked.set_password(new_password)
    locked.save(update_fields=["password", "updated_at"])
    _revoke_refresh_tokens(locked)


def user_logout(*, refresh: str) -> None:
    """Blacklist one refresh token. An invalid or already revoked token is a 400 naming it."""
    try:
        RefreshToken(refresh).blacklist()  # type: ignore[arg-type]  # simplejwt accepts the encoded token string
    except TokenError as exc:
        raise validation_error(
            "refresh", _("The refresh token is invalid or already revoked."), code=errors.TOKEN_NOT_VALID
        ) from exc


@transaction.atomic
def password_reset_request(*, email: str) -> None:
    """E-mail a reset link if an active account has this address. Says nothing either way, so the
    endpoint cannot be used to find out who has an account."""
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        return
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = f"{settings.FRONTEND_URL}/reset-password?uid={uid}&token={token}"
    with translation.override(user.preferred_language):
        subject = _("[Social Economy Hub] Reset your password")
        body = _(
            "Hello %(name)s,\n\nSomeone asked to reset the password of your Social Economy Hub account. "
            "To choose a new password, open this link:\n\n%(link)s\n\n"
            "Your reset code: uid=%(uid)s token=%(token)s\n\n"
            "If it was not you, ignore this message; your password stays as it is."
        ) % {"name": user.display_name, "link": link, "uid": uid, "token": token}
    mail_enqueue_on_commit(subject=subject, body=body, to=[user.email])


@transaction.atomic
def password_reset_confirm(*, uid: str, token: str, new_password: str) -> None:
    try:
        pk = int(force_str(urlsafe_base64_decode(uid)))
        user = User.objects.select_for_update().get(pk=pk, is_active=True)
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        raise validation_error("token", _("The reset link is invalid or has expired."), code=errors.TOKEN_INVALID)
    _validate_password(new_password, user=user, field="new_password")
    user.set_password(new_password)
    user.save(update_fields=["password", "updated_at"])
    _revoke_refresh_tokens(user)


@transaction.atomic
def user_get_or_create_without_password(*, email: str, display_name: str) -> User:
    """An account nobody can log in to (no usable password), e.g. the demo data's event attendees."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=None, display_name=display_name)
    return user
