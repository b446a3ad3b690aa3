#!/usr/bin/env python3
"""Opens the QGIS project incimap writes into a run folder (incimap.qgz) in real QGIS,
headless, as an analyst would: every layer valid, styles applied, readable legend with a
circle-size legend, the temporal controller set up on event_date, relative paths (the folder
is moved before it is opened), attribution in the metadata; then renders the project's map
with its legend to a PNG (the picture in the README).

usage: check_project.py INCIMAP ARTICLES_DIR WORK_DIR PNG
Runs `incimap run ARTICLES_DIR -o WORK_DIR/run` and checks WORK_DIR/moved/incimap.qgz.
Exit codes: 0 passed, 1 a check failed, 77 skipped (PyQGIS not available).
Run with QT_QPA_PLATFORM=offscreen (CTest sets it)."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_layers import import_qgis, start_qgis  # noqa: E402

EXPECTED_LAYERS = ["incidents", "places", "governorate_points", "heatmap", "districts",
                   "governorates", "articles"]
VISIBLE = ["incidents", "governorates"]


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    incimap, articles, work, png = sys.argv[1:5]
    if not import_qgis():
        print("skipped: PyQGIS (python3-qgis) is not available", file=sys.stderr)
        return 77
    from qgis.core import (QgsDateTimeRange, QgsFeatureRequest, QgsProject,
                           QgsVectorLayerTemporalContext)
    from qgis.PyQt.QtCore import Qt

    shutil.rmtree(work, ignore_errors=True)
    run = os.path.join(work, "run")
    subprocess.run([incimap, "run", articles, "-o", run], check=True, stdout=subprocess.DEVNULL)
    # Relative paths: the project must still find its layers once the folder has moved.
    moved = os.path.join(work, "moved")
    shutil.move(run, moved)

    app, failures, check = start_qgis()  # noqa: F841 (the application must outlive the checks)

    project = QgsProject.instance()
    check(project.read(os.path.join(moved, "incimap.qgz")), "QGIS reads incimap.qgz")
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    check(sorted(layers) == sorted(EXPECTED_LAYERS), f"layers {sorted(layers)}")
    for name, layer in layers.items():
        check(layer.isValid(), f"{name}: layer is valid")
        check(os.path.realpath(layer.source().split("|")[0]).startswith(os.path.realpath(moved)),
              f"{name}: source {layer.source()} is in the moved folder")
    checked = [layer.name() for layer in project.layerTreeRoot().checkedLayers()]
    check([n for n in checked if n != "articles"] == VISIBLE, f"visible layers {checked}")

    incidents = layers.get("incidents")
    if incidents and incidents.isValid():
        renderer = incidents.renderer()
        check(renderer.type() == "categorizedSymbol", "incidents: categorized style applied")
        labels = [c.label() for c in renderer.categories() if c.value()]
        check(labels and all("_" not in label for label in labels),
              f"incidents: readable legend labels {labels}")
        # The size legend's entries come first, without a rule key, larger circles first.
        sizes = [(float(i.label()), i.symbol().size()) for i in renderer.legendSymbolItems()
                 if not i.ruleKey() and i.symbol()]
        check(len(sizes) >= 2 and sizes == sorted(sizes, reverse=True),
              f"incidents: circle-size legend (value, mm) {sizes}")
        temporal = incidents.temporalProperties()
        check(temporal.isActive(), "incidents: dynamic temporal control is on")
        check(temporal.startField() == "event_date", "incidents: temporal start field event_date")
        # One frame of the animation (its first day) shows fewer incidents than the map.
        time = project.timeSettings().temporalRange()
        first = time.begin()
        frame = QgsDateTimeRange(first, first.addDays(1))
        where = temporal.createFilterString(QgsVectorLayerTemporalContext(), frame)
        shown = sum(1 for _ in incidents.getFeatures(QgsFeatureRequest().setFilterExpression(where)))
        check(0 < shown < incidents.featureCount(),
              f"incidents: the first day's frame shows {shown} of {incidents.featureCount()}")
        index = incidents.fields().indexOf("event_date")
        data_first, data_last = incidents.minimumValue(index), incidents.maximumValue(index)
        check(time.begin().date() == data_first and time.end().date() == data_last.addDays(1),
              f"project time range {time.begin().toString(Qt.ISODate)} - "
              f"{time.end().toString(Qt.ISODate)} covers {data_first.toString(Qt.ISODate)} - "
              f"{data_last.toString(Qt.ISODate)}")
    mode, ok = project.readNumEntry("TemporalControllerWidget", "/NavigationMode", 0)
    check(ok and mode == 1, f"temporal controller in animated mode ({mode})")
    governorates = layers.get("governorates")
    if governorates and governorates.isValid():
        check(governorates.labelsEnabled(), "governorates: labels enabled")
        check(governorates.renderer().type() == "graduatedSymbol", "governorates: choropleth")
    heatmap = layers.get("heatmap")
    if heatmap and heatmap.isValid():
        check(heatmap.renderer().type() == "singlebandpseudocolor", "heatmap: its style applied")
        check(heatmap.crs().authid() == "EPSG:22770", f"heatmap: CRS {heatmap.crs().authid()}")
    check(project.crs().authid() == "EPSG:4326", f"project CRS {project.crs().authid()}")
    check("OCHA" in project.metadata().abstract(), "attribution in the project metadata")

    if not failures:
        failures += render(project, governorates, png)
    project.clear()
    if failures:
        return 1
    print(f"all checks passed; project rendered to {png}")
    return 0


def render(project, governorates, png):
    """The project's visible layers and legend on one page, as a print layout exports it."""
    from qgis.core import (QgsLayout, QgsLayoutExporter, QgsLayoutItemLegend, QgsLayoutItemMap,
                           QgsLayoutPoint, QgsLayoutSize, QgsRectangle, QgsUnitTypes)
    from qgis.PyQt.QtCore import QSize
    mm = QgsUnitTypes.LayoutMillimeters
    layout = QgsLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(265, 155, mm))
    map_item = QgsLayoutItemMap(layout)
    map_item.attemptMove(QgsLayoutPoint(5, 5, mm))
    map_item.attemptResize(QgsLayoutSize(150, 160, mm))
    layout.addLayoutItem(map_item)
    extent = QgsRectangle(governorates.extent())
    extent.grow(0.1)
    map_item.setExtent(extent)  # the frame's height follows the extent's shape
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(map_item)
    # The legend of what the map shows, in the project's layer-tree order.
    legend.setAutoUpdateModel(False)
    root = project.layerTreeRoot().clone()
    for node in list(root.findLayers()):
        if not node.isVisible() or not node.layer().isSpatial():
            root.removeChildNode(node)
    legend.model().setRootGroup(root)
    legend.attemptMove(QgsLayoutPoint(160, 5, mm))
    layout.addLayoutItem(legend)
    # Rendered to an image directly: exporting to a file would also try to georeference the
    # PNG through GDAL, which cannot update PNG files.
    image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), 96)
    os.makedirs(os.path.dirname(os.path.abspath(png)), exist_ok=True)
    problems = []
    if image.isNull() or not image.save(png, "PNG"):
        problems.append(f"cannot render or save {png}")
    else:
        # The map alone (the left 150 of 265 mm), not the legend, must show something.
        colours = {image.pixel(x, y) for x in range(0, image.width() * 150 // 265, 5)
                   for y in range(0, image.height(), 5)}
        if len(colours) <= 5:
            problems.append(f"the rendered map has {len(colours)} colours, not a map")
    for p in problems:
        print("FAILED:", p, file=sys.stderr)
    return problems


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # PyQGIS often crashes in QgsApplication's teardown; the checks are done, so leave now.
    os._exit(code)
