#pragma once
// Employment density of the 58 California counties: the example data set of PySAL mapclassify
// (mapclassify.load_example(), "calempdensity.csv"), used in its README with published breaks:
//   FisherJenks(y, k=5): 75.29, 192.05, 370.50, 722.85, 4111.45; counts 49, 3, 4, 1, 1
//   BoxPlot(y): -52.88, 2.57, 9.36, 39.53, 94.97, 4111.45; counts 0, 15, 14, 14, 6, 9
//   EqualInterval(y, k=5): 822.394, 1644.658, 2466.922, 3289.186, 4111.45; counts 57, 0, 0, 0, 1
// (Rey, Arribas-Bel & Wolf, "Geographic Data Science with PySAL and the PyData Stack"; the same
// values and Jenks breaks are in riatelab/statsbreaks' test suite).
#include <vector>

inline const std::vector<double>& calempDensity() {
    static const std::vector<double> v = {
        329.92, 0.42,  5.9,    14.03, 2.78,   1.34,  181.27, 1.65,   10.03, 16.7,  1.32,  3.99,
        3.16,   0.22,  8.7,    6.56,  3.27,   0.33,  370.5,  4.51,   75.29, 0.99,  2.74,  8.68,
        0.14,   0.92,  12.63,  28.7,  12.02,  722.85, 36.68, 0.74,   29.82, 192.05, 3.38, 11.15,
        110.74, 4111.45, 49.47, 10.33, 317.11, 20.47, 264.93, 66.26, 5.39,  0.13,  0.61,  50.65,
        40.48,  36.67, 13.09,  1.81,  0.2,    7.6,   2.51,   57.26,  24.32, 6.97};
    return v;
}
