"""The words of the case workflow: states, actions, their labels and permissions, and the
legal rules quoted in refusals.

Split from :mod:`reliefdesk.domain.workflow` (which re-exports every public name here): the
vocabulary the state machine speaks, kept apart from the machine itself. Pure: stdlib only.
"""

from __future__ import annotations

from enum import StrEnum

from .programmes import DIBAO


def is_dibao(programme: str) -> bool:
    return programme in DIBAO


class State(StrEnum):
    """Application states; the values are the stored codes."""

    ACCEPTED = "accepted"
    INVESTIGATING = "investigating"
    PRELIM_REVIEW = "prelim_review"
    PUBLICITY = "publicity"
    OBJECTION_REVIEW = "objection_review"
    AWAITING_CONFIRMATION = "awaiting_confirmation"
    APPROVED = "approved"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    TERMINATED = "terminated"

    @property
    def label_zh(self) -> str:
        return STATE_LABELS[self]


STATE_LABELS: dict[str, str] = {
    State.ACCEPTED: "已受理",
    State.INVESTIGATING: "调查中",
    State.PRELIM_REVIEW: "初审",
    State.PUBLICITY: "公示中",
    State.OBJECTION_REVIEW: "复查/民主评议",
    State.AWAITING_CONFIRMATION: "待审核确认",
    State.APPROVED: "确认同意",
    State.REFUSED: "不予确认",
    State.WITHDRAWN: "撤回",
    State.TERMINATED: "终止审核",
}
FINAL_STATES = frozenset({State.APPROVED, State.REFUSED, State.WITHDRAWN, State.TERMINATED})
OPEN_STATES = frozenset(s for s in State if s not in FINAL_STATES)


class Action(StrEnum):
    """What a user can do to an application; the values are the stored codes."""

    START_INVESTIGATION = "start_investigation"
    REQUEST_INFO_CHECK = "request_info_check"
    RECORD_INFO_CHECK = "record_info_check"
    RECORD_VISIT = "record_visit"
    SUBMIT_PRELIM = "submit_prelim"
    START_PUBLICITY = "start_publicity"
    RECORD_OBJECTION = "record_objection"
    RESOLVE_OBJECTION = "resolve_objection"
    FINISH_PUBLICITY = "finish_publicity"
    CONFIRM = "confirm"
    RECORD_NOTICE = "record_notice"  # 不予确认 written notice delivered
    COMPLETE_PAPERWORK = "complete_paperwork"  # 先行救助: signatures and seals completed
    RECORD_COUNTY_APPROVAL = "record_county_approval"  # temporary aid above the township limit
    RECORD_CASE_BY_CASE = "record_case_by_case"  # 一事一议 decision above its threshold
    RECORD_COUNTY_VISIT = "record_county_visit"  # county's own visit, near-relative cases
    AUTHORISE_GREEN = "authorise_green"  # dibao 特事特办/先行纳入
    STOP_GREEN = "stop_green"  # 先行纳入 stopped: the ordinary steps were not done in time
    WITHDRAW = "withdraw"
    TERMINATE_NONCOOPERATION = "terminate_noncooperation"

    @property
    def label_zh(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS: dict[str, str] = {
    Action.START_INVESTIGATION: "开始调查",
    Action.REQUEST_INFO_CHECK: "申请信息核对",
    Action.RECORD_INFO_CHECK: "登记核对结果",
    Action.RECORD_VISIT: "登记入户调查",
    Action.SUBMIT_PRELIM: "提交初审意见",
    Action.START_PUBLICITY: "开始公示",
    Action.RECORD_OBJECTION: "登记公示异议",
    Action.RESOLVE_OBJECTION: "复查/民主评议完成",
    Action.FINISH_PUBLICITY: "公示结束",
    Action.CONFIRM: "审核确认",
    Action.RECORD_NOTICE: "登记书面告知",
    Action.COMPLETE_PAPERWORK: "补齐手续",
    Action.WITHDRAW: "撤回申请",
    Action.TERMINATE_NONCOOPERATION: "终止审核",
    Action.RECORD_COUNTY_APPROVAL: "登记县级审批",
    Action.RECORD_CASE_BY_CASE: "登记一事一议",
    Action.RECORD_COUNTY_VISIT: "登记县级入户调查",
    Action.AUTHORISE_GREEN: "特事特办先行纳入",
    Action.STOP_GREEN: "先行纳入逾期停发",
}

ACTION_PERMISSIONS: dict[str, str] = {
    Action.START_INVESTIGATION: "case.investigate",
    Action.REQUEST_INFO_CHECK: "case.investigate",
    Action.RECORD_INFO_CHECK: "case.investigate",
    Action.RECORD_VISIT: "case.investigate",
    Action.SUBMIT_PRELIM: "case.prelim",
    Action.START_PUBLICITY: "case.publicity",
    Action.RECORD_OBJECTION: "case.publicity",
    Action.RESOLVE_OBJECTION: "case.prelim",
    Action.FINISH_PUBLICITY: "case.publicity",
    Action.CONFIRM: "case.confirm",
    Action.RECORD_NOTICE: "case.close",
    Action.COMPLETE_PAPERWORK: "case.investigate",
    Action.WITHDRAW: "case.close",
    Action.TERMINATE_NONCOOPERATION: "case.close",
    Action.RECORD_COUNTY_APPROVAL: "case.prelim",
    Action.RECORD_CASE_BY_CASE: "case.prelim",
    Action.RECORD_COUNTY_VISIT: "case.investigate",
    Action.AUTHORISE_GREEN: "case.confirm",
    Action.STOP_GREEN: "case.confirm",
}

# Role → permissions: the one table in :mod:`reliefdesk.domain.roles` (re-exported here).

_D = "民发〔2021〕57号"  # 最低生活保障审核确认办法
_T = "民发〔2021〕43号"  # 特困人员认定办法
_A = "民发〔2018〕23号"  # 关于进一步加强和改进临时救助工作的意见

RULES: dict[str, str] = {
    "no_direct_add": f"{_D} 第二十八条",
    "investigate": f"{_D} 第十五条",
    "visit_two": f"{_D} 第十六条",
    "info_check": f"{_D} 第十七条",
    "publicity": f"{_D} 第十九条",
    "confirm": f"{_D} 第二十条",
    "decision": f"{_D} 第二十一条",
    "total": f"{_D} 第二十二条",
    "noncooperation": f"{_D} 第二十九条",
    "tekun_investigate": f"{_T} 第十三条",
    "tekun_review": f"{_T} 第十四条",
    "tekun_publicity": f"{_T} 第十五条",
    "tekun_confirm": f"{_T} 第十六条",
    "tekun_self_care": f"{_T} 第二十条",
    "temp_advance": f"{_A} 第二条第（二）项",
    "separation": "社会救助经办审核审批分离原则（审批人不得审核确认本人受理、调查或初审的申请）",
    "temp_limit": f"{_A} 第二条第（三）项；《社会救助暂行办法》第四十八条",
    "case_by_case": f"{_A} 第二条第（三）项（一事一议）",
    "county_visit": f"{_D} 第二十条（单独登记备案的近亲属，县级须入户调查）",
    "green_dibao": f"{_D} 第二十八条（特事特办须经授权并在期限内补齐程序）",
}


def _rule(programme: str, key: str) -> str:
    """The rule text for a step, taken from the programme's own regulation where it has one."""
    if programme == "tekun":
        alt = {
            "investigate": "tekun_investigate",
            "publicity": "tekun_publicity",
            "confirm": "tekun_confirm",
            "decision": "tekun_confirm",
            "info_check": "tekun_investigate",
            "visit_two": "tekun_investigate",
        }.get(key)
        if alt:
            return RULES[alt]
    if programme == "temporary_aid" and key in ("info_check", "publicity"):
        return f"{RULES['temp_advance']}；{RULES[key]}"
    return RULES[key]


#: How a 入户调查 or 巡访 visit was made (the stored codes and their words).
VISIT_MODES: dict[str, str] = {"onsite": "实地入户", "phone": "电话", "video": "视频"}
