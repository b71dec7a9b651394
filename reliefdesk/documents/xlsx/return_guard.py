"""Size limits for a bank return file before it is parsed (issue 13).

An .xlsx is a zip archive: a few kilobytes can expand to gigabytes (a "zip bomb") and the
reader would hold all of it in memory. The file is refused when it is too big on disk, when
its members add up to too much uncompressed, or when it compresses implausibly well. A real
return file for a township (a few thousand rows) is well under a megabyte.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from reliefdesk.errors import ValidationError

__all__ = ["MAX_FILE_BYTES", "MAX_RATIO", "MAX_UNCOMPRESSED_BYTES", "check_return_size"]

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, over the whole archive


def check_return_size(
    path: Path, *, max_file: int = MAX_FILE_BYTES, max_uncompressed: int = MAX_UNCOMPRESSED_BYTES
) -> None:
    """Refuse a return file that is too large on disk or, for a zip (.xlsx), when unpacked."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError:
        return  # the reader reports a missing file in its own words
    if size > max_file:
        raise ValidationError(
            f"回盘文件“{name}”过大（{size // 1048576} MB，上限 "
            f"{max_file // 1048576} MB），请确认文件是否正确",
            code="bank_return.size",
        )
    if not zipfile.is_zipfile(path):
        return  # .xls (OLE2) is bounded by its size on disk
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(max(info.file_size, 0) for info in archive.infolist())
            packed = sum(max(info.compress_size, 0) for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ValidationError(
            f"回盘文件“{name}”不是有效的 Excel 文件（.xlsx/.xls），无法读取",
            code="bank_return.format",
        ) from None
    if unpacked > max_uncompressed or (
        packed and unpacked > 1024 * 1024 and unpacked / packed > MAX_RATIO
    ):
        raise ValidationError(
            f"回盘文件“{name}”解压后过大（{unpacked // 1048576} MB），"
            "可能不是银行回盘文件，已拒绝读取",
            code="bank_return.unpacked",
        )
