import pytest

from api.common.spreadsheets import spreadsheet_safe


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+82-31", "'+82-31"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-1+2", "'-1+2"),
        ("\tcmd", "'\tcmd"),
        ("-12.5", "-12.5"),
        ("위캔쿠키", "위캔쿠키"),
        ("", ""),
    ],
)
def test_formulas_are_neutralised_and_numbers_kept(raw, safe):
    assert spreadsheet_safe(raw) == safe
