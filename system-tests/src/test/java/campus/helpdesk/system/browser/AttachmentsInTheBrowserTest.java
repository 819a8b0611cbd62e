package campus.helpdesk.system.browser;

import campus.helpdesk.system.attachments.TestPhotos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's "done": a student attaches a photo to a report and sees its thumbnail, and so do staff; staff answer
 * with a file under their message. The files are real ones on disk, chosen in the browser's file input as a person
 * would choose them.
 */
class AttachmentsInTheBrowserTest {

    private static URI gateway;

    @BeforeAll
    static void suite() {
        gateway = TestGateway.uri();
    }

    @Test
    void aStudentReportsWithAPhotoAndBothTheyAndStaffSeeItsThumbnail(@TempDir Path dir) throws IOException {
        Path photo = Files.write(dir.resolve("radiator.jpg"), TestPhotos.jpeg(1600, 1200));
        Path steps = Files.writeString(dir.resolve("steps.txt"), "1. Close the valve.\n2. Wait for us.\n");
        String word = UUID.randomUUID().toString().substring(0, 8);
        long id;
        try (Browser student = new Browser(gateway)) {
            student.signIn("Pia Student", "STUDENT");
            student.waitFor(By.name("title")).sendKeys("Radiator " + word + " leaking in room 2.14");
            student.driver.findElement(By.name("description")).sendKeys("Water runs down from the radiator valve.");
            student.driver.findElement(By.id("report-files")).sendKeys(photo.toString());
            student.waitForText(By.id("report-chosen"), "radiator.jpg");
            student.screenshot("40-report-with-a-photo");

            id = student.submitReport();
            WebElement thumbnail = loadedImage(student, "#ticket-description + .attachments img");
            assertThat(thumbnail.getAttribute("alt")).isEqualTo("Photo: radiator.jpg");
            // The thumbnail links to the whole photo.
            assertThat(thumbnail.getAttribute("src")).endsWith("?thumbnail=true");
            assertThat(thumbnail.findElement(By.xpath("..")).getAttribute("href"))
                    .isEqualTo(thumbnail.getAttribute("src").replace("?thumbnail=true", ""));
            student.screenshot("41-ticket-with-its-photo");
        }
        try (Browser staff = new Browser(gateway)) {
            staff.signIn("Otto Staff", "STAFF");
            staff.open("#/tickets/" + id);
            loadedImage(staff, "#ticket-description + .attachments img");

            staff.waitFor(By.id("message-text")).sendKeys("Please close the valve as described.");
            staff.driver.findElement(By.id("message-files")).sendKeys(steps.toString());
            staff.waitForText(By.id("message-chosen"), "steps.txt");
            staff.driver.findElement(By.id("send-message")).click();
            staff.waitForText(By.cssSelector("#messages .message .file-link"), "steps.txt");
            assertThat(staff.text(By.cssSelector("#messages .message .file-link")))
                    .contains("bytes");
        }
    }

    @Test
    void aFileTooBigOrAProgramIsRefusedBeforeSendingAndAnArchiveIsRefusedButTheReportIsFiled(@TempDir Path dir)
            throws IOException {
        Path big = Files.write(dir.resolve("scan.pdf"), new byte[10 * 1024 * 1024 + 1]);
        Path program = Files.write(dir.resolve("holiday.jpg"), TestPhotos.elfExecutable());
        Path archive = Files.write(dir.resolve("photos.zip"), zipOfOneText());
        try (Browser student = new Browser(gateway)) {
            student.signIn("Ravi Student", "STUDENT");
            student.waitFor(By.name("title")).sendKeys("Door of the bike shed does not lock");
            student.driver.findElement(By.name("description")).sendKeys("The lock turns but the bolt stays in.");
            student.driver.findElement(By.id("report-files")).sendKeys(big.toString());
            student.waitForText(By.id("report-file-error"), "scan.pdf is too big");
            assertThat(student.driver.findElements(By.cssSelector("#report-chosen li"))).isEmpty();

            // The chooser offers the types the desk takes (README: images, PDF, text, office documents).
            assertThat(student.driver.findElement(By.id("report-files")).getAttribute("accept"))
                    .contains("image/jpeg", "image/png", "image/webp", "application/pdf", "text/plain", ".docx", ".odt")
                    .doesNotContain("*");

            // A program is known by its first bytes, whatever its name: refused as it is chosen, as the desk would.
            student.driver.findElement(By.id("report-files")).sendKeys(program.toString());
            student.waitForText(By.id("report-file-error"), "holiday.jpg was not attached");
            assertThat(student.text(By.id("report-file-error"))).contains("the helpdesk does not take this kind of file");
            assertThat(student.driver.findElements(By.cssSelector("#report-chosen li"))).isEmpty();

            // What the page does not know it leaves to the desk: an archive is chosen, and refused once sent.
            student.driver.findElement(By.id("report-files")).sendKeys(archive.toString());
            student.waitForText(By.id("report-chosen"), "photos.zip");
            // Sent, the report is a ticket: its page opens and says, as a warning, which file was left out and why.
            long id = student.submitReport();
            student.waitForText(By.id("filed-refused-files"), "photos.zip was not attached");
            String refusal = student.text(By.id("filed-refused-files"));
            assertThat(refusal).contains("Your report was sent as ticket #" + id)
                    .contains("the helpdesk does not take this kind of file")
                    .contains("under a message").doesNotContain("application/").doesNotContain("…");
            assertThat(student.driver.findElement(By.id("filed-refused-files")).getAttribute("class"))
                    .doesNotContain("alert-error");
            student.screenshot("42-report-filed-a-file-refused");
            student.waitFor(By.id("ticket-description"));
            assertThat(student.driver.findElements(By.cssSelector(".attachments"))).isEmpty();

            // Said once: a reload shows the ticket without it.
            student.driver.navigate().refresh();
            student.waitFor(By.id("ticket-description"));
            assertThat(student.driver.findElements(By.id("filed-refused-files"))).isEmpty();
        }
    }

    /** A zip archive holding one text file: no kind the desk takes, and none the page refuses by itself. */
    private static byte[] zipOfOneText() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("The photos of the broken lock.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** The image at {@code css}, once scrolled to (thumbnails load lazily) and decoded by the browser. */
    private static WebElement loadedImage(Browser browser, String css) {
        WebElement image = browser.waitFor(By.cssSelector(css));
        browser.script("arguments[0].scrollIntoView()", image);
        browser.waitUntil(d -> ((Number) browser.script("return arguments[0].complete ? arguments[0].naturalWidth : 0",
                d.findElement(By.cssSelector(css)))).intValue() > 0);
        return browser.driver.findElement(By.cssSelector(css));
    }
}
