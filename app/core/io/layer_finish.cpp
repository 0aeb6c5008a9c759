#include "core/io/layer_finish.hpp"

#include <cpl_vsi.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/crs/crs.hpp"
#include "core/crs/grid_transform.hpp"
#include "core/io/attribute_reader.hpp"

namespace geso::core::io_detail {
namespace {

void swapAxes(std::vector<Vec2>& xy) {
    for (Vec2& p : xy) std::swap(p.x, p.y);
}

// Keeps the rows of `keep` in every column.
void filterColumns(std::vector<Column>& columns, const std::vector<char>& keep) {
    for (Column& c : columns) {
        size_t w = 0;
        for (size_t r = 0; r < keep.size(); ++r) {
            if (!keep[r]) continue;
            if (w != r) {  // a self-move would empty the string
                if (c.numeric()) c.num[w] = c.num[r];
                else c.text[w] = std::move(c.text[r]);
                c.isNull[w] = c.isNull[r];
            }
            ++w;
        }
        if (c.numeric()) c.num.resize(w);
        else c.text.resize(w);
        c.isNull.resize(w);
    }
}

double ringArea2(const Vec2* p, size_t n) {
    // Relative to the first vertex: SWEREF northings ~6e6 would otherwise
    // cancel away most of the digits.
    double a = 0;
    for (size_t i = 1; i + 1 < n; ++i)
        a += (p[i].x - p[0].x) * (p[i + 1].y - p[0].y) - (p[i + 1].x - p[0].x) * (p[i].y - p[0].y);
    return a;
}

}  // namespace

size_t vertexCapacityHint(const std::string& path) {
    if (path.rfind("/vsi", 0) == 0 || path.find(':') != std::string::npos) return 0;
    if (path.size() >= 4) {
        std::string ext = path.substr(path.size() - 4);
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (ext == ".zip") return 0;
    }
    VSIStatBufL st;
    if (VSIStatL(path.c_str(), &st) != 0 || VSI_ISDIR(st.st_mode) || st.st_size <= 0) return 0;
    return std::min<size_t>(static_cast<size_t>(st.st_size) / sizeof(Vec2), size_t{1} << 28);
}

Status reprojectAreas(AreaLayer& l, const SourceCrs& crs, const std::string& displayCrs, double maxError) {
    if (crs.swapXY) swapAxes(l.xy);
    std::vector<size_t> failed;
    if (auto s = transformPointsForDrawing(l.xy, crs.definition, displayCrs, maxError, &failed); !s) return s;
    if (failed.empty()) return Ok{};

    const size_t n = l.featureCount();
    std::vector<char> keep(n, 1);
    std::vector<size_t> badCount(n, 0), firstBad(n, 0);
    size_t f = 0;
    for (size_t v : failed) {
        while (f < n && l.vertexStart[l.ringStart[l.partStart[f + 1]]] <= v) ++f;
        if (f >= n) break;
        if (badCount[f]++ == 0) firstBad[f] = v;
        keep[f] = 0;
    }
    for (size_t i = 0; i < n; ++i)
        if (!keep[i])
            l.issues.push_back({FeatureIssue::Kind::Skipped, l.fid[i], labelFromColumns(l.columns, i, l.fid[i]),
                                std::to_string(badCount[i]) + " vertex(es) could not be transformed to " +
                                    displayCrs + " (first is vertex " +
                                    std::to_string(firstBad[i] - l.vertexStart[l.ringStart[l.partStart[i]]]) +
                                    " of the feature); skipped"});

    // Rebuild the flat arrays without the dropped features.
    AreaLayer out;
    out.source = l.source;
    out.issues = std::move(l.issues);
    for (size_t i = 0; i < n; ++i) {
        if (!keep[i]) continue;
        out.fid.push_back(l.fid[i]);
        for (uint32_t p = l.partStart[i]; p < l.partStart[i + 1]; ++p) {
            for (uint32_t r = l.ringStart[p]; r < l.ringStart[p + 1]; ++r) {
                out.xy.insert(out.xy.end(), l.xy.begin() + l.vertexStart[r], l.xy.begin() + l.vertexStart[r + 1]);
                out.vertexStart.push_back(static_cast<uint32_t>(out.xy.size()));
            }
            out.ringStart.push_back(static_cast<uint32_t>(out.vertexStart.size() - 1));
        }
        out.partStart.push_back(static_cast<uint32_t>(out.ringStart.size() - 1));
    }
    filterColumns(l.columns, keep);
    out.columns = std::move(l.columns);
    l = std::move(out);
    return Ok{};
}

Status reprojectPoints(PointLayer& l, const SourceCrs& crs, const std::string& displayCrs) {
    if (crs.swapXY) swapAxes(l.xy);
    std::vector<size_t> failed;
    if (auto s = transformPoints(l.xy, crs.definition, displayCrs, &failed); !s) return s;
    if (failed.empty()) return Ok{};
    std::vector<char> keep(l.xy.size(), 1);
    for (size_t i : failed) {
        keep[i] = 0;
        l.issues.push_back({FeatureIssue::Kind::Skipped, l.fid[i], labelFromColumns(l.columns, i, l.fid[i]),
                            "could not be transformed to " + displayCrs + "; skipped"});
    }
    size_t w = 0;
    for (size_t i = 0; i < keep.size(); ++i) {
        if (!keep[i]) continue;
        l.xy[w] = l.xy[i];
        l.fid[w] = l.fid[i];
        ++w;
    }
    l.xy.resize(w);
    l.fid.resize(w);
    filterColumns(l.columns, keep);
    return Ok{};
}

Box displayBox(const Box& srcBox, const SourceCrs& crs, const std::string& displayCrs) {
    if (srcBox.empty()) return {};
    constexpr int kSteps = 20;  // per edge
    std::vector<Vec2> edge;
    edge.reserve(4 * kSteps);
    for (int i = 0; i < kSteps; ++i) {
        const double t = static_cast<double>(i) / kSteps;
        const double x = srcBox.minX + t * (srcBox.maxX - srcBox.minX), y = srcBox.minY + t * (srcBox.maxY - srcBox.minY);
        const double xBack = srcBox.maxX - (x - srcBox.minX), yBack = srcBox.maxY - (y - srcBox.minY);
        edge.push_back({x, srcBox.minY});
        edge.push_back({srcBox.maxX, y});
        edge.push_back({xBack, srcBox.maxY});
        edge.push_back({srcBox.minX, yBack});
    }
    if (crs.swapXY) swapAxes(edge);
    std::vector<size_t> failed;
    if (!transformPoints(edge, crs.definition, displayCrs, &failed) || !failed.empty()) return {};
    Box b;
    for (const Vec2& p : edge) b.expand(p.x, p.y);
    return b;
}

void finishAreas(AreaLayer& l) {
    const size_t n = l.featureCount();
    l.bbox.assign(n, Box{});
    l.extent = Box{};
    for (size_t f = 0; f < n; ++f) {
        Box& b = l.bbox[f];
        for (uint32_t p = l.partStart[f]; p < l.partStart[f + 1]; ++p) {
            for (uint32_t r = l.ringStart[p]; r < l.ringStart[p + 1]; ++r) {
                Vec2* first = l.xy.data() + l.vertexStart[r];
                const size_t count = l.vertexStart[r + 1] - l.vertexStart[r];
                const double a = ringArea2(first, count);
                const bool exterior = r == l.ringStart[p];
                if ((exterior && a < 0) || (!exterior && a > 0)) std::reverse(first, first + count);
                for (size_t i = 0; i < count; ++i) {
                    b.minX = std::min(b.minX, first[i].x);
                    b.maxX = std::max(b.maxX, first[i].x);
                    b.minY = std::min(b.minY, first[i].y);
                    b.maxY = std::max(b.maxY, first[i].y);
                }
            }
        }
        l.extent.expand(b);
    }
}

void finishPoints(PointLayer& l) {
    l.extent = Box{};
    for (const Vec2& p : l.xy) l.extent.expand(p.x, p.y);
}

}  // namespace geso::core::io_detail
