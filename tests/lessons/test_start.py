"""The start lesson's demonstration slider: its text follows the slider over every range."""
from wakker.lessons import start
from wakker.lessons.start import texts as T


def test_the_text_follows_the_slider_through_every_range():
    box = start.trust_slider()
    slider, text = box.children
    seen = []
    for value in (0, 20, 25, 45, 50, 70, 75, 100):
        slider.value = value
        assert f"<b>{value}%</b>" in text.value
        seen.append(next(i for i, (_b, mood) in enumerate(T.MOODS) if mood in text.value))
    assert seen == [0, 0, 1, 1, 2, 2, 3, 3]
