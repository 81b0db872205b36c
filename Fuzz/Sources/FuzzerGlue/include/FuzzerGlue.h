#ifndef SWITCHBOARD_FUZZER_GLUE_H
#define SWITCHBOARD_FUZZER_GLUE_H

/* Nothing to call from Swift: this target only provides the fuzzers' entry points. */

#endif
