"""Small typed readers for settings that come from the environment."""

import ipaddress
import os
import secrets
import stat
import time
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_networks(name: str, default: list[str]) -> list[str]:
    """A comma-separated list of IP networks (``10.0.0.0/8``, ``::1``), each checked at start."""
    items = env_list(name, default)
    for item in items:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError as exc:
            raise ImproperlyConfigured(f"{name}: {item!r} is not an IP address or network (e.g. 10.0.0.0/8)") from exc
    return items


def installation_secret(path: Path) -> str:
    """The secret kept in ``path``; created on first use (random, mode 0600) and then reused.

    Every process of one installation (gunicorn workers, management commands) reads the same file;
    when several start at once, ``O_EXCL`` lets exactly one of them write it and the others read
    what it wrote. A file others may read is refused rather than used.
    """
    for _ in range(50):
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue  # another process won the race: read what it writes
            value = secrets.token_urlsafe(64)
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(value + "\n")
            return value
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ImproperlyConfigured(f"{path} is readable by others ({stat.filemode(mode)}): run `chmod 600 {path}`.")
        value = path.read_text(encoding="ascii").strip()
        if value:
            if len(value) < 50:
                raise ImproperlyConfigured(f"{path} holds a secret shorter than 50 characters.")
            return value
        time.sleep(0.02)  # another process created it and is writing it now
    raise ImproperlyConfigured(f"{path} stays empty: delete it and start again.")
