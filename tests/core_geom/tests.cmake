# The bundled-data test loads geodata/ through geso_io, then checks it with GEOS.
target_link_libraries(${exe} PRIVATE geso_io)
