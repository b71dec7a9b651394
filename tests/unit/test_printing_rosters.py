"""Roster printouts from stored roster lines: masking, totals in capitals, change roster, audit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from test_casework_support import family_of_three, walk
from test_printing import text

from reliefdesk.db.engine import Database
from reliefdesk.domain.money import to_capital
from reliefdesk.errors import NotFound, PermissionDenied
from reliefdesk.models import AuditEvent, Person
from reliefdesk.services import casework, printing
from reliefdesk.services.context import Actor
from reliefdesk.services.roster.generate import generate


def _enrolled(db: Database, actors: dict[str, Actor]) -> int:
    hh, ids = family_of_three(db, 60000)
    view = casework.create_application(
        db, actors["clerk"], hh, ids[0], "rural_dibao", "困难", date(2025, 3, 3)
    )
    walk(db, actors, view.id, "approved")
    return view.id


def test_roster_masks_ids_totals_rows_and_audits(db: Database, actors: dict[str, Actor]) -> None:
    """The 花名册 masks IDs by default, its footer equals the rows in figures and capitals,
    full IDs need pii.reveal, and each print is audited with the disclosure flag."""
    _enrolled(db, actors)
    roster = generate(db, actors["clerk"], "2025-04")
    assert roster.amount_fen > 0
    result = printing.roster_pdf(db, actors["clerk"], "2025-04")
    t = text(result.pdf)
    with db.session() as s:
        id_number = s.scalar(select(Person.id_number).where(Person.name == "王大山"))
    assert "资金发放花名册" in t and "王大山" in t and "2025年4月" in t
    assert id_number not in t and id_number[:6] in t
    assert to_capital(roster.amount_fen) in t
    full = text(printing.roster_pdf(db, actors["clerk"], "2025-04", mask_ids=False).pdf)
    assert id_number in full
    with pytest.raises(PermissionDenied):
        printing.roster_pdf(db, actors["admin"], "2025-04", mask_ids=False)
    with db.session() as s:
        events = list(
            s.scalars(
                select(AuditEvent).where(AuditEvent.action == "print").order_by(AuditEvent.id)
            )
        )
        assert [e.detail["full_ids"] for e in events] == [False, True]
        assert events[0].entity == "roster" and events[0].detail["amount_fen"] == roster.amount_fen


def test_change_roster_lists_new_households(db: Database, actors: dict[str, Actor]) -> None:
    """The 变动名册 lists a newly enrolled household as 新增 with its reason."""
    _enrolled(db, actors)
    generate(db, actors["clerk"], "2025-04")
    t = text(printing.change_roster_pdf(db, actors["clerk"], "2025-04").pdf)
    assert "变动名册" in t and "王大山" in t and "新增" in t


def test_roster_missing_month_is_not_found(db: Database, actors: dict[str, Actor]) -> None:
    """Printing a month without a generated roster says so."""
    with pytest.raises(NotFound) as err:
        printing.roster_pdf(db, actors["clerk"], "2025-05")
    assert "尚未生成" in str(err.value)
