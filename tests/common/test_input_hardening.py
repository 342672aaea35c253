"""Regression tests for the probes that reached a 500 or bypassed a throttle (issue: hardening)."""

import unicodedata

import pytest

from api.common.parsers import MalformedJSONError, safe_json_loads
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

NFD_COOKIE = unicodedata.normalize("NFD", "쿠키")


class TestJSONParser:
    @pytest.mark.parametrize("depth", [1000, 100_000])
    def test_deep_nesting_is_malformed_not_a_500(self, user_client, depth):
        for raw in ("[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth):
            response = user_client.generic("PATCH", "/api/v1/auth/me/", raw, content_type="application/json")
            assert response.status_code == 400
            assert response["Content-Type"].startswith("application/problem+json")
            assert response.json()["code"] == "malformed_request"

    def test_anonymous_endpoints_too(self, anon_client):
        raw = "[" * 1000 + "]" * 1000
        response = anon_client.generic("POST", "/api/v1/auth/token/", raw, content_type="application/json")
        assert response.status_code == 400 and response.json()["code"] == "malformed_request"

    def test_brackets_inside_strings_do_not_count(self):
        assert safe_json_loads('{"a": "' + "[" * 5000 + '"}') == {"a": "[" * 5000}

    @pytest.mark.parametrize("raw", ['"\\ud800"', '{"\\udfff": 1}', '["a\\ud800b"]', "NaN", "1" * 5000])
    def test_refused(self, raw):
        with pytest.raises(MalformedJSONError):
            safe_json_loads(raw)

    def test_text_comes_out_nfc(self):
        assert safe_json_loads(f'{{"{NFD_COOKIE}": ["{NFD_COOKIE}"]}}') == {"쿠키": ["쿠키"]}

    @pytest.mark.parametrize("field", ["preferred_language", "display_name"])
    def test_lone_surrogate_in_a_field_is_a_400(self, user_client, field):
        response = user_client.generic(
            "PATCH", "/api/v1/auth/me/", f'{{"{field}": "\\ud800"}}', content_type="application/json"
        )
        assert response.status_code == 400
        assert response.json()["code"] == "malformed_request"

    def test_korean_is_stored_nfc(self, user_client, user):
        response = user_client.patch("/api/v1/auth/me/", {"display_name": NFD_COOKIE}, format="json")
        assert response.status_code == 200
        user.refresh_from_db()
        assert user.display_name == "쿠키" and len(user.display_name) == 2


class TestQueryParameters:
    @pytest.mark.parametrize(
        ("url", "param"),
        [
            ("/api/v1/events/?series=99999999999999999999", "series"),
            ("/api/v1/events/?series=1e20", "series"),
            ("/api/v1/events/?series=1.5", "series"),
            ("/api/v1/events/calendar.ics?series=99999999999999999999", "series"),
            ("/api/v1/products/?price_max=1e20", "price_max"),
            ("/api/v1/enterprises/?tag=" + "a" * 51, "tag"),
        ],
    )
    def test_out_of_range_numbers_name_the_parameter(self, coordinator_client, url, param):
        response = coordinator_client.get(url)
        assert response.status_code == 400
        assert response["Content-Type"].startswith("application/problem+json")
        assert [e["field"] for e in response.json()["errors"]] == [param]

    @pytest.mark.parametrize("value", ["99999999999999999999", "1e20"])
    def test_booth_applications_event_filter(self, coordinator_client, value):
        response = coordinator_client.get(f"/api/v1/booth-applications/?event={value}")
        assert response.status_code == 400
        assert response.json()["errors"][0]["field"] == "event"

    @pytest.mark.parametrize(
        "url",
        [
            "/api/v1/events/99999999999999999999/",
            "/api/v1/products/99999999999999999999/",
            "/api/v1/events/99999999999999999999/attendees/",
            "/api/v1/event-series/99999999999999999999/",
        ],
    )
    def test_huge_path_ids_are_404(self, coordinator_client, url):
        response = coordinator_client.get(url)
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/problem+json")

    def test_long_event_search_is_a_400_naming_search(self, anon_client):
        response = anon_client.get("/api/v1/events/?search=" + "a" * 50_001)
        assert response.status_code == 400
        assert response.json()["errors"][0]["field"] == "search"

    def test_nfd_event_search_finds_the_composed_title(self, world, anon_client):
        from api.events.models import Event

        event = Event.objects.filter(status="scheduled").first() or Event.objects.first()
        Event.objects.filter(pk=event.pk).update(title="쿠키 만들기 교실")
        response = anon_client.get("/api/v1/events/", {"search": NFD_COOKIE, "upcoming": ""})
        assert response.status_code == 200
        assert event.pk in [item["id"] for item in response.json()["results"]]

    def test_long_login_email_is_a_400_naming_email(self, anon_client):
        response = anon_client.post("/api/v1/auth/token/", {"email": "a" * 50_001, "password": "x"}, format="json")
        assert response.status_code == 400
        assert response.json()["errors"][0]["field"] == "email"


class TestErrorBodies:
    def test_untranslated_401_messages_are_korean(self, anon_client):
        bad_token = anon_client.get("/api/v1/auth/me/", HTTP_AUTHORIZATION="Bearer garbage")
        assert bad_token.status_code == 401
        assert bad_token.json()["detail"] == "어떤 종류의 토큰으로도 유효하지 않은 토큰입니다."
        UserFactory(email="someone@example.com")
        wrong = anon_client.post(
            "/api/v1/auth/token/", {"email": "someone@example.com", "password": "wrong-password"}, format="json"
        )
        assert wrong.status_code == 401
        assert wrong.json()["detail"] == "이메일 또는 비밀번호가 올바르지 않거나 활성 계정이 없습니다."
        english = anon_client.get("/api/v1/auth/me/", HTTP_AUTHORIZATION="Bearer garbage", HTTP_ACCEPT_LANGUAGE="en")
        assert english.json()["detail"] == "Given token not valid for any token type"

    def test_a_lone_surrogate_in_a_message_is_escaped(self):
        from api.common.errors import problem

        body = problem(status_code=400, code="validation_error", detail='"\ud800" is not a valid choice.')
        assert body["detail"] == '"\\ud800" is not a valid choice.'
        body["detail"].encode("utf-8")


LOGIN = "/api/v1/auth/token/"


def _rates(settings, **rates):
    settings.THROTTLE_RATES = {"anon": "1000/minute", "login": "1000/minute", **rates}


class TestThrottlesCannotBeBypassed:
    def test_rotating_x_forwarded_for_does_not_reset_the_address_count(self, anon_client, settings):
        _rates(settings, login="3/minute")
        statuses = [
            anon_client.post(
                LOGIN,
                {"email": f"guess{i}@example.com", "password": "wrong-password"},
                format="json",
                HTTP_X_FORWARDED_FOR=f"10.0.{i}.1",
            ).status_code
            for i in range(5)
        ]
        assert statuses == [401, 401, 401, 429, 429]

    def test_log_in_is_limited_per_account_whatever_the_address(self, anon_client, user, settings):
        _rates(settings, login_account="3/hour")
        statuses = [
            anon_client.post(
                LOGIN,
                {"email": user.email.upper() if i % 2 else user.email, "password": "wrong-password"},
                format="json",
                REMOTE_ADDR=f"10.1.{i}.1",
                HTTP_X_FORWARDED_FOR=f"10.2.{i}.1",
            ).status_code
            for i in range(5)
        ]
        assert statuses == [401, 401, 401, 429, 429]
        other = anon_client.post(LOGIN, {"email": "other@example.com", "password": "x"}, format="json")
        assert other.status_code == 401  # another account is not blocked

    def test_reset_mails_are_limited_per_address(
        self, anon_client, user, mailoutbox, django_capture_on_commit_callbacks, settings
    ):
        _rates(settings, password_reset="2/hour")
        statuses = []
        with django_capture_on_commit_callbacks(execute=True):
            for i in range(4):
                statuses.append(
                    anon_client.post(
                        "/api/v1/auth/password/reset/",
                        {"email": user.email},
                        format="json",
                        REMOTE_ADDR=f"10.3.{i}.1",
                        HTTP_X_FORWARDED_FOR=f"10.4.{i}.1",
                    ).status_code
                )
        assert statuses == [202, 202, 429, 429]
        assert len(mailoutbox) == 2

    def test_registration_is_limited_per_client_address(self, anon_client, settings):
        _rates(settings, register="2/hour")
        statuses = [
            anon_client.post(
                "/api/v1/auth/register/",
                {"email": f"new{i}@example.com", "password": "a-long-enough-passphrase", "display_name": "새"},
                format="json",
                HTTP_X_FORWARDED_FOR=f"10.5.{i}.1",
            ).status_code
            for i in range(4)
        ]
        assert statuses == [202, 202, 429, 429]

    def test_a_trusted_proxy_count_picks_the_address_the_proxy_saw(self, settings):
        from rest_framework.test import APIRequestFactory

        from api.common.throttles import client_address

        request = APIRequestFactory().get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4", REMOTE_ADDR="10.0.0.1")
        settings.NUM_PROXIES = 0
        assert client_address(request) == "10.0.0.1"
        settings.NUM_PROXIES = 1
        assert client_address(request) == "1.2.3.4"  # not the client-written 6.6.6.6
        settings.NUM_PROXIES = 2
        assert client_address(request) == "6.6.6.6"

    def test_forwarded_for_from_an_untrusted_peer_is_ignored(self, settings):
        """Behind nginx (NUM_PROXIES=1), a client that reaches gunicorn directly is counted under its
        own address whatever X-Forwarded-For it writes; nginx's header is still believed."""
        from rest_framework.test import APIClient

        _rates(settings, anon="2/minute")
        settings.NUM_PROXIES = 1
        settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
        client = APIClient()  # its handler builds the middleware with these settings
        direct = [
            client.get(
                "/api/v1/enterprises/", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}", REMOTE_ADDR="203.0.113.5"
            ).status_code
            for i in range(3)
        ]
        assert direct == [200, 200, 429]
        proxied = [
            client.get(
                "/api/v1/enterprises/", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}", REMOTE_ADDR="10.1.2.3"
            ).status_code
            for i in range(3)
        ]
        assert proxied == [200, 200, 200]  # three clients behind the proxy, one request each

    @pytest.mark.parametrize(
        ("peer", "kept"),
        [
            ("127.0.0.1", True),
            ("10.9.8.7", True),
            ("::ffff:10.9.8.7", True),  # IPv4-mapped, as a dual-stack socket reports it
            ("", True),  # a Unix-socket peer is a local process
            ("203.0.113.5", False),
            ("2001:db8::1", False),
            ("not-an-address", False),
        ],
    )
    def test_forwarded_headers_are_kept_only_from_trusted_proxies(self, settings, peer, kept):
        from django.http import HttpResponse
        from django.test import RequestFactory

        from api.common.middleware import ForwardedHeadersMiddleware

        settings.TRUSTED_PROXIES = ["127.0.0.0/8", "10.0.0.0/8"]
        settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        seen = {}

        def view(request):
            seen.update(secure=request.is_secure(), forwarded=request.META.get("HTTP_X_FORWARDED_FOR"))
            return HttpResponse()

        request = RequestFactory().get(
            "/", HTTP_X_FORWARDED_FOR="198.51.100.1", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR=peer
        )
        ForwardedHeadersMiddleware(view)(request)
        assert seen == ({"secure": True, "forwarded": "198.51.100.1"} if kept else {"secure": False, "forwarded": None})

    def test_a_malformed_trusted_proxies_setting_stops_the_start(self, monkeypatch):
        from django.core.exceptions import ImproperlyConfigured

        from config.env import env_networks

        monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.0/8, nginx")
        with pytest.raises(ImproperlyConfigured, match="'nginx' is not an IP address"):
            env_networks("TRUSTED_PROXIES", [])


class TestKoreanNFC:
    def test_decomposed_query_finds_the_cookie_bakery(self, world, anon_client):
        names = [e["name"] for e in anon_client.get("/api/v1/enterprises/", {"search": NFD_COOKIE}).json()["results"]]
        assert names == ["위캔쿠키"]
        products = anon_client.get("/api/v1/products/", {"search": NFD_COOKIE}).json()["results"]
        assert [p["name"] for p in products] == ["수제 쿠키 세트"]

    def test_an_organisation_created_in_nfd_is_found_in_nfc(self, world):
        client = world.client("coordinator")
        name = unicodedata.normalize("NFD", "새빛협동조합")
        created = client.post(
            "/api/v1/enterprises/", {"name": name, "kind": "cooperative", "district": "deogyang"}, format="json"
        )
        assert created.status_code == 201, created.content
        assert created.json()["name"] == "새빛협동조합"
        found = client.get("/api/v1/enterprises/", {"search": "새빛"}).json()["results"]
        assert [e["name"] for e in found] == ["새빛협동조합"]


class TestCsvImport:
    URL = "/api/v1/enterprises/import/"
    HEADER = "기업명,기업유형,구,설립일,인증일\n"

    def post(self, client, text):
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile("list.csv", text.encode("utf-8"), content_type="text/csv")
        return client.post(self.URL, {"file": upload}, format="multipart")

    def test_nul_bytes_are_refused(self, world):
        from api.enterprises.models import Enterprise

        before = Enterprise.objects.count()
        response = self.post(world.client("coordinator"), self.HEADER + "널\x00협동조합,협동조합,덕양구,,\n")
        assert response.status_code == 400
        assert response.json()["errors"][0]["code"] == "invalid_csv"
        assert Enterprise.objects.count() == before

    @pytest.mark.parametrize("day", ["0202-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])
    def test_absurd_dates_are_refused(self, world, day):
        from api.enterprises.models import Enterprise

        before = Enterprise.objects.count()
        response = self.post(world.client("coordinator"), self.HEADER + f"연도협동조합,협동조합,덕양구,{day},\n")
        assert response.status_code == 400, response.content
        errors = response.json()["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [("rows[2].설립일", "out_of_range")]
        assert Enterprise.objects.count() == before

    def test_dates_in_range_are_accepted(self, world):
        response = self.post(world.client("coordinator"), self.HEADER + "연도협동조합,협동조합,덕양구,1900-01-01,\n")
        assert response.status_code in (200, 201), response.content


def _jpeg_with_gps_and_trailer() -> bytes:
    import io

    from PIL import Image

    exif = Image.Exif()
    exif[0x0110] = "Secret Camera"  # Model
    exif[0x8825] = {1: "N", 2: (37.0, 39.0, 30.0), 3: "E", 4: (126.0, 46.0, 10.0)}  # GPSInfo
    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), (200, 120, 40)).save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue() + b"HIDDEN-TRAILER" * 10


class TestUploadedImages:
    def test_exif_gps_and_trailing_bytes_are_stripped(self, world, settings, tmp_path):
        import io

        from django.core.files.uploadedfile import SimpleUploadedFile
        from PIL import Image

        settings.MEDIA_ROOT = tmp_path
        raw = _jpeg_with_gps_and_trailer()
        with Image.open(io.BytesIO(raw)) as before:
            assert before.getexif().get_ifd(0x8825)  # the probe really carries a GPS position
        upload = SimpleUploadedFile("logo.jpg", raw, content_type="image/jpeg")
        response = world.client("member_a").post(
            f"/api/v1/enterprises/{world.enterprise_a_slug}/logo/", {"file": upload}, format="multipart"
        )
        assert response.status_code in (200, 201), response.content
        world.enterprise_a.refresh_from_db()
        stored = world.enterprise_a.logo.read()
        assert b"HIDDEN-TRAILER" not in stored and b"Secret Camera" not in stored
        with Image.open(io.BytesIO(stored)) as after:
            assert after.format == "JPEG" and after.size == (16, 12)
            assert not after.getexif()
            assert "exif" not in after.info
        assert stored.endswith(b"\xff\xd9")  # the JPEG ends where its end marker is


class TestFilterSetBase:
    """Model choice filters (no list uses one yet) check integer keys before they query."""

    def make(self, data):
        import django_filters

        from api.accounts.models import User
        from api.common.filters import FilterSet
        from api.enterprises.models import Membership

        class MembershipFilter(FilterSet):
            user = django_filters.ModelChoiceFilter(queryset=User.objects.all())
            users = django_filters.ModelMultipleChoiceFilter(field_name="user", queryset=User.objects.all())
            enterprise = django_filters.NumberFilter(field_name="enterprise")
            note = django_filters.CharFilter(field_name="enterprise__name")

            class Meta:
                model = Membership
                fields: list[str] = []

        return MembershipFilter(data=data, queryset=Membership.objects.all())

    @pytest.mark.parametrize("param", ["user", "users", "enterprise"])
    @pytest.mark.parametrize("value", ["99999999999999999999", "-99999999999999999999", "1e20", "1.5", "abc"])
    def test_out_of_range_or_non_integer_keys_are_form_errors(self, param, value):
        filterset = self.make({param: value})
        assert not filterset.is_valid()
        assert list(filterset.errors) == [param]

    def test_valid_keys_still_filter(self, world):
        member = world.user("member_a")
        assert self.make({"user": str(member.pk)}).qs.count() == 1
        assert self.make({"users": [str(member.pk)]}).qs.count() == 1

    def test_text_filters_are_bounded_and_nfc(self, world):
        assert not self.make({"note": "a" * 201}).is_valid()
        assert self.make({"note": unicodedata.normalize("NFD", "위캔쿠키")}).qs.count() == 2


class TestBooleanFilters:
    """A boolean query parameter takes true/false (or 1/0); anything else is a 400 naming it, never
    silently read as "no filter"."""

    @pytest.mark.parametrize(
        ("url", "name"),
        [
            ("/api/v1/enterprises/?verified=maybe", "verified"),
            ("/api/v1/enterprises/?has_products=yes", "has_products"),
            ("/api/v1/products/?is_available=2", "is_available"),
            ("/api/v1/events/?upcoming=soon", "upcoming"),
            ("/api/v1/events/?has_seats=%EF%BF%BD", "has_seats"),
        ],
    )
    def test_a_value_that_is_not_a_boolean_is_a_400_naming_it(self, db, anon_client, url, name):
        response = anon_client.get(url)
        assert response.status_code == 400
        assert response["Content-Type"] == "application/problem+json"
        assert [error["field"] for error in response.json()["errors"]] == [name]

    @pytest.mark.parametrize("value", ["true", "false", "True", "1", "0", ""])
    def test_true_false_one_and_zero_are_accepted(self, db, anon_client, value):
        assert anon_client.get(f"/api/v1/enterprises/?verified={value}").status_code == 200


class TestBlankTypedFilters:
    """A date, date-time or number parameter given an empty value is a 400 naming it (the spec types
    it; an empty string is no date), not a silent "no filter"."""

    @pytest.mark.parametrize(
        ("url", "name"),
        [
            ("/api/v1/events/?date_to=", "date_to"),
            ("/api/v1/events/calendar.ics?date_from=%20", "date_from"),
            ("/api/v1/products/?price_max=", "price_max"),
            ("/api/v1/events/?series=", "series"),
        ],
    )
    def test_an_empty_value_is_a_400_naming_it(self, db, anon_client, url, name):
        response = anon_client.get(url)
        assert response.status_code == 400
        assert response["Content-Type"] == "application/problem+json"
        assert [error["field"] for error in response.json()["errors"]] == [name]

    def test_a_value_still_filters_and_absence_is_no_filter(self, db, anon_client):
        assert anon_client.get("/api/v1/events/?date_to=2015-05-27").status_code == 200
        assert anon_client.get("/api/v1/events/").status_code == 200


def test_audit_log_filters_and_ids_are_bounded(db, world):
    client = world.client("coordinator")
    response = client.get("/api/v1/audit-log/?date_to=")
    assert response.status_code == 400 and [e["field"] for e in response.json()["errors"]] == ["date_to"]
    assert client.get("/api/v1/audit-log/enterprises.enterprise/9223372036854775808/").status_code == 404
    assert client.get("/api/v1/audit-log/enterprises.enterprise/9223372036854775807/").status_code == 200
