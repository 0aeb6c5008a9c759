#!/usr/bin/python3
"""Writes geodata/indikatorer.csv: ILLUSTRATIVE indicator values for Malmö's 14
GeSO areas and the city, 2018–2024.

    ILLUSTRATIVA VÄRDEN, INTE OFFICIELL STATISTIK.
    Illustrative values, not official statistics.

The numbers are made up by a seeded model so that the map, the index and the
tests have plausible, Malmö-like data: lower shares in the areas holding
Rosengård (GeSO 10), Nydala (11), Lindängen (12), Hyllievång/Kroksbäck (14) and
Möllevången/Sofielund (9); higher in Limhamn (6), Bunkeflostrand/Tygelsjö (5),
Ribersborg (7) and the Husie areas (3: Jägersro villastad, Kvarnby, Södra
Sallerup, Toftanäs). Area codes and names come from the city's open data
(/work/shared/geso/geso-areas.csv, copied below). Never use these values for
analysis or decisions; load the city's real figures instead (same columns).

Format: wide, UTF-8, comma-separated, '.' decimals, one decimal; columns
geso_kod, geso_namn, år and the 12 indicator ids of geodata/indikatorer.json.
The city row has geso_kod 0 and geso_namn "Malmö"; its values are the
population-weighted means of the areas (illustrative populations below).
An empty cell is a missing value (one on purpose: area 4, svarsfrekvens 2020).

Deterministic: a fixed seed and only the standard library. Run from the repo
root:  /usr/bin/python3 tools/gen_indicators.py
"""
import csv
import os
import random
import sys

SEED = 20180101
YEARS = list(range(2018, 2025))

# GeSO code -> official name (Malmö stad open data, CC0).
AREAS = {
    1: "Västra hamnen, Gamla staden m fl",
    2: "Kirsebergsstaden, Värnhem m fl",
    3: "Riseberga, Jägersro m fl",
    4: "Oxie Kyrkby, Oxievång m fl",
    5: "Bunkeflostrand, Tygelsjö by m fl",
    6: "Limhamns hamnområde, Elinelund m fl",
    7: "Ribersborg, Bellevue m fl",
    8: "Lorensborg, Bellevuegården m fl",
    9: "Möllevången, Rådmansvången m fl",
    10: "Örtagården, Herrgården m fl",
    11: "Nydala, Almhög m fl",
    12: "Lindängen, Almvik m fl",
    13: "Lindeborg, Borgmästaregården m fl",
    14: "Hyllievång, Kroksbäck m fl",
}

# Socio-economic position on a -2..+2 scale (illustrative).
POSITION = {1: 0.6, 2: 0.0, 3: 0.8, 4: 0.4, 5: 1.4, 6: 1.5, 7: 1.3, 8: -0.1,
            9: -0.6, 10: -1.9, 11: -1.1, 12: -1.2, 13: 0.2, 14: -1.0}
# Inner-city areas: more movers and more tenant-owned flats than their position implies.
INNER_CITY = {1: 1.0, 2: 0.5, 7: 0.6, 9: 0.8}
# Illustrative populations (weights for the city row), roughly 360 000 in all.
POPULATION = {1: 38000, 2: 27000, 3: 29000, 4: 18000, 5: 21000, 6: 30000, 7: 31000,
              8: 24000, 9: 36000, 10: 24000, 11: 26000, 12: 19000, 13: 16000, 14: 25000}

# id -> (city level 2018, spread per position unit, trend per year, noise sd)
# utb_forgymnasial is the negative indicator: its spread is negative.
INDICATORS = [
    ("del_valdeltagande", 80.0, 7.5, 0.10, 0.6),
    ("del_fritid", 60.0, 8.0, 0.30, 1.2),
    ("del_svarsfrekvens", 44.0, 7.0, -0.60, 1.0),
    ("utb_forgymnasial", 13.0, -5.5, -0.25, 0.5),
    ("utb_yrkesbehorighet", 82.0, 6.0, 0.20, 1.5),
    ("utb_hogskolebehorighet", 70.0, 8.0, 0.30, 1.5),
    ("eko_forvarvsarbete", 68.0, 9.0, 0.70, 0.6),
    ("eko_utan_bistand", 94.0, 3.0, 0.25, 0.3),
    ("eko_ej_lag_standard", 80.0, 7.0, 0.20, 0.6),
    ("bo_kvarboende", 86.0, 2.0, 0.05, 0.5),
    ("bo_ej_trangbodda", 80.0, 9.0, 0.15, 0.8),
    ("bo_agt_bostadsratt", 50.0, 18.0, 0.20, 0.8),
]
MISSING = {(4, 2020, "del_svarsfrekvens")}


def year_effect(ind, year):
    """Shocks shared by all areas: the 2020 pandemic year, the 2018/2022 elections."""
    if ind == "eko_forvarvsarbete" and year in (2020, 2021):
        return -2.5 if year == 2020 else -1.0
    if ind == "eko_utan_bistand" and year == 2020:
        return -0.6
    if ind == "del_fritid" and year in (2020, 2021):
        return -6.0 if year == 2020 else -2.5
    if ind == "del_valdeltagande" and year >= 2022:
        return -2.0  # turnout fell somewhat in 2022
    return 0.0


def area_value(rng, code, ind, base, spread, trend, sd, year):
    pos = POSITION[code]
    t = year - YEARS[0]
    # Challenged areas close the gap slowly (illustrative convergence).
    convergence = 0.12 * max(0.0, -pos) * t
    value = base + spread * pos + trend * t + year_effect(ind, year)
    value += convergence if spread > 0 else -convergence
    inner = INNER_CITY.get(code, 0.0)
    if ind == "bo_kvarboende":
        value -= 5.0 * inner
    elif ind == "bo_agt_bostadsratt":
        value += 10.0 * inner
    elif ind == "bo_ej_trangbodda":
        value += 2.0 * inner
    value += rng.gauss(0.0, sd)
    return min(99.5, max(0.5, value))


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "geodata", "indikatorer.csv")
    rng = random.Random(SEED)
    ids = [i[0] for i in INDICATORS]
    rows = []
    for year in YEARS:
        values = {}
        for code in sorted(AREAS):
            for ind, base, spread, trend, sd in INDICATORS:
                values[(code, ind)] = area_value(rng, code, ind, base, spread, trend, sd, year)
        total_pop = sum(POPULATION.values())
        city = [round(sum(values[(c, ind)] * POPULATION[c] for c in AREAS) / total_pop, 1) for ind in ids]
        rows.append([0, "Malmö", year] + [f"{v:.1f}" for v in city])
        for code in sorted(AREAS):
            cells = []
            for ind in ids:
                cells.append("" if (code, year, ind) in MISSING else f"{values[(code, ind)]:.1f}")
            rows.append([code, AREAS[code], year] + cells)
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["geso_kod", "geso_namn", "år"] + ids)
        w.writerows(rows)
    os.replace(tmp, out_path)  # never leave a half-written file
    print(f"wrote {out_path}: {len(rows)} rows (illustrative values, not official statistics)")


if __name__ == "__main__":
    main()
