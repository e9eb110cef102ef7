# ctest -R FindPackage: installs the build into a temporary prefix, then builds each example
# program of docs/library-api.md against it twice (CMake's find_package and pkg-config) and runs
# both builds: each prints what the doc shows. Arguments: -DBUILD_DIR -DSOURCE_DIR -DWORK_DIR,
# and -DCONSUMER_CXX (the compiler) -DCONSUMER_FLAGS (a list: the build's sanitizer flags, which
# a program linking a sanitized static library needs too).
#
# An example is a ```cpp block; its run is the next ```console block, whose first line is
# "$ ./NAME ARGUMENTS": NAME names the program, the argument archive.db becomes a fresh database
# and a path of the source tree (data/sample) becomes absolute.
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
  file(STRINGS ${header} private REGEX "#include <(xapian|unicode/|fmt/|nlohmann/|simdjson)")
  if(private)
    message(FATAL_ERROR "${header} includes a private dependency: ${private}")
  endif()
endforeach()

# The examples: each ```cpp block and the ```console block after it.
file(READ ${SOURCE_DIR}/docs/library-api.md doc)
set(names)
file(MAKE_DIRECTORY ${WORK_DIR}/examples)
while(TRUE)
  string(FIND "${doc}" "```cpp\n" start)
  if(start EQUAL -1)
    break()
  endif()
  string(SUBSTRING "${doc}" ${start} -1 doc)
  string(REGEX MATCH "^```cpp\n([^`]*)```" block "${doc}")
  set(code "${CMAKE_MATCH_1}")
  string(LENGTH "${block}" length)
  string(SUBSTRING "${doc}" ${length} -1 doc)
  string(REGEX MATCH "```console\n\\$ \\./([a-z_]+)([^\n]*)\n([^`]*)```" shown "${doc}")
  if(shown STREQUAL "")
    message(FATAL_ERROR "docs/library-api.md: a ```cpp block has no ```console run after it")
  endif()
  set(name ${CMAKE_MATCH_1})
  set(arguments_${name} "${CMAKE_MATCH_2}")
  set(expected_${name} "${CMAKE_MATCH_3}")
  file(WRITE ${WORK_DIR}/examples/${name}.cc "${code}")
  list(APPEND names ${name})
endwhile()
list(LENGTH names count)
if(count LESS 2)
  message(FATAL_ERROR "docs/library-api.md shows ${count} examples; expected at least 2")
endif()

# Runs `program` with the doc's arguments for `name` and compares what it prints.
function(check name program way)
  separate_arguments(arguments UNIX_COMMAND "${arguments_${name}}")
  set(actual)
  foreach(argument IN LISTS arguments)
    if(argument STREQUAL "archive.db")
      list(APPEND actual ${WORK_DIR}/${way}-${name}.db)
    elseif(EXISTS ${SOURCE_DIR}/${argument})
      list(APPEND actual ${SOURCE_DIR}/${argument})
    else()
      list(APPEND actual ${argument})
    endif()
  endforeach()
  run(${program} ${actual})
  if(NOT output STREQUAL expected_${name})
    message(FATAL_ERROR
            "${way} build of ${name} printed:\n${output}\nthe doc shows:\n${expected_${name}}")
  endif()
endfunction()

# 1. CMake: find_package(morgue) with the prefix on CMAKE_PREFIX_PATH.
string(JOIN " " flags ${CONSUMER_FLAGS})
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/find_package -B ${WORK_DIR}/cmake-build
    -DCMAKE_PREFIX_PATH=${prefix} -DCONSUMER_DIR=${WORK_DIR}/examples
    -DCMAKE_CXX_COMPILER=${CONSUMER_CXX} "-DCMAKE_CXX_FLAGS=${flags}"
    "-DCMAKE_EXE_LINKER_FLAGS=${flags}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/cmake-build)
foreach(name IN LISTS names)
  check(${name} ${WORK_DIR}/cmake-build/${name} cmake)
endforeach()

# 2. pkg-config: static linking needs the private requirements (--static).
set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
run(pkg-config --cflags morgue)
string(STRIP "${output}" cflags)
separate_arguments(cflags UNIX_COMMAND "${cflags}")
run(pkg-config --static --libs morgue)
string(STRIP "${output}" libs)
separate_arguments(libs UNIX_COMMAND "${libs}")
foreach(name IN LISTS names)
  run(${CONSUMER_CXX} -std=c++20 ${CONSUMER_FLAGS} ${cflags} ${WORK_DIR}/examples/${name}.cc
      -o ${WORK_DIR}/pkg-config-${name} ${libs})
  check(${name} ${WORK_DIR}/pkg-config-${name} pkg-config)
endforeach()
message(STATUS "installed package works with find_package and pkg-config (${names})")
