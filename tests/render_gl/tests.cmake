# GL tests need a context: the headless EGL one (they skip when EGL has none).
target_link_libraries(${exe} PRIVATE geso_render_headless)
