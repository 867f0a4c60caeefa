// giflib 5 (Debian: libgif-dev), the GIF encoder behind animated exports.
#include <gif_lib.h>
