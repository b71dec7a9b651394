"""Register services: households, members, ID rules, income, assets, accounts, reveal."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from reliefdesk.domain.accounts import make_card_number
from reliefdesk.domain.idnumber import check_digit, make_id
from reliefdesk.errors import PermissionDenied, StaleDataError, ValidationError
from reliefdesk.models import AuditEvent, Person, PersonSearchKey
from reliefdesk.services import register as reg


@pytest.fixture
def clerk(actors):
    return actors["clerk"]


@pytest.fixture
def village(db, clerk):
    township = reg.list_townships(db, clerk)[0]
    return reg.add_village(db, clerk, township.id, "东营村")


def hh_input(village, **kw):
    fields = {"area_type": "rural", "address": "东营村3组", "phone": "13812341234", **kw}
    return reg.HouseholdInput(village_id=village.id, **fields)


def person(name="张三", number=None, **kw):
    return reg.PersonInput(
        name=name, id_number=number or make_id("410482", date(1958, 3, 1), 2), **kw
    )


@pytest.fixture
def household(db, clerk, village):
    return reg.create_household(db, clerk, hh_input(village), head=person())


def test_village_add_rename_and_duplicate(db, clerk):
    """Villages are added, renamed, listed under their township; a duplicate name is refused."""
    t = reg.list_townships(db, clerk)[0]
    v = reg.add_village(db, clerk, t.id, "西村", is_community=False)
    reg.add_village(db, clerk, t.id, "南社区", is_community=True)
    with pytest.raises(ValidationError):
        reg.add_village(db, clerk, t.id, "西村")
    renamed = reg.rename_village(db, clerk, v.id, "新西村")
    assert renamed.name == "新西村"
    names = {x.name for x in reg.list_townships(db, clerk)[0].villages}
    assert names == {"新西村", "南社区"}


def test_create_household_with_head_derives_birth_and_sex(db, clerk, household):
    """The head's birth date and sex come from the ID; the ID and phone are masked by default."""
    detail = reg.get_household(db, clerk, household.id)
    (head,) = detail.members
    assert head.birth_date == date(1958, 3, 1) and head.sex == "F"
    assert head.id_number == "410482********0022"
    assert detail.household.phone == "138****1234"
    assert not detail.revealed


def test_lowercase_x_is_stored_upper(db, clerk, household):
    """A lowercase x check character is accepted and stored as X."""
    p = reg.add_person(
        db, clerk, household.id, person("李四", "11010519491231002x", relation="spouse")
    )
    with db.session() as s:
        assert s.get(Person, p.id).id_number == "11010519491231002X"


def test_15_digit_number_is_converted_and_old_kept(db, clerk, household):
    """An old 15-digit number is converted to 18 digits; the old number is kept."""
    p = reg.add_person(db, clerk, household.id, person("王五", "410482580301003", relation="other"))
    with db.session() as s:
        row = s.get(Person, p.id)
        first17 = "41048219580301003"
        assert row.id_number == first17 + check_digit(first17)
        assert row.id_number_old == "410482580301003"
        assert row.sex == "M"


def test_wrong_checksum_refused_on_id_field(db, clerk, household):
    """A wrong check character is refused with a Chinese message on the id_number field."""
    with pytest.raises(ValidationError) as err:
        reg.add_person(
            db, clerk, household.id, person("错号", "410482195803010023", relation="other")
        )
    assert err.value.field == "id_number" and "校验位" in err.value.message


def test_future_birth_date_refused(db, clerk, household):
    """An ID whose birth date lies in the future is refused."""
    future = make_id("410482", date(date.today().year + 1, 1, 1), 11)
    with pytest.raises(ValidationError) as err:
        reg.add_person(db, clerk, household.id, person("未来", future, relation="child"))
    assert err.value.code == "id.birth_date"


def test_duplicate_id_across_households_names_the_household(db, clerk, village, household):
    """An ID on file in another household is refused, naming that household and its head."""
    other = reg.create_household(db, clerk, hh_input(village))
    with pytest.raises(ValidationError) as err:
        reg.add_person(db, clerk, other.id, person("张三"))
    assert err.value.code == "person.duplicate_id"
    assert err.value.params["household_id"] == household.id
    assert f"户号 {household.id}" in err.value.message and "张三" in err.value.message


def test_old_15_digit_duplicate_detected(db, clerk, village, household):
    """The same person entered by the 15-digit number is recognised as a duplicate."""
    with pytest.raises(ValidationError):
        reg.add_person(db, clerk, household.id, person("重复", "410482580301002", relation="other"))


def test_not_counted_requires_reason(db, clerk, household):
    """A member not counted in the household needs an exclusion reason; counted clears it."""
    with pytest.raises(ValidationError) as err:
        reg.add_person(
            db,
            clerk,
            household.id,
            person(
                "服刑", make_id("410482", date(1980, 1, 1), 13), relation="child", counted=False
            ),
        )
    assert err.value.field == "exclusion_reason" and err.value.rule
    p = reg.add_person(
        db,
        clerk,
        household.id,
        person(
            "服刑",
            make_id("410482", date(1980, 1, 1), 13),
            relation="child",
            counted=False,
            exclusion_reason="prison",
        ),
    )
    assert p.exclusion_reason == "prison"
    p2 = reg.update_person(
        db,
        clerk,
        p.id,
        person(
            "服刑",
            make_id("410482", date(1980, 1, 1), 13),
            relation="child",
            counted=True,
            exclusion_reason="prison",
        ),
        p.version,
    )
    assert p2.counted and p2.exclusion_reason is None


def test_second_head_and_bad_disability_refused(db, clerk, household):
    """A household has one head; disability needs category and level 1–4 together."""
    with pytest.raises(ValidationError):
        reg.add_person(
            db, clerk, household.id, person("二户主", make_id("410482", date(1960, 1, 1), 3))
        )
    with pytest.raises(ValidationError):
        reg.add_person(
            db,
            clerk,
            household.id,
            person(
                "残",
                make_id("410482", date(1960, 1, 1), 3),
                relation="spouse",
                disability_category="肢体",
                disability_level=5,
            ),
        )
    with pytest.raises(ValidationError):
        reg.add_person(
            db,
            clerk,
            household.id,
            person(
                "残", make_id("410482", date(1960, 1, 1), 3), relation="spouse", disability_level=2
            ),
        )


def test_staff_relative_needs_note(db, clerk, household):
    """A near relative of staff must say whose relative they are (单独登记备案)."""
    with pytest.raises(ValidationError) as err:
        reg.add_person(
            db,
            clerk,
            household.id,
            person(
                "亲属",
                make_id("410482", date(1970, 1, 1), 5),
                relation="spouse",
                near_relative_of_staff=True,
            ),
        )
    assert err.value.field == "staff_relation_note"


def test_entrusted_requires_agreement(db, clerk, village, household):
    """代管 needs an agreement number and date, on create and on update."""
    with pytest.raises(ValidationError) as err:
        reg.create_household(db, clerk, hh_input(village, entrusted=True))
    assert err.value.field == "entrust_agreement_no" and err.value.rule
    with pytest.raises(ValidationError):
        reg.update_household(
            db,
            clerk,
            household.id,
            hh_input(village, entrusted=True, entrust_agreement_no="DG-1"),
            household.version,
        )
    ok = reg.update_household(
        db,
        clerk,
        household.id,
        hh_input(
            village,
            entrusted=True,
            entrust_agreement_no="DG-1",
            entrust_agreement_date=date(2024, 5, 1),
        ),
        household.version,
    )
    assert ok.entrusted and ok.version == household.version + 1


def test_stale_update_refused(db, clerk, village, household):
    """Saving a form loaded at an old version raises StaleDataError and writes nothing."""
    reg.update_household(
        db, clerk, household.id, hh_input(village, address="新地址"), household.version
    )
    with pytest.raises(StaleDataError):
        reg.update_household(
            db, clerk, household.id, hh_input(village, address="旧表单"), household.version
        )
    assert reg.get_household(db, clerk, household.id).household.address == "新地址"
    head = reg.get_household(db, clerk, household.id).members[0]
    reg.update_person(db, clerk, head.id, person("张三丰"), head.version)
    with pytest.raises(StaleDataError):
        reg.update_person(db, clerk, head.id, person("张三"), head.version)


def test_rename_rewrites_search_keys(db, clerk, household):
    """Renaming a member replaces the pinyin keys and search_initials."""
    head = reg.get_household(db, clerk, household.id).members[0]
    reg.update_person(db, clerk, head.id, person("曾小明"), head.version)
    with db.session() as s:
        keys = set(
            s.scalars(select(PersonSearchKey.key).where(PersonSearchKey.person_id == head.id))
        )
        assert {"zengxiaoming", "cengxiaoming", "zxm", "cxm"} <= keys
        assert "zhangsan" not in keys
        assert s.get(Person, head.id).search_initials == "zxm"


def test_income_rules_and_summary(db, clerk, household):
    """Negative income is refused; transfer_out subtracts; not-counted items and excluded
    members do not count; per-capita is over counted members."""
    head = reg.get_household(db, clerk, household.id).members[0]
    spouse = reg.add_person(
        db,
        clerk,
        household.id,
        person("李梅", make_id("410482", date(1960, 2, 2), 4), relation="spouse"),
    )
    prisoner = reg.add_person(
        db,
        clerk,
        household.id,
        person(
            "张强",
            make_id("410482", date(1985, 2, 2), 15),
            relation="child",
            counted=False,
            exclusion_reason="prison",
        ),
    )
    with pytest.raises(ValidationError) as err:
        reg.add_income(db, clerk, household.id, head.id, "wage", -100)
    assert err.value.code == "amount.negative" and "负数" in err.value.message
    reg.add_income(db, clerk, household.id, head.id, "wage", 100000, "打零工")
    reg.add_income(db, clerk, household.id, spouse.id, "transfer_out", 20000, "赡养费支出")
    pension = reg.add_income(db, clerk, household.id, spouse.id, "pension_basic", 15000)
    reg.add_income(db, clerk, household.id, prisoner.id, "wage", 50000)
    reg.add_income(db, clerk, household.id, None, "business", 30001)
    assert not pension.counted and pension.effect_fen == 0
    summary = reg.household_income_summary(db, clerk, household.id)
    assert summary.total_counted_fen == 100000 - 20000 + 30001
    assert summary.counted_members == 2
    assert summary.per_capita_fen == 55001  # 110001 / 2 = 55000.5, half-up
    assert len(summary.items) == 5


def test_income_person_must_be_member(db, clerk, village, household):
    """An income item cannot name a person from another household."""
    other = reg.create_household(
        db, clerk, hh_input(village), head=person("外人", make_id("410482", date(1970, 3, 3), 7))
    )
    outsider = reg.get_household(db, clerk, other.id).members[0]
    with pytest.raises(ValidationError):
        reg.add_income(db, clerk, household.id, outsider.id, "wage", 1000)


def test_assets(db, clerk, household):
    """Assets are kept with their exempt flag; a negative value is refused."""
    a = reg.add_asset(db, clerk, household.id, "house", 5000000, "自住房", exempt=True)
    with pytest.raises(ValidationError):
        reg.add_asset(db, clerk, household.id, "deposit", -1)
    assets = reg.get_household(db, clerk, household.id).assets
    assert [(x.id, x.exempt) for x in assets] == [(a.id, True)]


def test_accounts(db, clerk, village, household):
    """Payee must be a member; spaces are removed; errors block, Luhn is a warning; a new
    account replaces the payee's active one."""
    head = reg.get_household(db, clerk, household.id).members[0]
    other = reg.create_household(
        db, clerk, hh_input(village), head=person("外人", make_id("410482", date(1970, 3, 3), 7))
    )
    outsider = reg.get_household(db, clerk, other.id).members[0]
    good = make_card_number("621700", 19, "1234567890")
    with pytest.raises(ValidationError) as err:
        reg.add_account(db, clerk, household.id, outsider.id, "bank_card", good)
    assert err.value.code == "person.not_member"
    with pytest.raises(ValidationError):
        reg.add_account(db, clerk, household.id, head.id, "bank_card", "1234")
    spaced = " ".join(good[i : i + 4] for i in range(0, 19, 4))
    first = reg.add_account(db, clerk, household.id, head.id, "bank_card", spaced, "农商银行")
    assert first.warnings == () and first.account.number.endswith(good[-4:])
    bad_luhn = good[:-1] + str((int(good[-1]) + 1) % 10)
    second = reg.add_account(db, clerk, household.id, head.id, "bank_card", bad_luhn)
    assert second.warnings and second.replaced_account_id == first.account.id
    detail = reg.get_household(db, clerk, household.id, reveal=True)
    active = [a for a in detail.accounts if a.active]
    assert [a.number for a in active] == [bad_luhn]
    assert {a.number for a in detail.accounts} == {good, bad_luhn}


def test_reveal_needs_permission_and_is_audited(db, actors, household):
    """Full IDs only with pii.reveal; each reveal writes a pii.reveal audit event."""
    with pytest.raises(PermissionDenied):
        reg.get_household(db, actors["auditor"], household.id, reveal=True)
    detail = reg.get_household(db, actors["clerk"], household.id, reveal=True)
    assert detail.members[0].id_number == make_id("410482", date(1958, 3, 1), 2)
    with db.session() as s:
        n = s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "pii.reveal", AuditEvent.household_id == household.id)
        )
    assert n == 1


def test_writes_are_audited_with_household(db, clerk, household):
    """Every register write leaves an audit event carrying the household id."""
    head = reg.get_household(db, clerk, household.id).members[0]
    reg.add_income(db, clerk, household.id, head.id, "wage", 100)
    with db.session() as s:
        actions = set(
            s.scalars(select(AuditEvent.action).where(AuditEvent.household_id == household.id))
        )
    assert {"household.create", "person.add", "income.add"} <= actions


def test_auditor_cannot_write(db, actors, village):
    """Read-only roles cannot write the register."""
    with pytest.raises(PermissionDenied):
        reg.create_household(db, actors["auditor"], hh_input(village))


def test_summary_page_sorts_filters_and_pages(db, clerk, village):
    """The household list pages, sorts by head name and filters by village in SQL."""
    t = reg.list_townships(db, clerk)[0]
    v2 = reg.add_village(db, clerk, t.id, "西营村")
    names = ["赵一", "钱二", "孙三", "李四", "周五"]
    for i, name in enumerate(names):
        vil = village if i % 2 == 0 else v2
        reg.create_household(
            db,
            clerk,
            replace(hh_input(vil)),
            head=person(name, make_id("410482", date(1970, 1, 1 + i), 20 + i)),
        )
    page = reg.household_summary_page(db, clerk, offset=0, limit=2, sort="head_name")
    assert page.total == 5 and len(page.rows) == 2
    ordered = [
        r.head_name for r in reg.household_summary_page(db, clerk, limit=10, sort="head_name").rows
    ]
    assert ordered == sorted(names)
    only_v2 = reg.household_summary_page(db, clerk, village_id=v2.id)
    assert only_v2.total == 2 and {r.head_name for r in only_v2.rows} == {"钱二", "李四"}
    none = reg.household_summary_page(db, clerk, status="none")
    assert none.total == 5
    assert reg.household_summary_page(db, clerk, programme="dibao").total == 0
    assert page.rows[0].head_id_masked.startswith("410482****")


def test_update_household_with_phone_none_keeps_stored_phone(db, actors):
    """A form that only holds the masked phone saves with phone=None and the number is kept."""
    from dataclasses import replace as _replace

    from reliefdesk.services import register as _reg

    clerk = actors["clerk"]
    town = _reg.list_townships(db, clerk)[0]
    village = _reg.add_village(db, clerk, town.id, "保话村")
    data = _reg.HouseholdInput(
        village_id=village.id, area_type="rural", address="一组", phone="13912345678"
    )
    h = _reg.create_household(db, clerk, data)
    updated = _reg.update_household(
        db, clerk, h.id, _replace(data, address="二组", phone=None), h.version
    )
    detail = _reg.get_household(db, clerk, h.id, reveal=True)
    assert detail.household.phone == "13912345678"
    assert detail.household.address == "二组" and updated.version == h.version + 1
