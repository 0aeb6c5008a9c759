# The smoke tests run the real binary (under xvfb-run when present).
add_dependencies(${exe} geso-atlas)
# GL tests need a display: run them once more under Xvfb (they skip without one).
find_program(GESO_XVFB_RUN xvfb-run)
if(GESO_XVFB_RUN)
  add_test(NAME viewer_gl_under_xvfb
           COMMAND ${GESO_XVFB_RUN} -a -s "-screen 0 1280x1024x24" $<TARGET_FILE:${exe}> --gtest_filter=ViewerGl.*)
  set_tests_properties(viewer_gl_under_xvfb PROPERTIES LABELS "viewer;gl")
endif()
