"""Charts of accounts as data files: the US feature layout (default) and a Vietnamese layout.

``load_chart("us-feature")`` reads a shipped chart from ``budget/data/charts/``; any other
value is a path to a chart of the user's own in the same YAML shape (see the shipped files).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from filmpark.budget.model import Account, AccountCategory, Chart
from filmpark.budget.yamlread import Reader, compose, line_of, read_data_file, shipped_names
from filmpark.errors import ConfigError
from filmpark.text import t

DATA = Path(__file__).resolve().parent / "data" / "charts"
DEFAULT_CHART = "us-feature"


def shipped_charts() -> tuple[str, ...]:
    return shipped_names(DATA)


def load_chart(name_or_path: str | Path, *, base: Path | None = None) -> Chart:
    """A shipped chart by key, or a chart file (relative paths resolve against ``base``)."""
    text, source = read_data_file(
        name_or_path, data=DATA, base=base, what=t("data.chart"), key="budget.chart"
    )
    return parse_chart(text, source)


def parse_chart(text: str, source: str) -> Chart:
    reader = Reader(source)
    root = compose(text, source)
    if root is None:
        raise ConfigError(t("data.chart_empty"), source=source)
    top = reader.mapping(
        root,
        "",
        (
            "key",
            "name",
            "source",
            "contingency_percent",
            "bond_percent",
            "categories",
            "accounts",
            "roles",
        ),
        required=("key", "name", "categories", "accounts"),
    )
    categories: list[AccountCategory] = []
    for index, node in enumerate(reader.sequence(top["categories"], "categories")):
        path = f"categories[{index}]"
        item = reader.mapping(
            node, path, ("key", "en", "vi", "fringe_account"), required=("key", "en", "vi")
        )
        categories.append(
            AccountCategory(
                key=reader.text(item["key"], f"{path}.key"),
                label_en=reader.text(item["en"], f"{path}.en"),
                label_vi=reader.text(item["vi"], f"{path}.vi"),
                fringe_account=reader.text(item["fringe_account"], f"{path}.fringe_account")
                if "fringe_account" in item
                else None,
            )
        )
    category_keys = {c.key for c in categories}
    accounts: list[Account] = []
    seen: set[str] = set()
    for index, node in enumerate(reader.sequence(top["accounts"], "accounts")):
        path = f"accounts[{index}]"
        item = reader.mapping(
            node, path, ("code", "category", "en", "vi"), required=("code", "category", "en", "vi")
        )
        code = reader.text(item["code"], f"{path}.code")
        if code in seen:
            raise reader.fail(item["code"], f"{path}.code", t("chart.account_twice", code=code))
        seen.add(code)
        category = reader.choice(item["category"], f"{path}.category", sorted(category_keys))
        accounts.append(
            Account(
                code,
                reader.text(item["en"], f"{path}.en"),
                reader.text(item["vi"], f"{path}.vi"),
                category,
            )
        )
    for group in categories:
        if group.fringe_account and group.fringe_account not in seen:
            raise ConfigError(
                t(
                    "chart.fringe_account_missing",
                    account=group.fringe_account,
                    category=repr(group.key),
                ),
                key="categories",
                line=line_of(top["categories"]),
                source=source,
            )
    roles: list[tuple[str, str]] = []
    if "roles" in top:
        role_nodes = reader.mapping(top["roles"], "roles", _ROLE_NAMES)
        for role, node in role_nodes.items():
            code = reader.text(node, f"roles.{role}")
            if code not in seen:
                raise reader.fail(node, f"roles.{role}", t("chart.account_missing", code=code))
            roles.append((role, code))
    return Chart(
        key=reader.text(top["key"], "key"),
        name=reader.text(top["name"], "name"),
        categories=tuple(categories),
        accounts=tuple(sorted(accounts, key=lambda a: (_order(categories, a.category), a.code))),
        contingency_percent=reader.decimal(top["contingency_percent"], "contingency_percent")
        if "contingency_percent" in top
        else Decimal(10),
        bond_percent=reader.decimal(top["bond_percent"], "bond_percent")
        if "bond_percent" in top
        else Decimal(0),
        source=reader.text(top["source"], "source") if "source" in top else "",
        roles=tuple(roles),
    )


def _order(categories: list[AccountCategory], key: str) -> int:
    return next(i for i, c in enumerate(categories) if c.key == key)


# The roles schedule-driven lines and rate cards post to (a chart maps each to an account).
_ROLE_NAMES = (
    "producer",
    "director",
    "cast",
    "travel",
    "production_staff",
    "extras",
    "art",
    "set_operations",
    "catering",
    "special_effects",
    "props",
    "wardrobe",
    "makeup_hair",
    "electrical",
    "camera",
    "sound",
    "transport",
    "locations",
    "picture_vehicles",
    "stage",
    "media",
    "editorial",
    "post_lab",
    "music",
    "post_sound",
    "vfx",
    "insurance",
    "overhead",
    "legal",
)
ROLE_NAMES = _ROLE_NAMES
