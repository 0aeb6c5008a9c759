# Start-up time of geso-atlas: the dynamic loader looks every symbol up in the
# libraries in load order, and GDAL brings 124 of them, all bound at start-up
# (BIND_NOW). Their order is the order of DT_NEEDED, so naming the libraries
# that answer most lookups first (ranking.txt, made by
# tools/rank_shared_libs.py) shortens each search: `geso-atlas --version`
# 41.6 → 34.1 ms, a 14-area render 165 → 155 ms (hyperfine medians,
# docs/benchmarks-render.md). Which copy of an inline or template function
# wins can change; they are the same code. Only libraries that GDAL loads
# anyway are named, so a GDAL built otherwise just loses the gain.

# Adds, in ranked order, the libraries of GDAL's closure to `target`'s link line.
function(geso_link_in_ranked_order target)
  get_target_property(gdal_file GDAL::GDAL LOCATION)
  find_program(LDD_EXECUTABLE ldd)
  if(NOT gdal_file OR NOT LDD_EXECUTABLE)
    message(STATUS "link order: no ldd or GDAL library file; libraries keep CMake's order")
    return()
  endif()
  execute_process(COMMAND "${LDD_EXECUTABLE}" "${gdal_file}" OUTPUT_VARIABLE ldd_out RESULT_VARIABLE ldd_rc
                  ERROR_QUIET)
  if(NOT ldd_rc EQUAL 0)
    message(STATUS "link order: ldd ${gdal_file} failed; libraries keep CMake's order")
    return()
  endif()
  # "libfoo.so.1 => /usr/lib/…/libfoo.so.1 (0x…)": soname → file
  string(REGEX MATCHALL "[^\n\t ]+ => /[^\n ]+" pairs "${ldd_out}")
  foreach(pair IN LISTS pairs)
    string(REGEX REPLACE " => .*" "" soname "${pair}")
    string(REGEX REPLACE ".* => " "" file "${pair}")
    set("closure_${soname}" "${file}")
  endforeach()
  file(REAL_PATH "${gdal_file}" gdal_real)  # …/libgdal.so.32.3.6.2: its soname is a prefix
  get_filename_component(gdal_real_name "${gdal_real}" NAME)

  file(STRINGS "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/ranking.txt" ranking REGEX "^[^#]")
  set(ordered "")
  foreach(line IN LISTS ranking)
    string(REGEX REPLACE " .*" "" soname "${line}")
    string(FIND "${gdal_real_name}." "${soname}." at)
    if(DEFINED "closure_${soname}")
      list(APPEND ordered "${closure_${soname}}")
    elseif(at EQUAL 0)
      list(APPEND ordered "${gdal_real}")
    endif()
  endforeach()
  list(LENGTH ordered n)
  message(STATUS "link order: ${n} libraries of GDAL's closure named first (third_party/link_order)")
  # Link options come before the objects and libraries, so these are the first DT_NEEDED.
  target_link_options(${target} PRIVATE "LINKER:--push-state,--no-as-needed" ${ordered} "LINKER:--pop-state")
endfunction()
