"""Day-out-of-days: one row per performer, one column per calendar date of the shoot.

Codes (DOMAIN.md): SW start work, W work, WF work finish, SWF start-work-finish, H hold (paid,
not working), T travel, R rehearsal, F fitting, WD work then drop, PW pick up and work, I idle
(dropped, unpaid), and combined cells where two things meet on one day (``SW/H`` a performer
whose contract starts on a day they hold, ``H/WF`` a contract that finishes on a hold day,
``F/W`` a fitting on a work day; ``SWD`` and ``PWF`` for start-and-drop and pick-up-and-finish).
A travel, rehearsal or fitting day that falls on a hold day replaces the hold (``SW/T`` where
the contract starts with a travel day), and one on a dropped day is paid again.
A drop/pick-up is only used where the performer's agreement allows it: the gap between the two
work days is longer than its threshold, and no more gaps than its count (the longest gaps
first), exactly as the optimiser priced them.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from filmpark.schedule.problem import CastMember, Problem
from filmpark.schedule.result import Schedule


class DoodCode(Enum):
    START_WORK = "SW"
    WORK = "W"
    WORK_FINISH = "WF"
    START_WORK_FINISH = "SWF"
    HOLD = "H"
    TRAVEL = "T"
    REHEARSAL = "R"
    FITTING = "F"
    WORK_DROP = "WD"
    PICKUP_WORK = "PW"
    IDLE = "I"


_JOINED = {
    (DoodCode.START_WORK, DoodCode.WORK_DROP): "SWD",
    (DoodCode.PICKUP_WORK, DoodCode.WORK_FINISH): "PWF",
}

WORK_CODES = frozenset(
    {
        DoodCode.START_WORK,
        DoodCode.WORK,
        DoodCode.WORK_FINISH,
        DoodCode.START_WORK_FINISH,
        DoodCode.WORK_DROP,
        DoodCode.PICKUP_WORK,
    }
)


@dataclass(frozen=True, slots=True)
class DoodCell:
    """The codes of one performer on one date (empty: not engaged that day)."""

    codes: tuple[DoodCode, ...] = ()

    @property
    def text(self) -> str:
        if self.codes in _JOINED:
            return _JOINED[self.codes]
        return "/".join(code.value for code in self.codes)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class DoodColumn:
    """A calendar date: its shoot-day number, or why nobody shoots (holiday, rest day)."""

    date: date
    shoot_day: int | None
    off: str | None
    holiday: bool = False


@dataclass(frozen=True, slots=True)
class DoodTotals:
    work: int
    hold: int
    travel: int
    rehearsal: int
    fitting: int
    idle: int
    holidays: int
    paid: int
    start: date | None
    finish: date | None


@dataclass(frozen=True, slots=True)
class DoodRow:
    cast_id: int
    name: str
    cells: tuple[DoodCell, ...]
    totals: DoodTotals
    actor: str = ""
    """The performer's own name (``name`` is the character); blank until the role is cast."""


@dataclass(frozen=True, slots=True)
class DayOutOfDays:
    columns: tuple[DoodColumn, ...]
    rows: tuple[DoodRow, ...]

    def row(self, name: str) -> DoodRow:
        for row in self.rows:
            if row.name == name:
                return row
        raise KeyError(name)

    def cell(self, name: str, day: date) -> str:
        for column, cell in zip(self.columns, self.row(name).cells, strict=True):
            if column.date == day:
                return cell.text
        raise KeyError(day)


Events = Mapping[int, Mapping[date, DoodCode]]
"""Travel, rehearsal and fitting days per cast id (dates off the schedule's own data)."""


def events_of(problem: Problem) -> dict[int, dict[date, DoodCode]]:
    """The travel, rehearsal and fitting days the production config gave each performer."""
    events: dict[int, dict[date, DoodCode]] = {}
    for member in problem.cast:
        own: dict[date, DoodCode] = {}
        for days, code in (
            (member.travel, DoodCode.TRAVEL),
            (member.rehearsal, DoodCode.REHEARSAL),
            (member.fitting, DoodCode.FITTING),
        ):
            for day in days:
                own.setdefault(day, code)
        if own:
            events[member.id] = own
    return events


def _dropped_gaps(
    member: CastMember, worked: Sequence[date], shoot_days: Sequence[date]
) -> list[tuple[date, date]]:
    """The (drop day, pick-up day) pairs the agreement allows, longest first, as many as allowed."""
    agreement = member.drop_pickup
    if agreement is None or agreement.max_drops <= 0:
        return []
    index = {day: i for i, day in enumerate(shoot_days)}
    gaps = []
    for before, after in itertools.pairwise(worked):
        inner = index[after] - index[before] - 1
        if inner > 0 and (after - before).days - 1 > agreement.gap_days:
            gaps.append((inner, before, after))
    gaps.sort(key=lambda item: (-item[0], item[1]))
    return [(before, after) for _, before, after in gaps[: agreement.max_drops]]


def day_out_of_days(schedule: Schedule, *, events: Events | None = None) -> DayOutOfDays:
    """The day-out-of-days of ``schedule`` with travel, rehearsal and fitting days: ``events``
    when given, else the performers' own (:func:`events_of`, from the production config)."""
    problem = schedule.problem
    events = events_of(problem) if events is None else events
    numbers = {day.date: day.number for day in schedule.days}
    # Holds and drops run over every working date inside the shoot, dark days included, as the
    # optimiser prices them.
    shoot_days = (
        [
            day
            for day in problem.calendar.work_days_until(schedule.days[-1].date)
            if day >= schedule.days[0].date
        ]
        if schedule.days
        else []
    )
    extra_dates = [d for per in events.values() for d in per]
    if not shoot_days and not extra_dates:
        return DayOutOfDays((), ())
    first = min([*shoot_days, *extra_dates])
    last = max([*shoot_days, *extra_dates])
    columns = []
    day = first
    while day <= last:
        columns.append(
            DoodColumn(
                date=day,
                shoot_day=numbers.get(day),
                off=None if day in numbers else problem.calendar.reason_off(day) or "no shooting",
                holiday=problem.calendar.is_holiday(day),
            )
        )
        day += timedelta(days=1)
    rows = []
    for member in problem.cast:
        worked = [
            d.date
            for d in schedule.days
            if any(member.id in problem.scene(n).cast for n in d.scenes)
        ]
        own = dict(events.get(member.id, {}))
        if not worked and not own:
            continue
        rows.append(_row(member, worked, shoot_days, own, columns))
    return DayOutOfDays(tuple(columns), tuple(rows))


def _row(
    member: CastMember,
    worked: list[date],
    shoot_days: list[date],
    own: dict[date, DoodCode],
    columns: list[DoodColumn],
) -> DoodRow:
    codes: dict[date, list[DoodCode]] = {}
    idle: set[date] = set()
    gaps: list[tuple[date, date]] = []
    if worked:
        start = worked[0]
        finish = worked[-1]
        if member.contract_start and member.contract_start < start:
            start = min((d for d in shoot_days if d >= member.contract_start), default=start)
        if member.contract_finish and member.contract_finish > finish:
            finish = max((d for d in shoot_days if d <= member.contract_finish), default=finish)
        gaps = _dropped_gaps(member, worked, shoot_days)
        drops = {before for before, _ in gaps}
        pickups = {after for _, after in gaps}
        for before, after in gaps:
            idle.update(d for d in shoot_days if before < d < after)
        worked_set = set(worked)
        for day in shoot_days:
            if not start <= day <= finish:
                continue
            cell: list[DoodCode] = []
            if day in worked_set:
                first_work = day == worked[0]
                last_work = day == worked[-1]
                if first_work and start == day and last_work and finish == day:
                    cell.append(DoodCode.START_WORK_FINISH)
                elif day in pickups:
                    cell.append(DoodCode.PICKUP_WORK)
                    if last_work and finish == day:
                        cell.append(DoodCode.WORK_FINISH)
                elif first_work and start == day:
                    cell.append(DoodCode.START_WORK)
                    if day in drops:
                        cell.append(DoodCode.WORK_DROP)
                elif day in drops:
                    cell.append(DoodCode.WORK_DROP)
                elif last_work and finish == day:
                    cell.append(DoodCode.WORK_FINISH)
                else:
                    cell.append(DoodCode.WORK)
            elif day in idle:
                cell.append(DoodCode.IDLE)
            else:
                if day == start:
                    cell.append(DoodCode.START_WORK)
                cell.append(DoodCode.HOLD)
                if day == finish:
                    cell.append(DoodCode.WORK_FINISH)
            codes[day] = cell
    for day, event in own.items():
        cell = codes.setdefault(day, [])
        if event in cell:
            continue
        if DoodCode.IDLE in cell:
            # Called back on a dropped day: that day is paid again, for the event.
            cell[cell.index(DoodCode.IDLE)] = event
            idle.discard(day)
        elif DoodCode.HOLD in cell:
            # A paid day spent travelling, rehearsing or fitting is not a hold.
            cell[cell.index(DoodCode.HOLD)] = event
        else:
            cell.insert(0, event)
    cells = []
    for column in columns:
        cells.append(DoodCell(tuple(codes.get(column.date, ()))))
    flat = [code for cell in codes.values() for code in cell]
    engaged = sorted(d for d, cell in codes.items() if cell and cell != [DoodCode.IDLE])
    work = sum(1 for cell in codes.values() if any(code in WORK_CODES for code in cell))
    hold = sum(1 for cell in codes.values() if DoodCode.HOLD in cell)
    travel = flat.count(DoodCode.TRAVEL)
    rehearsal = flat.count(DoodCode.REHEARSAL)
    fitting = flat.count(DoodCode.FITTING)
    holidays = 0
    if engaged:
        holidays = sum(
            1
            for column in columns
            if column.holiday
            and engaged[0] < column.date < engaged[-1]
            and not any(before < column.date < after for before, after in gaps)
        )
    paid_days = {d for d, cell in codes.items() if cell and DoodCode.IDLE not in cell}
    return DoodRow(
        cast_id=member.id,
        name=member.name,
        actor=member.actor,
        cells=tuple(cells),
        totals=DoodTotals(
            work=work,
            hold=hold,
            travel=travel,
            rehearsal=rehearsal,
            fitting=fitting,
            idle=len(idle),
            holidays=holidays,
            paid=len(paid_days) + holidays,
            start=engaged[0] if engaged else None,
            finish=engaged[-1] if engaged else None,
        ),
    )


def dood_document(dood: DayOutOfDays) -> dict[str, object]:
    """The DOOD as plain JSON-ready data (used by ``filmpark schedule --json``)."""
    return {
        "dates": [column.date.isoformat() for column in dood.columns],
        "shoot_days": [column.shoot_day for column in dood.columns],
        "performers": [
            {
                "id": row.cast_id,
                "name": row.name,
                "actor": row.actor,
                "codes": [cell.text for cell in row.cells],
                "totals": {
                    "work": row.totals.work,
                    "hold": row.totals.hold,
                    "travel": row.totals.travel,
                    "rehearsal": row.totals.rehearsal,
                    "fitting": row.totals.fitting,
                    "idle": row.totals.idle,
                    "holidays": row.totals.holidays,
                    "paid": row.totals.paid,
                    "start": row.totals.start.isoformat() if row.totals.start else None,
                    "finish": row.totals.finish.isoformat() if row.totals.finish else None,
                },
            }
            for row in dood.rows
        ],
    }
