"""Exact talent scheduling by dynamic programming over the set of scenes already shot.

The engine behind :func:`filmpark.schedule.talent.solve_talent` once an instance is reduced
(constant actors dropped, actors who always work together joined, scenes with the same cast
merged). Its input is plain data: each scene's duration and cast (a bit mask over the actors
that matter), the actors' daily costs, and the casts of pinned first (``head_cast``) and last
(``tail_cast``) scenes. Three ways in, chosen by the number ``k`` of scenes to order:

* :func:`solve_small` (``k <= SMALL_SCENES``) — the subset DP in pure Python: a few hundred
  integer operations, no array set-up at all;
* :func:`solve_dense` (``k <= DENSE_SCENES``) — the same DP over every subset, one numpy step
  per subset size;
* :class:`LayeredSearch` — bounded DP, breadth first: the subsets of each size that can still
  lead to an order cheaper than an upper bound, expanded, merged and pruned a whole layer at a
  time with numpy. Beams of the same search give the upper bound (see ``run``'s ``width``).

What all three rest on:

1. **State = the set ``D`` of scenes shot so far.** While scene ``i`` is shot next, the actors
   on location are ``cast(i) | O(D)`` where ``O(D)`` are the actors who have worked and work
   again (``cast(D) & cast(rest)``): an actor of ``O(D)`` not needed after ``i`` plays in
   ``i``. The step's cost depends on ``D`` and ``i`` only, so the cheapest way ``f(D)`` to shoot
   ``D`` first is a function of the set (Garcia de la Banda, Stuckey & Chu, "Solving talent
   scheduling with dynamic programming", INFORMS J. Computing 23(1), 2011).
2. **An order costs what its reverse costs** (the actors on location during a scene are those
   who work both before and after it, or in it). So the cheapest way to shoot a set ``Q`` *last*
   is ``f(Q)`` of the mirrored problem (pinned ends swapped), and the optimum is
   ``min f(D) + f'(all - D)`` over the subsets ``D`` of half the scenes: the full DPs only go
   half-way down (meet in the middle).
3. **Dominance:** when a remaining scene's cast is exactly ``O(D)``, shooting it next is never
   worse, so it is the only move from ``D`` (moving it to the front adds nobody to any day).
4. **Lower bound** on finishing from ``D``: every remaining scene's own pay, plus the hold days
   of the actors already on location. Each of them stays until their last remaining scene; the
   scenes are split among the present actors of each in proportion to their rates, and the
   weighted-completion problem that results is solved exactly by Smith's ratio rule, for up
   to ``_PAIRWISE_ACTORS`` actors in its pairwise form ``sum c_a p_a + sum_{a<b} min(c_b p_a,
   c_a p_b)`` (no sort), beyond that by sorting.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = [
    "DENSE_SCENES",
    "MAX_SCENES",
    "SMALL_ACTORS",
    "SMALL_SCENES",
    "LayeredOutcome",
    "LayeredSearch",
    "order_cost",
    "solve_dense",
    "solve_small",
]

Int64s = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]

#: Up to this many scenes (and ``SMALL_ACTORS`` actors) the pure-Python subset DP is the
#: fastest way to the optimum.
SMALL_SCENES = 7
SMALL_ACTORS = 12
#: Up to this many scenes the complete subset DP (numpy) is solved outright.
DENSE_SCENES = 13
#: Scene sets are int64 bit masks.
MAX_SCENES = 62
#: "Not reached yet" in the dense DP: above any real cost, far below int64 overflow.
_UNREACHED = 1 << 50


def _subset_sums(values: Sequence[int]) -> list[int]:
    """``out[mask]`` = sum of ``values[a]`` over the bits ``a`` of ``mask`` (by doubling)."""
    out = [0]
    for value in values:
        out += [x + value for x in out]
    return out


def _order_from(last: Sequence[int], state: int) -> list[int]:
    """Walk a DP's "last scene added" table (bits) back from ``state``: its scenes in order."""
    out = []
    while state:
        bit = last[state]
        out.append(bit.bit_length() - 1)
        state ^= bit
    out.reverse()
    return out


def _order_from_array(last: npt.NDArray[np.int8], state: int) -> list[int]:
    """The same walk on a numpy table of scene indices."""
    out = []
    while state:
        scene = int(last[state])
        out.append(scene)
        state ^= 1 << scene
    out.reverse()
    return out


def _mask_pay(mask: int, costs: Sequence[int]) -> int:
    return sum(cost for a, cost in enumerate(costs) if mask >> a & 1)


def order_cost(
    durations: Sequence[int],
    casts: Sequence[int],
    costs: Sequence[int],
    order: Sequence[int],
    head_cast: int = 0,
    tail_cast: int = 0,
) -> int:
    """Cost of shooting every scene in ``order``, between the pinned ends: the reference the
    solvers' answers are checked against."""
    later = [tail_cast] * (len(order) + 1)
    for pos in range(len(order) - 1, -1, -1):
        later[pos] = later[pos + 1] | casts[order[pos]]
    worked = head_cast
    total = 0
    for pos, scene in enumerate(order):
        total += durations[scene] * _mask_pay(casts[scene] | (worked & later[pos + 1]), costs)
        worked |= casts[scene]
    return total


# --------------------------------------------------------------------------------------------
# Small problems: pure Python
# --------------------------------------------------------------------------------------------


def _py_half(
    k: int,
    moves: list[tuple[int, int, int]],
    cast_of: list[int],
    pay: list[int],
    head: int,
    tail: int,
) -> tuple[list[int], list[int], list[int]]:
    """Forward DP over the subsets of up to ``ceil(k / 2)`` scenes: the cost of each, the last
    scene (as a bit) of its best order, and the subsets of ``k // 2`` scenes."""
    full = (1 << k) - 1
    f = [_UNREACHED] * (full + 1)
    last = [0] * (full + 1)
    f[0] = 0
    frontier = [0]
    middle = frontier
    half = k // 2
    for size in range((k + 1) // 2):
        reached = []
        for done in frontier:
            so_far = f[done]
            rest = full ^ done
            on = (cast_of[done] | head) & (cast_of[rest] | tail)
            for bit, cast, days in moves:
                if rest & bit:
                    state = done | bit
                    value = so_far + days * pay[cast | on]
                    old = f[state]
                    if value < old:
                        if old == _UNREACHED:
                            reached.append(state)
                        f[state] = value
                        last[state] = bit
        frontier = reached
        if size + 1 == half:
            middle = frontier
    return f, last, middle


def solve_small(
    durations: Sequence[int],
    casts: Sequence[int],
    costs: Sequence[int],
    head_cast: int = 0,
    tail_cast: int = 0,
) -> tuple[int, list[int]]:
    """Optimal order of a few scenes (pure Python, meet in the middle): (cost, order).

    The cost is that of the ordered scenes only, with ``head_cast`` counted as having worked
    before them and ``tail_cast`` as working after them. Meant for ``SMALL_SCENES`` scenes and
    up to ``SMALL_ACTORS`` actors (a table of the pay of every actor set is built).
    """
    k = len(durations)
    if k == 0:
        return 0, []
    full = (1 << k) - 1
    pay = _subset_sums(costs)
    cast_of = [0]
    for cast in casts:
        cast_of += [x | cast for x in cast_of]
    moves = [(1 << i, casts[i], durations[i]) for i in range(k)]
    f, last, middle = _py_half(k, moves, cast_of, pay, head_cast, tail_cast)
    if head_cast == tail_cast:  # the mirrored problem is the same one
        g, g_last = f, last
    else:
        g, g_last, _ = _py_half(k, moves, cast_of, pay, tail_cast, head_cast)
    best = _UNREACHED
    split = 0
    for done in middle:
        value = f[done] + g[full ^ done]
        if value < best:
            best, split = value, done
    order = _order_from(last, split)
    order += reversed(_order_from(g_last, full ^ split))
    return best, order


# --------------------------------------------------------------------------------------------
# Pay of many actor sets at once
# --------------------------------------------------------------------------------------------


class _Pay:
    """Daily pay of actor bit masks, elementwise over int64 arrays (a table of every mask for
    up to 16 actors, else one table per 8 actors)."""

    def __init__(self, costs: Sequence[int]) -> None:
        self.m = len(costs)
        if self.m <= 16:
            self.table: Int64s | None = np.array(_subset_sums(costs), dtype=np.int64)
            self.chunks: list[Int64s] = []
        else:
            self.table = None
            self.chunks = [
                np.array(_subset_sums(costs[lo : lo + 8]), dtype=np.int64)
                for lo in range(0, self.m, 8)
            ]

    def __call__(self, masks: Int64s) -> Int64s:
        if self.table is not None:
            out: Int64s = self.table[masks]
            return out
        total: Int64s = self.chunks[0][masks & 255]
        for j, chunk in enumerate(self.chunks[1:], start=1):
            total = total + chunk[(masks >> (8 * j)) & 255]
        return total


def _cast_of_all(casts: Sequence[int]) -> Int64s:
    """The cast of every subset of scenes (index = subset bit mask)."""
    out = np.zeros(1 << len(casts), dtype=np.int64)
    for i, cast in enumerate(casts):
        bit = 1 << i
        np.bitwise_or(out[:bit], cast, out=out[bit : 2 * bit])
    return out


# --------------------------------------------------------------------------------------------
# Medium problems: the complete subset DP with numpy
# --------------------------------------------------------------------------------------------


def _np_half(
    k: int,
    step: Callable[[Int64s], Int64s],
    on_all: Int64s,
    by_size: Int64s,
    ends: Int64s,
) -> tuple[Int64s, npt.NDArray[np.int8]]:
    """Forward DP over all subsets of up to ``ceil(k / 2)`` scenes, one subset size at a time.

    Each subset ``S`` of size ``L`` takes the best of its ``L`` predecessors ``S - {i}``; the
    other ``k - L`` columns point at supersets of size ``L + 1``, still "unreached", so they
    never win and need no mask. ``step(on)`` prices shooting scene ``i`` (column ``i``) while
    the actors ``on[:, i]`` are on location besides its own.
    """
    f = np.full(1 << k, _UNREACHED, dtype=np.int64)
    f[0] = 0
    last = np.zeros(1 << k, dtype=np.int8)
    bits = np.left_shift(np.int64(1), np.arange(k, dtype=np.int64))
    for size in range(1, (k + 1) // 2 + 1):
        states = by_size[ends[size - 1] : ends[size]]
        before = states[:, None] ^ bits
        values = f[before] + step(on_all[before])
        f[states] = values.min(axis=1)
        last[states] = values.argmin(axis=1)
    return f, last


def solve_dense(
    durations: Sequence[int],
    casts: Sequence[int],
    costs: Sequence[int],
    head_cast: int = 0,
    tail_cast: int = 0,
) -> tuple[int, list[int]]:
    """Optimal order by the complete subset DP (numpy, meet in the middle): (cost, order)."""
    k = len(durations)
    if k <= 1:
        return solve_small(durations, casts, costs, head_cast, tail_cast)
    full = (1 << k) - 1
    m = len(costs)
    d = np.array(durations, dtype=np.int64)
    a = np.array(casts, dtype=np.int64)
    if m <= 12:
        # the price of every scene under every set of other actors on location
        table = (
            d[:, None]
            * np.array(_subset_sums(costs), dtype=np.int64)[
                a[:, None] | np.arange(1 << m, dtype=np.int64)
            ]
        )
        columns = np.arange(k)

        def step(on: Int64s) -> Int64s:
            out: Int64s = table[columns, on]
            return out

    else:
        pay = _Pay(costs)

        def step(on: Int64s) -> Int64s:
            return d * pay(a | on)

    cast_all = _cast_of_all(casts)
    later_all = cast_all[::-1]  # later_all[D] = cast of the complement of D
    sizes = np.bitwise_count(np.arange(full + 1, dtype=np.int64))
    by_size = np.argsort(sizes, kind="stable")
    ends = np.cumsum(np.bincount(sizes))
    f, last = _np_half(k, step, (cast_all | head_cast) & (later_all | tail_cast), by_size, ends)
    if head_cast == tail_cast:  # the mirrored problem is the same one
        g, g_last = f, last
    else:
        on_back = (cast_all | tail_cast) & (later_all | head_cast)
        g, g_last = _np_half(k, step, on_back, by_size, ends)
    middle = by_size[ends[k // 2 - 1] : ends[k // 2]]
    totals = f[middle] + g[full ^ middle]
    pick = int(totals.argmin())
    split = int(middle[pick])
    order = _order_from_array(last, split)
    order += reversed(_order_from_array(g_last, full ^ split))
    return int(totals[pick]), order


# --------------------------------------------------------------------------------------------
# Larger problems: bounded DP, breadth first
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LayeredOutcome:
    """What one pass of :meth:`LayeredSearch.run` established.

    ``order``/``cost``: the cheapest complete order found within the threshold (None when no
    order costs at most the threshold, or the pass stopped). ``lower_bound``: proven for the
    optimum (``threshold + 1`` when the pass completed without an order). ``complete``: the pass
    ran to the end, so its answer is exact. ``states``: subsets kept, over all layers.
    ``outgrown``: the pass stopped because a layer would have held more than ``max_states``.
    """

    order: tuple[int, ...] | None
    cost: int | None
    lower_bound: int
    complete: bool
    states: int
    outgrown: bool = False


class _Stopped(Exception):
    """The deadline passed or the caller asked to stop."""


class _Outgrown(Exception):
    """A layer would hold more subsets than allowed."""


#: Rows of work handled in one numpy pass (bounds memory to tens of MB per array).
_CHUNK = 1 << 15
#: Bytes the per-present-set bound tables may take before the bound is computed scene by scene.
_TABLE_BUDGET = 48 << 20
#: Up to this many actors Smith's rule is summed over pairs; beyond, by sorting.
_PAIRWISE_ACTORS = 10


class LayeredSearch:
    """Bounded DP over scene subsets, one subset size (layer) at a time, with numpy.

    A subset ``D`` is kept when ``g(D) + h(D) <= threshold``: ``g`` the cheapest way found to
    shoot ``D`` first (exact for every subset on an optimal path, since those are never pruned)
    and ``h`` the lower bound of the module docstring. Children of a layer are generated for
    all kept subsets at once, merged (the cheapest ``g`` per subset wins) and pruned, so every
    subset is expanded at most once, with its best ``g``.
    """

    def __init__(
        self,
        durations: Sequence[int],
        casts: Sequence[int],
        costs: Sequence[int],
        head_cast: int = 0,
        tail_cast: int = 0,
    ) -> None:
        k = len(durations)
        if not 1 <= k <= MAX_SCENES:
            raise ValueError(f"the layered search orders 1..{MAX_SCENES} scenes, not {k}")
        m = len(costs)
        self.k, self.m = k, m
        self.full = (1 << k) - 1
        self.head, self.tail = head_cast, tail_cast
        self.durations = np.array(durations, dtype=np.int64)
        self.casts = np.array(casts, dtype=np.int64)
        self.costs = list(costs)
        self.scene_days = list(durations)
        self.scene_casts = list(casts)
        self.bits = np.left_shift(np.int64(1), np.arange(k, dtype=np.int64))
        self.pay = _Pay(costs)
        self.pay_squares = _Pay([c * c for c in costs])
        own = [d * _mask_pay(c, costs) for d, c in zip(durations, casts, strict=True)]
        # columns (one row per scene) for the moves of many subsets at once
        self.bit_column = self.bits[:, None]
        self.cast_column = self.casts[:, None]
        self.days_int_column = self.durations[:, None]
        self.scene_column = np.arange(k, dtype=np.int64)[:, None]
        self.own_column = np.array(own, dtype=np.int64)[:, None]
        # with few actors, the price of each scene under every set of others on location
        self.prices: Int64s | None = None
        self.price_column = np.arange(k, dtype=np.int64)[:, None] * (1 << m)
        if m <= 12:
            every = np.arange(1 << m, dtype=np.int64)
            self.prices = (self.days_int_column * self.pay(self.cast_column | every)).ravel()
        self.chunks = (k + 7) // 8
        self.cast_tables: list[Int64s] = []
        self.own_tables: list[Int64s] = []
        for ch in range(self.chunks):
            part = range(8 * ch, min(k, 8 * ch + 8))
            self.cast_tables.append(_cast_of_all([casts[i] for i in part]))
            self.own_tables.append(np.array(_subset_sums([own[i] for i in part]), np.int64))
        # the scene whose cast is a given actor set (casts are distinct after merging)
        self.cast_sorted = np.sort(self.casts)
        self.scene_by_cast = np.argsort(self.casts).astype(np.int64)
        # the Smith bound's ingredients
        self.rates = np.array(costs, dtype=np.float64)
        self.rate_column = self.rates[:, None]
        self.members = [[a for a in range(m) if casts[i] >> a & 1] for i in range(k)]
        # for the bound computed scene by scene: each actor's scenes, one run of rows each
        self.scene_ids = np.arange(k, dtype=np.int64)[:, None]
        self.actor_ids = np.arange(m, dtype=np.int64)[:, None]
        self.days_column = np.array(durations, dtype=np.float64)[:, None]
        # (an actor with no scene gets a placeholder row: never present, it weighs nothing)
        scenes_of = [[i for i in range(k) if casts[i] >> a & 1] or [0] for a in range(m)]
        self.scene_rows = np.array([i for rows in scenes_of for i in rows], dtype=np.int64)
        self.row_starts = np.cumsum([0] + [len(rows) for rows in scenes_of[:-1]]).astype(np.int64)
        block = self.chunks * 256 * (m + 1) * 8
        self.tabled = m <= 16 and (1 << m) * block <= _TABLE_BUDGET
        if self.tabled:
            # one block of columns per present-actor set, filled when the set first occurs
            self.built = np.zeros(1 << m, dtype=bool)
            self.table = np.empty((m + 1, (1 << m) * self.chunks * 256), dtype=np.float64)
            kpad = 8 * self.chunks
            self.cast_pad = np.zeros(kpad, dtype=np.int64)
            self.cast_pad[:k] = self.casts
            self.days_pad = np.zeros(kpad, dtype=np.float64)
            self.days_pad[:k] = durations
            self.in_scene = np.zeros((kpad, m), dtype=np.float64)
            for i, members in enumerate(self.members):
                self.in_scene[i, members] = 1.0
        self.expanded = 0

    def order_cost(self, order: Sequence[int]) -> int:
        """Cost of shooting every scene in ``order`` (see :func:`order_cost`)."""
        return order_cost(
            self.scene_days, self.scene_casts, self.costs, order, self.head, self.tail
        )

    # -- sets of scenes ------------------------------------------------------------------------

    def cast_of(self, scenes: Int64s) -> Int64s:
        out: Int64s = self.cast_tables[0][scenes & 255]
        for ch in range(1, self.chunks):
            out = out | self.cast_tables[ch][(scenes >> (8 * ch)) & 255]
        return out

    def own_of(self, scenes: Int64s) -> Int64s:
        out: Int64s = self.own_tables[0][scenes & 255]
        for ch in range(1, self.chunks):
            out = out + self.own_tables[ch][(scenes >> (8 * ch)) & 255]
        return out

    # -- the lower bound -------------------------------------------------------------------------

    def _add_blocks(self, present: Int64s) -> None:
        """Bound tables for new present-actor sets: for each byte of the remaining scenes, the
        present actors' shares of those scenes and the bound's correction, summed."""
        m = self.m
        u = present.size
        rates = ((present[:, None] >> np.arange(m)) & 1) * self.rates
        shared = self.cast_pad[None, :] & present[:, None]
        total = self.pay(shared).astype(np.float64)
        squares = self.pay_squares(shared).astype(np.float64)
        per_rate = np.divide(
            self.days_pad[None, :], total, out=np.zeros_like(total), where=total > 0
        )
        parts = np.empty((m + 1, u, 8 * self.chunks), dtype=np.float64)
        parts[:m] = (
            per_rate[:, :, None] * self.in_scene[None, :, :] * rates[:, None, :]
        ).transpose(2, 0, 1)
        parts[m] = per_rate * (total * total + squares) * 0.5
        by_byte = parts.reshape(m + 1, u, self.chunks, 8)
        # subset sums over each byte, by doubling: sums[..., y] = parts of the bits of y
        sums = np.empty((m + 1, u, self.chunks, 256), dtype=np.float64)
        sums[..., 0] = 0.0
        for j in range(8):
            np.add(sums[..., : 1 << j], by_byte[..., j : j + 1], out=sums[..., 1 << j : 2 << j])
        width = self.chunks * 256
        columns = present[:, None] * width + np.arange(width, dtype=np.int64)
        self.table[:, columns.ravel()] = sums.reshape(m + 1, u * width)
        self.built[present] = True

    def _shares_tabled(self, rest: Int64s, present: Int64s) -> Floats:
        missing = ~self.built[present]
        if missing.any():
            self._add_blocks(np.unique(present[missing]))
        base = present * (self.chunks * 256)
        # np.take keeps the rows contiguous, which the bound's row arithmetic needs to be fast
        shares: Floats = np.take(self.table, base + (rest & 255), axis=1)
        for ch in range(1, self.chunks):
            shares += np.take(self.table, base + (ch * 256) + ((rest >> (8 * ch)) & 255), axis=1)
        return shares

    def _shares_direct(self, rest: Int64s, present: Int64s) -> Floats:
        """The same sums as the tables give, computed for all scenes at once (rows = scenes)."""
        shared = self.casts[:, None] & present[None, :]
        total = self.pay(shared).astype(np.float64)
        mine = ((rest[None, :] >> self.scene_ids) & 1).astype(bool)
        per_rate = np.divide(
            self.days_column, total, out=np.zeros_like(total), where=mine & (total > 0)
        )
        shares = np.empty((self.m + 1, rest.size), dtype=np.float64)
        in_o = (present[None, :] >> self.actor_ids) & 1
        shares[: self.m] = np.add.reduceat(per_rate[self.scene_rows], self.row_starts, axis=0)
        shares[: self.m] *= in_o * self.rate_column
        squares = self.pay_squares(shared).astype(np.float64)
        shares[self.m] = (per_rate * (total * total + squares)).sum(axis=0) * 0.5
        return shares

    def bound(self, done: Int64s) -> Int64s:
        """Lower bound on the cost of shooting the rest after the subsets ``done``."""
        rest = self.full ^ done
        fixed = self.own_of(rest)
        if self.m == 0:
            return fixed
        # actors who worked and work again; those of the tail stay to the end whatever the
        # order, and are left to their own pay (a weaker but valid bound)
        present = (self.cast_of(done) | self.head) & self.cast_of(rest) & ~self.tail
        if self.tabled:
            shares = self._shares_tabled(rest, present)
        else:
            shares = self._shares_direct(rest, present)
        p = shares[: self.m]
        rates = self.rate_column
        if self.m <= _PAIRWISE_ACTORS:
            # Smith's rule in pairwise form: whoever of a and b has the smaller p/c goes first
            smith = (p * rates).sum(axis=0)
            for a in range(self.m - 1):
                smith += np.minimum(p[a] * rates[a + 1 :], p[a + 1 :] * self.costs[a]).sum(axis=0)
        else:
            # Smith's rule by sorting: absent actors (p = 0) go last and weigh nothing
            ratio = np.divide(p, rates, out=np.full_like(p, np.inf), where=p > 0)
            order = np.argsort(ratio, axis=0)
            ranked = np.take_along_axis(p, order, axis=0)
            smith = (self.rates[order] * (ranked > 0) * np.cumsum(ranked, axis=0)).sum(axis=0)
        idle = np.ceil(smith - shares[self.m] - 1e-6 - 1e-9 * np.abs(smith))
        bound: Int64s = fixed + np.maximum(idle, 0.0).astype(np.int64)
        return bound

    # -- one layer -------------------------------------------------------------------------------

    def _children(
        self, done: Int64s, g: Int64s, threshold: int
    ) -> tuple[Int64s, Int64s, Int64s, Int64s]:
        """Every move from the subsets ``done`` (cost so far ``g``) that can stay within the
        threshold on its own pay: (child subset, its cost, parent row, scene).

        Moves are listed scene by scene (rows of the matrices are scenes), so when ``done`` is
        sorted the children come in ``k`` sorted runs, which the merge sorts faster.
        """
        rest = self.full ^ done
        cast_rest = self.cast_of(rest)
        on = (self.cast_of(done) | self.head) & (cast_rest | self.tail)
        open_ = (rest & self.bit_column) != 0
        if self.prices is not None:
            cost = g + self.prices[on + self.price_column]
        else:
            cost = g + self.days_int_column * self.pay(self.cast_column | on)
        # dominance: a remaining scene whose cast is exactly the actors on location goes next
        spot = np.minimum(np.searchsorted(self.cast_sorted, on), self.k - 1)
        forced = self.scene_by_cast[spot]
        forced_ok = (self.cast_sorted[spot] == on) & (((rest >> forced) & 1) == 1)
        if forced_ok.any():
            open_ &= ~forced_ok | (self.scene_column == forced)
        open_ &= cost - self.own_column <= threshold - self.own_of(rest)
        flat = np.flatnonzero(open_)
        cols, rows = np.divmod(flat, done.size)
        return done[rows] | self.bits[cols], cost.ravel()[flat], rows, cols

    def _merge(self, child: Int64s, g: Int64s) -> Int64s:
        """Positions of the cheapest entry of each distinct subset."""
        if child.size == 0:
            return np.zeros(0, dtype=np.int64)
        width = max(1, int(g.max()).bit_length())
        order = np.argsort(child << width | g) if width + self.k <= 62 else np.lexsort((g, child))
        ordered = child[order]
        first = np.ones(ordered.size, dtype=bool)
        first[1:] = ordered[1:] != ordered[:-1]
        return order[first]

    def run(
        self,
        threshold: int,
        *,
        width: int | None = None,
        deadline: float | None = None,
        should_stop: Callable[[], bool] | None = None,
        max_states: int = 2_000_000,
    ) -> LayeredOutcome:
        """Search for an order of cost at most ``threshold``.

        With ``width``, a beam: each layer keeps only its ``width`` most promising subsets, so
        the order found is good but not proven (``complete`` is False and the lower bound is
        the root's). Without it the pass is exact, unless it stops: at the deadline, when
        ``should_stop()`` says so, or when a layer would hold more than ``max_states`` subsets.
        """

        def check() -> None:
            if (deadline is not None and time.perf_counter() > deadline) or (
                should_stop is not None and should_stop()
            ):
                raise _Stopped

        exact = width is None
        done = np.zeros(1, dtype=np.int64)
        g = np.zeros(1, dtype=np.int64)
        f_layer = self.bound(done)
        root = int(f_layer[0])
        if root > threshold:
            return LayeredOutcome(None, None, threshold + 1, True, 1)
        trail: list[tuple[Int64s, npt.NDArray[np.int8]]] = []
        states = 1
        try:
            for _ in range(self.k):
                check()
                child_parts, cost_parts, row_parts, col_parts = [], [], [], []
                for lo in range(0, done.size, _CHUNK):
                    child, cost, rows, cols = self._children(
                        done[lo : lo + _CHUNK], g[lo : lo + _CHUNK], threshold
                    )
                    child_parts.append(child)
                    cost_parts.append(cost)
                    row_parts.append(rows + lo)
                    col_parts.append(cols)
                    check()
                child = np.concatenate(child_parts)
                if child.size > 4 * max_states:  # before merging, to bound memory
                    raise _Outgrown
                cost = np.concatenate(cost_parts)
                keep = self._merge(child, cost)
                if keep.size > max_states:
                    raise _Outgrown
                child, cost = child[keep], cost[keep]
                rows, cols = np.concatenate(row_parts)[keep], np.concatenate(col_parts)[keep]
                f = np.empty_like(cost)
                for lo in range(0, child.size, _CHUNK):
                    f[lo : lo + _CHUNK] = cost[lo : lo + _CHUNK] + self.bound(
                        child[lo : lo + _CHUNK]
                    )
                    check()
                ok = f <= threshold
                child, cost, rows, cols, f = child[ok], cost[ok], rows[ok], cols[ok], f[ok]
                if width is not None and child.size > width:
                    top = np.argpartition(f, width)[:width]
                    child, cost, rows, cols, f = (x[top] for x in (child, cost, rows, cols, f))
                self.expanded += done.size
                trail.append((rows, cols.astype(np.int8)))
                done, g, f_layer = child, cost, f
                states += done.size
                if done.size == 0:
                    bound = threshold + 1 if exact else root
                    return LayeredOutcome(None, None, bound, exact, states)
        except (_Stopped, _Outgrown) as stop:
            floor = int(f_layer.min()) if f_layer.size else threshold + 1
            bound = min(threshold + 1, floor) if exact else root
            return LayeredOutcome(
                None, None, bound, False, states, outgrown=isinstance(stop, _Outgrown)
            )
        order: list[int] = []
        at = 0
        for parents, scenes in reversed(trail):
            order.append(int(scenes[at]))
            at = int(parents[at])
        order.reverse()
        best = int(g[0])
        return LayeredOutcome(tuple(order), best, best if exact else root, exact, states)
