#ifndef SAFETYSTATS_CTEXTSCAN_H
#define SAFETYSTATS_CTEXTSCAN_H

// Vector kernels of the CSV reader, AVX2 only, chosen at run time: the Swift code beside them is
// the fallback on other CPUs and the reference the tests and fuzz targets hold them to.

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has AVX2 (asked once with CPUID, the answer cached), else 0 — on every other
/// architecture too.
int ctextscan_has_avx2(void);

/// 1 when the `count` bytes at `bytes` are well-formed UTF-8 (no overlong forms, surrogates or
/// values past U+10FFFF; a sequence cut short by the end is an error), else 0. Says nothing of
/// where the error is: the caller finds that with its exact validator. Only call it when
/// ctextscan_has_avx2() returned 1.
int ctextscan_is_valid_utf8_avx2(const uint8_t *bytes, size_t count);

/// Bit i set when byte i of the `count` (at most 64) bytes at `bytes` is `a`, `b` or `c`; bits at
/// and past `count` are clear. Only call it when ctextscan_has_avx2() returned 1.
uint64_t ctextscan_mask3_avx2(const uint8_t *bytes, size_t count, uint8_t a, uint8_t b, uint8_t c);

#endif
