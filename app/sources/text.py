"""The words of a text: entity names normalised for matching, appeals cut into terms by jieba (offline).

jieba's dictionary ships with the package; it is loaded once, on first use (about a second), so a
program that never looks for similar matters never pays for it.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from functools import lru_cache

from app.county import pinyin_initials

MAX_TERM = 32  # similarity_terms.term
MAX_TERMS = 60  # terms kept from one matter: an appeal of 20,000 characters must not flood the index

# Legal-form and role words that make "XX置业", "XX置业有限公司" and "XX置业公司" one name.
_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "分公司",
    "公司",
    "集团",
    "小区开发商",
    "开发商",
    "项目部",
)
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
# Words in nearly every appeal: they say nothing about which problem it is.
_STOPWORD_TEXT = """
    反映 要求 请求 问题 处理 解决 依法 依规 相关 部门 我们 他们 没有 一直 至今 已经 多次 希望 政府 给予 进行
    其中 以及 因为 所以 但是 还是 如果 这个 那个 什么 怎么 情况 事情 有关 对于 关于 按照 根据 目前 现在 之前
    以后 至今未 未能 不能 无法 可以 应当 需要 协调 尽快 及时 落实 督促 核实 调查 本人 家人 村民 群众 来访
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_lock = threading.Lock()


def normalize_name(name: str) -> str:
    """An entity name as matched: NFKC, lower case, no punctuation or spaces, legal-form suffixes removed."""
    text = _PUNCT.sub("", unicodedata.normalize("NFKC", name)).lower()
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix):
                text, changed = text[: -len(suffix)], True
    return text


def name_initials(name: str) -> str:
    """鑫盛置业 → xszy: type-ahead by pinyin initials."""
    return pinyin_initials(normalize_name(name))


@lru_cache(maxsize=1)
def _jieba() -> object:
    with _lock:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        return jieba


def warm() -> None:
    """Load the dictionary now, off the clerk's path: the window does it in the background at start-up."""
    _jieba()


def terms(text: str) -> list[str]:
    """The distinct content words of ``text`` in order of first occurrence (two characters or more)."""
    cut = _jieba().lcut(unicodedata.normalize("NFKC", text))  # type: ignore[attr-defined]
    seen: dict[str, None] = {}
    for word in cut:
        word = word.strip().lower()
        if _is_term(word):
            seen.setdefault(word[:MAX_TERM], None)
    return list(seen)[:MAX_TERMS]


def _is_term(word: str) -> bool:
    if len(word) < 2 or word in STOPWORDS:
        return False
    if word.isascii() and not word.isalpha():
        return False  # numbers, amounts, dates: they differ from matter to matter
    return not _PUNCT.fullmatch(word)
