"""Shooting schedule: problem data, constraint builders, solvers (the only users of ortools), explanation."""
