package campus.helpdesk.classify;

import campus.helpdesk.api.Category;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedModelTest {

    private static List<LabelledText> corpus;
    private static TrainedClassifier trainedNow;

    @BeforeAll
    static void trainOnce() {
        corpus = Corpus.shipped();
        trainedNow = TrainedClassifier.train(corpus);
    }

    @Test
    void theJarHoldsTheModelOfItsOwnCorpus() {
        assertThat(ShippedModel.read(corpus)).isPresent();
    }

    @Test
    void theShippedModelScoresEveryCorpusTextExactlyAsOneTrainedNow() {
        TrainedClassifier shipped = TrainedClassifier.shipped(corpus);
        assertThat(shipped.model()).isNotSameAs(trainedNow.model());
        for (LabelledText example : corpus) {
            assertThat(shipped.logits(example.text())).as(example.text())
                    .containsExactly(trainedNow.logits(example.text()));
        }
        assertThat(shipped.classify("il proiettore dell'aula 5 non si accende"))
                .isEqualTo(trainedNow.classify("il proiettore dell'aula 5 non si accende"));
    }

    @Test
    void aCorpusWithOneTextChangedIsTrainedInsteadOfGivenTheShippedModel() {
        List<LabelledText> edited = new ArrayList<>(corpus);
        edited.set(7, new LabelledText(Category.SERVICES, edited.get(7).text() + " and the canteen"));
        assertThat(ShippedModel.read(edited)).isEmpty();

        TrainedClassifier loaded = TrainedClassifier.shipped(edited);
        TrainedClassifier trained = TrainedClassifier.train(edited);
        assertThat(loaded.logits(edited.get(7).text())).containsExactly(trained.logits(edited.get(7).text()));
        assertThat(loaded.logits(edited.get(7).text())).isNotEqualTo(trainedNow.logits(edited.get(7).text()));
    }

    @Test
    void aDamagedOrForeignFileIsIgnored() throws IOException {
        byte[] file = shippedFile();
        byte[] fingerprint = ShippedModel.fingerprint(corpus);
        assertThat(ShippedModel.read(file, fingerprint)).isPresent();

        assertThat(ShippedModel.read(Arrays.copyOf(file, file.length - 1), fingerprint)).as("truncated").isEmpty();
        assertThat(ShippedModel.read(Arrays.copyOf(file, 40), fingerprint)).as("cut in the sizes").isEmpty();
        assertThat(ShippedModel.read(Arrays.copyOf(file, 44 + 1000), fingerprint)).as("cut in the weights").isEmpty();
        assertThat(ShippedModel.read(new byte[0], fingerprint)).as("empty").isEmpty();
        assertThat(ShippedModel.read(Arrays.copyOf(file, file.length + 4), fingerprint)).as("trailing bytes").isEmpty();
        byte[] otherMagic = file.clone();
        otherMagic[0] ^= 1;
        assertThat(ShippedModel.read(otherMagic, fingerprint)).as("not a model file").isEmpty();
        byte[] otherSize = file.clone();
        otherSize[4 + 32 + 3] ^= 1; // the number of classes
        assertThat(ShippedModel.read(otherSize, fingerprint)).as("another number of classes").isEmpty();
    }

    @Test
    void whatItWritesItReadsBack() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] fingerprint = ShippedModel.fingerprint(corpus);
        ShippedModel.write((SoftmaxRegression) trainedNow.model(), fingerprint, out);
        assertThat(out.toByteArray()).isEqualTo(shippedFile());
    }

    private static byte[] shippedFile() {
        return ShippedModel.resource(ShippedModel.RESOURCE);
    }
}
