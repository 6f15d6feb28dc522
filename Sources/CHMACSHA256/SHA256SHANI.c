// The SHA-256 compression function with the x86 SHA extensions (SHA256RNDS2, SHA256MSG1/2).
// Only this function is compiled for "sha,sse4.1,ssse3", so the rest of the binary runs on any
// x86-64; callers reach it only after CPUID reported the extensions (see HMACSHA256.c).
#include "SHA256Internal.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#include <stdatomic.h>

static int bnc_sha256_ask_cpu(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

// The answer, once asked (-1 before): CPUID traps to the hypervisor in a virtual machine, where
// asking for every bnc_sha256 (the session log's fingerprint of each request's signature) cost
// more than the hash. Threads racing on the first call store the same answer.
static atomic_int bnc_sha256_extensions = -1;

int bnc_sha256_cpu_has_sha_extensions(void) {
    int known = atomic_load_explicit(&bnc_sha256_extensions, memory_order_relaxed);
    if (known >= 0) return known;
    known = bnc_sha256_ask_cpu();
    atomic_store_explicit(&bnc_sha256_extensions, known, memory_order_relaxed);
    return known;
}

// One group of four rounds: message words `msg` plus round constants, two SHA256RNDS2 steps.
#define BNC_ROUNDS4(msg, group)                                                                  \
    do {                                                                                         \
        __m128i wk = _mm_add_epi32((msg), _mm_loadu_si128((const __m128i *)&bnc_sha256_k[4 * (group)])); \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);                                            \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));                   \
    } while (0)

// Next four schedule words from the previous sixteen (w0 oldest): FIPS 180-4 6.2.2 step 1.
#define BNC_SCHEDULE(w0, w1, w2, w3)                                                             \
    _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32((w0), (w1)), _mm_alignr_epi8((w3), (w2), 4)), (w3))

__attribute__((target("sha,sse4.1,ssse3")))
void bnc_sha256_compress_shani(uint32_t state[8], const uint8_t *data, size_t blocks) {
    const __m128i byteswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

    // The instructions keep the state as ABEF and CDGH; the array is ABCD EFGH.
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (; blocks > 0; blocks--, data += 64) {
        __m128i abef_saved = abef, cdgh_saved = cdgh;
        __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), byteswap);
        __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), byteswap);
        __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), byteswap);
        __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), byteswap);
        BNC_ROUNDS4(w0, 0);
        BNC_ROUNDS4(w1, 1);
        BNC_ROUNDS4(w2, 2);
        BNC_ROUNDS4(w3, 3);
        for (int group = 4; group < 16; group += 4) {
            w0 = BNC_SCHEDULE(w0, w1, w2, w3); BNC_ROUNDS4(w0, group);
            w1 = BNC_SCHEDULE(w1, w2, w3, w0); BNC_ROUNDS4(w1, group + 1);
            w2 = BNC_SCHEDULE(w2, w3, w0, w1); BNC_ROUNDS4(w2, group + 2);
            w3 = BNC_SCHEDULE(w3, w0, w1, w2); BNC_ROUNDS4(w3, group + 3);
        }
        abef = _mm_add_epi32(abef, abef_saved);
        cdgh = _mm_add_epi32(cdgh, cdgh_saved);
    }

    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#else

int bnc_sha256_cpu_has_sha_extensions(void) { return 0; }

void bnc_sha256_compress_shani(uint32_t state[8], const uint8_t *data, size_t blocks) {
    bnc_sha256_compress_portable(state, data, blocks);
}

#endif
