#include "CHeapTuning.h"

#include <pthread.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int requested_mmap_threshold;
static int requested_trim_threshold;
static int raised;

static void raise_thresholds(void) {
#if defined(__GLIBC__)
    int mmap_set = mallopt(M_MMAP_THRESHOLD, requested_mmap_threshold);
    int trim_set = mallopt(M_TRIM_THRESHOLD, requested_trim_threshold);
    raised = mmap_set == 1 && trim_set == 1;
#endif
}

int cheap_keep_freed_blocks(int mmap_threshold, int trim_threshold) {
    requested_mmap_threshold = mmap_threshold;
    requested_trim_threshold = trim_threshold;
    pthread_once(&once, raise_thresholds);
    return raised;
}
