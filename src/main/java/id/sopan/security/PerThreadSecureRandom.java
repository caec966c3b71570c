package id.sopan.security;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A secure random source that is one DRBG per thread. {@code new SecureRandom()} on Linux is NativePRNG, whose
 * instances all share one lock: the CSRF token masked afresh for every page made each request wait for it in turn.
 * Each thread's generator is seeded by the JDK from the system's entropy, as any DRBG instance is.
 */
final class PerThreadSecureRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private final transient ThreadLocal<SecureRandom> own = ThreadLocal.withInitial(PerThreadSecureRandom::drbg);

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no DRBG secure random generator", e);
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        own.get().nextBytes(bytes);
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        return own.get().generateSeed(numBytes);
    }

    @Override
    public String getAlgorithm() {
        return "DRBG per thread";
    }
}
