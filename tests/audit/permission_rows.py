"""The audit log: coordinators only."""

from tests.matrix import Row

COORDINATORS = {"anonymous": 401, "citizen": 403, "member_a": 403, "member_b": 403, "coordinator": 200}

ROWS = [
    Row("audit_log_list", "GET", "/api/v1/audit-log/", COORDINATORS),
    Row(
        "audit_log_list",
        "GET",
        "/api/v1/audit-log/?object_type=enterprises.enterprise&action=archive&date_from=2015-01-01",
        COORDINATORS,
        note="filters",
    ),
    Row("audit_log_object_history", "GET", "/api/v1/audit-log/enterprises.enterprise/{enterprise_a_id}/", COORDINATORS),
]
