# incimap's heatmap against QGIS's "Heatmap (Kernel Density Estimation)" on the same points.
# Debian's python3-qgis is built for Debian's python3, not for one earlier on PATH (pyenv,
# venv), so look in /usr/bin first.
find_program(INCIMAP_SYSTEM_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT INCIMAP_SYSTEM_PYTHON)
  find_program(INCIMAP_SYSTEM_PYTHON NAMES python3)
endif()
if(INCIMAP_SYSTEM_PYTHON AND TARGET incimap)
  add_test(NAME "qgis: heatmap agrees with QGIS's kernel density estimation"
           COMMAND ${INCIMAP_SYSTEM_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/heatmap_vs_qgis.py check
                   --incimap $<TARGET_FILE:incimap>)
  # 77: PyQGIS missing and not installable (not root, no apt-get). The first run may
  # download QGIS (about 110 MB), hence the long timeout.
  set_tests_properties("qgis: heatmap agrees with QGIS's kernel density estimation"
                       PROPERTIES LABELS qgis SKIP_RETURN_CODE 77 TIMEOUT 1200
                                  ENVIRONMENT QT_QPA_PLATFORM=offscreen)
endif()
