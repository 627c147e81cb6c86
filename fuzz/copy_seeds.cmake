# Copies the shipped scenarios (SOURCE/**/*.yaml) into DEST, the fuzzer's seed corpus: run at
# build time, so the seeds follow the scenarios as they change.
file(REMOVE_RECURSE "${DEST}")
file(COPY "${SOURCE}/" DESTINATION "${DEST}" FILES_MATCHING PATTERN "*.yaml")
