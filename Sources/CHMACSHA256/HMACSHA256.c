// HMAC-SHA256 (RFC 2104) over the compression functions, with the pad states absorbed once.
#include "CHMACSHA256.h"
#include "SHA256Internal.h"

#include <string.h>

// Compresses the last block(s) of a message whose whole blocks are already in `state`: `tail`
// (under 64 bytes), the 0x80 marker, zeros, and the message's length in bits (FIPS 180-4 5.1.1).
static void finish(uint32_t state[8], const uint8_t *tail, size_t tail_length, uint64_t total_length,
                   int accelerated) {
    uint8_t block[128];
    memcpy(block, tail, tail_length);
    block[tail_length] = 0x80;
    size_t padded = tail_length < 56 ? 64 : 128;
    memset(block + tail_length + 1, 0, padded - tail_length - 1 - 8);
    uint64_t bits = total_length * 8;
    bnc_store_be32(block + padded - 8, (uint32_t)(bits >> 32));
    bnc_store_be32(block + padded - 4, (uint32_t)bits);
    bnc_sha256_compress(state, block, padded / 64, accelerated);
    // The block holds the message's tail: for a long key, key bytes.
    bnc_secure_wipe(block, sizeof block);
}

static int use_accelerated(int allow_accelerated) {
    return allow_accelerated && bnc_sha256_cpu_has_sha_extensions();
}

void bnc_sha256(const uint8_t *data, size_t length, uint8_t digest[32], int allow_accelerated) {
    int accelerated = use_accelerated(allow_accelerated);
    uint32_t state[8];
    memcpy(state, bnc_sha256_iv, sizeof state);
    size_t whole = length / 64;
    bnc_sha256_compress(state, data, whole, accelerated);
    finish(state, data + whole * 64, length - whole * 64, length, accelerated);
    for (int i = 0; i < 8; i++) bnc_store_be32(digest + 4 * i, state[i]);
    bnc_secure_wipe(state, sizeof state);  // a long key's digest is the key itself
}

void bnc_hmac_sha256_key_init(bnc_hmac_sha256_key *key, const uint8_t *secret, size_t secret_length,
                              int allow_accelerated) {
    // The key itself only ever goes through the portable compression, whose schedule is wiped
    // on return; the SHA-extension path (used for signing, where the data is the public
    // payload) keeps its schedule in vector registers that the compiler may spill to the stack,
    // where no C code can wipe them. Set-up runs once per key, so its speed does not matter.
    int accelerated = 0;
    uint8_t block[64] = {0};
    if (secret_length > 64) {
        bnc_sha256(secret, secret_length, block, accelerated);
    } else if (secret_length > 0) {
        memcpy(block, secret, secret_length);
    }
    uint8_t pad[64];
    for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x36;
    memcpy(key->inner, bnc_sha256_iv, sizeof key->inner);
    bnc_sha256_compress(key->inner, pad, 1, accelerated);
    for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x5c;
    memcpy(key->outer, bnc_sha256_iv, sizeof key->outer);
    bnc_sha256_compress(key->outer, pad, 1, accelerated);
    key->accelerated = use_accelerated(allow_accelerated);
    // The raw key and pads are key-equivalent; do not leave them on the stack (nor in the
    // compression's schedule and the hash's padding block: those wipe themselves).
    bnc_secure_wipe(block, sizeof block);
    bnc_secure_wipe(pad, sizeof pad);
}

void bnc_hmac_sha256(const bnc_hmac_sha256_key *key, const uint8_t *payload, size_t length,
                     uint8_t mac[32]) {
    int accelerated = key->accelerated;
    uint32_t state[8];
    memcpy(state, key->inner, sizeof state);
    size_t whole = length / 64;
    bnc_sha256_compress(state, payload, whole, accelerated);
    finish(state, payload + whole * 64, length - whole * 64, 64 + (uint64_t)length, accelerated);

    // The outer hash is always one block: the 32-byte inner digest, padding, length 96 bytes.
    uint8_t block[64];
    for (int i = 0; i < 8; i++) bnc_store_be32(block + 4 * i, state[i]);
    block[32] = 0x80;
    memset(block + 33, 0, 64 - 33 - 2);
    block[62] = (uint8_t)((96 * 8) >> 8);
    block[63] = (uint8_t)(96 * 8);
    memcpy(state, key->outer, sizeof state);
    bnc_sha256_compress(state, block, 1, accelerated);
    for (int i = 0; i < 8; i++) bnc_store_be32(mac + 4 * i, state[i]);
}

void bnc_hmac_sha256_hex(const bnc_hmac_sha256_key *key, const uint8_t *payload, size_t length,
                         uint8_t hex[64]) {
    static const char digits[16] = "0123456789abcdef";
    uint8_t mac[32];
    bnc_hmac_sha256(key, payload, length, mac);
    for (int i = 0; i < 32; i++) {
        hex[2 * i] = (uint8_t)digits[mac[i] >> 4];
        hex[2 * i + 1] = (uint8_t)digits[mac[i] & 0x0F];
    }
}

// Reads the stack below the caller's frame, where the frames of the caller's previous call were.
__attribute__((noinline)) static int stack_holds(const uint8_t *pattern, size_t length) {
    // Uninitialised on purpose: it lies where key set-up's frames just were.
    volatile uint8_t probe[8192];
    if (length == 0 || length > sizeof probe) return 0;
    for (size_t start = 0; start + length <= sizeof probe; start++) {
        size_t matched = 0;
        while (matched < length && probe[start + matched] == pattern[matched]) matched++;
        if (matched == length) return 1;
    }
    return 0;
}

int bnc_hmac_sha256_key_init_residue_for_testing(const uint8_t *secret, size_t secret_length,
                                                  const uint8_t *pattern, size_t pattern_length) {
    bnc_hmac_sha256_key key;
    // As bnc sets keys up: the SHA extensions allowed where the CPU has them.
    bnc_hmac_sha256_key_init(&key, secret, secret_length, 1);
    // Nothing may run between the set-up and the probe: it would overwrite what is left.
    int found = stack_holds(pattern, pattern_length);
    bnc_secure_wipe(&key, sizeof key);
    return found;
}
