"""审计日志核对点 (audit checkpoint): one A4 page the office sends to the county.

It carries the audit head (number of events and the hash of the last one) and this PC's
check tag, so the county can later ask the office to run
``reliefdesk-admin audit verify --anchor COUNT:HASH`` and see that no event up to that point
was deleted or rewritten. Pure: data in, PDF bytes out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from .layout import P, Styles, build_pdf, content_width, grid_table, spacer


@dataclass(frozen=True, slots=True)
class CheckpointData:
    """What the checkpoint page prints."""

    county: str
    office_name: str
    township: str
    database: str
    printed_at: datetime
    printed_by: str
    count: int
    head_hash: str
    tag: str
    chain_ok: bool


def _split_hash(value: str) -> str:
    """64 hex digits as four groups of 16, so they can be read aloud and compared."""
    return " ".join(value[i : i + 16] for i in range(0, len(value), 16))


def build_checkpoint(data: CheckpointData) -> bytes:
    """The checkpoint page as PDF bytes."""
    st = Styles()
    w = content_width()
    story: list[Flowable] = [
        P("社会救助经办系统审计日志核对点", st.title),
        P(f"{data.county} {data.township} {data.office_name}".strip(), st.subtitle),
        spacer(4),
    ]
    rows = [
        [
            P("单位", st.cell),
            P(f"{data.county} {data.township} {data.office_name}".strip(), st.cell),
        ],
        [P("打印时间", st.cell), P(data.printed_at.strftime("%Y年%m月%d日 %H:%M"), st.cell)],
        [P("打印人", st.cell), P(data.printed_by, st.cell)],
        [P("数据库", st.cell), P(data.database, st.cell)],
        [P("审计事件数", st.cell), P(str(data.count), st.cell)],
        [P("末条事件哈希", st.cell), P(_split_hash(data.head_hash), st.cell)],
        [P("本机校验码", st.cell), P(data.tag, st.cell)],
        [
            P("打印时链校验", st.cell),
            P("完整" if data.chain_ok else "发现问题（见 audit verify）", st.cell),
        ],
        [P("核对用锚点", st.cell), P(f"{data.count}:{data.head_hash}:{data.tag}", st.small)],
    ]
    story.append(grid_table(rows, [32 * mm, w - 32 * mm]))
    story.append(spacer(6))
    story.append(
        P(
            "说明：本页记录打印时审计日志的条数和最后一条事件的哈希值。日后核对时，在经办电脑上运行"
            "“reliefdesk-admin audit verify --anchor 核对用锚点”，若提示与锚点相符，说明打印时已有的"
            "审计记录没有被删除或改写。请县级民政部门留存本页；乡镇留存一份并与备份介质一起保管。",
            st.body,
        )
    )
    story.append(spacer(14))
    story.append(
        grid_table(
            [
                [
                    P("乡镇经办人（签字）", st.cell),
                    "",
                    P("县级民政部门接收人（签字）", st.cell),
                    "",
                ],
                [P("日期", st.cell), "", P("日期", st.cell), ""],
            ],
            [34 * mm, w / 2 - 34 * mm, 44 * mm, w / 2 - 44 * mm],
            row_heights=[14 * mm, 10 * mm],
        )
    )
    return build_pdf(story, title="审计日志核对点")
