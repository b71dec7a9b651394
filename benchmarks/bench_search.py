"""Benchmark person search, the household list and the invariant checker on a big database.

Usage::

    python benchmarks/bench_search.py DB_PATH_OR_URL [--make 40000] [--queries 200]

``DB`` is normally made by ``reliefdesk-admin --db X demo --households 40000``. With ``--make N``
and an empty/new database this script bulk-loads N synthetic households itself (Core inserts,
then :func:`rebuild_search_keys`). Prints median and p95 search latency (target ≤ 30 ms
median), the household-list page times, and ``run_checks`` time and peak RSS measured in a
fresh child process (targets ≤ 10 s, ≤ 500 MB).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta

from sqlalchemy import func, insert, select

from reliefdesk.db.connect import open_database
from reliefdesk.db.engine import Database
from reliefdesk.domain.idnumber import make_id
from reliefdesk.domain.pinyin import search_keys
from reliefdesk.models import (
    Application,
    CaseStep,
    Enrollment,
    EnrollmentMember,
    Household,
    Person,
    Township,
    User,
    Village,
)
from reliefdesk.services import audit, users
from reliefdesk.services.context import SYSTEM, Actor
from reliefdesk.services.register import household_summary_page
from reliefdesk.services.search import rebuild_search_keys, search_persons

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰春梅海燕小东晓文军辉"


def _url(arg: str) -> str:
    return arg if "://" in arg else f"sqlite:///{arg}"


def make_data(db: Database, households: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    t0 = time.perf_counter()
    with db.session() as s:
        towns = list(s.scalars(select(Township.id)))
        village_rows = [
            {"township_id": t, "name": f"第{i + 1}村", "is_community": i == 0}
            for t in towns
            for i in range(15)
        ]
        s.execute(insert(Village), village_rows)
        villages = list(s.scalars(select(Village.id)))
        s.execute(
            insert(Household),
            [
                {
                    "village_id": rnd.choice(villages),
                    "area_type": rnd.choice(("urban", "rural")),
                    "address": "",
                    "phone": "",
                    "entrusted": False,
                    "entrust_agreement_no": "",
                    "near_dibao": False,
                    "note": "",
                    "version": 1,
                }
                for _ in range(households)
            ],
        )
        hids = list(s.scalars(select(Household.id).order_by(Household.id)))
        used: set[str] = set()
        persons = []
        for hid in hids:
            for k in range(rnd.choice((1, 2, 2, 3, 3, 4))):
                while True:
                    birth = date(1935, 1, 1) + timedelta(days=rnd.randrange(0, 365 * 85))
                    number = make_id("410482", birth, rnd.randrange(0, 1000))
                    if number not in used:
                        used.add(number)
                        break
                name = rnd.choice(SURNAMES) + "".join(
                    rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2)))
                )
                persons.append(
                    {
                        "household_id": hid,
                        "name": name,
                        "id_number": number,
                        "birth_date": birth,
                        "sex": "M" if int(number[16]) % 2 else "F",
                        "relation": "head" if k == 0 else "other",
                        "counted": True,
                        "id_type": "resident",
                        "health": "healthy",
                        "labour_capacity": "full",
                        "schooling": "",
                        "employment": "",
                        "near_relative_of_staff": False,
                        "staff_relation_note": "",
                        "search_initials": "",
                        "version": 1,
                    }
                )
        for i in range(0, len(persons), 20000):
            s.execute(insert(Person), persons[i : i + 20000])
        rebuild_search_keys(s)
        # ~10% enrolled, each with an approved application and a confirm step
        admin = s.scalar(select(User.id).limit(1))
        if admin is None:
            users.add_user(s, SYSTEM, "bench", "approver", "Bench#Pass2026", display_name="bench")
            admin = s.scalar(select(User.id).limit(1))
        actor = Actor(admin or 0, "bench", "bench", "approver")
        heads = s.execute(
            select(Person.id, Person.household_id)
            .where(Person.relation == "head")
            .order_by(Person.id)
        ).all()
        for pid, hid in heads[::10]:
            app = Application(
                household_id=hid,
                applicant_id=pid,
                programme="rural_dibao",
                state="enrolled",
                state_since=date(2024, 3, 1),
                accepted_on=date(2024, 2, 1),
                decision="approved",
                created_by=admin,
            )
            s.add(app)
            s.flush()
            s.add(
                CaseStep(
                    application_id=app.id,
                    action="confirm",
                    to_state="enrolled",
                    user_id=admin,
                    username="bench",
                    role="approver",
                    on_date=date(2024, 3, 1),
                    decision="approved",
                )
            )
            e = Enrollment(
                household_id=hid,
                application_id=app.id,
                payee_id=pid,
                programme="rural_dibao",
                status="active",
                start_month=date(2024, 4, 1),
                persons=1,
                amount_fen=30000,
            )
            s.add(e)
            s.flush()
            s.add(EnrollmentMember(enrollment_id=e.id, person_id=pid))
        for i in range(20000):
            audit.record(s, actor, "bench.event", "household", i, household_id=hids[i % len(hids)])
    print(
        f"bulk load: {households} households, {len(persons)} persons in "
        f"{time.perf_counter() - t0:.1f} s"
    )


def queries(db: Database, n: int, seed: int = 11) -> list[str]:
    rnd = random.Random(seed)
    with db.session() as s:
        sample = s.execute(
            select(Person.name, Person.id_number).order_by(func.random()).limit(n)
        ).all()
        vnames = list(s.scalars(select(Village.name)))
    out: list[str] = []
    for i, (name, number) in enumerate(sample):
        keys = search_keys(name)
        kind = i % 8
        out.append(
            [
                name,
                name[:1],
                name[:2],
                keys[0][:5],
                keys[1],
                number[-4:],
                number[-6:],
                number[6:14],
            ][kind]
            if kind != 2 or len(name) > 2
            else name
        )
    out += rnd.sample(vnames, min(5, len(vnames)))
    return out[:n]


def bench_search(db: Database, n: int) -> None:
    actor = SYSTEM
    qs = queries(db, n)
    for q in qs[:10]:  # warm the page cache
        search_persons(db, actor, q)
    times = []
    for q in qs:
        t0 = time.perf_counter()
        search_persons(db, actor, q)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"search: {len(times)} queries, median {statistics.median(times):.1f} ms, "
        f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms"
    )
    for label, kw in (
        ("list page 1 by id", {}),
        ("list sorted by head name", {"sort": "head_name"}),
        ("list filtered dibao/active", {"programme": "dibao", "status": "active"}),
        ("list page 300 by id", {"offset": 30000}),
    ):
        t0 = time.perf_counter()
        page = household_summary_page(db, actor, limit=100, **kw)  # type: ignore[arg-type]
        print(f"{label}: {(time.perf_counter() - t0) * 1000:.0f} ms (total {page.total})")


def checks_child(url: str) -> None:
    from reliefdesk.services.check import run_checks

    db = open_database(url, backup=False)
    t0 = time.perf_counter()
    report = run_checks(db)
    elapsed = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"run_checks: {elapsed:.2f} s, peak RSS {peak_mb:.0f} MB, "
        f"{len(report.problems)} problems, stats {report.stats}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("db")
    ap.add_argument("--make", type=int, default=0, help="bulk-load N households if empty")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--checks-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    url = _url(args.db)
    if args.checks_only:
        checks_child(url)
        return
    db = open_database(url)
    with db.session() as s:
        empty = not s.scalar(select(func.count(Person.id)))
    if empty and args.make:
        make_data(db, args.make)
    bench_search(db, args.queries)
    db.close()
    subprocess.run([sys.executable, __file__, args.db, "--checks-only"], check=True)


if __name__ == "__main__":
    main()
