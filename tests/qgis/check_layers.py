#!/usr/bin/env python3
"""Opens every layer of incidents.gpkg with PyQGIS, as an analyst's QGIS would, and checks
validity, CRS, feature counts, fields, the default style QGIS applied from layer_styles,
the temporal settings, and renders the map to a PNG.

usage: check_layers.py MAKE_SAMPLE_LAYERS OUT_DIR PNG
       check_layers.py INCIMAP OUT_DIR PNG ARTICLES_DIR
The first form checks synthetic layers with known counts; the second runs `incimap run
ARTICLES_DIR -o OUT_DIR` and checks the real run's layers (14 governorates, 62 districts,
at least one incident).
Exit codes: 0 passed, 1 a check failed, 77 skipped (PyQGIS not available).
Run with QT_QPA_PLATFORM=offscreen (CTest sets it)."""
import os
import subprocess
import sys

EXPECTED_FIELDS = {
    "incidents": ["incident_id", "article_id", "role", "event_type", "event_date", "killed",
                  "injured", "captured", "geo_precision", "admin1_pcode", "evidence",
                  "casualties", "weight"],
    "governorates": ["admin1_pcode", "admin1_name", "admin1_name_ar", "incidents", "killed",
                     "injured", "casualties", "first_date", "last_date"],
    "governorate_points": ["admin1_pcode", "casualties"],
    "districts": ["admin2_pcode", "admin2_name", "admin1_pcode", "casualties"],
    "places": ["place_id", "name", "feature_type", "incidents", "mentions"],
    "articles": ["article_id", "title", "published", "source", "url", "incidents"],
}
# Renderer types of the default styles written by src/output/qgis_style.cpp.
EXPECTED_RENDERER = {
    "incidents": "categorizedSymbol",
    "governorates": "graduatedSymbol",
    "districts": "graduatedSymbol",
    "governorate_points": "singleSymbol",
    "places": "singleSymbol",
}


def import_qgis():
    try:
        import qgis.core  # noqa: F401
        return True
    except ImportError:
        pass
    # Debian's bindings live in /usr/lib/python3/dist-packages, which a pyenv or venv
    # interpreter does not see; installing them needs root.
    if os.geteuid() == 0:
        subprocess.run(["apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "python3-qgis"], check=False,
                       stdout=subprocess.DEVNULL)
    sys.path.append("/usr/lib/python3/dist-packages")
    try:
        import qgis.core  # noqa: F401
        return True
    except ImportError:
        return False


def start_qgis():
    """QGIS started without a display, and a list of failures with the check that fills it."""
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.setPrefixPath("/usr", True)
    app.initQgis()
    failures = []

    def check(condition, message):
        if not condition:
            failures.append(message)
            print("FAILED:", message, file=sys.stderr)
    return app, failures, check


def main():
    if len(sys.argv) not in (4, 5):
        print(__doc__, file=sys.stderr)
        return 2
    maker, out_dir, png = sys.argv[1:4]
    articles = sys.argv[4] if len(sys.argv) == 5 else None
    if not import_qgis():
        print("skipped: PyQGIS (python3-qgis) is not available", file=sys.stderr)
        return 77
    from qgis.core import (QgsMapRendererParallelJob, QgsMapSettings,
                           QgsProject, QgsRectangle, QgsVectorLayer, QgsSymbolLayer)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    if articles:
        subprocess.run([maker, "run", articles, "-o", out_dir], check=True)
        # None: any positive count (the extraction decides how many).
        counts = {"incidents": None, "governorates": 14, "governorate_points": None,
                  "districts": 62, "places": None, "articles": None}
    else:
        written = subprocess.run([maker, out_dir], check=True, capture_output=True, text=True)
        counts = {name: int(n) for name, n in (line.split() for line in written.stdout.splitlines())}
    gpkg = os.path.join(out_dir, "incidents.gpkg")

    app, failures, check = start_qgis()  # noqa: F841 (the application must outlive the checks)

    layers = {}
    for name, count in counts.items():
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        layers[name] = layer
        check(layer.isValid(), f"{name}: layer is valid")
        if not layer.isValid():
            continue
        if count is None:
            check(layer.featureCount() > 0, f"{name}: {layer.featureCount()} features, expected some")
        else:
            check(layer.featureCount() == count,
                  f"{name}: {layer.featureCount()} features, expected {count}")
        fields = [f.name() for f in layer.fields()]
        for field in EXPECTED_FIELDS.get(name, []):
            check(field in fields, f"{name}: has field {field}")
        if name == "articles":
            continue
        check(layer.crs().authid() == "EPSG:4326", f"{name}: CRS {layer.crs().authid()} is EPSG:4326")
        renderer = layer.renderer().type() if layer.renderer() else None
        check(renderer == EXPECTED_RENDERER[name],
              f"{name}: renderer {renderer} is {EXPECTED_RENDERER[name]} (default style applied)")

    incidents = layers.get("incidents")
    if incidents and incidents.isValid():
        check(incidents.fields().field("event_date").type() == 14,  # QVariant::Date
              "incidents: event_date is a Date field")
        # QGIS 3.22 re-derives `enabled` from the OGR provider after loading the default
        # style, so only the settings can be checked; the user ticks "Dynamic temporal
        # control" and the field and duration are already filled in.
        if not incidents.temporalProperties().isActive():
            print("note: temporal settings loaded but not switched on (QGIS 3.22 behaviour)")
        check(incidents.temporalProperties().startField() == "event_date",
              "incidents: temporal start field is event_date")
        renderer = incidents.renderer()
        if renderer.type() == "categorizedSymbol":
            check(renderer.classAttribute() == "event_type", "incidents: categorized by event_type")
            categories = renderer.categories()  # keep the copies alive while reading them
            check(len(categories) >= 5, "incidents: one category per event type")
            symbol_layer = categories[0].symbol().symbolLayer(0)
            size = symbol_layer.dataDefinedProperties().property(QgsSymbolLayer.PropertySize)
            check(size.isActive() and "weight" in size.expressionString(),
                  "incidents: circle size is data-defined by weight")
    governorates = layers.get("governorates")
    if governorates and governorates.isValid():
        check(governorates.labelsEnabled(), "governorates: labels enabled")
        if governorates.renderer().type() == "graduatedSymbol":
            check(governorates.renderer().classAttribute() == "casualties",
                  "governorates: graduated by casualties")

    # Render the map, points over polygons, as the README's picture.
    if not failures:
        settings = QgsMapSettings()
        order = [layers[n] for n in ("incidents", "governorate_points", "governorates")]
        settings.setLayers(order)
        settings.setDestinationCrs(layers["governorates"].crs())
        extent = QgsRectangle(layers["governorates"].extent())
        extent.grow(0.2)
        settings.setExtent(extent)
        settings.setOutputSize(QSize(800, 900))
        settings.setBackgroundColor(QColor(255, 255, 255))
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage()
        os.makedirs(os.path.dirname(os.path.abspath(png)), exist_ok=True)
        check(image.save(png, "PNG"), f"rendered map saved to {png}")
        colours = {image.pixel(x, y) for x in range(0, 800, 7) for y in range(0, 900, 7)}
        check(len(colours) > 5, f"rendered map has {len(colours)} colours, not a blank image")

    QgsProject.instance().clear()
    if failures:
        return 1
    print(f"all {len(counts)} layers checked; map rendered to {png}")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # PyQGIS scripts often crash in QgsApplication's teardown (layers freed after the
    # application); the checks are done, so leave without running it.
    os._exit(code)
