# Install rules (docs/packaging.md): `cmake --install build --prefix P` or `make install PREFIX=P`.
# Components: `dev` (the library, its public headers, the CMake package newslens::core) and `cli`
# (bin/newslens and its man page). The built-in dictionaries are compiled into the library
# (core/src/embedded*.cc), so a consumer needs no data file at run time.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(newslens_cmake_dir "${CMAKE_INSTALL_LIBDIR}/cmake/newslens")

# The library: newslens::core, and newslens::dict (the dictionary parser it links, a library of its
# own for the build-time packer).
set_target_properties(newslens_core PROPERTIES EXPORT_NAME core)
set_target_properties(newslens_dict PROPERTIES EXPORT_NAME dict)
install(TARGETS newslens_core newslens_dict
  EXPORT newslensTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT dev
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT dev
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT dev
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
# The public headers, and the generated version.h beside them. core/src stays private: no
# installed header includes it, nor nlohmann/json (tests/package/cmake.test.mjs compiles each
# installed header on its own).
install(DIRECTORY "${PROJECT_SOURCE_DIR}/core/include/newslens"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT dev
        FILES_MATCHING PATTERN "*.h")
install(FILES "${NEWSLENS_VERSION_INCLUDE_DIR}/newslens/version.h"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/newslens" COMPONENT dev)
install(EXPORT newslensTargets NAMESPACE newslens:: FILE newslensTargets.cmake
        DESTINATION "${newslens_cmake_dir}" COMPONENT dev)

configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/newslensConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/newslensConfig.cmake"
  INSTALL_DESTINATION "${newslens_cmake_dir}")
# While the major version is 0, a minor release may change the API (semver): a consumer asking
# for 0.1 accepts 0.1.x only. From 1.0 on, any 1.x satisfies 1.y with y <= x.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(newslens_compatibility SameMinorVersion)
else()
  set(newslens_compatibility SameMajorVersion)
endif()
write_basic_package_version_file("${PROJECT_BINARY_DIR}/newslensConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY ${newslens_compatibility})
install(FILES "${PROJECT_BINARY_DIR}/newslensConfig.cmake"
              "${PROJECT_BINARY_DIR}/newslensConfigVersion.cmake"
        DESTINATION "${newslens_cmake_dir}" COMPONENT dev)
# The build tree is a package too: find_package(newslens CONFIG) with newslens_DIR=<build dir>.
export(EXPORT newslensTargets NAMESPACE newslens::
       FILE "${PROJECT_BINARY_DIR}/newslensTargets.cmake")

# The CLI and its man page, written by help2man from `newslens --help` and `--version` with the
# sections of cli/newslens.h2m, so the page lists exactly the options the binary has
# (tests/package/install.test.mjs checks every option of --help is in the installed page).
if(TARGET newslens)
  install(TARGETS newslens RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT cli)
  find_program(NEWSLENS_HELP2MAN help2man)
  if(NEWSLENS_HELP2MAN)
    set(newslens_man "${PROJECT_BINARY_DIR}/man/newslens.1")
    add_custom_command(
      OUTPUT "${newslens_man}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${PROJECT_BINARY_DIR}/man"
      # The help text has UTF-8 (an em dash): read and written as such, man-db's preconv reads it.
      COMMAND "${NEWSLENS_HELP2MAN}" --no-info --no-discard-stderr --locale=C.UTF-8
              --name "themes, tone and actors of news articles"
              --section 1 --source "newslens ${NEWSLENS_VERSION}" --manual "User Commands"
              --include "${PROJECT_SOURCE_DIR}/cli/newslens.h2m"
              --output "${newslens_man}" "$<TARGET_FILE:newslens>"
      DEPENDS newslens "${PROJECT_SOURCE_DIR}/cli/newslens.h2m"
      COMMENT "Writing the man page newslens.1 from newslens --help"
      VERBATIM)
    add_custom_target(newslens_man ALL DEPENDS "${newslens_man}")
    install(FILES "${newslens_man}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT cli)
  else()
    message(WARNING "help2man not found: the man page is not built nor installed "
                    "(apt-get install help2man; tools/install-deps.sh does)")
  endif()
endif()

# The sample article, for a first run after installing: newslens analyze <datadir>/newslens/...
install(FILES "${PROJECT_SOURCE_DIR}/data/samples/china-russia-letter.txt"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/newslens/samples" COMPONENT cli)
foreach(doc README.md CHANGELOG.md LICENSE NOTICE)
  if(EXISTS "${PROJECT_SOURCE_DIR}/${doc}")
    install(FILES "${PROJECT_SOURCE_DIR}/${doc}" DESTINATION "${CMAKE_INSTALL_DOCDIR}"
            COMPONENT cli)
  endif()
endforeach()
