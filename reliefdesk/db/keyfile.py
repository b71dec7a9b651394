"""The key file beside an encrypted SQLite database (``<db>.keys``).

The database is encrypted (SQLCipher 4, AES-256) with a random 256-bit *data key* that nobody
types. The key file keeps it wrapped (AES-256-GCM) once per user, under a key derived from that
user's password with Argon2id at the parameters used for logins (:data:`KDF_PROFILE`), and once
under the office's recovery code (恢复码). Signing in unwraps the data key with the password;
the recovery code unwraps it when every password is lost. The file holds no personal data;
without a password or the recovery code it opens nothing.

Format (JSON, written atomically, owner-only)::

    {"format": "reliefdesk-keys/1", "cipher": "sqlcipher4-raw-key", "office": "...",
     "created": "...", "check": "<hex>",
     "slots": {"<user>": {"salt", "kdf": {...}, "nonce", "wrapped"}},
     "recovery": {"salt", "kdf", "nonce", "wrapped"},
     "pending": ["<user>", ...]}

``pending``: users of the database without a slot yet (a plain database converted by
``encrypt``: their passwords exist only as login hashes, from which no key can be wrapped);
their sign-in is told to have an administrator reset the password (:data:`NO_SLOT_MESSAGE`).

``check`` is a keyed hash of the data key: a slot's key is accepted only when it matches, so a
slot cannot be swapped in from another office's key file. The slot's user name is bound to its
ciphertext (AES-GCM associated data), so a slot cannot be renamed to another user.

This module is pure (no Qt, no services, no database access).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from argon2.profiles import RFC_9106_LOW_MEMORY
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..errors import AuthError, DatabaseError

#: Argon2id parameters shared by login hashes (services/users.py) and key wrapping.
KDF_PROFILE = RFC_9106_LOW_MEMORY
KEY_BYTES = 32
FORMAT = "reliefdesk-keys/1"
KEYS_SUFFIX = ".keys"
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
RECOVERY_GROUPS = 5
RECOVERY_GROUP_LEN = 5  # 25 characters: 125 bits
_RECOVERY_AAD = b"reliefdesk-recovery"
_BAD_PASSWORD = "用户名或密码错误。"
#: A user of the database without a key slot (after ``encrypt``) signing in.
NO_SLOT_MESSAGE = "此用户尚未获得新加密数据库的密钥，请管理员重置密码。"


def keyfile_path(db_path: Path) -> Path:
    """``<db>.keys`` beside the database file."""
    return db_path.with_name(db_path.name + KEYS_SUFFIX)


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_code() -> str:
    """25 random Crockford base32 characters in groups of five (125 bits)."""
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(25))
    return "-".join(
        chars[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(chars), RECOVERY_GROUP_LEN)
    )


def normalize_recovery_code(code: str) -> str:
    """Upper case, without spaces or dashes; O→0 and I/L→1 as Crockford base32 reads them."""
    text = "".join(ch for ch in code.upper() if ch not in " -\t")
    return text.translate(str.maketrans("OIL", "011"))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _kdf_params() -> dict[str, int]:
    p = KDF_PROFILE
    return {
        "time_cost": p.time_cost,
        "memory_cost": p.memory_cost,
        "parallelism": p.parallelism,
    }


def _derive(secret: str, salt: bytes, kdf: dict[str, Any]) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_cost"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _check_value(key: bytes) -> str:
    return hmac.new(key, b"reliefdesk-data-key-check", hashlib.sha256).hexdigest()[:32]


def _wrap(secret: str, key: bytes, aad: bytes) -> dict[str, Any]:
    return _wrap_each(secret, key, [aad])[0]


def _wrap_each(secret: str, key: bytes, aads: list[bytes]) -> list[dict[str, Any]]:
    """``key`` wrapped once for each of ``aads``: one salt and one Argon2 derivation of
    ``secret`` (the slow part), a fresh nonce per slot."""
    salt, kdf = secrets.token_bytes(16), _kdf_params()
    wrapping = AESGCM(_derive(secret, salt, kdf))
    slots = []
    for aad in aads:
        nonce = secrets.token_bytes(12)
        wrapped = wrapping.encrypt(nonce, key, aad)
        slots.append(
            {"salt": _b64(salt), "kdf": kdf, "nonce": _b64(nonce), "wrapped": _b64(wrapped)}
        )
    return slots


def _unwrap(secret: str, slot: dict[str, Any], aad: bytes) -> bytes | None:
    try:
        wrapping = _derive(secret, _unb64(slot["salt"]), slot["kdf"])
        return AESGCM(wrapping).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), aad)
    except (InvalidTag, KeyError, ValueError, TypeError):
        return None


def _user_aad(username: str) -> bytes:
    return b"reliefdesk-user:" + username.encode("utf-8")


@dataclass
class KeyFile:
    """The wrapped data key: one slot per user plus the recovery slot."""

    check: str
    slots: dict[str, dict[str, Any]] = field(default_factory=dict)
    recovery: dict[str, Any] | None = None
    office: str = ""
    created: str = ""
    pending: list[str] = field(default_factory=list)

    @classmethod
    def new(cls, key: bytes, *, office: str = "") -> KeyFile:
        return cls(
            check=_check_value(key),
            office=office,
            created=datetime.now().isoformat(timespec="seconds"),
        )

    # -- reading -------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError(data.get("format"))
            return cls(
                check=str(data["check"]),
                slots=dict(data.get("slots") or {}),
                recovery=data.get("recovery"),
                office=str(data.get("office") or ""),
                created=str(data.get("created") or ""),
                pending=[str(n) for n in data.get("pending") or []],
            )
        except FileNotFoundError:
            raise DatabaseError(f"找不到密钥文件：{path}", code="keys.missing") from None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DatabaseError(
                f"密钥文件损坏或不是 reliefdesk 密钥文件：{path}", code="keys.corrupt"
            ) from exc

    def _accept(self, key: bytes | None) -> bytes | None:
        if key is None or not hmac.compare_digest(_check_value(key), self.check):
            return None
        return key

    def unwrap_user(self, username: str, password: str) -> bytes:
        """The data key from ``username``'s slot; AuthError when the password (or the user)
        is wrong — the same message and about the same time either way."""
        slot = self.slots.get(username.strip())
        if slot is None and username.strip() in self.pending:
            raise AuthError(NO_SLOT_MESSAGE, code="auth.no_slot")
        if slot is None:
            _derive(password, b"\0" * 16, _kdf_params())  # equal time for an unknown name
            raise AuthError(_BAD_PASSWORD, code="auth.bad")
        key = self._accept(_unwrap(password, slot, _user_aad(username.strip())))
        if key is None:
            raise AuthError(_BAD_PASSWORD, code="auth.bad")
        return key

    def unwrap_recovery(self, code: str) -> bytes:
        if self.recovery is None:
            raise AuthError("此密钥文件没有恢复码。", code="keys.no_recovery")
        key = self._accept(_unwrap(normalize_recovery_code(code), self.recovery, _RECOVERY_AAD))
        if key is None:
            raise AuthError("恢复码不正确。", code="keys.bad_recovery")
        return key

    # -- changing ------------------------------------------------------------------------
    def set_user(self, username: str, password: str, key: bytes) -> None:
        """Wrap ``key`` for ``username`` (a new user or a new password: a fresh salt)."""
        self._require(key)
        self.slots[username] = _wrap(password, key, _user_aad(username))
        self.pending = [n for n in self.pending if n != username]

    def set_users_sharing(self, usernames: list[str], password: str, key: bytes) -> None:
        """Wrap ``key`` for several users with one published password (the demo's logins:
        each township's clerk signs in with the county clerk's password): one salt and one
        Argon2 derivation for all of them, each slot bound to its user name. A shared salt
        shows that the passwords are equal, so a real user's slot is :meth:`set_user`'s."""
        self._require(key)
        aads = [_user_aad(n) for n in usernames]
        self.slots.update(zip(usernames, _wrap_each(password, key, aads), strict=True))
        names = set(usernames)
        self.pending = [n for n in self.pending if n not in names]

    def take_slots(self, other: KeyFile, usernames: Iterable[str]) -> None:
        """Copy ``usernames``' slots from ``other``, a copy of this key file whose slots were
        wrapped ahead (Argon2 is the slow part); they are then no longer pending."""
        if other.check != self.check:
            raise DatabaseError("数据密钥与密钥文件不符。", code="keys.mismatch")
        names = set(usernames)
        self.slots.update({n: other.slots[n] for n in names})
        self.pending = [n for n in self.pending if n not in names]

    def await_reset(self, usernames: list[str] | tuple[str, ...]) -> None:
        """``usernames`` have no slot until an administrator sets their password."""
        self.pending = sorted({*self.pending, *usernames} - set(self.slots))

    def drop_user(self, username: str) -> bool:
        """Remove ``username``'s slot (or pending mark); True when there was one."""
        was_pending = username in self.pending
        self.pending = [n for n in self.pending if n != username]
        return self.slots.pop(username, None) is not None or was_pending

    def set_recovery(self, code: str, key: bytes) -> None:
        self._require(key)
        self.recovery = _wrap(normalize_recovery_code(code), key, _RECOVERY_AAD)

    def _require(self, key: bytes) -> None:
        if self._accept(key) is None:
            raise DatabaseError("数据密钥与密钥文件不符。", code="keys.mismatch")

    def save(self, path: Path) -> None:
        """Write atomically (temporary file, fsync, rename), owner-only."""
        data = {
            "format": FORMAT,
            "cipher": "sqlcipher4-raw-key",
            "office": self.office,
            "created": self.created,
            "check": self.check,
            "slots": self.slots,
            "recovery": self.recovery,
            "pending": self.pending,
        }
        tmp = path.with_name(path.name + ".part")
        fd = os.open(str(tmp), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=1)
                fh.flush()
                os.fsync(fh.fileno())
            if os.name == "posix":
                os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
