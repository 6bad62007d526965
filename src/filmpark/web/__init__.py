"""Server-rendered pages of the production team's workspace."""
