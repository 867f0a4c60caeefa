#ifndef CHEAPTUNING_H
#define CHEAPTUNING_H

/// Raises glibc malloc's mmap and trim thresholds (bytes), so freed large blocks stay in the heap
/// for the next allocation instead of going back to the kernel. Returns 1 when both were set,
/// 0 when glibc refused either or the C library is not glibc.
int cheap_keep_freed_blocks(int mmap_threshold, int trim_threshold);

#endif
