// The entry points of the fuzz executables.
//
// SwiftPM links an executable target with its `main` renamed to `<target>_main`. The fuzzers are
// built with `-parse-as-library`, so Swift emits no `main`; these functions take its place and run
// libFuzzer's driver on the `LLVMFuzzerTestOneInput` that the executable defines in Swift. Each
// executable links all of them; only its own is ever called.
#include <stddef.h>
#include <stdint.h>
#include "FuzzerGlue.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#define SWITCHBOARD_FUZZER(target) \
    int target##_main(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }

SWITCHBOARD_FUZZER(ManifestFuzzer)
SWITCHBOARD_FUZZER(SIPFuzzer)
SWITCHBOARD_FUZZER(RegistrarFuzzer)
SWITCHBOARD_FUZZER(BundleFuzzer)
