"""The workbook's models: pure numpy/pandas, English, no files, no HTML, no widgets.

* :mod:`wakker.models.prisoners_dilemma` -- iterated prisoner's dilemma: strategies, matches,
  tournaments, evolution (anchored to Axelrod and to Nicky Case's *The Evolution of Trust*).
* :mod:`wakker.models.planning_machine` -- planned interventions of orders 1-3 against a light,
  early fourth-order intervention in a changing society.
* :mod:`wakker.models.params` -- parameter metadata, from which the kit builds controls.
"""
