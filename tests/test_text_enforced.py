"""Every message a person can read is built from the catalogue, never as an English literal.

An AST scan of ``src/filmpark``: the arguments of every call that makes an error
(:class:`~filmpark.errors.FilmparkError` and its subclasses), a reader's ``Diagnostic``, a
config reader's ``fail(...)`` or an infeasible schedule's reasons are checked, and so are the
lines the CLI prints. A message must be a catalogue call (``t(...)``), a composition of texts
(``compose``, ``join``), or a value computed elsewhere (mypy checks it is a ``Text``); it must
not be an English string literal, an f-string with words in it, ``str(...)``, ``.format(...)``
or the pages' ``gettext`` (which knows only the page, not the CLI or the API).
"""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import filmpark.errors
from filmpark.errors import FilmparkError

SRC = Path(__file__).resolve().parents[1] / "src" / "filmpark"

ERROR_CLASSES = {
    name
    for name, value in vars(filmpark.errors).items()
    if inspect.isclass(value) and issubclass(value, FilmparkError)
}
# Where the message is among a call's arguments (position, keyword); other arguments are
# sources, keys and fields, which may be user data but never English sentences.
MESSAGE_AT: dict[str, tuple[int, str]] = {
    "ScreenplayError": (1, "cause"),
    "ValidationError": (1, "message"),
    "Diagnostic": (2, "message"),
}
MESSAGE_CALLS = ERROR_CLASSES | {"Diagnostic", "_Refused"}
# A production config's readers: ``reader.fail(...)`` and ``self.fail(...)``.
READERS = {"reader", "self"}
_WORDS = re.compile(r"[^\W\d_]{2,}\s+[^\W\d_]")

# Lines the CLI prints that are the same in every language, with why.
CLI_ALLOWED = {
    # The program's name and version number.
    ("cli/app.py", "filmpark {__version__}"),
    # The program's name before a localized cause, in Rich markup.
    ("cli/common.py", "[bold red]filmpark:[/] {escape(error.localized(language()))}"),
}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literal_text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "{}".join(
            str(value.value) if isinstance(value, ast.Constant) else "{}" for value in node.values
        )
    return None


def _words(node: ast.expr) -> bool:
    """A string literal or f-string holding words (two letters, a space, a letter)."""
    text = _literal_text(node)
    return text is not None and bool(_WORDS.search(text))


def _is_string(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def problems_in(node: ast.expr, *, message: bool = True) -> Iterator[str]:
    """Why ``node`` is not built from the catalogue (nothing when it is).

    A ``message`` argument may not be ``str(...)`` either; a source or key may.
    """
    if _words(node):
        yield "an English literal"
    elif isinstance(node, ast.BinOp) and any(_is_string(side) for side in (node.left, node.right)):
        yield "a string built with + or %"
    elif isinstance(node, ast.Call):
        name = _name(node.func)
        if name in {"format", "gettext", "ngettext"} or (message and name == "str"):
            yield f"{name}(...)"
        elif (
            name == "verbatim"
            and node.args
            and isinstance(node.args[0], ast.Constant | ast.JoinedStr)
        ):
            yield "verbatim() of a literal"
    elif isinstance(node, ast.IfExp):
        yield from problems_in(node.body, message=message)
        yield from problems_in(node.orelse, message=message)
    elif isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            yield from problems_in(element, message=message)


def _is_message_call(node: ast.Call) -> bool:
    name = _name(node.func)
    if name in MESSAGE_CALLS:
        return True
    return (
        name == "fail"
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in READERS
    )


def message_calls() -> Iterator[tuple[str, int, str, ast.Call]]:
    for path in sorted(SRC.rglob("*.py")):
        relative = str(path.relative_to(SRC))
        if relative in {"errors.py", "text.py"} or relative.startswith("catalogue/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _is_message_call(node):
                yield relative, node.lineno, str(_name(node.func)), node


def checked_arguments(name: str, call: ast.Call) -> Iterator[tuple[ast.expr, bool]]:
    """Each argument of ``call`` and whether it is the message."""
    position, keyword_name = MESSAGE_AT.get(name, (0, "message"))
    if name == "fail":
        position = -1  # the two readers put it first or last: any argument but str(...) keys
    for index, argument in enumerate(call.args):
        yield argument, index == position
    for keyword in call.keywords:
        yield keyword.value, keyword.arg == keyword_name


def test_the_scan_finds_the_errors_it_is_meant_to_check() -> None:
    found = list(message_calls())
    kinds = {name for _, _, name, _ in found}
    assert len(found) > 300
    assert {"ValidationError", "ScreenplayError", "ConfigError", "NotFound", "Infeasible"} <= kinds
    assert {"Diagnostic", "fail"} <= kinds


def test_the_scan_flags_english_literals() -> None:
    def flagged(source: str) -> bool:
        call = ast.parse(source, mode="eval").body
        assert isinstance(call, ast.Call)
        return any(problem for argument in call.args for problem in problems_in(argument))

    assert flagged('NotFound("no such project")')
    assert flagged('ValidationError("file", f"the file is larger than {limit} MiB")')
    assert flagged('Infeasible([f"scene {n} is locked"])')
    assert flagged('ConfigError("a " + word)')
    assert flagged('InputError(gettext(request, "Send a list."))')
    assert not flagged('NotFound(t("project.not_found"))')
    assert not flagged('ValidationError(f"weights.{name}", t("problem.negative_weight"))')
    assert not flagged("ScreenplayError(source, cause)")
    assert not flagged('Infeasible([t("rule.lock_day", scene=s, day=d)], message)')


def test_every_message_of_an_error_a_diagnostic_or_a_config_reader_is_from_the_catalogue() -> None:
    found = []
    for relative, line, name, call in message_calls():
        for argument, is_message in checked_arguments(name, call):
            for problem in problems_in(argument, message=is_message):
                found.append(f"{relative}:{line}: {name}(...) takes {problem}")
    assert not found, "\n".join(found)


def test_every_line_the_cli_prints_goes_through_the_readers_language() -> None:
    found = []
    for path in sorted((SRC / "cli").rglob("*.py")):
        relative = str(path.relative_to(SRC))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _name(node.func) in {"print", "echo"}):
                continue
            for argument in node.args:
                if not isinstance(argument, ast.Constant | ast.JoinedStr):
                    continue
                text = ast.unparse(argument)[2:-1] if isinstance(argument, ast.JoinedStr) else ""
                if (relative, text) in CLI_ALLOWED:
                    continue
                if any(problem for problem in problems_in(argument)) or (
                    isinstance(argument, ast.Constant)
                    and any(c.isalpha() for c in str(argument.value))
                ):
                    found.append(f"{relative}:{node.lineno}: {ast.unparse(argument)}")
    assert not found, "print a catalogue text with say(...):\n" + "\n".join(found)
