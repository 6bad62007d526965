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
from filmpark.text import Text, t
from filmpark.units import CURRENCY_DECIMALS


def shipped_names(data: Path) -> tuple[str, ...]:
    """The keys of the data files shipped in ``data`` (file stems, sorted)."""
    return tuple(sorted(path.stem for path in data.glob("*.yaml")))


def read_data_file(
    name_or_path: str | Path, *, data: Path, base: Path | None, what: Text, key: str
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
                t("data.no_such", what=what, name=repr(text_name), shipped=", ".join(shipped)),
                key=key,
            )
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(
            t("data.cannot_read", what=what, error=str(error)), source=str(path)
        ) from None


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
            t("config.not_yaml", problem=str(error.problem or error)), line=line, source=source
        ) from None
    except yaml.YAMLError as error:
        raise ConfigError(t("config.not_yaml", problem=str(error)), source=source) from None


class Reader:
    """Typed accessors over YAML nodes of one source file."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, node: yaml.Node | None, key: str, message: Text) -> ConfigError:
        """A :class:`ConfigError` at ``node`` (``message`` is a catalogue text)."""
        return ConfigError(
            message, key=key, line=line_of(node) if node else None, source=self.source
        )

    def mapping(
        self, node: yaml.Node, key: str, allowed: Iterable[str], required: Iterable[str] = ()
    ) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, key, t("yaml.expected_mapping"))
        allowed_set = set(allowed)
        result: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            name = str(key_node.value)
            path = f"{key}.{name}" if key else name
            if name not in allowed_set:
                raise self.fail(
                    key_node,
                    path,
                    t("yaml.unknown_key", expected=", ".join(sorted(allowed_set))),
                )
            if name in result:
                raise self.fail(key_node, path, t("config.given_twice"))
            result[name] = value_node
        for name in required:
            if name not in result:
                raise self.fail(node, f"{key}.{name}" if key else name, t("yaml.required"))
        return result

    def sequence(self, node: yaml.Node, key: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, key, t("config.expected_list"))
        return list(node.value)

    def _scalar(self, node: yaml.Node, key: str, what: Text) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, key, t("yaml.expected", what=what))
        return str(node.value)

    def text(self, node: yaml.Node, key: str, *, allow_empty: bool = False) -> str:
        value = self._scalar(node, key, t("yaml.a_text")).strip()
        if not value and not allow_empty:
            raise self.fail(node, key, t("yaml.expected_non_empty"))
        return value

    def decimal(
        self,
        node: yaml.Node,
        key: str,
        *,
        minimum: Decimal | None = Decimal(0),
        positive: bool = False,
    ) -> Decimal:
        raw = self._scalar(node, key, t("yaml.a_number")).strip().replace("_", "").replace(",", "")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise self.fail(node, key, t("config.expected_number", got=repr(raw))) from None
        if not value.is_finite():
            raise self.fail(node, key, t("yaml.expected_finite", got=repr(raw)))
        if positive and value <= 0:
            raise self.fail(node, key, t("yaml.expected_positive", got=raw))
        if minimum is not None and value < minimum:
            raise self.fail(node, key, t("yaml.expected_minimum", minimum=minimum, got=raw))
        return value

    def integer(self, node: yaml.Node, key: str, *, minimum: int = 0) -> int:
        raw = self._scalar(node, key, t("yaml.a_whole_number")).strip()
        try:
            value = int(raw)
        except ValueError:
            raise self.fail(node, key, t("config.expected_whole_number", got=repr(raw))) from None
        if value < minimum:
            raise self.fail(node, key, t("yaml.expected_whole_minimum", minimum=minimum, got=value))
        return value

    def boolean(self, node: yaml.Node, key: str) -> bool:
        raw = self._scalar(node, key, t("yaml.true_or_false")).strip().lower()
        if raw in {"true", "yes", "on"}:
            return True
        if raw in {"false", "no", "off"}:
            return False
        raise self.fail(node, key, t("config.expected_boolean", got=repr(raw)))

    def day(self, node: yaml.Node, key: str) -> date:
        raw = self._scalar(node, key, t("yaml.a_date")).strip()
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise self.fail(node, key, t("config.expected_date", got=repr(raw))) from None

    def currency(self, node: yaml.Node, key: str) -> str:
        raw = self._scalar(node, key, t("yaml.a_currency")).strip().upper()
        if raw not in CURRENCY_DECIMALS:
            raise self.fail(
                node,
                key,
                t(
                    "value.unknown_currency",
                    currency=repr(raw),
                    expected=", ".join(sorted(CURRENCY_DECIMALS)),
                ),
            )
        return raw

    def choice(self, node: yaml.Node, key: str, options: Iterable[str]) -> str:
        allowed = list(options)
        raw = self._scalar(node, key, t("yaml.a_text")).strip()
        if raw not in allowed:
            raise self.fail(
                node, key, t("yaml.expected_one_of", expected=", ".join(allowed), got=repr(raw))
            )
        return raw

    def clock(self, node: yaml.Node, key: str) -> tuple[int, int]:
        raw = self._scalar(node, key, t("yaml.a_time")).strip()
        # YAML 1.1 reads 22:00 as a sexagesimal int (1320) when unquoted.
        if raw.isdigit() and node.tag.endswith(":int"):
            minutes = int(raw)
            return divmod(minutes, 60)
        parts = raw.split(":")
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            hour, minute = int(parts[0]), int(parts[1])
            if 0 <= hour < 24 and 0 <= minute < 60:
                return hour, minute
        raise self.fail(node, key, t("yaml.expected_time", got=repr(raw)))
