"""Renderers: HTML, PDF, CSV and iCal from the report data."""
