"""Read YAML with line numbers: every error names the key path, the line and what was expected.

Budget settings, charts of accounts and rate cards are files people edit by hand; a typo must be
answered with ``production.yaml:42: 'budget.rates.dop': expected a number >= 0, got '-5'`` and
never with a silently substituted default. We compose the YAML node tree (which keeps marks)
and walk it instead of loading plain dicts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from filmpark.errors import ConfigError
from filmpark.units import CURRENCY_DECIMALS


def shipped_names(data: Path) -> tuple[str, ...]:
    """The keys of the data files shipped in ``data`` (file stems, sorted)."""
    return tuple(sorted(path.stem for path in data.glob("*.yaml")))


def read_data_file(
    name_or_path: str | Path, *, data: Path, base: Path | None, what: str, key: str
) -> tuple[str, str]:
    """The text and source of a shipped data file by key, or of a file of the user's own.

    Relative paths resolve against ``base`` (the config's folder). ``what`` names the kind of
    file in messages ("chart of accounts"), ``key`` the config key that chose it.
    """
    text_name = str(name_or_path)
    shipped = shipped_names(data)
    if text_name in shipped:
        path = data / f"{text_name}.yaml"
    else:
        path = Path(text_name)
        if not path.is_absolute() and base is not None:
            path = base / path
        if not path.is_file():
            raise ConfigError(
                f"no such {what} {text_name!r} (expected a file or one of: {', '.join(shipped)})",
                key=key,
            )
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the {what}: {error}", source=str(path)) from None


def line_of(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def compose(text: str, source: str) -> yaml.Node | None:
    """The node tree of ``text`` (None for an empty document)."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = int(mark.line) + 1 if mark is not None else None
        raise ConfigError(
            f"not valid YAML: {error.problem or error}", line=line, source=source
        ) from None
    except yaml.YAMLError as error:
        raise ConfigError(f"not valid YAML: {error}", source=source) from None


class Reader:
    """Typed accessors over YAML nodes of one source file."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, node: yaml.Node | None, key: str, message: str) -> ConfigError:
        return ConfigError(
            message, key=key, line=line_of(node) if node else None, source=self.source
        )

    def mapping(
        self, node: yaml.Node, key: str, allowed: Iterable[str], required: Iterable[str] = ()
    ) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, key, "expected a mapping (key: value lines)")
        allowed_set = set(allowed)
        result: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            name = str(key_node.value)
            path = f"{key}.{name}" if key else name
            if name not in allowed_set:
                raise self.fail(
                    key_node,
                    path,
                    f"unknown key (expected one of: {', '.join(sorted(allowed_set))})",
                )
            if name in result:
                raise self.fail(key_node, path, "given twice")
            result[name] = value_node
        for name in required:
            if name not in result:
                raise self.fail(node, f"{key}.{name}" if key else name, "is required")
        return result

    def sequence(self, node: yaml.Node, key: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, key, "expected a list")
        return list(node.value)

    def _scalar(self, node: yaml.Node, key: str, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, key, f"expected {what}")
        return str(node.value)

    def text(self, node: yaml.Node, key: str, *, allow_empty: bool = False) -> str:
        value = self._scalar(node, key, "a text value").strip()
        if not value and not allow_empty:
            raise self.fail(node, key, "expected a non-empty text value")
        return value

    def decimal(
        self,
        node: yaml.Node,
        key: str,
        *,
        minimum: Decimal | None = Decimal(0),
        positive: bool = False,
    ) -> Decimal:
        raw = self._scalar(node, key, "a number").strip().replace("_", "").replace(",", "")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise self.fail(node, key, f"expected a number, got {raw!r}") from None
        if not value.is_finite():
            raise self.fail(node, key, f"expected a finite number, got {raw!r}")
        if positive and value <= 0:
            raise self.fail(node, key, f"expected a number > 0, got {raw}")
        if minimum is not None and value < minimum:
            raise self.fail(node, key, f"expected a number >= {minimum}, got {raw}")
        return value

    def integer(self, node: yaml.Node, key: str, *, minimum: int = 0) -> int:
        raw = self._scalar(node, key, "a whole number").strip()
        try:
            value = int(raw)
        except ValueError:
            raise self.fail(node, key, f"expected a whole number, got {raw!r}") from None
        if value < minimum:
            raise self.fail(node, key, f"expected a whole number >= {minimum}, got {value}")
        return value

    def boolean(self, node: yaml.Node, key: str) -> bool:
        raw = self._scalar(node, key, "true or false").strip().lower()
        if raw in {"true", "yes", "on"}:
            return True
        if raw in {"false", "no", "off"}:
            return False
        raise self.fail(node, key, f"expected true or false, got {raw!r}")

    def day(self, node: yaml.Node, key: str) -> date:
        raw = self._scalar(node, key, "a date (YYYY-MM-DD)").strip()
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise self.fail(node, key, f"expected a date YYYY-MM-DD, got {raw!r}") from None

    def currency(self, node: yaml.Node, key: str) -> str:
        raw = self._scalar(node, key, "a currency code").strip().upper()
        if raw not in CURRENCY_DECIMALS:
            raise self.fail(
                node,
                key,
                f"unknown currency {raw!r} (expected one of {', '.join(sorted(CURRENCY_DECIMALS))})",
            )
        return raw

    def choice(self, node: yaml.Node, key: str, options: Iterable[str]) -> str:
        allowed = list(options)
        raw = self._scalar(node, key, "a text value").strip()
        if raw not in allowed:
            raise self.fail(node, key, f"expected one of {', '.join(allowed)}, got {raw!r}")
        return raw

    def clock(self, node: yaml.Node, key: str) -> tuple[int, int]:
        raw = self._scalar(node, key, "a time HH:MM").strip()
        # YAML 1.1 reads 22:00 as a sexagesimal int (1320) when unquoted.
        if raw.isdigit() and node.tag.endswith(":int"):
            minutes = int(raw)
            return divmod(minutes, 60)
        parts = raw.split(":")
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            hour, minute = int(parts[0]), int(parts[1])
            if 0 <= hour < 24 and 0 <= minute < 60:
                return hour, minute
        raise self.fail(node, key, f"expected a time HH:MM, got {raw!r}")
