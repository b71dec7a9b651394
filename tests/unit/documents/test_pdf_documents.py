"""Content of every PDF document: labels, values, 大写 amounts, embedded fonts, page footers."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from pdfminer.high_level import extract_text
from pypdf import PdfReader

from reliefdesk.documents.forms_data import Opinion, WorkingLine
from reliefdesk.documents.pdf import (
    build_application_form,
    build_batch,
    build_change_roster,
    build_decision_letter,
    build_notice,
    build_roster,
    build_visit_record,
)
from reliefdesk.documents.pdf import samples as S  # noqa: N812 - S.NAME reads as the sample catalogue
from reliefdesk.domain.money import fen_to_yuan, to_capital


def text(pdf: bytes) -> str:
    """All text of a PDF, whitespace removed (CJK extraction inserts stray spaces/newlines)."""
    return re.sub(r"\s+", "", extract_text(io.BytesIO(pdf)))


def page_texts(pdf: bytes) -> list[str]:
    """Per-page text, whitespace removed."""
    return [re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]


def embedded_font_files(pdf: bytes) -> set[str]:
    """Kinds of font programs embedded in the PDF (FontFile, FontFile2, FontFile3)."""
    kinds: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descs = [font.get("/FontDescriptor")]
            for d in font.get("/DescendantFonts", []):
                descs.append(d.get_object().get("/FontDescriptor"))
            for desc_ref in descs:
                if desc_ref is None:
                    continue
                desc = desc_ref.get_object()
                kinds |= {k for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in desc}
    return kinds


@pytest.mark.parametrize(
    ("programme", "title"),
    [
        ("rural_dibao", "汝州市最低生活保障申请审批表"),
        ("urban_dibao", "汝州市最低生活保障申请审批表"),
        ("tekun", "汝州市特困人员救助供养申请审批表"),
        ("temporary_aid", "汝州市临时救助申请审批表"),
    ],
)
def test_application_form_title_follows_programme(programme: str, title: str) -> None:
    """The form's title is chosen by programme and prefixed with the office's county."""
    data = S.application(programme)
    if programme == "urban_dibao":
        data = replace(data, programme="urban_dibao")
    t = text(build_application_form(data))
    assert title in t
    assert "温泉镇" in t


def test_dibao_form_prints_members_working_amount_and_opinions() -> None:
    """A dibao form prints the members with full IDs, the working lines, the 大写 amount and all 3 opinion blocks."""
    data = S.application("rural_dibao")
    t = text(build_application_form(data))
    for m in data.members:
        assert m.name in t
        assert m.id_number in t
    for wl in data.working:
        assert re.sub(r"\s+", "", wl.value) in t
    assert data.amount_fen is not None
    assert fen_to_yuan(data.amount_fen) in t
    assert to_capital(data.amount_fen) in t
    for label in (
        "申请类别：农村",
        "家庭成员情况",
        "家庭月人均收入",
        "申请理由",
        "申请人（签字或手印）",
        "村（居）民委员会意见",
        "乡镇人民政府（街道办事处）审核意见",
        "县级人民政府民政部门审核确认意见",
        "（乡镇人民政府盖章）",
        "（县级民政部门盖章）",
        "公示结果：无异议",
        "调查人员：李海燕、郭志强",
        "起始发放年月：2026年4月",
        "保障人数：3人",
    ):
        assert label in t, label


def test_tekun_form_prints_self_care_items_and_derived_tier() -> None:
    """A tekun form prints the six self-care items, the derived tier (3 not achieved -> 半失能) and supply mode."""
    data = S.application("tekun")
    assert data.care_tier == "半失能"
    t = text(build_application_form(data))
    for item in ("自主吃饭", "自主穿衣", "自主上下床", "自主如厕", "室内自主行走", "自主洗澡"):
        assert item in t
    assert "半失能" in t and "分散" in t and "月供养金额" in t
    assert to_capital(75330) in t


def test_temporary_aid_form_prints_type_cause_and_advance_aid() -> None:
    """A temporary-aid form prints 急难型, the cause, the 先行救助 flag with its date and the 大写 amount."""
    data = S.application("temporary_aid")
    t = text(build_application_form(data))
    assert "急难型" in t and "住房失火" in t
    assert "先行救助" in t and "2026年2月18日已先行救助" in t
    assert to_capital(264600) in t


def test_form_accepts_domain_working_lines() -> None:
    """Working lines from reliefdesk.domain.benefits (label_zh/value) print like our own."""
    from reliefdesk.domain.benefits import WorkingLine as DomainLine

    data = replace(S.application(), working=(DomainLine("差额测试", "123.45 元"),))  # type: ignore[arg-type]
    t = text(build_application_form(data))
    assert "差额测试" in t and "123.45元" in t
    assert WorkingLine.from_domain(DomainLine("a", "b")) == WorkingLine("a", "b")


def test_opinion_blocks_leave_ink_space_when_e_approval_missing() -> None:
    """Without recorded opinions the blocks still print blank signer lines, seals and 年 月 日."""
    data = replace(S.application(), opinions=(Opinion("village", "", "", "", ""),))
    t = text(build_application_form(data))
    assert t.count("年月日") >= 2
    assert "经办人：" in t and "审核人：" in t and "负责人：" in t


def test_visit_record_has_signature_rows_for_investigators_and_members_present() -> None:
    """The visit record lists each investigator and each member present in its own signature row."""
    data = S.visit_record()
    t = text(build_visit_record(data))
    for label in (
        "家庭经济状况入户调查表",
        "调查方式",
        "实地入户",
        "住房情况",
        "车辆",
        "牲畜养殖",
        "土地情况",
        "月水电燃料费",
        "调查人员（签字）",
        "在场家庭成员",
        "签字或手印",
        "处理建议",
    ):
        assert label in t, label
    for name in data.investigators + data.members_present:
        assert t.count(name) >= 2  # in the header and in its signature row
    for m in data.members:
        assert m.id_number in t


def test_visit_record_refuses_fewer_than_two_investigators() -> None:
    """每组调查人员不得少于2人: a single investigator is rejected."""
    with pytest.raises(ValueError, match="2"):
        build_visit_record(replace(S.visit_record(), investigators=("李海燕",)))


def test_notice_prints_names_sizes_amounts_hotlines_and_qr_caption() -> None:
    """A 公示 prints each name, size and amount, the 12349 hotline, the township phone and the QR caption."""
    data = S.notice(8)
    t = text(build_notice(data))
    for e in data.entries:
        assert e.name in t and fen_to_yuan(e.amount_fen) in t and e.village in t
    assert "监督电话：12349" in t and data.office.phone in t
    assert "扫码查看救助政策" in t
    assert "2026年3月10日至2026年3月16日" in t


def test_notice_can_mask_names() -> None:
    """With mask_names=True the middle of each name is starred and the full name is absent."""
    data = S.notice(6)
    t = text(build_notice(data, mask_names=True))
    for e in data.entries:
        if len(e.name) == 3:
            assert e.name not in t
            assert e.name[0] + "*" + e.name[2] in t


def test_confirm_letter_prints_amount_in_capitals_start_month_and_qr() -> None:
    """确认通知书 prints the name, the amount with 大写, the start month and the QR caption."""
    data = S.decision_letter("confirm")
    t = text(build_decision_letter(data))
    assert "最低生活保障确认通知书" in t and "孙秀英：" in t
    assert "1038.00" in t and to_capital(103800) in t
    assert "自2026年4月起发放" in t and "扫码查看救助政策" in t and data.file_no in t


def test_refusal_letter_prints_reasons_and_three_working_day_rule() -> None:
    """不予确认告知书 prints every reason, the 3-working-day notice rule and the appeal routes."""
    data = S.decision_letter("refuse")
    t = text(build_decision_letter(data))
    assert "最低生活保障不予确认告知书" in t
    for r in data.reasons:
        assert re.sub(r"\s+", "", r) in t
    assert "3个工作日内" in t and "行政复议" in t and "行政诉讼" in t and "扫码查看救助政策" in t


def test_roster_masks_ids_and_accounts_by_default() -> None:
    """The roster printout masks IDs (first 6 + last 4) and accounts (last 4) unless asked otherwise."""
    data = S.roster(10)
    t = text(build_roster(data))
    for ln in data.lines:
        assert ln.id_number not in t and ln.account not in t
        assert ln.id_number[:6] + "********" + ln.id_number[-4:] in t
    full = text(build_roster(data, mask_ids=False, mask_accounts=False))
    for ln in data.lines:
        assert ln.id_number in full and ln.account in full


def test_roster_footer_totals_capitals_and_signatures() -> None:
    """The roster footer shows 户数/人数/金额 equal to the row sums, the 大写 total and the signature lines."""
    data = S.roster(25)
    paid = sum(x.paid_fen for x in data.lines)
    persons = sum(x.persons for x in data.lines)
    t = text(build_roster(data))
    assert f"合计：25户，{persons}人，实发金额¥{fen_to_yuan(paid)}元" in t
    assert to_capital(paid) in t
    for label in (
        "制表人：",
        "审核人：",
        "负责人：",
        "（单位公章）",
        "所属期：2026年4月",
        "制表日期：2026年4月3日",
    ):
        assert label in t, label
    for head in (
        "序号",
        "乡镇（街道）",
        "村（社区）",
        "公民身份号码",
        "保障类别",
        "保障人数",
        "本月应发",
        "补发/扣减",
        "实发金额",
        "社保卡号/银行账号",
        "开户行",
        "变动标志",
        "备注",
    ):
        assert head in t, head


def test_change_roster_prints_flags_reasons_and_net_change() -> None:
    """The 变动名册 prints each change flag and reason, old and new amounts and the net change in capitals."""
    data = S.change_roster(12)
    t = text(build_change_roster(data))
    for ln in data.lines:
        assert ln.change_flag in t and ln.reason in t
        assert fen_to_yuan(ln.new_fen) in t
    net = sum(ln.delta_fen for ln in data.lines)
    assert to_capital(abs(net)) in t


@pytest.mark.parametrize(
    "build",
    [
        lambda: build_application_form(S.application("tekun")),
        lambda: build_visit_record(S.visit_record()),
        lambda: build_notice(S.notice()),
        lambda: build_decision_letter(S.decision_letter("refuse")),
        lambda: build_roster(S.roster(5)),
        lambda: build_change_roster(S.change_roster(5)),
    ],
)
def test_documents_embed_a_truetype_font(build) -> None:  # type: ignore[no-untyped-def]
    """Every document embeds its Chinese font as TrueType (FontFile2), never relying on a viewer font."""
    assert "/FontFile2" in embedded_font_files(build())


def test_batch_numbers_pages_per_form() -> None:
    """A batch of forms is one PDF whose page footers restart at 第 1 页 for every form."""
    forms = [S.application("rural_dibao", seed=i) for i in range(1, 4)]
    single = len(PdfReader(io.BytesIO(build_application_form(forms[0]))).pages)
    pdf = build_batch(forms)
    pages = page_texts(pdf)
    assert len(pages) == 3 * single
    firsts = [p for p in pages if f"第1页共{single}页" in p]
    assert len(firsts) == 3
    for f in forms:
        assert any(f.file_no in p and f.applicant.name in p for p in pages)


def test_batch_rejects_empty_input() -> None:
    """An empty batch is an error rather than an empty PDF."""
    with pytest.raises(ValueError):
        build_batch([])
