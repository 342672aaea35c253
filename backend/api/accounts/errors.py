"""Stable error codes of accounts (field errors of a 400; see ``api.common.errors`` for the generic
ones). Never rename one; add new ones."""

EMAIL_TAKEN = "email_taken"
PASSWORD_INVALID = "password_invalid"
PASSWORD_INCORRECT = "password_incorrect"
TOKEN_NOT_VALID = "token_not_valid"
TOKEN_INVALID = "token_invalid"

VALIDATION = (EMAIL_TAKEN, PASSWORD_INVALID, PASSWORD_INCORRECT, TOKEN_NOT_VALID, TOKEN_INVALID)
