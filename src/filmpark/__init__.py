"""filmpark: from a screenplay to a breakdown, a shooting schedule, a budget and the
documents a crew works from; and the platform a production team shares them on."""

__version__ = "0.1.0"
