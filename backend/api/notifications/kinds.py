"""The registry of notification kinds.

Each domain owns the kinds it sends: it declares them in its own module and registers them from its
``AppConfig.ready()`` with ``register_kind``. Notifications store the kind as plain text (no
``choices`` on the model), so a new kind needs no migration here; ``notify`` and the preference
service refuse a kind nobody registered.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class NotificationKindInfo:
    code: str
    label: str | Promise
    # Kinds only worth an in-app entry unless the user asks for e-mail too have this off.
    email_by_default: bool


_REGISTRY: dict[str, NotificationKindInfo] = {}
# ``(code, label)`` in registration order: the choices of serializers and filters, and of the
# ``NotificationKindEnum`` of the spec (``ENUM_NAME_OVERRIDES``). Kept as one list object that
# grows, so fields built before a registration still see every kind.
KIND_CHOICES: list[tuple[str, str | Promise]] = []


def register_kind(code: str, label: str | Promise, *, email_by_default: bool = True) -> str:
    """Declare a kind (idempotent for the same code and label). Returns ``code``."""
    known = _REGISTRY.get(code)
    if known is not None:
        if str(known.label) != str(label) or known.email_by_default != email_by_default:
            raise ValueError(f"notification kind {code!r} is registered twice with different settings")
        return code
    if not code or len(code) > 40:
        raise ValueError(f"notification kind {code!r}: 1 to 40 characters")
    _REGISTRY[code] = NotificationKindInfo(code=code, label=label, email_by_default=email_by_default)
    KIND_CHOICES.append((code, label))
    return code


def kind_info(code: str) -> NotificationKindInfo | None:
    return _REGISTRY.get(code)


def registered_kinds() -> list[NotificationKindInfo]:
    """Every registered kind, in registration order."""
    return list(_REGISTRY.values())


def kind_label(code: str) -> str:
    info = _REGISTRY.get(code)
    return str(info.label) if info is not None else code
