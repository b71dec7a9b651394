"""Crash safety: a process killed in the middle of a large write leaves a consistent file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from sqlalchemy import func, select

from reliefdesk.db.connect import open_database
from reliefdesk.models import Application, CaseStep, Household, Person
from reliefdesk.services import audit

CHILD = textwrap.dedent(
    """
    import sys
    from datetime import date, timedelta
    from sqlalchemy import select
    from reliefdesk.db.connect import open_database
    from reliefdesk.domain.idnumber import make_id
    from reliefdesk.models import Application, CaseStep, Household, Person, Village, Township, User
    from reliefdesk.services import audit
    from reliefdesk.services.context import Actor

    db = open_database(sys.argv[1])
    with db.session() as s:
        town = s.scalar(select(Township).limit(1))
        v = Village(township_id=town.id, name="测试村")
        s.add(v)
        s.flush()
        vid = v.id
        user = s.scalar(select(User).where(User.username == "clerk"))
        actor = Actor(user.id, user.username, user.display_name, user.role)
    seq = 0
    for batch in range(10_000):
        with db.session() as s:  # one big transaction: 500 households with a case each
            for _ in range(500):
                seq += 1
                h = Household(village_id=vid, address=f"{seq}号", area_type="rural")
                s.add(h)
                s.flush()
                born = date(1950, 1, 1) + timedelta(days=seq // 1000)
                p = Person(household_id=h.id, name="王五", birth_date=born, sex="M",
                           id_number=make_id("410482", born, seq % 1000))
                s.add(p)
                s.flush()
                a = Application(household_id=h.id, applicant_id=p.id, programme="rural_dibao",
                                state="accepted", state_since=date(2026, 1, 5),
                                accepted_on=date(2026, 1, 5), created_by=actor.user_id)
                s.add(a)
                s.flush()
                s.add(CaseStep(application_id=a.id, action="accept", to_state="accepted",
                               user_id=actor.user_id, username="clerk", role="clerk",
                               on_date=date(2026, 1, 5)))
                audit.record(s, actor, "application.create", "application", a.id,
                             household_id=h.id)
        print("committed", batch, flush=True)
    """
)


@pytest.mark.slow
def test_killed_writer_leaves_no_half_written_case(sqlite_db, tmp_path):
    """SIGKILL during a large transaction: integrity_check is ok, every committed case is
    whole (household + person + application + step + audit), the uncommitted batch is gone."""
    url = sqlite_db.url
    sqlite_db.close()
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    proc = subprocess.Popen(
        [sys.executable, str(script), url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    committed = 0
    deadline = time.monotonic() + 120
    while committed < 3 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("committed"):
            committed += 1
    time.sleep(0.35)  # now in the middle of the next 500-case transaction
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    errors = proc.stderr.read() if proc.stderr else ""
    proc.stdout.close()
    if proc.stderr:
        proc.stderr.close()
    assert committed >= 3, errors

    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        with db.session() as s:
            households = s.scalar(select(func.count(Household.id)))
            persons = s.scalar(select(func.count(Person.id)))
            apps = s.scalar(select(func.count(Application.id)))
            steps = s.scalar(select(func.count(CaseStep.id)))
            assert households == persons == apps == steps
            assert households % 500 == 0 and households >= 1500
            assert audit.verify_chain(s) == []
    finally:
        db.close()
