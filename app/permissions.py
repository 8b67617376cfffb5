"""The permission table, as data: which role may do what, and which permission each service method needs.

`python -m app permissions` prints it. The guard (app/access.py) refuses any public method not listed here,
so a method added to a service is unusable until someone decides who may call it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.accounts import Role

ALL = frozenset(Role)
CHIEF_UP = frozenset({Role.CHIEF, Role.ADMIN})
ADMIN = frozenset({Role.ADMIN})


@dataclass(frozen=True)
class Permission:
    label: str  # 中文, shown in refusals and in the printed table
    roles: frozenset[Role]


PUBLIC = "public"  # needs no sign-in: whether the first-run setup is due

PERMISSIONS: dict[str, Permission] = {
    PUBLIC: Permission("无需登录：是否已有账号（决定是否首次设置）", ALL),
    "view": Permission("查阅事项、来访人和统计（号码脱敏）", ALL),
    "register": Permission("登记来访", ALL),
    "print": Permission("打印回执和文书", ALL),
    "case_window": Permission("窗口办理：当场答复、受理审查、签收、反馈、退回、评价、复查复核申请", ALL),
    "case_decide": Permission(
        "决定与交办：受理、不予受理、转送、交办、延期、答复、办结、合并、复查复核", CHIEF_UP
    ),
    "leaders": Permission("包案领导与领导接访日", CHIEF_UP),
    "supervise": Permission("督办", CHIEF_UP),
    "calendar": Permission("节假日、期限规则和期限调整", CHIEF_UP),
    "reveal": Permission("查看完整身份证号和电话", CHIEF_UP),
    "export": Permission("导出台账和上报数据", CHIEF_UP),
    "report": Permission("导出统计报表（只有数字，没有个人信息）", ALL),
    "export_person": Permission("为来访人导出其本人的完整记录", CHIEF_UP),
    "import": Permission("导入旧台账", CHIEF_UP),
    "audit": Permission("查看和校验审计日志", CHIEF_UP),
    "backup": Permission("备份与完整性检查", ALL),
    "restore": Permission("恢复备份和设置备份文件夹", ADMIN),
    "sources_decide": Permission("合并被反映对象、专项治理和问责建议函", CHIEF_UP),
    "sources_manage": Permission("设置热点预警阈值", ADMIN),
    "settings": Permission("修改单位设置", ADMIN),
    "accounts": Permission("管理账号", ADMIN),
    "internal": Permission("仅供程序内部使用（以他人名义写审计记录）", frozenset()),
    "sign_for_others": Permission("以其他接待员的名义署名（补录、导入历史记录）", ADMIN),
}

# service on the Desk → public method → permission. Every public method must be here (a test checks).
METHODS: dict[str, dict[str, str]] = {
    "settings": {"get": "view", "save": "settings"},
    "reference": {"names": "view", "known": "view"},
    "intake": {"register_visit": "register", "register_many": "register", "validate": "register"},
    "recognition": {"history": "view", "history_for_id": "view", "suggest": "view"},
    "matters": {
        "count": "view",
        "detail": "view",
        "page": "view",
        "search": "view",
        "summaries": "view",
        "summaries_by_no": "view",
        "visits_by_ids": "view",
        "visits_on": "view",
    },
    "slips": {
        "prepare_slip": "print",
        "record_print": "print",
        "write_slip": "print",
        "discard": "print",
        "print_count": "view",
        "slip_data": "print",
    },
    "cases": {
        **dict.fromkeys(("allowed_actions", "case_file", "leaders", "reception_days"), "view"),
        **dict.fromkeys(
            (
                "answer_on_spot",
                "start_review",
                "sign_for",
                "feedback",
                "return_assignment",
                "rate",
                "request_review",
                "request_rereview",
            ),
            "case_window",
        ),
        **dict.fromkeys(
            (
                "accept",
                "refuse",
                "refuse_again",
                "forward",
                "assign",
                "start_handling",
                "extend",
                "reply",
                "close",
                "merge",
                "start_review_case",
                "review_decision",
                "start_rereview",
                "rereview_decision",
                "record_upper_assignment",
                "report_upper_assignment",
            ),
            "case_decide",
        ),
        "link_visit_to_reception_day": "register",
        **dict.fromkeys(("add_leader", "schedule_reception_day", "set_leaders"), "leaders"),
    },
    "holidays": {
        **dict.fromkeys(("calendar", "days", "warnings", "years"), "view"),
        **dict.fromkeys(("mark_announced", "remove_day", "set_day", "seed_if_empty"), "calendar"),
    },
    "deadline_rules": {"rules": "view", "update": "calendar", "seed_if_empty": "calendar"},
    "deadlines": {"explain": "view", "info": "view", "override": "calendar"},
    "supervision": {
        **dict.fromkeys(("board", "board_slice", "mine", "mine_slice", "summary", "supervisions"), "view"),
        "raise_supervision": "supervise",
        "resolve": "supervise",
    },
    "notices": {
        "history": "view",
        "prepare": "print",
        "record_print": "print",
        "write_notice": "print",
        "discard": "print",
    },
    "tally": {"cell_visits": "view", "export": "report", "range": "view", "trend": "view", "week": "view"},
    "ledger": {"rows": "export", "write": "export"},
    "exchange": {"export": "export"},
    "importing": {"dry_run": "import", "run": "import"},
    "accounts": {
        "has_accounts": PUBLIC,
        "list": "accounts",
        "create": "accounts",
        "create_first_admin": PUBLIC,
        "set_password": "accounts",
        "set_active": "accounts",
        "unlock": "accounts",
    },
    "audit": {
        "entries": "audit",
        "count": "audit",
        "verify": "audit",
        "record": "audit",
        "record_as": "internal",
        "entry": "internal",  # the guard's own: an audited call's entry, chained with its write
        "carried": "internal",
    },
    "privacy": {"reveal": "reveal", "export_person": "export_person"},
    "backups": {
        "backup": "backup",
        "check": "backup",
        "due_backups": "backup",
        "run_scheduled": "backup",
        "folder": "backup",
        "config": "backup",
        "restore": "restore",
        "configure": "restore",
    },
    "drafts": {"load": "register", "save": "register", "clear": "register"},
    # 追根溯源 (desk.sources.*): the intake links what a matter is raised against; the chief decides the rest
    "sources.entities": {
        **dict.fromkeys(("all", "entity", "matters_of", "suggest"), "view"),
        **dict.fromkeys(("create", "add_alias"), "register"),
        "merge": "sources_decide",
    },
    "sources.similarity": {"similar_open": "view"},
    "sources.groups": {
        **dict.fromkeys(("all", "group_of", "members"), "view"),
        **dict.fromkeys(("create", "add", "remove"), "register"),
    },
    "sources.hotspots": {
        **dict.fromkeys(("board", "thresholds"), "view"),
        **dict.fromkeys(("set_thresholds", "reset"), "sources_manage"),
    },
    "sources.campaigns": {
        **dict.fromkeys(("campaigns", "progress"), "view"),
        **dict.fromkeys(("create", "add_targets", "tag"), "sources_decide"),
    },
    "sources.backlog": {"backlog": "view"},
    "sources.assessment": {"assess": "view", "export": "export"},
    "sources.letters": {"facts": "view", "draft": "sources_decide"},
}

# what the guard writes to the audit log after a successful call (writes are logged anyway)
AUDITED = {
    ("slips", "record_print"): "print",
    ("slips", "write_slip"): "print",
    ("notices", "record_print"): "print",
    ("notices", "write_notice"): "print",
    ("ledger", "write"): "export",
    ("exchange", "export"): "export",
    ("tally", "export"): "export",
    ("importing", "run"): "import",
    ("sources.assessment", "export"): "export",
    ("sources.letters", "draft"): "print",
    ("backups", "backup"): "backup",
    ("backups", "restore"): "restore",
}


def allowed(role: Role, permission: str) -> bool:
    return role in PERMISSIONS[permission].roles


def table_text() -> str:
    """The table as printed by `python -m app permissions`."""
    roles = list(Role)
    lines = ["权限 | " + " | ".join(r.label for r in roles) + " | 说明"]
    for name, entry in PERMISSIONS.items():
        marks = " | ".join("✓" if r in entry.roles else "—" for r in roles)
        lines.append(f"{name} | {marks} | {entry.label}")
    lines.append("")
    lines.append("服务方法 → 权限")
    for service, methods in METHODS.items():
        for method, permission in sorted(methods.items()):
            lines.append(f"{service}.{method} → {permission}")
    return "\n".join(lines)
