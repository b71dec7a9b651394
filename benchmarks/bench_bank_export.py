"""Benchmark: ``write_bank_file`` against a bare openpyxl write-only loop on the same data.

Run: ``.venv/bin/python benchmarks/bench_bank_export.py [--rows 40000] [--repeats 5]``.

Both sides write the same 10 columns of the default bank template for 40,000 realistic lines
(Chinese names, valid 18-digit IDs, 19-digit accounts) in the same process, alternating, so
machine noise hits both; wall and CPU (process) time are both reported, and on a
shared, busy machine the CPU-time ratio is the meaningful one. The baseline writes the same
cells, number formats included (no validation, no hash): the floor openpyxl allows. Target:
median ratio <= 1.5. Peak memory is measured with tracemalloc around one run of each
(tracemalloc slows code, so it is kept out of the timings).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from copy import copy
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles.cell_style import StyleArray

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reliefdesk.documents.workbooks import (
    DEFAULT_BANK_TEMPLATE,
    RollHeader,
    RollLine,
    write_bank_file,
)
from reliefdesk.domain.accounts import make_card_number
from reliefdesk.domain.idnumber import make_id

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "秀英桂兰玉梅建国志强红霞海燕德华丽娟文明春花金凤永福国庆淑珍小红保山"
VILLAGES = [
    f"{n}村"
    for n in (
        "寄料",
        "马庙",
        "关帝庙",
        "玉皇庙",
        "宽步口",
        "火神庙",
        "车沟",
        "观音堂",
        "纸坊",
        "牛家",
        "罗圈",
        "三合",
        "金庄",
        "安沟",
    )
]
BANKS = ["中国农业银行汝州寄料支行", "汝州农村商业银行寄料支行", "中国邮政储蓄银行汝州寄料营业所"]


def make_lines(n: int, seed: int = 2026) -> list[RollLine]:
    rng = random.Random(seed)
    lines = []
    seen: set[str] = set()
    for i in range(1, n + 1):
        id_number = ""
        while not id_number or id_number in seen:  # one ID per line, as in a real roll
            birth = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 30000))
            id_number = make_id("410482", birth, rng.randrange(1000))
        seen.add(id_number)
        persons = rng.randint(1, 6)
        paid = persons * rng.choice((35000, 39000, 43000, 52000)) + rng.choice((0, 0, 0, 1050))
        lines.append(
            RollLine(
                seq=i,
                township="寄料镇",
                village=rng.choice(VILLAGES),
                payee=rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2))),
                id_number=id_number,
                category=rng.choice(("农村低保A类", "农村低保B类", "农村低保C类")),
                persons=persons,
                standard_fen=52000,
                per_capita_income_fen=None,
                due_fen=paid,
                adjustment_fen=0,
                adjustment_reason="",
                paid_fen=paid,
                account=make_card_number("622848", 19, f"{i:012d}"),
                bank=rng.choice(BANKS),
                change_flag="",
                note=rng.choice(("", "", "", "代领：子")),
            )
        )
    return lines


HEADER = RollHeader(
    county="汝州市",
    township="寄料镇",
    office_name="寄料镇人民政府",
    programme_label="农村低保",
    month="2026-11",
    roster_hash="3fa9c1d2" * 8,
    prepared_by="王会计",
    made_on=date(2026, 11, 29),
)


def bare_openpyxl(path: Path, lines: Sequence[RollLine]) -> None:
    """The floor: the same cells through ``ws.append``: plain values where the bank file has
    plain values, and where it has a number format (headers, 证件号码 and 账号 as "@" text,
    金额 as "0.00") a ``WriteOnlyCell`` with a copy of one prepared style array, openpyxl's
    cheapest way to style many cells."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    text_proto, amount_proto = WriteOnlyCell(ws), WriteOnlyCell(ws)
    text_proto.number_format, amount_proto.number_format = "@", "0.00"
    text_style, amount_style = text_proto._style, amount_proto._style

    def styled(value: object, style: StyleArray) -> Cell:
        cell = WriteOnlyCell(ws, value)
        cell._style = copy(style)
        return cell

    ws.append([styled(c.header, text_style) for c in DEFAULT_BANK_TEMPLATE.columns])
    summary = f"{HEADER.month_label}{HEADER.programme_label}"
    for ln in lines:
        ws.append(
            [
                ln.seq,
                ln.payee,
                styled(ln.id_number, text_style),
                styled(ln.account, text_style),
                styled(ln.paid_fen / 100, amount_style),
                summary,
                ln.bank,
                ln.township,
                ln.village,
                ln.note or None,
            ]
        )
    wb.save(path)


def ours(path: Path, lines: Sequence[RollLine]) -> None:
    write_bank_file(path, HEADER, lines)


def timed(
    fn: Callable[[Path, Sequence[RollLine]], None], path: Path, lines: Sequence[RollLine]
) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process): CPU time is what to compare on a busy box."""
    start, cpu = time.perf_counter(), time.process_time()
    fn(path, lines)
    return time.perf_counter() - start, time.process_time() - cpu


def peak_mib(
    fn: Callable[[Path, Sequence[RollLine]], None], path: Path, lines: Sequence[RollLine]
) -> float:
    tracemalloc.start()
    fn(path, lines)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=40_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    t0 = time.perf_counter()
    lines = make_lines(args.rows)
    print(f"generated {len(lines):,} lines in {time.perf_counter() - t0:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        base_path, ours_path = Path(tmp, "bare.xlsx"), Path(tmp, "ours.xlsx")
        bare_openpyxl(base_path, lines[:200])  # warm imports and caches
        ours(ours_path, lines[:200])
        bare_runs, our_runs = [], []
        for _ in range(args.repeats):
            bare_runs.append(timed(bare_openpyxl, base_path, lines))
            our_runs.append(timed(ours, ours_path, lines))
        for label, index in (("wall", 0), ("cpu", 1)):
            bare = [r[index] for r in bare_runs]
            mine = [r[index] for r in our_runs]
            bare_med, our_med = statistics.median(bare), statistics.median(mine)
            ratio = our_med / bare_med
            print(
                f"[{label}] bare openpyxl write-only : median {bare_med:.2f} s "
                f"(runs {', '.join(f'{t:.2f}' for t in bare)})"
            )
            print(
                f"[{label}] write_bank_file          : median {our_med:.2f} s "
                f"(runs {', '.join(f'{t:.2f}' for t in mine)})"
            )
            print(
                f"[{label}] ratio                    : {ratio:.2f}x (target <= 1.50x) "
                f"{'OK' if ratio <= 1.5 else 'OVER TARGET'}"
            )
        print(
            f"file sizes               : bare {base_path.stat().st_size / 2**20:.1f} MiB, "
            f"ours {ours_path.stat().st_size / 2**20:.1f} MiB"
        )
        print(
            f"peak traced memory       : bare {peak_mib(bare_openpyxl, base_path, lines):.1f} MiB,"
            f" ours {peak_mib(ours, ours_path, lines):.1f} MiB "
            f"(the {len(lines):,} input lines themselves are not counted)"
        )


if __name__ == "__main__":
    main()
