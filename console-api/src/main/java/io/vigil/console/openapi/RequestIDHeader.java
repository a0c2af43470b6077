package io.vigil.console.openapi;

import io.vigil.console.requests.RequestID;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** The {@code X-Request-ID} answer header: one component, referred to by every answer of the console API. */
final class RequestIDHeader {

    private RequestIDHeader() {
    }

    static void addTo(Components components) {
        components.addHeader(RequestID.HEADER, OASFactory.createHeader().description("The ID of this request, as "
                + "the service's log lines about it name it (requestID): the X-Request-ID the caller sent if it is "
                + "1 to " + RequestID.MAX_LENGTH + " visible ASCII characters, otherwise one the service made (a "
                + "UUID)").schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .maxLength(RequestID.MAX_LENGTH)));
    }

    static APIResponse on(APIResponse response) {
        return response.addHeader(RequestID.HEADER, OASFactory.createHeader().ref(RequestID.HEADER));
    }
}
