"""Pure report data: breakdown sheets, stripboard, one-liner, day-out-of-days, call sheets, top sheet."""
