"""Routes of API v1, found by convention: every package ``api.<domain>`` with a ``urls.py`` is
included under its ``URL_PREFIX`` (default ``""``), in ``URL_ORDER`` (default 50, then by name).
A new domain adds no line here."""

from django.urls import include, path

import api
from api.common.discovery import domain_modules

urlpatterns = [
    path(getattr(module, "URL_PREFIX", ""), include(module.__name__))
    for module in domain_modules(api, "urls", order="URL_ORDER", default=50)
]
