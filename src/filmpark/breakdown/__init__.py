"""Script breakdown: categories, extractors, bilingual lexicons, AI providers, human decisions."""
