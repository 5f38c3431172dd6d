"""A thread's years told compactly, for a series of fifty reports and more: spans (``2014–2016, 2019``)
and a row of marks, one per report of the series.

A span runs over consecutive reports of the series: a year with no report in it (the national series
has no 2020 report in the corpus) does not break it, since nothing could have been stated then.
"""

from __future__ import annotations

STATED, SILENT = "●", "·"


def year_spans(stated: list[int], series: list[int]) -> str:
    """
    >>> year_spans([2014, 2015, 2016, 2019, 2021], [2014, 2015, 2016, 2017, 2018, 2019, 2021])
    '2014–2016, 2019–2021'
    >>> year_spans([1992], [1992, 1993])
    '1992'
    """
    wanted = set(stated)
    runs: list[list[int]] = []
    previous_stated = False
    for year in series:
        if year in wanted:
            if previous_stated:
                runs[-1].append(year)
            else:
                runs.append([year])
        previous_stated = year in wanted
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


def marks(stated: list[int], series: list[int]) -> str:
    """One mark per report of the series: ● where the thread is stated, · where it is not.

    >>> marks([2014, 2016], [2014, 2015, 2016, 2017])
    '●·●·'
    """
    wanted = set(stated)
    return "".join(STATED if year in wanted else SILENT for year in series)


def ruler(series: list[int], every: int = 10) -> str:
    """A line no longer than ``marks`` that names, above its mark, the first report of each decade
    (and the first report), where the label fits: the header of the column of marks.

    >>> ruler(list(range(1998, 2016)))
    '1998        2010'
    """
    line = [" "] * len(series)
    free = 0  # the first position no label covers
    for i, year in enumerate(series):
        label = str(year)
        opens = i == 0 or year // every != series[i - 1] // every
        if opens and i >= free and i + len(label) <= len(series):
            line[i:i + len(label)] = label
            free = i + len(label) + 1
    return "".join(line).rstrip()
