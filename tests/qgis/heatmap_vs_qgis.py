#!/usr/bin/env python3
"""incimap's heatmap against QGIS's own "Heatmap (Kernel Density Estimation)".

Generates deterministic pseudo-random weighted incidents inside Syria as an
incidents.geojson that both programs read, runs `incimap heatmap` and QGIS's
native:heatmapkerneldensityestimation (after reprojecting the points to
EPSG:22770 with native:reprojectlayer) with the same radius, cell size, weight
field, quartic kernel, decay 0 and raw output, resamples QGIS's raster onto
incimap's grid and compares them.

  check: one run; fails unless the Pearson correlation is above 0.99.
  bench: times both programs on the same points at several sizes, in this run.

Exit code 77 means "skipped" (PyQGIS is not installed and cannot be installed).
"""
import argparse
import json
import math
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77

# A coarse outline of Syria drawn for this test, a little inside the real border, so that
# every generated point is in the country (lon, lat).
SYRIA_OUTLINE = [
    (36.0, 35.9), (36.6, 36.15), (37.2, 36.55), (38.3, 36.8), (39.3, 36.65), (40.7, 37.0),
    (42.1, 37.1), (41.4, 36.4), (41.2, 35.5), (40.95, 34.5), (39.0, 33.5), (38.0, 33.3),
    (36.9, 32.45), (36.0, 32.8), (36.05, 33.4), (36.5, 34.45), (36.0, 34.7), (35.9, 35.3),
]
# Made-up cluster centres (lon, lat, spread in degrees): real conflict data is clustered,
# and a clustered field is the harder test for the kernel's shape.
CLUSTERS = [
    (36.72, 34.73, 0.08), (37.16, 36.20, 0.10), (40.14, 35.33, 0.15), (38.27, 34.56, 0.25),
    (36.30, 33.51, 0.06), (39.00, 35.95, 0.12), (40.90, 34.46, 0.10), (36.63, 35.93, 0.12),
]


class Lcg:
    """Numerical Recipes' 32-bit linear congruential generator: the same points on every
    platform and Python version, which `random` does not promise."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def uniform(self):
        self.state = (1664525 * self.state + 1013904223) & 0xFFFFFFFF
        return (self.state + 0.5) / 2**32

    def normal(self):
        u1, u2 = self.uniform(), self.uniform()
        return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)


def inside(lon, lat, ring=SYRIA_OUTLINE):
    result = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            result = not result
        j = i
    return result


def make_incidents(n, seed=20220101):
    rng = Lcg(seed)
    features = []
    while len(features) < n:
        if rng.uniform() < 0.65:
            cx, cy, spread = CLUSTERS[int(rng.uniform() * len(CLUSTERS))]
            lon, lat = cx + spread * rng.normal(), cy + spread * rng.normal()
        else:
            lon, lat = 35.7 + 6.7 * rng.uniform(), 32.3 + 5.0 * rng.uniform()
        if not inside(lon, lat):
            continue
        killed = int(-math.log(rng.uniform()) * 3)  # mostly small, a few large
        injured = int(-math.log(rng.uniform()) * 4)
        day = 1 + int(rng.uniform() * 28)
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
            "properties": {"killed": killed, "injured": injured,
                           "event_date": "2022-03-%02d" % day,
                           "admin1_pcode": "", "admin1_name": ""},
        })
    return {"type": "FeatureCollection", "features": features}


def ensure_pyqgis():
    """Imports PyQGIS, installing Debian's python3-qgis first when it is missing and we may."""
    try:
        import qgis.core  # noqa: F401
        return True
    except ImportError:
        pass
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print("skipped: PyQGIS missing (apt-get install python3-qgis qgis-providers)")
        return False
    print("installing python3-qgis qgis-providers ...", flush=True)
    proc = subprocess.run(
        ["apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "--no-install-recommends", "python3-qgis", "qgis-providers"],
        capture_output=True, text=True, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    size = re.search(r"Need to get ([^\n]*)", proc.stdout)
    print("apt-get: " + (size.group(0) if size else "nothing to download"))
    if proc.returncode != 0:
        print(proc.stderr[-2000:])
        return False
    try:
        import qgis.core  # noqa: F401
        return True
    except ImportError:
        print("skipped: python3-qgis installed but not importable by " + sys.executable)
        return False


class Qgis:
    """One QGIS application with the native processing algorithms, headless."""

    def __init__(self):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from qgis.core import QgsApplication
        QgsApplication.setPrefixPath("/usr", True)
        self.app = QgsApplication([], False)
        self.app.initQgis()
        from qgis.analysis import QgsNativeAlgorithms
        self.app.processingRegistry().addProvider(QgsNativeAlgorithms())
        registry = self.app.processingRegistry()
        # QGIS moved the heatmap from its Python processing plugin ("qgis:" ids, up to 3.2x)
        # into the native C++ provider ("native:"); both run QgsKernelDensityEstimation.
        self.kde_id = "native:heatmapkerneldensityestimation"
        if registry.algorithmById(self.kde_id) is None:
            sys.path.append(os.path.join(QgsApplication.prefixPath(), "share/qgis/python/plugins"))
            sys.path.append("/usr/share/qgis/python/plugins")
            from processing.core.Processing import Processing
            Processing.initialize()
            self.kde_id = "qgis:heatmapkerneldensityestimation"
        if registry.algorithmById(self.kde_id) is None:
            raise RuntimeError("this QGIS has no heatmap algorithm")
        print("QGIS %s, %s" % (self.version(), self.kde_id))

    @staticmethod
    def version():
        from qgis.core import Qgis as QgisInfo
        return QgisInfo.QGIS_VERSION

    def heatmap(self, geojson, radius_m, cell_m, weight_field, out_tif):
        """Returns (wall, CPU) seconds spent in QGIS (reprojection + heatmap)."""
        from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessingContext,
                               QgsProcessingFeedback, QgsVectorLayer)
        layer = QgsVectorLayer(geojson, "incidents", "ogr")
        if not layer.isValid():
            raise RuntimeError("QGIS cannot open " + geojson)
        registry = self.app.processingRegistry()
        context = QgsProcessingContext()
        feedback = QgsProcessingFeedback()
        start, start_cpu = time.perf_counter(), time.process_time()
        reproject = registry.algorithmById("native:reprojectlayer")
        projected, ok = reproject.run(
            {"INPUT": layer, "TARGET_CRS": QgsCoordinateReferenceSystem("EPSG:22770"),
             "OUTPUT": "memory:"}, context, feedback)
        if not ok:
            raise RuntimeError("native:reprojectlayer failed")
        projected_layer = context.takeResultLayer(projected["OUTPUT"])
        kde = registry.algorithmById(self.kde_id)
        result, ok = kde.run(
            {"INPUT": projected_layer, "RADIUS": radius_m, "RADIUS_FIELD": None,
             "PIXEL_SIZE": cell_m, "WEIGHT_FIELD": weight_field,
             "KERNEL": 0,        # quartic
             "DECAY": 0,
             "OUTPUT_VALUE": 0,  # raw
             "OUTPUT": out_tif}, context, feedback)
        elapsed = time.perf_counter() - start, time.process_time() - start_cpu
        if not ok:
            raise RuntimeError(self.kde_id + " failed")
        return elapsed

    def close(self):
        self.app.exitQgis()


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_incimap(incimap, run_dir, out_tif, radius_m, cell_m, weight, png=True):
    """Returns (wall, CPU) seconds of the whole `incimap heatmap` process."""
    start, start_cpu = time.perf_counter(), children_cpu()
    proc = subprocess.run(
        [incimap, "heatmap", run_dir, "-o", out_tif, "--radius", str(radius_m / 1000.0),
         "--cell", str(cell_m), "--weight", weight] + ([] if png else ["--no-png"]),
        capture_output=True, text=True)
    elapsed = time.perf_counter() - start, children_cpu() - start_cpu
    if proc.returncode != 0:
        raise RuntimeError("incimap heatmap failed (%d): %s" % (proc.returncode, proc.stderr))
    return elapsed


def compare(ours_tif, qgis_tif):
    """Resamples QGIS's raster onto our grid; returns (correlation, our max, QGIS max,
    our sum, QGIS sum)."""
    import numpy as np
    from osgeo import gdal
    gdal.UseExceptions()
    ours = gdal.Open(ours_tif)
    gt = ours.GetGeoTransform()
    bounds = (gt[0], gt[3] + gt[5] * ours.RasterYSize, gt[0] + gt[1] * ours.RasterXSize, gt[3])
    theirs = gdal.Warp("", qgis_tif, format="MEM", dstSRS="EPSG:22770", outputBounds=bounds,
                       width=ours.RasterXSize, height=ours.RasterYSize, resampleAlg="bilinear",
                       srcNodata=-9999, dstNodata=-9999)
    a = ours.GetRasterBand(1).ReadAsArray().astype("float64")
    b = theirs.GetRasterBand(1).ReadAsArray().astype("float64")
    # QGIS leaves cells no point reaches as nodata; their density is zero.
    a[a == -9999] = 0
    b[b == -9999] = 0
    corr = float(np.corrcoef(a.ravel(), b.ravel())[0, 1])
    return corr, float(a.max()), float(b.max()), float(a.sum()), float(b.sum())


def check(args, qgis, work):
    n, radius, cell = args.points, args.radius_m, args.cell_m
    with open(os.path.join(work, "incidents.geojson"), "w") as f:
        json.dump(make_incidents(n), f)
    ours, theirs = os.path.join(work, "incimap.tif"), os.path.join(work, "qgis.tif")
    t_ours = run_incimap(args.incimap, work, ours, radius, cell, "killed")
    t_qgis = qgis.heatmap(os.path.join(work, "incidents.geojson"), radius, cell, "killed", theirs)
    corr, max_a, max_b, sum_a, sum_b = compare(ours, theirs)
    print("%d points, radius %g m, cell %g m: correlation %.5f; max %.3f vs QGIS %.3f; "
          "sum %.1f vs QGIS %.1f; CPU time %.3f s vs QGIS %.3f s"
          % (n, radius, cell, corr, max_a, max_b, sum_a, sum_b, t_ours[1], t_qgis[1]))
    ok = corr > 0.99 and abs(sum_a - sum_b) <= 0.01 * max(sum_a, sum_b)
    if not ok:
        print("FAILED: incimap's heatmap does not agree with QGIS's")
    return 0 if ok else 1


def bench(args, qgis, work):
    # CPU time is the fairer figure on a shared machine; wall time is shown too.
    print("| incidents | incimap CPU s | QGIS CPU s | QGIS / incimap (CPU) "
          "| incimap wall s | QGIS wall s | QGIS / incimap (wall) | correlation |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        run_dir = os.path.join(work, "n%d" % n)
        os.makedirs(run_dir, exist_ok=True)
        geojson = os.path.join(run_dir, "incidents.geojson")
        with open(geojson, "w") as f:
            json.dump(make_incidents(n, seed=n), f)
        ours, theirs = os.path.join(run_dir, "incimap.tif"), os.path.join(run_dir, "qgis.tif")
        ours_runs = [run_incimap(args.incimap, run_dir, ours, args.radius_m, args.cell_m,
                                 "killed", png=False) for _ in range(args.repeat)]
        qgis_runs = [qgis.heatmap(geojson, args.radius_m, args.cell_m, "killed", theirs)
                     for _ in range(args.repeat)]
        wall_a, cpu_a = min(r[0] for r in ours_runs), min(r[1] for r in ours_runs)
        wall_b, cpu_b = min(r[0] for r in qgis_runs), min(r[1] for r in qgis_runs)
        corr = compare(ours, theirs)[0]
        print("| %d | %.3f | %.3f | %.1f | %.3f | %.3f | %.1f | %.5f |"
              % (n, cpu_a, cpu_b, cpu_b / cpu_a, wall_a, wall_b, wall_b / wall_a, corr),
              flush=True)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["check", "bench"])
    parser.add_argument("--incimap", required=True, help="the incimap executable")
    parser.add_argument("--workdir", help="keep files here (default: a temporary directory)")
    parser.add_argument("--points", type=int, default=2000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--radius-m", type=float, default=15000)
    parser.add_argument("--cell-m", type=float, default=1000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if not ensure_pyqgis():
        return SKIP
    work = args.workdir or tempfile.mkdtemp(prefix="incimap-heatmap-qgis-")
    os.makedirs(work, exist_ok=True)
    qgis = Qgis()
    try:
        return check(args, qgis, work) if args.mode == "check" else bench(args, qgis, work)
    finally:
        qgis.close()
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
