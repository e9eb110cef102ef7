# ctest -R FindPackage: installs the build into a temporary prefix, then builds the example
# program of docs/library-api.md against it twice (CMake's find_package and pkg-config) and
# runs both: each indexes an article and finds it. Arguments: -DBUILD_DIR -DSOURCE_DIR -DWORK_DIR,
# and -DCONSUMER_CXX (the compiler) -DCONSUMER_FLAGS (a list: the build's sanitizer flags, which
# a program linking a sanitized static library needs too).
cmake_minimum_required(VERSION 3.25)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    string(JOIN " " command ${ARGN})
    message(FATAL_ERROR "${command}\nfailed (${code}):\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

# The public headers keep Xapian and ICU to themselves.
file(GLOB_RECURSE headers ${prefix}/include/morgue/*.h)
foreach(header IN LISTS headers)
  file(STRINGS ${header} private REGEX "#include <(xapian|unicode/|fmt/|nlohmann/)")
  if(private)
    message(FATAL_ERROR "${header} includes a private dependency: ${private}")
  endif()
endforeach()

# The example program is the first ```cpp block of docs/library-api.md.
file(READ ${SOURCE_DIR}/docs/library-api.md doc)
string(REGEX MATCH "```cpp\n([^`]*)```" block "${doc}")
set(source ${WORK_DIR}/example.cc)
file(WRITE ${source} "${CMAKE_MATCH_1}")
string(REGEX MATCH "```console\n\\$ ./example archive.db\n([^`]*)```" shown "${doc}")
set(expected "${CMAKE_MATCH_1}")
if(expected STREQUAL "")
  message(FATAL_ERROR "docs/library-api.md shows no output of ./example archive.db")
endif()

# 1. CMake: find_package(morgue) with the prefix on CMAKE_PREFIX_PATH.
string(JOIN " " flags ${CONSUMER_FLAGS})
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/find_package -B ${WORK_DIR}/cmake-build
    -DCMAKE_PREFIX_PATH=${prefix} -DCONSUMER_SOURCE=${source} -DCMAKE_CXX_COMPILER=${CONSUMER_CXX}
    "-DCMAKE_CXX_FLAGS=${flags}" "-DCMAKE_EXE_LINKER_FLAGS=${flags}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/cmake-build)
run(${WORK_DIR}/cmake-build/consumer ${WORK_DIR}/cmake.db)
if(NOT output STREQUAL expected)
  message(FATAL_ERROR "find_package build printed:\n${output}\nthe doc shows:\n${expected}")
endif()

# 2. pkg-config: static linking needs the private requirements (--static).
set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
run(pkg-config --cflags morgue)
string(STRIP "${output}" cflags)
separate_arguments(cflags UNIX_COMMAND "${cflags}")
run(pkg-config --static --libs morgue)
string(STRIP "${output}" libs)
separate_arguments(libs UNIX_COMMAND "${libs}")
run(${CONSUMER_CXX} -std=c++20 ${CONSUMER_FLAGS} ${cflags} ${source}
    -o ${WORK_DIR}/pkg-config-consumer ${libs})
run(${WORK_DIR}/pkg-config-consumer ${WORK_DIR}/pkg-config.db)
if(NOT output STREQUAL expected)
  message(FATAL_ERROR "pkg-config build printed:\n${output}\nthe doc shows:\n${expected}")
endif()
message(STATUS "installed package works with find_package and pkg-config")
