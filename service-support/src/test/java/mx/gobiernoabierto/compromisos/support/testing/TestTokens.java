package mx.gobiernoabierto.compromisos.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * An identity provider for tests: an RSA key pair made when the tests start, its public key as a PEM file for
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}, and RS256-signed tokens. Both services'
 * integration tests use it (from this module's test-jar).
 */
public final class TestTokens {

    public static final String ISSUER = "https://login.example.test/realms/compromisos";
    public static final String AUDIENCE = "compromisos-api";

    private final KeyPair keys;
    private final Path publicKeyFile;

    public TestTokens() {
        keys = rsaKeyPair();
        try {
            publicKeyFile = Files.createTempFile("compromisos-jwt-", ".pem");
            publicKeyFile.toFile().deleteOnExit();
            Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String publicKeyLocation() {
        return "file:" + publicKeyFile.toAbsolutePath();
    }

    /** Claims valid now for ten minutes, from the accepted issuer, for the accepted audience; then the overrides. */
    public JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(java.util.Date.from(now))
                .notBeforeTime(java.util.Date.from(now.minusSeconds(5)))
                .expirationTime(java.util.Date.from(now.plusSeconds(600)));
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, (RSAPrivateKey) keys.getPrivate());
    }

    /** Signed with a key the service does not know. */
    public String signWithAnotherKey(JWTClaimsSet claims) {
        return sign(claims, (RSAPrivateKey) rsaKeyPair().getPrivate());
    }

    public static JWTClaimsSet with(JWTClaimsSet.Builder builder, Map<String, Object> claims) {
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static String sign(JWTClaimsSet claims, RSAPrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
