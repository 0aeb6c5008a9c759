#pragma once
// Internal to geso_io: telling a complete read from one that ended early.
// GDAL drivers differ: some raise an error on a damaged record, some a warning,
// and some (FlatGeobuf past a truncation, a shapefile whose .dbf is shorter
// than its .shp) simply report "no more features".
#include <cstdint>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/io/gdal_env.hpp"
#include "core/model/layer.hpp"

namespace geso::core::io_detail {

// After the read loop. `declared`: the layer's GetFeatureCount(FALSE) taken
// before reading (-1 = unknown); `read`: features GetNextFeature handed out,
// skipped ones included. Error (where = path) when GDAL failed or fewer
// features came than declared: "read N of M features: the file is truncated or
// damaged (GDAL: …)". Otherwise appends Warning issues for more features than
// declared and for what GDAL warned while reading (each message once).
Status checkCompleteRead(const std::string& path, int64_t declared, size_t read, const GdalErrorCapture& capture,
                         std::vector<FeatureIssue>& issues);

}  // namespace geso::core::io_detail
