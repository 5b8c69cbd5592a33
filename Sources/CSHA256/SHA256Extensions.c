// SHA-256 compression with the x86 SHA extensions (SHA256RNDS2, SHA256MSG1, SHA256MSG2), written
// from Intel's description of the instructions (Intel SDM vol. 2; "Intel SHA Extensions", 2013).
// Ingest hashes every input file for manifest.json beside the parse; on two cores the portable
// Swift rounds took CPU time the parse needed. The Swift implementation stays the fallback.
#include "CSHA256.h"

// FIPS 180-4 §4.2.2; the Swift fallback reads the same table (csha256_round_constants).
static const uint32_t roundConstants[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

const uint32_t *csha256_round_constants(void) { return roundConstants; }

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

int csha256_has_sha_extensions(void) {
    static int cached = -1;         // a benign race: every thread computes the same answer
    if (cached >= 0) return cached;
    unsigned a, b, c, d;
    int found = 0;
    if (__get_cpuid(1, &a, &b, &c, &d)) {
        int ssse3 = (c >> 9) & 1, sse41 = (c >> 19) & 1;
        if (ssse3 && sse41 && __get_cpuid_count(7, 0, &a, &b, &c, &d)) found = (b >> 29) & 1;
    }
    cached = found;
    return found;
}


// SHA256RNDS2 keeps the eight working variables in two registers, most significant lane first:
// {A, B, E, F} and {C, D, G, H}. It does two rounds, taking W[t] + K[t] for them from the low two
// lanes of its third operand, and returns the new {A, B, E, F}; the new {C, D, G, H} is the old
// {A, B, E, F}, so the two registers swap roles every call.
__attribute__((target("sha,sse4.1")))
void csha256_compress(uint32_t state[8], const uint8_t *blocks, size_t count) {
    __m128i abef = _mm_set_epi32((int)state[0], (int)state[1], (int)state[4], (int)state[5]);
    __m128i cdgh = _mm_set_epi32((int)state[2], (int)state[3], (int)state[6], (int)state[7]);
    // The message words are big-endian: reverse the bytes within each 32-bit lane.
    const __m128i bigEndian = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3);

    for (size_t n = 0; n < count; n++) {
        const uint8_t *block = blocks + 64 * n;
        const __m128i savedABEF = abef, savedCDGH = cdgh;
        // w[0..3] hold the last sixteen schedule words, four per register, lane 0 the earliest.
        __m128i w[4];
        for (int i = 0; i < 4; i++)
            w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(block + 16 * i)), bigEndian);

        for (int quad = 0; quad < 16; quad++) {
            __m128i words;
            if (quad < 4) {
                words = w[quad];
            } else {
                // W[t..t+3] from W[t-16..t-1] (§6.2.2 step 1): MSG1 adds σ0(W[t-15+i]) to
                // W[t-16+i]; then W[t-7..t-4] is added; MSG2 adds σ1 of W[t-2], W[t-1] and of the
                // two words it has just made.
                __m128i partial = _mm_sha256msg1_epu32(w[0], w[1]);
                partial = _mm_add_epi32(partial, _mm_alignr_epi8(w[3], w[2], 4));
                words = _mm_sha256msg2_epu32(partial, w[3]);
                w[0] = w[1]; w[1] = w[2]; w[2] = w[3]; w[3] = words;
            }
            __m128i sums = _mm_add_epi32(words, _mm_load_si128((const __m128i *)(roundConstants + 4 * quad)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, sums);            // rounds 4q, 4q+1
            sums = _mm_shuffle_epi32(sums, 0x0E);                      // lanes 2, 3 down to 0, 1
            abef = _mm_sha256rnds2_epu32(abef, cdgh, sums);            // rounds 4q+2, 4q+3
        }
        abef = _mm_add_epi32(abef, savedABEF);
        cdgh = _mm_add_epi32(cdgh, savedCDGH);
    }
    state[0] = (uint32_t)_mm_extract_epi32(abef, 3);
    state[1] = (uint32_t)_mm_extract_epi32(abef, 2);
    state[4] = (uint32_t)_mm_extract_epi32(abef, 1);
    state[5] = (uint32_t)_mm_extract_epi32(abef, 0);
    state[2] = (uint32_t)_mm_extract_epi32(cdgh, 3);
    state[3] = (uint32_t)_mm_extract_epi32(cdgh, 2);
    state[6] = (uint32_t)_mm_extract_epi32(cdgh, 1);
    state[7] = (uint32_t)_mm_extract_epi32(cdgh, 0);
}

#else

int csha256_has_sha_extensions(void) { return 0; }
void csha256_compress(uint32_t state[8], const uint8_t *blocks, size_t count) {
    (void)state; (void)blocks; (void)count;
}

#endif
