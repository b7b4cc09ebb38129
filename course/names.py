"""Synthetic debtor and contact names: random pairs of common surnames and given-name characters.

The names are drawn at random, never taken from a list of real people; any match with a real
person is coincidence. English-track debtors living in the United States get English names.
"""

from __future__ import annotations

import numpy as np

# Common surnames (by frequency in published surveys) and neutral given-name characters.
SURNAMES = np.array(
    list(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    )
)
GIVEN_MALE = np.array(list("伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳晨"))
GIVEN_FEMALE = np.array(list("芳娜敏静丽艳娟霞秀玲燕红梅琳雪倩颖慧婷洁晶莉蓉怡欣璐瑶佳月"))
EN_FIRST_MALE = np.array(
    ["James", "Michael", "David", "Daniel", "Kevin", "Brian", "Eric", "Jason", "Ryan", "Alex"]
)
EN_FIRST_FEMALE = np.array(
    ["Emily", "Sarah", "Jessica", "Ashley", "Amy", "Linda", "Grace", "Helen", "Karen", "Nicole"]
)
EN_LAST = np.array(
    ["Chen", "Wang", "Lee", "Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Wong"]
)


def chinese_name_parts(
    rng: np.random.Generator, female: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Surname and given name (one or two characters) per row, drawn independently."""
    n = len(female)
    surname = SURNAMES[rng.integers(0, len(SURNAMES), n)]
    male_pick = GIVEN_MALE[rng.integers(0, len(GIVEN_MALE), (2, n))]
    female_pick = GIVEN_FEMALE[rng.integers(0, len(GIVEN_FEMALE), (2, n))]
    first = np.where(female, female_pick[0], male_pick[0])
    second = np.where(female, female_pick[1], male_pick[1])
    two_chars = rng.random(n) < 0.7
    second = np.where(two_chars & (second != first), second, "")
    return surname, np.char.add(first, second)


def chinese_names(rng: np.random.Generator, female: np.ndarray) -> np.ndarray:
    """One synthetic Chinese name per row: surname + one or two given-name characters."""
    surname, given = chinese_name_parts(rng, female)
    return np.char.add(surname, given)


def english_names(rng: np.random.Generator, female: np.ndarray) -> np.ndarray:
    """One synthetic English name per row, for debtors living in the United States."""
    n = len(female)
    first = np.where(
        female,
        EN_FIRST_FEMALE[rng.integers(0, len(EN_FIRST_FEMALE), n)],
        EN_FIRST_MALE[rng.integers(0, len(EN_FIRST_MALE), n)],
    )
    last = EN_LAST[rng.integers(0, len(EN_LAST), n)]
    return np.char.add(np.char.add(first, " "), last)
