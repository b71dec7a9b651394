"""Bank upload templates (银行代发模板): which columns a bank wants, in which order, typed how.

Banks differ (DOMAIN §7.2 B: "follow the bank's template exactly"), so an admin edits the
template as JSON. A column says its header text, where its value comes from (a ``RollLine``
field or a roll-level field such as ``summary``) and its cell kind:

* ``int``: a plain integer cell (序号 must never be a formula or text);
* ``text``: a string cell; identifier fields (证件号码, 账号) also get number format ``@``;
* ``amount``: a number cell with format ``0.00`` (fen / 100);
* ``amount_text``: the amount as the text "123.40" with format ``@``, for banks that want text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

from reliefdesk.errors import ValidationError

from ._cells import bad_text

__all__ = [
    "AMOUNT_FIELDS",
    "DEFAULT_BANK_TEMPLATE",
    "FIELD_LABELS",
    "IDENTIFIER_FIELDS",
    "INT_FIELDS",
    "KINDS",
    "TEXT_FIELDS",
    "BankColumn",
    "BankTemplate",
]

Kind = Literal["int", "text", "amount", "amount_text"]
KINDS: Final = ("int", "text", "amount", "amount_text")

INT_FIELDS: Final = frozenset({"seq", "persons"})
AMOUNT_FIELDS: Final = frozenset(
    {"standard_fen", "per_capita_income_fen", "due_fen", "adjustment_fen", "paid_fen"}
)
#: Text straight from a RollLine.
LINE_TEXT_FIELDS: Final = frozenset(
    {
        "township",
        "village",
        "payee",
        "id_number",
        "category",
        "adjustment_reason",
        "account",
        "bank",
        "change_flag",
        "note",
    }
)
#: Text from the roll header; ``summary`` is "2026年11月农村低保" (the passbook 摘要, §7.3.8).
HEADER_TEXT_FIELDS: Final = frozenset(
    {"summary", "programme_label", "month", "county", "office_name"}
)
TEXT_FIELDS: Final = LINE_TEXT_FIELDS | HEADER_TEXT_FIELDS
#: Long digit strings Excel would mangle: always string cells with format ``@`` (§7.3.1).
IDENTIFIER_FIELDS: Final = frozenset({"id_number", "account"})

FIELD_LABELS: Final[dict[str, str]] = {
    "seq": "序号",
    "persons": "保障人数",
    "standard_fen": "保障标准",
    "per_capita_income_fen": "月人均收入",
    "due_fen": "本月应发",
    "adjustment_fen": "补发/扣减",
    "paid_fen": "实发金额",
    "township": "乡镇",
    "village": "村(社区)",
    "payee": "姓名",
    "id_number": "证件号码",
    "category": "保障类别",
    "adjustment_reason": "补扣原因",
    "account": "账号",
    "bank": "开户行",
    "change_flag": "变动标志",
    "note": "备注",
    "summary": "摘要",
    "programme_label": "项目名称",
    "month": "所属期",
    "county": "县(市)",
    "office_name": "单位",
}
_ALL_FIELDS: Final = INT_FIELDS | AMOUNT_FIELDS | TEXT_FIELDS
_KIND_LABELS: Final = {"int": "整数", "text": "文本", "amount": "金额", "amount_text": "文本金额"}


@dataclass(frozen=True, slots=True)
class BankColumn:
    """One column of a bank file: header text, source field, cell kind."""

    header: str
    field: str
    kind: Kind


@dataclass(frozen=True, slots=True)
class BankTemplate:
    """An ordered, validated list of bank-file columns plus the sheet name."""

    name: str
    columns: tuple[BankColumn, ...]
    sheet_title: str = "Sheet1"

    def __post_init__(self) -> None:
        _validate(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BankTemplate:
        """Build from the admin-edited JSON object; raise a Chinese ValidationError if malformed."""
        if not isinstance(data, Mapping):
            raise ValidationError("银行模板必须是一个 JSON 对象", code="bank_template.shape")
        raw_columns = data.get("columns")
        if not isinstance(raw_columns, list) or not raw_columns:
            raise ValidationError(
                "银行模板缺少列定义（columns 应为非空列表）",
                code="bank_template.columns",
                field="columns",
            )
        columns = []
        for i, raw in enumerate(raw_columns, 1):
            if not isinstance(raw, Mapping):
                raise ValidationError(
                    f"银行模板第 {i} 列应为包含 header、field、kind 的对象",
                    code="bank_template.column",
                    field=f"columns[{i}]",
                )
            header, field, kind = raw.get("header"), raw.get("field"), raw.get("kind", "text")
            if (
                not isinstance(header, str)
                or not isinstance(field, str)
                or not isinstance(kind, str)
            ):
                raise ValidationError(
                    f"银行模板第 {i} 列的 header、field、kind 必须是文本",
                    code="bank_template.column",
                    field=f"columns[{i}]",
                )
            columns.append(BankColumn(header, field, kind))  # type: ignore[arg-type]
        name = data.get("name", "银行代发模板")
        sheet_title = data.get("sheet_title", "Sheet1")
        if not isinstance(name, str) or not isinstance(sheet_title, str):
            raise ValidationError(
                "银行模板的 name、sheet_title 必须是文本", code="bank_template.shape"
            )
        return cls(name=name, columns=tuple(columns), sheet_title=sheet_title)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form ``from_dict`` reads back."""
        return {
            "name": self.name,
            "sheet_title": self.sheet_title,
            "columns": [
                {"header": c.header, "field": c.field, "kind": c.kind} for c in self.columns
            ],
        }


def _validate(template: BankTemplate) -> None:
    if not template.columns:
        raise ValidationError("银行模板至少要有一列", code="bank_template.columns", field="columns")
    title = template.sheet_title
    if not title or len(title) > 31 or any(ch in title for ch in "[]:*?/\\"):
        raise ValidationError(
            f"工作表名称“{title}”无效：应为 1–31 个字符，且不含 [ ] : * ? / \\",
            code="bank_template.sheet_title",
            field="sheet_title",
        )
    seen: set[str] = set()
    for i, col in enumerate(template.columns, 1):
        where = f"银行模板第 {i} 列「{col.header}」"
        field_path = f"columns[{i}]"
        if not col.header.strip():
            raise ValidationError(
                f"银行模板第 {i} 列的表头为空", code="bank_template.header", field=field_path
            )
        why = bad_text(col.header)
        if why:
            raise ValidationError(
                f"银行模板第 {i} 列的表头{why}", code="bank_template.header", field=field_path
            )
        if col.header in seen:
            raise ValidationError(
                f"{where}的表头重复", code="bank_template.header", field=field_path
            )
        seen.add(col.header)
        if col.field not in _ALL_FIELDS:
            known = "、".join(sorted(_ALL_FIELDS))
            raise ValidationError(
                f"{where}的数据来源“{col.field}”无法识别；可用的来源有：{known}",
                code="bank_template.field",
                field=field_path,
            )
        if col.kind not in KINDS:
            raise ValidationError(
                f"{where}的类型“{col.kind}”无法识别；可用的类型有：int（整数）、text（文本）、"
                "amount（金额）、amount_text（文本金额）",
                code="bank_template.kind",
                field=field_path,
            )
        allowed = _allowed_kinds(col.field)
        if col.kind not in allowed:
            label = FIELD_LABELS[col.field]
            ok = "、".join(f"{k}（{_KIND_LABELS[k]}）" for k in allowed)
            raise ValidationError(
                f"{where}：{label}（{col.field}）不能用类型“{col.kind}”，只能用 {ok}",
                code="bank_template.kind",
                field=field_path,
            )


def _allowed_kinds(field: str) -> tuple[str, ...]:
    if field in INT_FIELDS:
        return ("int", "text")
    if field in AMOUNT_FIELDS:
        return ("amount", "amount_text")
    return ("text",)


DEFAULT_BANK_TEMPLATE: Final = BankTemplate(
    name="一卡通代发（默认）",
    columns=(
        BankColumn("序号", "seq", "int"),
        BankColumn("姓名", "payee", "text"),
        BankColumn("证件号码", "id_number", "text"),
        BankColumn("卡号/账号", "account", "text"),
        BankColumn("金额", "paid_fen", "amount"),
        BankColumn("补贴项目/摘要", "summary", "text"),
        BankColumn("开户行", "bank", "text"),
        BankColumn("所属乡镇", "township", "text"),
        BankColumn("所属村", "village", "text"),
        BankColumn("备注", "note", "text"),
    ),
)
"""DOMAIN §7.2 B: 序号 | 姓名 | 证件号码 | 卡号/账号 | 金额 | 补贴项目/摘要 | 开户行 | 所属乡镇 | 所属村 | 备注."""
