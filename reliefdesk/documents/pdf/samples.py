"""Realistic, entirely fictitious sample data for previews, tests and benchmarks.

IDs carry a valid GB 11643 check digit; names, phones and accounts are invented.
"""

from __future__ import annotations

import random
from datetime import date

from ...domain.idnumber import check_digit
from ..forms_data import (
    SELF_CARE_ITEMS,
    ApplicationFormData,
    AssetItem,
    ChangeLine,
    ChangeRosterData,
    DecisionLetterData,
    IncomeItem,
    MemberSituation,
    NoticeData,
    NoticeEntry,
    Office,
    Opinion,
    PersonRow,
    Programme,
    RosterPrintData,
    RosterPrintLine,
    SelfCareItem,
    Supporter,
    VisitRecordData,
    WorkingLine,
)
from ._compat import fen_to_yuan

OFFICE = Office(
    county="汝州市",
    township="温泉镇",
    office_name="汝州市温泉镇人民政府",
    phone="0375-6512349",
    policy_url="https://www.ruzhou.gov.cn/mz/shjz",
)


def id_with_check(first17: str) -> str:
    """Append the GB 11643 check character to 17 digits (the rule lives in domain.idnumber)."""
    return first17 + check_digit(first17)


def random_id(rng: random.Random, birth_year: int | None = None) -> str:
    """A valid-looking Ruzhou (410482) ID number."""
    y = birth_year or rng.randint(1940, 2015)
    body = f"410482{y:04d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    return id_with_check(body)


SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = "建国秀英桂兰志强海燕春花玉梅红军丽娟明华淑珍金凤德胜永福小红国庆文静子涵浩然雨轩梓萱俊杰"
VILLAGES = ("温泉村", "北局村", "朱庄村", "菩提寺村", "大庄村", "西村", "刘湾村", "王村")


def random_name(rng: random.Random) -> str:
    """Two- or three-character Chinese name."""
    n = rng.choice((1, 2, 2))
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(n))


def random_phone(rng: random.Random) -> str:
    """11-digit mobile number."""
    return (
        rng.choice(("138", "139", "150", "151", "187", "135", "177"))
        + f"{rng.randint(0, 10**8 - 1):08d}"
    )


def random_account(rng: random.Random) -> str:
    """19-digit bank card number."""
    return "6228" + "".join(str(rng.randint(0, 9)) for _ in range(15))


def household(rng: random.Random, size: int | None = None) -> tuple[PersonRow, ...]:
    """A household; the first member is the applicant (本人)."""
    size = size or rng.randint(1, 5)
    head_age = rng.randint(35, 80)
    head = PersonRow(
        random_name(rng),
        "本人",
        random_id(rng, 2026 - head_age),
        rng.choice("男女"),
        head_age,
        rng.choice(("健康", "多病", "重病")),
        rng.choice(("", "", "肢体三级")),
        rng.choice(("有", "部分丧失", "完全丧失")),
        rng.choice(("务农", "灵活就业", "未登记失业")),
        "初中",
        rng.randint(0, 60000),
    )
    rels = ["配偶", "子女", "子女", "父母", "孙子女"]
    out = [head]
    for i in range(size - 1):
        age = rng.randint(3, 85)
        out.append(
            PersonRow(
                random_name(rng),
                rels[i % len(rels)],
                random_id(rng, 2026 - age),
                rng.choice("男女"),
                age,
                "健康",
                "",
                "有" if 18 <= age < 60 else "无",
                "在校" if age < 19 else rng.choice(("务农", "灵活就业")),
                "小学在读" if age < 13 else "",
                0 if age < 19 else rng.randint(0, 50000),
            )
        )
    return tuple(out)


def _opinions() -> tuple[Opinion, ...]:
    return (
        Opinion(
            "village",
            "村(居)委会意见",
            "村干部王秀英",
            "同意上报",
            "经入户了解，该户因病致贫，家庭收入低，情况属实。",
            date(2026, 3, 5),
        ),
        Opinion(
            "township",
            "乡镇审核意见",
            "李海燕",
            "同意",
            "经入户调查和信息核对，家庭月人均收入低于当地低保标准，财产状况符合规定，建议纳入。",
            date(2026, 3, 20),
        ),
        Opinion("county", "县级审核确认", "赵明华", "同意", "", date(2026, 3, 27)),
    )


def application(programme: Programme = "rural_dibao", seed: int = 1) -> ApplicationFormData:
    """A complete, approved application of the given programme."""
    rng = random.Random(seed)
    members = household(rng, 3)
    common = dict(
        office=OFFICE,
        file_no=f"WQ-2026-{seed:04d}",
        applied_on=date(2026, 3, 1),
        village="菩提寺村",
        address="汝州市温泉镇菩提寺村三组28号",
        phone=random_phone(rng),
        hukou_type="农业",
        investigators=("李海燕", "郭志强"),
        opinions=_opinions(),
        notice_start=date(2026, 3, 10),
        notice_end=date(2026, 3, 16),
        notice_result="无异议",
    )
    items = (
        IncomeItem("工资性收入", 60000, "配偶在镇上饭店帮工，每月约600元"),
        IncomeItem("种植养殖收入", 15000, "承包地2.5亩，种小麦玉米，年收入约1800元"),
        IncomeItem("转移性收入", 12000, "城乡居民基础养老金120元/月"),
    )
    assets = (
        AssetItem("住房", "自建砖混平房3间，约75平方米，无装修", None),
        AssetItem("车辆", "电动三轮车1辆", 150000),
        AssetItem("存款", "农商银行活期存款", 320000),
    )
    sup = (
        Supporter(
            "孙建国", "儿子", 45, 4, 320000, "在外务工，家庭人均收入较低，每月给付赡养费200元"
        ),
    )
    if programme == "tekun":
        person = PersonRow(
            "孙德胜",
            "本人",
            id_with_check("41048219480312301"),
            "男",
            78,
            "多病",
            "肢体二级",
            "完全丧失",
            "无",
            "小学",
            12000,
        )
        care = tuple(
            SelfCareItem(it, ok)
            for it, ok in zip(SELF_CARE_ITEMS, (True, True, False, True, False, False), strict=True)
        )
        return ApplicationFormData(
            programme="tekun",
            applicant=person,
            members=(person,),
            reason="本人年老体弱，无劳动能力、无生活来源，无法定赡养、扶养义务人，申请特困人员救助供养。",
            income_items=(IncomeItem("转移性收入", 12000, "城乡居民基础养老金120元/月"),),
            assets=(AssetItem("住房", "自建土坯房2间，约30平方米，年久失修", None),),
            supply_mode="分散",
            self_care=care,
            carer="侄子 孙永福（代养协议 WQ-DY-2026-012）",
            category="分散供养",
            amount_fen=75330,
            start_month="2026-04",
            working=(
                WorkingLine("基本生活标准", "573.30 元/月（农村低保标准441元 × 1.3）"),
                WorkingLine("照料护理标准", "180.00 元/月（半失能：最低工资1800元 × 10%）"),
                WorkingLine("月供养金额", "573.30 + 180.00 = 753.30 元"),
            ),
            **common,  # type: ignore[arg-type]
        )
    if programme == "temporary_aid":
        return ApplicationFormData(
            programme="temporary_aid",
            applicant=members[0],
            members=members,
            reason="2026年2月家中失火，房屋及生活用品损毁，生活陷入困境，申请临时救助。",
            income_items=items,
            assets=assets,
            supporters=sup,
            aid_type="急难",
            cause="住房失火，三间房屋烧毁两间，被褥衣物及口粮全部损毁",
            requested_fen=300000,
            advance_aid=True,
            advance_aid_date=date(2026, 2, 18),
            amount_fen=264600,
            category="急难型",
            working=(
                WorkingLine("计算公式", "城市低保月标准 × 救助人数 × 困难持续月数"),
                WorkingLine("代入", "882.00 元 × 3 人 × 1 个月 = 2646.00 元"),
            ),
            **common,  # type: ignore[arg-type]
        )
    std, inc = 44100, 9500
    n = sum(1 for m in members if m.counted)
    return ApplicationFormData(
        programme=programme,
        applicant=members[0],
        members=members,
        reason=(
            "本人常年患高血压、糖尿病，丧失大部分劳动能力，每月医药费约500元；配偶在镇上饭店帮工，收入微薄；"
            "儿子在读初中。家庭生活十分困难，特申请最低生活保障，请予审批。"
        ),
        income_items=items,
        assets=assets,
        supporters=sup,
        category="A类",
        amount_fen=(std - inc) * n,
        start_month="2026-04",
        working=(
            WorkingLine("低保标准", f"{fen_to_yuan(std)} 元/人·月"),
            WorkingLine("家庭月人均收入", f"{fen_to_yuan(inc)} 元"),
            WorkingLine(
                "差额", f"{fen_to_yuan(std)} - {fen_to_yuan(inc)} = {fen_to_yuan(std - inc)} 元"
            ),
            WorkingLine(
                "户月保障金额",
                f"{fen_to_yuan(std - inc)} × {n} 人 = {fen_to_yuan((std - inc) * n)} 元",
            ),
        ),
        **common,  # type: ignore[arg-type]
    )


def visit_record(seed: int = 1) -> VisitRecordData:
    """A visit record with two investigators and two members present."""
    rng = random.Random(seed)
    members = household(rng, 3)
    ms = tuple(
        MemberSituation(
            m.name,
            m.relation,
            m.id_number,
            m.health,
            m.disability,
            m.employment,
            (IncomeItem("工资性收入", m.monthly_income_fen),) if m.monthly_income_fen else (),
        )
        for m in members
    )
    return VisitRecordData(
        office=OFFICE,
        programme="rural_dibao",
        file_no="WQ-2026-0001",
        village="菩提寺村",
        applicant_name=members[0].name,
        address="汝州市温泉镇菩提寺村三组28号",
        visited_at=date(2026, 3, 4),
        mode="实地入户",
        investigators=("李海燕", "郭志强"),
        members_present=(members[0].name, members[1].name),
        members=ms,
        housing="自建房，砖混结构，3间约75平方米，简单粉刷，无装修",
        durable_goods="旧电视1台、冰箱1台、洗衣机1台",
        vehicles="电动三轮车1辆，无汽车、无大型农机",
        livestock="鸡8只",
        land="承包地2.5亩，无流转",
        supporters=(Supporter("孙建国", "儿子", 45, 4, 320000, "每月给付赡养费200元"),),
        spending=(
            WorkingLine("月水电燃料费", "约60元"),
            WorkingLine("月通讯费", "约30元"),
            WorkingLine("物业费", "无"),
            WorkingLine("非基本生活用品", "无"),
        ),
        opinion="经入户调查，该户居住条件简陋，户主长期患病，主要收入为配偶务工收入，家庭生活困难，所报情况基本属实。",
        recommendation="建议纳入农村最低生活保障，按A类保障。",
        investigator_units=("温泉镇社会事务办", "菩提寺村委会"),
    )


def notice(n: int = 12, seed: int = 1) -> NoticeData:
    """A 公示 sheet with ``n`` entries."""
    rng = random.Random(seed)
    entries = tuple(
        NoticeEntry(
            random_name(rng),
            rng.randint(1, 5),
            rng.randint(20000, 150000),
            rng.choice(VILLAGES),
            rng.choice(("农村低保", "城市低保", "特困 分散供养")),
        )
        for _ in range(n)
    )
    return NoticeData(
        OFFICE,
        "温泉镇2026年第3批最低生活保障拟确认对象公示",
        entries,
        date(2026, 3, 10),
        date(2026, 3, 16),
    )


def decision_letter(kind: str = "confirm") -> DecisionLetterData:
    """A confirm or refuse letter."""
    if kind == "confirm":
        return DecisionLetterData(
            OFFICE,
            "confirm",
            "孙秀英",
            "rural_dibao",
            103800,
            "2026-04",
            ("保障人数3人，保障类别A类。",),
            date(2026, 3, 27),
            "汝温民保字〔2026〕第018号",
        )
    return DecisionLetterData(
        OFFICE,
        "refuse",
        "王建国",
        "rural_dibao",
        None,
        "",
        (
            "经信息核对，你家庭成员名下登记小型轿车1辆（购置价格约12万元），超过当地财产状况规定；",
            "家庭月人均收入为612.50元，高于当地农村低保标准441.00元。",
        ),
        date(2026, 3, 27),
        "汝温民保字〔2026〕第019号",
    )


def roster(n: int = 40, seed: int = 1) -> RosterPrintData:
    """A monthly roster with ``n`` lines."""
    rng = random.Random(seed)
    lines = []
    for i in range(1, n + 1):
        persons = rng.randint(1, 5)
        std = 44100
        inc = rng.choice((0, 5000, 9500, 20000))
        due = (std - inc) * persons
        adj = rng.choice((0, 0, 0, 0, 5000, -3000))
        flag = rng.choice(("", "", "", "", "新增", "调增", "调减", "补发"))
        lines.append(
            RosterPrintLine(
                i,
                "温泉镇",
                rng.choice(VILLAGES),
                random_name(rng),
                random_id(rng),
                rng.choice(("农村低保A类", "农村低保B类")),
                persons,
                std,
                inc,
                due,
                adj,
                {5000: "补发3月差额", -3000: "多发扣回"}.get(adj, ""),
                due + adj,
                random_account(rng),
                "汝州农商银行温泉支行",
                flag,
                "",
            )
        )
    return RosterPrintData(
        OFFICE, "2026-04", "农村最低生活保障", tuple(lines), made_on=date(2026, 4, 3)
    )


def change_roster(n: int = 15, seed: int = 1) -> ChangeRosterData:
    """A 变动名册 with ``n`` lines."""
    rng = random.Random(seed)
    reasons = {
        "新增": "新审批纳入",
        "调增": "家庭成员患重病，收入减少",
        "调减": "子女就业，家庭收入增加",
        "停发": "户主死亡，家庭人均收入超标",
        "补发": "补发上月漏发",
    }
    lines = []
    for i in range(1, n + 1):
        flag = rng.choice(tuple(reasons))
        before = 0 if flag == "新增" else rng.randint(1, 4)
        after = 0 if flag == "停发" else max(1, before + rng.choice((-1, 0, 1)))
        prev = before * 34600
        new = {
            "新增": after * 34600,
            "停发": 0,
            "调增": prev + rng.randint(50, 300) * 100,
            "调减": max(prev - rng.randint(50, 300) * 100, 10000),
            "补发": prev,
        }[flag]
        after = after if flag in ("新增", "停发") else before
        lines.append(
            ChangeLine(
                i,
                rng.choice(VILLAGES),
                random_name(rng),
                random_id(rng),
                "农村低保",
                before,
                after,
                prev,
                new,
                flag,
                reasons[flag],
                "2026-04",
            )
        )
    return ChangeRosterData(
        OFFICE, "2026-04", "农村最低生活保障", tuple(lines), made_on=date(2026, 4, 3)
    )
