"""Static pools for the demo generator: surnames with realistic frequencies, given-name
characters by generation, village and community name parts, banks.

Surname weights are per-mille shares of the national population (2020 census order, rounded),
nudged towards Henan (郭, 马, 孙, 赵 are more common there). The polyphonic surnames 曾 (zēng),
单 (shàn) and 解 (xiè), a compound surname and a few rare characters are included on purpose so
that pinyin search and printing are exercised by ordinary demo data.
"""

from __future__ import annotations

SURNAME_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("王", 72),
    ("李", 71),
    ("张", 68),
    ("刘", 54),
    ("陈", 45),
    ("杨", 31),
    ("赵", 26),
    ("黄", 18),
    ("郭", 17),
    ("吴", 17),
    ("周", 19),
    ("孙", 17),
    ("马", 16),
    ("徐", 15),
    ("朱", 13),
    ("胡", 12),
    ("何", 9),
    ("高", 11),
    ("林", 6),
    ("罗", 8),
    ("郑", 9),
    ("梁", 8),
    ("谢", 7),
    ("宋", 9),
    ("唐", 6),
    ("许", 8),
    ("韩", 8),
    ("冯", 8),
    ("邓", 5),
    ("曹", 7),
    ("彭", 5),
    ("曾", 3),
    ("肖", 5),
    ("田", 7),
    ("董", 6),
    ("袁", 5),
    ("潘", 4),
    ("于", 5),
    ("蒋", 4),
    ("蔡", 4),
    ("余", 4),
    ("杜", 5),
    ("叶", 3),
    ("程", 5),
    ("苏", 4),
    ("魏", 5),
    ("吕", 4),
    ("丁", 4),
    ("任", 4),
    ("沈", 3),
    ("姚", 4),
    ("卢", 3),
    ("姜", 3),
    ("崔", 4),
    ("钟", 2),
    ("谭", 2),
    ("陆", 2),
    ("汪", 2),
    ("范", 4),
    ("金", 2),
    ("石", 3),
    ("廖", 2),
    ("贾", 4),
    ("夏", 3),
    ("付", 4),
    ("方", 2),
    ("白", 3),
    ("邹", 2),
    ("孟", 4),
    ("熊", 2),
    ("秦", 3),
    ("邱", 2),
    ("江", 2),
    ("尹", 2),
    ("薛", 3),
    ("闫", 4),
    ("段", 3),
    ("雷", 2),
    ("侯", 3),
    ("史", 3),
    ("陶", 2),
    ("贺", 2),
    ("毛", 2),
    ("郝", 3),
    ("邵", 2),
    ("万", 2),
    ("严", 2),
    ("武", 3),
    ("戴", 2),
    ("孔", 2),
    ("常", 3),
    ("牛", 3),
    ("樊", 3),
    ("葛", 2),
    ("邢", 2),
    ("乔", 2),
    ("庞", 2),
    ("聂", 1),
    ("岳", 2),
    ("翟", 2),
    ("申", 2),
    ("耿", 2),
    ("焦", 2),
    ("苗", 2),
    ("靳", 2),
    ("宁", 1),
    ("尚", 2),
    ("裴", 1),
    ("霍", 1),
    ("路", 1),
    ("单", 1.2),
    ("解", 1.0),
    ("司马", 0.3),
    ("欧阳", 0.3),
    ("亓", 0.15),
    ("逄", 0.1),
    ("郗", 0.1),
    ("璩", 0.05),
    ("蒯", 0.05),
)

#: Surnames placed on the first household heads so that even a tiny demo contains them.
FEATURED_SURNAMES = ("曾", "单", "解")

# Given-name characters by birth cohort and sex.
_OLD_M = "建国德福贵发全保占长春喜山水金成庆富宝永卫民海新东振红利志文明华平林树根"
_OLD_F = "秀英兰桂芳玉梅珍凤霞荣爱素翠菊香花红云琴风枝娥巧"
_MID_M = "伟强磊杰涛斌超辉鹏军勇峰刚明亮飞龙波鑫涛帅旭阳锋彬浩"
_MID_F = "丽娟艳敏静燕萍莉霞芳红玲婷倩丹雪洁晓慧颖佳娜"
_NEW_M = "浩宇轩博然子晨铭一梓睿俊泽皓杰辰奕航宸鑫嘉豪锦煜"
_NEW_F = "欣怡涵萱雨梦佳琪婷思可悦诗语梓若馨雅彤妍茜瑶"
#: Rare characters that need a font with extension coverage (and exercise pinyin fallbacks).
RARE_CHARS = "堃昇喆镕玥淼犇琇赟燚彧祎旻珺"


def given_pool(birth_year: int, male: bool) -> str:
    """The character pool for a given name of someone born in ``birth_year``."""
    if birth_year < 1970:
        return _OLD_M if male else _OLD_F
    if birth_year < 1995:
        return _MID_M if male else _MID_F
    return _NEW_M if male else _NEW_F


# Village name parts (汝州 villages: 寺上村, 鲁村村, 庙湾村 ...).
VILLAGE_PREFIXES = ("东", "西", "南", "北", "上", "下", "前", "后", "大", "小", "中", "新")
VILLAGE_SURNAMES = "王李张刘陈杨赵郭孙马朱胡高宋许韩冯曹田董程魏范贾孟段闫牛樊寺庙鲁"
VILLAGE_SUFFIXES = (
    "庄",
    "营",
    "寨",
    "沟",
    "岭",
    "店",
    "湾",
    "坡",
    "洼",
    "河",
    "桥",
    "屯",
    "楼",
    "窑",
    "园",
    "堂",
    "坪",
    "集",
    "岗",
    "村",
    "庙",
    "堰",
)
VILLAGE_NATURE = (
    "石",
    "柳",
    "杏",
    "桃",
    "枣",
    "槐",
    "柏",
    "杨",
    "梨",
    "松",
    "黄",
    "青",
    "白",
    "红",
    "马",
    "牛",
    "龙",
    "凤",
    "金",
    "银",
)
VILLAGE_NATURE_SUFFIX = ("树", "林", "园", "沟", "岭", "坡", "山", "泉", "河", "台", "庄", "峪")

COMMUNITY_NAMES = (
    "东关",
    "西关",
    "南关",
    "北关",
    "朝阳",
    "向阳",
    "望嵩",
    "广成",
    "丹阳",
    "青年路",
    "文化路",
    "人民路",
    "钟楼",
    "风穴",
    "汝瓷",
    "桂园",
    "龙山",
    "翠微",
    "紫云",
    "滨河",
    "东环",
    "西环",
    "府前",
    "新华",
    "健康",
    "幸福",
    "明珠",
    "汝河",
    "建设路",
    "团结",
    "和平",
    "光明",
    "花园",
    "锦绣",
    "春晖",
    "金桥",
    "温泉",
    "南环",
    "北环",
    "站前",
)

#: (bank name, card BIN prefix) used for 一卡通 accounts.
BANKS: tuple[tuple[str, str], ...] = (
    ("汝州农商银行", "623059"),
    ("中国农业银行", "622848"),
    ("中国邮政储蓄银行", "621799"),
)
BANK_WEIGHTS = (55, 25, 20)

DISABILITY_CATEGORIES = ("视力", "听力", "言语", "肢体", "智力", "精神", "多重")
DISABILITY_WEIGHTS = (12, 10, 3, 45, 12, 12, 6)

STAFF_NAMES = ("刘晓燕", "王建军", "张丽娟", "赵永刚", "孙海涛", "马红梅", "郭志强", "李静")
