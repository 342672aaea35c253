"""CSV import and export of the directory, with the Korean headers public lists use.

Columns (header → field; English field names are accepted as headers too):

    기업명 name (required) · 영문명 name_en · 기업유형 kind (required: 마을기업, 사회적기업,
    예비사회적기업, 육성기업, 협동조합, 사회적협동조합, 자활기업 or the code) · 인증번호
    certification_number · 인증일 certified_on · 인증만료일 certification_expires_on (YYYY-MM-DD) ·
    업종 sector (label or code) · 사회적목적 social_mission · 소개 description · 구 district (덕양구 …
    or the code; when empty, read from 소재지) · 소재지 address · 대표전화 phone · 이메일 email ·
    홈페이지 website · 설립일 founded_on · 총고용인원 employees_total · 취약계층고용인원
    employees_vulnerable · 태그 tags (separated by , or ;) · 상태 status (운영/폐업 or active/closed)

Rows are numbered as a spreadsheet shows them (the header is row 1). Files may be UTF-8 (with or
without BOM) or CP949/EUC-KR, which Korean Excel writes; anything else is refused with a message.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import override

from api.common.spreadsheets import UTF8_BOM, spreadsheet_safe
from api.enterprises.models import CERTIFIED_KINDS, EnterpriseKind, EnterpriseStatus, Sector

MAX_ROWS = 5000
# Dates outside these years are typing errors (0202 for 2020), refused as the JSON API refuses them.
MIN_YEAR, MAX_YEAR = 1900, 2100

KIND_KO = {
    EnterpriseKind.VILLAGE: "마을기업",
    EnterpriseKind.SOCIAL: "사회적기업",
    EnterpriseKind.PRE_SOCIAL: "예비사회적기업",
    EnterpriseKind.INCUBATED: "육성기업",
    EnterpriseKind.COOPERATIVE: "협동조합",
    EnterpriseKind.SOCIAL_COOPERATIVE: "사회적협동조합",
    EnterpriseKind.SELF_SUFFICIENCY: "자활기업",
}
# The words public lists use (fixed here, not taken from the translation catalogue); the
# catalogue's labels in either language are accepted too.
SECTOR_KO = {
    Sector.FOOD: ("식품·외식", "식품", "외식"),
    Sector.MANUFACTURING: ("제조",),
    Sector.EDUCATION: ("교육",),
    Sector.CARE: ("돌봄·복지", "돌봄", "복지", "사회복지"),
    Sector.HEALTH: ("보건", "보건의료"),
    Sector.ENVIRONMENT: ("환경·재활용", "환경", "재활용"),
    Sector.CULTURE: ("문화·예술", "문화", "예술"),
    Sector.TOURISM: ("관광·여가", "관광", "여가"),
    Sector.AGRICULTURE: ("농업·로컬푸드", "농업", "로컬푸드"),
    Sector.HOUSING: ("주거·집수리", "주거", "집수리"),
    Sector.CLEANING: ("청소·시설관리", "청소", "시설관리"),
    Sector.IT: ("IT·미디어", "IT", "미디어"),
    Sector.RETAIL: ("유통·판매", "유통", "판매"),
    Sector.FINANCE: ("사회적금융", "금융"),
    Sector.OTHER: ("기타",),
}
STATUS_KO = {EnterpriseStatus.ACTIVE: "운영", EnterpriseStatus.CLOSED: "폐업"}

# (header, field) in export order.
COLUMNS: list[tuple[str, str]] = [
    ("기업명", "name"),
    ("영문명", "name_en"),
    ("기업유형", "kind"),
    ("인증번호", "certification_number"),
    ("인증일", "certified_on"),
    ("인증만료일", "certification_expires_on"),
    ("업종", "sector"),
    ("사회적목적", "social_mission"),
    ("소개", "description"),
    ("구", "district"),
    ("소재지", "address"),
    ("대표전화", "phone"),
    ("이메일", "email"),
    ("홈페이지", "website"),
    ("설립일", "founded_on"),
    ("총고용인원", "employees_total"),
    ("취약계층고용인원", "employees_vulnerable"),
    ("태그", "tags"),
    ("상태", "status"),
]
HEADER_ALIASES = {
    **dict(COLUMNS),
    **{fld: fld for _header, fld in COLUMNS},
    "조직명": "name",
    "유형": "kind",
    "주소": "address",
    "전화번호": "phone",
    "연락처": "phone",
    "웹사이트": "website",
    "고용인원": "employees_total",
    "취약계층": "employees_vulnerable",
    "취약계층고용": "employees_vulnerable",
}
HEADER_OF = {fld: header for header, fld in COLUMNS}
MAX_LENGTHS = {
    "name": 120,
    "name_en": 160,
    "certification_number": 40,
    "address": 200,
    "phone": 30,
    "email": 254,
    "website": 200,
    "social_mission": 5000,
    "description": 20000,
}


class CsvFileError(Exception):
    """The file as a whole cannot be read (encoding, no header, too many rows)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message, self.code = message, code


@dataclass
class ParsedRow:
    line: int
    values: dict[str, Any]
    tags: list[str] | None


@dataclass
class ParseResult:
    encoding: str
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)


def decode(raw: bytes) -> tuple[str, str]:
    """Text and encoding name of an uploaded CSV: UTF-8 (BOM optional), else CP949."""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    else:
        try:
            return raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        try:
            return raw.decode("cp949"), "cp949"
        except UnicodeDecodeError:
            pass
    raise CsvFileError(
        _('The file is neither UTF-8 nor CP949 (EUC-KR) text: save it as "CSV UTF-8" and try again.'),
        "invalid_encoding",
    )


def _choice_lookup(pairs: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for code, names in pairs:
        table[code.lower()] = code
        for name in names:
            table[name.replace(" ", "").lower()] = code
    return table


def _kind_table() -> dict[str, str]:
    return _choice_lookup((k.value, [KIND_KO[k], str(k.label)]) for k in EnterpriseKind)


def _sector_table() -> dict[str, str]:
    pairs = []
    for sector in Sector:
        with override("ko"):
            ko = str(sector.label)
        with override("en"):
            en = str(sector.label)
        pairs.append((sector.value, [*SECTOR_KO[sector], ko, en]))
    return _choice_lookup(pairs)


def _district_table() -> dict[str, str]:
    return _choice_lookup((code, [ko, en]) for code, ko, en in settings.SEHUB_DISTRICTS)


def _district_from_address(address: str) -> str | None:
    for code, ko, _en in settings.SEHUB_DISTRICTS:
        if ko in address:
            return code
    return None


def parse(raw: bytes) -> ParseResult:
    """Decode and validate every row; collect every error as ``{field: "rows[N].헤더", code, message}``."""
    text, encoding = decode(raw)
    if "\x00" in text:  # the JSON API refuses NUL in text; a spreadsheet never writes one
        raise CsvFileError(_("The file contains NUL characters: it is not a CSV text file."), "invalid_csv")
    result = ParseResult(encoding=encoding)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise CsvFileError(_("The file is empty."), "empty_file") from None
    except csv.Error as exc:
        raise CsvFileError(_("The file is not valid CSV: %(error)s") % {"error": exc}, "invalid_csv") from None
    columns: list[str | None] = [HEADER_ALIASES.get(h.strip().lstrip(UTF8_BOM)) for h in header]
    if "name" not in columns or "kind" not in columns:
        raise CsvFileError(
            _("The header row must contain at least 기업명 and 기업유형 (found: %(found)s).")
            % {"found": ", ".join(h.strip() for h in header) or "-"},
            "missing_columns",
        )
    kinds, sectors, districts = _kind_table(), _sector_table(), _district_table()
    url_ok, email_ok = URLValidator(schemes=["http", "https"]), EmailValidator()
    seen_numbers: dict[str, int] = {}
    seen_keys: dict[tuple[str, str], int] = {}
    try:
        for line, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(result.rows) >= MAX_ROWS:
                raise CsvFileError(_("At most %(max)d rows per file.") % {"max": MAX_ROWS}, "too_many_rows")
            raw_row = {col: cells[i].strip() for i, col in enumerate(columns) if col and i < len(cells)}
            errors: list[tuple[str, str, str]] = []

            def error(fld: str, message: str, code: str = "invalid", _errors: list = errors) -> None:
                _errors.append((fld, code, message))

            values: dict[str, Any] = {}
            for fld, limit in MAX_LENGTHS.items():
                if fld in raw_row:
                    if len(raw_row[fld]) > limit:
                        error(fld, _("At most %(limit)d characters.") % {"limit": limit}, "max_length")
                    values[fld] = raw_row[fld]
            if not raw_row.get("name"):
                error("name", _("The name is required."), "required")
            kind = kinds.get(raw_row.get("kind", "").replace(" ", "").lower())
            if kind is None:
                error("kind", _("Unknown kind %(value)r.") % {"value": raw_row.get("kind", "")}, "invalid_choice")
            values["kind"] = kind
            if raw_row.get("sector"):
                sector = sectors.get(raw_row["sector"].replace(" ", "").lower())
                if sector is None:
                    error("sector", _("Unknown sector %(value)r.") % {"value": raw_row["sector"]}, "invalid_choice")
                values["sector"] = sector or Sector.OTHER
            district = None
            if raw_row.get("district"):
                district = districts.get(raw_row["district"].replace(" ", "").lower())
                if district is None:
                    error(
                        "district",
                        _("Unknown district %(value)r.") % {"value": raw_row["district"]},
                        "invalid_choice",
                    )
            else:
                district = _district_from_address(raw_row.get("address", ""))
                if district is None:
                    error(
                        "district",
                        _("No district given and none found in the address."),
                        "required",
                    )
            values["district"] = district
            if raw_row.get("status"):
                status_value = raw_row["status"].lower()
                status_code = {v: k for k, v in STATUS_KO.items()}.get(raw_row["status"]) or (
                    status_value if status_value in EnterpriseStatus.values else None
                )
                if status_code is None:
                    error("status", _("Unknown status %(value)r.") % {"value": raw_row["status"]}, "invalid_choice")
                values["status"] = status_code or EnterpriseStatus.ACTIVE
            for fld in ("certified_on", "certification_expires_on", "founded_on"):
                if raw_row.get(fld):
                    try:
                        values[fld] = date.fromisoformat(raw_row[fld].replace(".", "-").replace("/", "-"))
                    except ValueError:
                        error(fld, _("Not a date (use YYYY-MM-DD)."), "invalid_date")
                    else:
                        if not MIN_YEAR <= values[fld].year <= MAX_YEAR:
                            error(
                                fld,
                                _("The year must be between %(min)d and %(max)d.") % {"min": MIN_YEAR, "max": MAX_YEAR},
                                "out_of_range",
                            )
                else:
                    values[fld] = None
            for fld in ("employees_total", "employees_vulnerable"):
                cell = raw_row.get(fld, "").replace(",", "")
                if cell:
                    try:
                        number = int(cell)
                    except ValueError:
                        error(fld, _("Not a whole number."), "invalid_number")
                        continue
                    if number < 0 or number > 1_000_000:
                        error(fld, _("Must be between 0 and 1,000,000."), "out_of_range")
                    values[fld] = number
                else:
                    values[fld] = 0
            if (
                isinstance(values.get("employees_total"), int)
                and isinstance(values.get("employees_vulnerable"), int)
                and values["employees_total"] >= 0
                and values["employees_vulnerable"] > values["employees_total"]
            ):
                error("employees_vulnerable", _("Cannot exceed total employees."), "exceeds_total")
            if raw_row.get("website"):
                try:
                    url_ok(raw_row["website"])
                except DjangoValidationError:
                    error("website", _("Not a web address (http:// or https://)."), "invalid_url")
            if raw_row.get("email"):
                try:
                    email_ok(raw_row["email"])
                except DjangoValidationError:
                    error("email", _("Not an e-mail address."), "invalid_email")
            certification = raw_row.get("certification_number") or None
            values["certification_number"] = certification
            if kind is not None and kind not in CERTIFIED_KINDS:
                for fld in ("certification_number", "certified_on", "certification_expires_on"):
                    if values.get(fld):
                        error(fld, _("This kind of organisation has no certification."), "not_certifiable")
            if certification:
                if certification in seen_numbers:
                    error(
                        "certification_number",
                        _("The same certification number is on row %(line)d.") % {"line": seen_numbers[certification]},
                        "duplicate",
                    )
                seen_numbers.setdefault(certification, line)
            elif raw_row.get("name") and district:
                key = (raw_row["name"], district)
                if key in seen_keys:
                    error(
                        "name", _("The same organisation is on row %(line)d.") % {"line": seen_keys[key]}, "duplicate"
                    )
                seen_keys.setdefault(key, line)
            tags = None
            if "tags" in raw_row:
                tags = [t.strip() for t in raw_row["tags"].replace(";", ",").split(",") if t.strip()]
                if any(len(t) > 50 for t in tags):
                    error("tags", _("A tag has at most 50 characters."), "max_length")
            for fld, code, message in errors:
                result.errors.append(
                    {"field": f"rows[{line}].{HEADER_OF.get(fld, fld)}", "code": code, "message": message}
                )
            if not errors:
                result.rows.append(ParsedRow(line=line, values=values, tags=tags))
    except csv.Error as exc:
        raise CsvFileError(_("The file is not valid CSV: %(error)s") % {"error": exc}, "invalid_csv") from None
    return result


def export_rows(enterprises: Iterable[Any]) -> Iterable[str]:
    """The CSV text of ``enterprises`` in chunks: a UTF-8 BOM (so Excel reads Korean), header, rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([header for header, _f in COLUMNS])
    yield UTF8_BOM + buffer.getvalue()
    district_ko = {code: ko for code, ko, _en in settings.SEHUB_DISTRICTS}
    for enterprise in enterprises:
        buffer.seek(0)
        buffer.truncate()
        row = []
        for _header, fld in COLUMNS:
            if fld == "kind":
                value: Any = KIND_KO.get(enterprise.kind, enterprise.kind)
            elif fld == "sector":
                value = SECTOR_KO.get(enterprise.sector, (enterprise.sector,))[0]
            elif fld == "district":
                value = district_ko.get(enterprise.district, enterprise.district)
            elif fld == "status":
                value = STATUS_KO.get(enterprise.status, enterprise.status)
            elif fld == "tags":
                value = ", ".join(t.name for t in enterprise.tags.all())
            else:
                value = getattr(enterprise, fld)
            row.append(spreadsheet_safe("" if value is None else str(value)))
        writer.writerow(row)
        yield buffer.getvalue()
