"""Scene sequencing: the shooting order that keeps actors' hold days and location returns low.

The problem is the movie-shoot sequencing problem of ``bench/mssp/README.md`` (the simplified
Bomsdorf & Derigs problem): put the scenes in one order, respecting precedences ("scene 40
after 12"), and minimise

* the **idle cost** — each actor is paid from the first day of their first scene to the last
  day of their last scene; the days paid but not worked cost their daily rate;
* the **location cost** — cut the order into runs of consecutive scenes at one location; a
  location shot in ``r`` runs costs ``location_costs[l] * (r - 1)``.

:func:`solve_sequence` proves small problems with the exact search of
:mod:`filmpark.schedule.talent` (state: scenes left and the location of the last one), and
improves large ones by simulated annealing over block moves — a run of consecutive scenes is
taken out and put back at the best place, every place being priced at once with numpy — plus
large-neighbourhood steps that re-solve windows of the order exactly.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from filmpark.errors import Infeasible, ValidationError
from filmpark.schedule.talent import OrderingProblem, search_order
from filmpark.text import t

__all__ = [
    "EXACT_SCENE_LIMIT",
    "SequencingProblem",
    "SequencingResult",
    "sequence_cost",
    "solve_sequence",
]

#: Problems up to this many scenes are first given to the exact search.
EXACT_SCENE_LIMIT = 22

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class SequencingProblem:
    """Scenes (durations in days, a location each), actors (daily cost, who plays where),
    location return costs and precedences ``(before, after)``; all indices 0-based."""

    durations: tuple[int, ...]
    actor_costs: tuple[int, ...]
    presence: tuple[tuple[bool, ...], ...]  # presence[actor][scene]
    locations: tuple[int, ...]
    location_costs: tuple[int, ...]
    precedences: tuple[tuple[int, int], ...] = ()
    name: str = ""

    def __post_init__(self) -> None:
        n = len(self.durations)
        if any(d <= 0 for d in self.durations):
            raise ValidationError("durations", t("bench.duration_at_least_one"))
        if any(c < 0 for c in self.actor_costs):
            raise ValidationError("actor_costs", t("bench.negative_daily_cost"))
        if any(c < 0 for c in self.location_costs):
            raise ValidationError("location_costs", t("bench.negative_location_cost"))
        if len(self.presence) != len(self.actor_costs):
            raise ValidationError(
                "presence",
                t("bench.actor_rows", rows=len(self.presence), actors=len(self.actor_costs)),
            )
        for actor, row in enumerate(self.presence):
            if len(row) != n:
                raise ValidationError(
                    "presence", t("bench.actor_entries", actor=actor, entries=len(row), scenes=n)
                )
        if len(self.locations) != n:
            raise ValidationError(
                "locations", t("bench.location_count", locations=len(self.locations), scenes=n)
            )
        for scene, loc in enumerate(self.locations):
            if not 0 <= loc < len(self.location_costs):
                raise ValidationError(
                    "locations", t("bench.unknown_location", scene=scene, location=loc)
                )
        for before, after in self.precedences:
            if not (0 <= before < n and 0 <= after < n) or before == after:
                raise ValidationError(
                    "precedences", t("bench.bad_precedence", before=before, after=after)
                )
        cycle = _find_cycle(n, self.precedences)
        if cycle:
            path = t("bench.scene", scene=cycle[0])
            for scene in cycle[1:]:
                path = t("bench.before", first=path, second=t("bench.scene", scene=scene))
            raise Infeasible([t("schedule.precedence_cycle", path=path)])

    @property
    def scene_count(self) -> int:
        return len(self.durations)


@dataclass(frozen=True, slots=True)
class SequencingResult:
    """The best order found, its cost split, and what is proven about it."""

    order: tuple[int, ...]
    cost: int
    idle_cost: int
    location_cost: int
    lower_bound: int
    optimal: bool
    seconds: float


def _find_cycle(n: int, precedences: Sequence[tuple[int, int]]) -> list[int]:
    """One precedence cycle as a list of scenes (first repeated at the end), or []."""
    succ: list[list[int]] = [[] for _ in range(n)]
    for before, after in precedences:
        succ[before].append(after)
    state = [0] * n  # 0 new, 1 on the stack, 2 done
    parent = [-1] * n
    for root in range(n):
        if state[root]:
            continue
        stack = [(root, 0)]
        state[root] = 1
        while stack:
            node, k = stack[-1]
            if k < len(succ[node]):
                stack[-1] = (node, k + 1)
                nxt = succ[node][k]
                if state[nxt] == 0:
                    state[nxt] = 1
                    parent[nxt] = node
                    stack.append((nxt, 0))
                elif state[nxt] == 1:
                    cycle = [nxt]
                    walk = node
                    while walk != nxt:
                        cycle.append(walk)
                        walk = parent[walk]
                    cycle.append(nxt)
                    cycle.reverse()
                    return cycle
            else:
                state[node] = 2
                stack.pop()
    return []


def _check_feasible(problem: SequencingProblem, order: Sequence[int]) -> None:
    n = problem.scene_count
    if sorted(order) != list(range(n)):
        raise ValidationError("order", t("bench.order_incomplete", last=n - 1))
    position = {s: k for k, s in enumerate(order)}
    for before, after in problem.precedences:
        if position[before] > position[after]:
            raise ValidationError("order", t("schedule.must_be_before", before=before, after=after))


def sequence_cost(problem: SequencingProblem, order: Sequence[int]) -> tuple[int, int]:
    """``(idle cost, location cost)`` of a feasible order, as ``bench/mssp/README.md`` defines."""
    _check_feasible(problem, order)
    start: list[int] = []
    day = 0
    for s in order:
        start.append(day)
        day += problem.durations[s]
    idle = 0
    for actor, row in enumerate(problem.presence):
        positions = [k for k, s in enumerate(order) if row[s]]
        if positions:
            first, last = positions[0], positions[-1]
            paid = start[last] + problem.durations[order[last]] - start[first]
            worked = sum(problem.durations[order[k]] for k in positions)
            idle += problem.actor_costs[actor] * (paid - worked)
    runs = [0] * len(problem.location_costs)
    previous = -1
    for s in order:
        if problem.locations[s] != previous:
            runs[problem.locations[s]] += 1
            previous = problem.locations[s]
    location = sum(c * (r - 1) for c, r in zip(problem.location_costs, runs, strict=True) if r)
    return idle, location


# --------------------------------------------------------------------------------------------
# Exact search on the whole problem or on a window of an order
# --------------------------------------------------------------------------------------------


def _actor_masks(problem: SequencingProblem) -> list[int]:
    n = problem.scene_count
    masks = [0] * n
    for actor, row in enumerate(problem.presence):
        if sum(row) < 2:  # one scene: never idle
            continue
        for s in range(n):
            if row[s]:
                masks[s] |= 1 << actor
    return masks


def _predecessor_masks(problem: SequencingProblem) -> list[int]:
    preds = [0] * problem.scene_count
    for before, after in problem.precedences:
        preds[after] |= 1 << before
    return preds


def _engine_constant(problem: SequencingProblem, masks: Sequence[int]) -> int:
    """Engine cost minus benchmark cost: worked pay and the first visit of each location."""
    worked = 0
    for s, mask in enumerate(masks):
        a_mask = mask
        while a_mask:
            low = a_mask & -a_mask
            worked += problem.durations[s] * problem.actor_costs[low.bit_length() - 1]
            a_mask ^= low
    first_visits = sum(problem.location_costs[loc] for loc in set(problem.locations))
    return worked + first_visits


def _whole_problem(problem: SequencingProblem, masks: Sequence[int]) -> OrderingProblem:
    return OrderingProblem(
        durations=problem.durations,
        actors=tuple(masks),
        actor_costs=problem.actor_costs,
        locations=problem.locations,
        enter_cost=problem.location_costs,
        predecessors=tuple(_predecessor_masks(problem)),
    )


def _window_problem(
    problem: SequencingProblem,
    masks: Sequence[int],
    preds: Sequence[int],
    order: Sequence[int],
    i: int,
    j: int,
) -> tuple[OrderingProblem, list[int]]:
    """The scenes ``order[i:j]`` as an ordering problem between two fixed blocks.

    Everything shot before the window becomes one head node (its actors, the location of its
    last scene) and everything after one tail node (its actors, the location of its first
    scene): the cost of the window's days and of its two boundary location changes is then
    exactly the engine's cost, up to a constant.
    """
    window = list(order[i:j])
    nodes = list(window)
    durations = [problem.durations[s] for s in window]
    actors = [masks[s] for s in window]
    locations = [problem.locations[s] for s in window]
    index = {s: k for k, s in enumerate(window)}
    win_preds = []
    for s in window:
        mask = 0
        p = preds[s]
        while p:
            low = p & -p
            b = low.bit_length() - 1
            p ^= low
            if b in index:
                mask |= 1 << index[b]
        win_preds.append(mask)
    head: tuple[int, ...] = ()
    tail: tuple[int, ...] = ()
    if i > 0:
        before = 0
        for s in order[:i]:
            before |= masks[s]
        head = (len(nodes),)
        nodes.append(-1)
        durations.append(1)
        actors.append(before)
        locations.append(problem.locations[order[i - 1]])
        win_preds.append(0)
    if j < len(order):
        after = 0
        for s in order[j:]:
            after |= masks[s]
        tail = (len(nodes),)
        nodes.append(-1)
        durations.append(1)
        actors.append(after)
        locations.append(problem.locations[order[j]])
        win_preds.append(0)
    sub = OrderingProblem(
        durations=tuple(durations),
        actors=tuple(actors),
        actor_costs=problem.actor_costs,
        locations=tuple(locations),
        enter_cost=problem.location_costs,
        predecessors=tuple(win_preds),
        head=head,
        tail=tail,
    )
    return sub, nodes


# --------------------------------------------------------------------------------------------
# Local search: block moves priced with numpy
# --------------------------------------------------------------------------------------------


class _BlockMover:
    """Prices every insertion point of a block of consecutive scenes in one vector pass."""

    def __init__(self, problem: SequencingProblem) -> None:
        self.problem = problem
        self.n = problem.scene_count
        self.dur = np.asarray(problem.durations, dtype=np.int64)
        self.cost = np.asarray(problem.actor_costs, dtype=np.int64)
        self.presence = np.asarray(problem.presence, dtype=bool).reshape(
            len(problem.actor_costs), self.n
        )
        self.loc = np.asarray(problem.locations, dtype=np.int64)
        self.loc_cost = np.asarray(problem.location_costs, dtype=np.int64)
        preds: list[list[int]] = [[] for _ in range(self.n)]
        succs: list[list[int]] = [[] for _ in range(self.n)]
        for before, after in problem.precedences:
            preds[after].append(before)
            succs[before].append(after)
        self.preds = preds
        self.succs = succs
        self.constrained = np.array([bool(preds[s] or succs[s]) for s in range(self.n)])

    def paid(self, order: IntArray) -> int:
        """Engine-free cost: sum of actors' paid spans plus location run starts."""
        pres = self.presence[:, order]
        days_end = np.cumsum(self.dur[order])
        days_start = days_end - self.dur[order]
        has = pres.any(axis=1)
        first = np.argmax(pres, axis=1)
        last = pres.shape[1] - 1 - np.argmax(pres[:, ::-1], axis=1)
        span = np.where(has, days_end[last] - days_start[first], 0)
        locs = self.loc[order]
        starts = np.ones(len(order), dtype=bool)
        starts[1:] = locs[1:] != locs[:-1]
        return int((span * self.cost).sum() + self.loc_cost[locs[starts]].sum())

    def set_order(self, order: IntArray) -> None:
        """Make ``order`` the current order: cache its days, first and last appearances."""
        self.cur = order
        self.pres_cur = self.presence[:, order]
        n = len(order)
        self.end_cur = np.cumsum(self.dur[order])
        self.start_cur = self.end_cur - self.dur[order]
        self.has_cur = self.pres_cur.any(axis=1)
        self.first_cur = np.argmax(self.pres_cur, axis=1)
        self.last_cur = n - 1 - np.argmax(self.pres_cur[:, ::-1], axis=1)
        self.locs_cur = self.loc[order]
        self.position = np.empty(n, dtype=np.int64)
        self.position[order] = np.arange(n)

    def insertion_costs(self, i: int, k: int) -> tuple[IntArray, npt.NDArray[np.bool_]]:
        """Total cost (paid spans + run starts) of taking ``cur[i:i+k]`` out and putting it
        before the ``p``-th remaining scene, for every ``p`` (``p == r``: at the end), and the
        places the precedences allow.

        Each actor's stay is piecewise linear in the block's start day over three ranges of
        ``p`` (before, inside or after the actor's other scenes), so the stays of all actors at
        every ``p`` are summed with difference arrays in O(actors + scenes).
        """
        n = len(self.cur)
        r = n - k
        j = i + k
        pres = self.pres_cur
        block_pres = pres[:, i:j]
        has_b = block_pres.any(axis=1)
        first, last, has = self.first_cur, self.last_cur, self.has_cur
        # first and last appearance among the remaining scenes, in positions of the rest
        f_r = np.where(first < i, first, first - k)
        l_r = np.where(last >= j, last - k, last)
        has_r = has & ~((first >= i) & (last < j))
        rows = np.flatnonzero(has_r & (first >= i) & (first < j))
        if rows.size:  # first scene inside the block: the next one after it
            f_r[rows] = i + np.argmax(pres[rows, j:], axis=1)
        rows = np.flatnonzero(has_r & (last >= i) & (last < j))
        if rows.size:  # last scene inside the block: the previous one before it
            l_r[rows] = i - 1 - np.argmax(pres[rows, i - 1 :: -1], axis=1)
        big_d = int(self.end_cur[j - 1] - self.start_cur[i])
        start_r = np.concatenate((self.start_cur[:i], self.start_cur[j:] - big_d))
        end_r = np.concatenate((self.end_cur[:i], self.end_cur[j:] - big_d))
        t = np.empty(r + 1, dtype=np.int64)
        t[:r] = start_r
        t[r] = int(self.end_cur[-1]) - big_d
        block_start = self.start_cur[i:j] - self.start_cur[i]
        block_end = self.end_cur[i:j] - self.start_cur[i]
        off_first = block_start[np.argmax(block_pres, axis=1)]
        off_last = block_end[k - 1 - np.argmax(block_pres[:, ::-1], axis=1)]
        c = self.cost
        f_safe = np.where(has_r, f_r, 0)
        l_safe = np.where(has_r, l_r, 0)
        fd = start_r[f_safe] if r else np.zeros_like(c)
        ld = end_r[l_safe] if r else np.zeros_like(c)
        r_only = has_r & ~has_b
        b_only = has_b & ~has_r
        both = has_r & has_b
        constant = int((c * (ld - fd))[r_only].sum() + (c * (off_last - off_first))[b_only].sum())
        # range additions: (start index, end index inclusive, alpha weight, beta weight)
        ro = np.flatnonzero(r_only)
        bb = np.flatnonzero(both)
        zeros_bb = np.zeros(len(bb), dtype=np.int64)
        starts = np.concatenate((f_r[ro] + 1, zeros_bb, f_r[bb] + 1, l_r[bb] + 1))
        ends = np.concatenate((l_r[ro], f_r[bb], l_r[bb], zeros_bb + r))
        alpha_w = np.concatenate(
            (
                c[ro] * big_d,
                c[bb] * (ld[bb] + big_d - off_first[bb]),
                c[bb] * (ld[bb] + big_d - fd[bb]),
                c[bb] * (off_last[bb] - fd[bb]),
            )
        )
        beta_w = np.concatenate((np.zeros(len(ro), dtype=np.int64), -c[bb], zeros_bb, c[bb]))
        index = np.concatenate((starts, ends + 1))
        alpha = np.cumsum(np.bincount(index, np.concatenate((alpha_w, -alpha_w)), minlength=r + 2))[
            : r + 1
        ]
        beta = np.cumsum(np.bincount(index, np.concatenate((beta_w, -beta_w)), minlength=r + 2))[
            : r + 1
        ]
        actor_part = np.rint(alpha + beta * t).astype(np.int64) + constant
        # location run starts
        locs = self.locs_cur
        loc_r = np.concatenate((locs[:i], locs[j:]))
        lc = self.loc_cost
        trans = np.zeros(r + 1, dtype=np.int64)  # run start paid at rest[p], p < r
        if r:
            run_start = np.ones(r, dtype=bool)
            run_start[1:] = loc_r[1:] != loc_r[:-1]
            trans[:r] = np.where(run_start, lc[loc_r], 0)
        base = int(trans.sum())
        locs_b = locs[i:j]
        block_inner = int(lc[locs_b[1:]][locs_b[1:] != locs_b[:-1]].sum())
        bf, bl = int(locs_b[0]), int(locs_b[-1])
        prev_loc = np.full(r + 1, -1, dtype=np.int64)
        prev_loc[1:] = loc_r
        next_loc = np.full(r + 1, -1, dtype=np.int64)
        next_loc[:r] = loc_r
        enter_block = np.where(prev_loc != bf, lc[bf], 0)
        enter_next = np.where((next_loc >= 0) & (next_loc != bl), lc[np.maximum(next_loc, 0)], 0)
        total = actor_part + (base - trans + enter_block + enter_next + block_inner)
        # precedences: predecessors outside the block before p, successors after it
        lo, hi = 0, r
        block_scenes = self.cur[i:j]
        if not self.constrained[block_scenes].any():
            allowed = np.ones(r + 1, dtype=bool)
            return total, allowed
        block_set = {int(s) for s in block_scenes}
        position = self.position
        for s in block_set:
            for b in self.preds[s]:
                if b not in block_set:
                    pos = int(position[b])
                    lo = max(lo, (pos if pos < i else pos - k) + 1)
            for after in self.succs[s]:
                if after not in block_set:
                    pos = int(position[after])
                    hi = min(hi, pos if pos < i else pos - k)
        allowed = np.zeros(r + 1, dtype=bool)
        if lo <= hi:
            allowed[lo : hi + 1] = True
        return total, allowed


def _greedy_order(problem: SequencingProblem, masks: Sequence[int]) -> list[int]:
    """Build an order scene by scene: the eligible scene adding the least pay and moves."""
    n = problem.scene_count
    preds = _predecessor_masks(problem)
    m = len(problem.actor_costs)
    actor_scenes = [0] * m
    for s, mask in enumerate(masks):
        y = mask
        while y:
            low = y & -y
            actor_scenes[low.bit_length() - 1] |= 1 << s
            y ^= low
    full = (1 << n) - 1
    q = full
    last = -1
    out: list[int] = []
    costs = problem.actor_costs
    while q:
        done = full & ~q
        on = 0
        for a, scenes in enumerate(actor_scenes):
            if scenes & q and scenes & done:
                on |= 1 << a
        best = -1
        best_key: tuple[float, int] = (math.inf, 0)
        for s in range(n):
            if not q >> s & 1 or preds[s] & q:
                continue
            extra = masks[s] & ~on
            pay = 0
            y = extra
            while y:
                low = y & -y
                pay += costs[low.bit_length() - 1]
                y ^= low
            move = (
                problem.location_costs[problem.locations[s]] if problem.locations[s] != last else 0
            )
            key = (problem.durations[s] * pay + move, s)
            if key < best_key:
                best, best_key = s, key
        out.append(best)
        q &= ~(1 << best)
        last = problem.locations[best]
    return out


def solve_sequence(
    problem: SequencingProblem,
    *,
    time_limit: float = 10.0,
    seed: int = 0,
    initial: Sequence[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> SequencingResult:
    """The cheapest feasible order found within ``time_limit`` seconds.

    Small problems (up to :data:`EXACT_SCENE_LIMIT` scenes) are solved exactly when time
    allows; larger ones by simulated annealing over block moves and exact re-solves of windows.
    ``progress(cost, lower_bound)`` is called whenever a better order is found. Always returns
    the best order found; ``optimal`` is true only when it is proven.
    """
    started = time.perf_counter()
    if time_limit <= 0:
        raise ValidationError("time_limit", t("value.must_be_positive"))
    deadline = started + time_limit
    n = problem.scene_count
    if initial is not None:
        _check_feasible(problem, initial)

    def stop() -> bool:
        return time.perf_counter() > deadline or (should_stop is not None and should_stop())

    def finish(order: Sequence[int], lower: int, optimal: bool) -> SequencingResult:
        idle, location = sequence_cost(problem, order)
        return SequencingResult(
            order=tuple(order),
            cost=idle + location,
            idle_cost=idle,
            location_cost=location,
            lower_bound=min(lower, idle + location),
            optimal=optimal,
            seconds=time.perf_counter() - started,
        )

    if n <= 1:
        return finish(list(range(n)), 0, True)
    masks = _actor_masks(problem)
    constant = _engine_constant(problem, masks)
    whole = _whole_problem(problem, masks)
    order = list(initial) if initial is not None else _greedy_order(problem, masks)
    best_cost = whole.order_cost(order) - constant
    if progress is not None:
        progress(best_cost, 0)
    lower = 0
    annealer = _Annealer(problem, masks, seed)
    if n <= EXACT_SCENE_LIMIT:
        order, best_cost = annealer.run(
            order, started + min(0.05 * time_limit, 0.0005 * n * n), stop
        )
        found = search_order(whole, upper_order=order, deadline=deadline, should_stop=should_stop)
        lower = found.lower_bound - constant
        if found.cost - constant < best_cost:
            order, best_cost = list(found.order), found.cost - constant
            if progress is not None:
                progress(best_cost, lower)
        if found.optimal:
            return finish(order, lower, True)
    else:
        # a large problem can still be closed quickly when precedences leave little choice
        found = search_order(
            whole,
            upper_order=order,
            deadline=min(deadline, time.perf_counter() + 0.05 * time_limit),
            should_stop=should_stop,
            node_limit=2000,
        )
        if found.optimal:
            return finish(list(found.order), found.lower_bound - constant, True)
        lower = max(lower, found.lower_bound - constant)
        if found.cost - constant < best_cost:
            order, best_cost = list(found.order), found.cost - constant
    order, best_cost = annealer.run(order, deadline, stop, progress=progress, lower=lower)
    return finish(order, lower, False)


class _Annealer:
    """Simulated annealing over block moves, with exact window re-solves between rounds."""

    def __init__(self, problem: SequencingProblem, masks: Sequence[int], seed: int) -> None:
        self.problem = problem
        self.masks = masks
        self.preds = _predecessor_masks(problem)
        self.mover = _BlockMover(problem)
        self.rng = random.Random(seed)
        self.heat = 0.05
        self.patience = 2
        self.kick_moves = 3
        self.window_every = 4
        # paid() counts every actor's whole stay and every run start; the benchmark cost
        # leaves out worked days and the first visit of each location
        worked = sum(
            c * sum(d for d, plays in zip(problem.durations, row, strict=True) if plays)
            for c, row in zip(problem.actor_costs, problem.presence, strict=True)
        )
        self.constant = worked + sum(problem.location_costs[x] for x in set(problem.locations))

    def run(
        self,
        order: list[int],
        deadline: float,
        stop: Callable[[], bool],
        *,
        progress: Callable[[int, int], None] | None = None,
        lower: int = 0,
    ) -> tuple[list[int], int]:
        """Improve ``order`` until ``deadline``; returns the best order and its cost.

        Each step takes a block out (a short run of scenes, or a whole location run) and
        prices every place it could go back; the place is drawn with probability
        proportional to ``exp(-delta / T)`` (heat-bath annealing: one vector pass serves the
        whole neighbourhood). The temperature falls geometrically within each of several
        rounds; each round restarts from the best order, and exact window re-solves polish
        the best order between rounds.
        """
        constant = self.constant
        n = len(order)
        mover = self.mover
        rng = self.rng
        current = np.asarray(order, dtype=np.int64)
        mover.set_order(current)
        current_cost = mover.paid(current)
        best = current.copy()
        best_cost = current_cost
        start = time.perf_counter()
        total_time = max(1e-3, deadline - start)
        temperature = self.heat * self._initial_temperature(current_cost)
        max_block = max(1, n // 2)
        patience = self.patience * n
        stall = 0
        local_best = current_cost
        kicks = 0
        iteration = 0
        while True:
            iteration += 1
            if iteration & 15 == 0 and (stop() or time.perf_counter() > deadline):
                break
            if stall > patience and n > 4:
                kicks += 1
                if kicks % self.window_every == 0:
                    now = time.perf_counter()
                    window_deadline = min(deadline, now + 0.1 * total_time)
                    improved, cost = self._window_pass(best.tolist(), window_deadline, stop)
                    if cost < best_cost:
                        best, best_cost = np.asarray(improved, dtype=np.int64), cost
                        if progress is not None:
                            progress(best_cost - constant, lower)
                current, current_cost = self._kick(best, self.kick_moves)
                mover.set_order(current)
                stall = 0
                local_best = current_cost
            i, k = self._block_length(current, rng.randrange(n), max_block)
            costs, allowed = mover.insertion_costs(i, k)
            stall += 1
            if not allowed.any():
                continue
            candidates = np.flatnonzero(allowed)
            deltas = costs[candidates] - current_cost
            low = int(deltas.min())
            weights = np.exp(-(deltas - low) / temperature)
            cumulative = np.cumsum(weights)
            pick = min(
                int(np.searchsorted(cumulative, rng.random() * cumulative[-1])),
                len(candidates) - 1,
            )
            p = int(candidates[pick])
            if p == i:
                continue
            new_cost = int(costs[p])
            block = current[i : i + k]
            rest = np.concatenate((current[:i], current[i + k :]))
            current = np.concatenate((rest[:p], block, rest[p:]))
            current_cost = new_cost
            mover.set_order(current)
            if current_cost < local_best:
                local_best = current_cost
                stall = 0
            if current_cost < best_cost:
                best, best_cost = current.copy(), current_cost
                if progress is not None:
                    progress(best_cost - constant, lower)
        final = best.tolist()
        if n > 4 and not stop():
            improved, cost = self._window_pass(final, deadline, stop)
            if cost < best_cost:
                final, best_cost = improved, cost
                if progress is not None:
                    progress(best_cost - constant, lower)
        return final, best_cost - constant

    def _kick(self, order: IntArray, moves: int) -> tuple[IntArray, int]:
        """Perturb ``order`` by a few random block moves to a random allowed place."""
        mover = self.mover
        current = order.copy()
        mover.set_order(current)
        n = len(current)
        for _ in range(moves):
            i, k = self._block_length(current, self.rng.randrange(n), max(1, n // 2))
            _costs, allowed = mover.insertion_costs(i, k)
            allowed[i] = False
            places = np.flatnonzero(allowed)
            if not places.size:
                continue
            p = int(places[self.rng.randrange(len(places))])
            block = current[i : i + k]
            rest = np.concatenate((current[:i], current[i + k :]))
            current = np.concatenate((rest[:p], block, rest[p:]))
            mover.set_order(current)
        return current, mover.paid(current)

    def _block_length(self, order: IntArray, i: int, max_block: int) -> tuple[int, int]:
        """A block starting at or around ``i``: a random short run, or a location run."""
        n = len(order)
        if self.rng.random() < 0.2:
            loc = self.mover.loc
            lo = i
            while lo > 0 and loc[order[lo - 1]] == loc[order[i]]:
                lo -= 1
            hi = i + 1
            while hi < n and loc[order[hi]] == loc[order[i]]:
                hi += 1
            if hi - lo < n:
                return lo, hi - lo
        # block lengths log-uniform up to half the order: short blocks polish, long ones
        # swap whole stretches of the shoot (a segment exchange, as in 3-opt)
        k = int(math.exp(self.rng.uniform(0.0, math.log(max(2.0, max_block)))))
        k = max(1, min(k, n - 1))
        i = min(i, n - k)
        return i, k

    def _initial_temperature(self, cost: int) -> float:
        """A fraction of the typical cost rise of moving one scene to its best other place."""
        deltas = []
        n = len(self.mover.cur)
        for _ in range(min(30, n)):
            i = self.rng.randrange(n)
            costs, allowed = self.mover.insertion_costs(i, 1)
            allowed[i] = False
            if allowed.any():
                values = costs[allowed] - cost
                positive = values[values > 0]
                if positive.size:
                    deltas.append(float(np.min(positive)))
        return max(1.0, (sum(deltas) / len(deltas)) if deltas else 1.0)

    def _window_pass(
        self, order: list[int], deadline: float, stop: Callable[[], bool]
    ) -> tuple[list[int], int]:
        """Re-solve overlapping windows of the order exactly (node-limited)."""
        n = len(order)
        width = min(n, 10)
        step = max(1, width // 2)
        starts = list(range(0, max(1, n - width + 1), step))
        if starts[-1] != n - width:
            starts.append(n - width)
        self.rng.shuffle(starts)
        for i in starts:
            if stop() or time.perf_counter() > deadline:
                break
            j = i + width
            sub, nodes = _window_problem(self.problem, self.masks, self.preds, order, i, j)
            k = len(nodes)
            current_nodes = list(range(k))
            # current window order as node order: head, window as is, tail
            head = list(sub.head)
            tail = list(sub.tail)
            middle = [x for x in current_nodes if x not in head and x not in tail]
            upper = head + middle + tail
            found = search_order(sub, upper_order=upper, deadline=deadline, node_limit=3000)
            if found.cost < sub.order_cost(upper):
                window = [nodes[x] for x in found.order if nodes[x] >= 0]
                order = order[:i] + window + order[j:]
        return order, self.mover.paid(np.asarray(order, dtype=np.int64))
