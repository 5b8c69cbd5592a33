// Where a few byte values occur in 64 bytes, as a bit mask: the CSV parser finds the end of an
// unquoted field from the mask of its block (a shift and a trailing-zero count) instead of
// searching the bytes again for every field, a dozen fields a record.
#include "CTextScan.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#include <string.h>

__attribute__((target("avx2")))
static inline uint32_t mask32(__m256i v, __m256i a, __m256i b, __m256i c) {
    __m256i hits = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, a), _mm256_cmpeq_epi8(v, b)), _mm256_cmpeq_epi8(v, c));
    return (uint32_t)_mm256_movemask_epi8(hits);
}

__attribute__((target("avx2")))
uint64_t ctextscan_mask3_avx2(const uint8_t *bytes, size_t count, uint8_t a, uint8_t b, uint8_t c) {
    const __m256i va = _mm256_set1_epi8((char)a), vb = _mm256_set1_epi8((char)b), vc = _mm256_set1_epi8((char)c);
    if (count >= 64) {
        __m256i lo = _mm256_loadu_si256((const __m256i *)bytes);
        __m256i hi = _mm256_loadu_si256((const __m256i *)(bytes + 32));
        return (uint64_t)mask32(lo, va, vb, vc) | (uint64_t)mask32(hi, va, vb, vc) << 32;
    }
    // The end of the text: a copy, so that nothing past it is read; bits past `count` cleared.
    uint8_t block[64] __attribute__((aligned(32)));
    memset(block, 0, sizeof block);
    memcpy(block, bytes, count);
    __m256i lo = _mm256_load_si256((const __m256i *)block);
    __m256i hi = _mm256_load_si256((const __m256i *)(block + 32));
    uint64_t mask = (uint64_t)mask32(lo, va, vb, vc) | (uint64_t)mask32(hi, va, vb, vc) << 32;
    return count == 0 ? 0 : mask & (~(uint64_t)0 >> (64 - count));
}

#else

uint64_t ctextscan_mask3_avx2(const uint8_t *bytes, size_t count, uint8_t a, uint8_t b, uint8_t c) {
    (void)bytes; (void)count; (void)a; (void)b; (void)c;
    return 0;
}

#endif
