// Which vector kernels this CPU can run, asked once with CPUID.
#include "CTextScan.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>

int ctextscan_has_avx2(void) {
    static int cached = -1;         // a benign race: every thread computes the same answer
    if (cached >= 0) return cached;
    unsigned a, b, c, d;
    int found = 0;
    if (__get_cpuid(1, &a, &b, &c, &d)) {
        // AVX2 needs the OS to save the YMM registers (OSXSAVE, and XCR0 bits 1 and 2).
        int osxsave = (c >> 27) & 1, avx = (c >> 28) & 1;
        if (osxsave && avx) {
            unsigned lo, hi;
            __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
            if ((lo & 6) == 6 && __get_cpuid_count(7, 0, &a, &b, &c, &d)) found = (b >> 5) & 1;
        }
    }
    cached = found;
    return found;
}

#else

int ctextscan_has_avx2(void) { return 0; }

#endif
