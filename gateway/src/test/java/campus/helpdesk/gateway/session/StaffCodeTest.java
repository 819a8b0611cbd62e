package campus.helpdesk.gateway.session;

import campus.helpdesk.gateway.GatewayHttp;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
@Property(name = "helpdesk.session.staff-code", value = "lift-42")
class StaffCodeTest {

    @Inject
    GatewayHttp http;

    @Test
    void theSignInScreenIsToldThatACodeIsRequired() {
        assertThat(http.get("/api/session").body()).contains("\"staffCodeRequired\":true");
    }

    @Test
    void staffWithoutTheRightCodeAreRefused() {
        HttpResponse<String> none = http.post("/api/session", "{\"name\":\"Eve\",\"role\":\"STAFF\"}");
        HttpResponse<String> wrong = http.post("/api/session",
                "{\"name\":\"Eve\",\"role\":\"STAFF\",\"staffCode\":\"lift-43\"}");
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("\"field\":\"staffCode\"");
        assertThat(wrong.body()).contains("That staff code is not right.").doesNotContain("staffCode:");
        assertThat(none.body()).contains("Please enter the staff code.").contains("\"field\":\"staffCode\"");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void analystsNeedTheCodeToo() {
        assertThat(http.post("/api/session", "{\"name\":\"Al\",\"role\":\"ANALYST\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void staffWithTheCodeAndStudentsWithoutOneGetIn() {
        assertThat(http.post("/api/session", "{\"name\":\"Sam\",\"role\":\"STAFF\",\"staffCode\":\"lift-42\"}")
                .statusCode()).isEqualTo(200);
        assertThat(http.post("/api/session", "{\"name\":\"Stu\",\"role\":\"STUDENT\"}").statusCode()).isEqualTo(200);
    }
}
