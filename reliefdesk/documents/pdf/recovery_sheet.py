"""恢复码 (recovery code) sheet: one A4 page kept in the office safe.

The code opens the encrypted database when every password is lost
(``reliefdesk-admin recover --code CODE --user 管理员``). Pure: data in, PDF bytes out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from .layout import P, Styles, build_pdf, content_width, grid_table, spacer


@dataclass(frozen=True, slots=True)
class RecoverySheetData:
    """What the recovery sheet prints."""

    office_name: str
    database: str
    admin: str
    code: str
    created_at: datetime


def build_recovery_sheet(data: RecoverySheetData) -> bytes:
    """The recovery code page as PDF bytes."""
    st = Styles()
    w = content_width()
    story: list[Flowable] = [
        P("社会救助经办系统数据库恢复码", st.title),
        P(data.office_name, st.subtitle),
        spacer(4),
        grid_table(
            [
                [P("单位", st.cell), P(data.office_name or "（未设置）", st.cell)],
                [P("生成日期", st.cell), P(data.created_at.strftime("%Y年%m月%d日"), st.cell)],
                [P("初始管理员", st.cell), P(data.admin, st.cell)],
                [P("数据库文件", st.cell), P(data.database, st.small)],
                [P("恢复码", st.cell), P(data.code, st.title)],
            ],
            [32 * mm, w - 32 * mm],
            row_heights=[None, None, None, None, 16 * mm],
        ),
        spacer(6),
        P(
            "本数据库已加密。所有用户的密码都遗失时，只有此恢复码能打开数据库：在经办电脑上运行"
            "“reliefdesk-admin recover --code 恢复码 --user 管理员用户名”，为管理员设置新密码。"
            "没有恢复码、也没有任何用户记得密码时，数据库和它的加密备份都无法再打开，"
            "任何人（包括软件开发方）都无法找回数据。",
            st.body,
        ),
        spacer(4),
        P(
            "请将本页密封后存放在单位保险柜中，不要与备份U盘放在一起，不要拍照、扫描或存入电脑。"
            "恢复码与密码一样能打开全部个人信息。",
            st.body,
        ),
        spacer(14),
        grid_table(
            [
                [P("保管人（签字）", st.cell), "", P("监督人（签字）", st.cell), ""],
                [P("日期", st.cell), "", P("日期", st.cell), ""],
            ],
            [30 * mm, w / 2 - 30 * mm, 30 * mm, w / 2 - 30 * mm],
            row_heights=[14 * mm, 10 * mm],
        ),
    ]
    return build_pdf(story, title="数据库恢复码")
