# The CLI tests run the geso-atlas binary (GESO_BINARY); build it first so they
# never test a stale one. They skip when the binary is absent.
add_dependencies(${exe} geso-atlas)
target_link_libraries(${exe} PRIVATE GDAL::GDAL)
