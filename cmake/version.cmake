# One version number (docs/packaging.md): package.json's "version" is the single source. Included
# before project(): sets NEWSLENS_VERSION (the full string, e.g. 1.2.0 or 1.2.0-rc.1),
# NEWSLENS_VERSION_NUMERIC (its X.Y.Z, what project(VERSION) and the CMake package take) and
# writes the public header newslens/version.h into NEWSLENS_VERSION_INCLUDE_DIR. The npm build
# copies the same field into the published package.json; tests/package/install-version.test.mjs
# checks that every place that shows the version agrees.
set(newslens_package_json "${CMAKE_CURRENT_LIST_DIR}/../package.json")
file(READ "${newslens_package_json}" newslens_package_text)
string(JSON NEWSLENS_VERSION ERROR_VARIABLE newslens_json_error
       GET "${newslens_package_text}" version)
if(newslens_json_error OR NOT NEWSLENS_VERSION MATCHES
   "^([0-9]+)\\.([0-9]+)\\.([0-9]+)(-[0-9A-Za-z.-]+)?$")
  message(FATAL_ERROR "newslens: package.json has no semver \"version\" (${newslens_json_error})")
endif()
set(NEWSLENS_VERSION_MAJOR "${CMAKE_MATCH_1}")
set(NEWSLENS_VERSION_MINOR "${CMAKE_MATCH_2}")
set(NEWSLENS_VERSION_PATCH "${CMAKE_MATCH_3}")
set(NEWSLENS_VERSION_NUMERIC
    "${NEWSLENS_VERSION_MAJOR}.${NEWSLENS_VERSION_MINOR}.${NEWSLENS_VERSION_PATCH}")
# A new version re-runs the configure step.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${newslens_package_json}")

set(NEWSLENS_VERSION_INCLUDE_DIR "${CMAKE_CURRENT_BINARY_DIR}/generated/include")
configure_file("${CMAKE_CURRENT_LIST_DIR}/version.h.in"
               "${NEWSLENS_VERSION_INCLUDE_DIR}/newslens/version.h" @ONLY)
