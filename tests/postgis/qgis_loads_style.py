#!/usr/bin/env python3
"""Loads the map tables from PostGIS in PyQGIS and checks that QGIS applied incimap's
default style from layer_styles (as in the GeoPackage).
usage: qgis_loads_style.py "dbname=... host=... port=... user=..."
Exit codes: 0 passed, 1 a check failed."""
import os
import sys

sys.path.append("/usr/lib/python3/dist-packages")
from qgis.core import QgsApplication, QgsVectorLayer  # noqa: E402

EXPECTED_RENDERER = {"incidents": "categorizedSymbol", "governorates": "graduatedSymbol",
                     "districts": "graduatedSymbol", "governorate_points": "singleSymbol",
                     "places": "singleSymbol"}


def main():
    app = QgsApplication([], False)
    app.setPrefixPath("/usr", True)
    app.initQgis()
    problems = []
    for table, renderer in EXPECTED_RENDERER.items():
        layer = QgsVectorLayer(f'{sys.argv[1]} table="public"."{table}" (geom)', table, "postgres")
        got = layer.renderer().type() if layer.isValid() and layer.renderer() else None
        if got != renderer:
            problems.append(f"{table}: renderer {got}, expected {renderer}")
        elif table == "incidents":
            labels = [c.label() for c in layer.renderer().categories()]
            if "Air or drone strike" not in labels:
                problems.append(f"incidents: legend labels {labels}")
    for p in problems:
        print(p)
    if not problems:
        print(f"QGIS applied the default style of all {len(EXPECTED_RENDERER)} PostGIS tables")
    return 1 if problems else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)
