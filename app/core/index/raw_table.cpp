#include "core/index/raw_table.hpp"

#include <cpl_conv.h>
#include <cpl_csv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <memory>

#include "core/index/text_util.hpp"
#include "core/io/gdal_env.hpp"

namespace geso::core {

namespace {

std::string lowerExtension(const std::string& path) {
    return asciiLower(CPLGetExtension(path.c_str()));
}

bool isDelimitedText(const std::string& ext) { return ext == "csv" || ext == "txt" || ext == "tsv"; }

// Reads the whole file through VSI (so /vsizip/ etc. work) to decide the
// encoding: valid UTF-8 (with or without BOM) or else CP1252, the encoding
// Excel on Swedish Windows writes "CSV (semikolonavgränsad)" in.
std::string detectEncoding(const std::string& path) {
    VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
    if (!f) return "UTF-8";
    std::string bytes;
    char buf[1 << 16];
    size_t n = 0;
    while ((n = VSIFReadL(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
    VSIFCloseL(f);
    if (!isValidUtf8(bytes)) return "CP1252";
    return bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? "UTF-8 (BOM)" : "UTF-8";
}

std::string recodeCp1252(const char* s) {
    char* out = CPLRecode(s, "CP1252", CPL_ENC_UTF8);
    std::string r = out ? out : s;
    CPLFree(out);
    return r;
}

// GDAL's CSV reader drops fields beyond the header and fills short rows with
// empty fields without a word; count the fields ourselves with GDAL's own
// tokenizer so neither passes silently.
void findRaggedRows(const std::string& path, RawTable& table) {
    VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
    if (!f) return;
    const char* first = CPLReadLine2L(f, 1 << 20, nullptr);
    const std::string firstLine = first ? first : "";
    const char delimiter[2] = {lowerExtension(path) == "tsv" ? '\t' : CSVDetectSeperator(firstLine.c_str()), 0};
    VSIRewindL(f);
    int record = 0;
    while (char** fields = CSVReadParseLine3L(f, 10'000'000, delimiter, true, false, false, true)) {
        const int n = CSLCount(fields);
        // GDAL skips blank lines without giving them a feature id; so do we, so
        // that record numbers stay equal to the rows' numbers.
        if (n == 0 || (n == 1 && fields[0][0] == '\0')) {
            CSLDestroy(fields);
            continue;
        }
        ++record;
        if (record == 1) {
            table.headerFieldCount = n;
        } else if (n > table.headerFieldCount) {
            bool extraText = false;
            for (int i = table.headerFieldCount; i < n; ++i)
                extraText = extraText || !trimUnicodeSpace(fields[i]).empty();
            if (extraText) table.overlongRows.emplace_back(record, n);
        } else if (n < table.headerFieldCount) {
            table.shortRows.emplace_back(record, n);
        }
        CSLDestroy(fields);
    }
    VSIFCloseL(f);
}

}  // namespace

Result<RawTable> readRawTable(const std::string& path, const std::string& layer, const LayerScore& score) {
    GdalErrorCapture capture;
    const std::string ext = lowerExtension(path);
    const bool text = isDelimitedText(ext);

    std::string openPath = path;
    CPLStringList openOptions;
    if (text) {
        VSIStatBufL st;
        if (VSIStatL(path.c_str(), &st) != 0) return Error{"no such file", path};
        if (st.st_size == 0) return Error{"the file is empty", path};
        if (ext != "csv") openPath = "CSV:" + path;  // GDAL only guesses CSV from .csv/.tsv
        openOptions.AddNameValue("HEADERS", "YES");
        openOptions.AddNameValue("AUTODETECT_TYPE", "NO");
        openOptions.AddNameValue("EMPTY_STRING_AS_NULL", "NO");
    }
    // Spreadsheets whose cells are all text would otherwise be read without a header row.
    CPLConfigOptionSetter xlsxHeaders("OGR_XLSX_HEADERS", "FORCE", /*bSetOnlyIfUndefined=*/false);
    CPLConfigOptionSetter odsHeaders("OGR_ODS_HEADERS", "FORCE", false);

    // ogr2ogr -f SQLite writes plain tables that the SQLite driver hides unless
    // asked to list every table; GPKG lists its attribute tables anyway. The option
    // is only passed to SQLite, since other drivers warn about unknown options.
    if (!text) {
        GDALDriverH identified = GDALIdentifyDriverEx(openPath.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
        if (identified && std::string(GDALGetDriverShortName(identified)) == "SQLite")
            openOptions.AddNameValue("LIST_ALL_TABLES", "YES");
    }
    GDALDatasetUniquePtr ds(GDALDataset::Open(openPath.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              nullptr, openOptions.List(), nullptr));
    if (!ds) {
        std::string why = capture.firstFailure();
        if (why.empty()) why = "not a table GDAL can read (CSV, XLSX, ODS, GPKG, SQLite)";
        return Error{why, path};
    }

    OGRLayer* chosen = nullptr;
    if (!layer.empty()) {
        chosen = ds->GetLayerByName(layer.c_str());
        if (!chosen) return Error{"no layer or sheet named '" + layer + "'", path};
    } else {
        int best = -1;
        for (int i = 0; i < ds->GetLayerCount(); ++i) {
            if (ds->IsLayerPrivate(i)) continue;  // geometry_columns, sqlite_sequence, …
            OGRLayer* l = ds->GetLayer(i);
            std::vector<std::string> names;
            OGRFeatureDefn* defn = l->GetLayerDefn();
            for (int f = 0; f < defn->GetFieldCount(); ++f) names.emplace_back(defn->GetFieldDefn(f)->GetNameRef());
            const int s = score ? score(names) : 0;
            if (s > best) {
                best = s;
                chosen = l;
            }
        }
        if (!chosen) return Error{"the file has no tables", path};
    }

    RawTable table;
    table.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    table.layerName = chosen->GetName();
    const bool cp1252 = text && (table.encoding = detectEncoding(path)) == "CP1252";
    auto toUtf8 = [&](const char* s) { return cp1252 ? recodeCp1252(s) : std::string(s); };

    OGRFeatureDefn* defn = chosen->GetLayerDefn();
    const int nFields = defn->GetFieldCount();
    for (int f = 0; f < nFields; ++f) table.columns.push_back(toUtf8(defn->GetFieldDefn(f)->GetNameRef()));

    // Row numbers as the user sees them: CSV FIDs count data lines from 1;
    // XLSX/ODS FIDs are already the sheet's row numbers; GPKG/SQLite keep the FID.
    chosen->ResetReading();
    int ordinal = 0;
    for (auto& feature : *chosen) {
        ++ordinal;
        RawRow row;
        const GIntBig fid = feature->GetFID();
        if (fid == OGRNullFID) row.rowNumber = ordinal + 1;
        else row.rowNumber = static_cast<int>(text ? fid + 1 : fid);
        row.cells.resize(static_cast<size_t>(nFields));
        for (int f = 0; f < nFields; ++f) {
            RawCell& cell = row.cells[static_cast<size_t>(f)];
            if (!feature->IsFieldSetAndNotNull(f)) continue;
            cell.null = false;
            const OGRFieldType type = defn->GetFieldDefn(f)->GetType();
            if (type == OFTInteger || type == OFTInteger64 || type == OFTReal) {
                cell.numeric = true;
                cell.number = feature->GetFieldAsDouble(f);
            } else {
                cell.text = toUtf8(feature->GetFieldAsString(f));
            }
        }
        table.rows.push_back(std::move(row));
    }
    if (capture.failed())
        return Error{"read error: " + capture.firstFailure(), path};
    if (text) findRaggedRows(path, table);
    return table;
}

}  // namespace geso::core
