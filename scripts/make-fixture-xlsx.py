#!/usr/bin/env python3
"""Writes an XLSForm workbook (.xlsx) from an XLSForm-style YAML survey, e.g. the fixture survey.

    python3 -m venv .venv-st && .venv-st/bin/pip install openpyxl pyyaml
    .venv-st/bin/python scripts/make-fixture-xlsx.py Fixtures/nachbarschaftsbefragung.yaml Fixtures/nachbarschaftsbefragung.xlsx

The workbook has the sheets survey, choices and settings with one column per key that the YAML uses
(in order of first use, so `label::English (en)` columns appear when the YAML gains them). yes/no flags
are written as the words yes/no, numbers as numbers, everything else as text. Run it again after
changing the YAML; a test checks that the workbook and the YAML publish the same survey.
"""
import sys

import openpyxl
import yaml


def columns(rows):
    seen = []
    for row in rows:
        for key in row:
            if key not in seen:
                seen.append(key)
    return seen


def cell(value):
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value


def add_sheet(workbook, title, rows):
    sheet = workbook.create_sheet(title)
    header = columns(rows)
    sheet.append(header)
    for row in rows:
        sheet.append([cell(row.get(key)) for key in header])
    sheet.freeze_panes = "A2"


def main(source, target):
    with open(source, encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    add_sheet(workbook, "survey", document["survey"])
    add_sheet(workbook, "choices", document.get("choices") or [])
    add_sheet(workbook, "settings", [document["settings"]])
    # Fixed metadata keeps the file byte-stable apart from openpyxl's own timestamps.
    workbook.properties.creator = "scripts/make-fixture-xlsx.py"
    workbook.save(target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make-fixture-xlsx.py SURVEY.yaml OUT.xlsx")
    main(sys.argv[1], sys.argv[2])
