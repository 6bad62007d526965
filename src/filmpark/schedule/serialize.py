"""A :class:`Schedule` as versioned JSON (``"schema": "Schedule.1"``) and back to dates.

``Schedule.1`` keeps the keys the CLI contract fixes (``days[].date/scenes/eighths/minutes``,
``cost``, ``lower_bound``, ``optimal``) and adds more beside them; keys are never changed.
``cost`` maps each named term to its amount in the production currency, plus ``total``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from filmpark.errors import ValidationError
from filmpark.schedule.result import Schedule
from filmpark.text import t
from filmpark.units import Money

SCHEMA = "Schedule.1"


def _number(money: Money) -> int | float:
    amount = money.rounded().amount
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def schedule_document(schedule: Schedule) -> dict[str, Any]:
    """The schedule as JSON-ready data (the ``dood`` key is added by the caller, from reports)."""
    problem = schedule.problem
    names = {location.id: location.name for location in problem.locations}
    cost: dict[str, int | float] = {term.name: _number(term.amount) for term in schedule.terms}
    cost["total"] = _number(schedule.total)
    return {
        "schema": SCHEMA,
        "title": problem.title,
        "currency": problem.currency,
        "days": [
            {
                "date": day.date.isoformat(),
                "scenes": list(day.scenes),
                "eighths": day.eighths.value,
                "minutes": day.load_minutes,
                "number": day.number,
                "pages": str(day.eighths),
                "scene_minutes": day.minutes,
                "travel_minutes": day.travel_minutes,
                "overtime_minutes": day.overtime_minutes,
                "kind": day.kind.value,
                "call": f"{day.call // 60 % 24:02d}:{day.call % 60:02d}",
                "locations": [names.get(loc, loc) for loc in day.locations],
                "company_moves": day.company_moves,
            }
            for day in schedule.days
        ],
        "cost": cost,
        "cost_terms": [
            {
                "name": term.name,
                "label": term.label,
                "count": term.count,
                "weight": term.weight,
                "amount": _number(term.amount),
                "detail": term.detail,
            }
            for term in schedule.terms
        ],
        "objective": schedule.objective,
        "lower_bound": schedule.lower_bound,
        "gap": round(schedule.gap, 6),
        "optimal": schedule.optimal,
        "status": schedule.status,
        "seconds": round(schedule.seconds, 3),
        "warnings": list(schedule.warnings),
        "notices": list(problem.notices),
    }


def previous_dates(document: Any, source: str = "schedule") -> dict[str, date]:
    """Scene -> date of a saved ``Schedule.1`` document (for a stable re-plan)."""
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        raise ValidationError(source, t("schedule.not_document", schema=SCHEMA))
    result: dict[str, date] = {}
    try:
        for day in document["days"]:
            when = date.fromisoformat(str(day["date"]))
            for scene in day["scenes"]:
                result[str(scene)] = when
    except (KeyError, TypeError, ValueError) as error:
        raise ValidationError(
            source, t("schedule.malformed_document", schema=SCHEMA, error=str(error))
        ) from None
    return result


__all__ = ["SCHEMA", "previous_dates", "schedule_document"]
