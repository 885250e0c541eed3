"""Tests for wakker.models.prisoners_dilemma: exact reference values and properties.

(The class tournament from exports is a lesson: tests/lessons/test_class_tournament.py.)"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from wakker.models import prisoners_dilemma as P

FAST = settings(max_examples=40, deadline=None)

# ---------------------------------------------------------------------------
# Exact reference values
# ---------------------------------------------------------------------------

# Axelrod library 4.14.0, R=3, S=0, T=5, P=1, 200 rounds: mean payoff per round,
# row player against column player.
AXELROD_REFERENCE = [
    ("always_cooperate", "always_defect", 0.000),  # Cooperator vs Defector
    ("always_defect", "tit_for_tat", 1.020),  # Defector vs Tit For Tat
    ("tit_for_tat", "suspicious_tit_for_tat", 2.500),  # Tit For Tat vs Suspicious Tit For Tat
    ("grudger", "alternator", 2.985),  # Grudger vs Alternator
    ("win_stay_lose_shift", "always_defect", 0.500),  # Win-Stay Lose-Shift vs Defector
    ("alternator", "grudger", 0.535),  # Alternator vs Grudger
    ("suspicious_tit_for_tat", "win_stay_lose_shift", 2.005),  # Suspicious TFT vs WSLS
    ("tit_for_two_tats", "alternator", 1.500),  # Tit For 2 Tats vs Alternator
]

# Nicky Case, "The Evolution of Trust", chapter 3: R=2, T=3, S=-1, P=0,
# 10 rounds, one each, no self-play.
CASE_REFERENCE = {
    "tit_for_tat": 57,  # Copycat
    "grudger": 46,
    "always_defect": 45,  # Always Cheat
    "detective": 45,
    "always_cooperate": 29,
}


@pytest.mark.parametrize("row, col, expected", AXELROD_REFERENCE)
def test_axelrod_reference_match(row, col, expected):
    result = P.match(row, col, rounds=200, payoffs=P.AXELROD)
    assert result.means[0] == pytest.approx(expected, abs=1e-12)


def test_axelrod_reference_tournament():
    ids = sorted({s for row, col, _ in AXELROD_REFERENCE for s in (row, col)})
    res = P.tournament(ids, rounds=200, repetitions=10, payoffs=P.AXELROD, seed=0)
    for row, col, expected in AXELROD_REFERENCE:
        assert res.matrix.loc[row, col] == pytest.approx(expected, abs=1e-12)


def test_case_chapter_3_totals():
    res = P.tournament(list(CASE_REFERENCE), rounds=10, repetitions=1, payoffs=P.CASE, self_play=False)
    assert res.totals.to_dict() == pytest.approx(CASE_REFERENCE, abs=1e-12)
    ranking = res.ranking
    assert list(ranking["strategy"][:2]) == ["tit_for_tat", "grudger"]
    assert list(ranking["strategy"])[-1] == "always_cooperate"
    assert list(ranking["rank"]) == [1, 2, 3, 3, 5]


def test_case_chapter_3_with_case_names():
    res = P.tournament(
        ["copycat", "always_cheat", "always_cooperate", "grudger", "detective"],
        rounds=10,
        repetitions=1,
        payoffs=P.CASE,
        self_play=False,
    )
    assert res.totals["copycat"] == 57 and res.totals["always_cheat"] == 45


# ---------------------------------------------------------------------------
# Strategy definitions against plain history-based reference implementations
# ---------------------------------------------------------------------------


def _ref_tft(own, opp):
    return "C" if not opp else opp[-1]


def _ref_wsls(own, opp):
    if not own:
        return "C"
    if opp[-1] == "C":  # R or T: stay
        return own[-1]
    return "D" if own[-1] == "C" else "C"  # S or P: shift


def _ref_detective(own, opp):
    if len(own) < 4:
        return "CDCC"[len(own)]
    return opp[-1] if "D" in opp[:4] else "D"


REFERENCE = {
    "always_cooperate": lambda own, opp: "C",
    "always_defect": lambda own, opp: "D",
    "tit_for_tat": _ref_tft,
    "grudger": lambda own, opp: "D" if "D" in opp else "C",
    "detective": _ref_detective,
    "tit_for_two_tats": lambda own, opp: "D" if opp[-2:] == ["D", "D"] else "C",
    "win_stay_lose_shift": _ref_wsls,
    "suspicious_tit_for_tat": lambda own, opp: "D" if not opp else opp[-1],
    "alternator": lambda own, opp: "C" if not own or own[-1] == "D" else "D",
    "copycat": _ref_tft,
    "copykitten": lambda own, opp: "D" if opp[-2:] == ["D", "D"] else "C",
    "simpleton": _ref_wsls,
    "always_cheat": lambda own, opp: "D",
}

moves = st.lists(st.sampled_from("CD"), max_size=12)


@FAST
@given(sid=st.sampled_from(sorted(REFERENCE)), own=moves, opp=moves)
def test_deterministic_strategies_follow_their_definition(sid, own, opp):
    n = min(len(own), len(opp))
    own, opp = own[:n], opp[:n]
    expected = 1.0 if REFERENCE[sid](own, opp) == "C" else 0.0
    assert P.next_cooperation(sid, own, opp) == expected


@FAST
@given(own=moves, opp=moves, case=st.booleans())
def test_stochastic_strategies(own, opp, case):
    n = min(len(own), len(opp))
    own, opp = own[:n], opp[:n]
    pay = P.CASE if case else P.AXELROD
    assert P.next_cooperation("random", own, opp, pay) == 0.5
    gen = P.next_cooperation("generous_tit_for_tat", own, opp, pay)
    assert gen == (1.0 if not opp or opp[-1] == "C" else pay.generosity())


def test_generosity_values():
    assert P.AXELROD.generosity() == pytest.approx(1 / 3)
    assert P.CASE.generosity() == pytest.approx(2 / 3)


def test_registry_and_aliases():
    # every registered strategy can be looked up by its id and plays under that id in a match
    for sid in P.STRATEGIES:
        assert P.match(sid, "always_defect", rounds=2, seed=0).players == (sid, "always_defect")
    for alias, target in P.ALIASES.items():
        s = P.get_strategy(alias)
        assert s.id == alias
        assert s.coop == P.STRATEGIES[target].coop and s.transitions == P.STRATEGIES[target].transitions
    assert set(P.CLASSICS) <= set(P.STRATEGIES)
    with pytest.raises(KeyError):
        P.get_strategy("no_such_strategy")
    with pytest.raises(ValueError):
        P.tournament(["tit_for_tat", "tit_for_tat"])


def test_strategy_validation():
    with pytest.raises(ValueError):
        P.Strategy("x", "x", (1.5,), ((0, 0, 0, 0),))
    with pytest.raises(ValueError):
        P.Strategy("x", "x", (1.0,), ((0, 0, 0, 1),))
    with pytest.raises(ValueError):
        P.memory_one(1, 1, 0, 1, -0.1)


# ---------------------------------------------------------------------------
# Memory-one strategies
# ---------------------------------------------------------------------------

MEMORY_ONE = {
    "always_cooperate": (1, 1, 1, 1, 1),
    "always_defect": (0, 0, 0, 0, 0),
    "tit_for_tat": (1, 1, 0, 1, 0),
    "suspicious_tit_for_tat": (0, 1, 0, 1, 0),
    "win_stay_lose_shift": (1, 1, 0, 0, 1),
    "alternator": (1, 0, 0, 1, 1),
    "random": (0.5, 0.5, 0.5, 0.5, 0.5),
}


@FAST
@given(sid=st.sampled_from(sorted(MEMORY_ONE)), own=moves, opp=moves)
def test_memory_one_equals_named_strategy_per_history(sid, own, opp):
    n = min(len(own), len(opp))
    m1 = P.memory_one(*MEMORY_ONE[sid])
    assert P.next_cooperation(m1, own[:n], opp[:n]) == P.next_cooperation(sid, own[:n], opp[:n])


@FAST
@given(
    sid=st.sampled_from(sorted(MEMORY_ONE) + ["generous_tit_for_tat"]),
    noise=st.sampled_from([0.0, 0.05, 0.2]),
    seed=st.integers(0, 2**32 - 1),
)
def test_memory_one_equals_named_strategy_in_tournament(sid, noise, seed):
    g = P.AXELROD.generosity()
    probs = MEMORY_ONE.get(sid, (1, 1, g, 1, g))
    m1 = P.memory_one(*probs, id="m1")
    others = ["grudger", "detective", "tit_for_two_tats"]
    a = P.tournament([sid, *others], 30, 3, noise=noise, seed=seed)
    b = P.tournament([m1, *others], 30, 3, noise=noise, seed=seed)
    np.testing.assert_array_equal(a.total, b.total)


def test_memory_one_design_helpers():
    value = {"name": " Mijn ", "first": 1, "after": {"CC": 1, "CD": 0, "DC": 1, "DD": 0}}
    assert P.design_problems(value) == []
    s = P.from_design(value)
    assert s.id == "Mijn" and s.coop == (1.0, 1.0, 0.0, 1.0, 0.0)
    bad = {"name": "", "first": 2, "after": {"CC": 1, "CD": "x", "DC": 1}}
    assert P.design_problems(bad) == [
        P.Problem("no_name", "name"),
        P.Problem("not_a_probability", "first", (("value", 2),)),
        P.Problem("not_a_probability", "after.CD", (("value", "x"),)),
        P.Problem("missing", "after.DD"),
    ]
    assert P.design_problems([1, 2]) == [P.Problem("not_a_mapping")]
    assert P.design_problems({"name": "a", "first": 1}) == [P.Problem("no_after", "after")]
    assert P.design_problems({"name": "a", "first": True, "after": {k: 1 for k in P.OUTCOMES}})[0].code \
        == "not_a_probability"
    with pytest.raises(ValueError, match="after.DD"):
        P.from_design(bad)


# ---------------------------------------------------------------------------
# Payoffs and the years-in-prison game
# ---------------------------------------------------------------------------


def test_default_payoffs():
    assert (P.AXELROD.R, P.AXELROD.S, P.AXELROD.T, P.AXELROD.P) == (3, 0, 5, 1)
    assert (P.CASE.R, P.CASE.S, P.CASE.T, P.CASE.P) == (2, -1, 3, 0)
    assert P.AXELROD.problems() == [] and P.CASE.problems() == []
    np.testing.assert_array_equal(P.AXELROD.matrix(), [[3, 0], [5, 1]])


small = st.integers(-10, 10)


@settings(max_examples=200, deadline=None)
@given(R=small, S=small, T=small, P_=small)
def test_payoff_validation(R, S, T, P_):
    pay = P.Payoffs(R=R, S=S, T=T, P=P_)
    ok = T > R > P_ > S and 2 * R > T + S
    assert (pay.problems() == []) == ok
    assert pay.is_pd == ok
    if ok:
        assert pay.require_pd() is pay
    else:
        with pytest.raises(ValueError, match="prisoner's dilemma"):
            pay.require_pd()
        with pytest.raises(ValueError):
            P.match("tit_for_tat", "always_defect", 5, pay)
        with pytest.raises(ValueError):
            P.tournament(["tit_for_tat"], 5, 1, pay)


def test_payoff_problems_are_structured():
    """The model says which rule fails and with which numbers; the lesson words it."""
    assert P.Payoffs(R=3, S=0, T=7, P=1).problems() == [P.Problem("2R>T+S", "2R>T+S", (("2R", 6), ("T + S", 7)))]
    assert [p.code for p in P.Payoffs(R=1, S=3, T=0, P=2).problems()] == ["T>R", "R>P", "P>S", "2R>T+S"]
    assert P.Payoffs(R=3, S=0, T=2, P=1).problems() == [P.Problem("T>R", "T>R", (("T", 2), ("R", 3)))]
    nan = P.Payoffs(R=float("nan"), S=0, T=5, P=1).problems()
    assert [(p.code, p.subject) for p in nan] == [("not_finite", "R")]
    with pytest.raises(ValueError, match=r"2R must be greater than T \+ S \(2R = 6, T \+ S = 7\)"):
        P.Payoffs(R=3, S=0, T=7, P=1).require_pd()
    # non-PD games can be played on request, and mappings are accepted
    res = P.match("tit_for_tat", "always_defect", 3, {"R": 3, "S": 0, "T": 2, "P": 1}, require_pd=False)
    assert list(res.scores[:, 0]) == [0, 1, 1]


def test_years_in_prison():
    pay = P.years_to_payoffs()
    assert (pay.R, pay.S, pay.T, pay.P) == (-1, -10, 0, -5)
    assert pay.is_pd
    assert P.dominance() == {"silent": "betray", "betray": "betray"}
    assert P.dominant_choice() == "betray"
    stag = {("silent", "silent"): (0, 0), ("silent", "betray"): (3, 1), ("betray", "silent"): (1, 3), ("betray", "betray"): (2, 2)}
    assert P.dominance(stag) == {"silent": "silent", "betray": "betray"}
    assert P.dominant_choice(stag) is None
    with pytest.raises(ValueError):
        P.dominance({("silent", "silent"): (1, 1)})


# ---------------------------------------------------------------------------
# Matches: properties
# ---------------------------------------------------------------------------

DETERMINISTIC = sorted(REFERENCE)
ALL_IDS = sorted(P.STRATEGIES)
noises = st.sampled_from([0.0, 0.01, 0.1, 0.5])
seeds = st.integers(0, 2**32 - 1)


@FAST
@given(a=st.sampled_from(DETERMINISTIC), b=st.sampled_from(DETERMINISTIC), noise=noises, seed=seeds)
def test_match_moves_follow_strategies_and_mistakes(a, b, noise, seed):
    res = P.match(a, b, rounds=25, noise=noise, seed=seed)
    mv = res.moves.tolist()
    for r, ((ma, mb), (fa, fb)) in enumerate(zip(mv, res.mistakes.tolist())):
        hist_a, hist_b = [m[0] for m in mv[:r]], [m[1] for m in mv[:r]]
        want_a = REFERENCE[a](hist_a, hist_b)
        want_b = REFERENCE[b](hist_b, hist_a)
        assert (ma != want_a) == fa
        assert (mb != want_b) == fb


@FAST
@given(a=st.sampled_from(ALL_IDS), b=st.sampled_from(ALL_IDS), noise=noises, seed=seeds, case=st.booleans())
def test_match_scores_mirror_and_bounds(a, b, noise, seed, case):
    pay = P.CASE if case else P.AXELROD
    res = P.match(a, b, rounds=30, payoffs=pay, noise=noise, seed=seed)
    table = {"CC": (pay.R, pay.R), "CD": (pay.S, pay.T), "DC": (pay.T, pay.S), "DD": (pay.P, pay.P)}
    for (ma, mb), score in zip(res.moves.tolist(), res.scores.tolist()):
        assert tuple(score) == table[ma + mb]
    assert pay.S <= res.means.min() and res.means.max() <= pay.T
    assert res.totals.tolist() == res.scores.sum(axis=0).tolist()
    frame = res.to_frame()
    assert len(frame) == 30 and frame["total_a"].iloc[-1] == res.totals[0]


@FAST
@given(a=st.sampled_from(DETERMINISTIC), b=st.sampled_from(DETERMINISTIC))
def test_match_swap_symmetry(a, b):
    ab = P.match(a, b, 40)
    ba = P.match(b, a, 40)
    np.testing.assert_array_equal(ab.scores, ba.scores[:, ::-1])
    np.testing.assert_array_equal(ab.moves, ba.moves[:, ::-1])


@FAST
@given(a=st.sampled_from(ALL_IDS), b=st.sampled_from(ALL_IDS), noise=noises, seed=seeds)
def test_match_deterministic_per_seed(a, b, noise, seed):
    x = P.match(a, b, 20, noise=noise, seed=seed)
    y = P.match(a, b, 20, noise=noise, seed=seed)
    np.testing.assert_array_equal(x.moves, y.moves)
    np.testing.assert_array_equal(x.mistakes, y.mistakes)


@FAST
@given(a=st.sampled_from(ALL_IDS), b=st.sampled_from(ALL_IDS), seed=seeds)
def test_no_noise_no_mistakes(a, b, seed):
    assert not P.match(a, b, 20, noise=0.0, seed=seed).mistakes.any()


def test_noise_one_flips_everything():
    res = P.match("always_cooperate", "always_defect", 10, noise=1.0, seed=1)
    assert res.mistakes.all()
    assert (res.moves[:, 0] == "D").all() and (res.moves[:, 1] == "C").all()


def test_argument_checks():
    for bad in (dict(rounds=0), dict(noise=1.5), dict(noise=-0.1), dict(rounds=2.5)):
        with pytest.raises(ValueError):
            P.match("tit_for_tat", "grudger", **{"rounds": 5, **bad})
    with pytest.raises(ValueError):
        P.tournament(["tit_for_tat"], 5, repetitions=0)


# ---------------------------------------------------------------------------
# Tournaments
# ---------------------------------------------------------------------------


@FAST
@given(
    ids=st.lists(st.sampled_from(ALL_IDS), min_size=1, max_size=6, unique=True),
    noise=noises,
    seed=seeds,
    self_play=st.booleans(),
)
def test_tournament_properties(ids, noise, seed, self_play):
    res = P.tournament(ids, 20, 3, noise=noise, seed=seed, self_play=self_play)
    again = P.tournament(ids, 20, 3, noise=noise, seed=seed, self_play=self_play)
    np.testing.assert_array_equal(res.total, again.total)  # deterministic per seed
    m = res.matrix.to_numpy()
    off = ~np.eye(len(ids), dtype=bool)
    assert np.isnan(np.diag(m)).all() != self_play or len(ids) == 0
    vals = m[off] if not self_play else m.ravel()
    assert ((vals >= P.AXELROD.S - 1e-12) & (vals <= P.AXELROD.T + 1e-12)).all()
    assert ((res.cooperation[off] >= 0) & (res.cooperation[off] <= 1)).all()
    assert list(res.ranking["total"]) == sorted(res.totals, reverse=True)
    assert res.totals.to_numpy() == pytest.approx(np.nansum(m, axis=1) * 20)


@FAST
@given(ids=st.lists(st.sampled_from(DETERMINISTIC), min_size=2, max_size=5, unique=True))
def test_tournament_matches_single_matches_and_order(ids):
    res = P.tournament(ids, 30, 4)
    rev = P.tournament(ids[::-1], 30, 4)
    for a in ids:
        for b in ids:
            expected = P.match(a, b, 30).means[0]
            assert res.matrix.loc[a, b] == pytest.approx(expected, abs=1e-12)
            assert rev.matrix.loc[a, b] == pytest.approx(expected, abs=1e-12)


def test_tournament_agrees_with_match_statistically():
    # the tournament engine merges the flip into the choice probability; the
    # match engine flips explicitly: same distribution, different streams
    pairs = [("tit_for_tat", "tit_for_tat"), ("win_stay_lose_shift", "generous_tit_for_tat"), ("grudger", "random")]
    noise, rounds, n = 0.1, 50, 300
    res = P.tournament(sorted({s for p in pairs for s in p}), rounds, 2000, noise=noise, seed=1)
    for a, b in pairs:
        sample = np.array([P.match(a, b, rounds, noise=noise, seed=s).means[0] for s in range(n)])
        se = sample.std(ddof=1) / np.sqrt(n)
        assert abs(sample.mean() - res.matrix.loc[a, b]) < 4 * se + 0.01


def test_tournament_noise_changes_with_seed():
    ids = ["tit_for_tat", "grudger", "random"]
    a = P.tournament(ids, 50, 5, noise=0.05, seed=1).total
    b = P.tournament(ids, 50, 5, noise=0.05, seed=2).total
    assert not np.array_equal(a, b)


def _pandas_ranking(res: P.TournamentResult) -> pd.DataFrame:
    """The ranking as the model computed it with pandas before it had arrays (the reference)."""
    played = (~np.isnan(res.total)).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(played > 0, np.nansum(res.mean, axis=1) / played, np.nan)
    df = pd.DataFrame({"strategy": list(res.ids), "total": np.nansum(res.total, axis=1), "mean": mean})
    df = df.sort_values("total", ascending=False, kind="stable").reset_index(drop=True)
    df["rank"] = df["total"].rank(method="min", ascending=False).astype(int)
    return df


@FAST
@given(
    ids=st.lists(st.sampled_from(sorted(P.STRATEGIES)), min_size=0, max_size=7, unique=True),
    rounds=st.integers(1, 4),
    noise=st.sampled_from([0.0, 0.0, 0.05]),
    seed=seeds,
    self_play=st.booleans(),
)
def test_the_ranking_arrays_are_the_ranking_table(ids, rounds, noise, seed, self_play):
    """order, ranks, strategy_totals and strategy_means (no pandas) give exactly the ranking table,
    equal totals included (few rounds: many ties)."""
    res = P.tournament(ids, rounds, 2, P.CASE, noise, seed, self_play)
    pd.testing.assert_frame_equal(res.ranking, _pandas_ranking(res))
    assert [res.ids[i] for i in res.order] == list(res.ranking["strategy"])
    assert [res.rank_of(s) for s in res.ranking["strategy"]] == list(res.ranking["rank"])
    np.testing.assert_array_equal(res.strategy_totals, res.totals.to_numpy())


def test_equal_totals_keep_their_order_and_share_a_place():
    ids = ("a", "b", "c", "d", "e")
    total = np.array([[1, 2, 0, 0, 0], [3, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 3, 0, 0, 0], [0, 0, 0, 0, 5.0]])
    res = P.TournamentResult(ids, total, total, 10, 1, 0.0, True, P.CASE)
    assert [ids[i] for i in res.order] == ["e", "a", "b", "d", "c"]
    assert list(res.ranks) == [2, 2, 5, 2, 1]
    pd.testing.assert_frame_equal(res.ranking, _pandas_ranking(res))


def test_tournament_edge_cases():
    one = P.tournament(["tit_for_tat"], 10, 2, self_play=False)
    assert np.isnan(one.total).all() and one.totals["tit_for_tat"] == 0
    solo = P.tournament(["always_defect"], 10, 2)
    assert solo.matrix.loc["always_defect", "always_defect"] == 1.0
    assert P.tournament([], 10).ranking.empty


# ---------------------------------------------------------------------------
# Evolution
# ---------------------------------------------------------------------------


def test_case_style_evolution_no_noise():
    pop = {"copycat": 10, "always_cheat": 10, "always_cooperate": 5}
    df = P.evolve(pop, generations=30, rounds=10, payoffs=P.CASE, seed=3)
    assert list(df.columns) == list(pop) and len(df) == 31
    assert (df.sum(axis=1) == 25).all()
    assert df.iloc[0].to_dict() == pop
    assert df.iloc[-1].to_dict() == {"copycat": 25, "always_cheat": 0, "always_cooperate": 0}
    again = P.evolve(pop, generations=30, rounds=10, payoffs=P.CASE, seed=3)
    pd.testing.assert_frame_equal(df, again)


def test_case_style_evolution_cheaters_win_without_retaliation():
    df = P.evolve({"always_cooperate": 15, "always_defect": 10}, 10, 10, P.CASE, seed=0)
    assert df.iloc[-1]["always_defect"] == 25


@FAST
@given(
    counts=st.lists(st.integers(0, 6), min_size=4, max_size=4).filter(lambda c: sum(c) >= 4),
    noise=st.sampled_from([0.0, 0.05]),
    seed=seeds,
    replace=st.integers(0, 2),
)
def test_evolution_properties(counts, noise, seed, replace):
    ids = ["tit_for_tat", "always_defect", "random", "detective"]
    pop = dict(zip(ids, counts))
    df = P.evolve(pop, generations=8, rounds=5, noise=noise, replace=replace, seed=seed)
    assert (df.sum(axis=1) == sum(counts)).all()
    assert (df.to_numpy() >= 0).all()
    steps = np.abs(np.diff(df.to_numpy(), axis=0)).sum(axis=1)
    assert (steps <= 2 * replace).all()
    pd.testing.assert_frame_equal(df, P.evolve(pop, 8, 5, noise=noise, replace=replace, seed=seed))


def test_evolution_argument_checks():
    with pytest.raises(ValueError):
        P.evolve({"tit_for_tat": 1}, 5)
    with pytest.raises(ValueError):
        P.evolve({"tit_for_tat": 4, "grudger": 4}, 5, replace=5)
    with pytest.raises(ValueError):
        P.evolve({"tit_for_tat": -1, "grudger": 4}, 5)


def test_the_histories_are_the_tables():
    pop = {"tit_for_tat": 5, "always_defect": 5, "random": 5}
    h = P.evolve_history(pop, 12, 5, P.CASE, 0.05, 2, seed=4)
    assert h.ids == tuple(pop) and len(h) == 13 and h.column("random")[0] == 5
    pd.testing.assert_frame_equal(h.to_frame(), P.evolve(pop, 12, 5, P.CASE, 0.05, 2, seed=4))
    r = P.replicator_history(list(pop), 30, initial=pop, rounds=5, seed=4)
    pd.testing.assert_frame_equal(r.to_frame(), P.replicator(list(pop), 30, initial=pop, rounds=5, seed=4))
    assert r.to_frame().index.name == "generation"


def test_replicator():
    df = P.replicator(["always_cooperate", "always_defect", "tit_for_tat"], generations=200)
    assert df.shape == (201, 3)
    np.testing.assert_allclose(df.sum(axis=1), 1.0)
    assert (df.to_numpy() >= 0).all()
    assert df.iloc[-1]["tit_for_tat"] > 0.5 and df.iloc[-1]["always_defect"] < 0.01
    res = P.tournament(["always_cooperate", "always_defect"], 10, 1, P.CASE)
    df2 = P.replicator(res, 50, initial={"always_cooperate": 9, "always_defect": 1})
    assert df2.iloc[0]["always_cooperate"] == pytest.approx(0.9)
    assert df2["always_defect"].is_monotonic_increasing and df2.iloc[-1]["always_defect"] > 0.99
    with pytest.raises(ValueError):
        P.replicator(res, 5, initial={"nobody": 1})


def test_the_model_is_pure():
    """No files, no HTML, no widgets: importing and using the model loads none of them; and no pandas
    unless a table (DataFrame) is asked for."""
    import subprocess
    import sys

    code = ("import sys; from wakker.models import prisoners_dilemma as P; "
            "r = P.tournament(list(P.CLASSICS), 10, 2, P.CASE, 0.05, seed=1); P.Payoffs(1, 2, 3, 4).problems(); "
            "r.order, r.ranks, r.strategy_means, r.rank_of('tit_for_tat'); P.match('grudger', 'random', 5, seed=1); "
            "P.evolve_history({'tit_for_tat': 3, 'random': 3}, 3, 5, replace=1, seed=1); P.replicator_history(r, 3); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('yaml', 'ipywidgets', 'plotly', 'IPython', 'pandas') or m.startswith(('wakker.core', 'wakker.ui'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_an_integer_too_large_for_a_float_is_a_problem_not_a_crash():
    huge = 10 ** 400
    assert P.design_problems({"name": "x", "first": huge, "after": {"CC": 1, "CD": 0, "DC": 1, "DD": 0}})
    assert P.Payoffs(R=huge, S=0, T=5, P=1).problems()
