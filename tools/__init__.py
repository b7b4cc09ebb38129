"""Developer tools for authoring and checking the course's notebooks (not installed)."""
