// The C BLAS interface of OpenBLAS (Debian: libopenblas-dev), the only BLAS this package links.
#include <cblas.h>
