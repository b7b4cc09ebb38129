"""Accounts for the script-writing assignment: who is called, what is owed, and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "script_accounts.yaml"


@dataclass(frozen=True)
class Excuse:
    """An excuse the debtor will give, with its id in the course's excuse taxonomy."""

    id: str
    zh: str
    en: str


@dataclass(frozen=True)
class ScriptAccount:
    """One account a learner writes a call script for."""

    id: str
    stage: str
    stage_zh: str
    stage_en: str
    profile_zh: str
    profile_en: str
    debtor: str
    debtor_en: str
    creditor: str
    creditor_en: str
    agency: str
    agency_en: str
    product_zh: str
    product_en: str
    amount_due: Decimal
    dpd: int
    call_time: datetime
    channel_zh: str
    channel_en: str
    excuses: tuple[Excuse, ...]
    window_days: int = 2

    @property
    def window(self) -> tuple[date, date]:
        """First and last day a promise to pay may fall on (policy: within two days of the call)."""
        first = self.call_time.date()
        return first, first + timedelta(days=self.window_days)

    def _repr_html_(self) -> str:
        rows = [
            ("债务人 / Debtor", f"{self.debtor} ({self.debtor_en})"),
            ("阶段 / Stage", f"{self.stage_zh} / {self.stage_en}"),
            ("情况 / Situation", f"{self.profile_zh}<br>{self.profile_en}"),
            ("债权人 / Creditor", f"{self.creditor} ({self.creditor_en}) · {self.product_zh}"),
            ("催收机构 / Agency", f"{self.agency} ({self.agency_en})"),
            ("应还金额 / Amount due", f"{self.amount_due:,.2f} 元"),
            ("逾期天数 / DPD", str(self.dpd)),
            ("拨打时间 / Call time", self.call_time.strftime("%Y-%m-%d %H:%M (%a)")),
            ("官方渠道 / Official channel", f"{self.channel_zh}<br>{self.channel_en}"),
        ]
        rows += [(f"理由 / Excuse {e.id}", f"{e.zh}<br>{e.en}") for e in self.excuses]
        body = "".join(
            f"<tr><th style='text-align:left'>{k}</th><td style='text-align:left'>{v}</td></tr>"
            for k, v in rows
        )
        return f"<b>账户 / Account {self.id}</b><table>{body}</table>"


def _account(raw: dict, window_days: int) -> ScriptAccount:
    fields = dict(raw)
    fields["amount_due"] = Decimal(str(fields["amount_due"]))
    fields["call_time"] = datetime.fromisoformat(fields["call_time"])
    fields["excuses"] = tuple(Excuse(**e) for e in fields["excuses"])
    return ScriptAccount(**fields, window_days=window_days)


@cache
def _load(path: Path = DATA) -> dict[str, ScriptAccount]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    days = int(raw.get("window_days", 2))
    accounts = [_account(a, days) for a in raw["accounts"]]
    return {a.id: a for a in accounts}


def script_accounts() -> dict[str, ScriptAccount]:
    """The accounts of 02-script-writing by id ("A", "B", "C")."""
    return dict(_load())
