"""Screenplays: the model, one reader and writer per format (Fountain, FDX, PDF, text), pagination."""
