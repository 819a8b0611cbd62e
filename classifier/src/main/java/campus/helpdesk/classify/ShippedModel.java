package campus.helpdesk.classify;

import campus.helpdesk.api.Category;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 * compiling) and read from the jar at start-up instead of trained again. Training costs 2.3-2.5 s of CPU, JIT
 * included, at the moment the four other services start beside ticket-service on two cores; reading the model costs
 * 0.5-0.6 s (classifier README, "API").
 * <p>
 * The file names what it was trained on: a digest of the corpus, the concept lexicon, the learner's settings, the
 * categories in their order and the compiled code that turns a text into features and learns from them. A file that
 * does not match what is in the jar (a corpus or feature code changed in an IDE that does not run the build's step)
 * is ignored and the model trained as before. Not covered: the JDK's own text tables (case folding, Unicode
 * normalisation) where the build's JDK and the service's differ; they move letters outside the corpus's languages.
 */
final class ShippedModel {

    static final String RESOURCE = "campus/helpdesk/classify/shipped-model.bin";

    /** The classes whose code decides the model besides its data: a change in any of them is another model. */
    private static final List<Class<?>> MODEL_CODE = List.of(TextFeatures.class, TextFolding.class, Concepts.class,
            Courtesy.class, Vocabulary.class, SoftmaxRegression.class, TrainedClassifier.class);

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
        try {
            return read(resource(RESOURCE), fingerprint(corpus));
        } catch (RuntimeException e) {
            // Missing or unreadable, training gives the same model: a failure here must not stop the start.
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
     * What a model depends on: every example in order, the lexicon's text, the learner's settings, the categories in
     * the order the weights are stored, and the bytes of the classes that compute features and learn.
     */
    static byte[] fingerprint(List<LabelledText> corpus) {
        MessageDigest digest = sha256();
        for (LabelledText example : corpus) {
            digest.update((example.category().name() + '\t' + example.text() + '\n').getBytes(StandardCharsets.UTF_8));
        }
        digest.update(Concepts.lexiconText().getBytes(StandardCharsets.UTF_8));
        digest.update(SoftmaxRegression.settings().getBytes(StandardCharsets.UTF_8));
        digest.update(Arrays.toString(Category.values()).getBytes(StandardCharsets.UTF_8));
        for (Class<?> code : MODEL_CODE) {
            digest.update(resource(code.getName().replace('.', '/') + ".class"));
        }
        return digest.digest();
    }

    /** A file of this module's jar (the model, a class), whole. */
    static byte[] resource(String name) {
        try (InputStream in = ShippedModel.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing classifier resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
