package campus.helpdesk.classify;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The shipped corpus's model, trained when the module is built (this class's {@link #main}, run by the build after
 * compiling) and read from the jar at start-up instead of trained again. Training costs ticket-service 2-4 s of CPU,
 * JIT included, at the moment the four other services start beside it on two cores (BENCHMARKS.md, "Memory and
 * start-up"); reading the weights costs tens of milliseconds.
 * <p>
 * The file names what it was trained on: a digest of the corpus, the concept lexicon and the training settings. A
 * file that does not match the corpus in the jar (a corpus edited in an IDE that does not run the build's step) is
 * ignored and the model is trained as before, so a stale file can cost time but never a wrong model.
 */
final class ShippedModel {

    static final String RESOURCE = "shipped-model.bin";

    private static final int MAGIC = 0x43484d31; // "CHM1"

    private ShippedModel() {
    }

    /** Trains the shipped model and writes it to {@code args[0]}: the build's step. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ShippedModel <output file>");
        }
        List<LabelledText> corpus = Corpus.shipped();
        SoftmaxRegression model = (SoftmaxRegression) TrainedClassifier.train(corpus).model();
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(out)) {
            write(model, fingerprint(corpus), file);
        }
    }

    static void write(SoftmaxRegression model, byte[] fingerprint, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
        data.writeInt(MAGIC);
        data.write(fingerprint);
        model.write(data);
        data.flush();
    }

    /** The model in the jar, if it was trained on exactly this corpus with today's settings. */
    static Optional<SoftmaxRegression> read(List<LabelledText> corpus) {
        try (InputStream in = ShippedModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : read(in.readAllBytes(), fingerprint(corpus));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<SoftmaxRegression> read(byte[] file, byte[] fingerprint) {
        ByteBuffer buffer = ByteBuffer.wrap(file);
        try {
            if (buffer.getInt() != MAGIC) {
                return Optional.empty();
            }
            byte[] trainedOn = new byte[fingerprint.length];
            buffer.get(trainedOn);
            if (!Arrays.equals(trainedOn, fingerprint)) {
                return Optional.empty();
            }
            return SoftmaxRegression.read(buffer, TrainedClassifier.CLASSES);
        } catch (BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    /**
     * What a model depends on besides the code: every example in order, the lexicon's text and the learner's settings.
     * The code itself (features, learner) is covered by the build writing a new file each time it compiles.
     */
    static byte[] fingerprint(List<LabelledText> corpus) {
        MessageDigest digest = sha256();
        for (LabelledText example : corpus) {
            digest.update((example.category().name() + '\t' + example.text() + '\n').getBytes(StandardCharsets.UTF_8));
        }
        digest.update(Concepts.lexiconText().getBytes(StandardCharsets.UTF_8));
        digest.update(SoftmaxRegression.settings().getBytes(StandardCharsets.UTF_8));
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
