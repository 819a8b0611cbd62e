package campus.helpdesk.classify;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2, quantised: a 384-dimensional English sentence embedding run in-process by ONNX Runtime, its
 * weights inside the dependency's jar. The only in-process model of its family that resolves here and is small;
 * none of the family that resolves is multilingual (classifier README, "Alternatives").
 */
final class SentenceEmbedding {

    static final int DIMENSIONS = 384;

    private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    /** Unit length, as the model's mean pooling returns it (checked, so the k-NN dot product is a cosine). */
    float[] of(String text) {
        float[] v = model.embed(text.isBlank() ? "." : text).content().vector();
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        if (Math.abs(norm - 1) > 1e-3) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < v.length; j++) {
                v[j] *= scale;
            }
        }
        return v;
    }
}
