"""Readers for the two sequencing benchmark formats (plain whitespace-separated integers).

* :func:`read_talent` — talent scheduling (``bench/talent/README.md``): ``n m``, one row per
  actor (``n`` 0/1 values then the daily cost), then the ``n`` scene durations; ``#`` starts a
  comment.
* :func:`read_mssp` — the movie-shoot scheduling problem (``bench/mssp/README.md``):
  ``A S L P``, actor costs, location costs, durations, scene locations, the ``A x S`` presence
  matrix (row = actor), then ``P`` pairs ``before after``.

Both take the file's text (the caller does the I/O) and raise :class:`~filmpark.errors.InputError`
naming the line and the cause when the text is not an instance.
"""

from __future__ import annotations

from dataclasses import dataclass

from filmpark.errors import InputError, ValidationError
from filmpark.schedule.sequencing import SequencingProblem
from filmpark.schedule.talent import TalentInstance
from filmpark.text import Text, compose, t

__all__ = ["read_mssp", "read_talent"]


@dataclass(frozen=True, slots=True)
class _Token:
    value: int
    line: int


class _Tokens:
    """Integers of a text with the line each came from; reads them in order by field name."""

    def __init__(self, text: str, source: str, *, comments: bool) -> None:
        self.source = source or "<input>"
        self.items: list[_Token] = []
        self.last_line = 0
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.split("#", 1)[0] if comments else raw
            for word in line.split():
                try:
                    value = int(word)
                except ValueError:
                    raise self.error(number, t("instance.not_integer", word=word[:20])) from None
                self.items.append(_Token(value, number))
            if line.strip():
                self.last_line = number
        self.pos = 0

    def error(self, line: int, cause: str) -> InputError:
        if line:
            return InputError(
                compose("{source}:{line}: {cause}", source=self.source, line=line, cause=cause)
            )
        return InputError(compose("{source}: {cause}", source=self.source, cause=cause))

    def take(self, what: Text, *, low: int | None = None, high: int | None = None) -> int:
        """The next integer; ``what`` names it in a message."""
        if self.pos >= len(self.items):
            raise self.error(self.last_line, t("instance.ends_before", what=what))
        token = self.items[self.pos]
        self.pos += 1
        if low is not None and token.value < low:
            raise self.error(
                token.line, t("instance.at_least", what=what, value=token.value, low=low)
            )
        if high is not None and token.value > high:
            raise self.error(
                token.line, t("instance.at_most", what=what, value=token.value, high=high)
            )
        return token.value

    def line(self) -> int:
        return self.items[self.pos - 1].line if self.pos else 0

    def finish(self) -> None:
        if self.pos < len(self.items):
            extra = self.items[self.pos]
            raise self.error(
                extra.line,
                t("instance.extra_value", value=extra.value, more=len(self.items) - self.pos),
            )


def read_talent(text: str, source: str = "") -> TalentInstance:
    """A talent-scheduling instance from the text of a benchmark file."""
    tokens = _Tokens(text, source, comments=True)
    if not tokens.items:
        raise tokens.error(0, t("instance.empty_talent"))
    n = tokens.take(t("instance.scene_count"), low=1)
    m = tokens.take(t("instance.actor_count"), low=0)
    presence = []
    costs = []
    for actor in range(m):
        row = tuple(
            bool(
                tokens.take(
                    t("instance.presence", actor=actor + 1, scene=s + 1),
                    low=0,
                    high=1,
                )
            )
            for s in range(n)
        )
        presence.append(row)
        costs.append(tokens.take(t("instance.actor_cost", actor=actor + 1), low=0))
    durations = tuple(tokens.take(t("instance.duration", scene=s + 1), low=1) for s in range(n))
    tokens.finish()
    name = source.rsplit("/", 1)[-1].removesuffix(".txt") if source else ""
    try:
        return TalentInstance(durations, tuple(costs), tuple(presence), name)
    except ValidationError as error:  # pragma: no cover - the reader checked every range
        raise tokens.error(0, error.message) from None


def read_mssp(text: str, source: str = "") -> SequencingProblem:
    """A movie-shoot scheduling instance from the text of a benchmark file.

    A precedence cycle raises :class:`~filmpark.errors.Infeasible` naming the cycle.
    """
    tokens = _Tokens(text, source, comments=True)
    if not tokens.items:
        raise tokens.error(0, t("instance.empty_mssp"))
    n_actors = tokens.take(t("instance.actor_count"), low=0)
    n_scenes = tokens.take(t("instance.scene_count"), low=1)
    n_locations = tokens.take(t("instance.location_count"), low=1)
    n_pairs = tokens.take(t("instance.precedence_count"), low=0)
    actor_costs = tuple(
        tokens.take(t("instance.actor_cost", actor=a), low=0) for a in range(n_actors)
    )
    location_costs = tuple(
        tokens.take(t("instance.location_cost", location=x), low=0) for x in range(n_locations)
    )
    durations = tuple(tokens.take(t("instance.duration", scene=s), low=1) for s in range(n_scenes))
    locations = tuple(
        tokens.take(t("instance.scene_location", scene=s), low=0, high=n_locations - 1)
        for s in range(n_scenes)
    )
    presence = tuple(
        tuple(
            bool(tokens.take(t("instance.presence", actor=a, scene=s), low=0, high=1))
            for s in range(n_scenes)
        )
        for a in range(n_actors)
    )
    pairs = []
    seen: set[tuple[int, int]] = set()
    for k in range(n_pairs):
        before = tokens.take(t("instance.precedence_before", index=k), low=0, high=n_scenes - 1)
        after = tokens.take(t("instance.precedence_after", index=k), low=0, high=n_scenes - 1)
        if before == after:
            raise tokens.error(
                tokens.line(), t("instance.precedence_itself", index=k, scene=before)
            )
        if (before, after) not in seen:
            seen.add((before, after))
            pairs.append((before, after))
    tokens.finish()
    name = source.rsplit("/", 1)[-1].removesuffix(".txt") if source else ""
    return SequencingProblem(
        durations=durations,
        actor_costs=actor_costs,
        presence=presence,
        locations=locations,
        location_costs=location_costs,
        precedences=tuple(pairs),
        name=name,
    )
