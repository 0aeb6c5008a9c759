# makeOverlayModel (overlay_from_project.cpp) reads a core::Project and its
# Choropleth (Provenance::line), so the overlay links the project module.
target_link_libraries(geso_render_overlay PUBLIC geso_project)
