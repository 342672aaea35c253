from tests.matrix import Row, everyone

ROWS = [
    Row("health_retrieve", "GET", "/api/v1/health/", everyone(200)),
]
