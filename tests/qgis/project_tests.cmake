# incimap.qgz of a run over the examples, opened and rendered by real QGIS (PyQGIS). Its
# picture is written to output/qgis_project.png; docs/img/make_qgis_project_png.sh makes the
# README's copy. Debian's python3-qgis is built for /usr/bin/python3 (as in heatmap_tests.cmake).
find_program(INCIMAP_SYSTEM_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(INCIMAP_SYSTEM_PYTHON AND TARGET incimap)
  add_test(NAME "qgis: the run's QGIS project opens with every layer valid and time animated"
           COMMAND ${INCIMAP_SYSTEM_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_project.py
                   $<TARGET_FILE:incimap> ${PROJECT_SOURCE_DIR}/examples
                   ${CMAKE_CURRENT_BINARY_DIR}/qgis-project ${PROJECT_SOURCE_DIR}/output/qgis_project.png)
  # 77: PyQGIS missing and not installable (not root, no apt-get).
  set_tests_properties("qgis: the run's QGIS project opens with every layer valid and time animated"
                       PROPERTIES LABELS qgis SKIP_RETURN_CODE 77 TIMEOUT 1200
                                  ENVIRONMENT QT_QPA_PLATFORM=offscreen)
endif()
