# Writes a C++ source defining `std::string_view ${FUNCTION}() noexcept` in namespace
# b24::reports that returns the text of ${INPUT}, so the binary needs no data file at run time.
# Run with: cmake -DINPUT=... -DOUTPUT=... -DFUNCTION=... -P embed_text.cmake
# The text goes in as a raw string literal; the delimiter must not occur in it (checked).
file(READ "${INPUT}" text)
set(delimiter "b24_text")
string(FIND "${text}" ")${delimiter}" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw string delimiter ')${delimiter}'")
endif()
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${name} by reports/assets/embed_text.cmake; do not edit.\n"
  "#include <string_view>\n\n"
  "namespace b24::reports {\n"
  "std::string_view ${FUNCTION}() noexcept {\n"
  "  static constexpr std::string_view text = R\"${delimiter}(${text})${delimiter}\";\n"
  "  return text;\n"
  "}\n"
  "}  // namespace b24::reports\n")
# Only touch the output when it changes, so an unchanged asset recompiles nothing.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
