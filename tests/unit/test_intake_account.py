"""The new-application intake saves the payee's account and the materials in its one
transaction (through ``register.add_account``): a refused account number leaves nothing
half-written; villages come back in pinyin order."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from reliefdesk.db.engine import Database
from reliefdesk.domain.idnumber import make_id
from reliefdesk.errors import ValidationError
from reliefdesk.models import Application, ApplicationMaterial, BankAccount, Household
from reliefdesk.services import register
from reliefdesk.services.context import Actor
from reliefdesk.services.intake import AccountLine, IncomeLine, Intake, MemberRef, submit_intake


def _intake(village_id: int, number: str) -> Intake:
    return Intake(
        household_id=None,
        new_household=register.HouseholdInput(
            village_id=village_id, area_type="rural", address="测试村1组"
        ),
        new_members=(
            register.PersonInput(
                name="韩德福",
                id_number=make_id("410482", date(1950, 4, 2), 51),
                labour_capacity="none",
                ethnicity="汉族",
                hukou_type="rural",
            ),
        ),
        applicant=MemberRef(new_index=0),
        income=(IncomeLine(MemberRef(new_index=0), "wage", 20000),),
        assets=(),
        programme="rural_dibao",
        reason="年老体弱",
        accepted_on=date.today(),
        account=AccountLine(MemberRef(new_index=0), "bank_card", number, "农商银行"),
        materials={"application_form": True, "commitment": False},
    )


def _village(db: Database, clerk: Actor) -> int:
    township = register.list_townships(db, clerk)[0]
    return register.add_village(db, clerk, township.id, "测试村").id


def test_account_and_materials_saved_with_the_application(
    db: Database, actors: dict[str, Actor]
) -> None:
    """Finishing creates the household, the application, the payee's account and the
    materials checklist together."""
    clerk = actors["clerk"]
    saved = submit_intake(db, clerk, _intake(_village(db, clerk), "6228480402564890018"))
    with db.session() as s:
        account = s.scalars(select(BankAccount)).one()
        assert account.household_id == saved.household_id and account.active
        assert account.number == "6228480402564890018" and account.holder_name == "韩德福"
        got = {m.kind: m.received for m in s.scalars(select(ApplicationMaterial))}
        assert got == {"application_form": True, "commitment": False}


def test_refused_account_number_leaves_nothing_written(
    db: Database, actors: dict[str, Actor]
) -> None:
    """A card number the roster would refuse stops the whole intake: no household, no
    application, no account."""
    clerk = actors["clerk"]
    with pytest.raises(ValidationError) as err:
        submit_intake(db, clerk, _intake(_village(db, clerk), "12345"))
    assert err.value.field == "number"
    with db.session() as s:
        for model in (Household, Application, BankAccount):
            assert s.scalar(select(func.count()).select_from(model)) == 0


def test_villages_come_in_pinyin_order(db: Database, actors: dict[str, Actor]) -> None:
    """寺上村, 大王庄, 安乐村 list as 安乐村, 大王庄, 寺上村 (pinyin), not by code point."""
    clerk = actors["clerk"]
    township = register.list_townships(db, clerk)[0]
    for name in ("寺上村", "大王庄", "安乐村"):
        register.add_village(db, clerk, township.id, name)
    names = [v.name for v in register.list_villages(db, clerk, township.id)]
    assert names == ["安乐村", "大王庄", "寺上村"]
