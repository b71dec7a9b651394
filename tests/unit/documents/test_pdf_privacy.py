"""Public notices (公示) never carry a household's ID number, account number or phone."""

from __future__ import annotations

import dataclasses
import io
import random
import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfminer.high_level import extract_text

from reliefdesk.documents.forms_data import NoticeData, NoticeEntry, PersonRow
from reliefdesk.documents.pdf import build_notice
from reliefdesk.documents.pdf import samples as S  # noqa: N812 - S.NAME reads as the sample catalogue


def test_notice_entry_has_no_field_for_ids_phones_accounts_or_addresses() -> None:
    """NoticeEntry is structurally unable to carry an ID, phone, account or address."""
    names = {f.name for f in dataclasses.fields(NoticeEntry)}
    assert names == {"name", "household_size", "amount_fen", "village", "programme", "one_off"}


def _entry_from(members: tuple[PersonRow, ...], amount_fen: int, village: str) -> NoticeEntry:
    """What a service does: keep only the publishable fields of a household."""
    return NoticeEntry(members[0].name, len(members), amount_fen, village, "农村低保")


households = st.lists(
    st.tuples(
        st.integers(0, 2**32),
        st.integers(1, 6),
        st.integers(100, 300_000),
        st.sampled_from(S.VILLAGES),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(households=households, mask=st.booleans())
def test_notice_never_contains_ids_accounts_or_phones(households, mask: bool) -> None:  # type: ignore[no-untyped-def]
    """For random households with realistic IDs, phones and card numbers, none of those digit strings
    (nor their last 8 digits) appears in the notice's text, with or without whitespace removed."""
    secrets: list[str] = []
    entries = []
    for seed, size, amount, village in households:
        rng = random.Random(seed)
        members = S.household(rng, size)
        phone = S.random_phone(rng)
        account = S.random_account(rng)
        secrets += [m.id_number for m in members] + [phone, account]
        entries.append(_entry_from(members, amount, village))
    data = NoticeData(
        S.OFFICE,
        "温泉镇最低生活保障拟确认对象公示",
        tuple(entries),
        date(2026, 3, 10),
        date(2026, 3, 16),
    )
    raw = extract_text(io.BytesIO(build_notice(data, mask_names=mask)))
    squeezed = re.sub(r"\s+", "", raw)
    for secret in secrets:
        for needle in (secret, secret[-8:]):
            assert needle not in raw
            assert needle not in squeezed
    # sanity: the notice did print the publishable data
    assert "12349" in squeezed and len(entries) >= 1
    assert re.sub(r"\s+", "", entries[0].village) in squeezed
