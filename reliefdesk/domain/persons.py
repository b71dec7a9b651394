"""Sensible defaults for a new member's labour capacity, schooling and employment, derived
from age (DOMAIN §3.1: under 16 or 60 and over counts as having no working capacity).

The clerk can always change them; these only keep a 14-year-old from being entered as
有劳动能力 because nobody touched the field.
"""

from __future__ import annotations

from dataclasses import dataclass

WORKING_AGE_FROM = 16  # 未满16周岁: no working capacity (特困供养人员认定办法 第五条)
WORKING_AGE_TO = 60  # 年满60周岁: no working capacity


@dataclass(frozen=True)
class PersonDefaults:
    labour_capacity: str  # full | partial | none
    schooling: str  # as written on the forms (学龄前, 小学在读...)
    employment: str  # 在校, 务农, 无...


def defaults_for_age(age: int) -> PersonDefaults:
    """Labour capacity, schooling and employment a clerk would usually enter at ``age``."""
    if age < 3:
        return PersonDefaults("none", "", "")
    if age < 6:
        return PersonDefaults("none", "学龄前", "")
    if age < 12:
        return PersonDefaults("none", "小学在读", "在校")
    if age < 15:
        return PersonDefaults("none", "初中在读", "在校")
    if age < WORKING_AGE_FROM:
        return PersonDefaults("none", "高中在读", "在校")
    if age < 18:
        return PersonDefaults("full", "高中在读", "在校")
    if age < WORKING_AGE_TO:
        return PersonDefaults("full", "", "务农")
    return PersonDefaults("none", "", "无")
