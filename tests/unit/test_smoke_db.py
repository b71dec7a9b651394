"""Smoke test of the database fixtures themselves."""

from reliefdesk.services import users


def test_template_has_one_user_per_role(db, actors):
    """Every test database starts migrated, seeded and with one user per role."""
    assert {a.role for a in actors.values()} == {
        "clerk",
        "reviewer",
        "approver",
        "admin",
        "auditor",
    }
    assert users.login(db, "clerk", "Test#Pass2026").role == "clerk"
