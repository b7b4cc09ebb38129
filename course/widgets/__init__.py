"""Notebook widgets of the course: thin ipywidgets layers over the logic modules."""

from course.widgets.player import Player, call_player

__all__ = ["Player", "call_player"]
