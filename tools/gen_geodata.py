#!/usr/bin/python3
"""Generate the bundled SCHEMATIC GeSO boundaries in geodata/ from ../shared/geso/.

Method (as ../shared/geso/README.md describes): project the 136 delområde seed
points and the approximate municipal outline to EPSG:3008 (SWEREF 99 13 30),
build the Voronoi cells of the seeds with GEOS, clip them to the outline and
dissolve them by GeSO code. The result looks like the real division but is
SCHEMATIC: fine for a default map, demos and tests, never for analysis.

Writes (ESRI Shapefile, EPSG:3008, .prj and UTF-8 .cpg):
  geodata/geso_omraden.shp  14 polygons: geso_kod (Integer), geso_namn (String)
  geodata/delomraden.shp    136 polygons: delomrade (String), geso_kod (Integer)

Deterministic: the same inputs give byte-identical files (no timestamps, fixed order).
Fails (exit 1) if a GeSO does not dissolve to a single polygon or the coverage has
gaps or overlaps.

Needs Debian's python3-gdal and python3-shapely (GEOS Voronoi; GDAL 3.6's Python
bindings have no VoronoiDiagram).

usage: /usr/bin/python3 tools/gen_geodata.py [--shared ../shared/geso] [--out geodata]
"""
import argparse
import csv
import os
import sys

from osgeo import gdal, ogr, osr
from shapely import wkb as shapely_wkb
from shapely.geometry import MultiPoint
from shapely.ops import voronoi_diagram

gdal.UseExceptions()
ogr.UseExceptions()


def srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)  # x = lon/east
    return s


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_layer(path, name, features, fields):
    """features: list of (geometry, {field: value}); fields: [(name, ogr type, width)]."""
    drv = ogr.GetDriverByName("ESRI Shapefile")
    if os.path.exists(path):
        drv.DeleteDataSource(path)
    ds = drv.CreateDataSource(path)
    lyr = ds.CreateLayer(name, srs(3008), ogr.wkbPolygon, options=["ENCODING=UTF-8"])
    for fname, ftype, width in fields:
        fd = ogr.FieldDefn(fname, ftype)
        if width:
            fd.SetWidth(width)
        lyr.CreateField(fd)
    for geom, attrs in features:
        f = ogr.Feature(lyr.GetLayerDefn())
        for k, v in attrs.items():
            f.SetField(k, v)
        f.SetGeometry(geom)
        lyr.CreateFeature(f)
    ds = None
    # DBF headers carry the write date; zero it so the output is reproducible.
    dbf = path[:-4] + ".dbf"
    with open(dbf, "r+b") as fh:
        fh.seek(1)
        fh.write(bytes([95, 1, 1]))  # 1995-01-01, a fixed date


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared", "geso"))
    ap.add_argument("--out", default=os.path.join(here, "..", "geodata"))
    a = ap.parse_args()

    to3008 = osr.CoordinateTransformation(srs(4326), srs(3008))
    names = {int(r["geso_code"]): r["geso_name"] for r in read_csv(os.path.join(a.shared, "geso-areas.csv"))}
    seeds = read_csv(os.path.join(a.shared, "delomraden.csv"))
    outline_pts = [(float(r["lon"]), float(r["lat"])) for r in read_csv(os.path.join(a.shared, "malmo-outline.csv"))]

    ring = ogr.Geometry(ogr.wkbLinearRing)
    for lon, lat in outline_pts:
        x, y, _ = to3008.TransformPoint(lon, lat)
        ring.AddPoint_2D(x, y)
    ring.CloseRings()
    outline = ogr.Geometry(ogr.wkbPolygon)
    outline.AddGeometry(ring)
    if not outline.IsValid():
        outline = outline.MakeValid()

    seed_xy = [to3008.TransformPoint(float(r["lon"]), float(r["lat"]))[:2] for r in seeds]
    env = shapely_wkb.loads(bytes(outline.Buffer(5000.0).ExportToWkb()))
    cells = voronoi_diagram(MultiPoint(seed_xy), envelope=env)
    # GEOS does not keep the input order: match each cell to the seed inside it.
    cell_of_seed = [None] * len(seeds)
    for i, shp in enumerate(cells.geoms):
        cell = ogr.CreateGeometryFromWkb(shp.wkb)
        hits = [j for j, (x, y) in enumerate(seed_xy) if cell.Contains(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))]
        if len(hits) != 1:
            sys.exit(f"gen_geodata: Voronoi cell {i} holds {len(hits)} seeds")
        cell_of_seed[hits[0]] = cell.Intersection(outline)

    delomraden = []
    by_code = {}
    for r, cell in sorted(zip(seeds, cell_of_seed), key=lambda t: (int(t[0]["geso_code"]), t[0]["delomrade"])):
        code = int(r["geso_code"])
        delomraden.append((cell, {"delomrade": r["delomrade"], "geso_kod": code}))
        by_code.setdefault(code, []).append(cell)

    areas = []
    total = 0.0
    for code in sorted(names):
        union = ogr.Geometry(ogr.wkbMultiPolygon)
        for c in by_code.get(code, []):
            union.AddGeometry(c)
        geom = union.UnionCascaded()
        if geom.GetGeometryType() != ogr.wkbPolygon:
            sys.exit(f"gen_geodata: GeSO {code} dissolves to {geom.GetGeometryName()}, not one polygon")
        total += geom.GetArea()
        areas.append((geom, {"geso_kod": code, "geso_namn": names[code]}))

    # Coverage check: the pieces add up to the outline (no gaps, no overlaps).
    if abs(total - outline.GetArea()) > 1.0:
        sys.exit(f"gen_geodata: areas sum to {total:.1f} m², outline is {outline.GetArea():.1f} m²")

    os.makedirs(a.out, exist_ok=True)
    write_layer(os.path.join(a.out, "geso_omraden.shp"), "geso_omraden", areas,
                [("geso_kod", ogr.OFTInteger, 4), ("geso_namn", ogr.OFTString, 80)])
    write_layer(os.path.join(a.out, "delomraden.shp"), "delomraden", delomraden,
                [("delomrade", ogr.OFTString, 60), ("geso_kod", ogr.OFTInteger, 4)])
    print(f"gen_geodata: 14 GeSO areas, {len(delomraden)} delområden, {total / 1e6:.1f} km² in all")


if __name__ == "__main__":
    main()
