"""Read services behind the settings page and the household history tab."""

from __future__ import annotations

from datetime import date

import pytest

from reliefdesk.errors import PermissionDenied
from reliefdesk.services import audit, policy, users
from reliefdesk.services.settings import set_setting


def test_audit_log_pages_newest_first_and_filters(db, actors):
    """The audit log is paged newest first, filters by user and action, and is closed to
    clerks."""
    with db.session() as s:
        for minutes in (20, 25, 30):
            set_setting(s, actors["admin"], "login.lock_minutes", minutes)
    users.login(db, "clerk", "Test#Pass2026")
    page = audit.list_events(db, actors["auditor"], 0, 2)
    assert len(page) == 2 and page[0].id > page[1].id
    only = audit.list_events(db, actors["auditor"], 0, 50, username="admin", action="setting.set")
    assert [e.detail["after"] for e in only] == [30, 25, 20]
    names, actions = audit.filter_choices(db, actors["auditor"])
    assert "admin" in names and {"setting.set", "login"} <= set(actions)
    with pytest.raises(PermissionDenied):
        audit.list_events(db, actors["clerk"], 0, 10)


def test_holidays_of_year_lists_days_and_makeup_workdays(db, actors):
    """A year's 放假 and 调休上班 days come back in date order, including one just added."""
    with db.session() as s:
        policy.set_holiday(s, actors["admin"], date(2026, 12, 31), "holiday", "测试")
    rows = policy.holidays_of_year(db, actors["clerk"], 2026)
    days = [r.day for r in rows]
    assert days == sorted(days) and date(2026, 12, 31) in days
    assert {r.kind for r in rows} == {"holiday", "workday"}
