"""Notebook widgets of the course: thin ipywidgets layers over the logic modules."""

from course.widgets.player import Player, player

__all__ = ["Player", "player"]
