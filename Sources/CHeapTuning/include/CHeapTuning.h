#ifndef CHEAPTUNING_H
#define CHEAPTUNING_H

/// Raises glibc malloc's mmap and trim thresholds (bytes) once per process, so freed large blocks
/// stay in the heap for the next allocation instead of going back to the kernel. Later calls do
/// nothing. Returns 1 when the thresholds are raised, 0 when glibc refused either or the C library
/// is not glibc.
int cheap_keep_freed_blocks(int mmap_threshold, int trim_threshold);

#endif
