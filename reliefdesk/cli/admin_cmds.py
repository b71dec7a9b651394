"""Administration commands: init, demo, user, check, backup, restore, audit (office: office_cmds).

Who acts: ``init`` creates the first admin (no login); ``demo`` runs as ``--user`` (admin) when
the database already has users and as the system on an empty one, and only on a demo database;
``user``, ``backup``, ``restore``, ``audit checkpoint`` and ``office set`` need ``--user`` with
the admin role (``restore`` onto a new PC with no users logs in against the backup itself);
``check``, ``audit verify``, ``audit head`` and ``office show`` only read and need no login.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from ..errors import ValidationError
from .framework import (
    ENV_ADMIN_PASSWORD,
    ENV_NEW_PASSWORD,
    EXIT_OK,
    EXIT_PROBLEMS,
    CliContext,
    confirm,
    read_new_password,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..db.engine import Database
    from ..services.context import Actor


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add this module's commands to the ``reliefdesk-admin`` parser."""
    p = sub.add_parser("init", parents=[common], help="创建或升级数据库；首次创建管理员")
    p.add_argument("--admin", default=None, help="初始管理员用户名（默认 admin）")
    p.add_argument("--plain", action="store_true", help="新建不加密的数据库（不推荐）")
    p.add_argument("--recovery-pdf", default=None, metavar="OUT.pdf", help="恢复码打印页")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", parents=[common], help="生成演示数据（合成的乡镇或全县）")
    p.add_argument("--households", type=int, default=None, help="户数（默认 1500，一个乡镇）")
    p.add_argument("--seed", type=int, default=2023, help="随机种子（相同种子生成相同数据）")
    p.add_argument("--clean", action="store_true", help="不预置数据问题")
    p.add_argument("--plain", action="store_true", help="新建不加密的演示数据库（对照测试用）")
    p.add_argument("--township", default=None, help="乡镇(街道)代码或名称")
    p.add_argument(
        "--legacy-workbook",
        default=None,
        metavar="OUT.xlsx",
        help="只写出一份合成的旧台账表格（供练习存量导入），不改数据库",
    )
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("user", parents=[common], help="用户管理（需管理员 --user）")
    usub = p.add_subparsers(dest="user_command", metavar="ACTION", parser_class=type(p))
    usub.required = True
    q = usub.add_parser(
        "add", parents=[common], help="新增用户（密码取自 RELIEFDESK_NEW_PASSWORD 或提示）"
    )
    q.add_argument("name")
    q.add_argument(
        "--role",
        required=True,
        help="角色：clerk 经办人 / reviewer 审核人 / approver 负责人 / admin 管理员 / auditor 审计员",
    )
    q.add_argument("--display-name", default="")
    q.add_argument(
        "--township", default=None, help="所属乡镇(街道)代码或名称；county 为县级用户（默认）"
    )
    q.set_defaults(handler=cmd_user_add)
    q = usub.add_parser("list", parents=[common], help="列出用户")
    q.set_defaults(handler=cmd_user_list)
    q = usub.add_parser("unlock", parents=[common], help="解锁用户")
    q.add_argument("name")
    q.set_defaults(handler=cmd_user_unlock)

    p = sub.add_parser("check", parents=[common], help="数据检查（发现问题时退出码为 1）")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("backup", parents=[common], help="备份数据库（经校验，附审计锚点 .json）")
    p.add_argument("--out", required=True, help="备份文件路径")
    p.add_argument("--force", action="store_true", help="覆盖已存在的备份文件")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser(
        "restore",
        parents=[common],
        help="从备份恢复（先校验备份、自动备份当前数据库；无数据库时新建）",
    )
    p.add_argument("file")
    p.add_argument("--yes", action="store_true", help="不再询问确认")
    p.add_argument(
        "--code",
        default=None,
        help="加密备份的恢复码（所有密码遗失时；或 RELIEFDESK_RECOVERY_CODE）",
    )
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("audit", parents=[common], help="审计日志")
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION", parser_class=type(p))
    asub.required = True
    q = asub.add_parser("verify", parents=[common], help="校验审计哈希链（被改动时退出码为 1）")
    q.add_argument(
        "--anchor", default=None, help="核对点上的锚点 事件数:哈希[:校验码]，证明日志仍包含该处"
    )
    q.set_defaults(handler=cmd_audit_verify)
    q = asub.add_parser("head", parents=[common], help="显示当前审计锚点（事件数:哈希）")
    q.set_defaults(handler=cmd_audit_head)
    q = asub.add_parser("checkpoint", parents=[common], help="打印报县级的审计日志核对点（PDF）")
    q.add_argument("--out", required=True, help="输出的 PDF 文件")
    q.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    q.set_defaults(handler=cmd_audit_checkpoint)


# ----------------------------------------------------------------------------- init


def cmd_init(ctx: CliContext) -> int:
    from ..db.connect import open_database
    from ..db.migrate import ensure_schema, schema_state
    from ..db.revisions import head_revision
    from ..services import users
    from .crypto_cmds import prepare_new_office, report_new_office

    new = prepare_new_office(ctx)  # a new SQLite office is encrypted (unless --plain)
    db = open_database(ctx.db_url, migrate=False, key=new.key if new else ctx.unlock(ctx.db_url))
    ctx._db = db  # closed by main
    state = schema_state(db)
    backup = ensure_schema(db)
    db.backup_path = backup
    from ..db.migrate import complete_defaults

    completed = complete_defaults(db)  # an init interrupted by an older version
    where = db.location_label
    if state == "empty":
        ctx.out(f"已创建数据库：{where}（版本 {head_revision()}）")
    elif state == "older":
        ctx.out(f"已升级数据库：{where}（版本 {head_revision()}）")
        ctx.out(f"升级前备份：{backup}")
    else:
        ctx.out(f"数据库已是当前版本：{where}（版本 {head_revision()}）")
    if completed:
        ctx.out("已补齐缺少的默认数据：" + "、".join(completed))
    if not users.has_users(db):
        name = ctx.args.admin or "admin"
        password = (
            new.password
            if new
            else read_new_password(ENV_ADMIN_PASSWORD, f"初始管理员 {name} 的密码：")
        )
        info = users.create_first_admin(db, name, password, display_name="管理员")
        ctx.out(f"已创建初始管理员：{info.username}")
        if new is not None:
            report_new_office(ctx, new, db)
    elif ctx.args.admin:
        ctx.out("已有用户，未创建初始管理员。")
    return EXIT_OK


# ----------------------------------------------------------------------------- demo


def cmd_demo(ctx: CliContext) -> int:
    from ..demo import DEFAULT_HOUSEHOLDS, DEMO_PASSWORDS, generate_demo
    from ..services import users
    from ..services.context import SYSTEM

    if getattr(ctx.args, "legacy_workbook", None):  # hook (issue 12): training workbook
        from ..demo.legacy import write_legacy_workbook

        wb = write_legacy_workbook(
            ctx.args.legacy_workbook,
            ctx.args.households or 200,
            seed=ctx.args.seed,
            oddities=not ctx.args.clean,
        )
        ctx.out(f"已写出旧台账练习表：{wb.path}（{wb.households} 户，{wb.persons} 人）")
        return EXIT_OK
    from ..paths import sqlite_path

    path = sqlite_path(ctx.db_url)
    code = ""
    new_file = path is not None and not (path.exists() and path.stat().st_size > 0)
    if path is not None and new_file and not ctx.args.plain:
        from ..demo import create_demo_database

        ctx._db, code = create_demo_database(path)  # a new demo office is encrypted
    db = ctx.db(create=True)
    _require_demo_database(db)
    actor = ctx.actor("admin.users") if users.has_users(db) or ctx.args.user else SYSTEM
    n = ctx.args.households if ctx.args.households is not None else DEFAULT_HOUSEHOLDS
    result = generate_demo(
        db, actor, n, seed=ctx.args.seed, clean=ctx.args.clean, township=ctx.args.township
    )
    ctx.out(f"已生成演示数据（种子 {ctx.args.seed}，用时 {result.seconds:.1f} 秒）：")
    ctx.out(
        f"  户数 {result.households}，人数 {result.persons}，乡镇 {result.townships} 个，"
        f"新建村(社区) {result.villages_created} 个"
    )
    ctx.out(f"  申请 {result.applications} 件，在保记录 {result.enrollments} 条")
    from ..domain.programmes import PROGRAMME_LABELS

    ctx.out(
        "  在保记录："
        + "，".join(
            f"{PROGRAMME_LABELS.get(k, k)} {v}"
            for k, v in sorted(result.enrollments_by_programme.items())
        )
    )
    ctx.out(
        "  申请状态："
        + "，".join(f"{k} {v}" for k, v in sorted(result.applications_by_state.items()))
    )
    if result.users_created:
        ctx.out("  新建演示用户（用户名 / 密码）：")
        for name in result.users_created:
            ctx.out(f"    {name} / {DEMO_PASSWORDS[name]}")
        if result.townships > 1:  # the county demo: three users per township too (README)
            ctx.out(
                "  各乡镇(街道)另有 clerk_NNN、reviewer_NNN、approver_NNN"
                "（NNN 为乡镇代码后三位，密码同上列同名角色）"
            )
    if code:
        ctx.out(f"  演示数据库已加密（用上列演示用户登录）；恢复码：{code}")
    if result.planted:
        ctx.out(
            "  预置的数据问题（供检查功能演示）："
            + "，".join(f"{k}#{v}" for k, v in result.planted.items())
        )
    return EXIT_OK


def _require_demo_database(db: Database) -> None:
    """``demo`` writes only into an empty database or one a demo run created (it has the
    ``demo.generate`` audit event), so a production register never gets synthetic households
    or the published demo passwords."""
    from ..models import AuditEvent, Household, User

    with db.read_session() as s:
        if s.scalar(select(AuditEvent.id).where(AuditEvent.action == "demo.generate").limit(1)):
            return
        if (
            s.scalar(select(Household.id).limit(1)) is None
            and s.scalar(select(User.id).limit(1)) is None
        ):
            return
    raise ValidationError(
        "该数据库不是演示数据库（不是由 demo 或 --demo 创建的），拒绝写入演示数据。"
        "请用 --db 指定一个新的文件来生成演示数据。",
        code="demo.not_demo",
    )


# ----------------------------------------------------------------------------- users


def cmd_user_add(ctx: CliContext) -> int:
    from ..services import users

    actor = ctx.actor("admin.users")
    password = read_new_password(ENV_NEW_PASSWORD, f"用户 {ctx.args.name} 的密码：")
    with ctx.db().session() as s:
        town = users.resolve_township(s, ctx.args.township)
        info = users.add_user(
            s,
            actor,
            ctx.args.name,
            ctx.args.role,
            password,
            ctx.args.display_name,
            township_id=town,
        )
    ctx.out(f"已新增用户：{info.username}（{info.role_label}，{info.township_name or '县级'}）")
    return EXIT_OK


def cmd_user_list(ctx: CliContext) -> int:
    from ..models import utcnow
    from ..services import users

    actor = ctx.actor("read")
    now = utcnow()
    rows = []
    for u in users.list_users(ctx.db(), actor):
        locked = u.locked_until is not None and u.locked_until > now
        status = "已停用" if not u.active else ("已锁定" if locked else "正常")
        rows.append((u.username, u.display_name, u.role_label, u.township_name or "县级", status))
    ctx.table(("用户名", "姓名", "角色", "乡镇", "状态"), rows)
    return EXIT_OK


def cmd_user_unlock(ctx: CliContext) -> int:
    from ..services import users

    actor = ctx.actor("admin.users")
    info = users.unlock_user(ctx.db(), actor, ctx.args.name)
    ctx.out(f"已解锁用户：{info.username}")
    return EXIT_OK


# ----------------------------------------------------------------------------- check


def cmd_check(ctx: CliContext) -> int:
    import importlib.util

    if importlib.util.find_spec("reliefdesk.services.check") is None:
        raise ValidationError(
            "本版本尚未提供数据检查功能（reliefdesk.services.check）。", code="cli.no_check"
        )
    from ..services.check import run_checks

    report = run_checks(ctx.db())
    problems = list(report.problems)
    stats = getattr(report, "stats", None)
    if isinstance(stats, dict) and stats:
        ctx.out("统计：" + "，".join(f"{k} {v}" for k, v in stats.items()))
    if not problems:
        ctx.out("检查完成，未发现问题。")
        return EXIT_OK
    ctx.out(f"检查完成，发现 {len(problems)} 个问题：")
    for p in problems:
        ctx.out(f"  [{p.kind}] {p.entity}#{p.entity_id}：{p.message_zh}")
    return EXIT_PROBLEMS


# ----------------------------------------------------------------------------- backup


def cmd_backup(ctx: CliContext) -> int:
    from ..db.backup import backup_database, check_backup_target
    from ..paths import sqlite_path
    from ..services import audit
    from ..services.audit_anchor import current_anchor, remember_anchor

    actor = ctx.actor("admin.users")
    db = ctx.db()
    out = check_backup_target(ctx.args.out, force=ctx.args.force, live=sqlite_path(db.url))
    anchor = current_anchor(db)
    out = backup_database(db, out, extra={"audit_anchor": anchor.with_tag(), "by": actor.username})
    with db.session() as s:
        audit.record(
            s,
            actor,
            "db.backup",
            "database",
            "",
            detail={"file": str(out), "audit_head": anchor.text},
        )
    remember_anchor(db, anchor, "backup")
    ctx.out(f"备份完成并已校验：{out}")
    ctx.out(f"审计锚点：{anchor.with_tag()}（已写入 {out.name}.json）")
    return EXIT_OK


def cmd_restore(ctx: CliContext) -> int:
    import tempfile

    from ..db.backup import install_restore, prepare_restore
    from ..db.connect import open_work_copy
    from ..errors import DatabaseError
    from ..paths import sqlite_path
    from ..services import audit, users
    from ..services.audit_anchor import current_anchor, forget_journal, remember_anchor

    with tempfile.TemporaryDirectory(prefix="reliefdesk-restore-") as tmp:
        from .crypto_cmds import backup_unlocker

        # refuses before the live DB is touched
        info = prepare_restore(ctx.args.file, Path(tmp), backup_unlocker(ctx))
        work = open_work_copy(info)
        try:
            live_path = sqlite_path(ctx.db_url)
            actor: Actor | None = None
            if live_path is not None and not live_path.exists():
                actor = _login_on_backup(ctx, work)  # a new PC: no file is made for a stranger
            db, damaged = _live_for_restore(ctx)
            if actor is None:
                if not damaged and users.has_users(db):
                    actor = ctx.actor("admin.users")
                else:  # nothing to lose here: the person proves who they are in the backup
                    actor = _login_on_backup(ctx, work)
            ctx.out(f"备份文件：{info.source}（数据库版本 {info.revision}）")
            ctx.out("备份内容：" + "，".join(f"{k} {v}" for k, v in info.counts.items() if v))
            if info.audit_head:
                ctx.out(f"备份时的审计锚点：{info.audit_head}")
            if not ctx.args.yes and not confirm(
                ctx, f"将用 {info.source} 覆盖当前数据库 {db.location_label} 的全部数据，是否继续？"
            ):
                raise ValidationError(
                    "已取消恢复（如确认恢复，请加 --yes）。", code="restore.cancelled"
                )
            with work.session() as s:  # the event lives in the restored data itself
                audit.record(
                    s,
                    _actor_in(s, actor),
                    "db.restore",
                    "database",
                    "",
                    detail={
                        "file": str(info.source),
                        "from_revision": info.revision,
                        "by": actor.username,
                        "by_name": actor.display_name,
                        "replaced": db.location_label,
                    },
                )
        finally:
            work.close()
        try:
            safety = install_restore(db, info.work, damaged=damaged, key=info.key)
        except DatabaseError as exc:
            if not damaged and exc.code == "restore.failed":  # the live DB is back: say so
                with db.session() as s:
                    audit.record(
                        s,
                        actor,
                        "db.restore",
                        "database",
                        "",
                        success=False,
                        detail={"file": str(info.source), "error": exc.message[:500]},
                    )
            raise
    forget_journal(db)
    remember_anchor(db, current_anchor(db), "restore")
    ctx.out(f"恢复完成：{info.source}")
    ctx.out(f"恢复前的数据已备份到：{safety}")
    return EXIT_OK


def _live_for_restore(ctx: CliContext) -> tuple[Database, bool]:
    """The live database (created when missing) and whether its file is damaged; a damaged
    SQLite file is exactly when a restore is needed, so it is not opened through migrations."""
    from ..db.engine import Database, make_engine
    from ..errors import DatabaseError

    try:
        return ctx.db(create=True), False
    except DatabaseError as exc:
        if exc.code != "db.corrupt":
            raise
    db = Database(url=ctx.db_url, engine=make_engine(ctx.db_url))
    ctx._db = db  # closed by main
    ctx.out("当前数据库文件已损坏，将用备份替换（损坏的文件会保留一份副本）。")
    return db, True


def _login_on_backup(ctx: CliContext, work: Database) -> Actor:
    """Log in ``--user`` against the backup's own users (restore onto an empty database)."""
    from ..errors import AuthError
    from ..services.users import login
    from .crypto_cmds import recovery_actor, recovery_code

    username = getattr(ctx.args, "user", None)
    if not username:
        raise AuthError(
            "恢复需要以备份中的管理员身份执行：请加 --user 用户名。", code="cli.no_user"
        )
    if recovery_code(ctx):  # the recovery code opened the backup: it vouches for the admin
        return recovery_actor(work, username)
    actor = login(work, username, ctx.password())
    actor.require("admin.users")
    return actor


def _actor_in(session: Session, actor: Actor) -> Actor:
    """``actor`` as the restored database knows them: its own user id for that username
    (none if the backup has no such user), so the event never names another person."""
    from ..models import User
    from ..services.context import Actor

    uid = session.scalar(select(User.id).where(User.username == actor.username))
    return Actor(uid or 0, actor.username, actor.display_name, actor.role)


# ----------------------------------------------------------------------------- audit


def cmd_audit_verify(ctx: CliContext) -> int:
    from ..models import AuditEvent
    from ..services.audit import verify_chain
    from ..services.audit_anchor import (
        journal_anchors,
        parse_anchor,
        verify_anchor_in,
        verify_journal_in,
    )

    anchor = parse_anchor(ctx.args.anchor) if ctx.args.anchor else None
    db = ctx.db()
    journal = journal_anchors(db)
    with db.read_session() as s:
        problems = verify_chain(s)
        if anchor is not None:
            problems += verify_anchor_in(s, anchor[0], anchor[1])
        problems += verify_journal_in(s, journal)
        count = s.scalar(select(func.count(AuditEvent.id))) or 0
    if not problems:
        ctx.out(f"审计链完整：共 {count} 条事件，未发现篡改。")
        if anchor is not None:
            ctx.out(f"与锚点相符：日志仍包含第 {anchor[0].count} 条事件及其之前的全部记录。")
        return EXIT_OK
    ctx.out(f"审计链校验失败：发现 {len(problems)} 处问题")
    for p in problems:
        ctx.out(f"  {p.message}")
    return EXIT_PROBLEMS


def cmd_audit_head(ctx: CliContext) -> int:
    from ..services.audit_anchor import current_anchor

    anchor = current_anchor(ctx.db())
    ctx.out(f"审计锚点：{anchor.with_tag()}")
    return EXIT_OK


def cmd_audit_checkpoint(ctx: CliContext) -> int:
    from ..db.backup import check_backup_target
    from ..paths import write_private
    from ..services.audit_anchor import audit_checkpoint

    out = check_backup_target(ctx.args.out, force=ctx.args.force)
    pdf, anchor = audit_checkpoint(ctx.db(), ctx.actor("admin.users"))
    write_private(out, pdf)
    ctx.out(f"已输出审计日志核对点：{out}")
    ctx.out(f"审计锚点：{anchor.with_tag()}")
    return EXIT_OK
