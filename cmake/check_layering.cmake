# Fails when a folder includes headers of a folder it may not depend on (see ARCHITECTURE.md).
set(rules
  "sim:policy|models|scenarios|reports|viewer|cli"
  "policy:sim|models|scenarios|reports|viewer|cli"
  "models:scenarios|reports|viewer|cli"
  "scenarios:reports|viewer|cli"
  "reports:models|scenarios|viewer|cli|policy")
set(failures "")
foreach(rule IN LISTS rules)
  string(REPLACE ":" ";" parts "${rule}")
  list(GET parts 0 folder)
  list(GET parts 1 forbidden)
  file(GLOB_RECURSE files "${SOURCE_DIR}/${folder}/*.hpp" "${SOURCE_DIR}/${folder}/*.cpp")
  foreach(f IN LISTS files)
    file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](${forbidden})/")
    foreach(line IN LISTS lines)
      string(APPEND failures "${f}: ${line}\n")
    endforeach()
  endforeach()
endforeach()
if(failures)
  message(FATAL_ERROR "layering violations (see shared ARCHITECTURE.md):\n${failures}")
endif()
message(STATUS "layering: clean")
