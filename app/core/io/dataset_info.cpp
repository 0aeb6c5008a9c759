// describeDataset: what `geso-atlas info` prints about a file before loading it.
#include "core/io/attribute_reader.hpp"
#include "core/io/dataset_open.hpp"
#include "core/io/gdal_env.hpp"
#include "core/io/source_crs.hpp"
#include "core/io/vector_reader.hpp"

namespace geso::core {

Result<DatasetInfo> describeDataset(const std::string& path, const LoadOptions& opts) {
    GdalErrorCapture capture;
    auto ds = io_detail::openVector(path);
    if (!ds) return ds.error();
    GDALDataset& d = *ds.value();

    DatasetInfo info;
    info.path = path;
    info.gdalPath = gdalPathFor(path);
    if (GDALDriver* drv = d.GetDriver()) {
        info.driver = drv->GetDescription();
        if (const char* ln = drv->GetMetadataItem(GDAL_DMD_LONGNAME)) info.driverLongName = ln;
    }
    if (!opts.layerName.empty() && !d.GetLayerByName(opts.layerName.c_str())) {
        auto pick = io_detail::pickLayer(d, path, opts.layerName, LayerKind::Mixed);
        return pick.error();
    }

    for (int i = 0; i < d.GetLayerCount(); ++i) {
        OGRLayer* l = d.GetLayer(i);
        LayerInfo li;
        li.name = l->GetName();
        li.geometryType = OGRGeometryTypeToName(l->GetGeomType());
        li.kind = io_detail::layerKindOf(l->GetGeomType());
        li.featureCount = l->GetFeatureCount(TRUE);
        const io_detail::SourceCrs crs = io_detail::declaredCrs(*l);
        li.crsName = crs.name;
        li.crsCode = crs.code;
        li.crsDefinition = crs.definition;
        OGREnvelope env;
        if (li.kind != LayerKind::Table && l->GetExtent(&env, TRUE) == OGRERR_NONE) {
            li.extent.expand(env.MinX, env.MinY);
            li.extent.expand(env.MaxX, env.MaxY);
        }
        OGRFeatureDefn* defn = l->GetLayerDefn();
        for (int f = 0; f < defn->GetFieldCount(); ++f) {
            const OGRFieldDefn* fd = defn->GetFieldDefn(f);
            li.fields.push_back({fd->GetNameRef(), io_detail::fieldTypeOf(*fd), io_detail::gdalTypeName(*fd)});
        }
        info.layers.push_back(std::move(li));
    }
    if (capture.failed())
        return Error{"cannot read its metadata (file damaged or truncated?): " + capture.firstFailure(), path};
    return info;
}

}  // namespace geso::core
