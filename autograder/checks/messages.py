"""Bilingual feedback texts of the script-writing and compliance-review checks (one catalogue)."""

from __future__ import annotations

import re

# Category ids (autograder.review.model.CATEGORIES) with their names in both languages.
CATEGORY_NAMES: dict[str, tuple[str, str]] = {
    "threat": ("威胁恐吓", "threat"),
    "abuse": ("辱骂贬低", "abuse"),
    "impersonation": ("冒充身份", "impersonation"),
    "false_legal_claim": ("夸大或虚构法律后果", "false legal claim"),
    "third_party_disclosure": ("向第三人透露债务", "third-party disclosure"),
    "harassment": ("骚扰", "harassment"),
    "private_payment": ("私人收款", "private payment"),
    "unauthorized_waiver": ("擅自减免承诺", "unauthorised waiver"),
    "privacy": ("侵犯隐私", "privacy"),
}

# Script element ids (autograder.review.model.ELEMENTS) with their names in both languages.
ELEMENT_NAMES: dict[str, tuple[str, str]] = {
    "self_identification": ("自我介绍（姓名、公司、受谁委托）", "self-identification"),
    "right_party_check": ("核实本人（不索取完整证件号）", "right-party check"),
    "purpose": ("说明来电目的（欠款金额、逾期情况）", "purpose of the call"),
    "open_question": ("开放式提问（了解情况）", "open question"),
    "closed_question_day": (
        "封闭式提问，要求具体日期（今天还是明天？）",
        "closed question for a day",
    ),
    "recap": ("复述确认：金额 + 日期 + 官方渠道", "recap: amount + day + official channel"),
    "closing": ("礼貌结束通话", "closing"),
}

T: dict[str, tuple[str, str]] = {
    # shape of the answer
    "not_text": ("答案应是一段文字（字符串）", "the answer must be text (a string)"),
    "empty": ("答案是空的：请写出你要说的话", "the answer is empty: write what you would say"),
    "too_short": (
        "太短了：至少写 {min} 个字符（现在 {n} 个）",
        "too short: write at least {min} characters (now {n})",
    ),
    "too_long": (
        "太长了：最多 {max} 个字符（现在 {n} 个）——电话里说得简洁才有效",
        "too long: at most {max} characters (now {n}) — on the phone, brief works",
    ),
    "length_ok": ("长度合适（{n} 个字符）", "sensible length ({n} characters)"),
    # elements
    "element_ok": ("包含：{name}", "present: {name}"),
    "element_missing": ("缺少：{name}。{hint}", "missing: {name}. {hint}"),
    # flags
    "flag": (
        "违规［{cat}］（{where}）：「{quote}」——{why} 合规说法：{suggestion}",
        "prohibited [{cat_en}] ({where_en}): “{quote}” — {why_en} Compliant: {suggestion_en}",
    ),
    "whole_call": ("整通电话", "the whole call"),
    "turn_n": ("第 {n} 句", "turn {n}"),
    "no_flags": ("没有发现违规话语", "no prohibited language found"),
    "flag_cost": (
        "每处违规扣 {pct}% 的分数（共 {n} 处）",
        "each prohibited phrase costs {pct}% of the marks ({n} found)",
    ),
    # commitment
    "commitment_ok": (
        "还款承诺：{due}（{quote}），在政策期限 {first} 至 {last} 之内",
        "promise to pay: {due} (“{quote}”), inside the policy window {first} to {last}",
    ),
    "commitment_late": (
        "还款日 {due} 不在政策期限 {first} 至 {last} 之内：争取两天内的具体日期",
        "the payment day {due} is outside the policy window {first} to {last}: "
        "ask for a concrete day within two days",
    ),
    "commitment_missing": (
        "没有找到带具体日期的还款承诺：用“今天还是明天？”问出日期，并在复述里说出这一天",
        "no promise tied to a calendar day: ask “today or tomorrow?” and say that day in your recap",
    ),
    # windows question
    "window_ok": ("账户 {id}：最后期限 {last} 正确", "account {id}: last day {last} is right"),
    "window_wrong": (
        "账户 {id}：{given} 不对——从拨打时间起算两天（含拨打当天）",
        "account {id}: {given} is wrong — count two days from the call (the call's day is day 0)",
    ),
    "window_missing": ("缺少账户 {id} 的日期", "no date for account {id}"),
    "window_type": (
        "账户 {id} 的值 {given} 不是日期：应是 datetime.date，写成 date(年, 月, 日)，例如 date(2026, 1, 31)",
        "account {id}: {given} is not a date; it needs a datetime.date, written date(year, month, "
        "day), e.g. date(2026, 1, 31)",
    ),
    "window_not_mapping": (
        '答案应是字典，键为账户（{ids}），值为 datetime.date，例如 {{"A": date(2026, 1, 31)}}',
        "the answer must be a dict from account ({ids}) to a datetime.date, e.g. "
        '{{"A": date(2026, 1, 31)}}',
    ),
    # excuse answers
    "excuse_missing": ("缺少对理由 {id} 的回应", "no answer to excuse {id}"),
    "excuse_day_ok": (
        "理由 {id}：回应把对话带回到具体日期",
        "excuse {id}: the answer steers back to a day",
    ),
    "excuse_no_day": (
        "理由 {id}：回应没有回到具体日期——用封闭式问题收尾，例如“您今天还是明天方便处理？”",
        "excuse {id}: the answer does not steer back to a day — end on a closed question such as "
        "“would today or tomorrow suit you?”",
    ),
    "excuse_strategy_ok": (
        "理由 {id}：回应针对了这个理由",
        "excuse {id}: the answer meets this excuse",
    ),
    "excuse_no_strategy": (
        "理由 {id}：回应没有针对这个理由。建议做法：{strategy_zh}",
        "excuse {id}: the answer does not meet this excuse. What works: {strategy_en}",
    ),
    "excuse_unknown_keys": (
        "这些键不是要回应的理由编号：{keys}；键要与编号完全一致：{ids}",
        "these keys are not the excuse ids to answer: {keys}; use exactly these ids: {ids}",
    ),
    "excuse_prefix": ("理由 {id}：", "excuse {id}: "),
    "not_mapping": (
        "答案应是字典，键是理由编号（{ids}），值是你的回应",
        "the answer must be a dict from excuse id ({ids}) to your answer",
    ),
    # compliance review: labels
    "labels_type": (
        "labels 应是字典 {{(对话编号, 句子编号): {{类别, ...}}}}，或含 transcript、turn、category 列的 DataFrame",
        "labels must be a dict {{(transcript_id, turn_index): {{category, ...}}}} or a DataFrame "
        "with columns transcript, turn, category",
    ),
    "labels_bad_key": (
        '键 {key!r} 不对：应是 (对话编号, 句子编号)，例如 ("S1", 4)',
        'key {key!r} is not right: use (transcript_id, turn_index), e.g. ("S1", 4)',
    ),
    "labels_bad_transcript": ("没有编号为 {tid!r} 的对话", "there is no transcript {tid!r}"),
    "labels_bad_turn": (
        "对话 {tid} 没有第 {turn} 句（从 0 数到 {last}）",
        "transcript {tid} has no turn {turn} (count from 0 to {last})",
    ),
    "labels_bad_category": (
        "{cat!r} 不是类别编号；可用：{ids}",
        "{cat!r} is not a category id; use one of: {ids}",
    ),
    "labels_not_collector": (
        "有 {n} 个标注落在客户或第三人的话上：只有催收员的话才可能违规",
        "{n} labels sit on the debtor's or a third party's words: only the collector's words can break the rules",
    ),
    "labels_counts": (
        "{group}：{n_turns} 句被标注，共 {n} 个（句子, 类别）标签",
        "{group}: {n_turns} turns labelled, {n} (turn, category) labels in all",
    ),
    "labels_empty": (
        "这一组还没有任何标注",
        "nothing is labelled in this group yet",
    ),
    "labels_score": (
        "精确率 {precision:.0%}（{hit}/{n} 个标签正确），召回率 {recall:.0%}（找出 {hit}/{total} 处违规），F1 = {f1:.2f}",
        "precision {precision:.0%} ({hit}/{n} labels right), recall {recall:.0%} "
        "({hit}/{total} violations found), F1 = {f1:.2f}",
    ),
    "labels_precision_hint": (
        "有 {k} 个标签不在答案里：如实告知征信、合同罚息、“可依合同采取法律措施”、政策内分期、只请第三人转告回电，都是合法的",
        "{k} labels are not in the key: truthful credit-report and contractual-interest statements, "
        "“may take legal action under the contract”, policy instalments and asking a contact only "
        "for a call-back are lawful",
    ),
    "labels_recall_hint": (
        "还有 {k} 处违规没标出：再读一遍催收员的每一句，也看看通话时间和对谁说的",
        "{k} violations are still unlabelled: reread every collector turn, and mind the call's time "
        "and who is listening",
    ),
    "labels_all": ("这一组全部标对了", "every label in this group is right"),
    # compliance review: rewrites
    "rewrite_same": (
        "改写与原句相同：请重新措辞",
        "the rewrite is the original turn: say it differently",
    ),
    "rewrite_clean": ("引擎没有发现违规", "the engine finds no prohibited language"),
    "rewrite_job_ok": ("改写仍然完成了任务：{job}", "the rewrite still does its job: {job}"),
    "rewrite_job_missing": ("改写没有完成任务：{job}", "the rewrite no longer does its job: {job}"),
    # compliance review: regulations and lawful calls
    "mapping_type": (
        "答案应是字典 {{类别编号: 法规编号}}",
        "the answer must be a dict {{category_id: regulation_id}}",
    ),
    "mapping_bad_category": (
        "{cat!r} 不是类别编号",
        "{cat!r} is not a category id",
    ),
    "mapping_bad_regulation": (
        "类别 {cat} 的 {reg!r} 不是列表中的法规编号",
        "{reg!r} for {cat} is not a regulation id from the list",
    ),
    "mapping_missing": ("还有 {k} 个类别没有配对", "{k} categories are not matched yet"),
    "mapping_score": ("{right}/{total} 个配对正确", "{right}/{total} matches are right"),
    "lawful_type": (
        '答案应是对话编号的集合，例如 {{"S1", "E2"}}',
        'the answer must be a set of transcript ids, e.g. {{"S1", "E2"}}',
    ),
    "lawful_bad_id": ("没有编号为 {tid!r} 的对话", "there is no transcript {tid!r}"),
    "lawful_score": (
        "你选了 {n} 个对话，其中 {hit} 个确实全程合法；合法对话共 {total} 个",
        "you chose {n} calls, {hit} of them wholly lawful; there are {total} lawful calls",
    ),
}


def text(msg: str, /, **values: object) -> tuple[str, str]:
    """The (Chinese, English) text for message `msg`, filled with `values`."""
    zh, en = T[msg]
    return zh.format(**values), en.format(**values)


_BASIS = re.compile(r"\s*（依据 / Basis: (?P<law>.*)）\s*$", re.S)


def split_bilingual(value: str) -> tuple[str, str]:
    """Split an engine text written "中文 / English" into its two halves (or use it for both).

    A trailing "（依据 / Basis: law）" (the engine's rule citation) goes to both halves, each in
    its own language, so the Chinese half keeps the reason and neither half mixes the two.
    """
    basis = _BASIS.search(value)
    if basis:
        value = value[: basis.start()]
    zh, sep, en = value.partition(" / ")
    zh, en = (zh.strip(), en.strip()) if sep else (value.strip(), value.strip())
    if basis:
        law = basis.group("law").strip()
        zh, en = f"{zh}（依据：{law}）", f"{en} (basis: {law})"
    return zh, en
