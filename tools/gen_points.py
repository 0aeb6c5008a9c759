#!/usr/bin/python3
"""Generate the bundled ILLUSTRATIVE point layers in geodata/.

  geodata/pagaende_insatser.geojson  ongoing initiatives (pågående insatser), GeoJSON, WGS 84 lon/lat
  geodata/trygghetsomraden.csv       trygghet areas as points, CSV with lon/lat columns (WGS 84)

Every record is made up: names are generic ("Läxhjälp, Nydala"), placed near the
approximate delområde seed points of ../shared/geso/delomraden.csv with a seeded
jitter. They show what the map can do; they are not the city's initiatives.
Each record carries kalla = "illustrativ".

Deterministic (fixed seed, stable order). Standard library only.
usage: /usr/bin/python3 tools/gen_points.py [--shared ../shared/geso] [--out geodata]
"""
import argparse
import csv
import json
import os
import random

SEED = 20261123
# Initiatives lean towards the areas the index marks as challenged, as the
# city's kraftsamling would.
WEIGHT_BY_GESO = {3: 2, 9: 3, 10: 4, 11: 4, 12: 4, 14: 4}
THEMES = {
    "fritid": ["Öppen fritidsverksamhet", "Spontanidrott kvällstid", "Sommarlovsaktiviteter"],
    "skola": ["Läxhjälp", "Lovskola", "Studiero-satsning"],
    "trygghet": ["Nattvandring", "Trygghetsvärdar", "Belysningsprojekt"],
    "arbete": ["Feriejobb för unga", "Jobbspår", "Språkpraktik"],
    "boende": ["Boinflytande-projekt", "Gårdsförnyelse", "Bostadsrådgivning"],
    "kultur": ["Kulturskola i området", "Bibliotek för unga", "Skaparverkstad"],
    "föräldrastöd": ["Föräldraskapsstöd", "Familjecentral", "Föräldracafé"],
}
RESPONSIBLE = {
    "fritid": ["Fritidsnämnden"],
    "skola": ["Grundskolenämnden", "Gymnasie- och vuxenutbildningsnämnden"],
    "trygghet": ["Kommunstyrelsen", "Miljönämnden"],
    "arbete": ["Arbetsmarknads- och socialnämnden"],
    "boende": ["MKB Fastighets AB", "Stadsbyggnadsnämnden"],
    "kultur": ["Kulturnämnden"],
    "föräldrastöd": ["Förskolenämnden", "Arbetsmarknads- och socialnämnden"],
}
TARGETS = {
    "fritid": ["barn 6–12 år", "unga 13–19 år"],
    "skola": ["barn 6–12 år", "unga 13–19 år"],
    "trygghet": ["alla boende", "unga 13–19 år"],
    "arbete": ["unga vuxna 16–24 år", "vuxna 20–64 år"],
    "boende": ["alla boende"],
    "kultur": ["barn 6–12 år", "unga 13–19 år"],
    "föräldrastöd": ["föräldrar", "barn 0–5 år"],
}
STATUS = ["pågående", "pågående", "pågående", "planerad", "avslutad"]
TRYGGHET_TYPES = ["Platssamverkan", "Trygghetsvandring", "Fastighetsägarsamverkan (BID)", "Kameraövervakad plats"]


def jitter(rng, lat, lon, metres=250.0):
    # 1° lat ≈ 111.3 km; 1° lon ≈ 111.3 km · cos(55.6°) ≈ 63 km at Malmö.
    return (lat + rng.uniform(-metres, metres) / 111300.0,
            lon + rng.uniform(-metres, metres) / 63000.0)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared", "geso"))
    ap.add_argument("--out", default=os.path.join(here, "..", "geodata"))
    a = ap.parse_args()
    with open(os.path.join(a.shared, "delomraden.csv"), newline="", encoding="utf-8") as f:
        seeds = sorted(csv.DictReader(f), key=lambda r: (int(r["geso_code"]), r["delomrade"]))
    rng = random.Random(SEED)

    features = []
    n = 0
    for r in seeds:
        code = int(r["geso_code"])
        count = sum(1 for _ in range(WEIGHT_BY_GESO.get(code, 1)) if rng.random() < 0.35)
        for _ in range(count):
            n += 1
            theme = rng.choice(sorted(THEMES))
            lat, lon = jitter(rng, float(r["lat"]), float(r["lon"]))
            features.append({
                "type": "Feature",
                "properties": {
                    "id": n,
                    "namn": f"{rng.choice(THEMES[theme])}, {r['delomrade']}",
                    "ansvarig": rng.choice(RESPONSIBLE[theme]),
                    "tema": theme,
                    "malgrupp": rng.choice(TARGETS[theme]),
                    "startar": rng.randint(2019, 2025),
                    "status": rng.choice(STATUS),
                    "kalla": "illustrativ",
                },
                "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
            })
    collection = {
        "type": "FeatureCollection",
        "name": "pagaende_insatser",
        "description": "ILLUSTRATIVA insatser genererade av tools/gen_points.py – inte stadens verkliga insatser",
        "features": features,
    }
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "pagaende_insatser.geojson"), "w", encoding="utf-8") as f:
        json.dump(collection, f, ensure_ascii=False, indent=1)
        f.write("\n")

    rows = []
    for r in seeds:
        code = int(r["geso_code"])
        if rng.random() < (0.45 if code in WEIGHT_BY_GESO else 0.12):
            lat, lon = jitter(rng, float(r["lat"]), float(r["lon"]), 150.0)
            rows.append({"id": len(rows) + 1, "namn": f"Trygghetsområde {r['delomrade']}",
                         "typ": rng.choice(TRYGGHET_TYPES), "ar": rng.randint(2018, 2024),
                         "kalla": "illustrativ", "lon": f"{lon:.6f}", "lat": f"{lat:.6f}"})
    with open(os.path.join(a.out, "trygghetsomraden.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "namn", "typ", "ar", "kalla", "lon", "lat"])
        w.writeheader()
        w.writerows(rows)
    print(f"gen_points: {len(features)} illustrative initiatives, {len(rows)} trygghet areas")


if __name__ == "__main__":
    main()
