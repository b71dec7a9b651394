"""A password-protected workbook (ECMA-376 Agile Encryption, as Excel and WPS write it) for
banks that accept one; the password travels to the bank separately (issue 19).

Pure: a written .xlsx in, the same file encrypted in place (atomic rename).
"""

from __future__ import annotations

import hashlib
import io
import os
import secrets
from pathlib import Path

from msoffcrypto.format.ooxml import OOXMLFile

PASSWORD_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz"  # no 0/O, 1/l/I
PASSWORD_LENGTH = 12


def new_workbook_password() -> str:
    """12 random characters that are easy to read aloud over the phone (about 69 bits)."""
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


def protect_workbook(path: Path, password: str) -> str:
    """Encrypt the workbook at ``path`` with ``password`` in place; returns the SHA-256 (hex)
    of the encrypted file."""
    with open(path, "rb") as fh:
        plain = io.BytesIO(fh.read())
    out = io.BytesIO()
    OOXMLFile(plain).encrypt(password, out)
    data = out.getvalue()
    tmp = path.with_name(path.name + ".enc-part")
    fd = os.open(str(tmp), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
    return hashlib.sha256(data).hexdigest()
