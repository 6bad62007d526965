"""filmpark test suite; mirrors src/filmpark/."""
