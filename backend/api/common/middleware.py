"""Request-level guards that must run before any view parses a body."""

import ipaddress
import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from api.common.errors import ErrorCode, json_problem


class RequestBodyLimitMiddleware:
    """Answer 413 for bodies over the configured ceiling, before anything reads them.

    DRF's parsers read the request stream directly, so Django's DATA_UPLOAD_MAX_MEMORY_SIZE does
    not protect JSON bodies; this does. Multipart uploads get the larger upload ceiling (larger still
    on the paths of ``API_UPLOAD_BYTES_BY_PATH``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            raw = request.META.get("CONTENT_LENGTH") or "0"
            try:
                length = int(raw)
            except ValueError:
                return json_problem(request, 400, ErrorCode.MALFORMED_REQUEST, _("Content-Length is not a number."))
            content_type = request.META.get("CONTENT_TYPE", "")
            limit = (
                settings.API_MAX_UPLOAD_BYTES if content_type.startswith("multipart/") else settings.API_MAX_JSON_BYTES
            )
            if content_type.startswith("multipart/"):
                # A few paths take larger documents (settings.API_UPLOAD_BYTES_BY_PATH; their views check the file).
                for pattern, path_limit in getattr(settings, "API_UPLOAD_BYTES_BY_PATH", {}).items():
                    if re.match(pattern, request.path):
                        limit = max(limit, path_limit)
            if length > limit:
                return json_problem(
                    request,
                    413,
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    _("The request body is %(size)d bytes; the limit is %(limit)d bytes.")
                    % {"size": length, "limit": limit},
                )
        return self.get_response(request)


class ForwardedHeadersMiddleware:
    """Forget ``X-Forwarded-For`` and ``X-Forwarded-Proto`` unless the peer is a trusted proxy.

    Behind nginx the backend believes the client address nginx appends (``NUM_PROXIES``) and the
    scheme it reports (``BEHIND_TLS_PROXY``). Those headers mean something only when nginx wrote
    them: a request from any other peer (``REMOTE_ADDR`` outside ``TRUSTED_PROXIES``) has them
    removed before anything reads them, so it is counted under its own address and is plain HTTP.
    A Unix-socket peer (no address) is a local process and is trusted.
    """

    HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PORT")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.networks = tuple(ipaddress.ip_network(item, strict=False) for item in settings.TRUSTED_PROXIES)

    def trusted(self, peer: str) -> bool:
        if not peer:
            return True
        try:
            address = ipaddress.ip_address(peer.split("%", 1)[0])
        except ValueError:
            return False
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        return any(address in network for network in self.networks)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        meta = request.META
        if any(name in meta for name in self.HEADERS) and not self.trusted(meta.get("REMOTE_ADDR", "")):
            for name in self.HEADERS:
                meta.pop(name, None)
        return self.get_response(request)
