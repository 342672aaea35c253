"""Every directory operation × role. Rows act on organisation A (member_a's); member_b is "a member
of another organisation"; the pending organisation was submitted by the citizen."""

from tests.enterprises.images import png_upload
from tests.matrix import Row, everyone, logged_in

A = "/api/v1/enterprises/{enterprise_a_slug}/"
PENDING = "/api/v1/enterprises/{enterprise_pending_slug}/"
PRODUCT_A = "/api/v1/products/{product_a_id}/"
ARCHIVED = "/api/v1/enterprises/{enterprise_archived_slug}/"
PRODUCT_ARCHIVED = "/api/v1/products/{product_archived_id}/"
EDITORS = {"anonymous": 401, "citizen": 403, "member_a": 200, "member_b": 403, "coordinator": 200}
EDITORS_204 = {**EDITORS, "member_a": 204, "coordinator": 204}
EDITORS_201 = {**EDITORS, "member_a": 201, "coordinator": 201}
COORDINATORS = {"anonymous": 401, "citizen": 403, "member_a": 403, "member_b": 403, "coordinator": 200}


def _csv(world, role):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = "기업명,기업유형,구,총고용인원\n새로운협동조합,협동조합,덕양구,3\n"
    return {"file": SimpleUploadedFile("list.csv", text.encode("utf-8"), content_type="text/csv")}


def _only_coordinators_see_archived(world, role, response):
    count = response.data["count"]
    assert count == (1 if role == "coordinator" else 0), (role, count)


ROWS = [
    Row("enterprises_list", "GET", "/api/v1/enterprises/", everyone(200)),
    Row(
        "enterprises_list",
        "GET",
        "/api/v1/enterprises/?certification_expiring_within=30",
        {**everyone(400), "coordinator": 200},
        note="expiry filter",
    ),
    Row(
        "enterprises_create",
        "POST",
        "/api/v1/enterprises/",
        logged_in(201),
        body=lambda w, role: {"name": f"새조직 {role}", "kind": "cooperative", "district": "deogyang"},
    ),
    Row("enterprises_retrieve", "GET", A, everyone(200)),
    Row(
        "enterprises_retrieve",
        "GET",
        PENDING,
        {"anonymous": 404, "citizen": 200, "member_a": 404, "member_b": 404, "coordinator": 200},
        note="pending",
    ),
    Row("enterprises_update", "PATCH", A, EDITORS, body={"employees_total": 60}),
    Row(
        "enterprises_update",
        "PATCH",
        PENDING,
        {"anonymous": 401, "citizen": 403, "member_a": 404, "member_b": 404, "coordinator": 200},
        body={"description": "수정"},
        note="pending, submitter is not a member",
    ),
    Row("enterprises_delete", "DELETE", A, {**COORDINATORS, "coordinator": 204}),
    Row(
        "enterprises_delete",
        "DELETE",
        A + "?reason=" + "폐업",
        {**COORDINATORS, "coordinator": 204},
        note="archive with a reason",
    ),
    Row("enterprises_delete", "DELETE", ARCHIVED, {**COORDINATORS, "coordinator": 409}, note="archived already"),
    Row("enterprises_retrieve", "GET", ARCHIVED, {**everyone(404), "coordinator": 200}, note="archived"),
    Row(
        "enterprises_update",
        "PATCH",
        ARCHIVED,
        {"anonymous": 401, "citizen": 404, "member_a": 404, "member_b": 404, "coordinator": 200},
        body={"description": "보관 중 수정"},
        note="archived: its owner lost the rights",
    ),
    Row(
        "enterprises_list",
        "GET",
        "/api/v1/enterprises/?archived=true",
        everyone(200),
        note="archived: only coordinators see any",
        check=_only_coordinators_see_archived,
    ),
    Row("enterprises_restore", "POST", ARCHIVED + "restore/", COORDINATORS, body={"reason": "복원"}),
    Row("enterprises_restore", "POST", A + "restore/", {**COORDINATORS, "coordinator": 409}, note="not archived"),
    Row("enterprises_verify", "POST", PENDING + "verify/", COORDINATORS),
    Row("enterprises_reject", "POST", A + "reject/", COORDINATORS),
    Row(
        "enterprises_logo_upload",
        "POST",
        A + "logo/",
        EDITORS,
        body=lambda w, role: {"file": png_upload()},
        format="multipart",
    ),
    Row("enterprises_logo_delete", "DELETE", A + "logo/", EDITORS_204),
    Row("enterprises_members_list", "GET", A + "members/", EDITORS),
    Row(
        "enterprises_members_add",
        "POST",
        A + "members/",
        EDITORS_201,
        body={"email": "citizen@example.com", "role": "editor"},
    ),
    Row("enterprises_members_remove", "DELETE", A + "members/{membership_editor_a_id}/", EDITORS_204),
    Row("enterprises_products_list", "GET", A + "products/", everyone(200)),
    Row(
        "enterprises_products_create",
        "POST",
        A + "products/",
        EDITORS_201,
        body={"name": "쿠키 선물세트", "price": 15000, "category": "food"},
    ),
    Row("enterprises_export", "GET", "/api/v1/enterprises/export/", everyone(200)),
    Row("enterprises_import", "POST", "/api/v1/enterprises/import/", COORDINATORS, body=_csv, format="multipart"),
    Row("products_list", "GET", "/api/v1/products/", everyone(200)),
    Row(
        "products_create",
        "POST",
        "/api/v1/products/",
        EDITORS_201,
        body={"enterprise": "wecan-cookie", "name": "오트밀 쿠키", "price": 4500},
    ),
    Row(
        "products_create",
        "POST",
        "/api/v1/products/",
        {"anonymous": 401, "citizen": 403, "member_a": 400, "member_b": 400, "coordinator": 201},
        body={"enterprise": "pending-coop", "name": "새싹 상품"},
        note="pending organisation",
    ),
    Row("products_retrieve", "GET", PRODUCT_A, everyone(200)),
    Row("products_update", "PATCH", PRODUCT_A, EDITORS, body={"price": None}),
    Row("products_delete", "DELETE", PRODUCT_A, EDITORS_204),
    Row("products_delete", "DELETE", PRODUCT_A + "?reason=단종", EDITORS_204, note="archive with a reason"),
    Row("products_retrieve", "GET", PRODUCT_ARCHIVED, {**everyone(404), "coordinator": 200}, note="archived"),
    Row(
        "products_list",
        "GET",
        "/api/v1/products/?archived=true",
        everyone(200),
        note="archived: only coordinators see any",
        check=_only_coordinators_see_archived,
    ),
    Row("products_restore", "POST", PRODUCT_ARCHIVED + "restore/", COORDINATORS, body={}),
    Row("products_restore", "POST", PRODUCT_A + "restore/", {**COORDINATORS, "coordinator": 409}, note="not archived"),
    Row(
        "products_image_upload",
        "POST",
        PRODUCT_A + "image/",
        EDITORS,
        body=lambda w, role: {"file": png_upload("cookie.png")},
        format="multipart",
    ),
    Row("products_image_delete", "DELETE", PRODUCT_A + "image/", EDITORS_204),
    Row("stats_retrieve", "GET", "/api/v1/stats/", everyone(200)),
    Row("stats_targets_list", "GET", "/api/v1/stats/targets/", everyone(200)),
    Row(
        "stats_targets_create",
        "POST",
        "/api/v1/stats/targets/",
        {**COORDINATORS, "coordinator": 201},
        body={"year": 2016, "organisations": 220, "jobs": 1100},
    ),
    Row("stats_targets_retrieve", "GET", "/api/v1/stats/targets/2015/", everyone(200)),
    Row("stats_targets_update", "PATCH", "/api/v1/stats/targets/2015/", COORDINATORS, body={"organisations": 210}),
    Row("stats_targets_delete", "DELETE", "/api/v1/stats/targets/2015/", {**COORDINATORS, "coordinator": 204}),
]
