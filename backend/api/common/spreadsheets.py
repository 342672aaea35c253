"""CSV files people open in a spreadsheet (Korean Excel above all)."""

# Excel reads a CSV as the local code page (CP949) unless it starts with a UTF-8 byte-order mark.
UTF8_BOM = "\ufeff"


def spreadsheet_safe(value: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV injection): a cell starting with
    ``= + - @``, a tab or a carriage return gets a leading apostrophe; plain negative numbers stay."""
    if value and value[0] in "=+-@\t\r" and not value.lstrip("-").replace(".", "").isdigit():
        return "'" + value
    return value
