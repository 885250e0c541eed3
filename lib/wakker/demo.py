"""Old import path (``from wakker.demo import trust_slider``), kept for copies of notebook 00 in
students' folders that predate ``wakker.lessons``. New code: ``wakker.lessons.start``."""
from .lessons.start import trust_slider  # noqa: F401
