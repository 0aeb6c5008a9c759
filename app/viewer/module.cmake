# The viewer's PNG export draws the overlay offscreen with the headless module's
# OverlayPainter (its own ImGui context), so the PNG matches `geso-atlas render`.
target_link_libraries(geso_viewer PUBLIC geso_render_headless)
