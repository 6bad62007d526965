"""Exact talent scheduling: the order of scenes that keeps actors on paid hold the least.

Talent scheduling (Cheng, Diamond & Lin 1993) is the core cost term of a shooting schedule:
each actor is paid every day from the first day of their first scene to the last day of their
last scene, hold days included. This module owns

* :class:`TalentInstance` / :func:`total_cost` — the problem and its cost, exactly as the
  benchmark format of ``bench/talent/README.md`` defines it (the *total* cost: worked days plus
  hold days);
* :func:`solve_talent` — the exact solver: a reduction (constant actors dropped, scenes with
  the same cast merged), then dynamic programming over the set of scenes already shot, by the
  engines of :mod:`filmpark.schedule.talent_dp` (the subset DP of Garcia de la Banda, Stuckey &
  Chu, INFORMS J. Computing 23(1), 2011, done outright for small problems and bounded,
  breadth first, for larger ones);
* :class:`OrderingProblem` / :func:`search_order` — a depth-first branch and bound over the
  same states that also knows location changes and precedences, so
  :mod:`filmpark.schedule.sequencing` runs it on windows of a longer shooting order (and talent
  scheduling falls back on it past 62 scene groups).

Why the state is just "the scenes still to shoot": when scenes are laid out from the front,
the actors on location during the next scene ``s`` are the actors of ``s`` plus every actor
who has already worked and still has a scene to come. Both depend only on the remaining set
``Q`` (not on the order already fixed), so the cheapest completion ``f(Q)`` is a function of
``Q`` and can be memoised. Lower bounds on ``f(Q)`` prune the search; a bound proven while
searching under a budget is memoised too, so a state is never searched twice under the same
budget.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from filmpark.errors import ValidationError
from filmpark.schedule.talent_dp import (
    DENSE_SCENES,
    MAX_SCENES,
    SMALL_ACTORS,
    SMALL_SCENES,
    LayeredSearch,
    solve_dense,
    solve_small,
)
from filmpark.text import t

__all__ = [
    "OrderingProblem",
    "OrderingSearch",
    "TalentInstance",
    "TalentResult",
    "fixed_cost",
    "idle_cost",
    "search_order",
    "solve_talent",
    "total_cost",
]


@dataclass(frozen=True, slots=True)
class TalentInstance:
    """Scenes with durations (days), actors with daily costs, and who plays in which scene.

    ``presence[actor][scene]`` is true when the actor plays in the scene.
    """

    durations: tuple[int, ...]
    costs: tuple[int, ...]
    presence: tuple[tuple[bool, ...], ...]
    name: str = ""

    def __post_init__(self) -> None:
        n = len(self.durations)
        if any(d <= 0 for d in self.durations):
            raise ValidationError("durations", t("bench.duration_at_least_one"))
        if any(c < 0 for c in self.costs):
            raise ValidationError("costs", t("bench.negative_daily_cost"))
        if len(self.presence) != len(self.costs):
            raise ValidationError(
                "presence",
                t("bench.actor_cost_rows", rows=len(self.presence), actors=len(self.costs)),
            )
        for actor, row in enumerate(self.presence):
            if len(row) != n:
                raise ValidationError(
                    "presence", t("bench.actor_entries", actor=actor, entries=len(row), scenes=n)
                )

    @property
    def scene_count(self) -> int:
        return len(self.durations)

    @property
    def actor_count(self) -> int:
        return len(self.costs)


@dataclass(frozen=True, slots=True)
class TalentResult:
    """The best order found (0-based scene indices), its total cost and what is proven."""

    order: tuple[int, ...]
    cost: int
    optimal: bool
    lower_bound: int
    seconds: float
    nodes: int


def _check_order(n: int, order: Sequence[int]) -> None:
    if sorted(order) != list(range(n)):
        raise ValidationError("order", t("bench.order_incomplete", last=n - 1))


def total_cost(instance: TalentInstance, order: Sequence[int]) -> int:
    """Total pay when the scenes are shot in ``order``: each actor's daily cost times the days
    from the first day of their first scene to the last day of their last scene."""
    _check_order(instance.scene_count, order)
    start: list[int] = []
    day = 0
    for scene in order:
        start.append(day)
        day += instance.durations[scene]
    cost = 0
    for actor, row in enumerate(instance.presence):
        positions = [k for k, scene in enumerate(order) if row[scene]]
        if positions:
            first, last = positions[0], positions[-1]
            days = start[last] + instance.durations[order[last]] - start[first]
            cost += instance.costs[actor] * days
    return cost


def fixed_cost(instance: TalentInstance) -> int:
    """Pay for the days actors actually play: the same for every order."""
    return sum(
        cost * sum(d for d, plays in zip(instance.durations, row, strict=True) if plays)
        for cost, row in zip(instance.costs, instance.presence, strict=True)
    )


def idle_cost(instance: TalentInstance, order: Sequence[int]) -> int:
    """Pay for hold days only (``total_cost - fixed_cost``), as CSPLib prob039 reports it."""
    return total_cost(instance, order) - fixed_cost(instance)


# --------------------------------------------------------------------------------------------
# The search core
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrderingProblem:
    """A scene-ordering problem in the form the exact search works on.

    The cost of an order is the sum, over its scenes, of (a) the scene's duration times the
    daily cost of every actor on location during it — the scene's own actors and every actor
    who has worked before and works again later — and (b) ``enter_cost`` of the scene's
    location whenever the scene's location differs from the previous scene's (the first scene
    pays it too). ``head`` scenes are shot first, in that order; ``tail`` scenes last, in that
    order; ``predecessors[s]`` is a bit mask of the scenes that must come before ``s``.
    Actor sets and predecessor sets are bit masks (bit ``a`` = actor ``a``).
    """

    durations: tuple[int, ...]
    actors: tuple[int, ...]
    actor_costs: tuple[int, ...]
    locations: tuple[int, ...] = ()
    enter_cost: tuple[int, ...] = ()
    predecessors: tuple[int, ...] = ()
    head: tuple[int, ...] = ()
    tail: tuple[int, ...] = ()

    def order_cost(self, order: Sequence[int]) -> int:
        """Cost of a complete order under the definition above."""
        after = [0] * (len(order) + 1)  # actors playing in order[k:]
        for k in range(len(order) - 1, -1, -1):
            after[k] = after[k + 1] | self.actors[order[k]]
        before = 0
        last = -1
        cost = 0
        for k, s in enumerate(order):
            on = self.actors[s] | (before & after[k + 1])
            cost += self.durations[s] * _mask_cost(on, self.actor_costs)
            if self.locations:
                if self.locations[s] != last:
                    cost += self.enter_cost[self.locations[s]]
                last = self.locations[s]
            before |= self.actors[s]
        return cost


def _mask_cost(mask: int, costs: Sequence[int]) -> int:
    total = 0
    while mask:
        low = mask & -mask
        total += costs[low.bit_length() - 1]
        mask ^= low
    return total


class _Stop(Exception):
    """Raised inside the search when the time limit or the caller asks it to stop."""


@dataclass(frozen=True, slots=True)
class OrderingSearch:
    """What :func:`search_order` found: the order, its cost, a proven lower bound, and effort."""

    order: tuple[int, ...]
    cost: int
    lower_bound: int
    optimal: bool
    nodes: int


def search_order(
    problem: OrderingProblem,
    *,
    upper_order: Sequence[int] | None = None,
    deadline: float | None = None,
    should_stop: Callable[[], bool] | None = None,
    node_limit: int | None = None,
) -> OrderingSearch:
    """Branch and bound over remaining-scene sets; ``upper_order`` is a known feasible order.

    Returns the best order found. ``optimal`` is true only when the search completed, and
    then ``lower_bound == cost``; otherwise ``lower_bound`` is the best bound proven at the root.
    """
    return _Searcher(problem, deadline, should_stop, node_limit).run(upper_order)


class _Searcher:
    def __init__(
        self,
        problem: OrderingProblem,
        deadline: float | None,
        should_stop: Callable[[], bool] | None,
        node_limit: int | None,
    ) -> None:
        self.p = problem
        n = len(problem.durations)
        self.n = n
        self.full = (1 << n) - 1
        m = len(problem.actor_costs)
        self.m = m
        self.actor_scenes = [0] * m
        for s, mask in enumerate(problem.actors):
            a_mask = mask
            while a_mask:
                low = a_mask & -a_mask
                self.actor_scenes[low.bit_length() - 1] |= 1 << s
                a_mask ^= low
        self.scene_fixed = [
            problem.durations[s] * _mask_cost(problem.actors[s], problem.actor_costs)
            for s in range(n)
        ]
        self.has_locations = bool(problem.locations) and any(problem.enter_cost)
        self.locations = problem.locations if problem.locations else (0,) * n
        self.enter = problem.enter_cost if problem.enter_cost else (0,)
        n_loc = (max(self.locations) + 1) if n else 1
        self.loc_scenes = [0] * n_loc
        for s, loc in enumerate(self.locations):
            self.loc_scenes[loc] |= 1 << s
        self.preds = problem.predecessors if problem.predecessors else (0,) * n
        self.has_preds = any(self.preds)
        self.head_mask = 0
        for s in problem.head:
            self.head_mask |= 1 << s
        self.tail = problem.tail
        self.tail_mask = 0
        for s in problem.tail:
            self.tail_mask |= 1 << s
        self.deadline = deadline
        self.should_stop = should_stop
        self.node_limit = node_limit
        self.nodes = 0
        self.cost_cache: dict[int, int] = {}
        self.wsq_cache: dict[int, tuple[float, float, tuple[int, ...]]] = {}
        self.static_lb: dict[int, int] = {}
        self.chunk_cache: dict[tuple[int, int, int], tuple[int, tuple[float, ...], float]] = {}
        self.exact: dict[int, int] = {}
        self.choice: dict[int, int] = {}
        self.bound: dict[int, int] = {}
        self.loc_shift = max(1, n_loc + 1).bit_length()
        # the path from the root and its cost, and the best complete order met on the way
        self.path: list[int] = []
        self.g = 0
        self.found_cost: float = math.inf
        self.found: tuple[tuple[int, ...], int, int] | None = None
        # a node costs about n bound evaluations: look at the clock more often when n is large
        self.check_every = 255 if n <= 24 else 15 if n <= 48 else 0

    # -- small helpers -----------------------------------------------------------------------

    def mask_cost(self, mask: int) -> int:
        value = self.cost_cache.get(mask)
        if value is None:
            value = _mask_cost(mask, self.p.actor_costs)
            self.cost_cache[mask] = value
        return value

    def present(self, q: int) -> int:
        """Actors on location while ``q`` remains: worked already and working again."""
        on = 0
        done = self.full & ~q
        for a, scenes in enumerate(self.actor_scenes):
            if scenes & q and scenes & done:
                on |= 1 << a
        return on

    def lower_bound(self, q: int) -> int:
        """Cost every completion of ``q`` pays, apart from location changes.

        The actors' own working days, plus a bound on the hold days of the actors already on
        location: each of them stays until their last remaining scene is shot, which is a
        weighted-completion-time problem; splitting each scene's duration among its present
        actors in proportion to their rates and ordering actors by Smith's ratio rule bounds
        it from below (the bound of Garcia de la Banda, Stuckey & Chu 2011, section 4).
        """
        value = self.static_lb.get(q)
        if value is None:
            on = self.present(q)
            fixed, ratio, correction = self.bound_parts(q, on)
            value = fixed + self.idle_bound(on, ratio, correction)
            self.static_lb[q] = value
        return value

    def scene_share(self, x: int) -> tuple[float, float, tuple[int, ...]]:
        """Total and squared rates of actor set ``x``, and its members."""
        w = self.wsq_cache.get(x)
        if w is None:
            members = []
            y = x
            while y:
                lo = y & -y
                members.append(lo.bit_length() - 1)
                y ^= lo
            total = float(sum(self.p.actor_costs[a] for a in members))
            squares = float(sum(self.p.actor_costs[a] ** 2 for a in members))
            w = (total, squares, tuple(members))
            self.wsq_cache[x] = w
        return w

    def bound_parts(self, q: int, on: int) -> tuple[int, list[float], float]:
        """Fixed pay of ``q``, each present actor's share ratio, and the bound's correction.

        All three add up over the scenes of ``q``, so they are summed from cached parts for
        each byte of ``q`` (eight scenes at a time) under the same present actors.
        """
        fixed = 0
        correction = 0.0
        ratio: list[float] | None = None
        chunk = 0
        rest = q
        cache = self.chunk_cache
        while rest:
            byte = rest & 255
            if byte:
                key = (on, chunk, byte)
                entry = cache.get(key)
                if entry is None:
                    entry = self._chunk_parts(byte << (8 * chunk), on)
                    cache[key] = entry
                part_fixed, part_ratio, part_correction = entry
                fixed += part_fixed
                correction += part_correction
                if ratio is None:
                    ratio = list(part_ratio)
                else:
                    ratio = [x + y for x, y in zip(ratio, part_ratio, strict=True)]
            rest >>= 8
            chunk += 1
        return fixed, ratio if ratio is not None else [0.0] * self.m, correction

    def _chunk_parts(self, q: int, on: int) -> tuple[int, tuple[float, ...], float]:
        fixed = 0
        ratio = [0.0] * self.m
        correction = 0.0
        durations = self.p.durations
        actors = self.p.actors
        rest = q
        while rest:
            low = rest & -rest
            s = low.bit_length() - 1
            rest ^= low
            fixed += self.scene_fixed[s]
            x = actors[s] & on
            if x:
                total, squares, members = self.scene_share(x)
                if total > 0:
                    d = durations[s]
                    r = d / total
                    for a in members:
                        ratio[a] += r
                    correction += d * (total + squares / total) * 0.5
        return fixed, tuple(ratio), correction

    def idle_bound(self, on: int, ratio: list[float], correction: float) -> int:
        if not on:
            return 0
        costs = self.p.actor_costs
        members = self.scene_share(on)[2]
        elapsed = 0.0
        idle = -correction
        for a in sorted(members, key=ratio.__getitem__):
            elapsed += ratio[a] * costs[a]
            idle += costs[a] * elapsed
        return max(0, math.ceil(idle - 1e-6))

    def child_bound(self, q: int, on: int, s: int, parts: tuple[int, list[float], float]) -> int:
        """``lower_bound(q - {s})``, updated from the parent's parts when nobody arrives or
        leaves (the usual case deep in the search)."""
        child = q & ~(1 << s)
        value = self.static_lb.get(child)
        if value is not None:
            return value
        actors_s = self.p.actors[s]
        leaving = 0
        y = actors_s
        while y:
            lo = y & -y
            a = lo.bit_length() - 1
            y ^= lo
            if not self.actor_scenes[a] & child:
                leaving |= lo
        child_on = (on | actors_s) & ~leaving
        if child_on != on:
            return self.lower_bound(child)
        fixed, ratio, correction = parts
        fixed -= self.scene_fixed[s]
        x = actors_s & on
        if x:
            total, squares, members = self.scene_share(x)
            if total > 0:
                d = self.p.durations[s]
                r = d / total
                ratio = ratio.copy()
                for a in members:
                    ratio[a] -= r
                correction -= d * (total + squares / total) * 0.5
        value = fixed + self.idle_bound(on, ratio, correction)
        self.static_lb[child] = value
        return value

    def location_bound(self, q: int, last: int) -> int:
        if not self.has_locations:
            return 0
        total = 0
        for loc, scenes in enumerate(self.loc_scenes):
            if scenes & q and loc != last:
                total += self.enter[loc]
        return total

    def step_cost(self, s: int, on: int, last: int) -> int:
        cost = self.p.durations[s] * self.mask_cost(self.p.actors[s] | on)
        if self.has_locations and self.locations[s] != last:
            cost += self.enter[self.locations[s]]
        return cost

    def key(self, q: int, last: int) -> int:
        if not self.has_locations:
            return q
        return (q << self.loc_shift) | (last + 1)

    # -- the search ---------------------------------------------------------------------------

    def candidates(self, q: int, last: int, on: int) -> list[int]:
        free = q & ~self.tail_mask
        if not free:
            # only tail scenes remain: the next one is forced
            return [self.tail[len(self.tail) - q.bit_count()]]
        out = []
        rest = free
        done = self.full & ~q
        while rest:
            low = rest & -rest
            s = low.bit_length() - 1
            rest ^= low
            if self.has_preds and self.preds[s] & ~done:
                continue
            if self.p.actors[s] == on and (not self.has_locations or self.locations[s] == last):
                # Shooting s now adds nobody and is never worse than later: moving s to the
                # front of any completion neither lengthens a stay nor adds a location change.
                return [s]
            out.append(s)
        return out

    def tick(self) -> None:
        self.nodes += 1
        if self.nodes & self.check_every == 0:
            if self.deadline is not None and time.perf_counter() > self.deadline:
                raise _Stop
            if self.should_stop is not None and self.should_stop():
                raise _Stop
        if self.node_limit is not None and self.nodes > self.node_limit:
            raise _Stop

    def search(self, q: int, last: int, budget: int) -> int:
        """Cheapest completion of state (q, last) when it is <= budget (exact); otherwise a
        proven lower bound greater than budget."""
        if not q:
            return 0
        k = self.key(q, last)
        value = self.exact.get(k)
        if value is not None:
            return value
        lb = self.bound.get(k)
        if lb is None:
            lb = self.lower_bound(q) + self.location_bound(q, last)
        if lb > budget:
            return lb
        self.tick()
        on = self.present(q)
        parts = self.bound_parts(q, on)
        children = []
        for s in self.candidates(q, last, on):
            c = self.step_cost(s, on, last)
            child = q & ~(1 << s)
            child_last = self.locations[s]
            ck = self.key(child, child_last)
            cv = self.exact.get(ck)
            if cv is None:
                cv = self.bound.get(ck)
                if cv is None:
                    cv = self.child_bound(q, on, s, parts) + self.location_bound(child, child_last)
            children.append((c + cv, c, s))
        children.sort()
        best = -1
        best_value = 0
        failed = math.inf
        for estimate, c, s in children:
            limit = budget if best < 0 else min(budget, best_value - 1)
            if estimate > limit:
                failed = min(failed, estimate)
                break
            self.path.append(s)
            self.g += c
            v = c + self.search(q & ~(1 << s), self.locations[s], limit - c)
            self.path.pop()
            self.g -= c
            if v <= limit:
                best, best_value = s, v
            else:
                failed = min(failed, v)
        if best >= 0:
            self.exact[k] = best_value
            self.choice[k] = best
            if self.g + best_value < self.found_cost:
                # a complete order better than any seen: the path here, then the memo's choices
                self.found_cost = self.g + best_value
                self.found = (tuple(self.path), q, last)
            return best_value
        proven = max(lb, int(failed))
        self.bound[k] = proven
        return proven

    def rebuild(self, q: int, last: int) -> list[int]:
        out = []
        while q:
            s = self.choice[self.key(q, last)]
            out.append(s)
            q &= ~(1 << s)
            last = self.locations[s]
        return out

    def run(self, upper_order: Sequence[int] | None) -> OrderingSearch:
        p = self.p
        head = list(p.head)
        q0 = self.full & ~self.head_mask
        last0 = p.locations[head[-1]] if head and p.locations else -1
        incumbent: list[int] | None = list(upper_order) if upper_order is not None else None
        incumbent_cost = p.order_cost(incumbent) if incumbent is not None else None
        # g0: the head's cost inside a complete order is independent of the rest's order
        g0 = self._head_cost(head, q0)
        root_lb = g0 + self.lower_bound(q0) + self.location_bound(q0, last0)
        optimal = False
        try:
            budget = (incumbent_cost - g0 - 1) if incumbent_cost is not None else 1 << 62
            value = self.search(q0, last0, budget)
            if value <= budget:
                incumbent = head + self.rebuild(q0, last0)
                incumbent_cost = p.order_cost(incumbent)
                root_lb = incumbent_cost
            else:
                root_lb = max(root_lb, g0 + value)
            optimal = True
        except _Stop:
            k = self.key(q0, last0)
            if k in self.exact:  # pragma: no cover - the root is exact only when the search ends
                root_lb = g0 + self.exact[k]
            elif k in self.bound:
                root_lb = max(root_lb, g0 + self.bound[k])
            self.path.clear()
            self.g = 0
            candidates = [self._best_partial(q0, last0, head)]
            if self.found is not None:
                path, q, last = self.found
                candidates.append([*head, *path, *self.rebuild(q, last)])
            for better in candidates:
                if better is not None:
                    cost = p.order_cost(better)
                    if incumbent_cost is None or cost < incumbent_cost:
                        incumbent, incumbent_cost = better, cost
        if incumbent is None or incumbent_cost is None:
            incumbent = head + self._greedy(q0, last0)
            incumbent_cost = p.order_cost(incumbent)
        if optimal:
            root_lb = incumbent_cost
        return OrderingSearch(
            tuple(incumbent), incumbent_cost, min(root_lb, incumbent_cost), optimal, self.nodes
        )

    def _head_cost(self, head: list[int], q0: int) -> int:
        """Cost of the head scenes inside any complete order (it does not depend on the rest)."""
        later = [0] * (len(head) + 1)
        later[len(head)] = self.actors_in(q0)
        for k in range(len(head) - 1, -1, -1):
            later[k] = later[k + 1] | self.p.actors[head[k]]
        cost = 0
        done = 0
        last = -1
        for k, s in enumerate(head):
            on = self.p.actors[s] | (done & later[k + 1])
            cost += self.p.durations[s] * self.mask_cost(on)
            if self.has_locations and self.locations[s] != last:
                cost += self.enter[self.locations[s]]
            last = self.locations[s]
            done |= self.p.actors[s]
        return cost

    def actors_in(self, q: int) -> int:
        out = 0
        for a, scenes in enumerate(self.actor_scenes):
            if scenes & q:
                out |= 1 << a
        return out

    def _greedy(self, q: int, last: int) -> list[int]:
        out = []
        while q:
            on = self.present(q)
            cands = self.candidates(q, last, on)
            s = min(cands, key=lambda x: self.step_cost(x, on, last))
            out.append(s)
            q &= ~(1 << s)
            last = self.locations[s]
        return out

    def _best_partial(self, q: int, last: int, head: list[int]) -> list[int] | None:
        """After a stop: follow exact memo entries where known, greedy choices elsewhere."""
        if self.key(q, last) not in self.exact and not self.exact:
            return None
        out = list(head)
        while q:
            k = self.key(q, last)
            s = self.choice.get(k)
            if s is None:
                on = self.present(q)
                cands = self.candidates(q, last, on)

                def estimate(x: int, on: int = on, q: int = q, last: int = last) -> int:
                    child = q & ~(1 << x)
                    ck = self.key(child, self.locations[x])
                    rest = self.exact.get(ck)
                    if rest is None:
                        rest = self.bound.get(ck, self.lower_bound(child))
                    return self.step_cost(x, on, last) + rest

                s = min(cands, key=estimate)
            out.append(s)
            q &= ~(1 << s)
            last = self.locations[s]
        return out


# --------------------------------------------------------------------------------------------
# Talent scheduling
# --------------------------------------------------------------------------------------------

#: The layered search's plan: a beam of this width for an order to beat, then the exact search
#: allowed that many subsets per layer; when a layer outgrows it, a wider beam and again.
SEARCH_LADDER = ((32, 20_000), (512, 250_000), (4096, 2_000_000))


def _reduce(
    instance: TalentInstance, pinned: frozenset[int]
) -> tuple[list[list[int]], list[int], list[int], list[int], int]:
    """Groups of scenes shot back to back, their durations, each group's cast over the actors
    that matter (bit masks), those actors' daily costs, and the pay that no order changes.

    An actor whose pay is the same in every order is dropped and its pay counted once: one who
    plays in a single group (a group is shot in one block) or in every group (on location for
    the whole shoot). Actors who play in exactly the same scenes act as one, at their summed
    rate. Scenes with the same cast are shot back to back in some optimal order (moving them
    next to each other never lengthens a stay), so they form one group; pinned scenes stay
    alone. Dropping an actor can make two casts equal, so this runs to a fixed point, merging
    groups whole (each stays one block, as the dropped actors' pay assumes).
    """
    n = instance.scene_count
    durations = instance.durations
    full = (1 << n) - 1
    total_days = sum(durations)
    constant = 0
    rate_of: dict[int, int] = {}  # scene set (bit mask) -> summed daily cost
    for cost, row in zip(instance.costs, instance.presence, strict=True):
        if not cost:
            continue
        scenes = 0
        bit = 1
        for plays in row:
            if plays:
                scenes |= bit
            bit <<= 1
        if scenes & (scenes - 1) == 0:  # one scene, or none
            if scenes:
                constant += cost * durations[scenes.bit_length() - 1]
        elif scenes == full:
            constant += cost * total_days
        else:
            rate_of[scenes] = rate_of.get(scenes, 0) + cost
    actors = list(rate_of.items())
    units: list[list[int]] = [[s] for s in range(n)]
    unit_of = list(range(n))
    while True:
        casts = [0] * len(units)
        for a, (scenes, _) in enumerate(actors):
            bit = 1 << a
            while scenes:
                low = scenes & -scenes
                casts[unit_of[low.bit_length() - 1]] |= bit
                scenes ^= low
        if not pinned and len(set(casts)) == len(casts):
            break  # every group has its own cast: nothing to merge
        merged: list[list[int]] = []
        merged_casts: list[int] = []
        by_cast: dict[int, int] = {}
        new_of = []
        for u, members in enumerate(units):
            cast = casts[u]
            alone = members[0] in pinned
            found = None if alone else by_cast.get(cast)
            if found is None:
                found = len(merged)
                merged.append(list(members))
                merged_casts.append(cast)
                if not alone:
                    by_cast[cast] = found
            else:
                merged[found] += members
            new_of.append(found)
        if len(merged) == len(units):
            break  # nothing merged, so no actor's groups changed: nothing more to drop
        units = merged
        unit_of = [new_of[u] for u in unit_of]
        kept = []
        for scenes, cost in actors:
            touched = 0
            rest = scenes
            while rest:
                low = rest & -rest
                touched |= 1 << unit_of[low.bit_length() - 1]
                rest ^= low
            if touched & (touched - 1) == 0:
                group = units[touched.bit_length() - 1]
                constant += cost * sum(durations[s] for s in group)
            elif touched.bit_count() == len(units):
                constant += cost * total_days
            else:
                kept.append((scenes, cost))
        if len(kept) == len(actors):
            casts = merged_casts
            break
        actors = kept
    days = [durations[g[0]] if len(g) == 1 else sum(durations[s] for s in g) for g in units]
    return units, days, casts, [c for _, c in actors], constant


def solve_talent(
    instance: TalentInstance,
    *,
    time_limit: float = 10.0,
    initial: Sequence[int] | None = None,
    fixed_prefix: Sequence[int] = (),
    fixed_suffix: Sequence[int] = (),
    should_stop: Callable[[], bool] | None = None,
) -> TalentResult:
    """The cheapest order of ``instance``'s scenes (total cost), proven when time allows.

    ``fixed_prefix`` scenes open the shoot and ``fixed_suffix`` scenes close it, in the given
    orders; ``initial`` is a known order to start from. Always returns the best order found;
    ``optimal`` is true only when the search proved it.

    After :func:`_reduce`, the groups left to order go to the engines of
    :mod:`filmpark.schedule.talent_dp`: the pure-Python subset DP for a handful, the complete
    numpy subset DP up to ``DENSE_SCENES`` groups (both exact outright), and beyond that beams
    for a good order, then the bounded layered DP, which stops at the time limit with the best
    order and a proven lower bound. Past ``MAX_SCENES`` groups the branch and bound of
    :func:`search_order` takes over.
    """
    started = time.perf_counter()
    if time_limit <= 0:
        raise ValidationError("time_limit", t("value.must_be_positive"))
    n = instance.scene_count
    pinned = [*fixed_prefix, *fixed_suffix]
    if pinned and (any(not 0 <= s < n for s in pinned) or len(set(pinned)) != len(pinned)):
        raise ValidationError("fixed_prefix", t("bench.pinned_distinct"))
    if initial is not None:
        _check_order(n, initial)
    if n == 0:
        return TalentResult((), 0, True, 0, time.perf_counter() - started, 0)
    groups, days, casts, costs, constant = _reduce(instance, frozenset(pinned))
    head_cast = tail_cast = 0
    if pinned:
        group_of = {s: g for g, members in enumerate(groups) for s in members}
        for s in fixed_prefix:
            head_cast |= casts[group_of[s]]
        for s in fixed_suffix:
            tail_cast |= casts[group_of[s]]
        ends = {group_of[s] for s in pinned}
        free = [g for g in range(len(groups)) if g not in ends]
        durations = [days[g] for g in free]
        free_casts = [casts[g] for g in free]
    else:
        free = list(range(len(groups)))
        durations, free_casts = days, casts
    k = len(free)
    nodes = 0
    if k <= SMALL_SCENES and len(costs) <= SMALL_ACTORS:
        cost, order = solve_small(durations, free_casts, costs, head_cast, tail_cast)
        optimal, bound = True, cost
    elif k <= DENSE_SCENES:
        cost, order = solve_dense(durations, free_casts, costs, head_cast, tail_cast)
        optimal, bound, nodes = True, cost, 1 << k
    elif k <= MAX_SCENES:
        search = LayeredSearch(durations, free_casts, costs, head_cast, tail_cast)
        order, cost, optimal, bound = _layered(
            search, _free_order(groups, free, initial) if initial else None,
            started + time_limit, should_stop,
        )  # fmt: skip
        nodes = search.expanded
    else:
        return _solve_large(
            instance, groups, days, casts, costs, constant, fixed_prefix, fixed_suffix,
            initial, started, time_limit, should_stop,
        )  # fmt: skip
    if pinned:
        scenes = (*fixed_prefix, *(s for g in order for s in groups[free[g]]), *fixed_suffix)
        around = total_cost(instance, scenes) - cost - constant
        cost, bound = cost + around, bound + around
    else:
        scenes = tuple([s for g in order for s in groups[g]])
    return TalentResult(
        order=scenes,
        cost=cost + constant,
        optimal=optimal,
        lower_bound=bound + constant,
        seconds=time.perf_counter() - started,
        nodes=nodes,
    )


def _layered(
    search: LayeredSearch,
    start: Sequence[int] | None,
    deadline: float,
    should_stop: Callable[[], bool] | None,
) -> tuple[list[int], int, bool, int]:
    """Order, cost, proven, lower bound: beams for an order to beat, each followed by the exact
    layered search with a cap on its layers (see ``SEARCH_LADDER``). The first beam always runs
    (milliseconds) so that there is an order whatever the time limit."""
    upper = list(start) if start is not None else None
    upper_cost = search.order_cost(upper) if upper is not None else 1 << 62
    bound = 0
    for rung, (width, cap) in enumerate(SEARCH_LADDER):
        timed = rung > 0 or upper is not None
        beam = search.run(
            upper_cost - 1,
            width=width,
            deadline=deadline if timed else None,
            should_stop=should_stop if timed else None,
        )
        if beam.order is not None and beam.cost is not None:
            upper, upper_cost = list(beam.order), beam.cost
        exact = search.run(
            upper_cost - 1, deadline=deadline, should_stop=should_stop, max_states=cap
        )
        if exact.order is not None and exact.cost is not None:
            upper, upper_cost = list(exact.order), exact.cost
        bound = max(bound, exact.lower_bound)
        if exact.complete:
            assert upper is not None
            return upper, upper_cost, True, upper_cost
        if not exact.outgrown:
            break  # out of time, or asked to stop
    assert upper is not None
    return upper, upper_cost, False, min(bound, upper_cost)


def _free_order(
    groups: Sequence[Sequence[int]], free: Sequence[int], scenes: Sequence[int]
) -> list[int]:
    """A scene order as an order of the free groups: each where its first scene appears."""
    position = {s: i for i, g in enumerate(free) for s in groups[g]}
    seen: set[int] = set()
    out = []
    for s in scenes:
        i = position.get(s)
        if i is not None and i not in seen:
            seen.add(i)
            out.append(i)
    return out


def _solve_large(
    instance: TalentInstance,
    groups: Sequence[Sequence[int]],
    days: Sequence[int],
    casts: Sequence[int],
    costs: Sequence[int],
    constant: int,
    fixed_prefix: Sequence[int],
    fixed_suffix: Sequence[int],
    initial: Sequence[int] | None,
    started: float,
    time_limit: float,
    should_stop: Callable[[], bool] | None,
) -> TalentResult:
    """More groups than a bit mask holds: the branch and bound of :func:`search_order` from a
    greedy or given order, improved by local search first."""
    deadline = started + time_limit
    group_of = {s: g for g, members in enumerate(groups) for s in members}
    problem = OrderingProblem(
        durations=tuple(days),
        actors=tuple(casts),
        actor_costs=tuple(costs),
        head=tuple(group_of[s] for s in fixed_prefix),
        tail=tuple(group_of[s] for s in fixed_suffix),
    )
    searcher = _Searcher(problem, deadline, should_stop, None)
    q0 = searcher.full & ~searcher.head_mask
    seeds = [[*problem.head, *searcher._greedy(q0, -1)]]
    if initial is not None:
        pinned = set(problem.head) | set(problem.tail)
        middle = [g for g in dict.fromkeys(group_of[s] for s in initial) if g not in pinned]
        seeds.append([*problem.head, *middle, *problem.tail])
    upper = min(seeds, key=problem.order_cost)
    upper = _improve(problem, upper, started + min(0.05 * time_limit, 0.5), 0)
    found = searcher.run(upper)
    order = tuple(s for g in found.order for s in groups[g])
    return TalentResult(
        order=order,
        cost=found.cost + constant,
        optimal=found.optimal,
        lower_bound=found.lower_bound + constant,
        seconds=time.perf_counter() - started,
        nodes=found.nodes,
    )


def _improve(problem: OrderingProblem, order: list[int], deadline: float, seed: int) -> list[int]:
    """First-improvement insertion local search with random restarts of the scan order."""
    fixed = set(problem.head) | set(problem.tail)
    lo, hi = len(problem.head), len(order) - len(problem.tail)
    best = problem.order_cost(order)
    rng = random.Random(seed)
    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        positions = list(range(lo, hi))
        rng.shuffle(positions)
        for i in positions:
            s = order[i]
            if s in fixed:
                continue
            rest = order[:i] + order[i + 1 :]
            for j in range(lo, hi):
                if j == i:
                    continue
                candidate = [*rest[:j], s, *rest[j:]]
                cost = problem.order_cost(candidate)
                if cost < best:
                    best, order, improved = cost, candidate, True
                    break
            if time.perf_counter() > deadline:
                break
    return order
