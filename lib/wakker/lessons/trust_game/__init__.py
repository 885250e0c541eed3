"""Lesson of notebook 07: trust and the (iterated) prisoner's dilemma."""
from .widgets import *  # noqa: F401,F403
