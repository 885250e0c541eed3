"""The workbook's core: data, content, the answer journal, the portfolio and Dutch formatting.

Nothing in ``wakker.core`` imports ipywidgets or plotly, and nothing reads a file at import.
"""
