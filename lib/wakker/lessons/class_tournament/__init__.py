"""For the teacher: the students' own strategies (from their exports) in one tournament."""
from ..trust_game.widgets import ClassTournamentView, class_ranking_html, class_table, class_tournament_view  # noqa: F401
