"""Budget: charts of accounts, rate cards, fringes, labour rules, currencies; lines driven by the schedule."""
