# Needs the geso-atlas binary for the CLI tests.
add_dependencies(${exe} geso-atlas)
